"""The aligner: bead shapes, omissions, invariants, the model-free path and linear search."""
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.align.aligner import Aligner, AlignerConfig
from tqcheck.align.corridor import windows as _windows
from tqcheck.align.evaluate import read_beads, strict_scores
from tqcheck.models.embedders import USEEmbedder

ZH = ["日本宣布对俄罗斯实施新一轮制裁。", "制裁涉及35名军人和44个团体。", "普京说日本仍在使用俄罗斯的电力。",
      "前10个月，日本从俄罗斯进口能源40.5亿美元。", "拉夫罗夫在12月18日接受了采访。", "他说领土问题已经解决。"]
EN = ["Japan announced a new round of sanctions against Russia.", "The sanctions cover 35 servicemen and 44 groups.",
      "Putin said Japan was still using Russian electricity.",
      "In the first 10 months, Japan imported 4.05 billion dollars of energy from Russia.",
      "Lavrov gave an interview on December 18.", "He said the territorial issue had been resolved."]


def beads(links):
    return [(l.src, l.tgt) for l in links]


def check_cover(links, n, m):
    src = [i for l in links for i in l.src]
    tgt = [j for l in links for j in l.tgt]
    assert src == list(range(n)) and tgt == list(range(m))  # every sentence once, in order: no crossing


@pytest.fixture(scope="module")
def use():
    return USEEmbedder()


@pytest.mark.parametrize("embedder", ["use", None])
def test_one_to_one(use, embedder):
    links = Aligner(use if embedder else None).align(ZH, EN, "zh", "en")
    assert beads(links) == [((i,), (i,)) for i in range(6)]
    assert all(0 <= l.confidence <= 1 for l in links)


def test_omission_is_a_one_to_zero_link(use):
    en = EN[:3] + EN[4:]
    links = Aligner(use).align(ZH, en, "zh", "en")
    assert ((3,), ()) in beads(links)
    check_cover(links, 6, 5)


def test_split_sentence_is_one_to_two(use):
    en = EN[:2] + ["Putin said something.", "Japan was still using Russian electricity, he said."] + EN[3:]
    en[2] = "Putin made a remark about energy."
    links = Aligner(use).align(ZH, en, "zh", "en")
    assert ((2,), (2, 3)) in beads(links)


def test_merged_sentences_are_two_to_one(use):
    en = EN[:4] + ["Lavrov gave an interview on December 18 and said the territorial issue had been resolved."]
    links = Aligner(use).align(ZH, en, "zh", "en")
    assert ((4, 5), (4,)) in beads(links)


def test_unsupported_pair_falls_back_to_model_free(use):
    links = Aligner(use).align(["Sentence 1 with 35.", "Another with 44."], ["Kalimat 1 dengan 35.", "Lain 44."], "xx", "id")
    assert beads(links) == [((0,), (0,)), ((1,), (1,))]
    assert all(l.similarity is None for l in links)


def test_empty_sides():
    assert beads(Aligner(None).align([], ["a"], "en", "de")) == [((), (0,))]
    assert beads(Aligner(None).align(["a", "b"], [], "en", "de")) == [((0,), ()), ((1,), ())]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=25),
       st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=25))
def test_cover_invariant_model_free(src, tgt):
    check_cover(Aligner(None).align(src, tgt, "en", "de"), len(src), len(tgt))


def test_long_documents_use_a_band_not_the_full_matrix():
    rng = random.Random(1)
    n = 1500
    src = [" ".join(str(rng.randint(0, 99)) for _ in range(rng.randint(3, 9))) for _ in range(n)]
    tgt = [s for k, s in enumerate(src) if k % 97 != 5]  # a few omissions
    cfg = AlignerConfig(full_search=200)
    vec = np.eye(n, 8, dtype=np.float32)
    windows = _windows(vec, vec[: len(tgt)], np.ones(n), np.ones(len(tgt)), cfg, 0.0)
    cells = sum(hi - lo + 1 for lo, hi in windows)
    assert cells < n * len(tgt) / 10
    links = Aligner(None, cfg).align(src, tgt, "en", "de")
    check_cover(links, n, len(tgt))
    dropped = [l.src[0] for l in links if l.src and not l.tgt]
    assert dropped == [k for k in range(n) if k % 97 == 5]


