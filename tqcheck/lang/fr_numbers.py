"""French figures in words: number words (quatre-vingts is 4 x 20), scale, currency and month words, dates,
times (13 h 30) and eras (``NumberWords`` for the number reader, built on first use)."""
from __future__ import annotations

from .base import NumberWords

UNITS = dict(zip(
    "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split(), range(1, 17)))
UNITS.update({"une": 1, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
              "soixante": 60, "quatre-vingt": 80, "quatre-vingts": 80, "quatre vingt": 80})
ORDINALS = {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3, "quatrième": 4,
            "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10,
            "vingtième": 20, "centième": 100}
MONTHS = {m: i for i, m in enumerate(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), 1)} | {
    "fevrier": 2, "aout": 8, "decembre": 12}


def eighty(text: str, tokens: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """quatre-vingt(s) is 4 x 20: merge the two tokens the splitter made."""
    out: list[tuple[float, str]] = []
    for tok in tokens:
        if out and tok == (20, "u") and out[-1] == (4, "u") and "quatre" in text:
            out[-1] = (80, "u")
        else:
            out.append(tok)
    return out


def number_words() -> NumberWords:
    units: dict[str, tuple[float, str]] = {
        **{w: (v, "u") for w, v in UNITS.items()}, "cent": (100, "h"), "cents": (100, "h"), "douzaine": (12, "x"),
        "mille": (1e3, "s"), "million": (1e6, "s"), "millions": (1e6, "s"), "milliard": (1e9, "s"),
        "milliards": (1e9, "s"), "billion": (1e12, "s"), "billions": (1e12, "s"),
        **{w: (v, "o") for w, v in ORDINALS.items()},
    }
    return NumberWords(
        units=units,
        scales=(("milliards?", 1e9), ("millions?", 1e6), ("billions?", 1e12), ("mille", 1e3), ("Mds?", 1e9)),
        percent=r"%|pour\s+cent\b|pourcent\b",
        points=r"points?\s+de\s+pourcentage\b|points?\s+de\s+pourcent\b",
        currencies=((r"dollars?(?:\s+américains)?\b", "USD"), (r"euros?\b", "EUR"), (r"yens?\b", "JPY"),
                    (r"yuans?\b", "CNY"), (r"roubles?\b", "RUB"), (r"livres?\s+sterling\b", "GBP"),
                    (r"francs?\s+suisses?\b", "CHF")),
        times=r"fois\b",
        months=MONTHS,
        month_anywhere="janvier février juillet août septembre octobre novembre décembre",
        month_before=r"en|depuis|fin|début|mi-|courant|d'ici|mois\s+de|jusqu'en",
        date_context=(r"(?!)", r"(?<![\d.,])(?P<d>\d{1,2})(?:er|re)?\s+$", r"\s+{year}"),
        ordinal_suffix=r"(?:er|re|ère|e|ème|eme|ᵉ)\b",
        eras=((r"\b(?P<r>[IVXL]+|\d{1,2})(?:e|ème|eme|ᵉ)\s+siècle\b", ("siècle",)),
              (r"\bannées\s+(?P<dec>\d{2,3}0)\b", ("années",))),
        joiners=("et",), hyphens=True,
        lone_scales=frozenset({"mille", "cent"}),
        clock=((r"(?P<h>\d(?<![\d.,]\d)\d?)(?:\s?h\s?(?P<mi>\d{2})(?!\d)|h(?!\w))", ("h",)),),
        combine=eighty,
    )
