"""Two documents' units into aligned pairs: by the aligner, or line by line when they come pre-aligned
(``--aligned``)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .. import progress
from ..errors import InputError
from ..models.embedders import Embedder
from ..types import Link, Pair, Segment
from .aligner import BEADS, DEL_COST, Aligner
from .features import adjacent_vectors, join_sentences, joiner


def align_segments(src: Sequence[Segment], tgt: Sequence[Segment], src_lang: str, tgt_lang: str,
                   embedder: Embedder | None, pre_aligned: bool = False) -> list[Pair]:
    """The aligned pairs of two documents; ``embedder`` is None when none covers the language pair."""
    if pre_aligned:
        progress.stage("embedding" if embedder else "aligning")
        links = aligned_links(src, tgt, embedder)
    else:
        src_texts, tgt_texts = [s.text for s in src], [s.text for s in tgt]
        if embedder is not None:  # the aligner finds these vectors in the memo (MemoEmbedder)
            progress.stage("embedding", len(src_texts) + len(tgt_texts))
            for side_texts, side_lang in ((src_texts, src_lang), (tgt_texts, tgt_lang)):
                adjacent_vectors(embedder, side_texts, joiner(side_lang))
                progress.advance(len(side_texts))
        progress.stage("aligning")
        links = Aligner(embedder).align(src_texts, tgt_texts, src_lang, tgt_lang)
    return [make_pair(k, link, src, tgt, src_lang, tgt_lang) for k, link in enumerate(links)]


def aligner_signature(pre_aligned: bool) -> str:
    """How pairs were made, for the report's signature."""
    if pre_aligned:
        return "none (pre-aligned)"
    return f"tqcheck-dp/1 beads={','.join(f'{a}-{b}' for a, b in BEADS)} del={DEL_COST}"


def require_parallel(src_path: str, src: Sequence[Segment], tgt_path: str, tgt: Sequence[Segment]) -> None:
    """--aligned: refuse two files whose line counts differ, naming the shorter."""
    if len(src) != len(tgt):
        raise InputError(
            src_path if len(src) < len(tgt) else tgt_path,
            f"--aligned needs line i of each file to match: {src_path} has {len(src)} lines, "
            f"{tgt_path} has {len(tgt)}",
            line=min(len(src), len(tgt)) + 1,
        )


def aligned_links(src: Sequence[Segment], tgt: Sequence[Segment], embedder: Embedder | None) -> list[Link]:
    """--aligned: line k faces line k; a pair of blank lines is no pair, and the similarity is the embedder's."""
    sims: list[float | None] = [None] * len(src)
    if embedder is not None:
        idx = [k for k in range(len(src)) if src[k].text and tgt[k].text]
        if idx:
            a = embedder.encode([src[k].text for k in idx])
            b = embedder.encode([tgt[k].text for k in idx])
            for k, s in zip(idx, np.sum(a * b, axis=1)):
                sims[k] = round(float(s), 3)
    links = []
    for k in range(len(src)):
        if not src[k].text and not tgt[k].text:
            continue
        links.append(Link((k,) if src[k].text else (), (k,), 1.0, sims[k]))
    return links


def make_pair(k: int, link: Link, src: Sequence[Segment], tgt: Sequence[Segment], src_lang: str, tgt_lang: str) -> Pair:
    s = tuple(src[i] for i in link.src)
    t = tuple(tgt[j] for j in link.tgt)
    return Pair(k, link, join_sentences([x.text for x in s], src_lang), join_sentences([x.text for x in t], tgt_lang), s, t)
