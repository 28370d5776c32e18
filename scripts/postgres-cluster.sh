#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server-Postgres tests and the bench: a fresh data
# directory in a temp dir, a server on a loopback port (trust authentication, nothing else can
# reach it), one database. PostgreSQL refuses to run as root, so as root the server runs as the
# `postgres` user (Debian's package creates it).
#
#   scripts/postgres-cluster.sh run [--no-fsync] -- npm test
#       starts a cluster, runs the command with SEATKIT_TEST_POSTGRES_URL set, stops the cluster
#   scripts/postgres-cluster.sh start [--dir DIR] [--port PORT] [--no-fsync]
#       starts one and prints its connection string (the only line on stdout)
#   scripts/postgres-cluster.sh stop --dir DIR
#       stops it and removes DIR
#   scripts/postgres-cluster.sh bin
#       prints the directory of the server binaries it uses (fails when there are none)
#
# The server binaries come from $PG_BIN, else `pg_config --bindir`, else
# /usr/lib/postgresql/15/bin (`apt-get install -y postgresql` on Debian 12 gives 15).
# --no-fsync turns off fsync and synchronous commit: faster tests, never for figures.
set -euo pipefail

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}

log() { printf '[postgres-cluster] %s\n' "$*" >&2; }

find_bin() {
  local dir
  for dir in "${PG_BIN:-}" "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/15/bin; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  log "No PostgreSQL server binaries (initdb, pg_ctl) found."
  log "Install them (Debian/Ubuntu: sudo apt-get install -y postgresql) or set PG_BIN to their directory."
  exit 1
}

# Runs a server command as the user that owns the cluster: `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

free_port() {
  node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

start() {
  local dir="" port="" fsync=on
  while [ $# -gt 0 ]; do
    case "$1" in
      --dir) dir="$2"; shift 2 ;;
      --port) port="$2"; shift 2 ;;
      --no-fsync) fsync=off; shift ;;
      *) usage ;;
    esac
  done
  local bin
  bin="$(find_bin)"
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    log "Running as root, and there is no postgres user to run the server as (PostgreSQL refuses root)."
    exit 1
  fi
  [ -n "$dir" ] || dir="$(mktemp -d "${TMPDIR:-/tmp}/seatkit-pg.XXXXXX")"
  mkdir -p "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
  [ -n "$port" ] || port="$(free_port)"

  log "initdb in $dir/data"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
    >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  local options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir"
  options="$options -c max_connections=200 -c shared_buffers=256MB"
  [ "$fsync" = on ] || options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  log "starting on 127.0.0.1:$port (fsync $fsync)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$options" start >/dev/null || {
    cat "$dir/server.log" >&2
    exit 1
  }
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres seatkit
  local url="postgres://postgres@127.0.0.1:$port/seatkit"
  printf '%s\n' "$url" >"$dir/url"
  printf '%s\n' "$url"
}

stop() {
  local dir=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --dir) dir="$2"; shift 2 ;;
      *) usage ;;
    esac
  done
  [ -n "$dir" ] || usage
  if [ -f "$dir/data/postmaster.pid" ]; then
    log "stopping the cluster in $dir"
    as_owner "$(find_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

run() {
  local start_args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    start_args+=("$1")
    shift
  done
  [ "${1:-}" = "--" ] || usage
  shift
  [ $# -gt 0 ] || usage
  # Global: the EXIT trap reads it after this function has returned.
  run_dir="$(mktemp -d "${TMPDIR:-/tmp}/seatkit-pg.XXXXXX")"
  # Stopped however the command ends (failure, Ctrl-C).
  trap 'stop --dir "$run_dir"' EXIT
  SEATKIT_TEST_POSTGRES_URL="$(start --dir "$run_dir" "${start_args[@]}")"
  export SEATKIT_TEST_POSTGRES_URL
  log "SEATKIT_TEST_POSTGRES_URL=$SEATKIT_TEST_POSTGRES_URL"
  "$@"
}

command="${1:-}"
[ $# -eq 0 ] || shift
case "$command" in
  start) start "$@" ;;
  stop) stop "$@" ;;
  run) run "$@" ;;
  bin) find_bin ;;
  *) usage ;;
esac