def test_strict_scores_counts_like_vecalign():
    gold = read_beads(["[0]:[0]", "[1, 2]:[1]", "[]:[2]", "[3]:[]"])
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((), (2,)), ((3,), ())]
    s = strict_scores(gold, test)
    # precision: 3 of 5 test beads are in gold; recall: 1 of 2 non-null gold beads
    assert s["precision"] == pytest.approx(3 / 5) and s["recall"] == pytest.approx(1 / 2)


def test_short_document_keeps_one_to_one_links_with_the_embedder() -> None:
    """Regression: in a four-sentence zh-en brief, short sentences' noisy length ratios made 2-2 merges
    cheaper than the right 1-1 links; a short pair's length term now weighs less."""
    src = ["政府说，市场很大。", "今天的新闻在这里。", "警察和法院说了两次。", "水和学校都是新的。"]
    tgt = ["The government said the market is big.", "The news is here today.", "Police and court said it twice.",
           "Water and school are new."]
    links = Aligner(USEEmbedder()).align(src, tgt, "zh", "en")
    assert [(link.src, link.tgt) for link in links] == [((k,), (k,)) for k in range(4)]


def _align_noting_ratio(embedder, src, tgt, src_lang, tgt_lang):
    """The links, and the log length ratio the aligner's search expected."""
    from tqcheck.align import aligner as al

    captured = {}
    real = al._Search.__init__

    def spy(self, S, T, mu, *rest):
        captured["mu"] = mu
        real(self, S, T, mu, *rest)

    al._Search.__init__ = spy
    try:
        links = Aligner(embedder).align(src, tgt, src_lang, tgt_lang)
    finally:
        al._Search.__init__ = real
    return links, captured["mu"]


def test_typical_length_ratio_ignores_text_the_other_side_lacks(use):
    """The expected length ratio is measured on clear 1-1 matches, not on the two documents' totals:
    an untranslated block on one side would make every sentence look too short and invite merges."""
    import math

    extra = ["Terms and conditions of sale apply to every order placed through this website or by telephone.",
             "The full text of the conditions can be requested from the customer service department at any time.",
             "Nothing in these conditions affects the statutory rights of customers who are consumers."]
    en = EN + extra
    links, mu = _align_noting_ratio(use, ZH, en, "zh", "en")
    pairs = sorted(math.log((len(e) + 8.0) / (len(z) + 8.0)) for z, e in zip(ZH, EN))
    typical = (pairs[2] + pairs[3]) / 2
    total = math.log((sum(map(len, en)) + 1) / (sum(map(len, ZH)) + 1))
    assert abs(total - typical) > 0.3  # the totals are far off ...
    assert abs(mu - typical) < 0.15  # ... the aligner's ratio is not
    assert beads(links)[:6] == [((i,), (i,)) for i in range(6)]
    assert beads(links)[6:] == [((), (6,)), ((), (7,)), ((), (8,))]


def test_ngram_embedder_is_deterministic_and_ranks_same_language_text() -> None:
    from tqcheck.models.embedders import NgramEmbedder, _ngram_buckets

    texts = ["The government announced new sanctions.", "The government announced sanctions.",
             "Völlig anderer Text über Fußball und Wetter.", ""]
    a, b = NgramEmbedder().encode(texts), NgramEmbedder().encode(list(texts))
    assert (a == b).all()  # no per-process hash seed: the same vectors in every process
    sims = a @ a[0]
    assert sims[1] > 0.9 > 0.5 > sims[2] and sims[3] == 0.0
    # every 1-, 2- and 3-gram lands in one bucket: 5 + 4 + 3 for five characters
    assert len(_ngram_buckets("abcde", NgramEmbedder.DIM)) == 12



