#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The translated user guides (docs/user-guide.LANG.md) stay in step with
the English one: the same numbered ## sections, as many list items in each,
the same key names and the same commands.

A key is compared by the name printed on it, the same in every language:
Ctrl+Z, Shift+F10, F1, Tab, Home, End, Enter and letters in bold (**N**).
Keys whose name is translated (the space bar, the arrow keys, the menu key)
are left out.

  tests/test-guides.py [DOCS_DIR]
"""

import glob
import os
import re
import sys

KEY_PATTERNS = [
    r"\b(?:(?:Ctrl|Shift|Alt|Super)\+)+(?:F\d{1,2}|[A-Za-z]+|\d)\b",
    r"(?<![+\w])F\d{1,2}\b",
    r"\b(?:Tab|Home|End|Enter|Esc|PageUp|PageDown|Delete|Backspace)\b",
    r"(?<=\*\*)[A-Z](?=\*\*)",
]


def strip_code(text):
    """The text outside ``` blocks, and the blocks themselves."""
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M)
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.S | re.M)
    return prose, blocks


def outline(text):
    """(section number, list items in it) for every ## section."""
    prose, _ = strip_code(text)
    sections = []
    for line in prose.splitlines():
        if line.startswith("## "):
            number = re.match(r"## (\d+)\.", line)
            sections.append([number.group(1) if number else "?", 0])
        elif line.startswith("- ") and sections:
            sections[-1][1] += 1
    return [tuple(s) for s in sections]


def keys(text):
    prose, _ = strip_code(text)
    prose = re.sub(r"`[^`]*`", "", prose)   # file names are not keys
    found = set()
    for pattern in KEY_PATTERNS:
        found.update(re.findall(pattern, prose))
    return found


def differences(english, other):
    """What keeps @other out of step with @english, one line each."""
    problems = []
    if outline(english) != outline(other):
        problems.append(f"sections (number, list items): English {outline(english)}, "
                        f"translation {outline(other)}")
    missing, extra = keys(english) - keys(other), keys(other) - keys(english)
    if missing or extra:
        problems.append(f"keys missing {sorted(missing)}, keys only in the translation {sorted(extra)}")
    if strip_code(english)[1] != strip_code(other)[1]:
        problems.append("the commands in ``` blocks differ")
    return problems


def main(argv):
    docs = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs")
    with open(os.path.join(docs, "user-guide.md"), encoding="utf-8") as f:
        english = f.read()
    translations = sorted(glob.glob(os.path.join(docs, "user-guide.*.md")))

    results = []
    # The check sees what it should, or a passing run would mean nothing.
    results.append(("the English guide has sections and keys",
                    len(outline(english)) >= 3 and {"Ctrl+Z", "Shift+F10", "F1"} <= keys(english), []))
    dropped = re.sub(r"^## 5\..*", "", english, flags=re.S | re.M)
    results.append(("a guide without its last section is out of step", bool(differences(english, dropped)), []))
    rekeyed = english.replace("Shift+F10", "Shift+F11")
    results.append(("a guide with another key is out of step", bool(differences(english, rekeyed)), []))
    results.append(("there is a translated guide", bool(translations), []))

    for path in translations:
        with open(path, encoding="utf-8") as f:
            problems = differences(english, f.read())
        results.append((f"{os.path.basename(path)} is in step with user-guide.md", not problems, problems))

    print(f"1..{len(results)}")
    failed = 0
    for i, (name, ok, problems) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {name}")
        for problem in problems:
            print(f"# {problem}")
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
