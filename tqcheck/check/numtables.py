"""The words and characters of figures, as data the number reader (:mod:`tqcheck.check.numparse`) compiles:
number, scale, currency and month words per alphabetic language, and the CJK numerals with their reading."""
from __future__ import annotations

import re
from typing import Mapping


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
        if len(run) > 1 and all(c in _CJK_DIGIT for c in run):
            values.update(float(_CJK_DIGIT[c]) for c in run)  # 六四: six and four (June 4th)
        head = run.rstrip(_CU + _CB)
        scale = run[len(head):]
        if len(head) > 1 and scale and all(c in _CJK_SMALL_COUNT for c in head):
            factor = _cjk_value("一" + scale)
            if factor is not None:
                values.update(_CJK_DIGIT[c] * factor[0] for c in head)
    return frozenset(values)
