"""TQ201: a number in the translation that no locale writes that way (40$500, 1,23,4): a figure the MT
broke while rewriting it."""
from __future__ import annotations

import re
from typing import Iterator

from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule

_CURRENCY = "$€£¥₽₩₹"


def _token_pattern(digit: str) -> re.Pattern[str]:
    """A digit run with separators or currency signs inside it; not glued to letters or other numbers (``digit``,
    written to stand in a class, for a digit). (The first digit before the look-behind past it: the pattern is
    searched for by its digits, not tried at every position.)"""
    signs = re.escape(_CURRENCY)
    return re.compile(rf"[{digit}](?<![\w.,{signs}][{digit}])[{digit}.,{signs}]*[{digit}](?![{digit}])")


_TOKEN = _token_pattern(r"\d")
#: _TOKEN for an ASCII text, where \d is 0-9: a class of ten characters is a bit of a table, \d a look-up in
#: Unicode's tables at every character.
_ASCII_TOKEN = _token_pattern("0-9")
_THOUSANDS = {sep: re.compile(rf"^\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+$") for sep in ".,"}
_INDIAN = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}$")
_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$")
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


def _digit_tokens(text: str) -> Iterator[re.Match[str]]:
    """_TOKEN's matches in ``text``."""
    return (_ASCII_TOKEN if text.isascii() else _TOKEN).finditer(text)


def malformed_figures(text: str) -> Iterator[str]:
    """The figures of ``text`` written as no locale writes them (what TQ201 reports)."""
    for m in _digit_tokens(text):
        if malformed_reason(m.group()):
            yield m.group()


def malformed_reason(token: str) -> str | None:
    """Why a digit token cannot be a well-formed number in any locale, or None if it can."""
    if any(c in _CURRENCY for c in token):
        return "a currency sign inside the digits"
    if re.search(r"[.,]{2,}", token):
        return "two separators in a row"
    seps = re.findall(r"[.,]", token)
    if len(seps) <= 1:
        return None
    if len(set(seps)) == 1:
        if _THOUSANDS[seps[0]].match(token) or _INDIAN.match(token) or _DATE.match(token) or _IPV4.match(token):
            return None
        return "digit groups that fit no locale's grouping"
    # Mixed separators: grouping with the first kind, then one decimal separator of the other kind.
    last = token.rfind(seps[-1])
    head = token[:last]
    if seps.count(seps[-1]) == 1 and (_THOUSANDS[seps[0]].match(head) or _INDIAN.match(head)):
        return None
    return "separators that fit no locale's grouping"


@rule("TQ201", "malformed-number", Severity.ERROR, "Accuracy/Mistranslation/Number")
def malformed_number(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A number in the translation that no locale writes that way.

    What it catches: digit strings broken by the MT system, such as "40$500 million" (for
    40.5亿美元, 4.05 billion dollars), "12..5%", "1.2.5 billion yen" or "3,50,0".

    Why it matters: the reader cannot tell what the figure was, or reads a wrong one; figures are
    the facts a news story is built on.

    Example: 前10个月进口总额达40.5亿美元 -> "totaled 40$500 million".
    Thousands grouping of any locale (1,234.5 / 1.234,5 / 1,00,000), dotted dates (1.12.2024)
    and a token copied verbatim from the source are not flagged.
    """
    for m in _digit_tokens(pair.target):
        token = m.group()
        reason = malformed_reason(token)
        if reason and token not in pair.source:
            yield Hit(
                f"malformed number {token!r}: {reason}",
                Span("target", m.start(), m.end()),
                {"token": token, "reason": reason},
            )
