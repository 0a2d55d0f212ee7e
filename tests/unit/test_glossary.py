"""The glossary's term index finds exactly what one search per term finds (``find_term``), in every kind
of script, and whole glossaries go through the name check in one pass per sentence."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.check.entities import analyse
from tqcheck.check.glossary import Glossary, TermIndex, find_term

ALPHABETS = {
    "zh": "日本俄罗斯中国美元亿岸田文雄的了在",
    "ja": "日本ロシアの東京都がは岸田首相",
    "ru": "Путинаовскийе Ёё",
    "en": "Japan's ÉéİıKkSsß-'’ ",
    "de": "Frankreichs ÄäÖöÜü US-Präsident",
}


def _slow(text: str, terms: list[str], lang: str) -> dict[str, list[tuple[int, int]]]:
    return {t: find_term(text, t, lang) for t in terms if find_term(text, t, lang)}


@pytest.mark.parametrize("lang", sorted(ALPHABETS))
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_index_finds_what_term_by_term_search_finds(lang: str, data: st.DataObject) -> None:
    alphabet = ALPHABETS[lang]
    terms = data.draw(st.lists(st.text(alphabet, min_size=1, max_size=5), min_size=1, max_size=12, unique=True))
    text = data.draw(st.text(alphabet, max_size=80))
    # plant a few of the terms, with the neighbours the boundary rules look at
    for term in data.draw(st.lists(st.sampled_from(terms), max_size=3)):
        text += data.draw(st.sampled_from(["", " ", "s", "'s ", "ами "])) + term + data.draw(st.sampled_from(["", " ", "ов", "’s"]))
    glossary = Glossary((t, (f"target {i}",)) for i, t in enumerate(terms))
    assert TermIndex(glossary).find(text, lang, "source") == _slow(text, terms, lang)


@pytest.mark.parametrize("lang,text,terms,expected", [
    ("en", "The EU and the eu-funded EUR. Eu's", ["EU", "Eu"], {"EU": [(4, 6), (15, 17), (30, 34)],
                                                               "Eu": [(4, 6), (15, 17), (30, 34)]}),
    ("ru", "Путину и Путина, но не Путинистам", ["Путин"], {"Путин": [(0, 6), (9, 15)]}),
    ("zh", "日本日本日", ["日本日"], {"日本日": [(0, 3)]}),  # overlapping occurrences: the first one
    ("de", "US-Präsident USA", ["US"], {"US": [(0, 2)]}),
])
def test_index_rows(lang: str, text: str, terms: list[str], expected: dict[str, list[tuple[int, int]]]) -> None:
    glossary = Glossary((t, ("x",)) for t in terms)
    assert TermIndex(glossary).find(text, lang, "source") == expected == _slow(text, terms, lang)


def test_a_large_glossary_gives_the_same_findings_as_its_few_relevant_terms() -> None:
    source = "岸田文雄宣布对俄罗斯实施新制裁，外务省随后发表声明。"
    target = "Fumio Kishida announced new sanctions on Russia; the Foreign Office then issued a statement."
    relevant = {"岸田文雄": ("Fumio Kishida",), "外务省": ("Ministry of Foreign Affairs",)}
    filler = {f"术语{i:05d}": (f"Term {i:05d}",) for i in range(20_000)}
    small = analyse(source, target, "zh", "en", Glossary(relevant))
    large = analyse(source, target, "zh", "en", Glossary({**filler, **relevant}))
    assert [(g.term, g.expected) for g in large.glossary_misses] == [("外务省", ("Ministry of Foreign Affairs",))]
    assert [(g.term, g.found) for g in large.glossary_misses] == [(g.term, g.found) for g in small.glossary_misses]
    assert [(t.text, t.kind) for t in large.target] == [(t.text, t.kind) for t in small.target]
