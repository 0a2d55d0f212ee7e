"""The characters of figures that no one language owns, as data the number reader
(:mod:`tqcheck.check.numparse`) compiles: currency signs and codes, and the CJK numerals with their reading.
Each language's number, scale, currency and month words come from its module in :mod:`tqcheck.lang`
(``NumberWords``)."""
from __future__ import annotations

import re
from typing import Mapping


# --------------------------------------------------------------------------------------------------
# Currencies written alike in every language

_CUR_CODES = r"(?:USD|EUR|JPY|CNY|RMB|GBP|RUB|HKD|KRW|INR|CHF)\b"
_CUR_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₩": "KRW", "₹": "INR"}
_CUR_PREFIX_CODES = {"US": "USD", "U.S.": "USD", "HK": "HKD", "A": "AUD", "C": "CAD", "NZ": "NZD", "S": "SGD",
                     "NT": "TWD", "": "USD"}
_PREFIX_CODES, _PREFIX_SIGNS = ("USD", "EUR", "JPY", "CNY", "RMB", "GBP", "RUB", "HKD", "CHF", "人民币", "港币"), "€£¥₽₩₹"
_CUR_PREFIX = re.compile(
    rf"(?:(?P<code>{'|'.join(_PREFIX_CODES)})|(?P<pre>US|U\.S\.|HK|A|C|NZ|S|NT)?\$|(?P<sign>[{_PREFIX_SIGNS}]))\s?$")
#: What a currency written before a figure ends on: a code's last character, a sign (or a space after either).
_PREFIX_LAST = frozenset((*(code[-1] for code in _PREFIX_CODES), "$", *_PREFIX_SIGNS))


def currency_before(t: str, s: int) -> re.Match[str] | None:
    """The currency sign or code written right before a figure that starts at ``s`` of ``t`` (US$5, ¥300,
    人民币5000元), or None. (The six characters before are searched only where the last is one a currency ends on.)"""
    if not s or not (t[s - 1] in _PREFIX_LAST or t[s - 1].isspace()):
        return None
    pm = _CUR_PREFIX.search(t, max(0, s - 6), s)
    return pm if pm and pm.end() == s else None


def _month_names(months: Mapping[str, int]) -> list[str]:
    """The month names in the order a pattern tries them: the longest first."""
    return sorted(months, key=len, reverse=True)


def _month_alt(months: Mapping[str, int]) -> str:
    return "|".join(re.escape(n) for n in _month_names(months))


def _month_of(name: str, months: Mapping[str, int]) -> int | None:
    n = name.rstrip(".")
    if n in months:
        return months[n]
    low = n.lower()
    for k, v in months.items():
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
#: A CJK numeral (40.5亿, 十二万, 3億5000万): Arabic digits or numeral characters, then scale characters. (It opens
#: on one character class, the digits' or the numerals' told apart by a look-behind after it, so that a pattern
#: that starts with it is searched for by that class alone, not tried at every position of the text.)
_CJK_CORE_START = rf"[\d{_CD}{_CU}]"  # (what every CJK numeral starts with)
_CJK_CORE = (
    rf"{_CJK_CORE_START}(?:(?<=\d)\d*(?:,\d{{3}})*(?:\.\d+)?|(?<=[{_CD}{_CU}])[{_CD}{_CU}]*(?:点[{_CD}]+)?)"
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
#: The characters a CJK currency word starts with (its alternatives are plain words).
_CJK_CUR_FIRST = frozenset(word[0] for alt, _ in _CJK_CUR for word in alt.split("|"))


def cjk_currency(t: str, pos: int) -> re.Match[str] | None:
    """The CJK currency word at ``pos`` of ``t`` (美元, 円, 块), or None; looked for only where a character one starts
    with is."""
    return _CJK_CUR_RE.match(t, pos) if t[pos:pos + 1] in _CJK_CUR_FIRST else None
_CJK_VAGUE_BEFORE = "数幾几上成好多若"
#: Words between two month names of a range ("March to June", "janvier-mars").
_NOT_PERCENT_CHENG = ("成员", "成立", "成为", "成功", "成本", "成果", "成绩", "成交", "成熟", "成都", "成長", "成人",
                      "割合", "割引")


def _is_cjk_ideograph(c: str) -> bool:
    return bool(c) and "\u4e00" <= c <= "\u9fff"


def _cjk_value(s: str) -> tuple[float, float, float] | None:
    """Value, precision and last scale of a CJK numeral, maybe mixed with digits (40.5亿, 3億5000万, 十二万)."""
    s = s.replace("多", "").replace("余", "")
    if sum(map(str.isdigit, s)) > 60:
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
