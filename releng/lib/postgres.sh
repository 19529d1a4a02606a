#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Starts a throw-away PostgreSQL cluster from Debian's binaries on a free loopback port.
#   source releng/lib/postgres.sh; pg_start <dir>   -> exports RENKEI_TEST_PG_URL, RENKEI_TEST_PG_USER
#   pg_stop <dir>
# PostgreSQL refuses to run as root, so the cluster belongs to the 'postgres' system user then.

pg_bin() {
  local dir; dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$dir" ] || { echo "postgres: no Debian PostgreSQL found (run releng/install-deps)" >&2; return 1; }
  echo "$dir"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local dir=$1 bin port
  bin=$(pg_bin) || return 1
  port=$(free_port)
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" start >/dev/null ||
    { cat "$dir/server.log" >&2; return 1; }
  export RENKEI_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
  export RENKEI_TEST_PG_USER=postgres
  export RENKEI_TEST_PG_PORT=$port
}

pg_stop() {
  local dir=$1 bin
  bin=$(pg_bin) || return 0
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
}
