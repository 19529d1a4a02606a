#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Console UI test on a real window under Xvfb. Builds the products and the test-only bundle
# tests/renkei.app.uitest, seeds a throw-away demo Renkei home, adds the test bundle to a private
# copy of the console's configuration inside that home, and runs the console twice: in English as
# the demo operator, then with -nl ja as the demo CA operator, who must also answer the TOTP
# question. The test bundle logs in through the real login dialog, checks the Dashboard,
# navigator, status line, notification feed, Run now and Progress, and the DS components, and
# saves screenshots and result*.txt to target/ui-test/. A short run presses Cancel at login
# and expects the console to quit cleanly (exit status 0). Then connected mode: a demo server on
# loopback (server.sh) and a fresh home connected to it with `renkei connect` for the operations
# office's operator, whose console must log in through the server, show what the server holds
# and measures, and follow the server being stopped (lost link in red) and started again
# (reconnected); when the demo has a CA operator, a second connected home runs in Japanese as that
# operator; last, with the server stopped, the login must say at once that it cannot reach it. The
# connected runs' screenshots and results carry the suffix -connected, -connected-ja, -unreachable.
# Exit status: 0 when every run reports RESULT=PASS.
#   releng/lib/ui-test.sh            (RENKEI_UITEST_TIMEOUT=seconds per run, default 180;
#                                     RENKEI_UITEST_ONLY=connected runs only the connected runs)
# Debian packages: xvfb, libgtk-3-0, fonts-ipafont-gothic (Japanese), imagemagick (optional).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"
source "$(dirname "${BASH_SOURCE[0]}")/demo.sh"
source "$(dirname "${BASH_SOURCE[0]}")/console.sh"
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"

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
  if { [ "$scenario" = cancel ] || [ "$scenario" = unreachable ]; } && [ "$status" -ne 0 ]; then
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

# The connected runs' server: its home, certificates and log live in CONNECTED_WORK. The test
# bundle asks for the server to be stopped or started with request files in $OUT; the watcher acts
# and removes the file. The watcher runs in a subshell, so it leaves the server's process id in
# $CONNECTED_WORK/server.pid for the cleanup.
CONNECTED_WORK=
WATCHER_PID=
EMBEDDED_HOME=

server_request_watcher() {
  local suffix=$1 server_home=$2
  while true; do
    if [ -f "$OUT/stop-server$suffix.request" ]; then
      echo "renkei: stopping the server as the UI test asked" >&2
      SERVER_PID=$(cat "$CONNECTED_WORK/server.pid")
      server_stop
      rm -f "$OUT/stop-server$suffix.request"
    fi
    if [ -f "$OUT/start-server$suffix.request" ]; then
      echo "renkei: starting the server again as the UI test asked" >&2
      server_start "$server_home" "$CONNECTED_WORK/server-restarted.log"
      echo "$SERVER_PID" >"$CONNECTED_WORK/server.pid"
      rm -f "$OUT/start-server$suffix.request"
    fi
    sleep 0.3
  done
}

connected_cleanup() {
  [ -n "$WATCHER_PID" ] && { kill "$WATCHER_PID" 2>/dev/null || true; wait "$WATCHER_PID" 2>/dev/null || true; }
  WATCHER_PID=
  if [ -n "$CONNECTED_WORK" ] && [ -f "$CONNECTED_WORK/server.pid" ]; then
    SERVER_PID=$(cat "$CONNECTED_WORK/server.pid")
    server_stop
    rm -f "$CONNECTED_WORK/server.pid"
  fi
  return 0
}

# run_connected_console <home> <user> <suffix> <japanese> <password> <totp> <server-control> [program args...]
# connects a fresh <home> to the server as <user> (the operator certificate server_demo_home made) and
# runs the connected scenario in it.
run_connected_console() {
  local home=$1 user=$2 suffix=$3 japanese=$4 password=$5 totp=$6 control=$7; shift 7
  local server_home="$CONNECTED_WORK/server"
  RENKEI_HOME="$server_home" "$RENKEI_REPO/releng/renkei" connect --home "$home" --server-url "$SERVER_URL" \
    --ca-cert "$CONNECTED_WORK/ca.pem" --p12 "$CONNECTED_WORK/$user.p12" --passphrase-file "$CONNECTED_WORK/operator.pass" \
    >"$OUT/connect$suffix.txt" 2>&1 || { cat "$OUT/connect$suffix.txt" >&2; echo "renkei: renkei connect failed for $user" >&2; return 1; }
  RENKEI_HOME=$home
  install_test_configuration
  local status=0
  UITEST_PROPERTIES=(-Drenkei.uitest.demoLicense="${DEMO_LICENSE_ID:-}" -Drenkei.uitest.serverUrl="$SERVER_URL"
    -Drenkei.uitest.serverControl="$control")
  if [ "$control" = true ]; then
    server_request_watcher "$suffix" "$server_home" &
    WATCHER_PID=$!
  fi
  run_console connected "$suffix" "$japanese" "$user" "$password" "$totp" "$@" || status=$?
  if [ -n "$WATCHER_PID" ]; then
    kill "$WATCHER_PID" 2>/dev/null || true
    wait "$WATCHER_PID" 2>/dev/null || true
    WATCHER_PID=
  fi
  # A run that ended while the server was stopped leaves it stopped: start it for the next run.
  if ! kill -0 "$(cat "$CONNECTED_WORK/server.pid")" 2>/dev/null; then
    server_start "$server_home" "$CONNECTED_WORK/server-restarted.log"
    echo "$SERVER_PID" >"$CONNECTED_WORK/server.pid"
  fi
  rm -f "$OUT"/st*-server"$suffix".request
  [ -d "$home/db" ] && { echo "renkei: the connected console created a database in $home" >&2; status=1; }
  return "$status"
}

