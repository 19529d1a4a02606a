#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Console UI test on a real window under Xvfb. Builds the products and the test-only bundle
# tests/renkei.app.uitest, seeds a throw-away demo Renkei home, adds the test bundle to a private
# copy of the console's configuration inside that home, and runs the console twice: in English as
# the demo operator, then with -nl ja as the demo CA operator, who must also answer the TOTP
# question. The test bundle logs in through the real login dialog, checks the Dashboard,
# navigator, status line, notification feed, Run now and Progress, and the DS components, and
# saves screenshots and result*.txt to target/ui-test/. A last short run presses Cancel at login
# and expects the console to quit cleanly (exit status 0).
# Exit status: 0 when both runs report RESULT=PASS.
#   releng/lib/ui-test.sh            (RENKEI_UITEST_TIMEOUT=seconds per run, default 180)
# Debian packages: xvfb, libgtk-3-0, fonts-ipafont-gothic (Japanese), imagemagick (optional).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"
source "$(dirname "${BASH_SOURCE[0]}")/demo.sh"
source "$(dirname "${BASH_SOURCE[0]}")/console.sh"

OUT="$RENKEI_REPO/target/ui-test"
# The Japanese run waits up to 30 s for a fresh TOTP step to activate the CA key again.
RUN_TIMEOUT=${RENKEI_UITEST_TIMEOUT:-180}
TEST_MODULE="tests/renkei.app.uitest"

# The product build (ensure_built) does not look at tests/, so the test bundle is rebuilt here
# whenever its sources are newer than its jar.
ensure_test_bundle() {
  local jar; jar=$(ls "$RENKEI_REPO/$TEST_MODULE"/target/renkei.app.uitest-*.jar 2>/dev/null | head -n1 || true)
  if [ -z "$jar" ] || [ -n "$(find "$RENKEI_REPO/$TEST_MODULE" -newer "$jar" -not -path '*/target/*' -type f -print -quit)" ]; then
    echo "renkei: building $TEST_MODULE ..." >&2
    (cd "$RENKEI_REPO" && ./mvnw -B -q verify -DskipTests -pl "$TEST_MODULE" -am) >&2 || die "test bundle build failed"
    jar=$(ls "$RENKEI_REPO/$TEST_MODULE"/target/renkei.app.uitest-*.jar | head -n1)
  fi
  TEST_JAR=$jar
}

