"""TQ202-TQ204: figures compared by value with the source (TQ201, a malformed figure, is in ``malformed.py``)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from ..types import Pair, Severity, Span
from .facts import facts_of, provides
from .malformed import malformed_figures
from .numpairs import scores_matched, slashed_dates
from .numparse import Quantity, extract_quantities
from .numrun import ascii_twin
from .numtables import cjk_numeral_values
from .registry import CheckContext, Hit, rule


#: Kinds compared as counts of something (a plain number may stand for any of them).
_COUNT = frozenset({"number", "year", "ordinal", "multiplier", "currency", "fraction"})
_PERCENT = frozenset({"percent", "percentage_point"})
#: How far apart two figures may be when either is marked approximate ("about 4,000" for 3,950).
APPROX_TOLERANCE = 0.02
_DIGIT_TOKEN = re.compile(r"\d(?:[\d.,]*\d)?")
_ASCII_DIGIT_TOKEN = ascii_twin(_DIGIT_TOKEN)
_NON_DIGIT = re.compile(r"\D")
_SPELLED_WEAK_START = tuple("十百千万萬亿億兆")
# A weekday in the translation may stand for a day of the month written alone (25日 -> "on Tuesday").
_WEEKDAY = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)"
    r"|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b"
    r"|понедельник|вторник|сред[уаы]\b|четверг|пятниц|суббот|воскресень", re.IGNORECASE)
_DATELINE_AFTER = ("电", "電", "讯", "訊", "消息", "报道", "報道", "発表")
_MONTH_NAMES = ("January February March April May June July August September October November December").split()


@dataclass(frozen=True)
class _Comparison:
    """What matching found in one pair: source figures missing, mismatched pairs, target figures added."""

    missing: tuple[Quantity, ...]
    mismatched: tuple[tuple[Quantity, Quantity], ...]
    added: tuple[Quantity, ...]


_NOTHING = _Comparison((), (), ())


def is_weak(q: Quantity) -> bool:
    """A figure too ambiguous to report when it has no counterpart: one (a year, one of), a spelled-out
    small number (两国, "the two sides"), a spelled ordinal (first, 第二), a fraction word, the 1st day
    written alone (1日 is also "per day"). Weak figures still match, so they are never reported as added."""
    if q.kind in ("number", "ordinal", "multiplier", "year") and q.value == 1 and not q.precision:
        return True
    if q.kind == "date" and q.date == (None, None, 1):
        return True
    if q.kind == "fraction":
        return True
    if not q.spelled or q.kind in ("percent", "percentage_point", "currency", "date", "time", "century", "decade", "year"):
        return False
    return q.kind == "ordinal" or q.value < 10 or q.text.startswith(_SPELLED_WEAK_START)


#: A figure that is part of a round-the-clock span (24/7, 24/365): translations say "around the clock".
_TIME_SPAN = re.compile(r"\s*/\s*(?:7|365)\b")


def is_uncertain(q: Quantity, text: str = "") -> bool:
    """A figure whose absence or change a faithful translation often shows, so that a finding on it is
    only a warning (measured on WMT22 references): a bare count up to twelve ("two other" universities
    for 3所 with Yale, "beide" for "les 2"), a figure written in words, a month or day alone (2日前 is
    "two days ago"), a figure that is only part of a code or a time span (24/7)."""
    if q.spelled:
        return True
    if q.kind in ("number", "ordinal") and q.value <= 12 and not q.precision:
        return True
    if q.value == 24 and _TIME_SPAN.match(text, q.end):
        return True
    return _lone_date(q)


def _lone_date(q: Quantity) -> bool:
    """A date that is only a month or only a day (3月, 2日前)."""
    return q.kind == "date" and q.date is not None and sum(x is not None for x in q.date) == 1


def _weak_addition(q: Quantity, text: str) -> bool:
    if q.spelled or _lone_date(q):
        return True
    listed = not text[:q.start].strip() or text[q.end:q.end + 1] in (".", ")") and q.value <= 20
    return q.kind in ("number", "ordinal") and listed


def _last_digit_unit(q: Quantity) -> float:
    if q.precision:
        return q.precision
    v = int(q.value)
    if v != q.value or v == 0:
        return 1.0
    unit = 1
    while v % 10 == 0:
        v //= 10
        unit *= 10
    return float(unit)


def _close(s: Quantity, t: Quantity) -> bool:
    a, b = s.value, t.value
    if abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0):
        return True
    # "N-odd" (140多, 10多个): the other side may give any value from N up to the next unit ("a dozen").
    for low, other in ((s, t), (t, s)):
        if low.at_least and low.value <= other.value < low.value + _last_digit_unit(low):
            return True
    # The translation may round what the source wrote ("about 4 billion" for 40.5亿), not add precision.
    if t.precision and abs(a - b) <= t.precision / 2 * (1 + 1e-9):
        return True
    if (s.approx or t.approx) and s.kind not in ("year", "ordinal") and t.kind not in ("year", "ordinal"):
        return abs(a - b) <= APPROX_TOLERANCE * max(abs(a), abs(b))
    return False


def _same_date(s: Quantity, t: Quantity, target_years: frozenset[int]) -> bool:
    if s.date and t.date:
        (y, m, d), (y2, m2, d2) = s.date, t.date
        if m is not None and m2 != m:
            return False
        if d is not None and d2 != d:
            return False
        if m is None and d is None:
            return y2 == y
        if y is not None and y2 is not None and y2 != y:
            return False  # (a year left out is not a wrong figure: "post-September 11" for 11 septembre 2001)
        return True
    point_date = _day_month_with_point(t, s) if s.date else _day_month_with_point(s, t) if t.date else None
    if point_date is not None:  # dispatch 18.12 -> 12月18日
        return point_date
    if s.date and t.kind in _COUNT:  # 25日 -> "the 25th"
        return s.date[0] is None and s.date[1] is None and s.date[2] == t.value
    if t.date and s.kind in _COUNT:
        if s.kind == "year":
            return t.date[0] == s.value
        return t.date[2] == s.value
    return False


def same_value(s: Quantity, t: Quantity, target_years: frozenset[int] = frozenset()) -> bool:
    """Whether target quantity ``t`` says what source quantity ``s`` says (kinds compatible, values equal
    up to the rounding the target's own wording implies)."""
    ks, kt = s.kind, t.kind
    if ks == "date" or kt == "date":
        return _same_date(s, t, target_years)
    if ks == "time" or kt == "time":
        if {ks, kt} == {"time", "number"} and _clock_with_point(*((s, t) if ks == "time" else (t, s))):
            return True
        # 3点 may be a count or three o'clock: a whole number matches the hour, a.m. or p.m.
        if ks != kt and not ({ks, kt} == {"time", "number"} and min(s.value, t.value) == int(min(s.value, t.value))):
            return False
        return abs((s.value - t.value) % 12) < 1e-6 or abs((t.value - s.value) % 12) < 1e-6
    if ks in ("century", "decade") or kt in ("century", "decade"):
        if {ks, kt} == {"decade", "number"}:
            # 70代くらいの男性 "a man around 70": an age in the decade a bare figure says
            decade, number = (s, t) if ks == "decade" else (t, s)
            return decade.value < 100 and decade.value <= number.value < decade.value + 10
        if {ks, kt} == {"century", "decade"}:
            # the 1800s, 1800年代: the 19th century
            century, decade = (s, t) if ks == "century" else (t, s)
            return decade.value >= 100 and decade.value % 100 == 0 and decade.value == (century.value - 1) * 100
        if ks != kt:
            return False
        if ks == "decade" and min(s.value, t.value) < 100:
            return s.value % 100 == t.value % 100
        return s.value == t.value
    if "multiplier" in (ks, kt):
        # 增长2倍 is read as "two times more" or "tripled"; "by 200%" says the same.
        other = t if ks == "multiplier" else s
        mult = s if ks == "multiplier" else t
        value = other.value / 100 if other.kind == "percent" else other.value
        if other.kind in _COUNT or other.kind == "percent":
            return abs(value - mult.value) <= 1 + 1e-9 and (other.kind != "percent" or value == int(value))
        return False
    if ks in _PERCENT or kt in _PERCENT:
        if ks in _PERCENT and kt in _PERCENT:
            return _close(s, t)
        frac, pct = (s, t) if ks == "fraction" else (t, s) if kt == "fraction" else (None, None)
        if frac is None or pct is None:
            return False
        return abs(frac.value * 100 - pct.value) <= 1.0
    if ks == kt == "currency" and s.unit and t.unit and s.unit != t.unit:
        return False
    return _close(s, t)


def _day_month_with_point(number: Quantity, date: Quantity) -> bool | None:
    """Whether a figure written as a day and a month with a point (18.12) is the other side's date (12月18日,
    December 18); None where the figure is not written so or the date has no day and month."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", number.text) if number.kind == "number" else None
    if m is None or date.date is None or None in date.date[1:]:
        return None
    return (int(m[1]), int(m[2])) == (date.date[2], date.date[1])


def _clock_with_point(time: Quantity, number: Quantity) -> bool:
    """Whether a number written with a point is the time's hour and minutes (12.39 for 12:39, 17.30 for 5.30pm:
    German and Czech write the time so), as a figure never has a minute's two decimals by chance."""
    hours = int(time.value)
    minutes = round((time.value - hours) * 60)
    return bool(re.fullmatch(r"\d{1,2}\.\d\d", number.text)) and any(
        abs(number.value - (h + minutes / 100)) < 1e-9 for h in {hours, hours % 12, hours % 12 or 12})


