"""How a language negates (``Negation``, data of each language module) and what ``Language.polarity`` reads
from a text with it (``Polarity``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..cached import cached
from .letter_runs import letter_runs


@dataclass(frozen=True)
class Negation:
    """How a language negates, as data: ``any`` finds every negating word (any of them means the text is
    not plainly affirmative), ``explicit`` the sentence negators among them (only those make a dropped or
    added negation certain enough to report), ``not_negation`` the words that contain a negator without
    negating (不断 "constantly", "not only"). ``implied``, optional, is negation carried by a word (failed,
    lack), counted as a negation but never reported as one added."""

    any: re.Pattern[str]
    explicit: re.Pattern[str]
    not_negation: re.Pattern[str] | None = None
    implied: Callable[[str], bool] | None = None
    #: negation carried by an affix of a word (unzufrieden, неизвестно), which a translation often
    #: renders with an explicit "not": counted as a negation, never reported as one dropped
    affixed: Callable[[str], bool] | None = None
    #: negators that leave the sense open (しか…ない "only", ませんか a request, 欠かせない "essential"):
    #: a translation may or may not negate, so they count as negation but never as an explicit one
    weak: re.Pattern[str] | None = None
    #: strings one of which every match of ``not_negation`` and ``weak`` contains (lower-cased): in a text
    #: without any, neither is run
    marks: tuple[str, ...] = ()
    #: patterns that find something in the lower-cased text wherever ``not_negation`` and ``weak`` match (a
    #: narrower test than ``marks``, each for its own pattern): where one finds nothing, its pattern is not run
    not_negation_marks: re.Pattern[str] | None = None
    weak_marks: re.Pattern[str] | None = None
    #: the words (lower-cased runs of letters) and the strings (in the lower-cased text) one of which every
    #: match of ``explicit`` is or contains: a plain text with none (``letter_runs``) has no explicit negator,
    #: and ``explicit`` is not run over it; none given, it always is
    explicit_words: frozenset[str] = frozenset()
    explicit_marks: tuple[str, ...] = ()

    def may_be_explicit(self, text: str, lower: str) -> bool:
        """Whether ``text`` (``lower`` lower-cased) may hold a match of ``explicit``: it is not plain, or one of
        its runs of letters is one of ``explicit_words``, or it holds one of ``explicit_marks``."""
        if not self.explicit_words:
            return True
        runs = letter_runs(text)
        return runs is None or not self.explicit_words.isdisjoint(runs) or any(map(lower.__contains__,
                                                                                  self.explicit_marks))


class Polarity:
    """What ``Language.polarity`` found: whether the text has any negation, and its first explicit one. Each
    is worked out when first asked for (the implied negations of a whole text cost more than the explicit
    negators), so that a rule asks for no more than its verdict needs."""

    def __init__(self, explicit: Callable[[], tuple[int, int] | None], negated: Callable[[], bool],
                 bounded: bool = False) -> None:
        self._explicit, self._negated, self._bounded = explicit, negated, bounded

    @cached
    def explicit(self) -> tuple[int, int] | None:
        return self._explicit()

    @cached
    def implied(self) -> bool:
        """Negation found without the explicit negators' test: any negating word, or one implied (failed) or
        carried by an affix."""
        return self._negated()

    @cached
    def negated(self) -> bool:
        """Any negation: an explicit negator, or one that is implied (failed) or carried by an affix. Where an
        explicit negator must be a word of its own (``bounded``: a language written without spaces, whose text
        is segmented to tell one) and has not been looked for yet, the others are asked first: their patterns
        need no segmentation."""
        if self._bounded and "explicit" not in self.__dict__:
            return self.implied or self.explicit is not None
        return self.explicit is not None or self.implied

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Polarity) and (self.negated, self.explicit) == (other.negated, other.explicit)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Polarity(negated={self.negated}, explicit={self.explicit})"
