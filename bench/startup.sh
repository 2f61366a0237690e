#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Spawn-to-first-frame of Koers opening the example project against GNOME
# Text Editor opening a text file: the same X server (Xvfb), the same
# renderer (GL off for both), the same fresh settings, 10 runs each.
# Target: Koers' median at most 0.7 × Text Editor's.
#
#   bench/startup.sh [BUILDDIR]        (default: build)
#
# Both apps are timed from the inside in the same way: a preloaded shim
# (bench/first-frame-preload.c) notes their first GdkFrameClock::after-paint
# after a real render that shows the file: both open their window first
# and read the file after, so the frame must show a text from the file
# (the organisation's name: in Koers' header, in the editor's text view).
# bench/startup.c spawns and takes the difference.
#
# KOERS_BASELINE=/path/to/other/koers times another build of Koers too,
# in the same turns, and prints its ratio to this one: a change's gain,
# fair even on a busy machine. KOERS_BASELINE_ENV="VAR=value …" runs that
# baseline (or this build, without KOERS_BASELINE) with those variables,
# e.g. KOERS_BASELINE_ENV=KOERS_HEAP=system.
#
# KOERS_BENCH_FLOOR=1 times bench/bare-window.c too, in the same turns: a
# libadwaita window with a header bar and a label at Koers' default size,
# the least any such app pays to start.
#
# Installs what it needs (gnome-text-editor, xauth, dbus) when missing.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$srcdir/build}" && pwd)
runs=${RUNS:-10}
koers=${KOERS_BINARY:-$builddir/src/koers}

if [ -z "${KOERS_BENCH_INNER:-}" ]; then
  # The peer and the session tools, installed when missing (as root or with sudo).
  bash -c '. "$1/build-aux/common.sh" && ensure_packages gnome-text-editor xauth dbus' _ "$srcdir"
  # One private X server and one private session bus for all the runs.
  export KOERS_BENCH_INNER=1
  exec xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$0" "$builddir"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cc -O2 -o "$work/startup" "$srcdir/bench/startup.c"
cc -O2 -shared -fPIC -o "$work/first-frame.so" "$srcdir/bench/first-frame-preload.c" \
  $(pkg-config --cflags --libs gtk4)
export BENCH_FIRST_FRAME_TEXT="Woonstichting Rivierenland"
time_app () {
  "$work/startup" -p "$work/first-frame.so" "$@"
}

# A text file about as long as a project file, to be fair to the editor.
cp "$srcdir/data/examples/woonstichting.koers" "$work/notes.txt"

# No saved state or settings from an earlier run, no GL, no dconf.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
export GSETTINGS_BACKEND=memory GDK_DEBUG=gl-disable
unset GSK_RENDERER

# Warm up: the first GTK app on a fresh session bus starts the portals
# and the accessibility bus; neither app should pay that in its numbers.
time_app -n 1 -- "$koers" "$srcdir/data/examples/woonstichting.koers" >/dev/null 2>&1 || true
time_app -n 1 -- gnome-text-editor --standalone "$work/notes.txt" >/dev/null 2>&1 || true

# The two apps take turns, run by run, so that a machine that slows down
# or speeds up during the benchmark weighs on both alike.
: >"$work/koers.log"
: >"$work/editor.log"
: >"$work/baseline.log"
baseline=${KOERS_BASELINE:-}
if [ -z "$baseline" ] && [ -n "${KOERS_BASELINE_ENV:-}" ]; then
  baseline=$koers
fi
floor=
if [ -n "${KOERS_BENCH_FLOOR:-}" ]; then
  floor=$builddir/bench/bench-bare-window
  : >"$work/floor.log"
fi
for i in $(seq "$runs"); do
  if [ -n "$baseline" ]; then
    # shellcheck disable=SC2086 # the variables are words on purpose
    env ${KOERS_BASELINE_ENV:-} "$work/startup" -p "$work/first-frame.so" -n 1 -- \
      "$baseline" "$srcdir/data/examples/woonstichting.koers" 2>>"$work/baseline.err" |
      sed -n "s/^run 1: \([0-9.]*\) ms.*/\1/p" >>"$work/baseline.log"
  fi
  if [ -n "$floor" ]; then
    time_app -n 1 -- "$floor" 2>>"$work/floor.err" |
      sed -n "s/^run 1: \([0-9.]*\) ms.*/\1/p" >>"$work/floor.log"
  fi
  time_app -n 1 -- "$koers" "$srcdir/data/examples/woonstichting.koers" 2>>"$work/koers.err" |
    sed -n "s/^run 1: \([0-9.]*\) ms.*/\1/p" >>"$work/koers.log"
  time_app -n 1 -- gnome-text-editor --standalone "$work/notes.txt" 2>>"$work/editor.err" |
    sed -n "s/^run 1: \([0-9.]*\) ms.*/\1/p" >>"$work/editor.log"
done
median () {
  sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "== Koers: koers data/examples/woonstichting.koers ($(wc -l <"$work/koers.log") of $runs runs drew)"
tr '\n' ' ' <"$work/koers.log"; echo
echo "== GNOME Text Editor: gnome-text-editor --standalone notes.txt ($(wc -l <"$work/editor.log") of $runs runs drew)"
tr '\n' ' ' <"$work/editor.log"; echo

if [ -n "$floor" ]; then
  echo "== Floor: a bare libadwaita window ($(wc -l <"$work/floor.log") of $runs runs drew)"
  tr '\n' ' ' <"$work/floor.log"; echo
  awk -v k="$(median "$work/koers.log")" -v f="$(median "$work/floor.log")" -v e="$(median "$work/editor.log")" 'BEGIN {
    printf "Floor %.1f ms: %.2f of Text Editor; Koers is %.2f of the floor\n", f, f / e, k / f }'
fi
if [ -n "$baseline" ]; then
  echo "== Baseline Koers: $baseline ${KOERS_BASELINE_ENV:-} ($(wc -l <"$work/baseline.log") of $runs runs drew)"
  tr '\n' ' ' <"$work/baseline.log"; echo
  awk -v k="$(median "$work/koers.log")" -v b="$(median "$work/baseline.log")" 'BEGIN {
    printf "Koers %.1f ms, baseline %.1f ms: ratio %.2f\n", k, b, k / b }'
fi
koers_ms=$(median "$work/koers.log")
editor_ms=$(median "$work/editor.log")
awk -v k="$koers_ms" -v e="$editor_ms" 'BEGIN {
  r = k / e
  printf "Koers %.1f ms, Text Editor %.1f ms: ratio %.2f (target <= 0.70): %s\n",
         k, e, r, r <= 0.7 ? "met" : "NOT met"
  exit r <= 0.7 ? 0 : 1
}'
