#!/usr/bin/env python3
"""Dropped sentences: are they found, and how often do the omission rules (TQ4xx) flag faithful documents?

    python scripts/eval_dropped.py [--per-direction N] [--drops K] [--merges K] [--pairs zh-en,de-en]
                                   [--split all|even|odd] [--layout feed|article|both] [--dump FILE]
                                   [--set NAME=VALUE ...]

Documents are real WMT22 ones from ../shared/data/external_eval_dev/wmt22/ (source and first professional
reference, every direction; a direction without document ids is cut into documents of 12 segments), chosen
as ``scripts/bench_audit.py`` chooses them, and laid out two ways:

    feed     the data's paragraphs on both sides, segments joined by a space (none in zh, ja), as the
             planted feed of ``scripts/eval_audit.py`` has them (a headline shares the first paragraph)
    article  each side grouped into paragraphs of its own, the headline on a line of its own, as
             ``scripts/eval_align_docs.py`` rebuilds documents

Each document is checked as it is and in ``--merges`` faithful copies with two translated sentences joined
into one (the first's final stop made a semicolon, or a comma in Chinese and Japanese), as translators
merge sentences (faithful: every warning-or-worse TQ4xx finding on them is a false alarm), and in
``--drops`` planted copies, each with one segment of the translation removed (not the first; one of at
least 20 characters; the first such segment after the headline is always one of them, as eval_audit plants
it). A drop is *found* when a TQ4xx finding of warning or worse lies in a pair whose source holds the
dropped segment's source (any part of it).

Printed per direction and layout: drops found, and the false-alarm share of pairs on the faithful
documents (pairs with a TQ4xx warning or worse), with the codes. ``--split even|odd`` keeps every other
document, to check that what is set on one half holds on the other; ``--set DROPPED_MAX_SIM=0.4`` tries
another value of a constant of ``tqcheck.check.omission`` or ``tqcheck.evidence.signals``. ``--dump``
writes one JSON line per pair of the faithful documents and per pair holding a drop (kind, similarities,
lengths, codes).

The embedder is the default one (use), its vectors cached in $TQCHECK_CACHE_DIR (set it to keep them
between runs).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_audit import NO_SPACE, wmt22_documents  # noqa: E402
from eval_align_docs import layout  # noqa: E402

from tqcheck.pipeline import compare  # noqa: E402
from tqcheck.types import Severity  # noqa: E402

PAIRS = ("zh-en", "ja-en", "ru-en", "de-en", "uk-en", "cs-en", "en-zh", "en-ja", "en-ru", "en-de", "en-uk",
         "en-cs", "de-fr", "fr-de")
MIN_DROP_CHARS = 20


def feed_layout(paras: list[list[str]], lang: str) -> tuple[str, list[tuple[int, int]]]:
    """The paragraphs as eval_audit writes them (bench_audit.join) and each segment's span; an empty
    segment (a dropped one) gets an empty span."""
    sep = "" if lang in NO_SPACE else " "
    text, spans = "", []
    for n, para in enumerate(paras):
        if n:
            text += "\n\n"
        first = True
        for seg in para:
            if not seg:
                spans.append((len(text), len(text)))
                continue
            if not first:
                text += sep
            first = False
            spans.append((len(text), len(text) + len(seg)))
            text += seg
    return text + "\n", spans


def article_layout(segs: list[str], lang: str, seed: str) -> tuple[str, list[tuple[int, int]]]:
    """eval_align_docs' layout of the segments left (a dropped one, empty, is left out) and their spans."""
    kept = [k for k, s in enumerate(segs) if s]
    text, sub = layout([segs[k] for k in kept], lang, seed)
    spans = [(0, 0)] * len(segs)
    for k, span in zip(kept, sub):
        spans[k] = span
    return text, spans


#: Joining two translated sentences into one: the first's final stop becomes this.
JOINER = {"zh": "，", "ja": "、"}
FINAL_STOPS = ".。!！?？"


