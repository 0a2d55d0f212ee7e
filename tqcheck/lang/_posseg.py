"""jieba's part-of-speech segmentation (``jieba.posseg.cut``) with a faster Viterbi search: same words, and
the same tags for the words its hidden Markov model reads.

The name checks ask jieba's tagger for person names (nr) that are no words of its dictionary, so only the
tags of the words the model reads matter (a dictionary word's tag comes from the dictionary, and those
words are left out anyway). That spares importing ``jieba.posseg``, which reads the dictionary a second
time for its tags; the model's tables are loaded from jieba's own files. The Viterbi search over unknown
character runs took a fifth of the checks' time on Chinese text, then (each state's predecessors found by a
set intersection, the maximum taken over them in Python) still 6%: here the sums of one character, every
previous state with every state of the character, are one array operation (numpy) on the very same
numbers, and the maximum each state takes is the one jieba's comparison of (score, state) picks (``_viterbi``).
``tests/unit/test_posseg.py`` compares the two on text of every kind (``cut``), and the names are read from
``model_words``, the words of ``cut`` the model reads, at their offsets (the test checks they are).
"""
from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import Any, Iterator

from ._jiebacut import pieces

_MIN_FLOAT = -3.14e100
_MIN_INF = float("-inf")

# jieba.posseg's own patterns
_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")


def _table(name: str) -> Any:
    """``jieba.posseg.<name>.P``, read from jieba's file without importing ``jieba.posseg`` (whose import
    reads the whole dictionary for the tags of its words)."""
    import jieba

    path = Path(jieba.__file__).parent / "posseg" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{__name__}.{name}", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.P


@functools.lru_cache(maxsize=1)
def _model() -> tuple[Any, ...]:
    """jieba.posseg's tables: the states of each character, start, transition and emission scores."""
    return _table("char_state_tab"), _table("prob_start"), _table("prob_trans"), _table("prob_emit")


@functools.lru_cache(maxsize=1)
def _arrays() -> tuple[Any, ...]:
    """The model as arrays over the states in descending order: the states, their index, the start scores, the
    transition scores (minus infinity where jieba's table has no transition), where a transition is in the
    table, which states lead on to some state, and each state's emission scores (by index)."""
    import numpy as np

    _, start_p, trans_p, emit_p = _model()
    order = sorted(trans_p, reverse=True)
    index = {y: i for i, y in enumerate(order)}
    trans = np.full((len(order), len(order)), _MIN_INF)
    known = np.zeros((len(order), len(order)), dtype=bool)
    for before, nexts in trans_p.items():
        for state, p in nexts.items():
            trans[index[before], index[state]] = p
            known[index[before], index[state]] = True
    start = np.array([start_p[y] for y in order])
    if not np.isfinite(trans[known]).all():
        raise ValueError("jieba's transition table has an infinite score: a transition would pass for a missing one")
    leads_on = known.any(axis=1)  # (the states some state follows)
    return order, index, start, trans, known, leads_on, [emit_p[y] for y in order]


@functools.lru_cache(maxsize=None)
def _char_states(char: str) -> tuple[Any, Any]:
    """The states a character may take (the table's, or every state for a character it lacks), as indexes in
    ascending order (the states in descending order), and the score of the character in each."""
    import numpy as np

    states, _, trans_p, _ = _model()
    arrays = _arrays()
    ys = sorted(map(arrays[1].__getitem__, states.get(char, trans_p)))
    emits = map(arrays[6].__getitem__, ys)
    # (np.fromiter with its type and length: np.array would look at each number for the array's type and shape)
    return np.fromiter(ys, np.intp, len(ys)), np.fromiter([e.get(char, _MIN_FLOAT) for e in emits], float, len(ys))


def _viterbi(obs: str) -> list[Any]:
    """The state of each character of ``obs``: ``jieba.posseg.viterbi.viterbi``'s route, on the very same sums.

    jieba takes, for every state of a character, the maximum of (score of the previous state + transition
    + emission, previous state) over the previous states that lead on (minus infinity where the table has no
    transition), a state kept only if some previous state has a transition to it. Here the sums of one
    character are one array operation: with the states in descending order, the first maximum of a column is
    the one jieba's tuple comparison picks (the same score and the greatest state), a column whose maximum is
    minus infinity included (jieba's fall-back over every previous state gives that very column). What a step
    takes from the model depends only on the states of the character before and on the character
    (``_step``)."""
    import numpy as np

    order, _, start = _arrays()[:3]
    ys, emit = _char_states(obs[0])
    score = start[ys] + emit
    steps: list[tuple[Any, Any]] = []
    for char in obs[1:]:
        live, prev, ys, emit, moves, columns = _step(ys.tobytes(), char)
        sums = (score[live][:, None] + moves) + emit
        best = sums.argmax(axis=0)
        score = sums[best, columns]
        steps.append((ys, prev[best]))
    state = int(ys[score.argmax()])
    route: list[Any] = [None] * len(obs)
    route[-1] = order[state]
    for i in range(len(obs) - 1, 0, -1):
        now, came = steps[i - 1]
        state = int(came[int(now.searchsorted(state))])
        route[i - 1] = order[state]
    return route


