#!/usr/bin/env python3
"""How well tqcheck's per-sentence quality score separates broken translations from clean ones.

    python scripts/eval_quality.py [DATA_DIR] [--embedder use] [--translator argos [--translate both]] [--markdown]

On DEMETR zh-en dev (../shared/data/external_eval_dev/demetr_zhen_dev.jsonl): every perturbed
translation (`mt`, all categories except the reference control) is a positive, every distinct clean
translation (`mt_clean`) a negative. Each is compared with its source as one pre-aligned pair
(tqcheck.compare, mode "aligned"), and the ROC AUC says how often a clean translation scores higher
than a broken one (1.0 = always, 0.5 = chance). Baselines on the same items: the embedding cosine
alone, and sentence chrF against the human reference. AUC is also given per perturbation.

The last column is DEMETR's own protocol, for comparison only: the share of broken translations that
score below the clean translation of the same source (ties count half). It is easier than the pooled AUC,
where every broken translation must also score below the clean translations of other sentences.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck.pipeline import compare  # noqa: E402
from tqcheck.score.metrics import metrics_for  # noqa: E402
from tqcheck.score.quality import findings_factor  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "external_eval_dev")


def auc(positives: list[float], negatives: list[float]) -> float:
    """P(a clean item scores higher than a broken one), ties counting half (Mann-Whitney U / n1 n2)."""
    wins = 0.0
    for n in negatives:
        for p in positives:
            wins += 1.0 if n > p else 0.5 if n == p else 0.0
    return wins / (len(positives) * len(negatives))


def score(source: str, translation: str, reference: str, embedder: str, translator: str | None = None,
          translate: str = "back") -> dict[str, float]:
    one_line = lambda s: " ".join(s.split())  # noqa: E731 - aligned mode is line by line
    report = compare(one_line(source), one_line(translation) or " ", "zh", "en", mode="aligned", embedder=embedder,
                     translator=translator, translate=translate)
    pr = report.pairs[0]
    chrf = metrics_for("en").sentence(translation, reference, ("chrf",))["chrf"]
    return {
        "quality": float(pr.scores["quality"] or 0.0),
        "cosine": float(pr.scores["similarity"] if pr.scores["similarity"] is not None else -1.0),
        "chrf_ref": float(chrf or 0.0),
        "findings_only": findings_factor(pr.findings),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=DEFAULT)
    ap.add_argument("--embedder", default="use")
    ap.add_argument("--translator", choices=("argos",), default=None,
                    help="add back-/forward-translation chrF to the score (needs installed zh<->en argos models)")
    ap.add_argument("--translate", choices=("back", "forward", "both"), default="back")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    path = os.path.join(args.data, "demetr_zhen_dev.jsonl")
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    start = time.time()
    setup = (args.embedder, args.translator, args.translate)
    broken: dict[str, list[dict[str, float]]] = defaultdict(list)
    paired: dict[str, list[float]] = defaultdict(list)  # per perturbation: 1 if clean > broken, 0.5 tie
    clean_of: dict[str, dict[str, float]] = {}
    for r in rows:
        if r["source"] not in clean_of:
            clean_of[r["source"]] = score(r["source"], r["mt_clean"], r["reference"], *setup)
    clean = list(clean_of.values())
    for r in rows:
        if r["expected_issue"] != "none":
            x = score(r["source"], r["mt"], r["reference"], *setup)
            broken[r["perturbation"]].append(x)
            c = clean_of[r["source"]]["quality"]
            paired[r["perturbation"]].append(1.0 if c > x["quality"] else 0.5 if c == x["quality"] else 0.0)
    measures = ("quality", "cosine", "chrf_ref", "findings_only")
    all_broken = [x for items in broken.values() for x in items]
    all_paired = [w for ws in paired.values() for w in ws]
    table = [("all perturbations", str(len(all_broken)))
             + tuple(f"{auc([x[m] for x in all_broken], [x[m] for x in clean]):.3f}" for m in measures)
             + (f"{sum(all_paired) / len(all_paired):.3f}",)]
    for pert in sorted(broken):
        items = broken[pert]
        table.append((pert, str(len(items)))
                     + tuple(f"{auc([x[m] for x in items], [x[m] for x in clean]):.3f}" for m in measures)
                     + (f"{sum(paired[pert]) / len(paired[pert]):.3f}",))
    header = ("perturbation", "items", "AUC quality score", "AUC cosine alone", "AUC chrF vs reference",
              "AUC findings alone", "paired: quality below its own clean MT")
    print(f"DEMETR zh-en dev: {len(all_broken)} broken vs {len(clean)} clean translations, embedder {args.embedder}"
          + (f", translator {args.translator} ({args.translate})" if args.translator else ""))
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in table:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(str(r[k])) for r in [header, *table]) for k in range(len(header))]
        for row in [header, *table]:
            print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    print(f"({time.time() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    from tqcheck.errors import ModelError

    try:
        sys.exit(main())
    except ModelError as exc:
        sys.exit(f"eval_quality.py: {exc}")
