#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The decks and spreadsheets opened in LibreOffice, the way a user's
# office suite would: each .odp and .pptx (English and Dutch) is turned
# into a PDF and read back with poppler; each .ods and .xlsx into a CSV
# that must equal `koers --roadmap --format=csv`. One LibreOffice run per
# kind of conversion keeps this to two start-ups. TAP output; skipped
# only when LibreOffice is not installed.

set -u

# deck.koers with a closed round, so the decks also hold a progress slide.
PROJECT="${G_TEST_SRCDIR:-$(dirname "$0")}/data/deck-rounds.koers"
KOERS="${KOERS_BINARY:?KOERS_BINARY must name the koers binary}"

if ! command -v soffice >/dev/null; then
  echo "1..0 # SKIP soffice is not installed (apt-get install libreoffice-impress libreoffice-calc)"
  exit 0
fi
for tool in pdfinfo pdftotext python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "Bail out! $tool is missing"
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
failed=0

ok() {
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    failed=1
  fi
}

# A private profile: parallel runs would otherwise lock each other out.
office() {
  soffice -env:UserInstallation="file://$work/profile" --headless "$@" >"$work/soffice.log" 2>&1
}

# Whitespace collapsed, so that a title wrapped over two lines still matches.
flatten() {
  tr -s ' \n\r\t\f' ' ' <"$1"
}

# The slides a package holds, counted from its own parts.
slides_in() {
  python3 - "$1" <<'PY'
import re, sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
if sys.argv[1].endswith(".pptx"):
    print(sum(1 for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)))
else:
    import xml.etree.ElementTree as ET
    root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("content.xml"))
    print(len(root.findall(".//{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}page")))
PY
}

# The organisation and every item title, one a line, in the given language.
expected_texts() {
  LANGUAGE=$1 "$KOERS" --roadmap --format=json "$PROJECT" | python3 -c '
import json, sys
roadmap = json.load(sys.stdin)
print(roadmap["organisation"])
for phase in roadmap["phases"]:
    for item in phase["items"]:
        print(item["title"])'
}

echo "1..18"

for lang in en nl; do
  for ext in odp pptx; do
    # Names apart, so that one LibreOffice run converts all four.
    LANGUAGE=$lang "$KOERS" --export-deck="$work/$lang-$ext.$ext" "$PROJECT" 2>"$work/err"
    [ -s "$work/$lang-$ext.$ext" ] || { echo "Bail out! no $lang-$ext.$ext: $(cat "$work/err")"; exit 1; }
  done
done
"$KOERS" --export-roadmap="$work/roadmap.ods" "$PROJECT" &&
  "$KOERS" --export-roadmap="$work/roadmap.xlsx" "$PROJECT" ||
  { echo "Bail out! no spreadsheet"; exit 1; }
# Calc writes both CSVs under one name per basename: keep them apart.
cp "$work/roadmap.xlsx" "$work/roadmap-x.xlsx"

office --convert-to pdf --outdir "$work/pdf" "$work"/*-odp.odp "$work"/*-pptx.pptx
office --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$work/csv" \
  "$work/roadmap.ods" "$work/roadmap-x.xlsx"

for lang in en nl; do
  expected_texts $lang >"$work/expected-$lang.txt"
  for ext in odp pptx; do
    pdf="$work/pdf/$lang-$ext.pdf"
    if [ ! -s "$pdf" ]; then
      ok 1 "$lang $ext: LibreOffice opened it ($(tail -3 "$work/soffice.log"))"
      ok 1 "$lang $ext: slide count"
      ok 1 "$lang $ext: texts"
      [ "$lang" = en ] && ok 1 "$lang $ext: the progress slide"
      continue
    fi
    ok 0 "$lang $ext: LibreOffice opened it"

    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    slides=$(slides_in "$work/$lang-$ext.$ext")
    [ "$pages" = "$slides" ] && [ "$pages" -gt 7 ]
    ok $? "$lang $ext: $pages pages for $slides slides"

    pdftotext -layout "$pdf" "$work/text.txt"
    flatten "$work/text.txt" >"$work/flat.txt"
    missing=0
    while IFS= read -r line; do
      if ! grep -qF -- "$(printf '%s' "$line" | tr -s ' ' ' ')" "$work/flat.txt"; then
        echo "# missing from the $lang $ext deck: $line"
        missing=1
      fi
    done <"$work/expected-$lang.txt"
    ok $missing "$lang $ext: the organisation and every item title read as text"

    # The progress slide's texts, checked once per format in English.
    if [ "$lang" = en ]; then
      grep -qF "Progress since 1 September 2026" "$work/flat.txt" &&
        grep -qF "Listen → Respond" "$work/flat.txt" &&
        grep -qF "✓ Secure support from management" "$work/flat.txt"
      ok $? "$lang $ext: the progress slide reads as text"
    fi
  done
done

# Dutch reads Dutch, and says so.
pdftotext "$work/pdf/nl-odp.pdf" "$work/nl.txt"
grep -qF "Social media-roadmap" <(flatten "$work/nl.txt") && grep -qF "Fase 1" <(flatten "$work/nl.txt") &&
  ! grep -qF "Phase 1" <(flatten "$work/nl.txt")
ok $? "nl: the Dutch deck reads Dutch"
python3 - "$work/nl-pptx.pptx" "$work/nl-odp.odp" <<'PY'
import sys, zipfile
pptx = zipfile.ZipFile(sys.argv[1]).read("ppt/slides/slide1.xml").decode()
odp = zipfile.ZipFile(sys.argv[2]).read("styles.xml").decode()
sys.exit(0 if 'lang="nl-NL"' in pptx and 'fo:language="nl"' in odp else 1)
PY
ok $? "nl: both formats declare Dutch"

"$KOERS" --roadmap --format=csv "$PROJECT" | tr -d '\r' >"$work/cli.csv"
for name in roadmap roadmap-x; do
  if diff -u "$work/cli.csv" "$work/csv/$name.csv" >"$work/diff"; then
    ok 0 "$name: Calc's CSV equals koers --roadmap --format=csv"
  else
    sed 's/^/# /' "$work/diff" | head -20
    ok 1 "$name: Calc's CSV equals koers --roadmap --format=csv"
  fi
done

exit $failed
