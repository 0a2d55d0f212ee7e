"""Words a language writes around figures, which the number reader looks for in a text of any language: each
module declares its own (``Language.number_context``) and the reader joins those of every module into one
alternation (``tqcheck.lang.number_union``), so that a figure in a quotation or a mixed text is read as its own language writes it
and a new language is an entry in its module, not an edit of the reader."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NumberContext:
    """Regular-expression alternatives, each matched as the reader says (case-blind unless noted)."""

    #: Before a figure, a word that makes it approximate (about, etwa, environ, около, 约, およそ).
    approximators: tuple[str, ...] = ()
    #: After a figure, the same (左右, ほど, or so).
    approximators_after: tuple[str, ...] = ()
    #: Between the two figures of a range (to, bis, à, до, 至, から).
    range_joiners: tuple[str, ...] = ()
    #: Between two month names (January to March, Januar bis März).
    month_connectors: tuple[str, ...] = ()
    #: After a day's figure, its suffix (1st, 1er, 1-го, 1日).
    day_suffixes: tuple[str, ...] = ()
    #: Words after a day that tell it is one (the 5th of, el 5 de, 5 марта года).
    day_followers: tuple[str, ...] = ()
    #: After a tens figure, what makes it a decade (the 80s, die 70er, 50代, 90-х); case-sensitive.
    decade_suffixes: tuple[str, ...] = ()
    #: Before a tens figure, the word for decade (les années 70, los años 80), and the word that joins two
    #: decades after it (années 70 et 80).
    decade_words: tuple[str, ...] = ()
    decade_joiners: tuple[str, ...] = ()
    #: Before a hyphen and a figure, a word that makes the figure a period's (mid-90s, Mitte-2020, début-2019);
    #: else a letter before the hyphen makes the figure part of a code (COVID-19, Su-27).
    period_prefixes: tuple[str, ...] = ()
    #: Letters glued to a figure that leave it a quantity, beyond the units every language writes alike (km,
    #: kg, GW): the language's own units (mph, км), scale abbreviations with their value (5bn, 3млн), those
    #: read only after a currency (£5m, $3k), a percent (5pc) and the times of day that only the time reader
    #: may read (5pm): literal strings, case-sensitive.
    glued_units: tuple[str, ...] = ()
    glued_scales: tuple[tuple[str, float], ...] = ()
    glued_scales_after_currency: tuple[str, ...] = ()
    glued_percent: tuple[str, ...] = ()
    glued_times: tuple[str, ...] = ()
