"""The pieces every language's number reader shares: the quantities it reports (``Quantity``, which
``numparse`` gives out), full-width folding, digit strings read in each locale's grouping, the record of a
figure found (``_Q``), the handlers of figures written alike in every script, and the passes over all the
figures of a text (ranges, decades)."""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence, TypeAlias, Union

from .. import lang as language
from ..lang.base import NumberWords
from ..lang.number_union import either, first_characters, union, unspaced_union
from .numtables import _CUR_SIGNS

#: The kinds of quantity ``extract_quantities`` reports.
KINDS = (
    "number", "percent", "percentage_point", "currency", "date", "time", "ordinal", "year",
    "multiplier", "fraction", "century", "decade",
)


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text, with its value and where it is.

    ``value`` is the number itself (4.05e9 for 40.5亿美元; 12.5 for 12.5%; 3 for 第三 or 3倍; the day for a
    date that has one, else the month, else the year). ``precision`` is the rounding unit a scale word
    implies (1e9 for "4 billion", 1e7 for "4.05 billion", 1e4 for 16万) and 0 for a figure written out in
    full. ``approx`` says the text marks it as approximate (about, 约, около ...); ``at_least`` that it is
    written "N-odd" (140多, 28万余, "40-odd"): at least N, less than N plus a unit of its last digit.
    """

    value: float
    kind: str
    unit: str | None
    start: int
    end: int
    text: str
    date: tuple[int | None, int | None, int | None] | None = None
    precision: float = 0.0
    approx: bool = False
    at_least: bool = False

    @property
    def spelled(self) -> bool:
        """Written without any digit (三, two, двух, 百分之二十)."""
        return not any(map(str.isdigit, self.text))


_NEW, _SET = object.__new__, object.__setattr__


def _quantity(value: float, kind: str, unit: str | None, start: int, end: int, text: str,
              date: tuple[int | None, int | None, int | None] | None, precision: float, approx: bool,
              at_least: bool) -> Quantity:
    """``Quantity(value, kind, ...)`` made with its fields' dict at once: the frozen dataclass's ``__init__`` sets
    each of the ten through ``object.__setattr__``, two and a half times as long, for every figure read. (Equal,
    field for field, to the one ``__init__`` makes: tests/unit/test_numbers.py.)"""
    q = _NEW(Quantity)
    _SET(q, "__dict__", {"value": value, "kind": kind, "unit": unit, "start": start, "end": end, "text": text,
                         "date": date, "precision": precision, "approx": approx, "at_least": at_least})
    return q




# --------------------------------------------------------------------------------------------------
# Shared pieces

# Full-width forms folded to ASCII one character for one, so offsets stay those of the input.
_FOLD = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}
_FOLD.update({ord(a): ord(b) for a, b in zip("％．＄￥～〜－：／＋", "%.$¥~~-:/+")})
_FOLD[0x2212] = ord("-")  # minus sign
_FOLDABLE = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")

_ANY_DIGIT = re.compile(r"\d")
_BROKEN = re.compile(r"(?<![\w.,])\d[\d.,]*[$€£¥₽₩₹][\d.,$€£¥₽₩₹]*\d")


class _Context:
    """The patterns of the words languages write around figures (``Language.number_context``), joined over
    every language module: built on first use."""

    @functools.cached_property
    def approx_before(self) -> re.Pattern[str]:
        firsts = first_characters("approximators")  # (a look-ahead for them: the engine passes the others by)
        return re.compile(
            (f"(?=[{firsts}])" if firsts else "")
            + rf"(?:\b(?:{union('approximators') or '(?!)'})|{either(unspaced_union('approximators'))})"
            r"\s*(?:(?:US|HK|A|C|NZ|S)?\$|€|£|¥|₽|USD|EUR|RMB|人民币)?\s*$",
            re.IGNORECASE,
        )

    @functools.cached_property
    def approx_after(self) -> re.Pattern[str]:
        return re.compile(rf"\s*(?:{either(unspaced_union('approximators_after'), union('approximators_after'))})")

    @staticmethod
    def range_join(own: tuple[str, ...] = ()) -> str:
        """What joins the ends of a range, a pattern's text: dashes and tildes, every language's words, and
        ``own``, the words of the text's language alone (z 10 na 20 %, 2 až 5 procent)."""
        return rf"\s*(?:{either('-|–|—|~|〜|、', union('range_joiners'), unspaced_union('range_joiners'), *own)})\s*"

    @functools.cached_property
    def day_follow(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{either(union('day_suffixes'), unspaced_union('day_suffixes'))})?"
                          rf"(?=\s*(?:$|[^\w\s]|\d{{4}}|(?:{either(union('day_followers'))})\b))")

    @functools.cached_property
    def decade_after(self) -> re.Pattern[str]:
        """Decades written as a bare tens figure: 50代 (in one's fifties), die 70er, the 80s, 90-х."""
        return re.compile(either(unspaced_union("decade_suffixes"), union("decade_suffixes")))

    @functools.cached_property
    def period_before(self) -> re.Pattern[str]:
        """A word before a hyphen that makes the figure after it a period's (mid-90s, Mitte-2020)."""
        return re.compile(rf"(?:\b(?:{either(union('period_prefixes'))}))$", re.IGNORECASE)

    @functools.cached_property
    def decade_within(self) -> re.Pattern[str]:
        """... the same suffix read into the figure itself (90-х)."""
        return re.compile(f"(?:{either(unspaced_union('decade_suffixes'), union('decade_suffixes'))})$")

    @functools.cached_property
    def decade_before(self) -> re.Pattern[str]:
        """... and after the word for decade: les années 70, los años 80 (y 90)."""
        return re.compile(rf"(?:{either(union('decade_words'))})\s+(?:\d0\s+(?:{either(union('decade_joiners'))})\s+)?$",
                          re.I)


