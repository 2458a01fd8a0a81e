#!/usr/bin/env bash
# Starts the portal (scripts/start.sh), waits until the frontend and the backend answer,
# runs the Playwright tests in e2e/ with Debian's Chromium, and stops the portal.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh
RUN_DIR="$PWD/.run"
mkdir -p "$RUN_DIR" e2e/screenshots

for port in 3000 7007 6443; do
  if node -e "require('net').connect($port,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; then
    echo "e2e: port $port is already in use; stop whatever listens there first" >&2
    exit 1
  fi
done

setsid scripts/start.sh >"$RUN_DIR/portal.log" 2>&1 &
PORTAL_PID=$!
stop_portal() { kill -- -"$PORTAL_PID" 2>/dev/null || true; wait "$PORTAL_PID" 2>/dev/null || true; }
trap stop_portal EXIT

wait_for() {
  local url=$1 seconds=$2
  for _ in $(seq 1 "$seconds"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "$PORTAL_PID" 2>/dev/null || { echo "e2e: the portal exited; last lines of .run/portal.log:" >&2; tail -40 "$RUN_DIR/portal.log" >&2; return 1; }
    sleep 1
  done
  echo "e2e: $url did not answer within ${seconds}s; last lines of .run/portal.log:" >&2
  tail -40 "$RUN_DIR/portal.log" >&2
  return 1
}
wait_for http://localhost:7007/api/multicloud/health 600
wait_for http://localhost:3000 600

status=0
yarn test:e2e || status=$?
node scripts/summarize-results.js playwright "$RUN_DIR/playwright-results.json"
# While the simulator still runs: no token or kubeconfig material in the log, the
# screenshots' page text or the Playwright results.
scan_status=0
yarn scan:secrets || scan_status=$?
[[ "$status" == 0 ]] && status=$scan_status
exit "$status"
