"""Readings of Han characters from pypinyin's table give exactly what pypinyin's own functions give."""
import pytest

from tqcheck.check import translit

RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
# every 23rd character of the Han ranges, and characters with ü, ê, m̄/ń and several readings
CHARS = [chr(c) for lo, hi in RANGES for c in range(lo, hi, 23)] + list("绿女略嗯欸呣重长乐单曾解〇㐀")


def _pypinyin(char: str) -> tuple[str, tuple[str, ...]]:
    from pypinyin import Style, lazy_pinyin, pinyin

    if not translit.HAN.match(char):  # (〇 is no Han character to tqcheck)
        return "", ()
    first = lazy_pinyin(char)[0]
    readings = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return first, tuple(dict.fromkeys([first] + [r for r in readings if r.isascii()]))[:4]


@pytest.mark.parametrize("chunk", range(2))
def test_the_same_readings_as_pypinyin(chunk: int) -> None:
    chars = CHARS[chunk::2]
    assert [(translit.han_pinyin(c), translit.han_readings(c)) for c in chars] == [_pypinyin(c) for c in chars]


def test_readings_of_some_characters() -> None:
    assert translit.han_pinyin("绿") == "lv" and translit.han_pinyin("中") == "zhong"
    assert translit.han_readings("重")[:2] == ("zhong", "chong")
    assert translit.han_pinyin("a") == "" and translit.han_readings("a") == ()
