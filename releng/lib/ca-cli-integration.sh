#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# End-to-end test of `renkei ca …` on a demo home, with openssl as the independent verifier:
#  - license ID + CSR, and license ID + server-side key generation (PKCS#12 opened by openssl);
#  - host issuance from a CSR; the CA-02 profile as `openssl x509 -text` shows it;
#  - `openssl verify -crl_check` passes before revocation and fails after it;
#  - bad input (malformed CSR, reused license, second certificate, weak passphrase, unknown reason)
#    exits non-zero with one line and issues nothing; refusals are in the CA audit log;
#  - dual control: deactivation stops issuance, activation needs two CA operators with TOTP;
#  - repository publish and grid-mapfile;
#  - login: a command needing a session refuses in one line until `renkei login`, works after it and
#    refuses again after `renkei logout`; an idle session expires;
#  - connected mode: `server certificate` and `operator certificate` (serverAuth/clientAuth and SANs as
#    openssl shows them, re-issue supersedes), `connect` makes a home and refuses another CA's PKCS#12.
#   ca-cli-integration.sh <work-dir>
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/demo.sh"
work=${1:?work directory}
rm -rf "$work"; mkdir -p "$work"
export RENKEI_HOME="$work/home"
cd "$work"

fail() { echo "ca-cli-integration: FAIL: $*" >&2; exit 1; }
step() { echo "ca-cli-integration: $*"; }
cli() { "$RENKEI_REPO/releng/renkei" "$@"; }
# Runs a command that must fail with exactly one line on stderr; prints that line.
refused() {
  local err="$work/refused.err" status=0
  cli "$@" >"$work/refused.out" 2>"$err" || status=$?
  [ "$status" -ne 0 ] || fail "'renkei $*' succeeded but should have been refused"
  [ "$(wc -l <"$err")" -eq 1 ] || { cat "$err" >&2; fail "'renkei $*' did not fail with one line"; }
  cat "$err"
}
totp() { oathtool --totp -b "$1"; }
# The code of the previous 30-second step, which the verifier still accepts: lets an operator log in
# once more in this step. Waits out a step's last seconds so the code is not two steps old when checked.
totp_previous() {
  [ $(( $(date +%s) % 30 )) -lt 25 ] || sleep 6
  oathtool --totp -b "$1" -N "$(date -u -d "@$(( $(date +%s) - 30 ))" '+%Y-%m-%d %H:%M:%S UTC')"
}
# A TOTP code is accepted once; wait for the next 30-second step before logging the same operator in again.
next_totp_step() { sleep $(( 31 - $(date +%s) % 30 )); }
ENTITLED=(--attr eduPersonEntitlement=urn:mace:hpci.jp:cert-user)

step "demo home with an activated CA"
demo_init "$RENKEI_HOME" "$work/demo.txt"
ca_secret() { sed -nE "s#^CA demo login:[[:space:]]*$1 .*TOTP secret[[:space:]]+([A-Z2-7]+).*#\1#p" demo.txt; }

step "login: no session, one line; login; logout"
not_logged_in="renkei ca status: not logged in; run 'renkei login --user NAME' first"
[ "$(refused ca status)" = "$not_logged_in" ] || fail "ca status without login did not say '$not_logged_in'"
printf 'wrong-password\n' | refused login --user "$DEMO_USER" | grep -q 'wrong password' || fail "login with a wrong password"
[ ! -e "$RENKEI_HOME/cli-session" ] || fail "a refused login left a session file"
printf '%s\n' "$DEMO_PASSWORD" | cli login --user "$DEMO_USER" >login.txt
grep -qE "^logged in as $DEMO_USER \(roles [A-Z_,]*OPERATIONS_OFFICE[A-Z_,]*\) until 20[0-9-]+T" login.txt || { cat login.txt >&2; fail "login output"; }
[ "$(stat -c %a "$RENKEI_HOME/cli-session")" = 600 ] || fail "cli-session is not owner-only"
grep -q "$(sed -n 's/^token=//p' "$RENKEI_HOME/cli-session")" login.txt && fail "login printed the session token"
cli operator list | grep -q '^ca-alice'$'\t' || fail "operator list after login"
cli ca status | grep -q '^initialised=true$' || fail "ca status after login"
cli logout | grep -qx "logged out $DEMO_USER" || fail "logout"
[ ! -e "$RENKEI_HOME/cli-session" ] || fail "logout left the session file"
[ "$(refused ca status)" = "$not_logged_in" ] || fail "ca status after logout"
cli audit list --limit 1000 2>/dev/null && fail "audit list without a session" || true
# The CA work below is a CA operator's: password and TOTP.
printf '%s\n%s\n' "$DEMO_CA2_PASSWORD" "$(totp "$DEMO_CA2_TOTP_SECRET")" | cli login --user "$DEMO_CA2_USER" |
  grep -q "^logged in as $DEMO_CA2_USER (roles CA_OPERATOR)" || fail "CA operator login with TOTP"
