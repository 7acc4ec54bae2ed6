#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs and starts the real services the tests talk to
# (PostgreSQL, Prometheus, Alertmanager, an OCI registry), runs every module's tests, and stops what it started.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/services.sh start
trap 'scripts/services.sh stop' EXIT
./mvnw -B -ntp verify "$@"
