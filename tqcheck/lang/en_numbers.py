"""English figures in words: number, scale, currency and month words, date and era patterns, halves,
fractions and multipliers (``NumberWords`` for the number reader, built on first use)."""
from __future__ import annotations

from .base import NumberWords

UNITS = dict(zip(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split(), range(1, 20)))
UNITS.update(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
ORDINALS = dict(zip(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), range(1, 21)))
ORDINALS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100, "thousandth": 1000,
                 "centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200})
MONTHS = {**{m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)},
          **{m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}, "Sept": 9}


def number_words() -> NumberWords:
    units: dict[str, tuple[float, str]] = {  # values kept as written: 21, not 21.0, in messages
        **{w: (v, "u") for w, v in UNITS.items()}, **{w: (v, "o") for w, v in ORDINALS.items()},
        "hundred": (100, "h"), "dozen": (12, "x"), "decade": (10, "x"), "decades": (10, "x"),
        "both": (2, "u"),  # both: the two of them (两位 "both")
        "thousand": (1e3, "s"), "million": (1e6, "s"), "billion": (1e9, "s"), "trillion": (1e12, "s"),
    }
    return NumberWords(
        units=units,
        scales=(("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("bn", 1e9), ("mn", 1e6),
                ("mln", 1e6), ("tn", 1e12)),
        percent=r"%|percent\b|per\s+cent\b|pct\b",
        points=r"percentage[\s-]+points?\b|pp\b|p\.p\.",
        currencies=((r"(?:US|U\.S\.|American)\s+dollars?\b", "USD"), (r"Hong\s+Kong\s+dollars?\b", "HKD"),
                    (r"Australian\s+dollars?\b", "AUD"), (r"Canadian\s+dollars?\b", "CAD"),
                    (r"Singapore\s+dollars?\b", "SGD"), (r"(?:New\s+)?Taiwan\s+dollars?\b", "TWD"),
                    (r"dollars?\b", "USD"), (r"euros?\b", "EUR"), (r"yen\b", "JPY"), (r"(?:yuan|renminbi)\b", "CNY"),
                    (r"r(?:o)?ubles?\b", "RUB"), (r"pounds?(?:\s+sterling)?\b", "GBP"), (r"won\b", "KRW"),
                    (r"rupees?\b", "INR"), (r"Swiss\s+francs?\b", "CHF")),
        times=r"times\b|-fold\b|fold\b",
        months=MONTHS,
        # month names that are a date wherever they stand (not May, March, or the name April)
        month_anywhere="January February July September October November December",
        month_before=r"in|since|until|till|by|from|during|of|last|next|this|early|late|through|before|after|"
                     r"between|and|to|mid-|mid|end\s+of|beginning\s+of|middle\s+of|start\s+of",
        date_context=(r"\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\d.,]\d|\d)(?:,?\s+{year})?",
                      r"(?:\bthe\s+)?(?<![\d.,])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$", r"\.?,?\s+{year}"),
        ordinal_suffix=r"(?:st|nd|rd|th)\b",
        eras=((r"(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+centur(?:y|ies)\b", ("centur",)),  # the 16th-19th centuries
              (r"\b(?P<w>[a-z]+(?:-[a-z]+)?)[\s-]+centur(?:y|ies)\b", ("centur",)),
              (r"(?P<c>\d(?<![\d'’]\d)\d)00s\b", ("00s",)), (r"(?P<dec>\d(?<![\d'’]\d)\d{2}0)s\b", ("0s",)),
              (r"['’](?P<dd>\d0)s\b", ("0s",))),
        joiners=("and",), hyphens=True,
        articles=("a", "an"),
        after_article=frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen", "decade"}),
        months_capitalised=True, month_first=True,
        half_word="half",
        half_a=r"\bhalf\s+a\s+(?P<s>dozen|hundred|thousand|million|billion|trillion)\b",
        # (not "a third-year student", "a quarter-final": an ordinal or a word made with it)
        fraction=r"\b(?:(?P<n>a|one|two|three)[\s-]+)(?P<f>half|halves|thirds?|quarters?)\b(?!-)",
        half=r"\bhalf\b",
        multiplier=r"\b(?P<n>twice|double|triple|tripled|doubled)\b",
        fractions={"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4},
        multipliers={"twice": 2, "double": 2, "doubled": 2, "triple": 3, "tripled": 3},
        decade_words={w: 10 * (k + 2) for k, w in enumerate(
            "twenties thirties forties fifties sixties seventies eighties nineties".split())},
    )
