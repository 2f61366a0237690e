#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Spawn-to-first-frame of Koers opening a valid 15 MiB project with
# 131,828 recorded roadmap annotations (bench/make-annotations.py), against
# Koers opening the example project in the same run: the frame counted is
# the first that shows the file (its organisation's name in the header),
# not the empty window that comes before it. 10 runs each, taking turns.
# Target: the large file under 1 s.
#
#   bench/open-large.sh [BUILDDIR] [COUNT]     (default: build, 131828)
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$srcdir/build}" && pwd)
count=${2:-131828}
runs=${RUNS:-10}
koers=${KOERS_BINARY:-$builddir/src/koers}

if [ -z "${KOERS_BENCH_INNER:-}" ]; then
  bash -c '. "$1/build-aux/common.sh" && ensure_packages xauth dbus' _ "$srcdir"
  export KOERS_BENCH_INNER=1
  exec xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$0" "$builddir" "$count"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cc -O2 -o "$work/startup" "$srcdir/bench/startup.c"
cc -O2 -shared -fPIC -o "$work/first-frame.so" "$srcdir/bench/first-frame-preload.c" \
  $(pkg-config --cflags --libs gtk4)
python3 "$srcdir/bench/make-annotations.py" "$work/many.koers" "$count"
cp "$srcdir/data/examples/woonstichting.koers" "$work/example.koers"

# No saved state or settings from an earlier run, no GL, no dconf.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
export GSETTINGS_BACKEND=memory GDK_DEBUG=gl-disable GSETTINGS_SCHEMA_DIR="$builddir/data"
unset GSK_RENDERER

time_open () {
  text=$1
  shift
  BENCH_FIRST_FRAME_TEXT="$text" "$work/startup" -p "$work/first-frame.so" -n 1 -- "$@" 2>>"$work/err" |
    sed -n "s/^run 1: \([0-9.]*\) ms.*/\1/p"
}

# Warm up: the session bus, the portals, the disk cache.
time_open "Benchmark" "$koers" "$work/many.koers" >/dev/null || true
time_open "Woonstichting Rivierenland" "$koers" "$work/example.koers" >/dev/null || true

: >"$work/large.log"
: >"$work/example.log"
for i in $(seq "$runs"); do
  time_open "Benchmark" "$koers" "$work/many.koers" >>"$work/large.log"
  time_open "Woonstichting Rivierenland" "$koers" "$work/example.koers" >>"$work/example.log"
done
median () {
  sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "== Koers opening $(wc -c <"$work/many.koers") bytes, $count annotations ($(wc -l <"$work/large.log") of $runs runs drew)"
tr '\n' ' ' <"$work/large.log"; echo
echo "== Koers opening the example ($(wc -l <"$work/example.log") of $runs runs drew)"
tr '\n' ' ' <"$work/example.log"; echo

large_ms=$(median "$work/large.log")
example_ms=$(median "$work/example.log")
awk -v l="$large_ms" -v e="$example_ms" 'BEGIN {
  printf "large %.1f ms, example %.1f ms: ratio %.2f; large under 1000 ms: %s\n",
         l, e, l / e, l < 1000 ? "met" : "NOT met"
  exit l < 1000 ? 0 : 1
}'
