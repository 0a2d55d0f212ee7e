#!/usr/bin/env python3
"""Checking alone (aligned pairs in, findings out): tqcheck's rules vs translate-toolkit's pofilter
standard checks, side by side on the same pairs, in one run, on one core.

    pip install translate-toolkit   # only for this comparison
    python scripts/bench_checks.py [--pairs 5000] [--repeat 3]

Pairs: the aligned pairs of the bundled samples (zh/ru/ja -> en), repeated up to --pairs.
Prints pairs per second for each (best of --repeat runs).
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

SAMPLES = [("kuril", "zh"), ("riverport", "ru"), ("railway", "ja")]


def sample_pairs():
    from tqcheck.pipeline import Options, compare_files

    root = os.path.join(os.path.dirname(__file__), "..", "samples")
    out = []
    for name, lang in SAMPLES:
        report = compare_files(os.path.join(root, f"{name}.{lang}.txt"), os.path.join(root, f"{name}.en.txt"),
                               Options(lang, "en", embedder="none"))
        out += [(pr.pair, lang) for pr in report.pairs]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from tqcheck.check.registry import CheckContext
    from tqcheck.check.runner import Selection, run_checks

    base = sample_pairs()
    pairs = [base[k % len(base)] for k in range(args.pairs)]
    selection = Selection()
    contexts = [CheckContext(lang, "en") for _, lang in pairs]
    only_pairs = [p for p, _ in pairs]

    def tq() -> int:
        return len(run_checks(only_pairs, contexts, selection))

    results = {}
    best = min(_timed(tq) for _ in range(args.repeat))
    results["tqcheck (all rules)"] = (best, len(selection.rules()))
    try:
        from translate.filters import checks
        from translate.storage.pypo import pounit
    except ImportError:
        print("translate-toolkit is not installed: pip install translate-toolkit", file=sys.stderr)
        checks = None
    if checks is not None:
        checker = checks.StandardChecker()
        units = []
        for p, _ in pairs:
            u = pounit(p.source)
            u.target = p.target
            units.append(u)

        def pof() -> int:
            return sum(len(checker.run_filters(u)) for u in units)

        best_p = min(_timed(pof) for _ in range(args.repeat))
        results["pofilter StandardChecker"] = (best_p, len(checker.defaultfilters))
    print(f"{'checker':<28} {'rules':>6} {'pairs/s':>10}")
    for name, (secs, nrules) in results.items():
        print(f"{name:<28} {nrules:>6} {args.pairs / secs:>10.0f}")
    return 0


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    sys.exit(main())
