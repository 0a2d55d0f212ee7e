"""TQ407: a direction the translation reversed: up for down, imports for exports, buying for selling, the
highest for the lowest. In economic news these are values as much as the figures they go with
("exports fell 5%" for 出口增长5%). Each language's words of direction are data of its module in
``tqcheck.lang`` (zh and en so far); the rule compares the pairs of directions two languages share."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from .. import lang
from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule

#: How each pair of directions is named in messages.
LABELS = {"up-down": ("up", "down"), "import-export": ("import", "export"), "buy-sell": ("buy", "sell"),
          "highest-lowest": ("highest", "lowest")}


#: The inline flags each compiled flag is written as in a union of patterns (re.U is a str pattern's default).
_INLINE = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"), (re.ASCII, "a"))


@functools.lru_cache(maxsize=None)
def _any_direction(code: str) -> re.Pattern[str] | None:
    """One pattern for every word of direction of the language ``code``: it finds nothing in a text where none
    of them finds anything. Most sources name no direction (1,333 of the 1,500 timed zh-en pairs of
    bench_checks), and one scan costs less than eight."""
    patterns = [p for both in lang.get(code).directions.values() for p in both]
    if not patterns:
        return None
    return re.compile("|".join(_scoped(p) for p in patterns))


def _scoped(pattern: re.Pattern[str]) -> str:
    """``pattern`` as an alternative of a union: in a group with its flags, or bare where it has none (a union
    of bare alternatives that each open on a character is searched for by those characters alone; one of
    groups is tried at every position)."""
    flags = "".join(c for f, c in _INLINE if pattern.flags & f)
    return f"(?{flags}:{pattern.pattern})" if flags else pattern.pattern


@rule("TQ407", "direction-mismatch", Severity.WARNING, "Accuracy/Mistranslation")
def direction_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A direction reversed: up for down, imports for exports, buying for selling, highest for lowest.

    What it does: for each pair of opposite directions, finds which one the source names and which one
    the translation names, and reports a pair where each side names only one and they differ.
    Why it matters: "exports fell 5%" for 出口增长5% keeps the figure TQ2xx checks and reverses the news.
    Example: 今年前10个月，日本对俄出口增长了12%。 -> "Japan's exports to Russia fell 12% in the first ten months."
    Languages whose modules list words of direction (zh, en), either way.
    """
    if not pair.source or not pair.target:
        return
    src, tgt = lang.get(ctx.src_lang).directions, lang.get(ctx.tgt_lang).directions
    any_direction = _any_direction(ctx.src_lang)
    if any_direction is None or any_direction.search(pair.source) is None:
        return  # the source names no direction
    for name, source in src.items():
        target = tgt.get(name)
        if target is None:
            continue
        said = [(k, m) for k, p in enumerate(source) if (m := p.search(pair.source))]
        if len(said) != 1:
            continue  # no direction or both in the source: the translation need not be read
        written = [(k, m) for k, p in enumerate(target) if (m := p.search(pair.target))]
        if len(written) != 1 or said[0][0] == written[0][0]:
            continue  # no direction, both directions, or the same one on a side
        (k_src, m_src), (k_tgt, m_tgt) = said[0], written[0]
        labels = LABELS.get(name, ("one way", "the other"))
        yield Hit(f"the source says {labels[k_src]} ('{m_src.group()}'), the translation "
                  f"{labels[k_tgt]} ('{m_tgt.group()}')", span=Span("target", m_tgt.start(), m_tgt.end()),
                  evidence={"pair": name, "source": labels[k_src], "translation": labels[k_tgt]})
