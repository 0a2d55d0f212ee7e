"""What the alignment says about each pair's meaning: the similarity of each sentence of a merged pair,
and the document's own length ratio."""
from __future__ import annotations

import math
from typing import Sequence

from ..models.embedders import Embedder
from ..types import Pair

#: A document needs this many 1-1 links before its own length ratio is trusted over the table.
MIN_PAIRS_FOR_DOC_RATIO = 8


def merged_similarities(pairs: Sequence[Pair], embedder: Embedder | None) -> dict[int, tuple[float, ...]]:
    """For pairs linking several source sentences, each source sentence's similarity to the target. The
    vectors are the alignment's (``MemoEmbedder``): only a target of three sentences is embedded again."""
    multi = [p for p in pairs if len(p.src_segments) > 1 and p.tgt_segments]
    if embedder is None or not multi:
        return {}
    sents = [s.text for p in multi for s in p.src_segments]
    svecs = embedder.encode(sents)
    tvecs = embedder.encode([p.target for p in multi])
    out: dict[int, tuple[float, ...]] = {}
    k = 0
    for p, tv in zip(multi, tvecs):
        n = len(p.src_segments)
        out[p.index] = tuple(round(float(v @ tv), 3) for v in svecs[k : k + n])
        k += n
    return out


def doc_log_ratio(pairs: Sequence[Pair]) -> float | None:
    """Median log length ratio of the document's 1-1 links: the translator's own habit."""
    logs = sorted(
        math.log(len("".join(p.target.split())) / len("".join(p.source.split())))
        for p in pairs
        if p.link.kind == "1-1" and p.source.strip() and p.target.strip()
    )
    if len(logs) < MIN_PAIRS_FOR_DOC_RATIO:
        return None
    return logs[len(logs) // 2]
