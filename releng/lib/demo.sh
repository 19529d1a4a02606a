#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Seeds a demo Renkei home with `releng/renkei demo init` and finds the demo operator's login in
# what it prints, for scripts that log in automatically (UI test, benchmark).
#   demo_init <home> <transcript-file>   sets DEMO_USER and DEMO_PASSWORD, and DEMO_CA_USER,
#                                        DEMO_CA_PASSWORD, DEMO_CA_TOTP_SECRET when the demo has a
#                                        CA operator (who logs in with a TOTP code), DEMO_CA2_USER,
#                                        DEMO_CA2_PASSWORD, DEMO_CA2_TOTP_SECRET for the second one
#                                        (a key activation needs two), and DEMO_LICENSE_ID, the demo's
#                                        unused license ID
# RENKEI_DEMO_USER / RENKEI_DEMO_PASSWORD override what is parsed.

demo_init() {
  local home=$1 transcript=$2
  [ -x "$RENKEI_REPO/releng/renkei" ] || die "releng/renkei is missing: cannot seed a demo home"
  RENKEI_HOME="$home" "$RENKEI_REPO/releng/renkei" demo init >"$transcript" 2>&1 ||
    { cat "$transcript" >&2; die "releng/renkei demo init failed (transcript above)"; }
  # The demo prints "Demo operator login:    <user> / <password>".
  local login; login=$(sed -nE 's#^Demo operator login:[[:space:]]*([^[:space:]]+)[[:space:]]*/[[:space:]]*([^[:space:]]+).*#\1 \2#p' "$transcript" | head -n1)
  DEMO_USER=${RENKEI_DEMO_USER:-${login%% *}}
  DEMO_PASSWORD=${RENKEI_DEMO_PASSWORD:-${login#* }}
  # ... and "CA demo login:          <user> / <password>   TOTP secret <base32>".
  local ca; ca=$(sed -nE 's#^CA demo login:[[:space:]]*([^[:space:]]+)[[:space:]]*/[[:space:]]*([^[:space:]]+)[[:space:]]+TOTP secret[[:space:]]+([A-Z2-7=]+).*#\1 \2 \3#p' "$transcript")
  read -r DEMO_CA_USER DEMO_CA_PASSWORD DEMO_CA_TOTP_SECRET <<<"$(sed -n 1p <<<"${ca:-}")" || true
  read -r DEMO_CA2_USER DEMO_CA2_PASSWORD DEMO_CA2_TOTP_SECRET <<<"$(sed -n 2p <<<"${ca:-}")" || true
  # ... and "CA demo data: ... unused license ID <id>".
  DEMO_LICENSE_ID=$(sed -nE 's#^CA demo data:.*unused license ID[[:space:]]+([^[:space:]]+).*#\1#p' "$transcript" | head -n1)
  [ -n "$DEMO_USER" ] && [ -n "$DEMO_PASSWORD" ] ||
    { cat "$transcript" >&2; die "cannot find the demo operator's user name and password in the demo init output"; }
}

