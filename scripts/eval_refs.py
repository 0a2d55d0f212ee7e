#!/usr/bin/env python3
"""Precision on faithful translations: how often tqcheck flags professional human references.

    python scripts/eval_refs.py [DATA_DIR] [--lines N] [--pairs zh-en,de-en] [--dump FILE] [--misses FILE] [--markdown]

DATA_DIR defaults to ../shared/data/external_eval_dev. Every line of each WMT22 file
(``wmt22/wmt22_<src><tgt>.jsonl``: source and its first professional reference, ``ref_A`` or
``ref_B``) is checked as a
pre-aligned pair (``--aligned``, no embedder: the checks alone), and the clean MT (``mt_clean``) and the
``none`` control (reference as output) of DEMETR's five source languages likewise, with the recall of
the rule family meant for each DEMETR perturbation, and WMT23 MQM zh-en (how often an error-level finding
lands on a segment raters marked with a Major error).

References are faithful, so nearly every finding on them is a false alarm (a few references contain real
errors). Printed per direction: the share of lines with an error-level finding and with a warning or
worse; then per rule, how many lines it flags at each severity across all directions. ``--dump`` writes
every finding with its line as JSONL, for reading by hand; ``--misses`` writes every DEMETR item a recall
target counts and the rule family missed (source, clean MT, perturbed MT and the findings it did get).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck.pipeline import compare  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
from eval import mqm, show  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "external_eval_dev")
WMT_PAIRS = ("zh-en", "ja-en", "ru-en", "de-en", "uk-en", "cs-en", "en-zh", "en-ja", "en-ru", "en-de",
             "en-uk", "en-cs", "de-fr", "fr-de")
DEMETR_LANGS = ("zh", "de", "ja", "fr", "es")
#: DEMETR categories with a recall target (at warning or worse), and the rule family meant to catch each.
RECALL = {
    "number": (("TQ2",), 0.95),
    "named_entity": (("TQ3",), 0.95),
    "named_entity_omission": (("TQ3", "TQ4", "TQ108"), 0.90),
    "untranslated": (("TQ5",), 0.98),
    "empty_output": (("TQ107", "TQ4"), 1.00),
    "negation": (("TQ406",), 0.0),  # DEMETR's critical_id8_negation (no target in the issue: reported)
}
#: The issue's targets: error-level findings on at most 1% of reference lines, warning or worse on 5%.
MAX_ERROR_RATE = 0.01
MAX_WARNING_RATE = 0.05


def one_line(s: str) -> str:
    return " ".join(s.split()) or "-"


def check_lines(src: list[str], tgt: list[str], sl: str, tl: str) -> list[list[tuple[str, ...]]]:
    """Findings (code, severity, message) per line, the lines checked as one pre-aligned document."""
    report = compare("\n".join(map(one_line, src)), "\n".join(map(one_line, tgt)), sl, tl, mode="aligned",
                     embedder="none", cache=False)
    out: list[list[tuple[str, ...]]] = [[] for _ in src]
    for r in report.pairs:
        line = r.pair.tgt_segments[0].index
        out[line] = [(f.code, f.severity.name.lower(), f.message, f.evidence.get("kind", "")) for f in r.findings]
    return out


def rates(found: list[list[tuple[str, ...]]]) -> tuple[float, float]:
    n = max(len(found), 1)
    err = sum(any(s == "error" for _, s, *_ in f) for f in found)
    warn = sum(any(s in ("error", "warning") for _, s, *_ in f) for f in found)
    return err / n, warn / n


def wmt(data: str, pairs: tuple[str, ...], limit: int | None, per_rule: dict, dump) -> list[tuple[str, ...]]:
    rows = []
    for lp in pairs:
        sl, tl = lp.split("-")
        path = os.path.join(data, "wmt22", f"wmt22_{sl}{tl}.jsonl")
        if not os.path.exists(path):
            continue
        items = [json.loads(line) for line in open(path, encoding="utf-8")][:limit]
        ref = next(k for k in ("ref_A", "ref_B", "ref_C") if k in items[0])  # the first reference WMT22 has
        found = check_lines([r["source"] for r in items], [r[ref] for r in items], sl, tl)
        record(lp, found, items, "source", ref, per_rule, dump)
        err, warn = rates(found)
        n_err = round(err * len(items))
        rows.append((lp, str(len(items)), f"{err:.4f} ({n_err})", f"{warn:.3f}",
                     "ok" if err <= MAX_ERROR_RATE else "OVER", "ok" if warn <= MAX_WARNING_RATE else "OVER"))
    return rows


def demetr(data: str, per_rule: dict, dump, recall: list, misses=None) -> list[tuple[str, ...]]:
    rows = []
    for sl in DEMETR_LANGS:
        path = os.path.join(data, f"demetr_{sl}en_dev.jsonl")
        if not os.path.exists(path):
            continue
        items = [json.loads(line) for line in open(path, encoding="utf-8")]
        clean = list({(r["source"], r["mt_clean"]): r for r in items}.values())
        control = [r for r in items if r["expected_issue"] == "none"]
        for name, group, field in (("mt_clean", clean, "mt_clean"), ("none", control, "mt")):
            found = check_lines([r["source"] for r in group], [r[field] for r in group], sl, "en")
            record(f"demetr-{sl}-{name}", found, group, "source", field, per_rule, dump)
            err, warn = rates(found)
            rows.append((f"{sl}-en {name}", str(len(group)), f"{err:.3f}", f"{warn:.3f}",
                         "ok" if err <= MAX_ERROR_RATE else "OVER"))
        for cat, (family, target) in RECALL.items():
            group = [r for r in items if r["expected_issue"] == cat or cat == "negation"
                     and r["perturbation"] == "critical_id8_negation"]
            if not group:
                continue
            found = check_lines([r["source"] for r in group], [r["mt"] for r in group], sl, "en")
            caught = [any(c.startswith(family) and s in ("error", "warning") for c, s, *_ in f) for f in found]
            hit = sum(caught)
            if misses:
                for r, f, ok in zip(group, found, caught):
                    if not ok:
                        misses.write(json.dumps({"lang": sl, "kind": cat, "perturbation": r["perturbation"],
                                                 "source": r["source"], "mt_clean": r["mt_clean"], "mt": r["mt"],
                                                 "found": [list(x) for x in f]}, ensure_ascii=False) + "\n")
            err = sum(any(c.startswith(family) and s == "error" for c, s, *_ in f) for f in found)
            recall.append((f"{sl}-en {cat}", str(len(group)), f"{hit / len(group):.3f}", f"{err / len(group):.3f}",
                           "ok" if hit / len(group) >= target else f"UNDER {target:.2f}"))
    return rows


lines_checked: list[int] = []


def record(where: str, found, items, sfield: str, tfield: str, per_rule: dict, dump) -> None:
    lines_checked.append(len(items))
    for item, f in zip(items, found):
        seen: set[tuple[str, str]] = set()
        for code, sev, msg, kind in f:
            key = f"{code} {kind}".strip()
            if (key, sev) not in seen:
                per_rule[key][sev] += 1
                seen.add((key, sev))
            if dump:
                dump.write(json.dumps({"set": where, "code": code, "severity": sev, "kind": kind, "message": msg,
                                       "source": item[sfield], "translation": item[tfield]},
                                      ensure_ascii=False) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=DEFAULT)
    ap.add_argument("--lines", type=int, default=None, help="only the first N lines of each WMT22 file")
    ap.add_argument("--pairs", default=",".join(WMT_PAIRS), help="WMT22 directions, comma-separated")
    ap.add_argument("--no-demetr", action="store_true")
    ap.add_argument("--dump", help="write every finding as JSONL to this file")
    ap.add_argument("--misses", help="write every DEMETR item a recall target missed as JSONL to this file")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    t = time.perf_counter()
    per_rule: dict[str, Counter] = defaultdict(Counter)
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    misses = open(args.misses, "w", encoding="utf-8") if args.misses else None
    pairs = tuple(p for p in args.pairs.split(",") if p)
    header = ("set", "lines", "error rate", "warning+ rate", "target")
    show("WMT22 references (first reference, --aligned, no embedder): share of lines flagged",
         ("set", "lines", "error rate (lines)", "warning+ rate", "error <= 1%", "warning+ <= 5%"),
         wmt(args.data, pairs, args.lines, per_rule, dump), args.markdown)
    if not args.no_demetr:
        recall: list[tuple[str, ...]] = []
        show("DEMETR clean MT and the 'none' control (reference as output)", header,
             demetr(args.data, per_rule, dump, recall, misses), args.markdown)
        show("DEMETR recall of the rule family meant for each perturbation", ("set", "items", "warning+", "error",
                                                                               "target"), recall, args.markdown)
    m = os.path.join(args.data, "mqm_wmt23_zhen_dev.jsonl")
    if not args.no_demetr and os.path.exists(m):
        show("WMT23 MQM zh-en: error-level findings against rater-marked Major errors (target: precision >= 0.75)",
             ("measure", "value"), mqm(m), args.markdown)
    total = sum(lines_checked)
    rule_rows = [(code, str(c.get("error", 0)), str(c.get("warning", 0)), str(c.get("info", 0)),
                  f"{1000 * c.get('error', 0) / max(total, 1):.2f}")
                 for code, c in sorted(per_rule.items())]
    show(f"Lines flagged per rule and kind, over the {total:,} faithful lines above (each is a false alarm unless "
         "the reference is wrong)", ("rule kind", "error", "warning", "info", "errors per 1,000 lines"), rule_rows,
         args.markdown)
    for f in (dump, misses):
        if f:
            f.close()
    print(f"\n({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
