"""jieba's part-of-speech segmentation (``jieba.posseg.cut``) with a faster Viterbi search: same words, and
the same tags for the words its hidden Markov model reads.

The name checks ask jieba's tagger for person names (nr) that are no words of its dictionary, so only the
tags of the words the model reads matter (a dictionary word's tag comes from the dictionary, and those
words are left out anyway). That spares importing ``jieba.posseg``, which reads the dictionary a second
time for its tags; the model's tables are loaded from jieba's own files. The Viterbi search over unknown
character runs took a fifth of the checks' time on Chinese text: for every state of a character it
takes the maximum over all states of the previous character, although only a few of them may lead to it
(the others score minus infinity). Here the previous states that may lead to a state are found by a set
intersection, and the maximum is taken over them only, on the very same sums; where none of them has a
finite score the search falls back to jieba's own expression, so that ties and dead ends come out as
jieba has them. The states a character may take are not first intersected with the union of every state's
successors (a set built per character): a state is kept when some previous state leads to it, which is the
same test. ``tests/unit/test_posseg.py`` compares the two on text of every kind.
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
    trans = _table("prob_trans")
    leads_to: dict[str, set[Any]] = {}
    for before, nexts in trans.items():
        for state in nexts:
            leads_to.setdefault(state, set()).add(before)
    leads_on = frozenset(x for x in trans if trans[x])  # the states some state follows
    return _table("char_state_tab"), _table("prob_start"), trans, _table("prob_emit"), leads_to, leads_on


def _viterbi(obs: str) -> list[Any]:
    """The state of each character of ``obs``: ``jieba.posseg.viterbi.viterbi``'s route."""
    states, start_p, trans_p, emit_p, leads_to, leads_on = _model()
    all_states = trans_p.keys()
    score: dict[Any, float] = {}
    back: list[dict[Any, Any]] = [{}]
    for y in states.get(obs[0], all_states):
        score[y] = start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT)
        back[0][y] = ""
    for t in range(1, len(obs)):
        char = obs[t]
        prev_states = [x for x in back[t - 1] if x in leads_on]
        prev_set = set(prev_states)
        new_score: dict[Any, float] = {}
        new_back: dict[Any, Any] = {}
        # the character's states that some previous state leads to (jieba's obs_states: its states among
        # those expected next); only when there is none are all the expected ones computed. (The states
        # are taken in the table's order, not a set's: each maximum below is over (score, state) pairs,
        # whose order does not matter, and a character's table holds a state once.)
        for y in states.get(char, all_states):
            came_from = prev_set.intersection(leads_to.get(y, ()))
            if not came_from:
                continue
            emit = emit_p[y].get(char, _MIN_FLOAT)
            if len(came_from) == 1:  # (a word's middle or end: one state leads to it)
                for y0 in came_from:
                    best = (score[y0] + trans_p[y0][y] + emit, y0)
            else:
                best = max([(score[y0] + trans_p[y0][y] + emit, y0) for y0 in came_from])
            if best[0] == _MIN_INF:  # no finite path: jieba's maximum over every state
                best = max((score[y0] + trans_p[y0].get(y, _MIN_INF) + emit, y0) for y0 in prev_states)
            new_score[y], new_back[y] = best
        if not new_score:
            expect_next = {y for x in prev_states for y in trans_p[x]}
            for y in expect_next if expect_next else set(all_states):
                _step(y, prev_set.intersection(leads_to.get(y, ())), prev_states, char, score, trans_p, emit_p,
                      new_score, new_back)
        score = new_score
        back.append(new_back)
    _, state = max((score[y], y) for y in back[-1])
    route: list[Any] = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = back[i][state]
    return route


def _step(y: Any, came_from: set[Any], prev_states: list[Any], char: str, score: dict[Any, float],
          trans_p: Any, emit_p: Any, new_score: dict[Any, float], new_back: dict[Any, Any]) -> None:
    """The best score of state ``y`` at ``char`` and the previous state it comes from."""
    emit = emit_p[y].get(char, _MIN_FLOAT)
    best: tuple[float, Any] | None = None
    for y0 in came_from:
        cand = (score[y0] + trans_p[y0][y] + emit, y0)
        if best is None or cand > best:
            best = cand
    if best is None or best[0] == _MIN_INF:  # no finite path: jieba's maximum over every state
        best = max((score[y0] + trans_p[y0].get(y, _MIN_INF) + emit, y0) for y0 in prev_states)
    new_score[y], new_back[y] = best


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