cli ca status >status.txt
grep -q '^active=true$' status.txt || { cat status.txt >&2; fail "demo CA key is not active"; }
cli ca cacert --out ca.pem
openssl x509 -in ca.pem -noout -text >ca.txt
grep -q 'CA:TRUE' ca.txt && grep -q 'Certificate Sign, CRL Sign' ca.txt && grep -q 'Public-Key: (2048 bit)' ca.txt ||
  { cat ca.txt >&2; fail "CA certificate profile"; }
[ "$(openssl x509 -in ca.pem -noout -fingerprint -sha256 | cut -d= -f2)" = "$(sed -n 's/^sha256=//p' status.txt)" ] ||
  fail "ca status fingerprint differs from openssl's"

step "license ID redeemed with a CSR"
license=$(cli ca license issue --hpci-id hpci009001 --eppn ichiro@example.ac.jp --attr givenName=Ichiro --attr sn=Sato "${ENTITLED[@]}")
[[ "$license" =~ ^L(-[0-9A-Z]{5}){4}$ ]] || fail "license issue printed '$license', not a license ID alone"
openssl req -new -newkey rsa:2048 -nodes -keyout user.key -out user.csr -subj "/CN=whatever" 2>/dev/null
serial=$(cli ca issue --license-id "$license" --csr user.csr --out user.pem)
[ "$(openssl x509 -in user.pem -noout -serial)" = "serial=$serial" ] || fail "printed serial differs from openssl's"
openssl x509 -in user.pem -noout -text >user.txt
for expect in 'CN = Ichiro Sato hpci009001' 'Digital Signature, Key Encipherment' 'CA:FALSE' 'X509v3 Subject Key Identifier' \
    'X509v3 Authority Key Identifier' 'X509v3 CRL Distribution Points' 'Public-Key: (2048 bit)'; do
  grep -q "$expect" user.txt || { cat user.txt >&2; fail "client certificate lacks '$expect'"; }
done
start=$(date -d "$(openssl x509 -in user.pem -noout -startdate | cut -d= -f2)" +%s)
end=$(date -d "$(openssl x509 -in user.pem -noout -enddate | cut -d= -f2)" +%s)
days=$(( (end - start) / 86400 ))
[ "$days" -ge 393 ] && [ "$days" -le 397 ] || fail "validity is $days days, not 13 months"
cli ca crl --out crl.pem
openssl crl -in crl.pem -noout -text >/dev/null || fail "openssl cannot parse the CRL"
openssl verify -crl_check -CAfile ca.pem -CRLfile crl.pem user.pem | grep -q ': OK$' || fail "verify before revocation"

step "refusals: reused license, second certificate, malformed CSR, unknown reason"
refused ca issue --license-id "$license" --csr user.csr --out again.pem | grep -q 'already used' || fail "reused license"
second=$(cli ca license issue --hpci-id hpci009001 --eppn ichiro@example.ac.jp --attr givenName=Ichiro --attr sn=Sato "${ENTITLED[@]}" 2>&1) &&
  fail "a second license while the certificate is valid was granted: $second" || true
printf 'not a certificate request\n' >bad.csr
refused ca issue --profile host --csr bad.csr --out bad.pem | grep -qi 'csr' || fail "malformed CSR message"
[ ! -e bad.pem ] || fail "a refused request wrote a certificate"
refused ca revoke --serial "$serial" --reason lostIt | grep -q 'keyCompromise' || fail "unknown reason lists the valid ones"

