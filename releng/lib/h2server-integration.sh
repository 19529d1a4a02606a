#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Integration test of H2 server mode: a headless server serves its home's H2 database over TCP
# (h2.tcp.port) and a second installation works on it through jdbc:h2:tcp://.
#   h2server-integration.sh <work-dir>
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"   # free_port
work=${1:?work directory}
rm -rf "$work"; mkdir -p "$work"
fail() { echo "h2server-integration: FAIL: $*" >&2; exit 1; }

RENKEI_HOME="$work/server" "$RENKEI_REPO/releng/renkei" demo init >/dev/null
port=$(free_port)
echo "h2.tcp.port=$port" >> "$work/server/renkei.properties"
( RENKEI_HOME="$work/server" launch_product server -Drenkei.scheduler.enabled=true -- ) >"$work/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do grep -q "Renkei server started" "$work/server.log" && break; sleep 1; done
grep -q "H2 server mode: tcp://" "$work/server.log" || fail "server did not start H2 server mode: $(tail -3 "$work/server.log")"

mkdir -p "$work/client"
printf 'db.url=jdbc:h2:tcp://127.0.0.1:%s/renkei\ndb.user=renkei\n' "$port" > "$work/client/renkei.properties"
client() { RENKEI_HOME="$work/client" "$RENKEI_REPO/releng/renkei" "$@"; }
# The demo operator logs in from each installation; the session rows live in the served database.
for home in client server; do RENKEI_HOME="$work/$home" renkei_login demo renkei-demo-2026; done
client operator list | grep -q '^demo' || fail "client does not see the server's operators"
client notify post --severity INFO --source h2-it --title "H2サーバーモード" >/dev/null
client notify feed --limit 3 | grep -q "H2サーバーモード" || fail "client cannot read back its notification"
RENKEI_HOME="$work/server" "$RENKEI_REPO/releng/renkei" notify feed --limit 3 | grep -q "H2サーバーモード" ||
  fail "the server's own home does not see the client's notification"
client audit verify >/dev/null || fail "audit chain broken over TCP"
kill -TERM "$server"; wait "$server" || true
trap - EXIT
echo "h2server-integration: OK"
