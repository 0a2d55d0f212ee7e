"""TQ407: a direction the translation reversed: up for down, imports for exports, buying for selling, the
highest for the lowest. In economic news these are values as much as the figures they go with
("exports fell 5%" for 出口增长5%). Chinese sources, English translations."""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule


class _Opposites(NamedTuple):
    name: str
    source: tuple[re.Pattern[str], re.Pattern[str]]  # the two directions in the source language
    target: tuple[re.Pattern[str], re.Pattern[str]]  # the same two in the translation
    labels: tuple[str, str]


def _en(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})\b", re.I)


#: Pairs of opposite directions, zh -> en. A sentence naming both directions of a pair is left alone
#: (exports rose while imports fell), so each side must name one direction only. Bare "up" and "down"
#: are left out on purpose: phrasal verbs (set up, step down) use them without any direction.
OPPOSITES: dict[str, tuple[_Opposites, ...]] = {
    "zh": (
        _Opposites(
            "up-down",
            (re.compile(r"增加|增长|上升|上涨|提高|提升|升高|攀升|扩大|增多|增幅|涨幅|增"),
             re.compile(r"减少|下降|下跌|降低|下滑|缩小|回落|萎缩|跌幅|降幅|减")),
            (_en(r"increas\w*|ris(?:e|es|en|ing)|rose|grow\w*|grew|climb\w*|jump\w*|gain\w*|higher|expand\w*|"
                 r"boost\w*|surg\w*|soar\w*"),
             _en(r"decreas\w*|fall\w*|fell|drop\w*|declin\w*|lower\w*|reduc\w*|shrink\w*|shrank|slump\w*|plung\w*|"
                 r"sank|sink\w*")),
            ("up", "down"),
        ),
        _Opposites("import-export", (re.compile(r"进口|输入"), re.compile(r"出口|输出")),
                   (_en(r"import\w*"), _en(r"export\w*")), ("import", "export")),
        _Opposites("buy-sell", (re.compile(r"购买|买入|收购|采购|买"), re.compile(r"出售|卖出|抛售|销售|卖")),
                   (_en(r"buy\w*|bought|purchas\w*|acquir\w*"), _en(r"sell\w*|sold|sales?")), ("buy", "sell")),
        _Opposites("highest-lowest", (re.compile(r"最高|最多|最大"), re.compile(r"最低|最少|最小")),
                   (_en(r"highest|most|largest|biggest|maximum|greatest"),
                    _en(r"lowest|least|smallest|minimum|fewest")), ("highest", "lowest")),
    ),
}


@rule("TQ407", "direction-mismatch", Severity.WARNING, "Accuracy/Mistranslation")
def direction_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A direction reversed: up for down, imports for exports, buying for selling, highest for lowest.

    What it does: for each pair of opposite directions, finds which one the source names and which one
    the translation names, and reports a pair where each side names only one and they differ.
    Why it matters: "exports fell 5%" for 出口增长5% keeps the figure TQ2xx checks and reverses the news.
    Example: 今年前10个月，日本对俄出口增长了12%。 -> "Japan's exports to Russia fell 12% in the first ten months."
    Chinese sources, English translations.
    """
    table = OPPOSITES.get(ctx.src_lang.split("-")[0])
    if table is None or ctx.tgt_lang.split("-")[0] != "en" or not pair.source or not pair.target:
        return
    for opp in table:
        said = [(k, m) for k, p in enumerate(opp.source) if (m := p.search(pair.source))]
        written = [(k, m) for k, p in enumerate(opp.target) if (m := p.search(pair.target))]
        if len(said) != 1 or len(written) != 1 or said[0][0] == written[0][0]:
            continue  # no direction, both directions, or the same one on a side
        (k_src, m_src), (k_tgt, m_tgt) = said[0], written[0]
        yield Hit(f"the source says {opp.labels[k_src]} ('{m_src.group()}'), the translation "
                  f"{opp.labels[k_tgt]} ('{m_tgt.group()}')", span=Span("target", m_tgt.start(), m_tgt.end()),
                  evidence={"pair": opp.name, "source": opp.labels[k_src], "translation": opp.labels[k_tgt]})
