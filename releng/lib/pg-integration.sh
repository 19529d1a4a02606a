#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Integration test on one shared PostgreSQL database (RENKEI_TEST_PG_URL from postgres.sh):
#  - two installations (separate RENKEI_HOMEs, same database) see each other's audit records and
#    notifications;
#  - two headless servers run side by side and each periodic task still runs exactly once;
#  - both servers stop cleanly on SIGTERM.
#   pg-integration.sh <work-dir>
set -euo pipefail
source "$(dirname "$0")/common.sh"
work=${1:?work directory}
: "${RENKEI_TEST_PG_URL:?start PostgreSQL first (releng/lib/postgres.sh)}"
rm -rf "$work"; mkdir -p "$work"

fail() { echo "pg-integration: FAIL: $*" >&2; exit 1; }
psql_it() { psql -h 127.0.0.1 -p "$RENKEI_TEST_PG_PORT" -U postgres -d renkei_it -At -c "$1"; }

psql -h 127.0.0.1 -p "$RENKEI_TEST_PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS renkei_it" -c "CREATE DATABASE renkei_it"
url="${RENKEI_TEST_PG_URL%/*}/renkei_it"
for site in a b; do
  mkdir -p "$work/$site"
  cat > "$work/$site/renkei.properties" <<PROPS
db.url=$url
db.user=postgres
scheduler.tick=PT1S
site.example.dns.hosts=localhost
PROPS
done
cli() { local site=$1; shift; RENKEI_HOME="$work/$site" "$RENKEI_REPO/releng/renkei" "$@"; }

echo "pg-integration: audit records written by A are visible to B"
printf 'integration-office-pass\n' > "$work/password"
cli a operator bootstrap --user office --name "運用担当 統合テスト" --password-file "$work/password" >/dev/null
# Each installation's CLI logs in for itself; the session rows live in the shared database.
for site in a b; do RENKEI_HOME="$work/$site" renkei_login office integration-office-pass; done
cli b audit list --action operator.create | grep -q $'\toperator.create\toffice\tSUCCESS' || fail "B does not see A's audit record"
cli b operator list | grep -q '^office' || fail "B does not see the operator A created"
cli b audit verify >/dev/null || fail "audit chain broken after cross-instance writes"

if cli a help | grep -q '^  notify post'; then
  echo "pg-integration: notifications posted by B are visible to A"
  cli b notify post --severity WARNING --source integration --title "共有DBテスト" --body "from B" >/dev/null
  cli a notify feed --limit 5 | grep -q "共有DBテスト" || fail "A does not see B's notification"
else
  fail "renkei notify post is missing"
fi

echo "pg-integration: two servers on one database run each task once"
# Started from this shell (not a command substitution) so that `wait` can collect their exit codes.
( RENKEI_HOME="$work/a" launch_product server -Drenkei.scheduler.enabled=true -- ) >"$work/a/stdout.log" 2>&1 &
pid_a=$!
( RENKEI_HOME="$work/b" launch_product server -Drenkei.scheduler.enabled=true -- ) >"$work/b/stdout.log" 2>&1 &
pid_b=$!
for _ in $(seq 1 60); do
  runs=$(psql_it "SELECT run_count FROM renkei_job WHERE job_id = 'platform.database'" 2>/dev/null || true)
  [ "${runs:-0}" -ge 1 ] && break
  sleep 1
done
sleep 5   # both tickers have had several chances to run the task again
runs=$(psql_it "SELECT run_count FROM renkei_job WHERE job_id = 'platform.database'")
[ "$runs" = "1" ] || fail "platform.database ran $runs times in one interval (expected exactly 1)"
echo "pg-integration: platform.database ran once with two servers: $(grep -ho 'started: .*scheduler active as [^,]*' "$work"/*/stdout.log | sed 's/.*active as //' | tr '\n' ' ')"

echo "pg-integration: SIGTERM stops both servers cleanly"
kill -TERM "$pid_a" "$pid_b"
for pid in "$pid_a" "$pid_b"; do
  status=0; wait "$pid" || status=$?
  [ "$status" -eq 0 ] || [ "$status" -eq 143 ] || fail "server $pid exited with $status on SIGTERM"
done
grep -q "Renkei server stopped" "$work/a/stdout.log" || fail "server A did not log a clean stop"
grep -q "Renkei server stopped" "$work/a/logs/server.log" || fail "server A did not write its log file"
echo "pg-integration: OK"
