#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# How the console's JVM is tuned. There is no native launcher and so no eclipse.ini: every script
# that starts the console (run, bench, ui-test) passes these options.
#   C1 only (-XX:TieredStopAtLevel=1): an operator's console is interactive and light, and starts
#   about 300 ms (~12 %) faster without the C2 compiler competing for the two cores.
# RENKEI_CONSOLE_JVM_OPTIONS replaces them (space-separated), e.g. RENKEI_CONSOLE_JVM_OPTIONS= for none.

read -r -a CONSOLE_JVM_OPTIONS <<<"${RENKEI_CONSOLE_JVM_OPTIONS--XX:TieredStopAtLevel=1}"

# The language chosen on the console's Language preference page, as program arguments ("-nl ja"),
# unless the arguments already name one. Message texts are picked once, when the framework starts,
# so the choice can only be applied here, at launch.
#   console_language_args [program args...]
console_language_args() {
  local arg
  for arg in "$@"; do [ "$arg" = -nl ] && return 0; done
  local prefs="$RENKEI_HOME/runtime/console/workspace/.metadata/.plugins/org.eclipse.core.runtime/.settings/renkei.app.prefs"
  [ -f "$prefs" ] || return 0
  local language; language=$(sed -n 's/^language=\([a-z][a-z]\)$/\1/p' "$prefs" | head -n1)
  [ -n "$language" ] && echo "-nl $language"
  return 0
}
