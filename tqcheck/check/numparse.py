"""Find the quantities in a sentence (numbers, amounts, percentages, dates, times) with their values.

Pure functions, no I/O: ``extract_quantities(text, lang)`` reads digits in every locale's grouping, CJK
numerals with their scale characters (40.5亿, 3億5000万円, 十二万), number words of en/de/fr/es/ru with
scale words (4.05 billion, 1,5 млрд, zwei Millionen), currencies, dates and times, so that the checks can
compare a source and a translation by value rather than by digit string.

How a lone separator is read (``1,500`` / ``1.500``): a separator followed by exactly three digits, after
one to three digits other than a lone 0, is a thousands separator when it is the language's grouping
character (``,`` in en/zh/ja, ``.`` in de/es/fr/ru) and a decimal mark otherwise; with any other number of
digits after it, it is a decimal mark in every language. Several separators of one kind are grouping;
two kinds are grouping then decimal (1.234,5 / 1,234.5). Spaces (ordinary ones only in ru/de/fr/es; no-break
and thin spaces everywhere) and apostrophes group thousands when every group after them has three digits.
"""
from __future__ import annotations

import functools
import math
import re
from typing import Callable

from .. import lang as language
from ..lang.base import NumberWords
from .numbase import (  # (Quantity and KINDS are this module's, defined beside the reader's base)
    KINDS, Quantity, _ANY_DIGIT, _BROKEN, _CONTEXT, _currency_code, _date_q, _decade_suffixed, _decade_words, _digits_value, _FOLD,
    _FOLDABLE, _has_number_word, _post, _Q, _quantity, _roman, _words_value, Handler, Need, number_words, separators
)
from .numrun import _OpeningWords, _runnable, _Runnable, _whole_words, ascii_twin, first_led
from .numcjk import _CJKReader
from ..lang.number_union import either, entries, union, unspaced_union
from .numtables import _CUR_CODES, _CUR_PREFIX_CODES, _CUR_SIGNS, _month_alt, _month_names, _month_of, currency_before