_CONTEXT = _Context()

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(s: str) -> int | None:
    total, prev = 0, 0
    for c in reversed(s.upper()):
        v = _ROMAN.get(c)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


@dataclass
class _Q:
    """A quantity while it is being built (mutable; becomes a Quantity at the end)."""

    value: float
    kind: str
    start: int
    end: int
    unit: str | None = None
    date: tuple[int | None, int | None, int | None] | None = None
    precision: float = 0.0
    scale: float = 1.0  # the scale word applied (1 when none)
    approx: bool = False
    at_least: bool = False
    bare: bool = True  # a plain figure with nothing attached (no scale, unit, %, suffix)


Handler = Callable[[re.Match[str], str], "tuple[list[_Q], int, int] | None"]
#: When a recogniser is worth running: always (None), when the text has a digit, when the lower-cased
#: text contains one of some strings, or when a predicate of the lower-cased text holds.
Need: TypeAlias = Union[None, str, tuple[str, ...], Callable[[str], object]]


_GROUP_SPACES = re.compile("[ \u00a0\u202f\u2009]")


def _digits_value(token: str, lang: str) -> tuple[float, int] | None:
    """Value and number of decimals of a digit token with separators; None if no locale writes it so
    (or if it is too long to be a float: a 400-digit run is no quantity)."""
    if len(token) > 60:
        return None
    if token.isdecimal():  # (digits alone, most figures: what the reading below comes to)
        return float(token), 0
    tok = _GROUP_SPACES.sub("", token).replace("’", "'")
    if "'" in tok:
        head, _, dec = tok.partition(".")
        groups = head.split("'")
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])) or "," in head:
            return None
        return (float("".join(groups) + ("." + dec if dec else "")), len(dec)) if dec.isdigit() or not dec else None
    seps = [c for c in tok if c in ".,"]
    if not seps:
        return float(tok), 0
    if ".." in tok or ",," in tok or ".," in tok or ",." in tok:
        return None
    kinds = set(seps)
    if len(kinds) == 2:
        dec_sep = seps[-1]
        if seps.count(dec_sep) != 1:
            return None
        group_sep = "," if dec_sep == "." else "."
        head, _, dec = tok.rpartition(dec_sep)
        groups = head.split(group_sep)
        if not _valid_groups(groups, indian=group_sep == ","):
            return None
        return float("".join(groups) + "." + dec), len(dec)
    sep = seps[0]
    parts = tok.split(sep)
    if len(parts) > 2:
        return (float("".join(parts)), 0) if _valid_groups(parts, indian=sep == ",") else None
    head, dec = parts
    grouping_char = "." if separators(lang)[0] else ","
    if len(dec) == 3 and 1 <= len(head) <= 3 and head != "0" and sep == grouping_char:
        return float(head + dec), 0
    return float(head + "." + dec), len(dec)


