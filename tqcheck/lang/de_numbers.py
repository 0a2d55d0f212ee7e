"""German figures in words: number words (also written as one word: einundzwanzig), scale, currency and
month words, dates, times (13 Uhr) and eras (``NumberWords`` for the number reader, built on first use)."""
from __future__ import annotations

from .base import NumberWords

UNITS = dict(zip(
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn "
    "achtzehn neunzehn".split(), range(1, 20)))
UNITS.update({"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwo": 2, "sieb": 7, "sech": 6})
UNITS.update(zip("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split(), range(20, 100, 10)))
UNITS["dreissig"] = 30
ORDINALS = {f"{stem}{end}": v for stem, v in (("erste", 1), ("zweite", 2), ("dritte", 3), ("vierte", 4), ("fünfte", 5),
                                              ("sechste", 6), ("siebte", 7), ("achte", 8), ("neunte", 9),
                                              ("zehnte", 10))
            for end in ("", "n", "r", "s", "m")}
MONTHS = {**{m: i for i, m in enumerate(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(), 1)},
          "Jänner": 1, "Maerz": 3, **{m: i for i, m in enumerate(
              "Jan Feb Mär Apr Mai Jun Jul Aug Sep Okt Nov Dez".split(), 1)}, "Sept": 9}


def number_words() -> NumberWords:
    units: dict[str, tuple[float, str]] = {
        **{w: (v, "u") for w, v in UNITS.items()}, "hundert": (100, "h"), "tausend": (1e3, "s"),
        "dutzend": (12, "x"), "million": (1e6, "s"), "millionen": (1e6, "s"), "milliarde": (1e9, "s"),
        "milliarden": (1e9, "s"), "billion": (1e12, "s"), "billionen": (1e12, "s"),
        **{w: (v, "o") for w, v in ORDINALS.items()},
    }
    # the parts of a number written as one word (zweihundertfünfzigtausend), longest first
    morphemes = sorted((w for w, (v, t) in units.items() if t in "uhs" and w == w.lower()
                        and not w.startswith("milli") and not w.startswith("billi")), key=len, reverse=True)
    return NumberWords(
        units=units,
        scales=(("Billionen", 1e12), ("Billion", 1e12), ("Milliarden", 1e9), ("Milliarde", 1e9), ("Mrd\\.", 1e9),
                ("Mrd", 1e9), ("Millionen", 1e6), ("Million", 1e6), ("Mio\\.", 1e6), ("Mio", 1e6), ("Tausend", 1e3),
                ("Tsd\\.", 1e3)),
        percent=r"%|Prozent\b|v\.\s?H\.",
        points=r"Prozentpunkte?n?\b",
        currencies=((r"(?:US-)?Dollar\b", "USD"), (r"Euro\b", "EUR"), (r"Yen\b", "JPY"), (r"(?:Yuan|Renminbi)\b", "CNY"),
                    (r"Rubel\b", "RUB"), (r"Pfund(?:\s+Sterling)?\b", "GBP"), (r"Franken\b", "CHF")),
        times=r"-?mal\b|-fach\b",
        months=MONTHS,
        month_anywhere="Januar Februar September Oktober November Dezember",
        month_before=r"im|seit|bis|ab|vom|zum|Anfang|Ende|Mitte|von|nach|vor|des|letzten|diesen|nächsten",
        date_context=(r"(?!)", r"(?<![\d.,])(?P<d>\d{1,2})\.\s*$", r"\.?\s+{year}"),
        eras=((r"(?P<n>\d{1,2})\.\s*Jahrhundert\w*", ("jahrhundert",)),
              (r"(?P<dec>\d(?<![\d.,]\d)\d{1,2}0)er\b(?:[\s-]+Jahren?)?", ("0er",))),
        lone_scales=frozenset({"hundert", "tausend"}),
        months_capitalised=True,
        clock=((r"(?P<h>\d(?<![\d.,]\d)\d?)(?:[.:](?P<mi>\d{2}))?\s*Uhr\b", ("uhr",)),),
        morphemes=tuple(morphemes), morpheme_joiner="und",
    )
