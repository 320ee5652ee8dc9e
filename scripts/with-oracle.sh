#!/usr/bin/env bash
# Runs a command with a private real Docker engine (the oracle) and DOCKER_HOST pointing at it:
#   bash scripts/with-oracle.sh npm run conformance:docker
# Uses ../shared/oracle/up.sh (next to the repo; override with ORACLE_SHARED=/path/to/shared/oracle) and a
# temporary directory, and always stops the daemon it started. Needs root, or sudo without a password.
# If the oracle cannot start, prints a loud warning and still runs the command without DOCKER_HOST, so the
# command can fall back to recorded results; set ORACLE_REQUIRED=1 to fail instead.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${ORACLE_SHARED:-}
if [ -z "$shared" ]; then
  for c in "$repo/../shared/oracle" "/work/shared/oracle"; do
    [ -f "$c/up.sh" ] && { shared=$(cd "$c" && pwd); break; }
  done
fi
warn() { printf '\n%s\n!! %s\n%s\n\n' "$(printf '!%.0s' $(seq 78))" "$*" "$(printf '!%.0s' $(seq 78))" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
fi

dir=""
started=0
if [ -z "$shared" ]; then
  warn "oracle scripts not found (../shared/oracle/up.sh): running without a real Docker engine"
elif [ "$SUDO" = "none" ]; then
  warn "the oracle needs root (or passwordless sudo): running without a real Docker engine"
else
  dir=$(mktemp -d /tmp/layerlab-oracle.XXXXXX)
  chmod 755 "$dir"
  if out=$($SUDO bash "$shared/up.sh" "$dir" 2>&1); then
    started=1
    export DOCKER_HOST="unix://$dir/docker.sock"
    if [ -n "$SUDO" ]; then $SUDO chmod 666 "$dir/docker.sock" 2>/dev/null || true; fi
    echo "== oracle up: $DOCKER_HOST"
  else
    warn "the oracle did not start: $(echo "$out" | tail -3)"
  fi
fi
cleanup() {
  if [ "$started" = 1 ]; then $SUDO bash "$shared/down.sh" "$dir" >/dev/null 2>&1 || true; fi
  if [ -n "$dir" ]; then $SUDO rm -rf "$dir" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM
if [ "$started" != 1 ] && [ "${ORACLE_REQUIRED:-0}" = 1 ]; then exit 1; fi
"$@"
exit $?
