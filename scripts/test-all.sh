#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs and starts the real services the tests talk to
# (PostgreSQL, Prometheus, Alertmanager, an OCI registry), runs every module's tests, and stops what it started.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/services.sh start
trap 'scripts/services.sh stop' EXIT
# The container image goes on a base made from Debian packages (no public image registry is reachable), is pushed to
# the loopback registry by jib:build, and smo-dist's ImageIT and ImageRunIT read it back from there and run it.
base=$(scripts/base-image.sh)
./mvnw -B -ntp verify -Pimage -Djib.from.image="$base" -Djib.to.image=127.0.0.1:5000/smo/smo:test \
  -Djib.allowInsecureRegistries=true -Dsmo.image.revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)" "$@"
# Install the artifacts with their sources and Javadoc jars (the public API's Javadoc builds without a warning), then
# build an application that uses them through the BOM and the JUnit extension, on the module path and the class path.
./mvnw -B -ntp install -Ppublish -DskipTests -DskipITs
./mvnw -B -ntp -f smo-examples/consumer/pom.xml verify