def _group(q: Quantity) -> str:
    if q.kind in _PERCENT:
        return "percent"
    if q.kind in ("date", "time"):
        return q.kind
    if q.kind in ("century", "decade"):
        return "era"
    return "count"


#: The digits of ASCII text: the only ASCII characters ``str.isdigit`` holds for.
_ASCII_DIGIT = re.compile("[0-9]")


def _has_digit(text: str) -> bool:
    """Whether a character of ``text`` is a digit (``str.isdigit``: ², ٣ too); an ASCII text (a flag the string
    keeps) is searched for 0-9 by the regex engine, not read character by character in Python."""
    return _ASCII_DIGIT.search(text) is not None if text.isascii() else any(map(str.isdigit, text))


def compare_quantities(source: str, target: str, src_lang: str, tgt_lang: str) -> _Comparison:
    """Match the source's quantities with the translation's, by value (once per pair: a fact of the
    pair, ``tqcheck.check.facts``, that three rules use)."""
    src = extract_quantities(source, src_lang)
    if not src and not _has_digit(target):
        # Nothing to miss, and every figure the translation has is spelled (never reported as added):
        # no need to read it (two pairs in three of WMT22 zh-en and de-en).
        return _NOTHING
    tgt = extract_quantities(target, tgt_lang)
    src_tokens = frozenset((_ASCII_DIGIT_TOKEN if source.isascii() else _DIGIT_TOKEN).findall(source))
    tgt_tokens = frozenset((_ASCII_DIGIT_TOKEN if target.isascii() else _DIGIT_TOKEN).findall(target))
    years = frozenset(
        {int(q.value) for q in tgt if q.kind in ("year", "number") and q.value == int(q.value)}
        | {q.date[0] for q in tgt if q.date and q.date[0] is not None}
    )

    def verbatim(q: Quantity, tokens: frozenset[str]) -> bool:
        text = unicodedata.normalize("NFKC", q.text)  # ２ in ２Ａ is the 2 of "2A"
        # (a date written as figures with a point, 1.2, is the same figures in the other text: a section number)
        return (q.kind in ("number", "ordinal", "year") or q.kind == "date" and "." in text) \
            and _DIGIT_TOKEN.fullmatch(text) is not None and text in tokens

    t_matched = [verbatim(t, src_tokens) or any(same_value(s, t, years) for s in src) for t in tgt]
    # "9/11" is two numbers, or a month and a day: the day a source date names, if it names one
    slashed = slashed_dates(target, tgt)
    for i, j, readings in slashed:
        if any(s.date and None not in s.date[1:] and same_value(s, d, years) for s in src for d in readings):
            t_matched[i] = t_matched[j] = True
    # and 8/26 in the source is "August 26" in the translation (the source's figures read as two, accounted for)
    src_twofold: set[int] = set()
    for i, j, readings in slashed_dates(source, src):
        hits = [k for k, t in enumerate(tgt) if t.date and None not in t.date[1:]
                and any(same_value(d, t, years) for d in readings)]
        if hits:
            src_twofold.update((i, j))
            for k in hits:
                t_matched[k] = True
    # a score or a ratio written with a colon on one side and a dash on the other (16:32 -> "16-32"): not a time
    scored_src, scored_tgt = scores_matched(src, source, tgt, target)
    src_twofold |= scored_src
    for k in scored_tgt:
        t_matched[k] = True
    # (read only where a source figure is a day alone: the search is a tenth of the comparison's time)
    lone_day = any(s.date is not None and s.date[:2] == (None, None) for s in src)
    weekday = lone_day and _WEEKDAY.search(target) is not None
    unmatched = [s for n, s in enumerate(src) if n not in src_twofold and not is_weak(s) and not verbatim(s, tgt_tokens)
                 and not _dateline(s, source)
                 and not (weekday and s.date is not None and s.date[:2] == (None, None))
                 and not any(same_value(s, t, years) for t in tgt)
                 and not (s.date and None not in s.date[1:]
                          and any(same_value(s, d, years) for _, _, readings in slashed for d in readings))]
    # A figure the MT broke ("40$500 million") is TQ201's finding: it accounts for one source figure. (The
    # translation is searched for them only while a source figure is left for one to account for.)
    for token in malformed_figures(target) if unmatched else ():
        digits = _NON_DIGIT.sub("", token).strip("0")
        best = max(unmatched, key=lambda s: len(_common_prefix(_NON_DIGIT.sub("", s.text).strip("0"), digits)))
        unmatched.remove(best)
        if not unmatched:
            break
    free = [i for i, ok in enumerate(t_matched) if not ok]
    paired: list[tuple[Quantity, Quantity]] = []
    missing: list[Quantity] = []
    for s in unmatched:
        rel = s.start / max(len(source), 1)
        candidates = [i for i in free if _group(tgt[i]) == _group(s)]
        if not candidates:
            missing.append(s)
            continue
        # Prefer the same kind, then the same significant digits (a wrong scale: 40.5亿 -> 40.5 million),
        # then the nearest position.
        best_i = min(candidates, key=lambda i: (tgt[i].kind != s.kind, _mantissa(tgt[i]) != _mantissa(s),
                                                abs(tgt[i].start / max(len(target), 1) - rel)))
        free.remove(best_i)
        paired.append((s, tgt[best_i]))
    # Small numbers written out are too often paraphrased to be missed or added ("the two sides"), but
    # one in the source and a different one in its place in the translation is a changed count
    # (sieben Jahre -> "nine years", dos semanas -> "four weeks").
    spelled_src = [s for s in src if s.spelled and s.kind == "number" and is_weak(s) and s.value >= 2
                   and not any(same_value(s, t, years) for t in tgt)]
    spelled_tgt = [i for i in free if tgt[i].spelled and tgt[i].kind == "number" and tgt[i].value >= 2
                   and not any(same_value(x, tgt[i], years) for x in src)]
    for s, i in zip(spelled_src, spelled_tgt):
        paired.append((s, tgt[i]))
        free.remove(i)
    added = [tgt[i] for i in free if not is_weak(tgt[i]) and not tgt[i].spelled]
    return _Comparison(tuple(missing), tuple(paired), tuple(added))


