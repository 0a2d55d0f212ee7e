"""Facts about one aligned pair that several rules share (its names, its figures), worked out once.

The runner makes one ``PairFacts`` per pair and hands it on the context to the rules that declare
``uses=`` for them (flake8's ``FileProcessor`` gives each plugin the parameters it asks for); each fact
is computed on first access, so a pair whose rules do not ask for names never has them analysed. A rule
called on its own, outside the runner, gets fresh facts from ``facts_of``. The module that works a fact
out registers its function with ``@provides``, so this module imports none of them.
"""
from __future__ import annotations

from typing import Any, Callable

from ..types import Pair

#: The facts a rule may declare it uses (``@rule(..., uses=...)``).
FACTS = ("names", "numbers")

#: How each fact is worked out from a pair and its context (a ``registry.CheckContext``).
Provider = Callable[[Pair, Any], Any]
_PROVIDERS: dict[str, Provider] = {}


def provides(fact: str) -> Callable[[Provider], Provider]:
    """Register the decorated function as the one that works ``fact`` out."""
    if fact not in FACTS:
        raise ValueError(f"unknown fact {fact!r}; known: {FACTS}")

    def register(func: Provider) -> Provider:
        _PROVIDERS[fact] = func
        return func

    return register


class PairFacts:
    """The facts of one pair in one context, each computed when first asked for."""

    __slots__ = ("pair", "ctx", "_values")

    def __init__(self, pair: Pair, ctx: Any) -> None:
        self.pair, self.ctx = pair, ctx
        self._values: dict[str, Any] = {}

    def get(self, fact: str) -> Any:
        if fact not in self._values:
            self._values[fact] = _PROVIDERS[fact](self.pair, self.ctx)
        return self._values[fact]

    @property
    def names(self) -> Any:
        """Names on both sides and what became of them (TQ301-TQ305): an ``entities.NameAnalysis``."""
        return self.get("names")

    @property
    def numbers(self) -> Any:
        """The source's figures matched with the translation's by value (TQ202-TQ204), or None when a side
        is empty (an empty side is the omission and empty-output rules' business)."""
        return self.get("numbers")


def facts_of(pair: Pair, ctx: Any) -> PairFacts:
    """The facts the runner attached to ``ctx`` for ``pair``, or new ones for a rule called on its own."""
    facts = ctx.facts
    return facts if facts is not None and facts.pair is pair else PairFacts(pair, ctx)
