#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `koers --check` on a valid 15 MiB project with 131,828 recorded roadmap
# annotations, against Python's json module reading the same file: the
# floor any loader of that file has. Both run as fresh processes, taking
# turns run by run, 5 runs each (RUNS= to change); medians and their ratio.
# Target: Koers at most 2 × Python.
#
#   bench/check.sh [BUILDDIR] [COUNT]     (default: build, 131828)
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$srcdir/build}" && pwd)
count=${2:-131828}
runs=${RUNS:-5}
koers=${KOERS_BINARY:-$builddir/src/koers}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$srcdir/bench/make-annotations.py" "$work/many.koers" "$count"
export GSETTINGS_SCHEMA_DIR="$builddir/data"

# Seconds a command takes, from a fresh process to its exit.
elapsed () {
  python3 - "$@" <<'PY'
import subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print("%.4f" % (time.perf_counter() - start))
PY
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Once each first, so that neither pays for a cold disk cache.
"$koers" --check "$work/many.koers" >/dev/null
python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$work/many.koers"

: >"$work/koers.log"
: >"$work/python.log"
for i in $(seq "$runs"); do
  elapsed "$koers" --check "$work/many.koers" >>"$work/koers.log"
  elapsed python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' \
    "$work/many.koers" >>"$work/python.log"
done

size=$(wc -c <"$work/many.koers")
k=$(median <"$work/koers.log")
p=$(median <"$work/python.log")
echo "file: $size bytes, $count annotations; $runs runs each, medians"
echo "koers --check:     ${k} s"
echo "python3 json.load: ${p} s"
awk -v k="$k" -v p="$p" 'BEGIN { printf "ratio koers / python: %.2f (target at most 2)\n", k / p }'
