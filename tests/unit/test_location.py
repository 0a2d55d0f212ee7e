"""A finding's Location: attached by the check stage, in file coordinates, for formatters to print as is."""
from __future__ import annotations

import pytest

from tqcheck.check.location import Locator
from tqcheck.pipeline import compare
from tqcheck.types import Document, Finding, Link, Pair, Segment, Severity, Span

SRC = "日本宣布。\n普京表示。\n"
# The second sentence is hard-wrapped: its text reads the line break as a space, offsets stay the file's.
TGT = "Japan announced.\nPutin said\nJapan** was here.\n"


def _segment(index: int, text: str, start: int, line: int, column: int) -> Segment:
    return Segment(index, text, start, start + len(text), line, column)


def _documents() -> tuple[Document, Document, Pair]:
    s1, s2 = _segment(0, "日本宣布。", 0, 1, 1), _segment(1, "普京表示。", 6, 2, 1)
    t1 = _segment(0, "Japan announced.", 0, 1, 1)
    t2 = _segment(1, "Putin said Japan** was here.", 17, 2, 1)
    source = Document("a.zh", SRC, "zh", "utf-8", (s1, s2))
    target = Document("a.en", TGT, "en", "utf-8", (t1, t2))
    pair = Pair(0, Link((0, 1), (0, 1), 1.0), s1.text + s2.text, t1.text + " " + t2.text, (s1, s2), (t1, t2))
    return source, target, pair


def _finding(side: str, start: int, end: int) -> Finding:
    return Finding("TQ101", "mt-gap", Severity.ERROR, "gap", 0, Span(side, start, end))


@pytest.mark.parametrize(
    "side,start,end,expected",
    [
        # (path, line, column, end_line, end_column, text, sentence)
        ("target", 0, 5, ("a.en", 1, 1, 1, 6, "Japan", 0)),
        ("target", 33, 35, ("a.en", 3, 6, 3, 8, "**", 1)),  # in the second sentence, on its wrapped line
        ("target", 23, 33, ("a.en", 2, 7, 3, 6, "said Japan", 1)),  # across the wrap
        ("source", 5, 7, ("a.zh", 2, 1, 2, 3, "普京", 1)),  # zh joins sentences without a space
        ("target", 16, 17, ("a.en", 1, 1, 1, 17, "Japan announced.", None)),  # the space between: first sentence
    ],
)
def test_span_location(side, start, end, expected):
    source, target, pair = _documents()
    [found] = Locator(source, target).locate([_finding(side, start, end)], [pair])
    loc = found.location
    assert loc is not None
    assert (loc.path, loc.line, loc.column, loc.end_line, loc.end_column, loc.text, loc.sentence) == expected
    doc = source if side == "source" else target
    if loc.sentence is not None:
        assert doc.text[loc.start:loc.end].replace("\n", " ") == loc.text
    assert loc.where == f"{loc.path}:{loc.line}:{loc.column}"


def test_no_span_no_location_and_side_locations():
    source, target, pair = _documents()
    locator = Locator(source, target)
    [found] = locator.locate([Finding("TQ401", "omitted-sentence", Severity.ERROR, "x", 0)], [pair])
    assert found.location is None
    sides = locator.sides(pair)
    assert (sides["target"].line, sides["target"].end_line, sides["target"].end_column) == (1, 3, 18)
    assert sides["source"].text == pair.source
    assert Locator(source, target).sides(Pair(1, Link((0,), (), 0.5), "日本宣布。", "", pair.src_segments[:1], ())).keys() == {"source"}


def test_compare_attaches_locations():
    report = compare("日本政府宣布对俄罗斯实施制裁。\n", "The Japanese government** announced sanctions on Russia.\n",
                     "zh", "en", embedder="none", cache=False)
    [gap] = [f for f in report.findings if f.code == "TQ101"]
    assert gap.location is not None
    assert (gap.location.path, gap.location.line, gap.location.column, gap.location.text) == ("<translation>", 1, 24, "**")
    assert report.pairs[0].locations["source"].path == "<source>"