def _mantissa(q: Quantity) -> str:
    return f"{q.value:.6e}".split("e")[0].rstrip("0")


def _dateline(q: Quantity, source: str) -> bool:
    """The date of a news agency's dateline or report formula (中新网2月11日电, 11日消息), or a full date
    closing the text after a space, as a publication credit does (毎日新聞 2021/3/31), which translations
    routinely leave out."""
    if q.kind != "date":
        return False
    if source.startswith(_DATELINE_AFTER, q.end):
        return True
    return (q.date is not None and None not in q.date and not source[q.end:].strip()
            and source[q.start - 1:q.start].isspace())


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def describe(q: Quantity) -> str:
    """A figure as a reader would say it: "4.05 billion USD", "12.5%", "March 15", "10:30"."""
    if q.kind == "date" and q.date:
        y, m, d = q.date
        month = _MONTH_NAMES[m - 1] if m else None
        if month and d:
            return f"{month} {d}, {y}" if y else f"{month} {d}"
        if month:
            return f"{month} {y}" if y else month
        return f"day {d}" if d else str(y)
    if q.kind == "time":
        h = int(q.value)
        return f"{h:02d}:{round((q.value - h) * 60):02d}"
    if q.kind == "century":
        return f"{_ordinal(int(q.value))} century"
    if q.kind == "decade":
        return f"{int(q.value)}s"
    if q.kind == "ordinal":
        return _ordinal(int(q.value)) if q.value == int(q.value) else _number(q.value)
    text = _number(q.value)
    if q.kind == "percent":
        return f"{text}%"
    if q.kind == "percentage_point":
        return f"{text} percentage points"
    if q.kind == "multiplier":
        return f"{text} times"
    if q.kind == "currency" and q.unit:
        return f"{text} {q.unit}"
    return text


