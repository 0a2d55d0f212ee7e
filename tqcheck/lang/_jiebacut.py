"""jieba's segmentation (``jieba.tokenize``, HMM on) with its dictionary search done once per run of
characters, for the words and for the part-of-speech tagger (``_posseg``) alike.

jieba reads each run of Han characters and Latin letters in two steps: the words of its dictionary
that start at each character (``Tokenizer.get_DAG``), then the most probable path through them
(``Tokenizer.calc``); the model (``jieba.finalseg``) reads what is left of unknown characters. The
checks ask for the words of a Chinese sentence (word boundaries of places and negators) and for its
tags (person names), which search the same runs of the same dictionary twice: here the path of a run is
found once and kept. The path is jieba's, on the very same sums (the logarithm of each word's frequency
is taken as jieba takes it, and added in its order), and a tie goes to the longer word as in jieba's
``max``. ``tests/unit/test_jiebacut.py`` compares the words with jieba's on text of every kind.
"""
from __future__ import annotations

import functools
import re
from math import log
from typing import Any, Iterator

# jieba's own patterns (jieba.re_han_default, jieba.re_skip_default)
_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")


@functools.lru_cache(maxsize=None)
def _weights(logtotal: float) -> dict[int, float]:
    """``log(f) - logtotal`` of each frequency ``f`` met so far, as ``route`` adds it: the same number, one dict
    lookup instead of ``math.log`` (whose optional base has its arguments parsed at every call) and a
    subtraction. (Frequencies repeat: the 349,045 words of jieba's dictionary have 5,087 distinct ones.)"""
    return {}


@functools.lru_cache(maxsize=8192)
def route(block: str, tokenizer: Any) -> tuple[int, ...]:
    """Where the word jieba's best path starts at each character of ``block`` ends (exclusive): the
    ``route[x][1] + 1`` of ``Tokenizer.calc`` after ``Tokenizer.get_DAG``."""
    get = tokenizer.FREQ.get
    logtotal = log(tokenizer.total)
    weight = _weights(logtotal)
    n = len(block)
    score: list[float] = [0] * (n + 1)
    out = [0] * n
    best = 0.0  # (the best sum at k, read only once a word has set it)
    for k in range(n - 1, -1, -1):  # calc's best path from the end, each character's words found as it comes
        first = get(block[k])
        end = -1  # (no word yet)
        i, f = k, first
        while f is not None:  # get_DAG: the dictionary's words starting at k (a prefix of a word has frequency 0)
            if f:
                w = weight.get(f)
                if w is None:
                    w = weight[f] = log(f) - logtotal
                here = w + score[i + 1]
                # calc's max over (sum, end) on the same sums: the words come shortest first, so a tie goes
                # to the later one, as to the greater tuple
                if end < 0 or here >= best:
                    best, end = here, i
            i += 1
            if i == n:
                break
            f = get(block[k:i + 1])
        if end < 0:  # no word: the character alone
            best, end = log(first or 1) - logtotal + score[k + 1], k
        score[k], out[k] = best, end + 1
    return tuple(out)


def pieces(block: str, tokenizer: Any) -> list[tuple[str, bool]]:
    """The pieces of one run along jieba's path (``Tokenizer.__cut_DAG``), each with whether jieba's model
    reads it: a dictionary word, or a single character, is a word as it is; a stretch of single characters
    that is no word of the dictionary is for the model (``finalseg`` for the words, the tagger's for the
    tags); one that is a word is taken character by character."""
    ends = route(block, tokenizer)
    freq = tokenizer.FREQ
    out: list[tuple[str, bool]] = []
    x, buf, n = 0, "", len(block)
    while x < n:
        y = ends[x]
        if y - x == 1:
            buf += block[x]
        else:
            if buf:
                _stretch(buf, freq, out)
                buf = ""
            out.append((block[x:y], False))
        x = y
    if buf:
        _stretch(buf, freq, out)
    return out


def _stretch(buf: str, freq: Any, out: list[tuple[str, bool]]) -> None:
    if len(buf) == 1:
        out.append((buf, False))
    elif not freq.get(buf):
        out.append((buf, True))
    else:
        out.extend([(char, False) for char in buf])


def words(sentence: str, tokenizer: Any) -> list[str]:
    """The words of ``sentence`` as ``tokenizer.cut(sentence)`` gives them (HMM on, no paddle), unknown
    characters read by jieba's model. (Made in one list: a word passed up through a generator for each step,
    run, piece and stretch, cost more than finding it.)"""
    from jieba import finalseg

    out: list[str] = []
    for blk in _HAN.split(sentence):
        if not blk:
            continue
        if _HAN.match(blk):
            for piece, model in pieces(blk, tokenizer):
                if model:
                    out.extend(finalseg.cut(piece))
                else:
                    out.append(piece)
        else:
            for x in _SKIP.split(blk):
                if _SKIP.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


def cut(sentence: str, tokenizer: Any) -> Iterator[str]:
    """``words`` one by one, as ``tokenizer.cut`` gives them."""
    return iter(words(sentence, tokenizer))


def tokenize(sentence: str, tokenizer: Any) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) as ``tokenizer.tokenize(sentence)`` gives them."""
    start = 0
    for w in cut(sentence, tokenizer):
        width = len(w)
        yield w, start, start + width
        start += width