def texts(doc: dict[str, Any], how: str, drop: int | None,
          merge: int | None = None) -> tuple[str, str, list[tuple[int, int]]]:
    """Source and translation text of ``doc`` laid out ``how``, with segment ``drop`` of the translation
    removed, or segment ``merge`` joined with the next into one sentence (a translator's faithful merge);
    and the source spans of the segments."""
    src = [[s for s, _ in p] for p in doc["paragraphs"]]
    tgt = [[t for _, t in p] for p in doc["paragraphs"]]
    flat = [(p, k) for p, para in enumerate(tgt) for k in range(len(para))]
    if drop is not None:
        p, k = flat[drop]
        tgt[p][k] = ""
    if merge is not None:
        (p, k), (p2, k2) = flat[merge], flat[merge + 1]
        lang = doc["tgt_lang"]
        joined = tgt[p][k].rstrip().rstrip(FINAL_STOPS) + JOINER.get(lang, "; ") + tgt[p2][k2]
        tgt[p][k], tgt[p2][k2] = joined, ""
    if how == "feed":
        s_text, s_spans = feed_layout(src, doc["src_lang"])
        t_text, _ = feed_layout(tgt, doc["tgt_lang"])
    else:
        s_text, s_spans = article_layout([s for p in src for s in p], doc["src_lang"], doc["id"] + "/source")
        t_text, _ = article_layout([t for p in tgt for t in p], doc["tgt_lang"], doc["id"] + "/target")
    return s_text, t_text, s_spans


def drop_choices(doc: dict[str, Any], k: int, rng: random.Random) -> list[int]:
    """Up to ``k`` segments to drop: the first that eval_audit would drop (not the headline, at least
    20 characters, in a paragraph of two or more), and others at random."""
    flat = [(t, len(p)) for p in doc["paragraphs"] for _, t in p]
    fit = [i for i, (t, n) in enumerate(flat) if i > 0 and len(t) >= MIN_DROP_CHARS]
    if not fit:
        return []
    first = next((i for i in fit if flat[i][1] >= 2), fit[0])
    rest = [i for i in fit if i != first]
    rng.shuffle(rest)
    return [first] + rest[: k - 1]


def merge_choices(doc: dict[str, Any], k: int, rng: random.Random) -> list[int]:
    """Up to ``k`` segments of the translation to join with the next: both ending like a sentence."""
    flat = [t for p in doc["paragraphs"] for _, t in p]
    fit = [i for i in range(1, len(flat) - 1) if flat[i].rstrip()[-1:] in FINAL_STOPS
           and flat[i + 1].rstrip()[-1:] in FINAL_STOPS]
    rng.shuffle(fit)
    return fit[:k]


def omission_findings(report: Any) -> list[tuple[Any, list[str]]]:
    """Each pair and its TQ4xx findings of warning or worse, as 'CODE:severity'."""
    return [(r.pair, [f"{f.code}:{f.severity.name.lower()}" for f in r.findings
                      if f.code.startswith("TQ4") and f.severity >= Severity.WARNING]) for r in report.pairs]


_EMBEDDER: Any = None


def sentence_similarities(pair: Any) -> list[float] | None:
    """Each source sentence's similarity to the pair's target (for the dump; the evidence stage's own)."""
    global _EMBEDDER
    if len(pair.src_segments) < 2 or not pair.tgt_segments:
        return None
    if _EMBEDDER is None:
        from tqcheck.cache import CachedEmbedder, DiskCache
        from tqcheck.models.embedders import USEEmbedder

        _EMBEDDER = CachedEmbedder(USEEmbedder(), DiskCache(os.environ.get("TQCHECK_CACHE_DIR"), max_mb=2000))
    vecs = _EMBEDDER.encode([s.text for s in pair.src_segments] + [pair.target])
    return [round(float(v @ vecs[-1]), 3) for v in vecs[:-1]]


