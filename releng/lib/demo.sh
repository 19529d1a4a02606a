#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Seeds a demo Renkei home with `releng/renkei demo init` and finds the demo operator's login in
# what it prints, for scripts that log in automatically (UI test, benchmark).
#   demo_init <home> <transcript-file>   sets DEMO_USER and DEMO_PASSWORD
# RENKEI_DEMO_USER / RENKEI_DEMO_PASSWORD override what is parsed.

demo_init() {
  local home=$1 transcript=$2
  [ -x "$RENKEI_REPO/releng/renkei" ] || die "releng/renkei is missing: cannot seed a demo home"
  RENKEI_HOME="$home" "$RENKEI_REPO/releng/renkei" demo init >"$transcript" 2>&1 ||
    { cat "$transcript" >&2; die "releng/renkei demo init failed (transcript above)"; }
  DEMO_USER=${RENKEI_DEMO_USER:-$(demo_field 'user(name)?|login' "$transcript")}
  DEMO_PASSWORD=${RENKEI_DEMO_PASSWORD:-$(demo_field 'password' "$transcript")}
  [ -n "$DEMO_USER" ] && [ -n "$DEMO_PASSWORD" ] ||
    { cat "$transcript" >&2; die "cannot find the demo operator's user name and password in the demo init output"; }
}

# First "<name>: value" or "<name>=value" in the transcript, name matched case-insensitively.
demo_field() {
  grep -ioE "\\b($1)\\b[[:space:]]*[:=][[:space:]]*[^[:space:],;]+" "$2" | head -n1 | sed -E 's/^[^:=]*[:=][[:space:]]*//'
}
