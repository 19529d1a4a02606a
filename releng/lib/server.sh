#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# A demo server on loopback for connected-mode tests and benchmarks (source after common.sh and
# demo.sh).
#   server_demo_home <home> <dir> <user>...  demo home with a free HTTPS port (SERVER_URL), a server
#                                            certificate for localhost, <dir>/ca.pem, and for each
#                                            user <dir>/<user>.p12 (passphrase <dir>/operator.pass),
#                                            <dir>/<user>.pem (key + certificate for curl) and
#                                            <dir>/<user>.serial; the CA repository published
#   server_start <home> <log>                starts `releng/run --server` in its own process group
#                                            and waits until it serves /repository/ (SERVER_PID)
#   server_stop                              SIGTERM, then SIGKILL after 30 s

server_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

server_demo_home() {
  local home=$1 dir=$2; shift 2
  demo_init "$home" "$dir/demo.txt"
  local port; port=$(server_free_port)
  printf 'server.https.port=%s\n' "$port" >>"$home/renkei.properties"
  SERVER_URL="https://localhost:$port"
  # The second CA operator issues, so the first can log in elsewhere in this 30-second step (a TOTP
  # code is accepted once).
  RENKEI_HOME="$home" renkei_login "$DEMO_CA2_USER" "$DEMO_CA2_PASSWORD" "$DEMO_CA2_TOTP_SECRET"
  local cli=(env RENKEI_HOME="$home" "$RENKEI_REPO/releng/renkei")
  "${cli[@]}" server certificate --hostname ops.example.ac.jp --hostname localhost >/dev/null
  "${cli[@]}" ca cacert --out "$dir/ca.pem"
  printf 'Renkei-operator 2026!\n' >"$dir/operator.pass"
  local user
  for user in "$@"; do
    "${cli[@]}" operator certificate --user "$user" --p12 "$dir/$user.p12" --passphrase-file "$dir/operator.pass" >"$dir/$user.cert.txt"
    sed -n 's/^serial=//p' "$dir/$user.cert.txt" >"$dir/$user.serial"
    [ -s "$dir/$user.serial" ] || die "operator certificate printed no serial for $user"
    openssl pkcs12 -in "$dir/$user.p12" -passin "file:$dir/operator.pass" -nodes -out "$dir/$user.pem" 2>/dev/null ||
      die "openssl cannot open the operator PKCS#12 of $user"
  done
  "${cli[@]}" ca publish >/dev/null
  "${cli[@]}" logout >/dev/null
}

SERVER_PID=
server_start() {
  local home=$1 log=$2 url ca i
  url=$(sed -n 's/^server.https.port=/https:\/\/localhost:/p' "$home/renkei.properties" | tail -n1)
  ca="$home/ca/repository/ca.pem"
  (cd "$RENKEI_REPO" && RENKEI_HOME="$home" exec setsid releng/run --server) >"$log" 2>&1 &
  SERVER_PID=$!
  for i in $(seq 1 120); do
    curl -sf --cacert "$ca" "$url/repository/ca.pem" -o /dev/null 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$log" >&2; die "the server exited (log above)"; }
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  die "the server did not answer on $url within 60 s (log above)"
}

server_stop() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
  local i
  for i in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}
