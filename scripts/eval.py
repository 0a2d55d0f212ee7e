#!/usr/bin/env python3
"""Accuracy of tqcheck's checks on public annotated data (DEMETR perturbations, WMT23 MQM).

    python scripts/eval.py [DATA_DIR] [--markdown]

DATA_DIR defaults to ../shared/data/external_eval_dev (demetr_zhen_dev.jsonl, mqm_wmt23_zhen_dev.jsonl).
Each item is checked as one pre-aligned pair (tqcheck.compare in "aligned" mode, no embedder:
the checks alone).

DEMETR: for each perturbation category, recall = share of perturbed translations (`mt`) flagged by
the rule family meant for it (any severity, and at severity error); false-positive rates = share of
the clean translations (`mt_clean`) and of the human references (category `none`) with any finding
at severity error.

MQM (WMT23 zh-en): precision of tqcheck's number/name findings (TQ2xx/TQ3xx at error) against
segments where raters marked an error (any rater; and a Major error); precision, recall and MCC of
any error-level finding against segments with a Major error.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck.pipeline import compare  # noqa: E402
from tqcheck.types import Severity  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "external_eval_dev")
#: Which rule family is meant to catch each DEMETR category.
FAMILY = {
    "number": ("TQ2",),
    "named_entity": ("TQ3",),
    "named_entity_omission": ("TQ3", "TQ4", "TQ108"),
    "untranslated": ("TQ5",),
    "empty_output": ("TQ107", "TQ4"),
    "omission": ("TQ4", "TQ3", "TQ2", "TQ108"),
    "addition": ("TQ4", "TQ3", "TQ2"),
    "repetition": ("TQ105",),
    "mistranslation": ("TQ",),
}


def findings(source: str, translation: str) -> list[tuple[str, Severity]]:
    one_line = lambda s: " ".join(s.split())  # noqa: E731 - aligned mode is line by line
    report = compare(one_line(source), one_line(translation) or " ", "zh", "en", mode="aligned", embedder="none")
    return [(f.code, f.severity) for f in report.findings]


def has(found: list[tuple[str, Severity]], prefixes: tuple[str, ...], errors_only: bool) -> bool:
    return any(c.startswith(prefixes) and (s == Severity.ERROR or not errors_only) for c, s in found)


def demetr(path: str) -> list[tuple[str, ...]]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    by_cat: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_cat[r["expected_issue"]].append(r)
    table = []
    clean_flagged = 0
    seen_clean: set[str] = set()
    clean_total = 0
    clean_examples = []
    for cat in sorted(by_cat):
        items = by_cat[cat]
        if cat == "none":
            fp = sum(1 for r in items if has(findings(r["source"], r["mt"]), ("TQ",), True))
            table.append((cat, str(len(items)), "-", "-", f"{fp / len(items):.3f}"))
            continue
        fam = FAMILY[cat]
        hit_any = hit_err = 0
        for r in items:
            f = findings(r["source"], r["mt"])
            hit_any += has(f, fam, False)
            hit_err += has(f, fam, True)
        table.append((cat, str(len(items)), f"{hit_any / len(items):.3f}", f"{hit_err / len(items):.3f}", "-"))
    for r in rows:
        key = r["source"] + "\x00" + r["mt_clean"]
        if key in seen_clean:
            continue
        seen_clean.add(key)
        clean_total += 1
        f = findings(r["source"], r["mt_clean"])
        if has(f, ("TQ",), True):
            clean_flagged += 1
            clean_examples.append((f, r["mt_clean"][:100]))
    table.append(("mt_clean (distinct)", str(clean_total), "-", "-", f"{clean_flagged / max(clean_total, 1):.3f}"))
    for f, text in clean_examples[:10]:
        print(f"  clean flagged: {[c for c, s in f if s == Severity.ERROR]} {text}", file=sys.stderr)
    return table


def mqm(path: str) -> list[tuple[str, ...]]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    tp_any = tp_major = flagged_ne = 0
    tp = fp = fn = tn = 0
    for r in rows:
        f = findings(r["source"], r["mt"])
        any_err = bool(r["errors"])
        major = any(e["severity"] == "Major" for e in r["errors"])
        ne = has(f, ("TQ2", "TQ3"), True)
        if ne:
            flagged_ne += 1
            tp_any += any_err
            tp_major += major
        flagged = has(f, ("TQ",), True)
        tp += flagged and major
        fp += flagged and not major
        fn += (not flagged) and major
        tn += (not flagged) and not major
    denom = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) or 1.0
    mcc = (tp * tn - fp * fn) / denom
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return [
        ("items", str(len(rows))),
        ("number/name findings (TQ2xx/TQ3xx, error): segments flagged", str(flagged_ne)),
        ("  of which carry a rater-marked error", f"{tp_any / flagged_ne:.3f}" if flagged_ne else "-"),
        ("  of which carry a Major error", f"{tp_major / flagged_ne:.3f}" if flagged_ne else "-"),
        ("any error-level finding vs Major-error segments: precision", f"{prec:.3f}"),
        ("  recall", f"{rec:.3f}"),
        ("  MCC", f"{mcc:.3f}"),
    ]


def show(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]], markdown: bool) -> None:
    print(f"\n{title}")
    if not rows:
        print("  (no data)")
        return
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        for r in rows:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=DEFAULT)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    t = time.perf_counter()
    d = os.path.join(args.data, "demetr_zhen_dev.jsonl")
    if os.path.exists(d):
        show("DEMETR zh-en", ("category", "items", "recall (family, any severity)", "recall (family, error)",
                              "error-level FP rate"), demetr(d), args.markdown)
    m = os.path.join(args.data, "mqm_wmt23_zhen_dev.jsonl")
    if os.path.exists(m):
        show("MQM WMT23 zh-en", ("measure", "value"), mqm(m), args.markdown)
    print(f"\n({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
