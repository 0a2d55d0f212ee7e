"""The text report's side-by-side columns lay out exactly as rich's two-column grid did, with and without colour."""
from __future__ import annotations

import io
import random

import pytest
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