def _valid_groups(groups: Sequence[str], indian: bool = True) -> bool:
    """Whether digit groups are a figure's thousands (1,234,567), or where ``indian`` (the groups are separated by
    commas, as Indian grouping writes them) its lakhs and crores (1,00,000; 12,34,56,789). Dots never group by
    twos: 27.60.55.001 is a model number."""
    if not (1 <= len(groups[0]) <= 3) or groups[0] == "0":
        return False
    if all(len(g) == 3 for g in groups[1:]):
        return True
    return indian and len(groups[0]) <= 2 and all(len(g) == 2 for g in groups[1:-1]) and len(groups[-1]) == 3


def _currency_code(sym: str, lang: str) -> str | None:
    sym = sym.strip()
    if sym in _CUR_SIGNS:
        return _CUR_SIGNS[sym]
    return {"RMB": "CNY"}.get(sym, sym if re.fullmatch(r"[A-Z]{3}", sym) else None)


def _date_q(start: int, end: int, y: int | None, m: int | None, d: int | None) -> _Q:
    value = d if d is not None else m if m is not None else y
    return _Q(float(value or 0), "date", start, end, date=(y, m, d), bare=False)


def _words_value(tokens: Sequence[tuple[float, str]]) -> tuple[float | None, bool, float]:
    total = current = 0.0
    last_scale = 0.0
    ordinal = False
    for value, typ in tokens:
        if ordinal:
            return None, False, 0.0  # nothing follows an ordinal word
        if typ == "h":
            current = (current or 1) * 100
        elif typ == "x":
            current = (current or 1) * value  # a dozen, a decade, tři desítky
        elif typ == "s":
            if current == 0 and total > 0 and value > last_scale:
                total *= value  # mil millones
            else:
                total += (current or 1) * value
            current = 0
            last_scale = value
        else:
            if typ == "o":
                ordinal = True
            elif current and current < 10 and (value < 10 or value % 10):
                return None, False, 0.0  # "two three", "dva jedenáctileté" (two eleven-year-olds): not one number
            current += value
    return total + current, ordinal, last_scale


# --------------------------------------------------------------------------------------------------
# Post-passes


def _decades(qs: list[_Q], t: str, lang: str, low: str) -> None:
    for q in qs:
        if q.kind in ("number", "ordinal") and q.value in (10, 20, 30, 40, 50, 60, 70, 80, 90) and (
                q.bare or q.kind == "ordinal") and (_CONTEXT.decade_after.match(t, q.end) or _CONTEXT.decade_within.search(t, q.start, q.end) or
                                                  _CONTEXT.decade_before.search(t, max(0, q.start - 24), q.start)):
            q.kind, q.bare = "decade", False
    words = _decade_words(lang)
    if words is not None and words[0] in low:
        for m in words[1].finditer(t):
            if not any(q.start <= m.start() < q.end for q in qs):
                qs.append(_Q(float(words[2][m.group().lower()]), "decade", m.start(), m.end(), bare=False))


@functools.lru_cache(maxsize=None)
def _decade_words(lang: str) -> tuple[str, re.Pattern[str], Mapping[str, int]] | None:
    """The language's decades in words (the sixties): the ending they share (a text without it has none),
    their pattern and their values."""
    words = number_words(lang)
    if words is None or not words.decade_words:
        return None
    shared = os.path.commonprefix([w[::-1] for w in words.decade_words])[::-1]
    return shared, re.compile(r"\b(" + "|".join(words.decade_words) + r")\b", re.I), words.decade_words


def _post(qs: list[_Q], t: str, lang: str, low: str) -> None:
    """What the figures of ``t`` (``low`` lower-cased) say together: decades, ranges, lists, dates, approximations."""
    _decades(qs, t, lang, low)
    if len(qs) > 1:  # (what the neighbours of a figure say)
        _neighbours(qs, t, lang)
    for q in qs:
        if _CONTEXT.approx_before.search(t, max(0, q.start - 24), q.start) or _CONTEXT.approx_after.match(t, q.end):
            q.approx = True