step "revocation: verify -crl_check fails afterwards"
crl_number=$(cli ca revoke --serial "$serial" --reason keyCompromise --reference "事務局依頼 2026-117")
[[ "$crl_number" =~ ^[0-9]+$ ]] || fail "revoke printed '$crl_number', not a CRL number"
cli ca crl --out crl2.pem
openssl crl -in crl2.pem -noout -text | grep -q 'Key Compromise' || fail "CRL entry lacks the reason"
if openssl verify -crl_check -CAfile ca.pem -CRLfile crl2.pem user.pem >verify.txt 2>&1; then fail "revoked certificate verifies"; fi
grep -q 'certificate revoked' verify.txt || { cat verify.txt >&2; fail "verify did not say revoked"; }
cli ca list --status revoked | grep -q "^$serial"$'\t' || fail "ca list --status revoked"

step "server-side key generation into a PKCS#12"
license2=$(cli ca license issue --hpci-id hpci009001 --eppn ichiro@example.ac.jp --attr givenName=Ichiro --attr sn=Sato "${ENTITLED[@]}")
printf 'weakpass\n' >weak
refused ca issue --license-id "$license2" --keygen --p12 weak.p12 --passphrase-file weak | grep -q 'too weak' || fail "weak passphrase"
printf 'Kumo-no-ue 2026!\n' >passphrase
serial2=$(cli ca issue --license-id "$license2" --keygen --p12 user.p12 --passphrase-file passphrase)
openssl pkcs12 -in user.p12 -passin file:passphrase -nokeys -clcerts 2>/dev/null | openssl x509 -noout -serial | grep -qx "serial=$serial2" ||
  fail "PKCS#12 does not hold certificate $serial2"
openssl pkcs12 -in user.p12 -passin file:passphrase -nocerts -nodes 2>/dev/null | grep -q 'BEGIN PRIVATE KEY' || fail "PKCS#12 key"

step "host certificate from a CSR"
openssl req -new -newkey rsa:2048 -nodes -keyout host.key -out host.csr -subj "/CN=gfarm09.example.ac.jp" 2>/dev/null
cli ca issue --profile host --csr host.csr --out host.pem >/dev/null
openssl x509 -in host.pem -noout -subject | grep -q 'CN = gfarm09.example.ac.jp' || fail "host CN"
refused ca issue --profile host --csr host.csr --out host2.pem | grep -q 'already used' || fail "duplicate host CN"
cli ca list --profile host --cn gfarm09.example.ac.jp | grep -q 'gfarm09' || fail "ca list --profile host"

step "audit: refusals and issuance are in the CA category"
cli audit list --category ca --limit 200 >audit.txt
grep -q $'\tca.license.redeem\t.*\tFAILURE\t' audit.txt || { tail -5 audit.txt >&2; fail "refused redemption not audited"; }
grep -q "serial=$serial2" audit.txt || fail "key-generation issuance not audited with its serial"
cli audit verify >/dev/null || fail "audit chain"

step "connected mode: server certificate (serverAuth, SANs), its PKCS#12 and passphrase secret"
cli server certificate --hostname ops.example.ac.jp --hostname localhost >server-cert.txt
grep -qx 'subject=C=JP,O=HPCI,OU=Renkei,CN=ops.example.ac.jp' server-cert.txt || { cat server-cert.txt >&2; fail "server certificate subject"; }
server_serial=$(sed -n 's/^serial=//p' server-cert.txt)
grep -q '^notAfter=20' server-cert.txt || fail "server certificate notAfter"
p12="$RENKEI_HOME/tls/server.p12"
[ -s "$p12" ] && [ "$(stat -c %a "$p12")" = 600 ] || fail "tls/server.p12 missing or not owner-only"
# The passphrase is a secret of the home's keystore; read it as the home's owner could.
cat >SecretPeek.java <<'JAVA'
import java.nio.file.*; import java.security.KeyStore; import javax.crypto.SecretKey;
public class SecretPeek { public static void main(String[] a) throws Exception {
  char[] pw = Files.readString(Path.of(a[0], "master.key")).strip().toCharArray();
  KeyStore ks = KeyStore.getInstance("PKCS12"); ks.load(Files.newInputStream(Path.of(a[0], "secrets.p12")), pw);
  System.out.print(new String(((SecretKey) ks.getKey(a[1], pw)).getEncoded(), "UTF-8")); } }
