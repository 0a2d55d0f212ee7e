"""The runs of letters of an ASCII text (tqcheck.lang.letter_runs), which TQ503, TQ108 and TQ304 read."""
from __future__ import annotations

import re

import pytest

from tqcheck.lang.letter_runs import alnum_runs, has_adjacent, has_any, letter_runs


@pytest.mark.parametrize("text", [
    "Don't stop: 3 K_9 items, e.g. U.S.A.", "", "  \t\n", "ALL CAPS and\x1cControl\x7fchars", "x" * 3 + "1y",
])
def test_letter_runs_are_what_a_regex_finds_in_the_lower_cased_text(text: str) -> None:
    assert letter_runs(text) == tuple(re.findall("[a-z]+", text.lower()))


@pytest.mark.parametrize("text", ["’Tis the “season” – \u00a0ok\u2009x", "Don’t stop"])
def test_a_plain_text_has_the_runs_of_letters_a_regex_finds(text: str) -> None:
    assert letter_runs(text) == tuple(re.findall(r"[^\W\d_]+", text.casefold()))


@pytest.mark.parametrize("text", ["naïve", "Straße", "北京 Beijing"])
def test_a_text_with_other_letters_is_not_read(text: str) -> None:
    assert letter_runs(text) is None and has_adjacent(text, frozenset())


def test_adjacent_runs_across_spaces_and_marks() -> None:
    pairs = frozenset({("the", "of")})
    assert has_adjacent("recommended The  of the CEP", pairs)
    assert has_adjacent("(the, of)", pairs)  # a superset: a mark between two words counts too
    assert not has_adjacent("the office of the", pairs)
    assert not has_adjacent("the", pairs)


def test_any_run_among_words() -> None:
    words = frozenset({"if", "once"})
    assert has_any("But if accepts", words) and has_any("ONCE", words)
    assert not has_any("different conference", words)  # inside a word is not a run of its own
    assert has_any("naïve", words)  # not plain: not read


@pytest.mark.parametrize("text", ["COVID19 cases rose 5% in 2020 – the 2nd wave", "A_b 9x", "’Tis “so”"])
def test_alnum_runs_are_what_a_regex_finds_in_the_lower_cased_text(text: str) -> None:
    assert alnum_runs(text) == re.findall("[a-z0-9]+", text.lower())