def _neighbours(qs: list[_Q], t: str, lang: str) -> None:
    qs.sort(key=lambda q: q.start)
    # am ersten November, le premier novembre: an ordinal before a month is the day of a date
    ordinal_days = [k for k, (a, b) in enumerate(zip(qs, qs[1:]))
                    if a.kind == "ordinal" and b.kind == "date" and b.date and b.date[1] and b.date[2] is None
                    and a.value == int(a.value) and 1 <= a.value <= 31 and not t[a.end:b.start].strip()]
    for k in reversed(ordinal_days):
        a, b = qs[k], qs[k + 1]
        b.date, b.value, b.start = (b.date[0], b.date[1], int(a.value)), a.value, a.start  # type: ignore[index]
        del qs[k]
    for a, b in zip(qs, qs[1:]):
        between = t[a.end:b.start]
        if len(between) > 12 or not _range_join(lang).fullmatch(between):
            continue
        # 3-5 million, 3至5亿元, 3 to 5%: the first end takes the second's scale and unit.
        # Only an ascending pair is a range; "330,600 in 2021 to 6.3 million" is not.
        if (a.bare and a.kind == "number" and not b.bare and b.kind in ("number", "currency", "percent", "percentage_point")
                and a.value * b.scale < b.value):
            a.value *= b.scale
            a.precision = b.precision if b.scale > 1 else a.precision
            a.kind, a.unit, a.bare = b.kind, b.unit, False
        # 1-5月, 1至9月: a month number next to a month shares its year.
        if (b.kind == "date" and b.date and b.date[1] and b.date[2] is None and a.bare and a.value == int(a.value)
                and 1 <= a.value < b.date[1]):
            a.kind, a.date, a.bare = "date", (b.date[0], int(a.value), None), False
            continue
        # March 15 to 17, 15-17 March, 3月15日から17日: a day next to a date shares its month.
        if b.kind == "date" and b.date and b.date[1] and b.date[2] and a.bare and a.value == int(a.value) and 1 <= a.value <= 31:
            a.kind, a.date, a.bare = "date", (b.date[0], b.date[1], int(a.value)), False
        elif a.kind == "date" and a.date and a.date[1] and a.date[2] and b.date and b.date[1] is None and b.date[2]:
            b.date = (a.date[0], a.date[1], b.date[2])
        elif (a.kind == "date" and a.date and a.date[1] and a.date[2] and b.bare and b.value == int(b.value)
              and 1 <= b.value <= 31 and _CONTEXT.day_follow.match(t, b.end) is not None):
            b.kind, b.date, b.bare = "date", (a.date[0], a.date[1], int(b.value)), False
    _listed_days(qs, t, lang)


def _listed_days(qs: list[_Q], t: str, lang: str) -> None:
    """The days of a list or a range share its date's month: November 3rd, 10th and 15th (ordinals after the
    date); 3., 10. a 15. listopadu, am 26. und 27. November, vom 3. bis 5. März (days written with an ordinal
    point before it)."""
    if len(qs) < 2:
        return  # (no two quantities: no list)
    joined = _list_join(lang)

    def day(q: _Q) -> bool:
        return q.value == int(q.value) and 1 <= q.value <= 31

    for a, b in zip(qs, qs[1:]):
        if a.kind == "date" and a.date and a.date[1] and a.date[2] and b.kind == "ordinal" and day(b) \
                and joined.fullmatch(t[a.end:b.start]):
            b.kind, b.date = "date", (a.date[0], a.date[1], int(b.value))
    for a, b in reversed(list(zip(qs, qs[1:]))):
        if b.kind == "date" and b.date and b.date[1] and b.date[2] and a.bare and day(a) and t[a.end:a.end + 1] == "." \
                and t[a.start:a.end].isdigit() and joined.fullmatch(t[a.end + 1:b.start]):
            a.kind, a.date, a.bare = "date", (b.date[0], b.date[1], int(a.value)), False


@functools.lru_cache(maxsize=None)
def number_words(base: str) -> NumberWords | None:
    """How language ``base`` writes figures (its module's ``NumberWords``); None for a language without
    them (the reader then reads its words as English ones)."""
    make = language.get(base).number_words
    return make() if make is not None else None