JAVA
"$(java_bin)" SecretPeek.java "$RENKEI_HOME" server.tls.passphrase >server.pass || fail "no server.tls.passphrase secret"
openssl pkcs12 -in "$p12" -passin file:server.pass -info -noout 2>&1 | grep -q 'AES-256-CBC' || fail "server.p12 is not AES-256"
openssl pkcs12 -in "$p12" -passin file:server.pass -nokeys -clcerts 2>/dev/null >server.pem
openssl pkcs12 -in "$p12" -passin file:server.pass -nokeys -cacerts 2>/dev/null | openssl x509 -noout -subject |
  grep -q 'CN = Renkei Demo CA' || fail "server.p12 lacks the CA certificate"
openssl pkcs12 -in "$p12" -passin file:server.pass -nocerts -nodes 2>/dev/null | grep -q 'BEGIN PRIVATE KEY' || fail "server.p12 key"
openssl x509 -in server.pem -noout -text >server.txt
for expect in 'TLS Web Server Authentication' 'DNS:ops.example.ac.jp, DNS:localhost' 'CN = ops.example.ac.jp' \
    'Digital Signature, Key Encipherment' 'X509v3 CRL Distribution Points'; do
  grep -q "$expect" server.txt || { cat server.txt >&2; fail "server certificate lacks '$expect'"; }
done
[ "$(openssl x509 -in server.pem -noout -serial)" = "serial=$server_serial" ] || fail "printed server serial differs"
openssl verify -CAfile ca.pem -purpose sslserver server.pem | grep -q ': OK$' || fail "server certificate does not verify for sslserver"
# A host certificate of the same FQDN is allowed (the machine's own), a second server certificate supersedes.
openssl req -new -newkey rsa:2048 -nodes -keyout ops.key -out ops.csr -subj "/CN=ops.example.ac.jp" 2>/dev/null
cli ca issue --profile host --csr ops.csr --out ops-host.pem >/dev/null || fail "host certificate next to the server certificate"
cli server certificate --hostname ops.example.ac.jp >/dev/null
cli ca list --profile server --cn ops.example.ac.jp --status revoked | grep -q "^$server_serial"$'\t' ||
  fail "re-issued server certificate did not supersede $server_serial"
refused server certificate --hostname localhost | grep -q 'fully qualified domain name' || fail "server CN must be a FQDN"

step "connected mode: operator certificate (clientAuth) and connect"
printf 'Console-Key 2026!\n' >operator.pass
refused operator certificate --user nobody --p12 nobody.p12 --passphrase-file operator.pass | grep -q 'No enabled operator account nobody' ||
  fail "operator certificate for an unknown account"
refused operator certificate --user ca-alice --p12 weak.p12 --passphrase-file weak | grep -q 'too weak' || fail "weak operator passphrase"
cli operator certificate --user ca-alice --p12 alice.p12 --passphrase-file operator.pass >operator-cert.txt
grep -qx 'subject=C=JP,O=HPCI,OU=Renkei,CN=ca-alice' operator-cert.txt || { cat operator-cert.txt >&2; fail "operator certificate subject"; }
[ "$(stat -c %a alice.p12)" = 600 ] || fail "operator PKCS#12 is not owner-only"
openssl pkcs12 -in alice.p12 -passin file:operator.pass -nokeys -clcerts 2>/dev/null | openssl x509 -noout -text >alice.txt
grep -q 'TLS Web Client Authentication' alice.txt && ! grep -q 'TLS Web Server Authentication' alice.txt ||
  { cat alice.txt >&2; fail "operator certificate EKU"; }
openssl verify -CAfile ca.pem -purpose sslclient <(openssl pkcs12 -in alice.p12 -passin file:operator.pass -nokeys -clcerts 2>/dev/null) |
  grep -q ': OK$' || fail "operator certificate does not verify for sslclient"
cli connect --home "$work/connected" --server-url https://ops.example.ac.jp:8443 --ca-cert ca.pem --p12 alice.p12 \
  --passphrase-file operator.pass | grep -q "^connected home $work/connected to https://ops.example.ac.jp:8443 as CN=ca-alice" ||
  fail "connect"
grep -qx 'server.url=https://ops.example.ac.jp:8443' "$work/connected/renkei.properties" || fail "connected home lacks server.url"
for f in tls/ca.pem tls/client.p12 secrets.p12; do [ -s "$work/connected/$f" ] || fail "connected home lacks $f"; done
[ "$(stat -c %a "$work/connected/tls/client.p12")" = 600 ] || fail "client.p12 is not owner-only"
[ ! -e "$work/connected/db" ] || fail "connect created a database"
cmp -s <(openssl x509 -in ca.pem -outform DER) <(openssl x509 -in "$work/connected/tls/ca.pem" -outform DER) || fail "pinned CA certificate"
"$(java_bin)" SecretPeek.java "$work/connected" client.tls.passphrase | cmp -s - <(tr -d '\n' <operator.pass) ||
  fail "connected home's keystore lacks the client passphrase"