# A private configuration for the console in $RENKEI_HOME: the product's config.ini and bundle
# list, plus the test bundle (start level 4, started). The product itself is not touched.
install_test_configuration() {
  local product; product=$(product_dir console)
  local conf="$RENKEI_HOME/runtime/console/configuration"
  mkdir -p "$conf/org.eclipse.equinox.simpleconfigurator"
  local version; version=$(unzip -p "$TEST_JAR" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-Version: //p')
  { cat "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
    echo "renkei.app.uitest,$version,file:$TEST_JAR,4,true"; } >"$conf/org.eclipse.equinox.simpleconfigurator/bundles.info"
  sed -e "s#^org.eclipse.equinox.simpleconfigurator.configUrl=.*#org.eclipse.equinox.simpleconfigurator.configUrl=file\\\\:$conf/org.eclipse.equinox.simpleconfigurator/bundles.info#" \
      -e "s#^osgi.framework=file\\\\:plugins/#osgi.framework=file\\\\:$product/plugins/#" \
      -e "s#reference\\\\:file\\\\:org.eclipse.equinox.simpleconfigurator#reference\\\\:file\\\\:$product/plugins/org.eclipse.equinox.simpleconfigurator#" \
      "$product/configuration/config.ini" >"$conf/config.ini"
}

# What every run may need besides its login: the demo's unused license ID, and the second CA
# operator, with whom the Japanese run activates the CA key again after deactivating it.
UITEST_PROPERTIES=()

# run_console <scenario> <suffix> <expect-japanese> <user> <password> <totp-secret or ""> [program args...]
run_console() {
  local scenario=$1 suffix=$2 japanese=$3 user=$4 password=$5 totp=$6; shift 6
  local log="$OUT/console$suffix.log"
  echo "renkei: UI test run${suffix:+ ($suffix)} on $DISPLAY, log $log" >&2
  rm -f "$OUT/result$suffix.txt"
  local status=0
  cds_prepare
  timeout -k 10 "$RUN_TIMEOUT" bash -c 'source "$1/releng/lib/common.sh"; shift; launch_product console "$@"' _ "$RENKEI_REPO" \
    "${CONSOLE_JVM_OPTIONS[@]}" "${CDS_OPTIONS[@]}" -Dosgi.configuration.cascaded=false \
    -Drenkei.uitest.scenario="$scenario" -Drenkei.uitest.out="$OUT" -Drenkei.uitest.suffix="$suffix" -Drenkei.uitest.expectJapanese="$japanese" \
    -Drenkei.uitest.user="$user" -Drenkei.uitest.password="$password" -Drenkei.uitest.totpSecret="$totp" \
    "${UITEST_PROPERTIES[@]}" \
    -- -consoleLog "$@" >"$log" 2>&1 || status=$?
  cds_finish "$status"
  [ "$status" -eq 124 ] && echo "renkei: the console did not finish within $RUN_TIMEOUT s" >&2
  if [ "$scenario" = cancel ] && [ "$status" -ne 0 ]; then
    echo "renkei: after Cancel at login the console exited with status $status, not 0" >&2
    echo "RESULT=FAIL" >>"$OUT/result$suffix.txt"
  fi
  local platform_log="$RENKEI_HOME/runtime/console/workspace/.metadata/.log"
  [ -f "$platform_log" ] && cp "$platform_log" "$OUT/platform$suffix.log"
  if [ -f "$OUT/result$suffix.txt" ]; then
    sed 's/^/  /' "$OUT/result$suffix.txt" >&2
    [ "$(tail -n1 "$OUT/result$suffix.txt")" = RESULT=PASS ] && return 0
  else
    echo "renkei: no result file; console log tail:" >&2
    tail -n 40 "$log" | sed 's/^/  /' >&2
  fi
  return 1
}

main() {
  ensure_built
  ensure_test_bundle
  rm -rf "$OUT"; mkdir -p "$OUT"
  RENKEI_HOME=$(mktemp -d "${TMPDIR:-/tmp}/renkei-uitest.XXXXXX")
  export RENKEI_HOME
  trap 'stop_xvfb; rm -rf "$RENKEI_HOME"' EXIT
  demo_init "$RENKEI_HOME" "$OUT/demo-init.txt"
  install_test_configuration
  UITEST_PROPERTIES=(-Drenkei.uitest.demoLicense="${DEMO_LICENSE_ID:-}" -Drenkei.uitest.secondUser="${DEMO_CA2_USER:-}"
    -Drenkei.uitest.secondPassword="${DEMO_CA2_PASSWORD:-}" -Drenkei.uitest.secondTotpSecret="${DEMO_CA2_TOTP_SECRET:-}")
  XVFB_LOG="$OUT/xvfb.log" start_xvfb
  local failed=0
  run_console console "" false "$DEMO_USER" "$DEMO_PASSWORD" "" || failed=1
  # A fresh workspace so the second run does not reuse the first one's state.
  rm -rf "$RENKEI_HOME/runtime/console/workspace"
  if [ -n "${DEMO_CA_TOTP_SECRET:-}" ]; then
    run_console console "-ja" true "$DEMO_CA_USER" "$DEMO_CA_PASSWORD" "$DEMO_CA_TOTP_SECRET" -nl ja || failed=1
  else
    run_console console "-ja" true "$DEMO_USER" "$DEMO_PASSWORD" "" -nl ja || failed=1
  fi
  run_console cancel "-cancel" false "" "" "" || failed=1
  echo "renkei: screenshots and results in $OUT" >&2
  if [ "$failed" -ne 0 ]; then
    echo "renkei: UI test FAILED" >&2
    exit 1
  fi
  echo "renkei: UI test passed" >&2
}

main "$@"
