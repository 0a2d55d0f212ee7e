"""Spanish figures in words: number, scale, currency and month words, dates and eras (``NumberWords`` for the
number reader, built on first use)."""
from __future__ import annotations

from .base import NumberWords

UNITS = dict(zip(
    "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete "
    "dieciocho diecinueve veinte".split(), range(1, 21)))
UNITS.update({"un": 1, "una": 1, "dieciseis": 16, "veintiuno": 21, "veintiún": 21, "veintiuna": 21,
              "veintidós": 22, "veintidos": 22, "veintitrés": 23, "veintitres": 23, "veinticuatro": 24,
              "veinticinco": 25, "veintiséis": 26, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28,
              "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
              "ochenta": 80, "noventa": 90})
for _stem, _v in (("doscient", 200), ("trescient", 300), ("cuatrocient", 400), ("quinient", 500),
                  ("seiscient", 600), ("setecient", 700), ("ochocient", 800), ("novecient", 900)):
    UNITS[_stem + "os"] = UNITS[_stem + "as"] = _v
ORDINALS = {f"{stem}{end}": v for stem, v in (("primer", 1), ("segund", 2), ("tercer", 3), ("quint", 5), ("sext", 6),
                                              ("séptim", 7), ("octav", 8), ("noven", 9), ("décim", 10))
            for end in ("o", "a")}
MONTHS = {m: i for i, m in enumerate(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(), 1)} | {
    "setiembre": 9}


def number_words() -> NumberWords:
    units: dict[str, tuple[float, str]] = {
        **{w: (v, "u") for w, v in UNITS.items()}, "cien": (100, "h"), "ciento": (100, "h"), "docena": (12, "x"),
        "mil": (1e3, "s"), "millón": (1e6, "s"), "millon": (1e6, "s"), "millones": (1e6, "s"),
        "millardo": (1e9, "s"), "millardos": (1e9, "s"), "billón": (1e12, "s"), "billones": (1e12, "s"),
        **{w: (v, "o") for w, v in ORDINALS.items()}, "primer": (1, "o"), "tercer": (3, "o"),
    }
    return NumberWords(
        units=units,
        scales=(("mil\\s+millones", 1e9), ("millardos?", 1e9), ("millones", 1e6), ("millón", 1e6), ("millon", 1e6),
                ("billones", 1e12), ("billón", 1e12), ("mil", 1e3)),
        percent=r"%|por\s+ciento\b",
        points=r"puntos?\s+porcentuales?\b",
        currencies=((r"dólares?(?:\s+estadounidenses)?\b", "USD"), (r"euros?\b", "EUR"), (r"yenes\b|yen\b", "JPY"),
                    (r"yuanes\b|yuan\b", "CNY"), (r"rublos?\b", "RUB"), (r"libras?(?:\s+esterlinas?)?\b", "GBP")),
        times=r"veces\b",
        months=MONTHS,
        month_anywhere="enero febrero septiembre octubre noviembre diciembre",
        month_before=r"en|desde|hasta|finales\s+de|principios\s+de|mediados\s+de|mes\s+de",
        date_context=(r"(?!)", r"(?<![\d.,])(?P<d>\d{1,2})\s+de\s+$", r"\s+(?:de|del)\s+{year}"),
        ordinal_suffix=r"\.?[ºª]",
        eras=((r"\bsiglo\s+(?P<r>[IVXL]+|\d{1,2})\b", ("siglo",)),
              (r"\b(?:años|década\s+de(?:\s+los)?)\s+(?P<dec>\d{2,3}0)\b", ("años", "década"))),
        joiners=("y",), hyphens=True,
        lone_scales=frozenset({"mil", "cien", "ciento"}),
    )
