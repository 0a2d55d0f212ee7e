"""The text report's side-by-side columns lay out exactly as rich's two-column grid did, with and without colour."""
from __future__ import annotations

import io
import random

import pytest
from hypothesis import given, settings, strategies as st
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tqcheck.report.text_report import _side_by_side

WORDS = ["Japan", "announced", "sanctions", "今年前10个月", "日本从俄罗斯进口的能源总额达40.5亿美元。", "Москва",
         "a" * 70, "x", "", "  ", "\t", "Kishida's", "⟦40$500⟧", "ｆｕｌｌｗｉｄｔｈ", "é", "\n", "日本"]


def _cells(rng: random.Random) -> tuple[Text, Text]:
    text = Text()
    for _ in range(rng.randint(0, 30)):
        word = rng.choice(WORDS)
        text.append(word, style=rng.choice([None, "bold white on red", "black on yellow"]))
        text.append(rng.choice([" ", " ", "", "  "]))
    return Text(f"samples/doc.{rng.randint(0, 10 ** rng.randint(0, 80))}.txt:3", style="dim"), text


def _render(width: int, color: bool, renderable: object, **kwargs: object) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.print(renderable, **kwargs)  # type: ignore[arg-type]
    return buf.getvalue()


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_columns_match_a_rich_grid(seed: int, color: bool) -> None:
    rng = random.Random(seed)
    width = rng.choice([80, 81, 100, 117, 160])
    (where_s, source), (where_t, target) = _cells(rng), _cells(rng)
    grid = Table.grid(expand=True, padding=(0, 2))
    grid.add_column(ratio=1, overflow="fold")
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(where_s, where_t)
    grid.add_row(source, target)
    console = Console(width=width)
    ours = _side_by_side(console, width, (where_s, source), (where_t, target))
    assert _render(width, color, ours, no_wrap=True, overflow="ignore", crop=False) == _render(width, color, grid)


PLAIN_WORDS = [w for w in WORDS if "\t" not in w] + ["trailing   ", "⟦", "⟧", "日本" * 40, "b" * 200]


@pytest.mark.parametrize("pad", [False, True])
@pytest.mark.parametrize("seed", range(60))
def test_plain_folding_is_richs(seed: int, pad: bool) -> None:
    """Lines folded as strings are the characters rich's Text.wrap lays out, padded or not."""
    from tqcheck.report.text_report import _fold_plain

    rng = random.Random(seed)
    width = rng.choice([5, 38, 39, 78, 80, 157])
    text = "".join(rng.choice(PLAIN_WORDS) + rng.choice([" ", "", "  ", "\n"]) for _ in range(rng.randint(0, 40)))
    console = Console(width=width)
    rich_lines = Text(text).wrap(console, width, justify="left" if pad else None, overflow="fold")
    assert _fold_plain(text, width, pad) == [line.plain for line in rich_lines]


#: Characters of every width and kind the report meets: ASCII, Chinese and full-width marks (two cells), Latin and
#: Cyrillic letters, curly quotes, a combining accent and a joiner (no cells), a pictograph, the span brackets.
MIXED = "ab Z9.-  " + "日本語。、（" + "éЖ’“—" + "\u0301\u200d\ufe0f" + "🇯🇵😀" + "⟦⟧"


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from("ab Z9.-  "), max_size=120) | st.text(st.sampled_from(MIXED), max_size=120)
       | st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=300),
       width=st.integers(1, 90), pad=st.booleans())
def test_folding_by_cells_is_richs(text: str, width: int, pad: bool) -> None:
    """A line is folded by its characters' cells (``_divide``) into what rich lays out: runs of spaces, words
    longer than the line, spaces beyond its end, two-cell characters at its edge; rich itself folds what joins
    or pairs characters."""
    from tqcheck.report.text_report import _fold_plain

    rich_lines = Text(text).wrap(Console(width=width), width, justify="left" if pad else None, overflow="fold")
    assert _fold_plain(text, width, pad) == [line.plain for line in rich_lines]


@pytest.mark.parametrize("source, target", [("kuril.zh", "kuril.en"), ("harbour.en", "harbour.zh"),
                                            ("railway.ja", "railway.en")])
def test_plain_report_is_the_rich_layout(source: str, target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The report without colour, laid out as strings, is character for character what rich prints."""
    from pathlib import Path

    from tqcheck.options import Options
    from tqcheck.pipeline import compare_files
    from tqcheck.report import text_report
    from tqcheck.report.base import RenderOptions

    samples = Path(__file__).resolve().parents[2] / "samples"
    report = compare_files(str(samples / f"{source}.txt"), str(samples / f"{target}.txt"),
                           Options(embedder="none", cache=False))
    assert report.findings  # marked spans and finding lines are laid out too
    for width in (80, 101, 160):
        fast = text_report.render_text(report, RenderOptions(width=width))
        with monkeypatch.context() as m:
            m.setattr(text_report, "_pair_plain", lambda *a: None)
            slow = text_report.render_text(report, RenderOptions(width=width))
        assert fast == slow
