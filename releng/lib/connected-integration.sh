#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Connected mode end to end: a real server on loopback (demo home, its own server certificate) and
# connected homes that reach it over mutual TLS, with curl and openssl as independent clients:
#  - two connected homes (a CA operator's, the operations office's) list the same certificates the
#    server holds; a connected home has no database;
#  - a revocation made through one home reaches the other's event stream within seconds and its feed;
#  - /repository/ is public; /health and /metrics need a client certificate (promtool checks the text);
#  - refused by the server and audited, nothing changed: no client certificate, a certificate of an
#    unknown CA, a revoked operator certificate, a logged-out token, a token used with another client
#    certificate, a forged session object, a local-only method, a method the session's roles do not
#    allow;
#  - a stopped server is one line in the connected CLI.
#   connected-integration.sh <work-dir>
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/demo.sh"
source "$(dirname "$0")/server.sh"
work=${1:?work directory}
rm -rf "$work"; mkdir -p "$work"
cd "$work"

fail() { echo "connected-integration: FAIL: $*" >&2; [ -f "$work/server.log" ] && tail -n 40 "$work/server.log" >&2; exit 1; }
step() { echo "connected-integration: $*"; }
SERVER_HOME="$work/server"
# `at HOME renkei …` runs the CLI on one home.
at() { local home=$1; shift; RENKEI_HOME="$home" "$RENKEI_REPO/releng/renkei" "$@"; }
refused_at() {
  local home=$1; shift
  local err="$work/refused.err" status=0
  at "$home" "$@" >"$work/refused.out" 2>"$err" || status=$?
  [ "$status" -ne 0 ] || fail "'renkei $*' in $home succeeded but should have been refused"
  [ "$(wc -l <"$err")" -eq 1 ] || { cat "$err" >&2; fail "'renkei $*' in $home did not fail with one line"; }
  cat "$err"
}
login_at() { local home=$1; shift; RENKEI_HOME="$home" renkei_login "$@"; }
stream_pid=
trap 'server_stop; [ -n "$stream_pid" ] && kill "$stream_pid" 2>/dev/null; true' EXIT

step "server home: demo CA, server certificate for localhost, operator certificates, published repository"
server_demo_home "$SERVER_HOME" "$work" ca-alice demo helpdesk
[ "$DEMO_CA_USER" = ca-alice ] && [ "$DEMO_USER" = demo ] || fail "the demo's operators are not ca-alice and demo any more"
URL=$SERVER_URL
login_at "$SERVER_HOME" "$DEMO_USER" "$DEMO_PASSWORD"
at "$SERVER_HOME" ca list >server-list.txt
[ -s server-list.txt ] || fail "the server home lists no certificates"

step "server on $URL"
server_start "$SERVER_HOME" "$work/server.log"
curl -sf --cacert ca.pem "$URL/repository/ca.pem" -o served-ca.pem || fail "/repository/ca.pem"
cmp -s <(openssl x509 -in ca.pem -outform DER) <(openssl x509 -in served-ca.pem -outform DER) ||
  fail "the server does not serve the CA certificate at /repository/ca.pem"
grep -q "localhost:${URL##*:}\|127.0.0.1:${URL##*:}" "$work/server.log" || fail "the server log does not name its HTTPS address"

step "public repository; /health and /metrics need a client certificate"
status() { curl -s -o "$work/body" -w '%{http_code}' --cacert ca.pem "$@" || true; }
[ "$(status "$URL/repository/")" = 200 ] && grep -q 'ca.crl' body || fail "repository index without a certificate"
[ "$(status "$URL/repository/ca.crl")" = 200 ] && openssl crl -inform DER -in body -noout || fail "CRL from the repository"
[ "$(status "$URL/repository/../renkei.properties")" != 200 ] || fail "path traversal out of the repository"
for path in /health /metrics /api/services; do
  [ "$(status "$URL$path")" = 401 ] || fail "$path without a client certificate is not 401"
done
[ "$(status --cert "$DEMO_USER.pem" "$URL/health")" = 200 ] && grep -q '"sourceId"' body || fail "/health with a certificate"
[ "$(status --cert "$DEMO_USER.pem" "$URL/metrics")" = 200 ] || fail "/metrics with a certificate"
cp body metrics.txt
grep -q '^# TYPE ' metrics.txt || fail "/metrics is not Prometheus text"
if command -v promtool >/dev/null; then
  promtool check metrics <metrics.txt || fail "promtool check metrics"
else
  fail "promtool is missing (releng/install-deps installs prometheus)"
