"""Per-sentence alignment signals: length, anchors (numbers, Latin-script words, names) and vectors."""
from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from typing import Sequence

import numpy as np

_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[^\W\d_]{4,}")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]{2,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
#: Dimension of the hashed anchor vectors used where no embedder covers the pair.
HASH_DIM = 1024


def is_cjk_lang(lang: str) -> bool:
    return lang in ("zh", "ja", "ko")


def join_sentences(texts: Sequence[str], lang: str) -> str:
    """Join consecutive sentences the way the language writes them (no space in zh/ja)."""
    return ("" if lang in ("zh", "ja") else " ").join(texts)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def anchors(text: str, lang: str, other_lang: str) -> frozenset[str]:
    """Tokens likely to be carried over unchanged by a translation.

    Numbers (digits only, so "1,5" and "1.5" meet) always; Latin-script words when the other
    side is not written in Latin (names and acronyms survive translation into CJK/Cyrillic);
    and, between two Latin-script languages, long words folded to their first five letters
    (proper names and cognates).
    """
    found = {"#" + re.sub(r"\D", "", m.group()) for m in _NUM.finditer(text)}
    latin_pair = not is_cjk_lang(lang) and not is_cjk_lang(other_lang) and lang != "ru" and other_lang != "ru"
    if latin_pair:
        found.update("w" + _fold(w)[:5] for w in _WORD.findall(text) if w[0].isupper() or len(w) >= 7)
    else:
        found.update("w" + _fold(w) for w in _LATIN_WORD.findall(text))
    return frozenset(found)


def text_length(text: str, lang: str) -> float:
    """Length in characters, counting a CJK character as worth about three Latin ones would be a guess;
    we instead let the document's own ratio calibrate (see Aligner), so plain characters suffice."""
    return float(len(text))


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
