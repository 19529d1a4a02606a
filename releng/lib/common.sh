#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Shared by releng/run, releng/renkei, releng/test and releng/bench: locating the repository,
# building the products when sources changed, and starting an Equinox product against a Renkei home.

RENKEI_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RENKEI_PRODUCTS="$RENKEI_REPO/product/target/products"
export RENKEI_HOME="${RENKEI_HOME:-$HOME/.renkei}"

die() { echo "renkei: $*" >&2; exit 1; }

product_dir() { # console|server
  echo "$RENKEI_PRODUCTS/renkei-$1/linux/gtk/x86_64"
}

# Builds both products unless they exist and no source is newer than the last build.
ensure_built() {
  local marker="$RENKEI_PRODUCTS/.built"
  if [ -f "$marker" ] && [ -d "$(product_dir console)" ] && [ -d "$(product_dir server)" ] &&
     [ -z "$(cd "$RENKEI_REPO" && find pom.xml bundles features product target-platform -newer "$marker" \
              -not -path '*/target/*' -not -path '*/bin/*' -type f -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "renkei: building products (./mvnw clean verify -DskipTests) ..." >&2
  # clean: Tycho compiles incrementally and can leave classes compiled against an old signature.
  (cd "$RENKEI_REPO" && ./mvnw -B -q clean verify -DskipTests) >&2 || die "build failed"
  touch "$marker"
}

# Logs the CLI in to $RENKEI_HOME (`renkei login`): the password line, then a TOTP code when a
# base32 secret is given (oathtool computes it). Quiet unless it fails.
#   renkei_login <user> <password> [<totp-secret>]
renkei_login() {
  local user=$1 password=$2 secret=${3:-} out
  if [ -n "$secret" ]; then
    out=$(printf '%s\n%s\n' "$password" "$(oathtool --totp -b "$secret")" | "$RENKEI_REPO/releng/renkei" login --user "$user" 2>&1)
  else
    out=$(printf '%s\n' "$password" | "$RENKEI_REPO/releng/renkei" login --user "$user" 2>&1)
  fi || { echo "$out" >&2; die "renkei login --user $user failed"; }
}

java_bin() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

# Starts a product in the foreground. Everything the process writes (OSGi state, workspace, logs)
# stays under $RENKEI_HOME so several instances can run side by side.
#   launch_product console|server [extra JVM args...] -- [program args...]
launch_product() {
  local kind=$1; shift
  local dir; dir=$(product_dir "$kind")
  local launcher; launcher=$(ls "$dir"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n1)
  [ -n "$launcher" ] || die "product $kind not built in $dir"
  local jvm=() prog=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  prog=("$@")
  mkdir -p "$RENKEI_HOME/runtime/$kind"
  # sun.net.inetaddr.ttl=0: DNS health checks must time real lookups, not the JVM cache.
  exec "$(java_bin)" -Xms64m -Dfile.encoding=UTF-8 -Dsun.net.inetaddr.ttl=0 \
    -Drenkei.home="$RENKEI_HOME" \
    -Dosgi.sharedConfiguration.area="$dir/configuration" \
    "${jvm[@]}" \
    -jar "$launcher" \
    -configuration "$RENKEI_HOME/runtime/$kind/configuration" \
    -data "$RENKEI_HOME/runtime/$kind/workspace" \
    -nosplash \
    "${prog[@]}"
}
