#!/usr/bin/env python3
"""Alignment on whole documents laid out as articles: WMT22 documents rebuilt, segments recovered exactly.

    python scripts/eval_align_docs.py [DATA_DIR] [--pairs ja-en,en-zh] [--embedder use|none|both]
                                      [--split all|even|odd] [--worst N] [--per-doc]

DATA_DIR defaults to ../shared/data/external_eval_dev. Each WMT22 file with documents
(``wmt22/wmt22_<src><tgt>.jsonl``: ja-en, ru-en, uk-en, en-zh, en-ja, en-uk, de-fr, fr-de) is rebuilt
into documents: segment 0 (the headline, in news) on a line of its own, the other segments grouped
into paragraphs of one to four segments (a segment without final punctuation ends its paragraph),
one paragraph per line, the source and the first reference
grouped *differently* (each side's grouping drawn with its own seed), so the line breaks of the two
sides do not meet. Each side is then split into sentences by tqcheck's segmenter and aligned by
tqcheck's aligner, as ``tqcheck compare`` would.

A WMT segment is *recovered exactly* when the links touching its sentences hold exactly its sentences,
on both sides. A sentence the segmenter runs across two segments (a segment without final punctuation
followed by another in its paragraph) makes both unrecoverable: these are counted apart ("lost to
segmentation"), so that the aligner's own figure is the share of the other segments it recovers.

Printed: per direction, pooled figures and the spread over documents (the share of documents recovered
entirely, the worst documents); with --per-doc every document. ``--split even|odd`` keeps every other
document (by order in the file), to check that what is tuned on one half holds on the other.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import OrderedDict
from dataclasses import dataclass

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck.align.aligner import Aligner  # noqa: E402
from tqcheck.models.embedders import Embedder, USEEmbedder  # noqa: E402
from tqcheck.segment.segmenter import segment_text  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "external_eval_dev")
PAIRS = ("ja-en", "ru-en", "uk-en", "en-zh", "en-ja", "en-uk", "de-fr", "fr-de")
NO_SPACE = ("zh", "ja")
FINAL = frozenset(".!?。！？…")
CLOSERS = "\"'”’»」』)）] "


def _ends_sentence(seg: str) -> bool:
    """Whether ``seg`` ends in sentence-final punctuation (closing quotes and brackets after it allowed)."""
    return seg.rstrip(CLOSERS)[-1:] in FINAL


@dataclass
class Doc:
    name: str
    domain: str | None
    src: list[str]  # WMT segments
    tgt: list[str]


def load_docs(path: str) -> list[Doc]:
    docs: OrderedDict[str, Doc] = OrderedDict()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            ref = row.get("ref_A") or row.get("ref_B")
            if row.get("doc") is None or not ref or not row["source"].strip() or not ref.strip():
                continue
            doc = docs.setdefault(row["doc"], Doc(row["doc"], row.get("domain"), [], []))
            doc.src.append(" ".join(row["source"].split()))
            doc.tgt.append(" ".join(ref.split()))
    return list(docs.values())


def layout(segs: list[str], lang: str, seed: str) -> tuple[str, list[tuple[int, int]]]:
    """The article text and each segment's character span in it: the first segment on its own line,
    the others in paragraphs of 1-4 segments (sizes drawn from ``seed``), a paragraph per line. A segment
    without final punctuation (a title, a list item, a chat turn) ends its paragraph, as in an article."""
    rng = random.Random(seed)
    joiner = "" if lang in NO_SPACE else " "
    lines: list[list[int]] = [[0]]
    k = 1
    while k < len(segs):
        size = rng.choice((1, 2, 2, 3, 3, 4))
        line = [k]
        while len(line) < size and k + 1 < len(segs) and _ends_sentence(segs[k]):
            k += 1
            line.append(k)
        lines.append(line)
        k += 1
    text = ""
    spans: list[tuple[int, int]] = [(0, 0)] * len(segs)
    for n, line in enumerate(lines):
        if n:
            text += "\n"
        for m, k in enumerate(line):
            if m:
                text += joiner
            spans[k] = (len(text), len(text) + len(segs[k]))
            text += segs[k]
    return text + "\n", spans


def sentence_owners(text: str, lang: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[set[int]]]:
    """Sentences of ``text`` and, for each, the segments it overlaps."""
    sents = segment_text(text, lang)
    owners = []
    for s in sents:
        owners.append({k for k, (a, b) in enumerate(spans) if a < s.end and s.start < b})
    return [s.text for s in sents], owners


@dataclass
class DocScore:
    name: str
    domain: str | None
    segments: int
    recovered: int
    lost_to_segmentation: int
    sentences: tuple[int, int]


def score_doc(doc: Doc, sl: str, tl: str, aligner: Aligner) -> DocScore:
    src_text, src_spans = layout(doc.src, sl, doc.name + "/source")
    tgt_text, tgt_spans = layout(doc.tgt, tl, doc.name + "/target")
    src_sents, src_own = sentence_owners(src_text, sl, src_spans)
    tgt_sents, tgt_own = sentence_owners(tgt_text, tl, tgt_spans)
    n = len(doc.src)
    S: list[set[int]] = [set() for _ in range(n)]
    T: list[set[int]] = [set() for _ in range(n)]
    shared: set[int] = set()
    for i, own in enumerate(src_own):
        for k in own:
            S[k].add(i)
        if len(own) > 1:
            shared |= own
    for j, own in enumerate(tgt_own):
        for k in own:
            T[k].add(j)
        if len(own) > 1:
            shared |= own
    links = aligner.align(src_sents, tgt_sents, sl, tl)
    link_of_src = {i: li for li, link in enumerate(links) for i in link.src}
    link_of_tgt = {j: li for li, link in enumerate(links) for j in link.tgt}
    recovered = 0
    for k in range(n):
        if k in shared:
            continue
        touching = {link_of_src[i] for i in S[k]} | {link_of_tgt[j] for j in T[k]}
        got_s = {i for li in touching for i in links[li].src}
        got_t = {j for li in touching for j in links[li].tgt}
        recovered += got_s == S[k] and got_t == T[k]
    return DocScore(doc.name, doc.domain, n, recovered, len(shared), (len(src_sents), len(tgt_sents)))


def embedder_for(kind: str) -> Embedder | None:
    if kind == "none":
        return None
    from tqcheck.cache import CachedEmbedder, DiskCache

    cache_dir = os.environ.get("TQCHECK_EVAL_CACHE", os.path.join(tempfile.gettempdir(), "tqcheck-eval-align-cache"))
    return CachedEmbedder(USEEmbedder(), DiskCache(cache_dir, max_mb=2000))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=DEFAULT)
    ap.add_argument("--pairs", default=",".join(PAIRS))
    ap.add_argument("--embedder", choices=("use", "none", "both"), default="use")
    ap.add_argument("--split", choices=("all", "even", "odd"), default="all")
    ap.add_argument("--worst", type=int, default=3, help="worst documents shown per direction")
    ap.add_argument("--per-doc", action="store_true", help="print every document")
    args = ap.parse_args()
    kinds = ("use", "none") if args.embedder == "both" else (args.embedder,)
    t0 = time.perf_counter()
    print(f"{'set':<6} {'embedder':<10} {'docs':>5} {'segs':>6} {'seg-lost':>8} {'recovered':>9} "
          f"{'aligner':>8} {'docs 100%':>9} {'doc median':>10} {'doc min':>8}")
    for kind in kinds:
        aligner = Aligner(embedder_for(kind))
        total_segs = total_rec = total_lost = 0
        for pair in args.pairs.split(","):
            sl, tl = pair.split("-")
            docs = load_docs(os.path.join(args.data, "wmt22", f"wmt22_{sl}{tl}.jsonl"))
            if args.split != "all":
                docs = docs[(0 if args.split == "even" else 1)::2]
            scores = [score_doc(d, sl, tl, aligner) for d in docs]
            segs = sum(s.segments for s in scores)
            rec = sum(s.recovered for s in scores)
            lost = sum(s.lost_to_segmentation for s in scores)
            total_segs, total_rec, total_lost = total_segs + segs, total_rec + rec, total_lost + lost
            shares = sorted(s.recovered / (s.segments - s.lost_to_segmentation) for s in scores
                            if s.segments > s.lost_to_segmentation) or [1.0]
            full = sum(1 for s in scores if s.recovered == s.segments - s.lost_to_segmentation)
            print(f"{pair:<6} {kind:<10} {len(scores):>5} {segs:>6} {lost:>8} {rec / segs:>9.3f} "
                  f"{rec / max(1, segs - lost):>8.3f} {full / len(scores):>9.3f} {shares[len(shares) // 2]:>10.3f} "
                  f"{shares[0]:>8.3f}")
            shown = scores if args.per_doc else sorted(
                scores, key=lambda s: s.recovered - (s.segments - s.lost_to_segmentation))[: args.worst]
            for s in shown:
                ok = s.segments - s.lost_to_segmentation
                if args.per_doc or s.recovered < ok:
                    print(f"    {s.name[:60]:<60} {s.domain or '-':<12} {s.recovered:>3}/{ok:<3} "
                          f"(+{s.lost_to_segmentation} lost) sentences {s.sentences[0]}-{s.sentences[1]}")
        print(f"{'all':<6} {kind:<10} {'':>5} {total_segs:>6} {total_lost:>8} {total_rec / total_segs:>9.3f} "
              f"{total_rec / max(1, total_segs - total_lost):>8.3f}")
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
