"""Layout: hard-wrapped text is re-flowed with offsets into the file; a line per paragraph means a
line break ends a sentence (headlines, datelines, bylines), whatever case the next line starts with."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tqcheck.pipeline import Options, compare_files
from tqcheck.segment.layout import detect_layout
from tqcheck.segment.segmenter import segment_text

# Our own article: a headline, a dateline, a byline and paragraphs with dates, figures and places that
# a wrap may split ("December 15.", "Northeast Asia.", "35 members").
ARTICLE = [
    "River port reopens after floods",
    "By a staff reporter",
    "HAMBURG, December 15 (Wire) -",
    "The river port of Elbstadt reopened on Monday after three weeks of floods, the harbour authority "
    "said on December 15. Ships had waited at anchor since November 20.",
    "About 35 members of the crews were flown home. The authority said the damage came to 40.5 million "
    "euros, more than the 12 million it had put aside for the whole year.",
    "Trade with Northeast Asia. That was the main worry of the exporters, who ship machines to Japan, "
    "South Korea and China through the port. Dr. Anna Weber of the chamber of commerce said 60 per cent "
    "of their orders had been delayed.",
    "the mayor, who visited the quays on Sunday, promised a new dyke by 2027. It will cost 250 million "
    "euros and take four years to build.",
    "Work starts in March.",
]
UNWRAPPED = "\n".join(ARTICLE) + "\n"


def _wrap(paragraphs: list[str], width: int, blank_lines: bool) -> str:
    sep = "\n\n" if blank_lines else "\n"
    return sep.join("\n".join(textwrap.wrap(p, width)) for p in paragraphs) + "\n"


def _sentences(text: str) -> list[str]:
    return [" ".join(s.text.split()) for s in segment_text(text, "en")]


def test_unwrapped_article_is_a_paragraph_per_line() -> None:
    assert detect_layout(UNWRAPPED).kind == "paragraphs"
    sentences = _sentences(UNWRAPPED)
    # The headline, byline and dateline are sentences of their own, and so is a line starting in
    # lower case after a full stop.
    assert sentences[:3] == ARTICLE[:3]
    assert "the mayor, who visited the quays on Sunday, promised a new dyke by 2027." in sentences


@pytest.mark.parametrize("width", [50, 60, 70, 72, 80])
@pytest.mark.parametrize("blank_lines", [True, False])
def test_wrapped_article_gives_the_same_sentences(width: int, blank_lines: bool) -> None:
    wrapped = _wrap(ARTICLE, width, blank_lines)
    layout = detect_layout(wrapped)
    assert layout.wrapped and width - 10 <= layout.width <= width
    assert _sentences(wrapped) == _sentences(UNWRAPPED)


def test_offsets_point_into_the_wrapped_file() -> None:
    wrapped = _wrap(ARTICLE, 60, blank_lines=False)
    for seg in segment_text(wrapped, "en"):
        assert len(seg.text) == seg.end - seg.start
        assert seg.text == wrapped[seg.start:seg.end].replace("\n", " ")
        assert seg.line == wrapped[: seg.start].count("\n") + 1


def test_headline_before_a_lower_case_line() -> None:
    text = ("Floods close the river port\n"
            "the harbour authority said on Monday that ships would wait at anchor for three weeks, "
            "and that the crews would be flown home at its cost.\n"
            "Exporters fear for their orders from Asia and America, the chamber of commerce said.\n")
    assert _sentences(text)[0] == "Floods close the river port"


def test_a_line_per_paragraph_ends_a_sentence_whatever_the_line_ends_in() -> None:
    text = ("Senator calls the prime minister 'Lenin with hair', warns of communists in U.S.\n"
            + ARTICLE[3] + "\n" + ARTICLE[4] + "\n" + "Sie kamen 1960 zum Bahnbetriebswerk Halle P.\n"
            + ARTICLE[5] + "\n")
    assert detect_layout(text).kind == "paragraphs"
    sentences = _sentences(text)
    assert sentences[0].endswith("in U.S.")
    assert "Sie kamen 1960 zum Bahnbetriebswerk Halle P." in sentences


def test_a_few_lines_are_too_few_to_tell() -> None:
    assert detect_layout("We visited the old\ncastle by the sea.").kind == "unknown"


def test_headlines_of_similar_length_are_not_a_wrapped_paragraph() -> None:
    digest = ("Floods close the river port of Elbstadt for three weeks\n"
              "Chamber of commerce fears for orders from Asia\n"
              "Mayor promises a new dyke by the year 2027\n"
              "Exporters count the cost of a wet November\n"
              "Ships wait at anchor as the water rises\n")
    assert not detect_layout(digest).wrapped
    assert len(segment_text(digest, "en")) == 5


def test_cjk_text_is_never_read_as_wrapped() -> None:
    text = "日本政府十五日宣布对俄罗斯实施新一轮制裁，涉及三十五名军人和四十四\n个团体。\n"
    assert detect_layout(text, cjk=True).kind == "paragraphs"


def test_wrapped_sample_gives_the_same_report(tmp_path: Path, samples: Path) -> None:
    """The bundled MT sample, wrapped at 70 columns: same sentences, alignment and findings, and a note."""
    plain = (samples / "kuril.en.txt").read_text(encoding="utf-8")
    wrapped = tmp_path / "kuril.en.txt"
    wrapped.write_text(_wrap(plain.splitlines(), 70, blank_lines=False), encoding="utf-8")
    options = Options(cache=False)
    a = compare_files(str(samples / "kuril.zh.txt"), str(samples / "kuril.en.txt"), options)
    b = compare_files(str(samples / "kuril.zh.txt"), str(wrapped), options)
    assert len(b.target.segments) == len(a.target.segments) == 39

    def shape(report):  # type: ignore[no-untyped-def]
        return [(r.pair.link.src, r.pair.link.tgt, " ".join(r.pair.target.split()),
                 sorted((f.code, f.message) for f in r.findings)) for r in report.pairs]

    assert shape(b) == shape(a)
    assert not any("hard-wrapped" in n for n in a.notes)
    assert any("hard-wrapped at 70 columns" in n for n in b.notes)
