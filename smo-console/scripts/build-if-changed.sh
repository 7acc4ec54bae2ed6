#!/usr/bin/env bash
# Builds the console into dist/ with the machine's npm (npm ci, npm run build), only when its sources, build
# configuration or lock file changed since the last build: a hash of them is kept in .build-stamp, so a later
# Maven build (and ./smo) skips Node entirely. npm ci runs only when package-lock.json changed.
# Without npm the server is built without a fresh console: the last dist/ is used, or none (warning).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

INPUTS=(package.json package-lock.json index.html vite.config.ts tsconfig.json src public)
hash_of() { find "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1; }

sources="$(hash_of "${INPUTS[@]}")"
if [[ -f .build-stamp && "$(cat .build-stamp)" == "$sources" && -f dist/index.html ]]; then
  echo "smo-console: up to date (sources unchanged), build skipped"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [[ -f dist/index.html ]]; then
    echo "smo-console: WARNING npm not found; packing the console built before, not the current sources" >&2
  else
    echo "smo-console: WARNING npm not found; the server is built without its console (install Node 20 and npm)" >&2
  fi
  exit 0
fi
lock="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f node_modules/.smo-lock-hash || "$(cat node_modules/.smo-lock-hash)" != "$lock" ]]; then
  echo "smo-console: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.smo-lock-hash
fi
echo "smo-console: npm run build"
npm run build --silent
echo "$sources" > .build-stamp
