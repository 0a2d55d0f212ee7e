"""TQ407 direction-mismatch: up/down, import/export, buy/sell, highest/lowest reversed (zh -> en)."""
from __future__ import annotations

import pytest

from tqcheck.check.direction import direction_mismatch
from tqcheck.check.registry import CheckContext
from tqcheck.types import Link, Pair

ROWS = [
    # (source, translation, expected (source direction, translation direction) or None)
    ("今年前10个月，日本对俄出口增长了12%。", "Japan's exports to Russia fell 12% in the first ten months.", ("up", "down")),
    ("房价下跌了3%。", "House prices rose 3%.", ("down", "up")),
    ("日本从俄罗斯进口能源。", "Japan exports energy to Russia.", ("import", "export")),
    ("该公司出售了其股份。", "The company bought its shares.", ("sell", "buy")),
    ("气温创下历史最高纪录。", "Temperatures hit the lowest level on record.", ("highest", "lowest")),
    # must not fire
    ("今年前10个月，日本对俄出口增长了12%。", "Japan's exports to Russia grew 12% in the first ten months.", None),
    ("出口增长，进口下降。", "Exports rose while imports fell.", None),  # both directions on both sides
    ("产量增加了。", "Output went up, after the plant had been shut down.", None),  # phrasal up/down ignored
    ("汽车销售额增长了5%。", "Car sales grew 5%.", None),
    ("会议讨论了能源问题。", "The meeting discussed energy prices, which fell.", None),  # source names no direction
]


@pytest.mark.parametrize("source,target,expected", ROWS)
def test_direction_mismatch(source: str, target: str, expected: tuple[str, str] | None) -> None:
    pair = Pair(0, Link((0,), (0,), 1.0), source, target, (), ())
    hits = list(direction_mismatch(pair, CheckContext("zh", "en")))
    got = [(h.evidence["source"], h.evidence["translation"]) for h in hits]
    assert got == ([expected] if expected else [])
    for h in hits:
        assert h.span is not None and h.span.side == "target" and target[h.span.start:h.span.end]


@pytest.mark.parametrize("src_lang,tgt_lang", [("ja", "en"), ("zh", "de")])
def test_silent_outside_its_languages(src_lang: str, tgt_lang: str) -> None:
    pair = Pair(0, Link((0,), (0,), 1.0), "出口增长了。", "Exports fell.", (), ())
    assert list(direction_mismatch(pair, CheckContext(src_lang, tgt_lang))) == []


@pytest.mark.parametrize("src_lang,tgt_lang,source,target,expected", [
    # the words of direction are data of the language modules: English into Chinese works the same way
    ("en", "zh", "Japan's exports to Russia rose 12%.", "日本对俄罗斯的出口下降了12%。", ("up", "down")),
    ("en", "zh", "Japan imports energy from Russia.", "日本从俄罗斯进口能源。", None),
    ("de", "en", "Die Preise stiegen.", "Prices fell.", None),  # German lists no words of direction yet
])
def test_directions_between_any_two_languages_that_list_them(src_lang, tgt_lang, source, target, expected):
    pair = Pair(0, Link((0,), (0,), 1.0), source, target, (), ())
    hits = list(direction_mismatch(pair, CheckContext(src_lang, tgt_lang)))
    assert [(h.evidence["source"], h.evidence["translation"]) for h in hits] == ([expected] if expected else [])
