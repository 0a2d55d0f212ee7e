"""The faster pykakasi converter gives pykakasi's own words and Hepburn readings."""
import random
from pathlib import Path

import pykakasi
import pytest
from pykakasi.kanji import Itaiji

from tqcheck.check import translit
from tqcheck.check.kakasi_fast import speed_up

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _texts() -> list[str]:
    lines = [line for path in sorted(SAMPLES.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    rnd = random.Random(14)
    chars = sorted({c for line in lines for c in line} | set("々ー〆ヶゝゞヽヾ"))
    mixed = ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 30))) for _ in range(300)]
    # variant characters pykakasi maps to their usual form, and variation selectors after kanji
    variants = sorted(chr(c) for c in Itaiji()._itaijidict if isinstance(c, int))[:200] + ["\ufe00", "\U000e0100"]
    varied = ["".join(rnd.choice(chars + variants) for _ in range(rnd.randint(1, 20))) for _ in range(300)]
    edges = ["", " ", "岸田文雄首相は東京で記者団に語った。", "日本語を話す", "行って来ます", "中華人民共和国",
             "葛\U000e0100城市", "ステフォン・ディグス", "コーヒー", "ABCと123", "今日は晴れ、明日は雨。"]
    return lines + mixed + varied + edges


def _read(converter: object, text: str) -> object:
    try:
        return [(item["orig"], item["hepburn"]) for item in converter.convert(text)]  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 - pykakasi fails on some input; the faster one must fail alike
        return type(exc)


@pytest.fixture(scope="module")
def converters() -> tuple[object, object]:
    translit._kakasi()  # pykakasi's table of readings, as the checks load it
    return pykakasi.kakasi(), speed_up(pykakasi.kakasi())


def test_same_words_and_readings_as_pykakasi(converters: tuple[object, object]) -> None:
    slow, fast = converters
    texts = _texts()
    assert len(texts) > 600
    for text in texts:
        assert _read(fast, text) == _read(slow, text), text


def test_the_checks_use_the_faster_converter() -> None:
    from tqcheck.check.kakasi_fast import HepburnIConv, LongestFirstJConv

    from tqcheck.check.kakasi_fast import ClassifiedKakasi

    inner = translit._kakasi()._kakasi
    assert isinstance(inner, ClassifiedKakasi)
    assert isinstance(inner._jconv, LongestFirstJConv) and isinstance(inner._iconv, HepburnIConv)
    assert translit.japanese_reading("山本健一") == "yamamoto ken'ichi"


def test_hepburn_readings_as_pykakasi_steps() -> None:
    """The reading of any run of kana, marks and symbols is pykakasi's katakana-to-hiragana,
    hiragana-to-romaji and symbol steps' (``IConv``), character for character."""
    from pykakasi.scripts import IConv

    from tqcheck.check.kakasi_fast import HepburnIConv

    slow, fast = IConv(), HepburnIConv()
    blocks = [(0x3000, 0x3100), (0xFF01, 0xFFA0), (0x1B150, 0x1B168), (0x0391, 0x03CA), (0x0401, 0x0452),
              (0x00A1, 0x0100), (0x20, 0x7F)]
    chars = [chr(c) for a, b in blocks for c in range(a, b)] + list("ー―−ｰ")
    kana = [chr(c) for c in range(0x3041, 0x30FF)]
    rnd = random.Random(7)
    texts = ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 12))) for _ in range(3000)]
    texts += ["".join(rnd.choice(kana) for _ in range(rnd.randint(1, 40))) for _ in range(3000)]
    texts += ["", "ー", "ーあ", "きょうと", "ステフォン・ディグス", "ｶﾞｷﾞｸﾞ", "ｱﾞ", "っ", "ん", "こんにちは！"]
    for text in texts:
        assert fast._hepburn(text) == slow._s2a(slow._h2ah(slow._k2h(text))), text


def test_words_of_any_characters_as_pykakasi(converters: tuple[object, object]) -> None:
    """Runs of every kind of character pykakasi tells apart: end marks, long-vowel marks, katakana
    (half-width too), hiragana, ASCII, symbols, Greek and Cyrillic, kanji (and Hangul, which it takes for
    unknown kanji), private-use and supplementary characters, and others (Thai, Arabic)."""
    slow, fast = converters
    blocks = [(0x20, 0x7F), (0xA1, 0x100), (0x391, 0x3CA), (0x401, 0x452), (0x600, 0x610), (0xE01, 0xE10),
              (0x3000, 0x3100), (0x4E00, 0x4E40), (0x65E5, 0x65F0), (0xAC00, 0xAC08), (0xF000, 0xF004),
              (0xFF01, 0xFFA0), (0x1B150, 0x1B168), (0x1F600, 0x1F604), (0x20000, 0x20004)]
    chars = [chr(c) for a, b in blocks for c in range(a, b)] + list("ー―−ｰ)]!,.、。？０＞＜々〆ヶ東京都日本語")
    rnd = random.Random(21)
    texts = ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 25))) for _ in range(4000)]
    for text in texts:
        assert _read(fast, text) == _read(slow, text), text