run_connected() {
  CONNECTED_WORK=$(mktemp -d "${TMPDIR:-/tmp}/renkei-uitest-server.XXXXXX")
  echo "renkei: connected mode: demo server home and certificates in $CONNECTED_WORK" >&2
  server_demo_home "$CONNECTED_WORK/server" "$CONNECTED_WORK" demo ${DEMO_CA_USER:+"$DEMO_CA_USER"} >"$OUT/server-home.txt" 2>&1 ||
    { cat "$OUT/server-home.txt" >&2; return 1; }
  [ "$DEMO_USER" = demo ] || { echo "renkei: the demo's office operator is $DEMO_USER, not demo" >&2; return 1; }
  server_start "$CONNECTED_WORK/server" "$CONNECTED_WORK/server.log"
  echo "$SERVER_PID" >"$CONNECTED_WORK/server.pid"
  echo "renkei: server on $SERVER_URL (log $CONNECTED_WORK/server.log)" >&2
  local failed=0
  run_connected_console "$CONNECTED_WORK/console-office" "$DEMO_USER" "-connected" false "$DEMO_PASSWORD" "" true || failed=1
  if [ -n "${DEMO_CA_TOTP_SECRET:-}" ]; then
    run_connected_console "$CONNECTED_WORK/console-ca" "$DEMO_CA_USER" "-connected-ja" true "$DEMO_CA_PASSWORD" \
      "$DEMO_CA_TOTP_SECRET" false -nl ja || failed=1
  fi
  # The server stopped: logging in must say so at once, naming the server; then Cancel.
  SERVER_PID=$(cat "$CONNECTED_WORK/server.pid"); server_stop; rm -f "$CONNECTED_WORK/server.pid"
  RENKEI_HOME="$CONNECTED_WORK/console-office"
  UITEST_PROPERTIES=(-Drenkei.uitest.serverUrl="$SERVER_URL")
  run_console unreachable "-unreachable" false "$DEMO_USER" "$DEMO_PASSWORD" "" || failed=1
  cp "$CONNECTED_WORK"/server*.log "$OUT/" 2>/dev/null || true
  return "$failed"
}

main() {
  ensure_built
  ensure_test_bundle
  rm -rf "$OUT"; mkdir -p "$OUT"
  RENKEI_HOME=$(mktemp -d "${TMPDIR:-/tmp}/renkei-uitest.XXXXXX")
  export RENKEI_HOME
  EMBEDDED_HOME=$RENKEI_HOME
  trap 'connected_cleanup; stop_xvfb; rm -rf "$EMBEDDED_HOME" ${CONNECTED_WORK:+"$CONNECTED_WORK"}' EXIT
  demo_init "$RENKEI_HOME" "$OUT/demo-init.txt"
  install_test_configuration
  UITEST_PROPERTIES=(-Drenkei.uitest.demoLicense="${DEMO_LICENSE_ID:-}" -Drenkei.uitest.secondUser="${DEMO_CA2_USER:-}"
    -Drenkei.uitest.secondPassword="${DEMO_CA2_PASSWORD:-}" -Drenkei.uitest.secondTotpSecret="${DEMO_CA2_TOTP_SECRET:-}")
  XVFB_LOG="$OUT/xvfb.log" start_xvfb
  local failed=0
  if [ "${RENKEI_UITEST_ONLY:-}" = connected ]; then
    run_connected || failed=1
    finish_ui_test "$failed"
    return
  fi
  run_console console "" false "$DEMO_USER" "$DEMO_PASSWORD" "" || failed=1
  # A fresh workspace so the second run does not reuse the first one's state.
  rm -rf "$RENKEI_HOME/runtime/console/workspace"
  if [ -n "${DEMO_CA_TOTP_SECRET:-}" ]; then
    run_console console "-ja" true "$DEMO_CA_USER" "$DEMO_CA_PASSWORD" "$DEMO_CA_TOTP_SECRET" -nl ja || failed=1
  else
    run_console console "-ja" true "$DEMO_USER" "$DEMO_PASSWORD" "" -nl ja || failed=1
  fi
  run_console cancel "-cancel" false "" "" "" || failed=1
  run_connected || failed=1
  finish_ui_test "$failed"
}

finish_ui_test() {
  echo "renkei: screenshots and results in $OUT" >&2
  if [ "$1" -ne 0 ]; then
    echo "renkei: UI test FAILED" >&2
    exit 1
  fi
  echo "renkei: UI test passed" >&2
}

main "$@"
