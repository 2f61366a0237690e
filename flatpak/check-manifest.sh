#!/bin/sh
# Checks the Flatpak manifest; TAP output for meson's protocol: 'tap'.
#   check-manifest.sh MANIFEST FLATPAK_BUILDER|'' APP_ID [PYTHON3 [NAME]]
# NAME (default koers) is the build's command and the manifest's last module.
# flatpak-builder --show-manifest exits 0 even on unknown keys or wrong types and only
# warns on stderr, so anything on stderr is a failure.
manifest=$1
flatpak_builder=$2
app_id=$3
python3=${4:-python3}
name=${5:-koers}

if [ -z "$flatpak_builder" ] || [ ! -x "$flatpak_builder" ]; then
  echo '1..0 # SKIP flatpak-builder not installed'
  exit 0
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

echo '1..5'

"$flatpak_builder" --show-manifest "$manifest" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ]; then
  echo "ok 1 - flatpak-builder --show-manifest exits 0"
else
  echo "not ok 1 - flatpak-builder --show-manifest exits $rc"
fi
if [ -s "$tmp/err" ]; then
  echo "not ok 2 - nothing on stderr"
  sed 's/^/# /' "$tmp/err"
else
  echo "ok 2 - nothing on stderr"
fi

# The manifest as flatpak-builder understood it; the file itself if it printed nothing.
[ -s "$tmp/out" ] || cp "$manifest" "$tmp/out"

"$python3" - "$tmp/out" "$app_id" "$name" <<'PY'
import json, sys

path, app_id, name = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    with open(path, encoding="utf-8") as f:
        m = json.load(f)
except (OSError, ValueError) as e:
    for n, what in ((3, "app-id"), (4, "command"), (5, "last module")):
        print(f"not ok {n} - {what}: manifest is not JSON: {e}")
    sys.exit(0)

def check(n, what, got, want):
    status = "ok" if got == want else "not ok"
    print(f"{status} {n} - {what} is {want!r}" + ("" if got == want else f" (got {got!r})"))

check(3, "app-id", m.get("app-id", m.get("id")), app_id)
check(4, "command", m.get("command"), name)
modules = m.get("modules") or [{}]
last = modules[-1]
check(5, "last module's name", last.get("name") if isinstance(last, dict) else last, name)
PY
