"""Sentence alignment by dynamic programming over a pluggable similarity, in linear time.

The method follows vecalign (Thompson & Koehn 2019): score every candidate bead (1-1, 1-2, 2-1,
2-2, 1-3, 3-1, 1-0, 0-1) by the cosine of the embeddings of the *concatenated* sentences,
normalised by how similar each side is to random sentences of the other document, plus a length
term and an anchor term; find the cheapest monotone path. To keep cost linear in document length
the search is coarse-to-fine: both documents are repeatedly halved (adjacent vectors summed) until
small enough for a full search, and each finer level searches only a band around the path found
one level up.

The expected length ratio is that of the document's clear 1-1 matches, not of its two sides' totals
(which a paragraph one side lacks throws off). With an embedder, a large length deviation counts only
logarithmically, and a merged bead must match better than the best single pair inside it (bertalign's
1-1 first); see docs/input.md for how this was measured.

Without an embedder covering the language pair, the vectors are hashed bags of anchors (numbers,
Latin-script words, long word prefixes between Latin-script languages) and the length term does
most of the work: the classic Gale-Church signal.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..models.embedders import Embedder
from ..types import Link
from .corridor import new_row, simple_path, windows as corridor
from .features import anchors, span_vectors as _span_vectors

#: Bead shapes searched, (source sentences, target sentences).
BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
#: Extra cost of a bead shape. The semantic cost is also multiplied by (source x target sentences),
#: as in vecalign, so merges must earn their place. Values, with LEN_SCALE and MERGE_WEIGHT, chosen
#: on a plateau of both dev sets: the de-fr Text+Berg gold (strict F1) and the WMT22 documents of
#: eight directions rebuilt as articles (scripts/eval_align_docs.py, segments recovered exactly):
#: a 2-2 penalty of 0.2-0.25 and MERGE_WEIGHT 2-4 give the same figures (docs/input.md).
BEAD_PENALTY = {(1, 1): 0.0, (1, 2): 0.25, (2, 1): 0.25, (2, 2): 0.2, (1, 3): 0.1, (3, 1): 0.1}
#: Cost of leaving one sentence unaligned (in units of the normalised semantic cost).
DEL_COST = 1.2
#: Weight of the squared log length-ratio deviation.
LEN_WEIGHT = 2.0
LEN_WEIGHT_MODEL_FREE = 2.0
#: Squared log length-ratio deviation beyond which the length term grows only logarithmically.
LEN_SCALE = 1.0
#: Cost per unit of cosine by which a merged bead's best single pair beats the merged bead.
MERGE_WEIGHT = 3.0
#: Pairs shorter than this (characters, both sides) get a lighter length term (see _Search.bead_cost).
#: 80 keeps the de-fr dev F1 (0.966; 40 gives the same, 120 drops it to 0.949).
LEN_FULL = 80.0
#: Documents up to this many sentences (per side) are searched in full.
FULL_SEARCH = 300
#: Half-width of the band searched around the projected coarse path, in sentences.
BAND = 8
#: Random sentences used to normalise each vector's similarity.
NORM_SAMPLES = 32


@dataclass(frozen=True)
class AlignerConfig:
    del_cost: float = DEL_COST
    len_weight: float = LEN_WEIGHT
    band: int = BAND
    full_search: int = FULL_SEARCH
    max_span: int = 3
    #: A sentence with fewer letters than this is a fragment, cheaper to leave unaligned.
    fragment_letters: float = 8.0


class _Side:
    """Vectors of spans of 1..max_span consecutive sentences, their normalisers and lengths."""

    def __init__(self, span_vecs: dict[int, np.ndarray], lengths: np.ndarray) -> None:
        self.span_vecs = span_vecs
        self.lengths = lengths
        self.cum_len = np.concatenate([[0.0], np.cumsum(lengths)])
        self.norms: dict[int, np.ndarray] = {}
        self.del_scale = np.ones(len(lengths))

    def set_del_scale(self, letters: np.ndarray, full_at: float) -> None:
        """Leaving a fragment unaligned costs less than leaving a sentence: scale by letter count."""
        self.del_scale = np.minimum(1.0, (letters + 1.0) / full_at)

    def __len__(self) -> int:
        return len(self.lengths)

    def span_len(self, start: np.ndarray | int, k: int) -> np.ndarray:
        start = np.asarray(start)
        return self.cum_len[start + k] - self.cum_len[start]


def _normalisers(side: _Side, other_unit: np.ndarray, rng: np.random.Generator) -> None:
    m = len(other_unit)
    take = rng.choice(m, size=min(NORM_SAMPLES, m), replace=False) if m else np.zeros(0, dtype=int)
    sample = other_unit[take]
    for k, vecs in side.span_vecs.items():
        if len(sample):
            side.norms[k] = np.maximum(np.mean(1.0 - vecs @ sample.T, axis=1), 0.05)
        else:
            side.norms[k] = np.ones(len(vecs), dtype=np.float32)


class Aligner:
    """Aligns two sentence lists; ``embedder=None`` selects the model-free path."""

    def __init__(self, embedder: Embedder | None = None, config: AlignerConfig | None = None) -> None:
        self.embedder = embedder
        self.config = config or AlignerConfig()

    def align(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> list[Link]:
        n, m = len(src), len(tgt)
        if n == 0 or m == 0:
            return [Link((i,), (), 1.0) for i in range(n)] + [Link((), (j,), 1.0) for j in range(m)]
        cfg = self.config
        embedder = self.embedder
        if embedder is not None and not (embedder.supports(src_lang) and embedder.supports(tgt_lang)):
            embedder = None
        model_free = embedder is None
        src_anchors = [anchors(t, src_lang, tgt_lang) for t in src]
        tgt_anchors = [anchors(t, tgt_lang, src_lang) for t in tgt]
        S = _Side(_span_vectors(src, src_lang, cfg.max_span, embedder, src_anchors), _lengths(src))
        T = _Side(_span_vectors(tgt, tgt_lang, cfg.max_span, embedder, tgt_anchors), _lengths(tgt))
        rng = np.random.default_rng(0)
        _normalisers(S, T.span_vecs[1], rng)
        _normalisers(T, S.span_vecs[1], rng)
        S.set_del_scale(_letters(src), cfg.fragment_letters)
        T.set_del_scale(_letters(tgt), cfg.fragment_letters)
        # Expected log length ratio: calibrated on the document itself, so no per-language table; the totals
        # set the first path's corridor, its clear 1-1 steps the ratio (a dropped paragraph skews the totals).
        mu = math.log((T.cum_len[-1] + 1) / (S.cum_len[-1] + 1))
        windows = corridor(S.span_vecs[1], T.span_vecs[1], S.lengths, T.lengths, cfg, mu)
        mu = _typical_log_ratio(S, T, windows, cfg, mu, (src, tgt), model_free)
        len_w = LEN_WEIGHT_MODEL_FREE if model_free else cfg.len_weight
        search = _Search(S, T, mu, len_w, cfg, model_free)
        beads = search.run(windows)
        return _links(beads, search)


#: Fewest clear 1-1 matches from which the document's typical length ratio is measured.
MIN_RATIO_SAMPLES = 4
#: ... and without an embedder, whose hashed anchors make a first path's steps clear less often: read off
#: fewer, a short document's ratio followed a wrong step (tests/unit/test_eval_align_docs.py: 4 steps of 5
#: sentences); 8 keeps rebuilt WMT22 model-free at 0.987 pooled (0.990 with 4, 0.980 with the totals).
MIN_RATIO_SAMPLES_MODEL_FREE = 8


def _typical_log_ratio(
    S: _Side, T: _Side, windows: list[tuple[int, int]], cfg: AlignerConfig, mu: float,
    texts: tuple[Sequence[str], Sequence[str]], model_free: bool,
) -> float:
    """The document's typical log length ratio, measured on its clear 1-1 matches.

    The ratio of the two documents' total lengths is off when one side has text the other lacks (a
    shop's terms left untranslated, a caption): every sentence then seems too long or too short, and
    merging neighbours seems to fix it. The median ratio of the 1-1 steps of a first path (those with a
    cosine above the median) is what a sentence of this document is expected to keep.
    """
    path = simple_path(S.span_vecs[1], T.span_vecs[1], S.lengths, T.lengths, windows, cfg, mu)
    # A sentence copied unchanged (a URL, a code, a name) keeps its length in any language: it says
    # nothing of the ratio, and in a short document would pull it to 1 (ja-en #URL#).
    src, tgt = texts
    steps = [(i, j) for (i, j), (i2, j2) in zip(path, path[1:])
             if i2 == i + 1 and j2 == j + 1 and src[i].strip() != tgt[j].strip()]
    if len(steps) < (MIN_RATIO_SAMPLES_MODEL_FREE if model_free else MIN_RATIO_SAMPLES):
        return mu
    coss = np.array([float(T.span_vecs[1][j] @ S.span_vecs[1][i]) for i, j in steps])
    logs = np.array([math.log((T.lengths[j] + 8.0) / (S.lengths[i] + 8.0)) for i, j in steps])
    return float(np.median(logs[coss >= np.median(coss)]))


def _lengths(texts: Sequence[str]) -> np.ndarray:
    return np.array([max(len(t), 1) for t in texts], dtype=np.float64)


def _letters(texts: Sequence[str]) -> np.ndarray:
    return np.array([sum(map(str.isalpha, t)) for t in texts], dtype=np.float64)


class _Search:
    """The banded DP at the finest level, with every bead shape."""

    def __init__(self, S: _Side, T: _Side, mu: float, len_w: float, cfg: AlignerConfig, model_free: bool) -> None:
        self.S, self.T, self.mu, self.len_w, self.cfg = S, T, mu, len_w, cfg
        self.model_free = model_free
        self.beads = [b for b in BEADS if max(b) <= cfg.max_span]

    def bead_cost(self, a: int, b: int, i0: int, j0: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Cost, normalised semantic distance and cosine of beads (a, b) at source i0, targets j0."""
        cos = self.T.span_vecs[b][j0] @ self.S.span_vecs[a][i0]
        merged = a * b > 1 and not self.model_free
        return self._costs(a, b, i0, j0, cos, self._best_part(a, b, i0, j0) if merged else None)

    def _best_part(self, a: int, b: int, i0: int, j0: np.ndarray) -> np.ndarray:
        """The cosine of the best-matching single pair inside each bead (a, b) at source i0, targets j0."""
        S1, T1 = self.S.span_vecs[1], self.T.span_vecs[1]
        return np.max([T1[j0 + dj] @ S1[i0 + di] for di in range(a) for dj in range(b)], axis=0)

    def _costs(self, a: int, b: int, i0: int | np.ndarray, j0: np.ndarray, cos: np.ndarray,
               best: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``bead_cost`` from the cosines (and the best single pair's, for a merge with an embedder), for one
        source start or one per target start: elementwise, so a whole document's beads of a shape at once."""
        S, T = self.S, self.T
        sem = (1.0 - cos) / ((S.norms[a][i0] + T.norms[b][j0]) / 2.0)
        ls = S.span_len(i0, a)
        lt = T.span_len(j0, b)
        dev = np.log((lt + 8.0) / (ls + 8.0)) - self.mu
        # A short pair's length ratio is noisy (a few characters more or less move its log a lot): its
        # deviation weighs in proportion to the pair's length, up to LEN_FULL characters.
        trust = np.minimum((ls + lt) / LEN_FULL, 1.0) if not self.model_free else 1.0
        # With an embedder, the length deviation counts quadratically while small and only
        # logarithmically beyond LEN_SCALE (Cauchy): a short sentence the translator rendered twice as long (PayPal - 这是我们唯一接受的付款
        # 方式。) is an outlier of the length model, not a reason to merge it with its neighbour.
        dev2 = dev * dev if self.model_free else LEN_SCALE * np.log1p(dev * dev / LEN_SCALE)
        # A bead holding several pairs (2-2) pays the length deviation of each (min(a, b)), as the 1-1 beads
        # it stands for would: paid once, a headline and a first sentence that both run long against the
        # document's ratio cost less merged than apart.
        cost = sem * (a * b) + self.len_w * trust * dev2 * min(a, b) + BEAD_PENALTY[(a, b)]
        if best is not None:
            # A merge must match better than its best part: a 2-2 bead whose first sentences already
            # match each other more closely than the two pairs together do is two 1-1 beads.
            cost = cost + MERGE_WEIGHT * np.maximum(0.0, best - cos)
        return cost, sem, cos

    def _reach(self, windows: list[tuple[int, int]]) -> dict[tuple[int, int], list[tuple[int, int, int]]]:
        """For each bead shape taking source sentences, and each row i of the search: the target boundaries
        (first, last) of row i it reaches from row i - a (a contiguous range, within both rows' windows, and
        j - b >= 0 where the bead takes targets), and where the row's costs start in ``_bead_costs``'s
        array; first > last where it reaches none. They depend on the windows alone."""
        m = len(self.T)
        out: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        for a, b in self.beads:
            if a == 0:
                continue
            rows, at = [], 0
            for i, (lo, hi) in enumerate(windows):
                if a > i or b > m:
                    rows.append((1, 0, at))
                    continue
                plo, phi = windows[i - a]
                first = max(lo, plo + b, b) if b else max(lo, plo)
                last = min(hi, phi + b, m)
                rows.append((first, last, at))
                at += max(0, last - first + 1)
            out[(a, b)] = rows
        return out

    def _bead_costs(self, a: int, b: int, rows: list[tuple[int, int, int]]) -> np.ndarray:
        """The costs of every bead (a, b) the search reaches (``_reach``), row after row, in one array. Each
        row's cosines are the same product as ``bead_cost``'s (its sources' vector against the matrix of its
        targets' vectors: the figures, to the last bit, the search compares), the rest is elementwise."""
        reached = [(i, first, last) for i, (first, last, _) in enumerate(rows) if first <= last]
        if not reached:  # (a side too short for the shape has no vectors of it)
            return np.zeros(0)
        sv, tv = self.S.span_vecs[a], self.T.span_vecs[b]
        starts, targets, cos, best = [], [], [], []
        merged = a * b > 1 and not self.model_free
        for i, first, last in reached:
            j0 = np.arange(first - b, last - b + 1)
            starts.append(np.full(len(j0), i - a))
            targets.append(j0)
            cos.append(tv[j0] @ sv[i - a])
            if merged:
                best.append(self._best_part(a, b, i - a, j0))
        return self._costs(a, b, np.concatenate(starts), np.concatenate(targets), np.concatenate(cos),
                           np.concatenate(best) if merged else None)[0]

    def run(self, windows: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
        n, m = len(self.S), len(self.T)
        del_cost = self.cfg.del_cost
        rows: list[np.ndarray] = []
        back: list[np.ndarray] = []
        los = [w[0] for w in windows]
        bead_idx = {b: k for k, b in enumerate(self.beads)}
        # what each bead reaches, and its costs there, worked out for the whole document before the search
        reach = self._reach(windows)
        costs = {bead: self._bead_costs(*bead, spans) for bead, spans in reach.items() if bead[1]}
        for i in range(n + 1):
            lo, hi = windows[i]
            js, best, arg = new_row(lo, hi, i == 0)
            for (a, b), spans in reach.items():
                first, last, at = spans[i]
                if first > last:
                    continue
                plo = los[i - a]
                k0, k1 = first - lo, last - lo + 1
                prev = rows[i - a][first - b - plo : last - b - plo + 1]
                if b == 0:
                    cand = prev + del_cost * self.S.del_scale[i - 1]
                else:
                    cand = prev + costs[(a, b)][at : at + k1 - k0]
                here = best[k0:k1]  # a view: updated in place
                better = cand < here
                here[better] = cand[better]
                arg[k0:k1][better] = bead_idx[(a, b)]
            # 0-1 beads chain within the row: D[j] = min(base[j], D[j-1] + del) = j*d + cummin(base - j*d)
            # ramp[k] = cost of deleting targets lo..lo+k-1, so D[j] = min_k(base[k] + ramp[j] - ramp[k])
            steps = del_cost * self.T.del_scale[np.clip(js - 1, 0, m - 1)]
            steps[0] = 0.0
            ramp = np.cumsum(steps)
            chained = np.minimum.accumulate(best - ramp) + ramp
            took = chained < best - 1e-12
            arg[took] = bead_idx[(0, 1)]
            rows.append(np.minimum(best, chained))
            back.append(arg)
        # Trace back from (n, m).
        out: list[tuple[int, int, int, int]] = []
        i, j = n, m
        while i > 0 or j > 0:
            k = back[i][j - los[i]]
            if k < 0:  # pragma: no cover - the band always contains a path
                raise RuntimeError("alignment search lost its path")
            a, b = self.beads[k]
            out.append((i - a, a, j - b, b))
            i, j = i - a, j - b
        out.reverse()
        return out


def _links(beads: list[tuple[int, int, int, int]], search: _Search) -> list[Link]:
    """Turn beads into Links with a confidence in [0, 1]."""
    links: list[Link] = []
    for i0, a, j0, b in beads:
        src = tuple(range(i0, i0 + a))
        tgt = tuple(range(j0, j0 + b))
        if a and b:
            _, sem, cos = search.bead_cost(a, b, i0, np.array([j0]))
            s = float(sem[0])
            # A normalised distance of ~0.4 is a typical true pair, ~1.0 a random one.
            conf = 1.0 / (1.0 + math.exp((s - 0.7) * 10.0))
            if search.model_free:
                ls = search.S.span_len(i0, a)
                lt = search.T.span_len(np.array([j0]), b)[0]
                dev = math.log((lt + 8.0) / (float(ls) + 8.0)) - search.mu
                conf = math.exp(-2.0 * dev * dev) * (0.6 + 0.4 * max(0.0, 1.0 - s))
            links.append(Link(src, tgt, round(conf, 3), None if search.model_free else round(float(cos[0]), 3)))
        else:
            links.append(Link(src, tgt, 0.5))
    return _null_confidence(links, search)


def _null_confidence(links: list[Link], search: _Search) -> list[Link]:
    """A sentence left unaligned is surer the less it resembles anything nearby on the other side."""
    out = []
    S1, T1 = search.S.span_vecs[1], search.T.span_vecs[1]
    for k, link in enumerate(links):
        if link.src and link.tgt:
            out.append(link)
            continue
        # Nearby sentences of the other side: those of the neighbouring links.
        near_t: list[int] = []
        near_s: list[int] = []
        for nb in links[max(0, k - 2) : k + 3]:
            near_t.extend(nb.tgt)
            near_s.extend(nb.src)
        if link.src:
            v = S1[link.src[0]]
            cands = T1[near_t] if near_t else np.zeros((0, len(v)))
        else:
            v = T1[link.tgt[0]]
            cands = S1[near_s] if near_s else np.zeros((0, len(v)))
        best = float(np.max(cands @ v)) if len(cands) else 0.0
        conf = 1.0 / (1.0 + math.exp((best - 0.45) * 12.0)) if not search.model_free else 0.5
        out.append(Link(link.src, link.tgt, round(conf, 3)))
    return out
