#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# End-to-end test of `renkei ca …` on a demo home, with openssl as the independent verifier:
#  - license ID + CSR, and license ID + server-side key generation (PKCS#12 opened by openssl);
#  - host issuance from a CSR; the CA-02 profile as `openssl x509 -text` shows it;
#  - `openssl verify -crl_check` passes before revocation and fails after it;
#  - bad input (malformed CSR, reused license, second certificate, weak passphrase, unknown reason)
#    exits non-zero with one line and issues nothing; refusals are in the CA audit log;
#  - dual control: deactivation stops issuance, activation needs two CA operators with TOTP;
#  - repository publish and grid-mapfile.
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
# A TOTP code is accepted once; wait for the next 30-second step before logging the same operator in again.
next_totp_step() { sleep $(( 31 - $(date +%s) % 30 )); }
ENTITLED=(--attr eduPersonEntitlement=urn:mace:hpci.jp:cert-user)

step "demo home with an activated CA"
demo_init "$RENKEI_HOME" "$work/demo.txt"
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

step "dual control: deactivated key issues nothing; two CA operators activate it"
ca_secret() { sed -nE "s#^CA demo login:[[:space:]]*$1 .*TOTP secret[[:space:]]+([A-Z2-7]+).*#\1#p" demo.txt; }
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
for op in ca-one ca-two; do
  cli operator add --user "$op" --name "CA operator $op" --role CA_OPERATOR --password-file ca.pass >/dev/null
  cli operator totp --user "$op" | sed -n 's/^secret=//p' >"$op.totp"
  [ -s "$op.totp" ] || fail "operator totp printed no secret for $op"
done
cli ca status | grep -q '^initialised=false$' || fail "a new site has no CA yet"
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

echo "ca-cli-integration: all checks passed"
