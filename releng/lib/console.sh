#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# How the console's JVM is tuned. There is no native launcher and so no eclipse.ini: every script
# that starts the console (run, bench, ui-test) passes these options.
#   C1 only (-XX:TieredStopAtLevel=1): an operator's console is interactive and light, and starts
#   about 300 ms (~12 %) faster without the C2 compiler competing for the two cores.
#   Class-data sharing (see cds_prepare): about 450 ms faster from the second start on.
# RENKEI_CONSOLE_JVM_OPTIONS replaces the first (space-separated), e.g. RENKEI_CONSOLE_JVM_OPTIONS= for
# none; RENKEI_CONSOLE_CDS=false turns the second off.

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

# Class-data sharing: the first start of a product build in a Renkei home writes a dynamic CDS archive
# of the classes it loaded (also those of the OSGi bundles: the JVM matches them by content), and
# later starts map that archive instead of parsing and verifying the classes again. The archive is
# keyed by the product's bundle list and the JVM, so a rebuild or another JDK simply trains a new
# one; a stale archive is never used for classes whose bytes differ.
#   cds_prepare          sets CDS_OPTIONS (JVM options) for the next console start
#   cds_finish <status>  keeps the archive that start wrote if it exited normally
CDS_OPTIONS=()
CDS_PENDING=

cds_prepare() {
  CDS_OPTIONS=()
  CDS_PENDING=
  [ "${RENKEI_CONSOLE_CDS:-true}" = true ] || return 0
  local list; list="$(product_dir console)/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
  [ -f "$list" ] || return 0
  local key; key=$({ cat "$list"; "$(java_bin)" -version 2>&1; } | cksum | cut -d' ' -f1)
  local directory="$RENKEI_HOME/runtime/console"
  local archive="$directory/classes-$key.jsa"
  if [ -f "$archive" ]; then
    CDS_OPTIONS=(-Xlog:cds=off "-XX:SharedArchiveFile=$archive")
  else
    mkdir -p "$directory"
    CDS_PENDING="$archive"
    CDS_OPTIONS=(-Xlog:cds=off "-XX:ArchiveClassesAtExit=$archive.$$.tmp")
  fi
}

cds_finish() {
  local status=$1
  [ -n "$CDS_PENDING" ] || return 0
  local written="$CDS_PENDING.$$.tmp"
  if [ "$status" -eq 0 ] && [ -s "$written" ]; then
    rm -f "$(dirname "$CDS_PENDING")"/classes-*.jsa
    mv -f "$written" "$CDS_PENDING"
  else
    rm -f "$written"
  fi
  CDS_PENDING=
}
