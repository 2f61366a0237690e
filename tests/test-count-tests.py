#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-aux/count-tests counts test cases, not programs: checked on a made-up
build folder whose log holds each kind of result a test run can give."""

import json
import os
import subprocess
import sys
import tempfile

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build-aux", "count-tests")

TESTS = [
    # name, protocol, meson's result, stdout
    ("mixed", "tap", "FAIL",
     "1..5\nok 1 /a\nok 2 /b\nnot ok 3 /c\nok 4 /d # SKIP no display\nok 5 /e\n"),
    ("crashed", "tap", "ERROR",
     "# random seed: R02Sfeed\n1..27\n# Start of x tests\nok 1 /x/a\nok 2 /x/b\nBail out! ERROR: assertion failed\n"),
    ("skipped-whole", "tap", "OK", "1..0 # SKIP no X server\n"),
    ("todo", "tap", "OK", "1..2\nnot ok 1 /t # TODO not yet\nok 2 /u\n"),
    ("script-ok", "exitcode", "OK", "ok 1 this is not TAP\nok 2 nor this\n"),
    ("script-fails", "exitcode", "FAIL", ""),
    ("script-skips", "exitcode", "SKIP", ""),
    ("timed-out", "tap", "TIMEOUT", ""),
]
# passed: mixed 3, crashed 2, todo 2, script-ok 1
# failed: mixed 1, crashed 1, script-fails 1, timed-out 1
# skipped: mixed 1, skipped-whole 1, script-skips 1
EXPECTED = "8 passed, 4 failed, 3 skipped"


def run(*logs):
    return subprocess.run([sys.executable, SCRIPT, *logs], capture_output=True, text=True)


def main():
    failures = []
    with tempfile.TemporaryDirectory() as build:
        os.mkdir(os.path.join(build, "meson-info"))
        os.mkdir(os.path.join(build, "meson-logs"))
        with open(os.path.join(build, "meson-info", "intro-tests.json"), "w") as f:
            json.dump([{"name": n, "suite": ["koers:x"], "protocol": p} for n, p, _, _ in TESTS], f)
        log = os.path.join(build, "meson-logs", "testlog.json")
        with open(log, "w") as f:
            for name, _, result, stdout in TESTS:
                f.write(json.dumps({"name": f"koers:x / {name}", "result": result,
                                    "stdout": stdout}) + "\n")

        done = run(log)
        lines = done.stdout.splitlines()
        if lines != [EXPECTED]:
            failures.append(f"closing line {lines!r}, expected {EXPECTED!r}")
        if done.returncode != 1:
            failures.append(f"exit status {done.returncode} with failures, expected 1")

        # Each failed program says why, where a short log still shows it:
        # its seed and GLib's message, not the cases that passed.
        for want in ("--- koers:x / crashed: ERROR", "    # random seed: R02Sfeed",
                     "    Bail out! ERROR: assertion failed", "--- koers:x / timed-out: TIMEOUT",
                     "--- koers:x / script-fails: FAIL"):
            if want not in done.stderr.splitlines():
                failures.append(f"no {want!r} in the digest: {done.stderr!r}")
        if "ok 1 /x/a" in done.stderr or "koers:x / mixed: FAIL" not in done.stderr or "todo" in done.stderr:
            failures.append(f"the digest names the wrong lines: {done.stderr!r}")

        # A build that never got to testing counts as a failure.
        missing = run(log, os.path.join(build, "nowhere", "testlog.json"))
        if missing.stdout.splitlines() != ["8 passed, 5 failed, 3 skipped"]:
            failures.append(f"missing log: {missing.stdout!r}")

        # All passing: status 0, no skipped part.
        with open(log, "w") as f:
            f.write(json.dumps({"name": "koers:x / mixed", "result": "OK",
                                "stdout": "1..2\nok 1 /a\nok 2 /b\n"}) + "\n")
        clean = run(log)
        if clean.stdout.splitlines() != ["2 passed, 0 failed"] or clean.returncode != 0 or "---" in clean.stderr:
            failures.append(f"clean run: {clean.stdout!r}, status {clean.returncode}")

    print("1..1")
    if failures:
        for failure in failures:
            print(f"# {failure}")
        print("not ok 1 /build/count-tests")
        return 1
    print("ok 1 /build/count-tests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
