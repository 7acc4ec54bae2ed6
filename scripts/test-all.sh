#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs and starts the real services the tests talk to
# (PostgreSQL, Prometheus, Alertmanager, an OCI registry), runs every module's tests, and stops what it started.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/services.sh start
trap 'scripts/services.sh stop' EXIT
./mvnw -B -ntp verify "$@"
# Install the artifacts with their sources and Javadoc jars (the public API's Javadoc builds without a warning), then
# build an application that uses them through the BOM and the JUnit extension, on the module path and the class path.
./mvnw -B -ntp install -Ppublish -DskipTests -DskipITs
./mvnw -B -ntp -f smo-examples/consumer/pom.xml verify
