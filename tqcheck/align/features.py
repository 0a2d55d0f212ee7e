"""Per-sentence alignment signals: length, anchors (numbers, Latin-script words, names) and vectors."""
from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .. import lang as language
from ..models.embedders import Embedder

_NUM = re.compile(r"\d+(?:[.,]\d+)*")
# A figure with its scale word, read as one value so that 8000万 and 80 million meet.
_SCALED = re.compile(r"(\d+(?:[.,]\d+)?)\s*(万|億|亿|千|thousand|million|billion)(?![A-Za-z])", re.IGNORECASE)
_SCALES = {"万": 10**4, "億": 10**8, "亿": 10**8, "千": 10**3, "thousand": 10**3, "million": 10**6, "billion": 10**9}
_WORD = re.compile(r"[^\W\d_]{4,}")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]{2,}")
#: Dimension of the hashed anchor vectors used where no embedder covers the pair.
HASH_DIM = 1024


def joiner(lang: str) -> str:
    """What goes between two sentences of the language: nothing where it is written without spaces (zh,
    ja), a space elsewhere."""
    return "" if language.get(lang).unspaced else " "


def join_sentences(texts: Sequence[str], lang: str) -> str:
    """Join consecutive sentences the way the language writes them (no space in zh/ja)."""
    return joiner(lang).join(texts)


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()  # (nothing to decompose)
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def anchors(text: str, lang: str, other_lang: str) -> frozenset[str]:
    """Tokens likely to be carried over unchanged by a translation.

    Numbers (digits only, so "1,5" and "1.5" meet, and a figure with its scale word as one value, so
    that 8000万 and 80 million meet) always; between two languages written with spaces between words
    (Latin, Cyrillic, ...), capitalised and long words folded to their first five letters (proper names,
    acronyms and cognates); where either side is written without spaces (zh, ja: ``Language.unspaced``),
    the Latin-script words (names and acronyms survive translation into CJK).
    """
    found = {"#" + re.sub(r"\D", "", m.group()) for m in _NUM.finditer(text)}
    found.update("#" + _scaled(m.group(1), m.group(2)) for m in _SCALED.finditer(unicodedata.normalize("NFKC", text)))
    latin_pair = not language.get(lang).unspaced and not language.get(other_lang).unspaced
    if latin_pair:
        found.update("w" + _fold(w)[:5] for w in _WORD.findall(text) if w[0].isupper() or len(w) >= 7)
    else:
        found.update("w" + _fold(w) for w in _LATIN_WORD.findall(text))
    return frozenset(found)


def _scaled(figure: str, scale: str) -> str:
    """The value of a figure and its scale word, in digits: 1,5 million and 1.5 million are 1500000, 2,500
    thousand is 2500000."""
    head, _, tail = figure.replace(",", ".").rpartition(".")
    if "," in figure and len(tail) == 3:
        head, tail = "", head + tail  # a thousands separator: 2,500
    return str(round(float(f"{head.replace('.', '')}.{tail}" if head else tail) * _SCALES[scale.lower()]))


def hashed_vectors(anchor_sets: Sequence[frozenset[str]]) -> np.ndarray:
    """Bag-of-anchors vectors (L2-normalised) for the model-free path."""
    vecs = np.zeros((len(anchor_sets), HASH_DIM), dtype=np.float32)
    for i, toks in enumerate(anchor_sets):
        for tok in toks:
            vecs[i, zlib.crc32(tok.encode()) % HASH_DIM] += 1.0
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


@dataclass
class SideFeatures:
    """Everything the aligner needs about one side, for spans of 1..max_span sentences."""

    texts: list[str]
    lengths: np.ndarray  # chars per sentence
    anchor_sets: list[frozenset[str]]
    span_vecs: dict[int, np.ndarray] | None  # k -> (n-k+1, d) vectors of k consecutive sentences


def span_vectors(
    texts: Sequence[str], lang: str, k_max: int, embedder: Embedder | None, anchor_sets: Sequence[frozenset[str]]
) -> dict[int, np.ndarray]:
    """Unit vectors of every span of 1..k_max consecutive sentences: k -> (n-k+1, d).

    With an embedder, one- and two-sentence spans are embeddings of the real (joined) text, vecalign's
    overlaps; the bundled model composes a joined pair from its two sentences' own passes instead of
    embedding it again (``encode_adjacent``). Three-sentence spans are the sum of a pair and the next
    sentence, which costs nothing and rarely decides a bead. Without an embedder, hashed anchors, summed.
    """
    n = len(texts)
    spans: dict[int, np.ndarray] = {}
    if embedder is None:
        base = hashed_vectors(anchor_sets)
        spans[1] = base
        for k in range(2, k_max + 1):
            if n >= k:
                summed = sum(base[o : n - k + 1 + o] for o in range(k))
                spans[k] = unit_rows(np.asarray(summed))
        return spans
    if k_max < 2 or n < 2:
        spans[1] = embedder.encode(list(texts))
        return spans
    spans[1], spans[2] = adjacent_vectors(embedder, texts, joiner(lang))
    if n >= 3 and k_max >= 3:
        spans[3] = unit_rows(spans[2][: n - 2] + spans[1][2:])
    return spans


def adjacent_vectors(embedder: Embedder, texts: Sequence[str], sep: str) -> tuple[np.ndarray, np.ndarray]:
    """Vectors of each text and of each text joined to the next with ``sep``: composed by the embedder
    when it can (``encode_adjacent``), else by embedding the joined texts."""
    compose = getattr(embedder, "encode_adjacent", None)
    n = len(texts)
    if n < 2:
        vecs = embedder.encode(list(texts))
        return vecs, vecs[:0]
    if compose is not None:
        singles, pairs = compose(list(texts), sep)
    else:
        vecs = embedder.encode([*texts, *(texts[i] + sep + texts[i + 1] for i in range(n - 1))])
        singles, pairs = vecs[:n], vecs[n:]
    return singles, pairs


def unit_rows(v: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (v / norms).astype(np.float32)
