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
import itertools
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


@functools.lru_cache(maxsize=4096)
def sure_bounds(block: str, tokenizer: Any) -> frozenset[int]:
    """Offsets of a run (a match of ``_HAN``) where a word of ``words(block)`` surely starts and the one before it
    ends: its two ends and both ends of each dictionary word of more than one character on jieba's path. (Only a
    stretch of single characters is read again, by the model, and its own ends stay bounds: its words make it up.)"""
    ends = route(block, tokenizer)
    out, x, n = {0, len(block)}, 0, len(block)
    while x < n:
        y = ends[x]
        if y - x > 1:
            out.add(x)
            out.add(y)
        x = y
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def all_bounds(block: str, tokenizer: Any) -> frozenset[int]:
    """Every offset of a run (a match of ``_HAN``) where a word of ``words(block)`` starts or ends: the ends of its
    words, one after the other."""
    return frozenset(itertools.accumulate(map(len, words(block, tokenizer)), initial=0))


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
                    out.extend(_finalseg_cut(piece, finalseg))
                else:
                    out.append(piece)
        else:
            for x in _SKIP.split(blk):
                if _SKIP.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


def _finalseg_cut(sentence: str, finalseg: Any) -> list[str]:
    """``finalseg.cut(sentence)``: jieba's model's words of unknown characters, its Viterbi search written out
    for its four states (``_finalseg_states``)."""
    out: list[str] = []
    for blk in finalseg.re_han.split(sentence):
        if finalseg.re_han.match(blk):
            words, begin, nexti = [], 0, 0
            for i, pos in enumerate(_finalseg_states(blk, finalseg)):  # (finalseg.__cut)
                if pos == "B":
                    begin = i
                elif pos == "E" or pos == "S":
                    words.append(blk[begin:i + 1] if pos == "E" else blk[i])
                    nexti = i + 1
            if nexti < len(blk):
                words.append(blk[nexti:])
            force = finalseg.Force_Split_Words
            for word in words:
                if word not in force:
                    out.append(word)
                else:
                    out.extend(word)
        else:
            out.extend(x for x in finalseg.re_skip.split(blk) if x)
    return out


def _finalseg_states(obs: str, finalseg: Any) -> list[str]:
    """The state (B, M, E, S) of each character of ``obs``: ``finalseg.viterbi``'s path, on the very same sums.
    jieba takes for each state the maximum of (score before + transition + emission, state before) over the
    two states that may come before it (finalseg.PrevStatus): the greater sum, and on a tie the greater letter
    (B < E < M < S); here the two sums of each state are compared directly, with no lists, tuples or dicts."""
    low = finalseg.MIN_FLOAT
    start, trans = finalseg.start_P, finalseg.trans_P
    emit_b, emit_m, emit_e, emit_s = (finalseg.emit_P[y] for y in "BMES")
    t_eb, t_sb = trans["E"].get("B", low), trans["S"].get("B", low)
    t_mm, t_bm = trans["M"].get("M", low), trans["B"].get("M", low)
    t_ss, t_es = trans["S"].get("S", low), trans["E"].get("S", low)
    t_be, t_me = trans["B"].get("E", low), trans["M"].get("E", low)
    c = obs[0]
    v_b, v_m = start["B"] + emit_b.get(c, low), start["M"] + emit_m.get(c, low)
    v_e, v_s = start["E"] + emit_e.get(c, low), start["S"] + emit_s.get(c, low)
    back: list[tuple[str, str, str, str]] = []  # the state before each of B, M, E, S
    for c in obs[1:]:
        e_b, e_m, e_e, e_s = emit_b.get(c, low), emit_m.get(c, low), emit_e.get(c, low), emit_s.get(c, low)
        x, y = v_e + t_eb + e_b, v_s + t_sb + e_b
        n_b, p_b = (y, "S") if y >= x else (x, "E")
        x, y = v_m + t_mm + e_m, v_b + t_bm + e_m
        n_m, p_m = (x, "M") if x >= y else (y, "B")
        x, y = v_b + t_be + e_e, v_m + t_me + e_e
        n_e, p_e = (y, "M") if y >= x else (x, "B")
        x, y = v_s + t_ss + e_s, v_e + t_es + e_s
        n_s, p_s = (x, "S") if x >= y else (y, "E")
        back.append((p_b, p_m, p_e, p_s))
        v_b, v_m, v_e, v_s = n_b, n_m, n_e, n_s
    state = "S" if v_s >= v_e else "E"
    states = [state] * len(obs)
    for i in range(len(obs) - 1, 0, -1):
        state = back[i - 1]["BMES".index(state)]
        states[i - 1] = state
    return states


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
