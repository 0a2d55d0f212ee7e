"""Word boundaries read from the runs jieba segments on their own are the whole text's."""
from pathlib import Path

import pytest

from tqcheck import lang
from tqcheck.lang import base, zh

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _whole_text(language: base.Language, text: str, start: int, end: int, prefix_ok: bool) -> bool:
    starts, ends = language.bounds(text)
    if start not in starts:
        return False
    if end in ends:
        return True
    return prefix_ok and not any(start < s < end for s in starts) and base._HAN.fullmatch(text[start:end]) is not None


def test_the_runs_are_jieba_s() -> None:
    import jieba

    assert (zh.JIEBA_RUNS.pattern, zh.JIEBA_RUNS.flags) == (jieba.re_han_default.pattern, jieba.re_han_default.flags)


@pytest.mark.parametrize("name", ["kuril.zh.txt", "harbour.zh.txt"])
def test_every_short_span_is_judged_as_on_the_whole_text(name: str) -> None:
    chinese = lang.get("zh")
    lines = [line for line in (SAMPLES / name).read_text("utf-8").splitlines() if line.strip()]
    lines += ["日本-俄罗斯 2022年 GDP增长5.5%，“尤里·特鲁特涅夫”说。", "a\r\n日本 ", "，，日本"]
    checked = 0
    for text in lines:
        for start in range(len(text) + 1):
            for end in range(start, min(len(text), start + 6) + 1):
                for prefix_ok in (True, False):
                    assert chinese.on_word_boundaries(text, start, end, prefix_ok) == _whole_text(
                        chinese, text, start, end, prefix_ok), (text, start, end, prefix_ok)
                    checked += 1
    assert checked > 2000