fi
openssl req -x509 -newkey rsa:2048 -nodes -keyout stranger.key -out stranger.crt -days 2 -subj "/CN=ca-alice" 2>/dev/null
[ "$(status --cert stranger.crt --key stranger.key "$URL/api/services")" = 200 ] && fail "a certificate of an unknown CA was accepted"
[ "$(status --cert stranger.crt --key stranger.key "$URL/repository/")" = 200 ] && fail "a handshake with an unknown CA's certificate succeeded"

step "two connected homes list the same certificates as the server"
connect_home() { # <home> <user>
  at "$SERVER_HOME" connect --home "$1" --server-url "$URL" --ca-cert ca.pem --p12 "$2.p12" --passphrase-file operator.pass >/dev/null
  [ ! -e "$1/db" ] || fail "connect created a database in $1"
}
ALICE_HOME="$work/console-alice"
OFFICE_HOME="$work/console-office"
connect_home "$ALICE_HOME" "$DEMO_CA_USER"
connect_home "$OFFICE_HOME" "$DEMO_USER"
[ "$(refused_at "$ALICE_HOME" ca list)" = "renkei ca list: not logged in; run 'renkei login --user NAME' first" ] ||
  fail "a connected CLI without a session"
printf 'wrong\n' | refused_at "$ALICE_HOME" login --user "$DEMO_CA_USER" | grep -qi 'wrong\|code' || fail "a wrong password through the server"
login_at "$ALICE_HOME" "$DEMO_CA_USER" "$DEMO_CA_PASSWORD" "$DEMO_CA_TOTP_SECRET"
login_at "$OFFICE_HOME" "$DEMO_USER" "$DEMO_PASSWORD"
at "$ALICE_HOME" ca list >alice-list.txt
at "$OFFICE_HOME" ca list >office-list.txt
cmp -s server-list.txt alice-list.txt || { diff server-list.txt alice-list.txt >&2; fail "ca list through the CA operator's home differs"; }
cmp -s server-list.txt office-list.txt || fail "ca list through the office's home differs"
for home in "$ALICE_HOME" "$OFFICE_HOME"; do [ ! -e "$home/db" ] || fail "a connected command created a database in $home"; done

step "a revocation through one home reaches the other's event stream and feed"
office_token=$(sed -n 's/^token=//p' "$OFFICE_HOME/cli-session")
alice_token=$(sed -n 's/^token=//p' "$ALICE_HOME/cli-session")
[ -n "$office_token" ] && [ -n "$alice_token" ] || fail "no session tokens in the connected homes"
curl -sN --cacert ca.pem --cert "$DEMO_USER.pem" -H "Authorization: Renkei-Session $office_token" "$URL/events" >events.txt 2>/dev/null &
stream_pid=$!
sleep 1
# A valid certificate of a user, not one of the operators' or the server's own.
victim=$(awk -F'\t' '$3 == "valid" && $2 != "operator" && $2 != "server" { print $1; exit }' server-list.txt)
[ -n "$victim" ] || fail "no valid user certificate to revoke in the demo data"
before=$(date +%s%N)
at "$ALICE_HOME" ca revoke --serial "$victim" --reason superseded --reference "connected test" >/dev/null
for i in $(seq 1 50); do grep -q 'renkei/notification/feed' events.txt && break; sleep 0.1; done
grep -q 'renkei/notification/feed' events.txt || { cat events.txt >&2; fail "the office's event stream did not see the revocation"; }
echo "connected-integration: feed event after $(( ($(date +%s%N) - before) / 1000000 )) ms (incl. the revoking CLI's start)"
kill "$stream_pid" 2>/dev/null || true; stream_pid=
at "$OFFICE_HOME" notify feed --limit 5 | grep -q "Certificate revoked: .*(serial $victim" || fail "the office's feed lacks the revocation"
login_at "$SERVER_HOME" "$DEMO_USER" "$DEMO_PASSWORD"
at "$SERVER_HOME" ca list >server-list.txt

