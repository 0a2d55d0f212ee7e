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

import math
import re
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence, TypeAlias, Union

from .. import lang as language
from ..lang.base import NumberWords

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
        return not any(c.isdigit() for c in self.text)


# --------------------------------------------------------------------------------------------------
# Shared pieces

# Full-width forms folded to ASCII one character for one, so offsets stay those of the input.
_FOLD = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}
_FOLD.update({ord(a): ord(b) for a, b in zip("％．＄￥～〜－：／＋", "%.$¥~~-:/+")})
_FOLD[0x2212] = ord("-")  # minus sign
_FOLDABLE = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")

_CJK_LANGS = frozenset({"zh", "ja"})
_ANY_DIGIT = re.compile(r"\d")
_BROKEN = re.compile(r"(?<![\w.,])\d[\d.,]*[$€£¥₽₩₹][\d.,$€£¥₽₩₹]*\d")
#: Languages whose grouping character is "." (decimal ","); the rest group with ",".
_COMMA_DECIMAL = frozenset({"de", "es", "fr", "ru", "it", "pt", "nl", "pl", "uk", "tr", "id"})
#: Languages that group thousands with an ordinary space (1 234,5).
_SPACE_GROUPING = frozenset({"ru", "fr", "de", "es", "uk", "pl", "it", "pt"})

_APPROX_BEFORE = re.compile(
    r"(?:\b(?:about|around|approximately|approx\.|roughly|nearly|almost|some|close\s+to|an\s+estimated|estimated|"
    r"circa|ca\.|etwa|rund|ungefähr|fast|knapp|gut|environ|près\s+de|presque|quelque|quelques|unos|unas|alrededor\s+de|"
    r"casi|aproximadamente|cerca\s+de|около|почти|примерно|порядка|приблизительно|свыше\s+около)"
    r"|[约約近逾]|大约|将近|大概|差不多|およそ|ほぼ|約)"
    r"\s*(?:(?:US|HK|A|C|NZ|S)?\$|€|£|¥|₽|USD|EUR|RMB|人民币)?\s*$",
    re.IGNORECASE,
)
_APPROX_AFTER = re.compile(r"\s*(?:左右|上下|前後|程度|ほど|or\s+so\b)")

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
Need: TypeAlias = Union[None, str, tuple[str, ...], Callable[[str], bool]]


def _digits_value(token: str, lang: str) -> tuple[float, int] | None:
    """Value and number of decimals of a digit token with separators; None if no locale writes it so
    (or if it is too long to be a float: a 400-digit run is no quantity)."""
    if len(token) > 60:
        return None
    tok = re.sub("[ \u00a0\u202f\u2009]", "", token).replace("’", "'")
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
        if not _valid_groups(groups):
            return None
        return float("".join(groups) + "." + dec), len(dec)
    sep = seps[0]
    parts = tok.split(sep)
    if len(parts) > 2:
        return (float("".join(parts)), 0) if _valid_groups(parts) else None
    head, dec = parts
    grouping_char = "." if lang in _COMMA_DECIMAL else ","
    if len(dec) == 3 and 1 <= len(head) <= 3 and head != "0" and sep == grouping_char:
        return float(head + dec), 0
    return float(head + "." + dec), len(dec)


def _valid_groups(groups: Sequence[str]) -> bool:
    if not (1 <= len(groups[0]) <= 3) or groups[0] == "0":
        return False
    if all(len(g) == 3 for g in groups[1:]):
        return True
    # Indian grouping: 1,00,000 / 12,34,56,789
    return len(groups[0]) <= 2 and all(len(g) == 2 for g in groups[1:-1]) and len(groups[-1]) == 3


# --------------------------------------------------------------------------------------------------
# Language tables for alphabetic languages

_UNIT_WORDS: dict[str, dict[str, tuple[float, str]]] = {}
# (value, type): "u" adds, "h" multiplies what came before by 100, "x" by 12, "s" is a scale word,
# "o" an ordinal word (adds, makes the whole an ordinal).


def _words(kind: str, table: Mapping[str, float]) -> dict[str, tuple[float, str]]:
    return {w: (v, kind) for w, v in table.items()}


_EN_UNITS = dict(zip(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split(), range(1, 20)))
_EN_UNITS.update(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
_EN_ORD = dict(zip(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), range(1, 21)))
_EN_ORD.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100, "thousandth": 1000,
                "centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200})
_UNIT_WORDS["en"] = {
    **_words("u", _EN_UNITS), **_words("o", _EN_ORD), "hundred": (100, "h"), "dozen": (12, "x"),
    "decade": (10, "x"), "decades": (10, "x"), "both": (2, "u"),  # both: the two of them (两位 "both")
    "thousand": (1e3, "s"), "million": (1e6, "s"), "billion": (1e9, "s"), "trillion": (1e12, "s"),
}

_DE_UNITS = dict(zip(
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn "
    "achtzehn neunzehn".split(), range(1, 20)))
