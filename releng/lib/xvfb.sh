#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# A private X server for UI tests and benchmarks: start_xvfb picks the first free display number,
# starts Xvfb on it and exports DISPLAY; stop_xvfb stops only the server this shell started.
# Needs the Debian packages xvfb (and libgtk-3-0 for SWT, fonts-ipafont-gothic for Japanese).

XVFB_PID=
XVFB_SCREEN=${XVFB_SCREEN:-1400x900x24}

start_xvfb() {
  command -v Xvfb >/dev/null 2>&1 || die "Xvfb is not installed (Debian: apt-get install xvfb)"
  local n i
  for n in $(seq 90 250); do
    if [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; then continue; fi
    Xvfb ":$n" -screen 0 "$XVFB_SCREEN" -nolisten tcp >"${XVFB_LOG:-/dev/null}" 2>&1 &
    XVFB_PID=$!
    for i in $(seq 1 50); do
      [ -e "/tmp/.X11-unix/X$n" ] && break
      kill -0 "$XVFB_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$XVFB_PID" 2>/dev/null && [ -e "/tmp/.X11-unix/X$n" ]; then
      export DISPLAY=":$n"
      return 0
    fi
    # Lost a race for this display number to another engineer's server; try the next one.
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=
  done
  die "no free X display number between :90 and :250"
}

stop_xvfb() {
  if [ -n "${XVFB_PID:-}" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=
  fi
}
