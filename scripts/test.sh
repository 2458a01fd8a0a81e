#!/usr/bin/env bash
# Runs every test of the repository: type check, lint, the unit and integration tests of
# every package, and the e2e smoke tests in Debian's Chromium against the started portal.
# Installs what it needs first (Node 22, Yarn dependencies, Chromium and Prometheus via apt).
#   MULTICLOUD_SKIP_E2E=1   skip the browser tests (they need ports 3000, 7007 and 6443)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh
ensure_apt /usr/bin/chromium:chromium /usr/bin/promtool:prometheus

export CI=true
RUN_DIR="$PWD/.run"
mkdir -p "$RUN_DIR"

# Postgres: the database tests run on SQLite and, where a server answers on 127.0.0.1:5432,
# on Postgres too (TestDatabases). Say so when it is missing instead of passing silently.
if node -e "require('net').connect(5432,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
  echo "test: Postgres found on 127.0.0.1:5432; database tests also run on Postgres"
else
  echo "test: no Postgres on 127.0.0.1:5432; database tests run on SQLite only (apt-get install postgresql to include it)"
fi

echo "== type check"
yarn tsc
echo "== lint"
yarn lint:all
echo "== unit and integration tests"
yarn test --json --outputFile="$RUN_DIR/jest-results.json" 2>&1 | tee "$RUN_DIR/jest.log" | grep -vE '^\s*$' | tail -40
unit_status=${PIPESTATUS[0]}
node scripts/summarize-results.js jest "$RUN_DIR/jest-results.json"
[[ "$unit_status" == 0 ]] || { echo "test: unit tests failed (full log: .run/jest.log)"; exit "$unit_status"; }

# The fast operations suites (suites/README.md): each prints its failed checks and its summary
# line; the full logs are in .run/suite-<name>.log.
echo "== operations suites (faults --quick, replicas)"
run_suite() {
  local name=$1 status=0
  shift
  yarn "suite:$name" "$@" >"$RUN_DIR/suite-$name.log" 2>&1 || status=$?
  grep -E "^(FAIL |$name: )" "$RUN_DIR/suite-$name.log" || echo "$name: no summary line (log: .run/suite-$name.log)"
  return "$status"
}
suites_status=0
run_suite faults --quick || suites_status=1
if [[ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]]; then
  run_suite replicas --seconds 20 --postgres "$BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING" || suites_status=1
else
  echo "replicas: skipped (no Postgres on 127.0.0.1:5432)"
fi
[[ "$suites_status" == 0 ]] || { echo "test: operations suites failed (logs: .run/suite-*.log)"; exit 1; }

if [[ -n "${MULTICLOUD_SKIP_E2E:-}" ]]; then
  echo "test: e2e skipped (MULTICLOUD_SKIP_E2E is set)"
  exit 0
fi
echo "== e2e"
scripts/e2e.sh
