#!/usr/bin/env bash
# Runs one npm script of the console (test, e2e) after making sure node_modules matches package-lock.json
# (npm ci only when the lock file changed). Used by the Maven build of smo-server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "smo-console: npm not found; install Node 20 and npm (scripts/services.sh does), or skip with -DskipTests" >&2
  exit 1
fi
lock="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f node_modules/.smo-lock-hash || "$(cat node_modules/.smo-lock-hash)" != "$lock" ]]; then
  echo "smo-console: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.smo-lock-hash
fi
script="$1"
shift
exec npm run --silent "$script" -- "$@"
