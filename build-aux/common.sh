# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by build-aux/run and build-aux/test. Sourced, not run.

KOERS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the packages of build-aux/packages.txt (plus any given) that are
# missing, in one apt-get call; does nothing when all are there.
ensure_packages() {
  local wanted missing=()
  wanted=$(grep -v '^#' "$KOERS_ROOT/build-aux/packages.txt" | tr -s ' \n' ' ')
  for pkg in $wanted "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures a build folder once, then builds incrementally. Quiet when all
# is well, but whatever meson warns about and whatever the compiler prints
# (warnings, errors) is shown: only ninja's progress lines are left out.
build_in() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    say "Configuring $dir"
    meson setup "$dir" "$KOERS_ROOT" "$@" | { grep -E '^(WARNING|DEPRECATION|ERROR)' || true; }
    [ "${PIPESTATUS[0]}" -eq 0 ] || return 1
  fi
  say "Building $dir"
  ninja -C "$dir" | { grep -vE '^(\[[0-9]+/[0-9]+\] |ninja: (Entering|no work))' || true; }
  return "${PIPESTATUS[0]}"
}