printf 'db.url=jdbc:h2:mem:x\n# kept\nserver.url=https://old.example.ac.jp\n' >"$work/connected/renkei.properties"
cli connect --home "$work/connected" --server-url https://ops.example.ac.jp:9443 --ca-cert ca.pem --p12 alice.p12 \
  --passphrase-file operator.pass >/dev/null
[ "$(cat "$work/connected/renkei.properties")" = $'db.url=jdbc:h2:mem:x\n# kept\nserver.url=https://ops.example.ac.jp:9443' ] ||
  { cat "$work/connected/renkei.properties" >&2; fail "connect did not keep the other lines"; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -subj "/CN=Other CA" -days 30 2>/dev/null
refused connect --home "$work/other" --server-url https://ops.example.ac.jp:8443 --ca-cert other-ca.pem --p12 alice.p12 \
  --passphrase-file operator.pass | grep -q 'not issued by the CA certificate given' || fail "connect with another CA's certificate"
openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.pem -subj "/CN=ca-alice" -days 30 \
  -addext extendedKeyUsage=clientAuth 2>/dev/null
openssl pkcs12 -export -inkey other.key -in other.pem -passout file:operator.pass -out other.p12
refused connect --home "$work/other" --server-url https://ops.example.ac.jp:8443 --ca-cert ca.pem --p12 other.p12 \
  --passphrase-file operator.pass | grep -q 'not issued by the CA certificate given' || fail "connect with a p12 from another CA"
refused connect --home "$work/other" --server-url http://ops.example.ac.jp:8443 --ca-cert ca.pem --p12 alice.p12 \
  --passphrase-file operator.pass | grep -q 'https' || fail "connect over http"
refused connect --home "$work/other" --server-url https://ops.example.ac.jp:8443 --ca-cert ca.pem --p12 alice.p12 \
  --passphrase-file weak | grep -q 'cannot open' || fail "connect with the wrong passphrase"
[ ! -e "$work/other" ] || fail "a refused connect wrote $work/other"

step "dual control: deactivated key issues nothing; two CA operators activate it"
printf '%s\n%s\n' "$DEMO_CA_PASSWORD" "$(totp "$(ca_secret ca-alice)")" | cli ca deactivate --operator ca-alice --reason "end of shift" |
  grep -q '^active=false$' || fail "deactivate"
openssl req -new -newkey rsa:2048 -nodes -keyout h3.key -out h3.csr -subj "/CN=vm03.example.ac.jp" 2>/dev/null
refused ca issue --profile host --csr h3.csr --out h3.pem | grep -q 'not activated' || fail "issuance while deactivated"
refused ca activate --operator ca-alice --operator ca-alice --period PT1H </dev/null | grep -q 'different' ||
  fail "one operator twice"
next_totp_step
printf '%s\n%s\n%s\n%s\n' "$DEMO_CA_PASSWORD" "$(totp "$(ca_secret ca-alice)")" "$DEMO_CA_PASSWORD" "$(totp "$(ca_secret ca-bob)")" |
  cli ca activate --operator ca-alice --operator ca-bob --period PT1H | grep -q '^active=true$' || fail "activate"
cli ca issue --profile host --csr h3.csr --out h3.pem >/dev/null || fail "issuance after activation"

step "repository and grid-mapfile"
cli ca publish >publish.txt
repo=$(sed -nE 's#^ca\.repository\.dir=##p' "$RENKEI_HOME/renkei.properties")
repo=${repo:-$RENKEI_HOME/ca/repository}
repo=${repo//\$\{home\}/$RENKEI_HOME}
for f in ca.pem ca.der ca.sha256 ca.sha1 ca.crl ca.crl.pem grid-mapfile index.html; do
  [ -s "$repo/$f" ] || fail "repository lacks $f"
  grep -q "^$f"$'\t' publish.txt || fail "publish did not report $f"
done
openssl crl -inform DER -in "$repo/ca.crl" -noout -text | grep -q 'Key Compromise' || fail "published CRL"
cmp -s <(openssl x509 -in "$repo/ca.pem" -outform DER) "$repo/ca.der" || fail "ca.pem and ca.der differ"
cli ca gridmap --out gridmap.txt
grep -q '^#' gridmap.txt || fail "grid-mapfile header"

step "revocation posts a feed item other consoles see"
cli notify feed --limit 20 | grep -q $'\tca\tCertificate revoked: .*CN=Ichiro Sato hpci009001 (serial '"$serial"', reason keyCompromise) by '"$DEMO_CA2_USER" ||
  fail "no feed item for the revocation of $serial"
cli logout >/dev/null

step "a new site: operators created, key ceremony by two CA operators, nothing signs before activation"
export RENKEI_HOME="$work/site"
mkdir -p "$RENKEI_HOME"
cat >"$RENKEI_HOME/renkei.properties" <<'PROPS'
ca.subject=/C=JP/O=Example University/OU=Computing Center/CN=Example Test CA
ca.dn.base=/C=JP/O=Example University/OU=Computing Center
PROPS
printf 'site-office-pass-2026\n' >office.pass
printf 'site-ca-pass-2026\n' >ca.pass
cli operator bootstrap --user office --name "運用担当" --password-file office.pass >/dev/null
printf 'site-office-pass-2026\n' | cli login --user office >/dev/null
for op in ca-one ca-two; do
  cli operator add --user "$op" --name "CA operator $op" --role CA_OPERATOR --password-file ca.pass >/dev/null
  cli operator totp --user "$op" | sed -n 's/^secret=//p' >"$op.totp"
  [ -s "$op.totp" ] || fail "operator totp printed no secret for $op"
done
cli ca status | grep -q '^initialised=false$' || fail "a new site has no CA yet"
# ca-one logs in with the previous step's code, so the ceremony right after may use the current one.
printf '%s\n%s\n' site-ca-pass-2026 "$(totp_previous "$(cat ca-one.totp)")" | cli login --user ca-one >/dev/null
refused ca issue --profile host --csr host.csr --out none.pem | grep -qi 'no CA\|ceremony\|not activated' || fail "issuance before the ceremony"
printf '%s\n%s\n%s\n%s\n' site-ca-pass-2026 "$(totp "$(cat ca-one.totp)")" site-ca-pass-2026 "$(totp "$(cat ca-two.totp)")" |
  cli ca init --operator ca-one --operator ca-two --witness "Ito (auditor)" >ceremony.txt
grep -q '^attendees=ca-one,ca-two,Ito (auditor)$' ceremony.txt || { cat ceremony.txt >&2; fail "ceremony attendees"; }
cli ca status >site-status.txt
grep -q '^initialised=true$' site-status.txt && grep -q '^active=false$' site-status.txt || { cat site-status.txt >&2; fail "after the ceremony"; }
refused ca issue --profile host --csr host.csr --out none.pem | grep -q 'not activated' || fail "signing before activation"
next_totp_step
printf '%s\n%s\n%s\n%s\n' site-ca-pass-2026 "$(totp "$(cat ca-one.totp)")" site-ca-pass-2026 "$(totp "$(cat ca-two.totp)")" |
  cli ca activate --operator ca-one --operator ca-two --period PT10M | grep -q '^active=true$' || fail "site activation"
cli ca issue --profile host --csr host.csr --out site-host.pem >/dev/null
cli ca cacert --out site-ca.pem
openssl x509 -in site-ca.pem -noout -subject | grep -q 'CN = Example Test CA' || fail "site CA subject"
openssl verify -CAfile site-ca.pem site-host.pem | grep -q ': OK$' || fail "site host certificate does not verify"
cli audit list --category hsm >hsm.txt
grep -q $'\tca.key.ceremony\t' hsm.txt && grep -q $'\tca.key.activate\t' hsm.txt || { cat hsm.txt >&2; fail "hsm audit"; }

step "an idle session expires and says so in one line"
echo 'session.idle=PT1S' >>"$RENKEI_HOME/renkei.properties"
printf 'site-office-pass-2026\n' | cli login --user office >/dev/null
sleep 2
refused operator list | grep -qx "renkei operator list: the session of office has expired; run 'renkei login --user office' again" ||
  fail "expired session message"
[ "$(refused operator list)" = "renkei operator list: not logged in; run 'renkei login --user NAME' first" ] ||
  fail "after expiry the session file is gone"

echo "ca-cli-integration: all checks passed"
