#!/usr/bin/env bash
# Installs (when missing), starts and stops the real services the test suite talks to:
# PostgreSQL (127.0.0.1:5432), Prometheus (127.0.0.1:9090), Alertmanager (127.0.0.1:9093)
# and an OCI registry (127.0.0.1:5000); install also brings Node, npm and chromium for the console's tests.
# Usage: scripts/services.sh install|start|stop|status
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
export SMO_SERVICES_DIR="${SMO_SERVICES_DIR:-$root/.smo-services}"
run="$SMO_SERVICES_DIR/run"

log() { echo "[services] $*" >&2; }

install() {
  local missing=()
  command -v prometheus >/dev/null || missing+=(prometheus)
  command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  # The web console's build and browser tests: Node 20 with npm, Debian's chromium (never a downloaded browser)
  # and a font for it to render text with.
  command -v npm >/dev/null || missing+=(nodejs npm)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

render() { # render TEMPLATE OUT: substitutes ${SMO_SERVICES_DIR}
  sed "s#\${SMO_SERVICES_DIR}#$SMO_SERVICES_DIR#g" "$1" > "$2"
}

wait_http() { # wait_http URL NAME
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  log "$2 did not answer at $1"; return 1
}

start_daemon() { # start_daemon NAME COMMAND...
  local name=$1; shift
  if [ -f "$run/$name.pid" ] && kill -0 "$(cat "$run/$name.pid")" 2>/dev/null; then
    log "$name already running"; return 0
  fi
  "$@" >"$run/$name.log" 2>&1 &
  echo $! > "$run/$name.pid"
}

start_postgres() {
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then return 0; fi
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$version" ]; then log "no PostgreSQL cluster found"; return 1; fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  touch "$run/postgres.started"
  for _ in $(seq 1 50); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.2; done
  # Trust auth on loopback and the database the tests use.
  su postgres -c "psql -tAc \"select 1 from pg_database where datname='test'\"" | grep -q 1 \
    || su postgres -c "createdb test"
}

start() {
  mkdir -p "$run" "$SMO_SERVICES_DIR/registry" "$SMO_SERVICES_DIR/rules" "$SMO_SERVICES_DIR/prometheus" "$SMO_SERVICES_DIR/alertmanager"
  start_postgres
  render "$here/services/registry.yml" "$run/registry.yml"
  render "$here/services/prometheus.yml" "$run/prometheus.yml"
  cp "$here/services/alertmanager.yml" "$run/alertmanager.yml"
  start_daemon registry docker-registry serve "$run/registry.yml"
  start_daemon alertmanager prometheus-alertmanager --config.file="$run/alertmanager.yml" \
    --storage.path="$SMO_SERVICES_DIR/alertmanager" --web.listen-address=127.0.0.1:9093 --cluster.listen-address=
  start_daemon prometheus prometheus --config.file="$run/prometheus.yml" \
    --storage.tsdb.path="$SMO_SERVICES_DIR/prometheus" --web.listen-address=127.0.0.1:9090 --web.enable-lifecycle
  wait_http http://127.0.0.1:5000/v2/ registry
  wait_http http://127.0.0.1:9093/-/ready alertmanager
  wait_http http://127.0.0.1:9090/-/ready prometheus
  log "PostgreSQL 127.0.0.1:5432, registry 127.0.0.1:5000, Prometheus 127.0.0.1:9090, Alertmanager 127.0.0.1:9093 (rules in $SMO_SERVICES_DIR/rules)"
}

stop() {
  for name in prometheus alertmanager registry; do
    if [ -f "$run/$name.pid" ]; then
      kill "$(cat "$run/$name.pid")" 2>/dev/null || true
      rm -f "$run/$name.pid"
    fi
  done
  if [ -f "$run/postgres.started" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main stop || true
    rm -f "$run/postgres.started"
  fi
}

case "${1:-}" in
  install) install ;;
  start) install; start ;;
  stop) stop ;;
  status) for n in registry alertmanager prometheus; do
            if [ -f "$run/$n.pid" ] && kill -0 "$(cat "$run/$n.pid")" 2>/dev/null; then echo "$n running"; else echo "$n stopped"; fi
          done ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