class _Lang(_CJKReader):
    """Compiled patterns and handlers of one language; built once, on first use."""

    #: The words that _h_words reads, and whether a word (lowered) may open a run of number words (alphabetic only).
    word_pattern: re.Pattern[str] | None = None
    _opens_words: Callable[[str], bool]

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.cjk = language.get(lang).unspaced  # Chinese, Japanese: CJK numerals, no number words
        self.recognisers: list[tuple[re.Pattern[str], Handler, Need]] = []
        # (marks: a pattern that finds something in every text where some recogniser matches, in the text
        # as given or as ``_extract`` folds it alike)
        self.marks = None
        #: the patterns every match of which holds a digit (a figure opens it): not run in a text without one
        self.figures: list[re.Pattern[str]] = []
        if self.cjk:
            self._build_cjk()
        else:  # a language without number words of its own has its words read as English ones
            words = number_words(lang) or number_words("en")
            assert words is not None, "English has a module with its number words"
            self.words: NumberWords = words
            self._build_alpha()
        #: the recognisers run on a text by whether it has a digit (without one, neither a figure's pattern nor one
        #: that needs a digit can match) and whether it is ASCII (patterns compiled for it: numrun.ascii_twin), each
        #: with its need as tests of the lower-cased text (``_runnable``)
        self.runs = {(digit, ascii): [self._runnable(*r, ascii) for r in self.recognisers
                                      if digit or r[0] not in self.figures and r[2] != "digit"]
                     for digit in (False, True) for ascii in (False, True)}

    def _runnable(self, pattern: re.Pattern[str], handler: Handler, need: Need, ascii: bool) -> _Runnable:
        """A recogniser as ``_extract`` runs it: the number-word reader on the words it may open on, others on their
        pattern's matches."""
        if pattern is self.word_pattern:
            return _runnable(self.opening_words, handler, need)
        return _runnable((ascii_twin(pattern) if ascii else pattern).finditer, handler, need)

    def _figure(self, pattern: str | re.Pattern[str]) -> re.Pattern[str]:
        """``pattern`` compiled, kept as one of ``figures``: its every match opens on a digit."""
        self.figures.append(compiled := re.compile(pattern))
        return compiled

    # -- alphabetic languages ------------------------------------------------------------------
    def _build_alpha(self) -> None:
        w = self.words
        self.month_first = w.month_first
        sp = "[ \u00a0\u202f\u2009]" if separators(self.lang)[1] else "[\u00a0\u202f\u2009]"
        self.digit_re = re.compile(
            rf"\d(?<![^\W\d_]\d)(?<![\d.,'’]\d)(?:\d{{0,2}}(?:{sp}\d{{3}})+(?:[.,]\d+)?(?!\d)|(?:[\d.,'’]*\d)?)")
        # (a scale word in a title is capitalised: "10 Million Sold")
        titled = [f"(?:{p}|{p.capitalize()})" if re.fullmatch(r"[^\W\d_]{4,}", p) and p.islower() else p
                  for p, _ in w.scales]
        self.scale_re = re.compile(
            r"\s*(?:" + "|".join(f"(?P<s{i}>{p})" for i, p in enumerate(titled)) + r")(?![\w])"
            if w.scales else r"(?!)")
        self.scale_vals = [v for _, v in w.scales]
        self.points_re = re.compile(r"\s*(?:" + w.points + ")", re.IGNORECASE)
        self.percent_re = re.compile(r"\s*(?:" + w.percent + ")", re.IGNORECASE)
        cur = list(w.currencies) + [(_CUR_CODES, ""), (r"[$€£₽]", "")]
        self.cur_after = re.compile(
            r"\s*(?:de\s+|d['’]\s*)?(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(cur)) + ")")
        self.cur_units = [u for _, u in cur]
        self.times_re = re.compile(r"\s*(?:" + w.times + ")")
        self.ordinal_re = re.compile(w.ordinal_suffix)
        # Letters glued to a figure that still leave it a quantity (units, scale abbreviations).
        # (the units every language writes alike, and the languages' own: number_context)
        glued = (*_GLUED_SYMBOLS, *entries("glued_units"), *(a for a, _ in entries("glued_scales")),
                 *entries("glued_percent"), *entries("glued_times"))
        self.glued_ok = re.compile("(?:" + "|".join(map(re.escape, dict.fromkeys(glued))) + r")(?![^\W\d_])")
        self.glued_scales = dict(entries("glued_scales"))
        self.glued_after_currency = frozenset(entries("glued_scales_after_currency"))
        self.glued_times, self.glued_percent = frozenset(entries("glued_times")), frozenset(entries("glued_percent"))
        self.word_table = w.units
        # a number written as one word of morphemes (einundzwanzig), and what a run of words skips
        self.morpheme = re.compile("|".join(re.escape(m) for m in (*w.morphemes, w.morpheme_joiner))) if w.morphemes else None
        self.compound = re.compile("(?:" + self.morpheme.pattern + ")+") if self.morpheme else None
        self.skipped = frozenset((*w.joiners, *w.articles, ""))
        joiners = f"(?:(?:{'|'.join(w.joiners)})\\s+)?" if w.joiners else ""
        self.word_join = re.compile(
            (r"(?:\s*-\s*|\s+)" if w.hyphens else r"\s+") + joiners + r"([^\W\d_]+)", re.IGNORECASE)
        self.article_starts = tuple(a + " " for a in w.articles)
        month = _month_alt(w.months)
        mflags = 0 if w.months_capitalised else re.IGNORECASE
        self.month_anywhere = frozenset(w.month_anywhere.split())
        year = r"(?P<y>\d{4})(?!\d)"
        self.day_after, self.day_before, self.year_after = (
            re.compile(c.replace("{year}", year), re.IGNORECASE) for c in w.date_context)
        self.month_prep = re.compile(
            rf"\b(?:{w.month_before})\s*(?:(?:early|late|mid)[\s-]*)?$", re.IGNORECASE)
        self.not_digit_after = re.compile(r"\.?\s*\d")
        # "January-May", "from March to May": a month right after another month and a connector.
        connectors = either("-|–|—|/", union("month_connectors"), unspaced_union("month_connectors"))
        self.after_month = re.compile(
            rf"\b(?:{month})\.?\s*(?:{connectors})\s*$", mflags)
        self.before_month = re.compile(rf"\.?\s*(?:{connectors})\s*(?:{month})\b", mflags)
        R = self.recognisers
        signs = tuple("$€£¥₽₩₹")
        # A figure broken by a currency sign inside it ("40$500 million") is TQ201's business: claimed, not read.
        figure = self._figure
        R.append((figure(_BROKEN), self._h_broken, signs))
        # Dates and times first: they claim figures before the plain number reader sees them. Patterns
        # start with \d and look behind it, which lets the regex engine skip to digits quickly.
        R.append((figure(r"(?P<y>\d(?<![\d-]\d)\d{3})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])"),
                  self._h_numeric_date, ("-",)))
        R.append((figure(r"(?P<d>\d(?<![\d.]\d)\d?)\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)"),
                  self._h_numeric_date, (".",)))
        if separators(self.lang)[0]:
            # a day and a month with no year (am 16.3., bis zum 26.12.), where a decimal point cannot be
            R.append((figure(r"(?P<d>\d(?<![\d.,]\d)\d?)\.(?P<m>\d{1,2})\.(?![\d.,])"), self._h_day_month, (".",)))
        R.append((figure(r"(?P<a>\d(?<![\d/]\d)\d?)/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
                  self._h_slash_date, ("/",)))
        R.append((figure(r"(?P<h>\d(?<![\d.,:]\d)\d?)(?:[:.](?P<mi>\d{2}))?\s?(?P<ap>[ap]\.\s?m\.|[ap]m\b|[AP]M\b)"),
                  self._h_time, ("am", "pm", "a.", "p.")))
        R.append((figure(r"(?P<h>\d(?<![\d.,:]\d)\d?):(?P<mi>\d{2})(?::\d{2})?(?![\d:])"), self._h_time, (":",)))
        for pattern, needles in w.clock:  # 13 Uhr, 13 h 30
            R.append((re.compile(pattern), self._h_time, needles))
        names = first_led(_month_names(w.months), r"\w") if not mflags else None  # (case kept: on first letters)
        R.append((re.compile(rf"(?P<m>{names})\b" if names else rf"\b(?P<m>{month})\b", mflags), self._h_month,
                  tuple(n.lower() for n in w.months)))
        # Centuries and decades.
        for pattern, needles in w.eras:
            R.append((re.compile(pattern), self._h_era, needles))
        if w.half_a:
            R.append((re.compile(w.half_a, re.I), self._h_half_a, (w.half_word,)))
        if w.fraction:
            R.append((re.compile(w.fraction, re.I), self._h_fraction, tuple(w.fractions)))
        if w.half:
            R.append((re.compile(w.half, re.I), self._h_half, (w.half_word,)))
        if w.multiplier:
            R.append((re.compile(w.multiplier, re.I), self._h_twice, tuple(w.multipliers)))
        R.append((self.digit_re, self._h_digits, "digit"))
        keys = frozenset(self.word_table)
        words_need: Need = _whole_words(keys).search  # (a word of the text that is a number word)
        if self.compound is not None:
            # a number written as one word of morphemes (einundzwanzig): a text is read word by word only where a
            # word of it is a number word (a third of German texts), a word of the table or one of morphemes other
            # than the joiner alone (und), as _is_number_word asks (kept for each word: a pure test of it). (A word
            # the handler reads, lowered, is a whole word of the lowered text: no character outside [^\W\d_]
            # lowers to one inside it.)
            self._is_number_word = functools.lru_cache(maxsize=65536)(  # type: ignore[method-assign]
                self._is_number_word)
            words_need = functools.partial(_has_number_word, re.compile(r"[^\W\d_]+").findall,
                                           keys | frozenset(w.articles), w.morpheme_joiner, self.compound.fullmatch)
        self.word_pattern = _OpeningWords.word
        # (the test _h_words opens on, kept for each word: a word it fails is passed over before the handler is called;
        # without compound numerals, the words it holds for are the articles and the table's)
        self._opens_words = functools.lru_cache(maxsize=65536)(
            lambda first: first in self.words.articles or self._is_number_word(first))
        self.opening_words = _OpeningWords(self._opens_words, None if self.compound is not None else (*w.articles, *keys))
        R.append((self.word_pattern, self._h_words, words_need))

    def _h_day_month(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        d, mo = int(m["d"]), int(m["m"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return [_date_q(m.start(), m.end("m"), None, mo, d)], m.start(), m.end("m")

    def _h_month(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        """A month name and what stands around it: a day, a year, a preposition ("in March")."""
        mo = _month_of(m["m"], self.words.months)
        if mo is None:
            return None
        s, e = m.start(), m.end()
        am = self.day_after.match(t, e)
        if am and 1 <= int(am["d"]) <= 31:
            y = int(am["y"]) if am["y"] else None
            return [_date_q(s, am.end(), y, mo, int(am["d"]))], s, am.end()
        ym = self.year_after.match(t, e)
        y = int(ym["y"]) if ym and 1000 <= int(ym["y"]) <= 2199 else None
        end = ym.end() if y is not None and ym else e
        forms = self.words.day_month_forms
        genitive = forms is None or m["m"].lower() in forms
        bm = self.day_before.search(t, max(0, s - 16), s) if genitive else None
        if bm and 1 <= int(bm["d"]) <= 31:
            return [_date_q(bm.start(), end, y, mo, int(bm["d"]))], bm.start(), end
        if y is not None:
            return [_date_q(s, end, y, mo, None)], s, end
        if self.not_digit_after.match(t, e):
            return None
        if (m["m"] in self.month_anywhere or self.month_prep.search(t, max(0, s - 24), s)
                or self.after_month.search(t, max(0, s - 30), s) or self.before_month.match(t, e)):
            return [_date_q(s, e, None, mo, None)], s, e
        return None

    def _is_number_word(self, w: str) -> bool:
        return w in self.word_table or (self.compound is not None and self.compound.fullmatch(w) is not None
                                        and w != self.words.morpheme_joiner)

    def _h_era(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        gd = m.groupdict()
        if gd.get("n"):
            return [_Q(int(gd["n"]), "century", m.start(), m.end(), bare=False)], m.start(), m.end()
        if gd.get("w"):
            word = gd["w"].lower()
            parts = re.split(r"-", word)
            vals = [self.word_table.get(p) for p in parts]
            if not vals or any(v is None for v in vals) or vals[-1][1] != "o":  # type: ignore[index]
                return None
            return [_Q(sum(v[0] for v in vals if v), "century", m.start(), m.end(), bare=False)], m.start(), m.end()
        if gd.get("r"):
            r = gd["r"]
            n = int(r) if r.isdigit() else _roman(r)
            if not n or n > 30:
                return None
            return [_Q(n, "century", m.start(), m.end(), bare=False)], m.start(), m.end()
        if gd.get("c"):
            return [_Q(int(gd["c"]) + 1, "century", m.start(), m.end(), bare=False)], m.start(), m.end()
        dec = gd.get("dec") or gd.get("dd")
        if dec:
            return [_Q(int(dec), "decade", m.start(), m.end(), bare=False)], m.start(), m.end()
        return None

    def _h_half_a(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        v, typ = self.word_table[m["s"].lower()]
        return [_Q(0.5 * v, "number", m.start(), m.end(), precision=0.5 * v if typ == "s" else 0.0,
                   scale=v, bare=False)], m.start(), m.end()

    def _h_fraction(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        word = m["n"].lower()
        n = 1 if word in self.words.articles else self.word_table[word][0]  # a third, two thirds
        den = self.words.fractions[m["f"].lower()]
        if n >= den:
            return None
        return [_Q(n / den, "fraction", m.start(), m.end(), bare=False)], m.start(), m.end()

    def _h_half(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        return [_Q(0.5, "fraction", m.start(), m.end(), bare=False)], m.start(), m.end()

    def _h_twice(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        v = self.words.multipliers[m["n"].lower()]
        return [_Q(v, "multiplier", m.start(), m.end(), bare=False)], m.start(), m.end()

    def _h_digits(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        s, e = m.span()
        tok = m.group()
        if s >= 2 and t[s - 1] in "-‐" and t[s - 2].isalpha():
            if not _CONTEXT.period_before.search(t[max(0, s - 7):s - 1]):
                return None  # COVID-19, Su-27
        parsed = _digits_value(tok, self.lang)
        if parsed is None:
            return [], s, e  # a broken figure: TQ201's business, no quantity
        value, decimals = parsed
        q = _Q(value, "number", s, e)
        q.precision = 0.0
        pos = e
        om = self.ordinal_re.match(t, pos)
        if om:
            q.kind, q.bare, pos = "ordinal", False, om.end()
            q.end = pos
            return [q], s, pos
        # A currency sign or code right before the figure.
        pm = currency_before(t, s)
        if pm:
            q.kind, q.bare, q.start = "currency", False, pm.start()
            if pm["code"]:
                q.unit = {"RMB": "CNY", "人民币": "CNY", "港币": "HKD"}.get(pm["code"], pm["code"])
            elif pm["sign"]:
                q.unit = _CUR_SIGNS.get(pm["sign"]) if pm["sign"] != "¥" else None
            else:
                q.unit = _CUR_PREFIX_CODES.get(pm["pre"] or "", "USD")
        gm = self.glued_ok.match(t, pos) if pos < len(t) and t[pos].isalpha() else None
        if pos < len(t) and t[pos].isalpha() and not gm and not (
                self.times_re.match(t, pos) or self.scale_re.match(t, pos) or _decade_suffixed(value, t, pos)
                or self.cur_after.match(t, pos)):  # (a currency glued on: 3,280yen)
            return None  # 5G, 3D, 737MAX: a code (but a word of the language's figures may be glued on:
            # Czech 66krát "66 times", 2miliony)
        if gm:
            glued = gm.group()
            if glued in self.glued_scales and (q.kind == "currency" or glued not in self.glued_after_currency):
                mult = self.glued_scales[glued]
                q.value, q.scale, q.precision, q.bare = value * mult, mult, mult * 10.0 ** -decimals, False
                pos = gm.end()
            elif glued in self.glued_times:
                return None  # a time the time reader rejected
            elif glued in self.glued_percent:
                q.kind, q.bare, pos = "percent", False, gm.end()
        else:
            sm = self.scale_re.match(t, pos)
            if sm:
                idx = next(i for i, g in enumerate(sm.groups()) if g is not None)
                mult = self.scale_vals[idx]
                q.value, q.scale, q.precision, q.bare = value * mult, mult, mult * 10.0 ** -decimals, False
                pos = sm.end()
        self._suffix(q, t, pos)
        if q.bare and q.kind == "number" and decimals == 0 and 1000 <= value <= 2199 and tok.isdigit():
            q.kind = "year"
        return [q], q.start, q.end

    def _suffix(self, q: _Q, t: str, pos: int) -> None:
        """Attach what follows a figure: a percent sign, percentage points, a currency, 'times'."""
        q.end = pos
        pm = self.points_re.match(t, pos)
        if pm:
            q.kind, q.bare, q.end = "percentage_point", False, pm.end()
            return
        pm = self.percent_re.match(t, pos)
        if pm:
            q.kind, q.bare, q.end = "percent", False, pm.end()
            return
        cm = self.cur_after.match(t, pos)
        if cm:
            idx = next(i for i, g in enumerate(cm.groups()) if g is not None)
            unit = self.cur_units[idx] or _currency_code(cm.group(f"c{idx}"), self.lang)
            if q.kind != "currency" or q.unit is None:
                q.unit = unit
            q.kind, q.bare, q.end = "currency", False, cm.end()
            return
        if t.startswith("-odd", pos):
            q.at_least = True
        tm = self.times_re.match(t, pos)
        if tm and q.kind == "number" and q.scale == 1:
            q.kind, q.bare, q.end = "multiplier", False, tm.end()

    def _h_words(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        """A run of number words ("twenty-five", "two hundred and fifty", "1,5" is not here: digits are)."""
        start, end = m.span()
        first = m.group().lower()
        if first in self.words.articles:
            nm = self.word_join.match(t, end)
            if not nm or nm.group(1).lower() not in self.words.after_article:
                return None
        elif not self._is_number_word(first):
            return None
        while True:
            nm = self.word_join.match(t, end)
            if not nm or not self._is_number_word(nm.group(1).lower()):
                break
            end = nm.end()
        text = t[start:end]
        tokens: list[tuple[float, str]] = []
        for w in re.split(r"[\s-]+", text):
            lw = w.lower()
            if lw in self.skipped:
                continue
            if lw in self.word_table:
                tokens.append(self.word_table[lw])
            elif self.morpheme is not None:
                parts = self.morpheme.findall(lw)
                if "".join(parts) != lw:
                    return None
                tokens.extend(self.word_table[p] for p in parts if p != self.words.morpheme_joiner)
            else:
                return None
        if self.words.combine is not None:
            tokens = self.words.combine(text.lower(), tokens)
        if not tokens:
            return None
        if tokens[0][1] == "x" and not text.lower().startswith(self.article_starts):
            return None  # desítky milionů "tens of millions", decades: counted by no number
        value, ordinal, last_scale = _words_value(tokens)
        has_scale = any(typ == "s" for _, typ in tokens)
        if value is None:
            return None
        if len(tokens) == 1 and tokens[0][1] in "shx" and not text.lower().startswith(self.article_starts) and (
                text.lower() not in self.words.lone_scales):
            return None  # "millions", "тысячи", "decades": vague plurals
        if value == 1 and not has_scale and not ordinal:
            return None  # "one", "a", "un": not a quantity on their own
        q = _Q(value, "ordinal" if ordinal else "number", start, end, bare=not has_scale,
               scale=last_scale or 1.0, precision=last_scale if tokens[-1][1] == "s" else 0.0)
        if not ordinal:
            self._suffix(q, t, end)
        return [q], q.start, q.end


_CACHE: dict[str, _Lang] = {}


def _tables(lang: str) -> _Lang:
    base = language.primary(lang or "en")
    if base not in _CACHE:
        _CACHE[base] = _Lang(base)
    return _CACHE[base]


#: Units glued to a figure that every language writes alike (5km, 3GW, 10x).
_GLUED_SYMBOLS = ("km", "kg", "cm", "mm", "m", "g", "t", "h", "min", "s", "ha", "GW", "MW", "kW", "kWh", "GWh", "TWh",
                  "GB", "MB", "TB", "x")


@functools.lru_cache(maxsize=None)
def number_word_forms(lang: str) -> frozenset[str]:
    """The single words that write numbers in ``lang`` (zwei, dos, trois, dritten), lower-case; empty where the
    language's module has no number words of its own."""
    words = number_words(language.primary(lang or "en"))
    return frozenset(w for w in words.units if w.isalpha() and w.islower()) if words is not None else frozenset()


#: Spaces that typesetting puts between figures and CJK text (WMT writes 7500 万英镑, 2 月 24 日, 1990 年).
_CJK_SPACE = "[ \u00a0\u2009\u202f]"
# (it opens on the space, the character before it looked at behind: the regex engine skips to spaces)
_CJK_SPACED = re.compile(rf"{_CJK_SPACE}(?:(?<=\d{_CJK_SPACE}){_CJK_SPACE}*(?=[\u3005\u3007\u4e00-\u9fff])"
                         rf"|(?<=[\u4e00-\u9fff]{_CJK_SPACE}){_CJK_SPACE}*(?=\d))")


_ASCII_DIGIT = ascii_twin(_ANY_DIGIT)
_FULLWIDTH_GROUPING = re.compile(r"(?<=[0-9０-９])，(?=[0-9０-９]{3}(?![0-9０-９]))")


def extract_quantities(text: str, lang: str) -> list[Quantity]:
    """All quantities in ``text`` written in language ``lang`` (ISO 639-1), in order of position."""
    if not text:
        return []
    tables = _tables(lang)
    if tables.marks is not None and tables.marks.search(text) is None and _decade_words(tables.lang) is None:
        return []  # no recogniser matches, and no decade in words is added after them
    if tables.cjk and _CJK_SPACED.search(text):
        return _unspaced(text, lang)
    return _extract(text, tables)


def _unspaced(text: str, lang: str) -> list[Quantity]:
    """Quantities of a CJK text with spaces around its figures: read with the spaces taken out, the
    offsets those of the text as given."""
    keep: list[int] = []  # original offset of each character kept
    pos = 0
    for m in _CJK_SPACED.finditer(text):
        keep.extend(range(pos, m.start()))
        pos = m.end()
    keep.extend(range(pos, len(text)))
    squeezed = "".join(text[i] for i in keep)
    out = []
    for q in _extract(squeezed, _tables(lang)):
        start, end = keep[q.start], keep[q.end - 1] + 1
        out.append(_quantity(q.value, q.kind, q.unit, start, end, text[start:end], q.date, q.precision, q.approx,
                            q.at_least))
    return out


def _extract(text: str, tables: "_Lang") -> list[Quantity]:
    t = text.translate(_FOLD) if not text.isascii() and _FOLDABLE.search(text) else text  # (all beyond ASCII)
    if "，" in t:  # a full-width comma grouping digits (１７５，０００), folded one character for one
        t = _FULLWIDTH_GROUPING.sub(",", t)
    low = t.lower()
    ascii = t.isascii()
    has_digit = (_ASCII_DIGIT if ascii else _ANY_DIGIT).search(t) is not None
    taken = bytearray(len(t))
    found: list[_Q] = []
    for matches, handler, needles, test in tables.runs[has_digit, ascii]:
        if needles is not None:
            for n in needles:
                if n in low:
                    break
            else:
                continue
        if test is not None and not test(low):
            continue
        for m in matches(t):
            if any(taken[m.start():m.end()]):
                continue
            res = handler(m, t)
            if res is None:
                continue
            qs, s, e = res
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            found.extend(qs)
    found = [q for q in found if math.isfinite(q.value)]
    _post(found, t, tables.lang, low)
    return [
        _quantity(q.value, q.kind, q.unit, q.start, q.end, text[q.start:q.end], q.date, q.precision, q.approx,
                 q.at_least)
        for q in sorted(found, key=lambda q: q.start)
    ]


__all__ = ("Quantity", "KINDS", "extract_quantities")
