# SPDX-License-Identifier: GPL-3.0-or-later
"""The TAP output shared by the Python tests: collect checks, then report."""

import sys

_results = []


def check(name, ok, detail=""):
    """Records one test point; on failure, detail is printed as a diagnostic."""
    _results.append((bool(ok), name, detail))


def finish():
    """Prints the plan and every result, and exits 0 only if all passed."""
    print(f"1..{len(_results)}")
    for i, (ok, name, detail) in enumerate(_results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).strip().splitlines():
                print(f"# {line}")
    sys.exit(0 if all(ok for ok, _, _ in _results) else 1)