_DE_UNITS.update({"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwo": 2, "sieb": 7, "sech": 6})
_DE_UNITS.update(zip("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split(), range(20, 100, 10)))
_DE_UNITS["dreissig"] = 30
_UNIT_WORDS["de"] = {
    **_words("u", _DE_UNITS), "hundert": (100, "h"), "tausend": (1e3, "s"), "dutzend": (12, "x"),
    "million": (1e6, "s"), "millionen": (1e6, "s"), "milliarde": (1e9, "s"), "milliarden": (1e9, "s"),
    "billion": (1e12, "s"), "billionen": (1e12, "s"),
    **_words("o", {f"{stem}{end}": v for stem, v in (("erste", 1), ("zweite", 2), ("dritte", 3), ("vierte", 4),
                                                      ("fünfte", 5), ("sechste", 6), ("siebte", 7), ("achte", 8),
                                                      ("neunte", 9), ("zehnte", 10))
                   for end in ("", "n", "r", "s", "m")}),
}
_DE_MORPHEMES = sorted((w for w, (v, t) in _UNIT_WORDS["de"].items() if t in "uhs" and w == w.lower()
                        and not w.startswith("milli") and not w.startswith("billi")), key=len, reverse=True)

_FR_UNITS = dict(zip(
    "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split(), range(1, 17)))
_FR_UNITS.update({"une": 1, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
                  "soixante": 60, "quatre-vingt": 80, "quatre-vingts": 80, "quatre vingt": 80})
_UNIT_WORDS["fr"] = {
    **_words("u", _FR_UNITS), "cent": (100, "h"), "cents": (100, "h"), "douzaine": (12, "x"),
    "mille": (1e3, "s"), "million": (1e6, "s"), "millions": (1e6, "s"), "milliard": (1e9, "s"),
    "milliards": (1e9, "s"), "billion": (1e12, "s"), "billions": (1e12, "s"),
    **_words("o", {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
                   "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
                   "dixième": 10, "vingtième": 20, "centième": 100}),
}

_ES_UNITS = dict(zip(
    "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete "
    "dieciocho diecinueve veinte".split(), range(1, 21)))
_ES_UNITS.update({"un": 1, "una": 1, "dieciseis": 16, "veintiuno": 21, "veintiún": 21, "veintiuna": 21,
                  "veintidós": 22, "veintidos": 22, "veintitrés": 23, "veintitres": 23, "veinticuatro": 24,
                  "veinticinco": 25, "veintiséis": 26, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28,
                  "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
                  "ochenta": 80, "noventa": 90})
for _stem, _v in (("doscient", 200), ("trescient", 300), ("cuatrocient", 400), ("quinient", 500),
                  ("seiscient", 600), ("setecient", 700), ("ochocient", 800), ("novecient", 900)):
    _ES_UNITS[_stem + "os"] = _ES_UNITS[_stem + "as"] = _v
_UNIT_WORDS["es"] = {
    **_words("u", _ES_UNITS), "cien": (100, "h"), "ciento": (100, "h"), "docena": (12, "x"),
    "mil": (1e3, "s"), "millón": (1e6, "s"), "millon": (1e6, "s"), "millones": (1e6, "s"),
    "millardo": (1e9, "s"), "millardos": (1e9, "s"), "billón": (1e12, "s"), "billones": (1e12, "s"),
    **_words("o", {f"{stem}{end}": v for stem, v in (("primer", 1), ("segund", 2), ("tercer", 3), ("quint", 5),
                                                      ("sext", 6), ("séptim", 7), ("octav", 8), ("noven", 9),
                                                      ("décim", 10)) for end in ("o", "a")}),
    "primer": (1, "o"), "tercer": (3, "o"),
}


def _ru_units() -> dict[str, tuple[float, str]]:
    out: dict[str, float] = {}
    for forms, v in (("один одна одно одного одной одному одним одном одну одни одних", 1),
                     ("два две двух двум двумя", 2), ("три трёх трех трём трем тремя", 3),
                     ("четыре четырёх четырех четырём четырем четырьмя", 4),
                     ("полтора полторы полутора", 1.5), ("сорок сорока", 40), ("девяносто девяноста", 90),
                     ("сто ста", 100), ("двести двухсот двумстам двумястами двухстах", 200),
                     ("триста трёхсот трехсот трёмстам тремстам", 300),
                     ("четыреста четырёхсот четырехсот", 400)):
        out.update({f: v for f in forms.split()})
    for base, v in (("пять", 5), ("шесть", 6), ("восемь", 8), ("девять", 9), ("десять", 10),
                    ("одиннадцать", 11), ("двенадцать", 12), ("тринадцать", 13), ("четырнадцать", 14),
                    ("пятнадцать", 15), ("шестнадцать", 16), ("семнадцать", 17), ("восемнадцать", 18),
                    ("девятнадцать", 19), ("двадцать", 20), ("тридцать", 30)):
        out[base] = out[base[:-1] + "и"] = out[base + "ю"] = v
    out.update({"семь": 7, "семи": 7, "восьми": 8})  # "семью" is also "family": left out
    for stem, gen, v in (("пятьдесят", "пятидесяти", 50), ("шестьдесят", "шестидесяти", 60),
                         ("семьдесят", "семидесяти", 70), ("восемьдесят", "восьмидесяти", 80)):
        out[stem] = out[gen] = v
    for nom, gen, v in (("пятьсот", "пятисот", 500), ("шестьсот", "шестисот", 600), ("семьсот", "семисот", 700),
                        ("восемьсот", "восьмисот", 800), ("девятьсот", "девятисот", 900)):
        out[nom] = out[gen] = v
    words: dict[str, tuple[float, str]] = {w: (v, "u") for w, v in out.items()}
    for stem, v in (("тысяч", 1e3), ("миллион", 1e6), ("миллиард", 1e9), ("триллион", 1e12)):
        ends = ("а", "и", "", "у", "ей", "ам", "ами", "ах") if v == 1e3 else ("", "а", "ов", "у", "ом", "е", "ы", "ам", "ами", "ах")
        words.update({stem + e: (v, "s") for e in ends})
    adj = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ом", "ем", "ую", "юю", "ые", "ие",
           "ых", "их", "ым", "им", "ыми", "ими")
    for stem, v in (("перв", 1), ("втор", 2), ("четвёрт", 4), ("четверт", 4), ("пят", 5), ("шест", 6),
                    ("седьм", 7), ("восьм", 8), ("девят", 9), ("десят", 10)):
        words.update({stem + e: (v, "o") for e in adj if stem + e not in words})
    words.update({w: (3, "o") for w in "третий третья третье третьего третьей третьему третьем третью третьи третьих".split()})
    return words


_UNIT_WORDS["ru"] = _ru_units()
#: Scale words that are a number on their own ("mil personas", "тысяча человек").
_EN_AFTER_ARTICLE = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen", "decade"})
_LONE_SCALES = frozenset({"mille", "mil", "тысяча", "тысячу", "hundert", "tausend", "cent", "cien", "ciento"})

#: Scale words after digits ("1.5 million", "1,5 млрд", "40 mil millones"): regex -> multiplier.
_SCALES: dict[str, list[tuple[str, float]]] = {
    "en": [("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("bn", 1e9), ("mn", 1e6),
           ("mln", 1e6), ("tn", 1e12)],
    "de": [("Billionen", 1e12), ("Billion", 1e12), ("Milliarden", 1e9), ("Milliarde", 1e9), ("Mrd\\.", 1e9),
           ("Mrd", 1e9), ("Millionen", 1e6), ("Million", 1e6), ("Mio\\.", 1e6), ("Mio", 1e6), ("Tausend", 1e3),
           ("Tsd\\.", 1e3)],
    "fr": [("milliards?", 1e9), ("millions?", 1e6), ("billions?", 1e12), ("mille", 1e3), ("Mds?", 1e9)],
    "es": [("mil\\s+millones", 1e9), ("millardos?", 1e9), ("millones", 1e6), ("millón", 1e6), ("millon", 1e6),
           ("billones", 1e12), ("billón", 1e12), ("mil", 1e3)],
    "ru": [("трлн\\.?", 1e12), ("триллион(?:ов|а|ам|ами|ах|е|у|ом)?", 1e12), ("млрд\\.?", 1e9),
           ("миллиард(?:ов|а|ам|ами|ах|е|у|ом)?", 1e9), ("млн\\.?", 1e6), ("миллион(?:ов|а|ам|ами|ах|е|у|ом)?", 1e6),
           ("тыс\\.?", 1e3), ("тысяч(?:а|и|у|ей|ам|ами|ах)?", 1e3)],
}

_PERCENT: dict[str, str] = {
    "en": r"%|percent\b|per\s+cent\b|pct\b",
    "de": r"%|Prozent\b|v\.\s?H\.",
    "fr": r"%|pour\s+cent\b|pourcent\b",
    "es": r"%|por\s+ciento\b",
    "ru": r"%|процент(?:а|ов|ам|ами|ах|у|ом)?\b",
}
_POINTS: dict[str, str] = {
    "en": r"percentage[\s-]+points?\b|pp\b|p\.p\.",
    "de": r"Prozentpunkte?n?\b",
    "fr": r"points?\s+de\s+pourcentage\b|points?\s+de\s+pourcent\b",
    "es": r"puntos?\s+porcentuales?\b",
    "ru": r"п\.\s?п\.|процентн(?:ых|ого|ые)\s+пункт(?:а|ов)?\b",
}

# Currency words after a figure (and scale word): regex -> ISO code.
_CUR_AFTER: dict[str, list[tuple[str, str]]] = {
    "en": [(r"(?:US|U\.S\.|American)\s+dollars?\b", "USD"), (r"Hong\s+Kong\s+dollars?\b", "HKD"),
           (r"Australian\s+dollars?\b", "AUD"), (r"Canadian\s+dollars?\b", "CAD"),
           (r"Singapore\s+dollars?\b", "SGD"), (r"(?:New\s+)?Taiwan\s+dollars?\b", "TWD"), (r"dollars?\b", "USD"),
           (r"euros?\b", "EUR"), (r"yen\b", "JPY"), (r"(?:yuan|renminbi)\b", "CNY"), (r"r(?:o)?ubles?\b", "RUB"),
           (r"pounds?(?:\s+sterling)?\b", "GBP"), (r"won\b", "KRW"), (r"rupees?\b", "INR"),
           (r"Swiss\s+francs?\b", "CHF")],
    "de": [(r"(?:US-)?Dollar\b", "USD"), (r"Euro\b", "EUR"), (r"Yen\b", "JPY"), (r"(?:Yuan|Renminbi)\b", "CNY"),
           (r"Rubel\b", "RUB"), (r"Pfund(?:\s+Sterling)?\b", "GBP"), (r"Franken\b", "CHF")],
    "fr": [(r"dollars?(?:\s+américains)?\b", "USD"), (r"euros?\b", "EUR"), (r"yens?\b", "JPY"),
           (r"yuans?\b", "CNY"), (r"roubles?\b", "RUB"), (r"livres?\s+sterling\b", "GBP"),
           (r"francs?\s+suisses?\b", "CHF")],
    "es": [(r"dólares?(?:\s+estadounidenses)?\b", "USD"), (r"euros?\b", "EUR"), (r"yenes\b|yen\b", "JPY"),
           (r"yuanes\b|yuan\b", "CNY"), (r"rublos?\b", "RUB"), (r"libras?(?:\s+esterlinas?)?\b", "GBP")],
    "ru": [(r"руб(?:л(?:ь|я|ей|ям|ями|ях|ю|ем)\b|\.|\b)", "RUB"), (r"доллар(?:ов|а|ы|ам|ами|ах)?\b|долл\.", "USD"),
           (r"евро\b", "EUR"), (r"иен(?:а|ы|ам|ами)?\b", "JPY"), (r"юан(?:ь|я|ей|ям|ями|ях)\b", "CNY"),
           (r"фунт(?:ов|а)?\s+стерлингов\b", "GBP")],
}
_CUR_CODES = r"(?:USD|EUR|JPY|CNY|RMB|GBP|RUB|HKD|KRW|INR|CHF)\b"
_CUR_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₩": "KRW", "₹": "INR"}
_CUR_PREFIX_CODES = {"US": "USD", "U.S.": "USD", "HK": "HKD", "A": "AUD", "C": "CAD", "NZ": "NZD", "S": "SGD",
                     "NT": "TWD", "": "USD"}
_CUR_PREFIX = re.compile(
    r"(?:(?P<code>USD|EUR|JPY|CNY|RMB|GBP|RUB|HKD|CHF|人民币|港币)|(?P<pre>US|U\.S\.|HK|A|C|NZ|S|NT)?\$|(?P<sign>[€£¥₽₩₹]))"
    r"\s?$")
_TIMES: dict[str, str] = {
    "en": r"times\b|-fold\b|fold\b", "de": r"-?mal\b|-fach\b", "fr": r"fois\b", "es": r"veces\b", "ru": r"раза?\b",
}

_MONTHS: dict[str, dict[str, int]] = {
    "en": {**{m: i for i, m in enumerate(
        "January February March April May June July August September October November December".split(), 1)},
           **{m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}, "Sept": 9},
    "de": {**{m: i for i, m in enumerate(
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(), 1)},
           "Jänner": 1, "Maerz": 3, **{m: i for i, m in enumerate(
               "Jan Feb Mär Apr Mai Jun Jul Aug Sep Okt Nov Dez".split(), 1)}, "Sept": 9},
    "fr": {m: i for i, m in enumerate(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), 1)}
    | {"fevrier": 2, "aout": 8, "decembre": 12},
    "es": {m: i for i, m in enumerate(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(), 1)}
    | {"setiembre": 9},
    "ru": {m: i for i, m in enumerate(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(), 1)}
    | {m: i for i, m in enumerate(
        "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(), 1)}
    | {m: i for i, m in enumerate(
        "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре".split(), 1)},
}
_RU_MONTH_GEN = frozenset("января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split())
# Month names that are a date wherever they stand (not "May", "March", or names such as April, Julio).
_MONTH_ALONE_ANYWHERE: dict[str, str] = {
    "en": "January February July September October November December",
    "de": "Januar Februar September Oktober November Dezember",
    "fr": "janvier février juillet août septembre octobre novembre décembre",
    "es": "enero febrero septiembre octubre noviembre diciembre",
    "ru": " ".join(w for w in _MONTHS["ru"] if not w.startswith("ма")),
}
# Words after which a month name alone is a date ("in March", "im Mai", "в апреле").
_MONTH_ALONE_BEFORE: dict[str, str] = {
    "en": r"in|since|until|till|by|from|during|of|last|next|this|early|late|through|before|after|between|and|to|"
          r"mid-|mid|end\s+of|beginning\s+of|middle\s+of|start\s+of",
    "de": r"im|seit|bis|ab|vom|zum|Anfang|Ende|Mitte|von|nach|vor|des|letzten|diesen|nächsten",
    "fr": r"en|depuis|fin|début|mi-|courant|d'ici|mois\s+de|jusqu'en",
    "es": r"en|desde|hasta|finales\s+de|principios\s+de|mediados\s+de|mes\s+de",
    "ru": r"в|во|с|до|к|по|конца|начала|середины|концу|началу|середине|конце|начале",
}


def _month_alt(lang: str) -> str:
    names = sorted(_MONTHS[lang], key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def _month_of(name: str, lang: str) -> int | None:
    table = _MONTHS[lang]
    n = name.rstrip(".")
    if n in table:
        return table[n]
    low = n.lower()
    for k, v in table.items():
        if k.lower() == low:
            return v
    return None


# --------------------------------------------------------------------------------------------------
# CJK tables

_CJK_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CJK_SMALL = {"十": 10, "百": 100, "千": 1000}
_CJK_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_CD = "〇零一二三四五六七八九两兩"
#: Numerals that, side by side, are a range or a list of counts (两三, 三四五) rather than digits of one number.
_CJK_SMALL_COUNT = frozenset("一二三四五六七八九两兩")
_CU = "十百千"
_CB = "万萬亿億兆"
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CJK_CORE = (
    rf"(?:{_ARABIC}|[{_CD}{_CU}]+(?:点[{_CD}]+)?)"
    rf"(?:[多余]?[{_CB}](?:{_ARABIC}|[{_CD}{_CU}]+)?)*"
)
#: Measure words and units: a figure in CJK numerals counts only when one of these follows it.
_CJK_MEASURE = re.compile(
    r"[多余来]?(?:[个個名位人年岁歳天月周次家座条項项种種件台辆輛架艘所只头頭场場届期批起例元吨克米倍成层層栋棟户戸部本篇张張份股支颗棵枚句节節"
    r"轮輪度国國省市县縣村区區队隊组組间間套款类類级級秒号號日回つ個社校機隻匹軒両便往票割円歩%]"
    r"|公里|公斤|千克|平方|亩|公顷|小时|分钟|か月|ヶ月|カ月|ケ月|週間|時間|キロ|メートル|トン|ドル|ユーロ|ポイント|パーセント)"
)
_CJK_CUR = [("美元|美金|米ドル|ドル", "USD"), ("日元|日圆|日圓|円", "JPY"), ("欧元|ユーロ", "EUR"), ("英镑|ポンド", "GBP"),
            ("卢布|盧布|ルーブル", "RUB"), ("港元|港币|香港ドル", "HKD"), ("韩元|ウォン", "KRW"),
            ("新加坡元|新元|シンガポールドル", "SGD"), ("澳元|豪ドル", "AUD"), ("加元|カナダドル", "CAD"),
            ("新台币|台币", "TWD"), ("卢比|ルピー", "INR"), ("瑞郎|瑞士法郎|スイスフラン", "CHF"),
            ("人民币元|人民币|人民元|块钱|块|元", "CNY")]
_CJK_CUR_RE = re.compile("|".join(f"(?P<c{i}>{alt})" for i, (alt, _) in enumerate(_CJK_CUR)))
_CJK_VAGUE_BEFORE = "数幾几上成好多若"
#: Words between two month names of a range ("March to June", "janvier-mars").
_MONTH_CONNECTORS = "-|–|—|/|to|through|and|until|till|or|bis|und|au|à|et|a|al|y|по|и|до|или"
_NOT_PERCENT_CHENG = ("成员", "成立", "成为", "成功", "成本", "成果", "成绩", "成交", "成熟", "成都", "成長", "成人",
                      "割合", "割引")


def _is_cjk_ideograph(c: str) -> bool:
    return bool(c) and "\u4e00" <= c <= "\u9fff"


def _cjk_value(s: str) -> tuple[float, float, float] | None:
    """Value, precision and last scale of a CJK numeral, maybe mixed with digits (40.5亿, 3億5000万, 十二万)."""
    s = s.replace("多", "").replace("余", "")
    if sum(c.isdigit() for c in s) > 60:
        return None  # no quantity has that many digits; float() would give inf
    if "点" in s:
        head, _, tail = s.partition("点")
        h = _cjk_value(head)
        if h is None or not tail or any(c not in _CJK_DIGIT for c in tail):
            return None
        return h[0] + float("0." + "".join(str(_CJK_DIGIT[c]) for c in tail)), 0.0, 1.0
    if len(s) > 1 and all(c in _CJK_DIGIT for c in s):  # 二〇二四: digit by digit
        return float("".join(str(_CJK_DIGIT[c]) for c in s)), 0.0, 1.0
    total = section = current = 0.0
    seen = False  # a numeral before the scale character: 0万 is 0, 万 after 亿 alone is 1 x 万
    last_big = 0.0
    decimals = 0
    precision = 0.0
    i = 0
    ends_with_big = False
    while i < len(s):
        c = s[i]
        ends_with_big = False
        if c.isdigit():
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] in ".,"):
                j += 1
            tok = s[i:j].replace(",", "")
            current = float(tok)
            seen = True
            decimals = len(tok.partition(".")[2])
            i = j
            continue
        if c in _CJK_DIGIT:
            current = _CJK_DIGIT[c]
            decimals = 0
            seen = True
        elif c in _CJK_SMALL:
            section += (current or 1) * _CJK_SMALL[c]
            current = 0
        elif c in _CJK_BIG:
            big = _CJK_BIG[c]
            chunk = section + current if seen or section else (0.0 if total else 1.0)
            if last_big and big > last_big:
                total = (total + chunk) * big
            else:
                total += chunk * big
            precision = big * 10.0 ** -decimals if current and not section else big
            section = current = 0
            seen = False
            last_big = big
            ends_with_big = True
        else:
            return None
        i += 1
    value = total + section + current
    return value, (precision if ends_with_big else 0.0), (last_big if ends_with_big else 1.0)


_CJK_NUMERAL_RUN = re.compile(f"[{_CD}{_CU}{_CB}]+")


def cjk_numeral_values(text: str) -> frozenset[float]:
    """Every value a run of CJK numerals in ``text`` may stand for, read loosely: the run and each of
    its prefixes (十四五 "the 14th Five-Year Plan" holds 14), a scale alone (万名 is 10,000), and
    neighbouring counts before a scale as a range (七八十 is 70 or 80). Evidence that a figure of the
    translation has a source, never figures to report: the extraction proper wants a measure word."""
    values: set[float] = set()
    for m in _CJK_NUMERAL_RUN.finditer(text):
        run = m.group()
        for end in range(1, len(run) + 1):
            parsed = _cjk_value(run[:end])
            if parsed is not None:
                values.add(parsed[0])
        head = run.rstrip(_CU + _CB)
        scale = run[len(head):]
        if len(head) > 1 and scale and all(c in _CJK_SMALL_COUNT for c in head):
            factor = _cjk_value("一" + scale)
            if factor is not None:
                values.update(_CJK_DIGIT[c] * factor[0] for c in head)
    return frozenset(values)


# --------------------------------------------------------------------------------------------------
# The recognisers

class _Lang:
    """Compiled patterns and handlers of one language; built once, on first use."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.cjk = lang in _CJK_LANGS
        self.recognisers: list[tuple[re.Pattern[str], Handler, Need]] = []
        base = lang if lang in _UNIT_WORDS else "en"
        self.words_lang = base
        if self.cjk:
            self._build_cjk()
        else:
            self._build_alpha(base)

    # -- alphabetic languages ------------------------------------------------------------------
    def _build_alpha(self, base: str) -> None:
        lang = self.lang
        sp = "[ \u00a0\u202f\u2009]" if lang in _SPACE_GROUPING else "[\u00a0\u202f\u2009]"
        self.digit_re = re.compile(
            rf"\d(?<![^\W\d_]\d)(?<![\d.,'’]\d)(?:\d{{0,2}}(?:{sp}\d{{3}})+(?:[.,]\d+)?(?!\d)|(?:[\d.,'’]*\d)?)")
        self.scale_re = re.compile(
            r"\s*(?:" + "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(_SCALES.get(base, []))) + r")(?![\w])"
            if _SCALES.get(base) else r"(?!)")
        self.scale_vals = [v for _, v in _SCALES.get(base, [])]
        self.points_re = re.compile(r"\s*(?:" + _POINTS.get(base, _POINTS["en"]) + ")", re.IGNORECASE)
        self.percent_re = re.compile(r"\s*(?:" + _PERCENT.get(base, "%") + ")", re.IGNORECASE)
        cur = _CUR_AFTER.get(base, []) + [(_CUR_CODES, ""), (r"[$€£₽]", "")]
        self.cur_after = re.compile(
            r"\s*(?:de\s+|d['’]\s*)?(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(cur)) + ")")
        self.cur_units = [u for _, u in cur]
        self.times_re = re.compile(r"\s*(?:" + _TIMES.get(base, _TIMES["en"]) + ")")
        ordinal_suffix = {
            "en": r"(?:st|nd|rd|th)\b", "fr": r"(?:er|re|ère|e|ème|eme|ᵉ)\b", "es": r"\.?[ºª]",
            "ru": r"-(?:й|я|е|го|му|м|х|ми|ой|ым|ом|ых|ей|ая|ое|ые|ий)\b", "de": r"(?!)",
        }.get(base) or _LAYER[base].ordinal_suffix
        self.ordinal_re = re.compile(ordinal_suffix)
        # Letters glued to a figure that still leave it a quantity (units, scale abbreviations).
        self.glued_ok = re.compile(
            r"(?:km|kg|cm|mm|m|g|t|h|min|s|ha|mph|kph|GW|MW|kW|kWh|GWh|TWh|GB|MB|TB|bn|mn|m|k|x|pc|am|pm|"
            r"м|км|кг|т|г|тыс|млн|млрд|трлн|ч)(?![^\W\d_])")
        self.word_table = _UNIT_WORDS[base]
        self.de_morpheme = re.compile("|".join(re.escape(m) for m in _DE_MORPHEMES + ["und"]))
        self.de_compound = re.compile("(?:" + "|".join(re.escape(m) for m in _DE_MORPHEMES + ["und"]) + ")+")
        self.word_join = re.compile(
            r"(?:\s*-\s*|\s+)(?:(?:and|und|et|y|и)\s+)?([^\W\d_]+)" if base in ("en", "fr", "es") else r"\s+([^\W\d_]+)",
            re.IGNORECASE)
        month = _month_alt(base)
        mflags = 0 if base in ("en", "de") else re.IGNORECASE
        self.month_anywhere = frozenset(_MONTH_ALONE_ANYWHERE[base].split())
        year = r"(?P<y>\d{4})(?!\d)"
        ctx = {  # around a month name: (day after, day before, year after)
            "en": (rf"\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]\d|\d)(?:,?\s+{year})?",
                   r"(?:\bthe\s+)?(?<![\d.,])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$", rf"\.?,?\s+{year}"),
            "de": (r"(?!)", r"(?<![\d.,])(?P<d>\d{1,2})\.\s*$", rf"\.?\s+{year}"),
            "fr": (r"(?!)", r"(?<![\d.,])(?P<d>\d{1,2})(?:er|re)?\s+$", rf"\s+{year}"),
            "es": (r"(?!)", r"(?<![\d.,])(?P<d>\d{1,2})\s+de\s+$", rf"\s+(?:de|del)\s+{year}"),
            "ru": (r"(?!)", r"(?<![\d.,])(?P<d>\d{1,2})(?:-?го)?\s+$", rf"\s+{year}(?:\s*(?:года|году|г\.))?"),
        }.get(base) or tuple(c.replace("{year}", year) for c in _LAYER[base].date_context)
        self.day_after, self.day_before, self.year_after = (re.compile(c, re.IGNORECASE) for c in ctx)
        self.month_prep = re.compile(
            rf"\b(?:{_MONTH_ALONE_BEFORE[base]})\s*(?:(?:early|late|mid)[\s-]*)?$", re.IGNORECASE)
        self.not_digit_after = re.compile(r"\.?\s*\d")
        # "January-May", "from March to May": a month right after another month and a connector.
        self.after_month = re.compile(
            rf"\b(?:{month})\.?\s*(?:{_MONTH_CONNECTORS})\s*$", mflags)
        self.before_month = re.compile(rf"\.?\s*(?:{_MONTH_CONNECTORS})\s*(?:{month})\b", mflags)
        R = self.recognisers
        signs = tuple("$€£¥₽₩₹")
        # A figure broken by a currency sign inside it ("40$500 million") is TQ201's business: claimed, not read.
        R.append((_BROKEN, self._h_broken, signs))
        # Dates and times first: they claim figures before the plain number reader sees them. Patterns
        # start with \d and look behind it, which lets the regex engine skip to digits quickly.
        R.append((re.compile(r"(?P<y>\d(?<![\d-]\d)\d{3})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])"),
                  self._h_numeric_date, ("-",)))
        R.append((re.compile(r"(?P<d>\d(?<![\d.]\d)\d?)\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)"),
                  self._h_numeric_date, (".",)))
        R.append((re.compile(r"(?P<a>\d(?<![\d/]\d)\d?)/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
                  self._h_slash_date, ("/",)))
        R.append((re.compile(r"(?P<h>\d(?<![\d.,:]\d)\d?)(?:[:.](?P<mi>\d{2}))?\s?(?P<ap>[ap]\.\s?m\.|[ap]m\b|[AP]M\b)"),
                  self._h_time, ("am", "pm", "a.", "p.")))
        R.append((re.compile(r"(?P<h>\d(?<![\d.,:]\d)\d?):(?P<mi>\d{2})(?::\d{2})?(?![\d:])"), self._h_time, (":",)))
        if base == "de":
            R.append((re.compile(r"(?P<h>\d(?<![\d.,]\d)\d?)(?:[.:](?P<mi>\d{2}))?\s*Uhr\b"), self._h_time, ("uhr",)))
        if base == "fr":
            R.append((re.compile(r"(?P<h>\d(?<![\d.,]\d)\d?)(?:\s?h\s?(?P<mi>\d{2})(?!\d)|h(?!\w))"), self._h_time, ("h",)))
        R.append((re.compile(rf"\b(?P<m>{month})\b", mflags), self._h_month,
                  tuple(n.lower() for n in _MONTHS[base])))
        # Centuries and decades.
        era_table: dict[str, list[tuple[str, tuple[str, ...]]]] = {
            "en": [(r"(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b", ("century",)),
                   (r"\b(?P<w>[a-z]+(?:-[a-z]+)?)[\s-]+century\b", ("century",)),
                   (r"(?P<c>\d(?<![\d'’]\d)\d)00s\b", ("00s",)), (r"(?P<dec>\d(?<![\d'’]\d)\d{2}0)s\b", ("0s",)),
                   (r"['’](?P<dd>\d0)s\b", ("0s",))],
            "de": [(r"(?P<n>\d{1,2})\.\s*Jahrhundert\w*", ("jahrhundert",)),
                   (r"(?P<dec>\d(?<![\d.,]\d)\d{1,2}0)er\b(?:[\s-]+Jahren?)?", ("0er",))],
            "fr": [(r"\b(?P<r>[IVXL]+|\d{1,2})(?:e|ème|eme|ᵉ)\s+siècle\b", ("siècle",)),
                   (r"\bannées\s+(?P<dec>\d{2,3}0)\b", ("années",))],
            "es": [(r"\bsiglo\s+(?P<r>[IVXL]+|\d{1,2})\b", ("siglo",)),
                   (r"\b(?:años|década\s+de(?:\s+los)?)\s+(?P<dec>\d{2,3}0)\b", ("años", "década"))],
            "ru": [(r"\b(?P<r>[IVXL]+|\d{1,2})(?:-?(?:м|го|й))?\s+век(?:а|е|ов|ах)?\b", ("век",)),
                   (r"(?P<dec>\d(?<![\d.,]\d)\d{1,2}0)-?(?:е|х)\s+год", ("год",))],
        }
        for pattern, needles in era_table.get(base) or _LAYER[base].eras:
            R.append((re.compile(pattern), self._h_era, needles))
        if base == "en":
            R.append((re.compile(r"\bhalf\s+a\s+(?P<s>dozen|hundred|thousand|million|billion|trillion)\b", re.I),
                      self._h_half_a, ("half",)))
            # (not "a third-year student", "a quarter-final": an ordinal or a word made with it)
            R.append((re.compile(r"\b(?:(?P<n>a|one|two|three)[\s-]+)(?P<f>half|halves|thirds?|quarters?)\b(?!-)", re.I),
                      self._h_fraction, ("half", "halves", "third", "quarter")))
            R.append((re.compile(r"\bhalf\b", re.I), self._h_half, ("half",)))
            R.append((re.compile(r"\b(?P<n>twice|double|triple|tripled|doubled)\b", re.I), self._h_twice,
                      ("twice", "double", "triple")))
        R.append((self.digit_re, self._h_digits, "digit"))
        keys = frozenset(self.word_table)
        split = re.compile(r"[^\w]+")
        words_need: Need = None if base == "de" else (lambda low: not keys.isdisjoint(split.split(low)))
        R.append((re.compile(r"[^\W\d_]+"), self._h_words, words_need))

    def _h_month(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        """A month name and what stands around it: a day, a year, a preposition ("in March")."""
        mo = _month_of(m["m"], self.words_lang)
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
        genitive = self.words_lang != "ru" or m["m"].lower() in _RU_MONTH_GEN
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
        return w in self.word_table or (self.words_lang == "de" and self.de_compound.fullmatch(w) is not None
                                        and w != "und")

    # -- CJK ---------------------------------------------------------------------------------------
    def _build_cjk(self) -> None:
        core = _CJK_CORE
        self.core_re = re.compile(core)
        R = self.recognisers
        R.append((_BROKEN, self._h_broken, tuple("$€£¥₽₩₹")))
        R.append((re.compile(r"(?P<y>\d(?<![\d.-]\d)\d{3})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.])"),
                  self._h_numeric_date, "digit"))
        R.append((re.compile(r"(?P<h>\d(?<![\d.,:]\d)\d?):(?P<mi>\d{2})(?::\d{2})?(?![\d:])"), self._h_time, (":",)))
        R.append((re.compile(r"\d(?<![\d.,]\d)\d*(?:[.,]\d+){2,}(?!\d)"), self._h_dotted, "digit"))
        # The Arabic-digit part of a code glued to Latin letters (G7, COVID-19, 5G) is no quantity.
        latin = re.compile(r"[a-z]")
        R.append((re.compile(r"(?:[A-Za-z]+-?\d[\d.]*[A-Za-z]*|\d[\d.]*-?[A-Za-z]{1,}(?![A-Za-z]))"), self._h_code,
                  lambda low: latin.search(low) is not None))
        R.append((re.compile(rf"(?P<c>{core})(?:世纪|世紀)"), self._h_cjk_era, ("世纪", "世紀")))
        R.append((re.compile(rf"(?P<c>{core})年代"), self._h_cjk_era, ("年代",)))
        R.append((re.compile(
            rf"(?:(?P<y>{core})年)?(?P<m>{core})月(?:(?P<d>{core})(?P<dm>[日号號])?)?"), self._h_cjk_date, ("月",)))
        R.append((re.compile(
            rf"(?P<ap>上午|下午|晚上|凌晨|早上|中午|傍晚|夜间|午前|午後|夜)?(?P<h>{core})(?P<u>[时時点點])"
            rf"(?:(?P<mi>{core})分|(?P<half>半))?(?P<zh>钟)?"), self._h_cjk_time, tuple("时時点點")))
        R.append((re.compile(rf"(?P<y>{core})年"), self._h_cjk_year, ("年",)))
        R.append((re.compile(rf"(?P<d>{core})[日号號](?![间間本元])"), self._h_cjk_day, tuple("日号號")))
        R.append((re.compile(rf"(?P<k>百分之|千分之)(?P<c>{core})"), self._h_cjk_percent_of, ("分之",)))
        R.append((re.compile(rf"(?P<a>{core})分之(?P<b>{core})"), self._h_cjk_fraction, ("分之",)))
        R.append((re.compile(rf"第(?P<c>{core})"), self._h_cjk_ordinal, ("第",)))
        R.append((re.compile(rf"(?P<c>{core})(?:番目|位(?=[，。、]))"), self._h_cjk_ordinal, ("番目", "位")))
        R.append((self.core_re, self._h_cjk_number, None))

    # -- handlers: alphabetic ----------------------------------------------------------------------
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
        if a > 12 or (self.lang != "en" and b <= 12):
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
        n = {"a": 1, "one": 1, "two": 2, "three": 3}[m["n"].lower()]
        f = m["f"].lower()
        den = 2 if f.startswith("hal") else 3 if f.startswith("third") else 4
        if n >= den:
            return None
        return [_Q(n / den, "fraction", m.start(), m.end(), bare=False)], m.start(), m.end()

    def _h_half(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        return [_Q(0.5, "fraction", m.start(), m.end(), bare=False)], m.start(), m.end()

    def _h_twice(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        v = 3 if m["n"].lower().startswith("trip") else 2
        return [_Q(v, "multiplier", m.start(), m.end(), bare=False)], m.start(), m.end()

    def _h_digits(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        s, e = m.span()
        tok = m.group()
        if s >= 2 and t[s - 1] in "-‐" and t[s - 2].isalpha():
            if not re.search(r"(?:\b(?:mid|pre|post|early|late|end|Mitte|Ende|Anfang|mi|fin|début))$", t[max(0, s - 7):s - 1],
                             re.IGNORECASE):
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
        pm = _CUR_PREFIX.search(t, max(0, s - 6), s)
        if pm and pm.end() == s:
            q.kind, q.bare, q.start = "currency", False, pm.start()
            if pm["code"]:
                q.unit = {"RMB": "CNY", "人民币": "CNY", "港币": "HKD"}.get(pm["code"], pm["code"])
            elif pm["sign"]:
                q.unit = _CUR_SIGNS.get(pm["sign"]) if pm["sign"] != "¥" else None
            else:
                q.unit = _CUR_PREFIX_CODES.get(pm["pre"] or "", "USD")
        if pos < len(t) and t[pos].isalpha():
            gm = self.glued_ok.match(t, pos)
            if not gm:
                return None  # 5G, 3D, 737MAX: a code
            glued = gm.group()
            if glued in ("bn", "mn", "m", "k", "млн", "млрд", "тыс", "трлн") and (q.kind == "currency" or glued not in ("m", "k")):
                mult = {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "млн": 1e6, "млрд": 1e9, "тыс": 1e3, "трлн": 1e12}[glued]
                q.value, q.scale, q.precision, q.bare = value * mult, mult, mult * 10.0 ** -decimals, False
                pos = gm.end()
            elif glued in ("am", "pm"):
                return None  # a time the time reader rejected
            elif glued == "pc":
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
        if first in ("a", "an") and self.words_lang == "en":
            nm = self.word_join.match(t, end)
            if not nm or nm.group(1).lower() not in _EN_AFTER_ARTICLE:
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
            if lw in ("and", "und", "et", "y", "и", "a", "an", ""):
                continue
            if lw in self.word_table:
                tokens.append(self.word_table[lw])
            elif self.words_lang == "de":
                parts = self.de_morpheme.findall(lw)
                if "".join(parts) != lw:
                    return None
                tokens.extend(self.word_table[p] for p in parts if p != "und")
            elif self.words_lang == "fr" and lw in ("quatre", "vingt", "vingts"):
                tokens.append(self.word_table[lw])
            else:
                return None
        if self.words_lang == "fr":
            tokens = _fr_eighty(text.lower(), tokens)
        if not tokens:
            return None
        if tokens[0][1] == "x" and not text.lower().startswith(("a ", "an ")):
            return None  # desítky milionů "tens of millions", decades: counted by no number
        value, ordinal, last_scale = _words_value(tokens)
        has_scale = any(typ == "s" for _, typ in tokens)
        if value is None:
            return None
        if len(tokens) == 1 and tokens[0][1] in "shx" and not text.lower().startswith(("a ", "an ")) and (
                text.lower() not in _LONE_SCALES):
            return None  # "millions", "тысячи", "decades": vague plurals
        if value == 1 and not has_scale and not ordinal:
            return None  # "one", "a", "un": not a quantity on their own
        q = _Q(value, "ordinal" if ordinal else "number", start, end, bare=not has_scale,
               scale=last_scale or 1.0, precision=last_scale if tokens[-1][1] == "s" else 0.0)
        if not ordinal:
            self._suffix(q, t, end)
        return [q], q.start, q.end

    # -- handlers: CJK -----------------------------------------------------------------------------
    def _h_code(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        tok = m.group()
        if re.fullmatch(r"\d[\d.,]*(?:km|kg|m|cm|mm|g|t|h|GW|MW|kW|kWh|GB|MB|TB|ha|bn|am|pm|st|nd|rd|th|x)", tok):
            return None
        return [], m.start(), m.end()

    def _cjk_num(self, s: str) -> tuple[float, float, float] | None:
        return _cjk_value(s)

    def _h_cjk_era(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        v = self._cjk_num(m["c"])
        if v is None:
            return None
        kind = "decade" if m.group().endswith("年代") else "century"
        return [_Q(v[0], kind, m.start(), m.end(), bare=False)], m.start(), m.end()

    def _h_cjk_date(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        mv = self._cjk_num(m["m"])
        if mv is None or not (1 <= mv[0] <= 12) or mv[0] != int(mv[0]):
            return None
        if m.start("m") > 0 and t[m.start("m") - 1] in _CJK_VAGUE_BEFORE + "个個":
            return None
        y = None
        if m["y"]:
            yv = self._cjk_num(m["y"])
            if yv is not None and 1000 <= yv[0] <= 2199:
                y = int(yv[0])
        start = m.start() if y is not None else m.start("m")
        d = None
        end = m.end("m") + 1
        if m["d"]:
            dv = self._cjk_num(m["d"])
            follow = t[m.end():m.end() + 1]
            ok = dv is not None and 1 <= dv[0] <= 31 and dv[0] == int(dv[0])
            if ok and (m["dm"] or (follow == "" or follow in "和与及至到、~-—,，或")):
                d, end = int(dv[0]), m.end()  # type: ignore[index]
        return [_date_q(start, end, y, int(mv[0]), d)], start, end

    def _h_cjk_time(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        hv = self._cjk_num(m["h"])
        if hv is None or hv[0] > 24 or hv[0] != int(hv[0]):
            return None
        if m["u"] in "点點" and not (m["ap"] or m["mi"] or m["half"] or m["zh"]):
            return None
        if m["u"] in "时時" and t[m.end("u"):m.end("u") + 1] in ("间", "間", "代", "期", "候"):
            return None
        if m["u"] in "时時" and not (m["ap"] or m["mi"] or m["half"]) and not m["h"][:1].isdigit():
            return None  # 一时 "for a moment": an hour in numerals is written 3时, or 下午三时
        h = hv[0]
        mi = 0.0
        if m["mi"]:
            mv = self._cjk_num(m["mi"])
            if mv is None or mv[0] > 59:
                return None
            mi = mv[0]
        elif m["half"]:
            mi = 30
        if m["ap"] in ("下午", "晚上", "傍晚", "午後", "夜", "夜间") and h < 12:
            h += 12
        return [_Q(h + mi / 60, "time", m.start(), m.end(), bare=False)], m.start(), m.end()

    def _h_cjk_year(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        yv = self._cjk_num(m["y"])
        if yv is None or self._vague(m.start(), t):
            return None
        if 1000 <= yv[0] <= 2199 and yv[0] == int(yv[0]) and (m["y"].isdigit() or len(m["y"]) == 4):
            return [_Q(yv[0], "year", m.start(), m.end(), bare=False)], m.start(), m.end()
        return self._h_cjk_number(self.core_re.match(t, m.start()), t)  # type: ignore[arg-type]

    def _h_cjk_day(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        dv = self._cjk_num(m["d"])
        if dv is None or not (1 <= dv[0] <= 31) or dv[0] != int(dv[0]) or self._vague(m.start(), t):
            return None
        if m["d"] in ("两", "兩"):
            return None  # 两日 "two days": a day of the month is never 两
        return [_date_q(m.start(), m.end(), None, None, int(dv[0]))], m.start(), m.end()

    def _h_cjk_percent_of(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        v = self._cjk_num(m["c"])
        if v is None:
            return None
        value = v[0] if m["k"] == "百分之" else v[0] / 10
        end = m.end()
        kind = "percent"
        if t.startswith("个百分点", end) or t.startswith("百分点", end):
            kind = "percentage_point"
        return [_Q(value, kind, m.start(), end, bare=False)], m.start(), end

    def _h_cjk_fraction(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        a, b = self._cjk_num(m["a"]), self._cjk_num(m["b"])
        if a is None or b is None or not a[0] or b[0] >= a[0]:
            return None
        return [_Q(b[0] / a[0], "fraction", m.start(), m.end(), bare=False)], m.start(), m.end()

    def _h_cjk_ordinal(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        v = self._cjk_num(m["c"])
        if v is None:
            return None
        return [_Q(v[0], "ordinal", m.start(), m.end(), bare=False)], m.start(), m.end()

    def _vague(self, start: int, t: str) -> bool:
        """数十万 "several hundred thousand", 上千 "over a thousand"; but 販売数70万: 数 ending a word
        (販売数 "sales") before a figure in digits counts it."""
        if start == 0 or t[start - 1] not in _CJK_VAGUE_BEFORE:
            return False
        return not (t[start - 1] == "数" and t[start].isdigit() and start >= 2 and _is_cjk_ideograph(t[start - 2]))

    def _h_cjk_number(self, m: re.Match[str] | None, t: str) -> tuple[list[_Q], int, int] | None:
        if m is None:
            return None
        s, e = m.span()
        raw = m.group()
        if self._vague(s, t):
            return None
        has_digit = any(c.isdigit() for c in raw)
        if len(raw) > 1 and all(c in _CJK_SMALL_COUNT for c in raw):
            # 两三年 "two or three years", 三四五六年级 "grades 3 to 6": neighbouring counts, not 23 or 3456
            if not (_CJK_MEASURE.match(t, e) or _CJK_CUR_RE.match(t, e)):
                return None
            return [_Q(float(_CJK_DIGIT[c]), "number", s + i, s + i + 1, bare=True) for i, c in enumerate(raw)], s, e
        parsed = _cjk_value(raw)
        if parsed is None:
            return None
        value, precision, scale = parsed
        if has_digit:
            arabic = re.match(_ARABIC, raw)
            if arabic and "," in arabic.group() and _digits_value(arabic.group(), "en") is None:
                return [], s, e
        after = _CJK_MEASURE.match(t, e)
        cur = _CJK_CUR_RE.match(t, e + (1 if t[e:e + 1] in "多余" else 0))
        if not has_digit and not (after or cur):
            return None  # 一些, 千里, 万一: numerals inside words
        q = _Q(value, "number", s, e, precision=precision, scale=scale, bare=scale == 1.0)
        pos = e
        if t[pos:pos + 1] in ("多", "余"):
            pos += 1
            q.at_least = True
        elif "多" in raw or "余" in raw:
            q.at_least = True
        # Prefix currency: 人民币5000元, US$5, ¥300.
        pm = _CUR_PREFIX.search(t, max(0, s - 6), s)
        if pm and pm.end() == s:
            q.kind, q.bare, q.start = "currency", False, pm.start()
            q.unit = ("CNY" if self.lang == "zh" else "JPY") if pm["sign"] == "¥" else (
                {"RMB": "CNY", "人民币": "CNY", "港币": "HKD"}.get(pm["code"] or "", pm["code"])
                if pm["code"] else _CUR_SIGNS.get(pm["sign"] or "") or _CUR_PREFIX_CODES.get(pm["pre"] or "", "USD"))
        sign = pos
        while sign < len(t) and sign - pos < 2 and t[sign] == " ":
            sign += 1  # "23 %", as WMT's Chinese spaces it
        if t.startswith("%", sign):
            q.kind, q.bare, q.end = "percent", False, sign + 1
            return [q], q.start, q.end
        for marker, kind in (("个百分点", "percentage_point"), ("百分点", "percentage_point"),
                             ("ポイント", "percentage_point"), ("パーセント", "percent")):
            if t.startswith(marker, pos):
                q.kind, q.bare, q.end = kind, False, pos + len(marker)
                return [q], q.start, q.end
        nxt = t[pos:pos + 1]
        if (nxt in ("成", "割") and value <= 10 and value == int(value)
                and (has_digit or t[pos + 1:pos + 2] in ("以", "左", "多", "的", "，", "。", "、", "近", "")
                     or t[pos + 1:pos + 2].isspace())
                and not t.startswith(_NOT_PERCENT_CHENG, pos)):
            q.kind, q.value, q.bare, q.end = "percent", value * 10, False, pos + 1
            return [q], q.start, q.end
        if nxt == "倍":
            q.kind, q.bare, q.end = "multiplier", False, pos + 1
            return [q], q.start, q.end
        cm = _CJK_CUR_RE.match(t, pos)
        if cm and cm.group() == "块" and _is_cjk_ideograph(t[cm.end():cm.end() + 1]) and t[cm.end()] not in _CD + "钱":
            cm = None  # 一块大木板 "a big plank", 一块巧克力: the measure word, not 块 "yuan"
        if cm:
            idx = next(i for i, g in enumerate(cm.groups()) if g is not None)
            if q.kind != "currency" or q.unit is None:
                q.unit = _CJK_CUR[idx][1]
            q.kind, q.bare, q.end = "currency", False, cm.end()
            return [q], q.start, q.end
        if q.kind == "currency":
            q.end = e
            return [q], q.start, q.end
        if (q.bare and has_digit and value == int(value) and 1000 <= value <= 2199 and raw.isdigit()
                and not after):
            q.kind = "year"
        return [q], s, e


def _currency_code(sym: str, lang: str) -> str | None:
    sym = sym.strip()
    if sym in _CUR_SIGNS:
        return _CUR_SIGNS[sym]
    return {"RMB": "CNY"}.get(sym, sym if re.fullmatch(r"[A-Z]{3}", sym) else None)


def _date_q(start: int, end: int, y: int | None, m: int | None, d: int | None) -> _Q:
    value = d if d is not None else m if m is not None else y
    return _Q(float(value or 0), "date", start, end, date=(y, m, d), bare=False)


def _fr_eighty(text: str, tokens: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """quatre-vingt(s) is 4 x 20: merge the two tokens the splitter made."""
    out: list[tuple[float, str]] = []
    for tok in tokens:
        if out and tok == (20, "u") and out[-1] == (4, "u") and "quatre" in text:
            out[-1] = (80, "u")
        else:
            out.append(tok)
    return out


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

_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|~|to|and|or|bis|und|à|a|et|y|до|и|или|至|到|から|〜|和|及|、)\s*",
                         re.IGNORECASE)
_DAY_FOLLOW = re.compile(
    r"(?:st|nd|rd|th|er|e|-го|-е|日|号)?(?=\s*(?:$|[^\w\s]|\d{4}|(?:in|of|at|and|this|last|next|respectively|de|del|года)\b))")


#: Decades written as a bare tens figure: 50代 (in one's fifties), les années 70, los años 80, die 70er, the 80s,
#: 90-х.
_DECADE_AFTER = re.compile(r"\s?代|er(?:n|jahren?|-jahren?)?\b|s\b|’s\b|'s\b|-х\b|-x\b")
_DECADE_BEFORE = re.compile(r"(?:années|annees|años|anni|decennio|década)\s+(?:\d0\s+(?:et|y|e)\s+)?$", re.I)
_DECADE_WORDS = {w: 10 * (k + 2) for k, w in enumerate(
    "twenties thirties forties fifties sixties seventies eighties nineties".split())}
_DECADE_WORD = re.compile(r"\b(" + "|".join(_DECADE_WORDS) + r")\b", re.I)


def _decades(qs: list[_Q], t: str, lang: str) -> None:
    for q in qs:
        if q.kind in ("number", "ordinal") and q.value in (10, 20, 30, 40, 50, 60, 70, 80, 90) and (
                q.bare or q.kind == "ordinal") and (_DECADE_AFTER.match(t, q.end) or t[q.end - 2:q.end] in ("-х", "-x") or
                                                  _DECADE_BEFORE.search(t, max(0, q.start - 24), q.start)):
            q.kind, q.bare = "decade", False
    if lang == "en" and "ties" in t.lower():
        for m in _DECADE_WORD.finditer(t):
            if not any(q.start <= m.start() < q.end for q in qs):
                qs.append(_Q(float(_DECADE_WORDS[m.group().lower()]), "decade", m.start(), m.end(), bare=False))


def _post(qs: list[_Q], t: str, lang: str) -> None:
    _decades(qs, t, lang)
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
        if len(between) > 12 or not _RANGE_JOINS.get(lang, _RANGE_JOIN).fullmatch(between):
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
              and 1 <= b.value <= 31 and _DAY_FOLLOW.match(t, b.end) is not None):
            b.kind, b.date, b.bare = "date", (a.date[0], a.date[1], int(b.value)), False
    for q in qs:
        if _APPROX_BEFORE.search(t, max(0, q.start - 24), q.start) or _APPROX_AFTER.match(t, q.end):
            q.approx = True


_CACHE: dict[str, _Lang] = {}


#: Number data of the languages whose tables come from the language layer (tqcheck.lang), by code, and
#: what joins the ends of a range in each of them that has range words of its own.
_LAYER: dict[str, NumberWords] = {}
_RANGE_JOINS: dict[str, re.Pattern[str]] = {}


def _from_language_layer(base: str) -> None:
    """Add the number words, scale words, months and formats a language module declares (Czech,
    Ukrainian) to the tables above, once."""
    global _COMMA_DECIMAL, _SPACE_GROUPING
    if base in _UNIT_WORDS or base in _CJK_LANGS:
        return
    make = language.get(base).number_words
    if make is None:
        return
    data = _LAYER[base] = make()
    _UNIT_WORDS[base] = dict(data.units)
    _SCALES[base] = list(data.scales)
    _PERCENT[base], _POINTS[base], _TIMES[base] = data.percent, data.points, data.times
    _CUR_AFTER[base] = list(data.currencies)
    _MONTHS[base] = dict(data.months)
    _MONTH_ALONE_ANYWHERE[base], _MONTH_ALONE_BEFORE[base] = data.month_anywhere, data.month_before
    if data.decimal_comma:
        _COMMA_DECIMAL = _COMMA_DECIMAL | {base}
    if data.group_spaces:
        _SPACE_GROUPING = _SPACE_GROUPING | {base}
    if data.range_words:  # z 10 na 20 %, 2 až 5 procent: the language's words between the ends of a range
        _RANGE_JOINS[base] = re.compile(
            _RANGE_JOIN.pattern.replace("|до|", "|до|" + "|".join(data.range_words) + "|"), re.IGNORECASE)


def _tables(lang: str) -> _Lang:
    base = (lang or "en").lower().replace("_", "-").split("-")[0]
    if base not in _CACHE:
        _from_language_layer(base)
        _CACHE[base] = _Lang(base)
    return _CACHE[base]


#: Spaces that typesetting puts between figures and CJK text (WMT writes 7500 万英镑, 2 月 24 日, 1990 年).
_CJK_SPACED = re.compile(r"(?<=\d)[ \u00a0\u2009\u202f]+(?=[\u3005\u3007\u4e00-\u9fff])"
                         r"|(?<=[\u4e00-\u9fff])[ \u00a0\u2009\u202f]+(?=\d)")


_FULLWIDTH_GROUPING = re.compile(r"(?<=[0-9０-９])，(?=[0-9０-９]{3}(?![0-9０-９]))")


def extract_quantities(text: str, lang: str) -> list[Quantity]:
    """All quantities in ``text`` written in language ``lang`` (ISO 639-1), in order of position."""
    if not text:
        return []
    tables = _tables(lang)
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
        out.append(Quantity(q.value, q.kind, q.unit, start, end, text[start:end], q.date, q.precision, q.approx,
                            q.at_least))
    return out


def _extract(text: str, tables: "_Lang") -> list[Quantity]:
    t = text.translate(_FOLD) if _FOLDABLE.search(text) else text
    if "，" in t:  # a full-width comma grouping digits (１７５，０００), folded one character for one
        t = _FULLWIDTH_GROUPING.sub(",", t)
    low = t.lower()
    has_digit = _ANY_DIGIT.search(t) is not None
    taken = bytearray(len(t))
    found: list[_Q] = []
    for pattern, handler, need in tables.recognisers:
        if need is not None:
            if need == "digit":
                if not has_digit:
                    continue
            elif callable(need):
                if not need(low):
                    continue
            else:
                for n in need:
                    if n in low:
                        break
                else:
                    continue
        for m in pattern.finditer(t):
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
    _post(found, t, tables.lang)
    return [
        Quantity(q.value, q.kind, q.unit, q.start, q.end, text[q.start:q.end], q.date, q.precision, q.approx,
                 q.at_least)
        for q in sorted(found, key=lambda q: q.start)
    ]


__all__ = ("Quantity", "KINDS", "extract_quantities")