step "raw HTTP: the server refuses and audits; nothing changes"
access_denied() { at "$SERVER_HOME" audit list --category access --limit 100000 | grep -c -E $'\t(DENIED|FAILURE)\t' || true; }
denied_before=$(access_denied)
call() { # <cert-basename or -> <token or -> <interface/method> <json args>
  local cert=() auth=()
  [ "$1" != - ] && cert=(--cert "$1.pem")
  [ "$2" != - ] && auth=(-H "Authorization: Renkei-Session $2")
  status "${cert[@]}" "${auth[@]}" -H 'Content-Type: application/json' -X POST --data "{\"args\":$4}" "$URL/api/$3"
}
search='renkei.ca.core.CaService/search'
query='{"commonName":null,"hpciId":null,"eppn":null,"serialHex":null,"dnFragment":null,"status":null,"profile":null,"expiringBefore":null,"limit":10}'
[ "$(call "$DEMO_CA_USER" "$alice_token" "$search" "[\"$alice_token\",$query]")" = 200 ] ||
  { cat body >&2; fail "a valid raw call (check the CertificateQuery JSON)"; }
grep -q '"serialHex"' body || fail "search answered no certificates"
[ "$(call - "$alice_token" "$search" "[\"$alice_token\",$query]")" = 401 ] || fail "no client certificate"
[ "$(call "$DEMO_USER" "$alice_token" "$search" "[\"$alice_token\",$query]")" = 401 ] && grep -q SESSION_INVALID body ||
  { cat body >&2; fail "the CA operator's token from the office's certificate"; }
[ "$(call "$DEMO_USER" - "$search" "[{\"operator\":{\"username\":\"$DEMO_CA_USER\",\"roles\":[\"CA_OPERATOR\",\"OPERATIONS_OFFICE\"]}},$query]")" = 401 ] ||
  { cat body >&2; fail "a forged session object"; }
[ "$(call "$DEMO_USER" "$office_token" renkei.ca.core.CaService/issueCrl "[\"$office_token\"]")" != 200 ] ||
  fail "the office issued a CRL (CA operators only)"
grep -q '"error"' body || fail "a refusal without an error body"
[ "$(call "$DEMO_USER" "$office_token" renkei.ca.core.CaService/revoke "[\"$office_token\",\"$(cut -f1 server-list.txt | tail -n1)\",\"KEY_COMPROMISE\",\"x\"]")" != 200 ] ||
  fail "the office revoked a certificate"
entry='{"category":"ca","actor":"mallory","actorRole":"","action":"ca.forged","target":"x","result":"SUCCESS","detail":""}'
[ "$(call "$DEMO_CA_USER" "$alice_token" renkei.platform.AuditLog/append "[$entry]")" = 403 ] || fail "AuditLog.append is local only"
[ "$(call "$DEMO_CA_USER" - renkei.platform.IdentityService/bootstrap '[{"username":"mallory"}]')" = 403 ] ||
  fail "IdentityService.bootstrap is local only"
printf '%s\n' "$DEMO_PASSWORD" | at "$OFFICE_HOME" login --user "$DEMO_USER" >/dev/null
old_token=$(sed -n 's/^token=//p' "$OFFICE_HOME/cli-session")
at "$OFFICE_HOME" logout >/dev/null
[ "$(call "$DEMO_USER" "$old_token" renkei.platform.NotificationService/feed '[5]')" = 401 ] || fail "a logged-out token"
login_at "$OFFICE_HOME" "$DEMO_USER" "$DEMO_PASSWORD"
at "$SERVER_HOME" ca list >after-list.txt
cmp -s server-list.txt after-list.txt || { diff server-list.txt after-list.txt >&2; fail "a refused call changed the certificates"; }
grep -q 'mallory' <(at "$SERVER_HOME" audit list --limit 100000) && fail "a forged audit record was written"
denied_after=$(access_denied)
[ "$denied_after" -gt "$denied_before" ] || fail "refusals were not audited in the access log ($denied_before before, $denied_after after)"

step "a revoked operator certificate is locked out at once"
connect_home "$work/console-helpdesk" helpdesk
login_at "$work/console-helpdesk" helpdesk helpdesk-demo-2026
at "$work/console-helpdesk" notify feed --limit 1 >/dev/null || fail "help desk's connected home before the revocation"
at "$ALICE_HOME" ca revoke --serial "$(cat helpdesk.serial)" --reason affiliationChanged --reference "left the help desk" >/dev/null
refused_at "$work/console-helpdesk" notify feed --limit 1 >/dev/null
[ "$(status --cert helpdesk.pem "$URL/health")" = 200 ] && fail "/health with a revoked certificate"
at "$OFFICE_HOME" notify feed --limit 1 >/dev/null || fail "the office's home after another operator's revocation"

step "a stopped server is one line in the connected CLI"
server_stop
refused_at "$OFFICE_HOME" notify feed --limit 1 | grep -qi 'unreachable\|connect' || fail "a stopped server's message"

echo "connected-integration: all checks passed"