@functools.lru_cache(maxsize=None)
def separators(lang: str) -> tuple[bool, bool]:
    """Whether ``lang`` writes a decimal comma (its grouping character is then "."), and whether it groups
    thousands with an ordinary space (1 234,5): as its module says, else as CLDR (babel) says, where a
    language with a decimal comma may group with spaces too (ISO 31-0)."""
    base = language.primary(lang)
    words = number_words(base)
    comma, spaced = _cldr_separators(base)
    if words is None:
        return comma, spaced
    return (comma if words.decimal_comma is None else words.decimal_comma,
            spaced if words.group_spaces is None else words.group_spaces)


def _cldr_separators(base: str) -> tuple[bool, bool]:
    from babel.core import UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        comma, spaced = get_decimal_symbol(base) == ",", get_group_symbol(base) in ("\u00a0", "\u202f", " ")
    except (UnknownLocaleError, ValueError):
        return False, False
    return comma, comma or spaced


@functools.lru_cache(maxsize=None)
def _list_join(lang: str) -> re.Pattern[str]:
    """What joins the items of a list in ``lang`` (a comma, and what joins a range's ends): built once per language."""
    return re.compile(rf"(?:\s*,)?{_range_join(lang).pattern}|\s*,\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _range_join(lang: str) -> re.Pattern[str]:
    """What joins the ends of a range in ``lang``: the words every language shares, and its own (z 10 na
    20 %, 2 až 5 procent)."""
    words = number_words(lang)
    own = words.range_words if words is not None else ()
    return re.compile(_CONTEXT.range_join(own), re.IGNORECASE)


class _Reader:
    """What the readers of every language share: their state and the handlers of figures written alike in
    every script (broken figures, dotted versions, numeric dates, times)."""

    lang: str
    cjk: bool
    #: Numeric dates put the month first (5/3/2021 is May 3rd in English); else the day.
    month_first = False
    recognisers: list[tuple[re.Pattern[str], Handler, Need]]
    #: the patterns every match of which holds a digit (a figure opens it): not run in a text without one
    figures: list[re.Pattern[str]]
    #: What every text a recogniser matches in contains (None: not known), ``extract_quantities``'s quick way out.
    marks: re.Pattern[str] | None
    scale_re: re.Pattern[str]

    def _h_broken(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        sm = self.scale_re.match(t, m.end()) if not self.cjk else None
        return [], m.start(), sm.end() if sm else m.end()

    def _h_dotted(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        # 1.2.5 in CJK text: a version, an address or a broken figure, not a quantity.
        return None if _digits_value(m.group(), "en") is not None else ([], m.start(), m.end())

    def _h_numeric_date(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return [_date_q(m.start(), m.end(), y, mo, d)], m.start(), m.end()

    def _h_slash_date(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if a > 12 or (not self.month_first and b <= 12):
            a, b = b, a  # day first
        mo, d = a, b
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return [_date_q(m.start(), m.end(), y, mo, d)], m.start(), m.end()

    def _h_time(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        h_s = m.groupdict().get("h") or m.groupdict().get("h2")
        if h_s is None:
            return None
        h, mi = int(h_s), int(m.groupdict().get("mi") or 0)
        ap = (m.groupdict().get("ap") or "").lower()
        if h > 24 or mi > 59 or (ap and not 1 <= h <= 12):
            return None
        if ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
        return [_Q(h + mi / 60, "time", m.start(), m.end(), bare=False)], m.start(), m.end()


def _has_number_word(words: Callable[[str], list[str]], listed: frozenset[str], joiner: str,
                     compound: Callable[[str], re.Match[str] | None], low: str) -> bool:
    """Whether a lower-cased text has a word ``listed`` (number words, articles) or one ``compound`` matches
    whole other than ``joiner`` alone."""
    found = set(words(low))
    if not listed.isdisjoint(found):
        return True
    found.discard(joiner)
    return any(map(compound, found))


def _decade_suffixed(value: float, t: str, pos: int) -> bool:
    """A tens figure with a decade's suffix glued on (die 70er, in den 50ern): a decade, not a code."""
    return value in (10, 20, 30, 40, 50, 60, 70, 80, 90) and _CONTEXT.decade_after.match(t, pos) is not None
