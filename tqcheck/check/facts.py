"""Facts about one aligned pair that several rules share (its names, its figures), worked out once.

The runner makes one ``PairFacts`` per pair and hands it on the context to the rules that declare
``uses=`` for them (flake8's ``FileProcessor`` gives each plugin the parameters it asks for); each fact
is computed on first access, so a pair whose rules do not ask for names never has them analysed. A rule
called on its own, outside the runner, gets fresh facts from ``facts_of``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import Pair

if TYPE_CHECKING:
    from .entities import NameAnalysis
    from .numbers import _Comparison as Comparison
    from .registry import CheckContext

#: The facts a rule may declare it uses (``@rule(..., uses=...)``).
FACTS = ("names", "numbers")

_UNSET = object()


class PairFacts:
    """The facts of one pair in one context, each computed when first asked for."""

    __slots__ = ("pair", "ctx", "_names", "_numbers")

    def __init__(self, pair: Pair, ctx: CheckContext) -> None:
        self.pair, self.ctx = pair, ctx
        self._names: object = _UNSET
        self._numbers: object = _UNSET

    @property
    def names(self) -> NameAnalysis:
        """Names on both sides and what became of them (TQ301-TQ305)."""
        if self._names is _UNSET:
            from .entities import analyse

            p, c = self.pair, self.ctx
            self._names = analyse(p.source, p.target, c.src_lang, c.tgt_lang, c.glossary)
        return self._names  # type: ignore[return-value]

    @property
    def numbers(self) -> Comparison | None:
        """The source's figures matched with the translation's by value (TQ202-TQ204); None when a side
        is empty (an empty side is the omission and empty-output rules' business)."""
        if self._numbers is _UNSET:
            from .numbers import compare_pair

            self._numbers = compare_pair(self.pair, self.ctx)
        return self._numbers  # type: ignore[return-value]


def facts_of(pair: Pair, ctx: CheckContext) -> PairFacts:
    """The facts the runner attached to ``ctx`` for ``pair``, or new ones for a rule called on its own."""
    facts = ctx.facts
    return facts if facts is not None and facts.pair is pair else PairFacts(pair, ctx)
