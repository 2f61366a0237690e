#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a valid Koers project holding many recorded roadmap annotations.

    bench/make-annotations.py OUT.koers [COUNT]

COUNT defaults to 131828, which gives a file of about 15 MiB: the size at
which loading was once quadratic (docs/performance-roadmap.md). Most annotations
belong to no item of today's roadmap (orphans, as a file edited by a newer
or older Koers holds them); every item still goes through the same lookups.
"""

import json
import sys

STATUSES = ["todo", "doing", "done", "skipped"]


def project(count):
    items = {}
    for i in range(count):
        items["item-%06d" % i] = {
            "status": STATUSES[i % 4],
            "owner": "Team %d" % (i % 17),
            "due": "%d-Q%d" % (2027 + i % 3, 1 + i % 4),
            "note": "Annotation %d for the benchmark" % i,
        }
    return {
        "format": "koers-project",
        "version": 1,
        "organisation": {"name": "Benchmark", "description": "Many annotations"},
        "placements": {
            "pyramid": {"current": "respond", "target": "create"},
            "learning-curve": {"current": "tactical", "target": "integrated"},
            "maturity-matrix": {"current": "engagement", "target": "formalized"},
            "strategy-model": {"current": "audiences", "target": "evaluation"},
        },
        "roadmap": {"start": "2027-01", "items": items},
    }


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    count = int(sys.argv[2]) if len(sys.argv) == 3 else 131828
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(project(count), out, ensure_ascii=False)
        out.write("\n")


if __name__ == "__main__":
    main()
