#!/usr/bin/env bash
# Starts the portal on its embedded default: the simulated CAPI management cluster,
# then the backend (:7007, SQLite in memory, guest sign-in) and the frontend (:3000).
# Installs what it needs first (Node 22, Yarn dependencies); re-running is quick.
#   MULTICLOUD_SIM_CLUSTERS=N   simulate N clusters instead of the seed's three
#   MULTICLOUD_SIM_PORT=P       port of the simulated management cluster (default 6443)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh

RUN_DIR="$PWD/.run"
mkdir -p "$RUN_DIR"
export MULTICLOUD_KUBECONFIG="$RUN_DIR/capi-sim.kubeconfig"
rm -f "$MULTICLOUD_KUBECONFIG"

sim_args=(--port "${MULTICLOUD_SIM_PORT:-6443}" --seed "${MULTICLOUD_SIM_SEED:-trustram}" --kubeconfig-out "$MULTICLOUD_KUBECONFIG")
[[ -n "${MULTICLOUD_SIM_CLUSTERS:-}" ]] && sim_args+=(--clusters "$MULTICLOUD_SIM_CLUSTERS")
packages/capi-simulator/bin/capi-sim "${sim_args[@]}" &
SIM_PID=$!
trap 'kill "$SIM_PID" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
  [[ -s "$MULTICLOUD_KUBECONFIG" ]] && break
  kill -0 "$SIM_PID" 2>/dev/null || { echo "start: the simulator exited" >&2; exit 1; }
  sleep 0.5
done
[[ -s "$MULTICLOUD_KUBECONFIG" ]] || { echo "start: the simulator wrote no kubeconfig" >&2; exit 1; }

yarn start