def _number(v: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{v / size:.6g} {word}"
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.6g}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


def _evidence(q: Quantity) -> dict[str, object]:
    return {"text": q.text, "value": q.value, "kind": q.kind, "unit": q.unit, "date": q.date}


def _loosely_in(t: Quantity, loose: frozenset[float]) -> bool:
    """Whether a figure of the translation is one the source's CJK numerals may stand for: its value, the
    month and day of a date (六四 "June 4th"), a decade's last two digits (六七十年代 "the 1960s and 70s")."""
    if t.value in loose:
        return True
    if t.kind == "date" and t.date is not None and t.date[0] is None:
        return all(v is None or v in loose for v in t.date[1:])
    return t.kind == "decade" and t.value % 100 in loose


@provides("numbers")
def compare_pair(pair: Pair, ctx: CheckContext) -> _Comparison | None:
    """The pair's figures compared, or None when a side is empty."""
    if not any(map(str.isalnum, pair.target)) or not pair.source.strip():
        return None  # an empty side (or a lone ".") is the omission and empty-output rules' business
    return compare_quantities(pair.source, pair.target, ctx.src_lang, ctx.tgt_lang)


@rule("TQ202", "number-missing", Severity.ERROR, "Accuracy/Omission/Number",
      needs=("numbers",), uses=("numbers",))
