"""Reading figures in Chinese and Japanese text (the CJK half of :mod:`tqcheck.check.numparse`)."""
from __future__ import annotations

import re

from .. import lang as language
from .numbase import _BROKEN, _date_q, _digits_value, _Q, _Reader
from .numtables import (
    _ARABIC, _CD, _CJK_CORE, _CJK_CORE_START, _CJK_CUR, _CJK_DIGIT, _CJK_MEASURE, _CJK_SMALL_COUNT, _CJK_VAGUE_BEFORE,
    _CU, _cjk_value, _CUR_PREFIX_CODES, _CUR_SIGNS, _is_cjk_ideograph, _NOT_PERCENT_CHENG, cjk_currency, currency_before
)


_ARABIC_RE = re.compile(_ARABIC)
#: Words after a figure that make it a percentage or points, the first that starts there read (one test for all first).
_PERCENT_MARKERS = (("个百分点", "percentage_point"), ("百分点", "percentage_point"), ("ポイント", "percentage_point"),
                    ("パーセント", "percent"))
_PERCENT_WORDS = tuple(marker for marker, _ in _PERCENT_MARKERS)


class _CJKReader(_Reader):
    """The reader of Chinese and Japanese figures: numerals with scale characters (40.5亿, 十二万), dates, times,
    eras, percentages and fractions written with characters."""

    # -- CJK ---------------------------------------------------------------------------------------
    def _build_cjk(self) -> None:
        core = _CJK_CORE
        self.core_re = re.compile(core)
        # every pattern below matches a digit or a numeral: a text with neither has no figure (half the
        # sentences of WMT22 zh-en)
        self.marks = re.compile(rf"[\d{_CD}{_CU}]")
        R = self.recognisers
        R.append((_BROKEN, self._h_broken, tuple("$€£¥₽₩₹")))
        # (figures, in a text with a digit: a numeric date has its separator, a dotted figure a point or a comma, and
        # a text without one, most Chinese text, writing 。 and ，, is not searched for them; no other character
        # lowers to one of these)
        date = re.compile(r"(?P<y>\d(?<![\d.-]\d)\d{3})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.])")
        dotted = re.compile(r"\d(?<![\d.,]\d)\d*(?:[.,]\d+){2,}(?!\d)")
        self.figures += [date, dotted]
        R.append((date, self._h_numeric_date, ("-", "/", ".")))
        R.append((re.compile(r"(?P<h>\d(?<![\d.,:]\d)\d?):(?P<mi>\d{2})(?::\d{2})?(?![\d:])"), self._h_time, (":",)))
        R.append((dotted, self._h_dotted, (".", ",")))
        # The Arabic-digit part of a code glued to Latin letters (G7, COVID-19, 5G) is no quantity.
        latin = re.compile(r"[a-z]")
        R.append((re.compile(r"(?:[A-Za-z]+-?\d[\d.]*[A-Za-z]*|\d[\d.]*-?[A-Za-z]{1,}(?![A-Za-z]))"), self._h_code,
                  lambda low: latin.search(low) is not None))
        R.append((re.compile(rf"(?P<c>{core})(?:世纪|世紀)(?P<d>{core})年代"), self._h_cjk_century_decade,
                  ("世纪", "世紀")))
        R.append((re.compile(rf"(?P<c>{core})(?:世纪|世紀)"), self._h_cjk_era, ("世纪", "世紀")))
        R.append((re.compile(rf"(?P<c>{core})年代"), self._h_cjk_era, ("年代",)))
        # (a look-ahead for the characters a date or a time starts with: the regex engine passes the others by)
        R.append((re.compile(
            rf"(?={_CJK_CORE_START})(?:(?P<y>{core})年)?(?P<m>{core})月(?:(?P<d>{core})(?P<dm>[日号號])?)?"),
            self._h_cjk_date, ("月",)))
        day_parts = ("上午", "下午", "晚上", "凌晨", "早上", "中午", "傍晚", "夜间", "午前", "午後", "夜")
        R.append((re.compile(
            rf"(?=[{''.join(dict.fromkeys(w[0] for w in day_parts))}]|{_CJK_CORE_START})"
            rf"(?P<ap>{'|'.join(day_parts)})?(?P<h>{core})(?P<u>[时時点點])"
            rf"(?:(?P<mi>{core})分|(?P<half>半))?(?P<zh>钟)?"), self._h_cjk_time, tuple("时時点點")))
        R.append((re.compile(rf"(?P<y>{core})年"), self._h_cjk_year, ("年",)))
        R.append((re.compile(rf"(?P<d>{core})[日号號](?![间間本元])"), self._h_cjk_day, tuple("日号號")))
        R.append((re.compile(rf"(?P<k>百分之|千分之)(?P<c>{core})"), self._h_cjk_percent_of, ("分之",)))
        R.append((re.compile(rf"(?P<a>{core})分之(?P<b>{core})"), self._h_cjk_fraction, ("分之",)))
        R.append((re.compile(rf"第(?P<c>{core})"), self._h_cjk_ordinal, ("第",)))
        R.append((re.compile(rf"(?P<c>{core})(?:番目|位(?=[，。、]))"), self._h_cjk_ordinal, ("番目", "位")))
        R.append((self.core_re, self._h_cjk_number, None))

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

    def _h_cjk_century_decade(self, m: re.Match[str], t: str) -> tuple[list[_Q], int, int] | None:
        """A decade of a century (20世纪80年代 "the 1980s"; 20世纪六七十年代 "the 1960s and 70s", read as its last
        decade, as 六七十年代 alone is): one decade, the century only saying which."""
        c, d = self._cjk_num(m["c"]), self._cjk_num(m["d"])
        if c is None or d is None or not (1 <= c[0] <= 30) or c[0] != int(c[0]) or not (0 <= d[0] < 100) or d[0] % 10:
            return None
        value = (int(c[0]) - 1) * 100 + int(d[0])
        return [_Q(value, "decade", m.start(), m.end(), bare=False)], m.start(), m.end()

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
        has_digit = any(map(str.isdigit, raw))
        if len(raw) > 1 and _CJK_SMALL_COUNT.issuperset(raw):
            # 两三年 "two or three years", 三四五六年级 "grades 3 to 6": neighbouring counts, not 23 or 3456
            if not (_CJK_MEASURE.match(t, e) or cjk_currency(t, e)):
                return None
            return [_Q(float(_CJK_DIGIT[c]), "number", s + i, s + i + 1, bare=True) for i, c in enumerate(raw)], s, e
        after = _CJK_MEASURE.match(t, e)
        if not has_digit and not (after or cjk_currency(t, e + (1 if t[e:e + 1] in "多余" else 0))):
            return None  # 一些, 千里, 万一: numerals inside words (looked at before the numeral is read)
        parsed = _cjk_value(raw)
        if parsed is None:
            return None
        value, precision, scale = parsed
        if has_digit:
            arabic = _ARABIC_RE.match(raw)
            if arabic and "," in arabic.group() and _digits_value(arabic.group(), "en") is None:
                return [], s, e
        q = _Q(value, "number", s, e, precision=precision, scale=scale, bare=scale == 1.0)
        pos = e
        if t[pos:pos + 1] in ("多", "余"):
            pos += 1
            q.at_least = True
        elif "多" in raw or "余" in raw:
            q.at_least = True
        # Prefix currency: 人民币5000元, US$5, ¥300.
        pm = currency_before(t, s)
        if pm:
            q.kind, q.bare, q.start = "currency", False, pm.start()
            q.unit = language.get(self.lang).currency_signs.get("¥") if pm["sign"] == "¥" else (
                {"RMB": "CNY", "人民币": "CNY", "港币": "HKD"}.get(pm["code"] or "", pm["code"])
                if pm["code"] else _CUR_SIGNS.get(pm["sign"] or "") or _CUR_PREFIX_CODES.get(pm["pre"] or "", "USD"))
        sign = pos
        while sign < len(t) and sign - pos < 2 and t[sign] == " ":
            sign += 1  # "23 %", as WMT's Chinese spaces it
        if t.startswith("%", sign):
            q.kind, q.bare, q.end = "percent", False, sign + 1
            return [q], q.start, q.end
        for marker, kind in _PERCENT_MARKERS if t.startswith(_PERCENT_WORDS, pos) else ():
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
        cm = cjk_currency(t, pos)
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