@functools.lru_cache(maxsize=1024)  # (a step's arrays take 7 kB on average: 7 MB at most)
def _step(before: bytes, char: str) -> tuple[Any, ...]:
    """One step of ``_viterbi`` from the states ``before`` (their indexes' bytes) to ``char``: which of them lead
    on (a mask), those states, the states of the character that some of them reach, its scores in them, the
    transition scores from the one to the other and the columns' indexes. Where no state of the character can
    be reached, the states every previous state leads to are taken, as jieba does (or every state where there
    is none)."""
    import numpy as np

    order, _, _, trans, known, leads_on = _arrays()[:6]
    ys = np.frombuffer(before, dtype=np.intp)
    live = leads_on[ys]
    prev = ys[live]
    ys, emit = _char_states(char)
    moves = _moves(trans, prev, ys)
    reach = (moves != _MIN_INF).any(axis=0)  # (every transition of the table is finite: _arrays)
    if not reach.all():
        if not reach.any():  # jieba's expected next states (or every state), each kept
            ys = np.flatnonzero(known[prev].any(axis=0))
            if not len(ys):
                ys = np.arange(len(order))
            emit = np.array([_model()[3][order[y]].get(char, _MIN_FLOAT) for y in ys.tolist()])
            moves = _moves(trans, prev, ys)
        else:
            ys, emit, moves = ys[reach], emit[reach], moves[:, reach]
    return live, prev, ys, emit, moves, np.arange(len(ys))


def _moves(trans: Any, prev: Any, ys: Any) -> Any:
    """The transition scores from the states ``prev`` (rows) to the states ``ys`` (columns): ``trans[np.ix_(prev, ys)]``,
    taken row by row then column by column, which copies the same numbers at a fraction of the cost of the
    two-dimensional fancy index (a character the tables lack has all 256 states: a 256 x 256 block)."""
    return trans.take(prev, axis=0).take(ys, axis=1)


#: A word whose tag jieba takes from its dictionary (it is a word of the dictionary, or one character).
DICTIONARY = None


def _cut_hmm(sentence: str) -> Iterator[tuple[str, str | None]]:
    return iter(_hmm_words(sentence))


@functools.lru_cache(maxsize=8192)
def _hmm_words(sentence: str) -> tuple[tuple[str, str | None], ...]:
    """The words and tags of a run of characters the model reads, read once per run (the same runs recur
    from sentence to sentence)."""
    return tuple(_hmm_cut(sentence))


def _hmm_cut(sentence: str) -> Iterator[tuple[str, str | None]]:
    pos_list = _viterbi(sentence)
    begin, nexti = 0, 0
    for i, char in enumerate(sentence):
        pos = pos_list[i][0]
        if pos == "B":
            begin = i
        elif pos == "E":
            yield sentence[begin:i + 1], pos_list[i][1]
            nexti = i + 1
        elif pos == "S":
            yield char, pos_list[i][1]
            nexti = i + 1
    if nexti < len(sentence):
        yield sentence[nexti:], pos_list[nexti][1]


def _cut_detail(sentence: str) -> Iterator[tuple[str, str | None]]:
    for blk in _HAN_DETAIL.split(sentence):
        if _HAN_DETAIL.match(blk):
            yield from _cut_hmm(blk)
        else:
            for x in _SKIP_DETAIL.split(blk):
                if x:
                    yield x, "m" if _NUM.match(x) else "eng" if _ENG.match(x) else "x"


def _cut_dag(sentence: str, tokenizer: Any) -> Iterator[tuple[str, str | None]]:
    # (jieba's get_DAG and calc, shared with the words: _jiebacut)
    for piece, model in pieces(sentence, tokenizer):
        if model:
            yield from _cut_detail(piece)
        else:
            yield piece, DICTIONARY


def cut(sentence: str, tokenizer: Any) -> Iterator[tuple[str, str | None]]:
    """(word, part of speech) as ``jieba.posseg.cut(sentence)`` gives them (HMM on, no paddle), with
    ``tokenizer`` jieba's (``jieba.dt``); the tag is DICTIONARY (None) for a word whose tag jieba would look
    up in its dictionary."""
    for blk in _HAN_INTERNAL.split(sentence):
        if _HAN_INTERNAL.match(blk):
            yield from _cut_dag(blk, tokenizer)
        else:
            for x in _SKIP_INTERNAL.split(blk):
                if _SKIP_INTERNAL.match(x):
                    yield x, "x"
                else:
                    for xx in x:
                        yield xx, "m" if _NUM.match(xx) else "eng" if _ENG.match(x) else "x"


def model_words(sentence: str, tokenizer: Any) -> list[tuple[int, str, str | None]]:
    """(offset, word, tag) of the words of ``cut`` that jieba's model reads and tags (``_cut_detail``: the pieces of a
    run that its dictionary path leaves to the model). Every other word ``cut`` gives is a word of the dictionary, a
    single character, or characters outside the runs ('x', 'm', 'eng'); the words follow one another, so each starts
    where the one before it ends."""
    out: list[tuple[int, str, str | None]] = []
    at = 0
    for blk in _HAN_INTERNAL.split(sentence):
        if not _HAN_INTERNAL.match(blk):
            at += len(blk)
            continue
        for piece, model in pieces(blk, tokenizer):
            if model:
                for word, flag in _cut_detail(piece):
                    out.append((at, word, flag))
                    at += len(word)
            else:
                at += len(piece)
    return out