def number_missing(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A figure of the source that the translation does not give.

    What it catches: a number, amount, percentage, date or time of the source with no quantity
    of the same value anywhere in the translation, and no other figure of the translation that
    could be its mistranslation (that is TQ203). Figures are compared by value, across scripts
    and conventions: 40.5亿美元 is "4.05 billion dollars", 6月1日 is "June 1", 12 тыс. is "12,000",
    5个月 is "five months".

    Why it matters: a dropped figure usually drops the fact the sentence was written for (how
    much, how many, when), and nothing in the translation shows that it is gone.

    Example: 该技术可将效率提升20%左右 -> "the technology can increase efficiency".
    A translator's legitimate freedom is allowed: rounding ("about 4 billion" for 40.5亿),
    a figure repeated, "one"/"a" for 1, spelled-out small numbers (两国 "the two countries"),
    and codes copied verbatim (COVID-19, G7, Boeing 737).
    """
    result: _Comparison | None = facts_of(pair, ctx).numbers
    if result is None:
        return
    for s in result.missing:
        yield Hit(
            f"{describe(s)} ({s.text}) is not in the translation",
            Span("source", s.start, s.end),
            {"source": _evidence(s)},
            Severity.WARNING if is_uncertain(s, pair.source) else None,
        )


@rule("TQ203", "number-mismatch", Severity.ERROR, "Accuracy/Mistranslation/Number",
      needs=("numbers",), uses=("numbers",))
def number_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A figure of the translation whose value differs from the source's.

    What it catches: a source figure with no equal-valued counterpart, paired with a figure of
    the same sort (count or amount, percentage, date, time) that the translation has instead:
    a wrong scale (40.5亿 -> "40.5 million"), a wrong day (15 марта -> "March 16"), a changed
    year or percentage, a different currency.

    Why it matters: a wrong figure is worse than a missing one: the reader has no reason to
    doubt it, and it will be quoted.

    Example: 国が3億5000万円を補助 -> "the national government provided 35 million yen"
    (expected 350 million JPY). Rounding the target's wording allows ("about 4 billion" for
    40.5亿) is not a mismatch; adding precision the source does not have ("135,000" for 14万) is.
    """
    result: _Comparison | None = facts_of(pair, ctx).numbers
    if result is None:
        return
    for s, t in result.mismatched:
        yield Hit(
            f"expected {describe(s)} ({s.text}), found {describe(t)}",
            Span("target", t.start, t.end),
            {"source": _evidence(s), "target": _evidence(t)},
            Severity.WARNING if is_uncertain(s, pair.source) or t.spelled else None,
        )


@rule("TQ204", "number-added", Severity.WARNING, "Accuracy/Addition",
      needs=("numbers",), uses=("numbers",))
def number_added(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A figure in the translation that the source does not have.

    What it catches: a quantity written in digits in the translation with no equal-valued
    quantity in the source and no source figure it could be a mistranslation of (that is TQ203).

    Why it matters: an invented figure is an invented fact; it may also be a source figure so
    badly mangled that it no longer resembles the original.

    Example: 日本对俄罗斯追加制裁 -> "Japan imposed 12 new sanctions on Russia".
    Reported as a warning: translators add explicit figures legitimately (a year the source
    implies, a unit conversion, a time written 24:00).
    """
    result: _Comparison | None = facts_of(pair, ctx).numbers
    if result is None:
        return
    loose = cjk_numeral_values(pair.source) if result.added else frozenset()
    for t in result.added:
        yield Hit(
            f"{describe(t)} ({t.text}) has no counterpart in the source",
            Span("target", t.start, t.end),
            {"target": _evidence(t)},
            # a figure in words, a lone month or day, a list number (（三） -> "3."), or one that a CJK
            # numeral of the source may stand for (万名 "10,000", 十四五 "the 14th Five-Year Plan"): information
            Severity.INFO if _weak_addition(t, pair.target) or _loosely_in(t, loose) else None,
        )