def test_a_merged_bead_pays_the_length_deviation_of_each_pair_it_stands_for() -> None:
    """Two pairs that both run long against the document's ratio (a headline and a first sentence the
    translator spelled out, en-zh) match as well apart as merged: a 2-2 bead over them stands for two
    pairs and pays the length deviation of two, as the two 1-1 beads do, so it costs more than they do
    (it paid it once, and merging was the cheaper way to pay a deviation)."""
    from tqcheck.align.aligner import _Search, _Side

    eye = np.eye(8, dtype=np.float32)
    vecs = {1: eye[:3], 2: np.array([eye[0] + eye[1], eye[1] + eye[2]]) / np.sqrt(2.0)}
    sides = []
    for length in (50.0, 100.0):  # every target sentence twice as long as its source, the document 1:1
        side = _Side(vecs, np.full(3, length))
        side.norms = {k: np.ones(len(v)) for k, v in vecs.items()}
        sides.append(side)
    search = _Search(sides[0], sides[1], 0.0, 2.0, AlignerConfig(), model_free=False)
    one = [float(search.bead_cost(1, 1, k, np.array([k]))[0][0]) for k in range(2)]
    two = float(search.bead_cost(2, 2, 0, np.array([0]))[0][0])
    assert float(search.bead_cost(2, 2, 0, np.array([0]))[2][0]) == pytest.approx(1.0)  # a perfect match
    assert two > one[0] + one[1]


def test_a_sentence_copied_unchanged_says_nothing_of_the_length_ratio(use):
    """A URL or a code has the same length in both languages: in a short ja-en document it must not pull
    the expected ratio to 1, which made a faithful 1-1 pair look too long and merged it with the next."""
    ja = ["断捨離をして見つけたティーカップです。", "祖母が大事にしていた物です。", "箱の蓋の文字の読み方を教えてください。",
          "よろしくお願いします。", "https://example.com/cups/1234"]
    en = ["This is a tea cup I found while decluttering.", "It is something my grandmother treasured.",
          "Please tell me how to read the characters on the lid of the box.", "Thank you in advance.",
          "https://example.com/cups/1234"]
    links, mu = _align_noting_ratio(use, ja, en, "ja", "en")
    assert mu > 0.5  # the four sentences: log ratios 0.42-0.98; the URL pulled it to 0.42
    assert beads(links) == [((k,), (k,)) for k in range(5)]


def test_a_figure_with_its_scale_word_is_one_anchor() -> None:
    """8000万円 and 80 million yen, 12万人 and 120,000 meet as one value: without an embedder such anchors
    are all that ties a Japanese sentence to its English one besides its length."""
    from tqcheck.align.features import anchors

    assert anchors("市は予算に8000万円を計上する。", "ja", "en") & anchors("The city will set aside 80 million yen.", "en", "ja")
    assert anchors("3日間で１２万人の来場を見込む。", "ja", "en") & anchors("She expects 120,000 visitors.", "en", "ja")
    assert anchors("Es kostet 1,5 million Euro.", "de", "en") & anchors("It costs 1.5 million euros.", "en", "de")
    assert not anchors("8000万円", "ja", "en") & anchors("8 million yen", "en", "ja")


def test_model_free_path_leaves_out_a_paragraph_the_translation_lacks(samples) -> None:
    """A paragraph missing from the translation makes the two files' total length ratio wrong: every source
    sentence then looks too long, and merging its neighbours into one target looked cheaper than leaving the
    paragraph out. The model-free path, too, expects the ratio of its first path's 1-1 steps."""
    from tqcheck.segment.segmenter import segment_text

    ja = [s.text for s in segment_text((samples / "railway.ja.txt").read_text(encoding="utf-8"), "ja")]
    paras = (samples / "railway.en.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    gone = len(segment_text(paras[3], "en"))
    en = [s.text for s in segment_text("\n\n".join(paras[:3] + paras[4:]), "en")]
    links = Aligner(None).align(ja, en, "ja", "en")
    assert gone >= 2
    assert len([l for l in links if l.src and not l.tgt]) >= gone
    assert max(len(l.src) for l in links) <= 2