def pair_row(pair: Any, codes: list[str], **extra: Any) -> dict[str, Any]:
    src, tgt = len("".join(pair.source.split())), len("".join(pair.target.split()))
    return {"kind": pair.link.kind, "similarity": pair.link.similarity, "src_chars": src, "tgt_chars": tgt,
            "log_ratio": math.log(tgt / src) if src and tgt else None, "codes": codes,
            "sims": sentence_similarities(pair), "src_lens": [len("".join(s.text.split())) for s in pair.src_segments],
            "source": pair.source, "target": pair.target, **extra}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-direction", type=int, default=8, help="documents per direction (default 8)")
    ap.add_argument("--drops", type=int, default=3, help="planted copies per document (default 3)")
    ap.add_argument("--pairs", default=",".join(PAIRS))
    ap.add_argument("--merges", type=int, default=3,
                    help="faithful copies per document with two translated sentences joined into one (default 3)")
    ap.add_argument("--split", choices=("all", "even", "odd"), default="all")
    ap.add_argument("--layout", choices=("feed", "article", "both"), default="both")
    ap.add_argument("--embedder", default="use")
    ap.add_argument("--dump", metavar="FILE", help="write pair rows as JSONL")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="try another value of a constant of tqcheck.check.omission or tqcheck.evidence.signals")
    a = ap.parse_args()
    for setting in a.set:
        from tqcheck.check import omission
        from tqcheck.evidence import signals

        name, value = setting.split("=")
        module = omission if hasattr(omission, name) else signals
        setattr(module, name, type(getattr(module, name))(value))
    wanted = a.pairs.split(",")
    layouts = ("feed", "article") if a.layout == "both" else (a.layout,)
    docs = [d for d in wmt22_documents(a.per_direction) if f"{d['src_lang']}-{d['tgt_lang']}" in wanted]
    by_dir: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        by_dir[f"{d['src_lang']}-{d['tgt_lang']}"].append(d)
    dump = open(a.dump, "w", encoding="utf-8") if a.dump else None
    t0 = time.perf_counter()
    print(f"{'direction':<10}{'layout':<9}{'docs':>5}{'drops':>7}{'found':>7}{'share':>7}{'pairs':>7}"
          f"{'false':>7}{'share':>8}  false alarms by code; drops missed by link kind")
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for direction in wanted:
        ds = by_dir.get(direction, [])
        if a.split != "all":
            ds = ds[(0 if a.split == "even" else 1)::2]
        sl, tl = direction.split("-")
        for how in layouts:
            rng = random.Random(f"{direction}/{how}")
            n_drops = n_found = n_pairs = n_false = 0
            false_codes: Counter[str] = Counter()
            missed_kinds: Counter[str] = Counter()
            for doc in ds:
                s_text, t_text, _ = texts(doc, how, None)
                rep = compare(s_text, t_text, sl, tl, embedder=a.embedder)
                for pair, codes in omission_findings(rep):
                    n_pairs += 1
                    n_false += bool(codes)
                    false_codes.update(c.split(":")[0] for c in set(codes))
                    if dump:
                        dump.write(json.dumps(pair_row(pair, codes, direction=direction, layout=how, doc=doc["id"],
                                                       planted=False), ensure_ascii=False) + "\n")
                for merge in merge_choices(doc, a.merges, rng):
                    s_text, t_text, _ = texts(doc, how, None, merge)
                    rep = compare(s_text, t_text, sl, tl, embedder=a.embedder)
                    for pair, codes in omission_findings(rep):
                        n_pairs += 1
                        n_false += bool(codes)
                        false_codes.update(c.split(":")[0] for c in set(codes))
                        if dump and len(pair.src_segments) > 1:
                            dump.write(json.dumps(pair_row(pair, codes, direction=direction, layout=how,
                                                           doc=doc["id"], planted=False, merge=merge),
                                                  ensure_ascii=False) + "\n")
                for drop in drop_choices(doc, a.drops, rng):
                    s_text, t_text, spans = texts(doc, how, drop)
                    lo, hi = spans[drop]
                    rep = compare(s_text, t_text, sl, tl, embedder=a.embedder)
                    n_drops += 1
                    hit, kinds = False, []
                    for pair, codes in omission_findings(rep):
                        if pair.src_segments and any(s.start < hi and lo < s.end for s in pair.src_segments):
                            hit = hit or bool(codes)
                            kinds.append(f"{pair.link.kind}" + ("+fused" if any(
                                s.start < lo or s.end > hi for s in pair.src_segments
                                if s.start < hi and lo < s.end) else ""))
                            if dump:
                                dump.write(json.dumps(pair_row(pair, codes, direction=direction, layout=how,
                                                               doc=doc["id"], planted=True, drop=drop,
                                                               dropped=[k for k, s in enumerate(pair.src_segments)
                                                                        if s.start < hi and lo < s.end],
                                                               fused=[k for k, s in enumerate(pair.src_segments)
                                                                      if s.start < hi and lo < s.end
                                                                      and (s.start < lo or s.end > hi)]),
                                                      ensure_ascii=False) + "\n")
                    n_found += hit
                    if not hit:
                        missed_kinds.update(kinds)
            totals[how].update(drops=n_drops, found=n_found, pairs=n_pairs, false=n_false)
            codes_s = " ".join(f"{c} {v}" for c, v in false_codes.most_common()) or "-"
            missed_s = " ".join(f"{c} {v}" for c, v in missed_kinds.most_common()) or "-"
            print(f"{direction:<10}{how:<9}{len(ds):>5}{n_drops:>7}{n_found:>7}{n_found / max(1, n_drops):>7.2f}"
                  f"{n_pairs:>7}{n_false:>7}{n_false / max(1, n_pairs):>8.4f}  {codes_s}; missed: {missed_s}",
                  flush=True)
    for how, t in totals.items():
        print(f"{'all':<10}{how:<9}{'':>5}{t['drops']:>7}{t['found']:>7}{t['found'] / max(1, t['drops']):>7.2f}"
              f"{t['pairs']:>7}{t['false']:>7}{t['false'] / max(1, t['pairs']):>8.4f}")
    print(f"({time.perf_counter() - t0:.0f} s)")
    if dump:
        dump.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
