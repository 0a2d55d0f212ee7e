#!/usr/bin/env python3
"""Alignment strict F1 on a sentence-per-line gold (vecalign's counting), bundled embedder and model-free.

    python scripts/eval_align.py [DIR ...]   (default: ../shared/data/external_eval_dev/align_textberg_defr_003)
DIR holds de.txt, fr.txt and gold.txt (beads like ``[0]:[0, 1]``), or SRC/TGT named by --src/--tgt.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck.align.aligner import Aligner  # noqa: E402
from tqcheck.align.evaluate import read_beads, strict_scores  # noqa: E402
from tqcheck.models.embedders import USEEmbedder  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "external_eval_dev", "align_textberg_defr_003")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dirs", nargs="*", default=[DEFAULT])
    ap.add_argument("--src", default="de")
    ap.add_argument("--tgt", default="fr")
    args = ap.parse_args()
    embedder = USEEmbedder()
    print(f"{'corpus':<28} {'embedder':<22} {'P':>6} {'R':>6} {'F1':>6} {'secs':>6}")
    for d in args.dirs:
        src = [l.rstrip("\n").strip() for l in open(os.path.join(d, f"{args.src}.txt"), encoding="utf-8")]
        tgt = [l.rstrip("\n").strip() for l in open(os.path.join(d, f"{args.tgt}.txt"), encoding="utf-8")]
        gold = read_beads(open(os.path.join(d, "gold.txt"), encoding="utf-8"))
        for name, emb in (("use-multilingual-v3", embedder), ("none (model-free)", None)):
            t = time.perf_counter()
            links = Aligner(emb).align(src, tgt, args.src, args.tgt)
            secs = time.perf_counter() - t
            s = strict_scores(gold, [(l.src, l.tgt) for l in links])
            print(f"{os.path.basename(os.path.normpath(d)):<28} {name:<22} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {secs:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
