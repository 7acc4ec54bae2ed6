#!/usr/bin/env bash
# Builds the base image the tests put SMO's container image on, since no public image registry is reachable: a
# minimal Debian root file system (a few packages unpacked with dpkg-deb, no package manager) plus a Java 17 runtime
# made with jlink from the build's JDK, packed with umoci and pushed with skopeo to the loopback registry.
# Production images use a Temurin JRE instead (smo-dist's jib.from.image).
#
# Usage: scripts/base-image.sh [--force]   prints the image reference (REGISTRY/smo/base-jre:TAG) on stdout.
# Idempotent and cached: nothing is done when the registry already has the image; an OCI layout kept in the cache
# directory is pushed again without rebuilding. Installs what it needs with apt-get (as root) when missing.
# Environment: SMO_REGISTRY (127.0.0.1:5000), SMO_BASE_IMAGE_CACHE ($SMO_SERVICES_DIR/base-image), JAVA_HOME.
set -euo pipefail
# Only the image reference goes to stdout (fd 3); every tool's output goes to stderr.
exec 3>&1 1>&2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
registry="${SMO_REGISTRY:-127.0.0.1:5000}"
cache="${SMO_BASE_IMAGE_CACHE:-${SMO_SERVICES_DIR:-$root/.smo-services}/base-image}"
# Bump the revision when the recipe below changes: a new tag, so caches and registries are not reused.
revision=r2
packages=(base-files netbase tzdata libc6 libc-bin libgcc-s1 libstdc++6 zlib1g dash)

log() { echo "[base-image] $*" >&2; }

install_tools() {
  local missing=()
  command -v umoci >/dev/null || missing+=(umoci)
  command -v skopeo >/dev/null || missing+=(skopeo)
  command -v dpkg-deb >/dev/null || missing+=(dpkg)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
    echo "$JAVA_HOME"
  elif command -v jlink >/dev/null; then
    dirname "$(dirname "$(readlink -f "$(command -v jlink)")")"
  else
    log "no jlink: set JAVA_HOME to a JDK 17, or apt-get install openjdk-17-jdk-headless"
    exit 3
  fi
}

# The runtime's Java feature version is the tag's first part: the base must run what the build compiled.
jdk=$(java_home)
feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
tag="$feature-$revision"
ref="$registry/smo/base-jre:$tag"

if [ "${1:-}" != "--force" ] && skopeo inspect --tls-verify=false --raw "docker://$ref" >/dev/null 2>&1; then
  log "$ref is already in the registry"
  echo "$ref" >&3
  exit 0
fi
install_tools

layout="$cache/oci"
if [ "${1:-}" = "--force" ] || ! [ -f "$cache/$tag.done" ]; then
  start=$SECONDS
  work="$cache/work"
  rm -rf "$work" "$layout" "$cache"/*.done
  mkdir -p "$work/debs" "$work/rootfs"
  rootfs="$work/rootfs"

  log "downloading ${packages[*]}"
  (cd "$work/debs" && apt-get download -qq "${packages[@]}" 2>/dev/null) || {
    apt-get update -qq
    (cd "$work/debs" && apt-get download -qq "${packages[@]}")
  }
  for deb in "$work"/debs/*.deb; do
    dpkg-deb -x "$deb" "$rootfs"
  done
  # dash is /bin/sh; no package manager, so the link its maintainer script would make is made here.
  ln -sf dash "$rootfs/bin/sh"
  mkdir -p "$rootfs/tmp" "$rootfs/home/nonroot" "$rootfs/etc"
  chmod 1777 "$rootfs/tmp"
  chown 65532:65532 "$rootfs/home/nonroot"
  printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
    'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' > "$rootfs/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' 'nonroot:x:65532:' > "$rootfs/etc/group"
  ln -sf /usr/share/zoneinfo/Etc/UTC "$rootfs/etc/localtime"
  rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/info" "$rootfs/usr/share/lintian"

  if ! [ -d "$jdk/jmods" ]; then
    log "$jdk has no jmods to link a runtime from; apt-get install openjdk-17-jdk-headless, or set JAVA_HOME"
    exit 3
  fi
  log "jlink: a Java $feature runtime from $jdk"
  "$jdk/bin/jlink" --add-modules ALL-MODULE-PATH --module-path "$jdk/jmods" --strip-debug --no-header-files \
    --no-man-pages --compress=2 --output "$rootfs/opt/java/openjdk"
  # The build JDK's trust store (a Debian JDK links it to /etc/ssl/certs/java), so TLS works inside the image.
  rm -f "$rootfs/opt/java/openjdk/lib/security/cacerts"
  cp -L "$jdk/lib/security/cacerts" "$rootfs/opt/java/openjdk/lib/security/cacerts"

  log "packing with umoci"
  bundle="$work/bundle"
  umoci init --layout "$layout"
  umoci new --image "$layout:$tag"
  umoci unpack --image "$layout:$tag" "$bundle"
  cp -a "$rootfs/." "$bundle/rootfs/"
  umoci repack --image "$layout:$tag" "$bundle"
  umoci config --image "$layout:$tag" --os linux --architecture amd64 \
    --config.env PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env JAVA_HOME=/opt/java/openjdk --config.env LANG=C.UTF-8 \
    --config.label org.opencontainers.image.title=smo-test-base-jre \
    --config.label "org.opencontainers.image.description=Debian packages and a jlink runtime, for tests" \
    --config.cmd /opt/java/openjdk/bin/java --config.cmd -version
  umoci gc --layout "$layout"
  rm -rf "$work"
  touch "$cache/$tag.done"
  log "built in $((SECONDS - start)) s"
fi

log "pushing $ref"
skopeo copy -q --dest-tls-verify=false "oci:$layout:$tag" "docker://$ref"
echo "$ref" >&3
