"""TQ6xx: the translation against a machine forward-translation of the source (both in the target language)."""
from __future__ import annotations

import pytest

from tqcheck.check.crosscheck import forward_translation_name, forward_translation_number
from tqcheck.check.registry import CheckContext
from tqcheck.check.rules import REGISTRY
from tqcheck.check.runner import Selection, run_checks
from tqcheck.types import Link, Pair, PairEvidence

SOURCE = "日本宣布了新的制裁。"


def _pair(target: str) -> Pair:
    return Pair(0, Link((0,), (0,), 1.0), SOURCE, target, (), ())


def _ctx(forward: str | None) -> CheckContext:
    return CheckContext("zh", "en", PairEvidence(forward_translation=forward))


NUMBER_ROWS = [
    # (forward-translation, translation, expected messages containing)
    ("Sales rose 12% in 2023.", "Sales rose 21% in 2023.", ["12"]),
    ("The deal is worth 4.05 billion dollars.", "The deal is worth 40.5 million dollars.", ["4.05 billion"]),
    ("The deal is worth 4.05 billion dollars.", "The deal is worth 4,050 million dollars.", []),  # same value
    ("It cost 300 yuan.", "It cost three hundred yuan.", []),
    ("35 soldiers and 44 groups.", "35 soldiers and groups.", ["44"]),
    ("No figure here.", "No figure here either.", []),
]


@pytest.mark.parametrize("forward,target,expected", NUMBER_ROWS)
def test_forward_translation_number(forward: str, target: str, expected: list[str]) -> None:
    hits = list(forward_translation_number(_pair(target), _ctx(forward)))
    assert len(hits) == len(expected), [h.message for h in hits]
    for hit, want in zip(hits, expected):
        assert want in hit.message


NAME_ROWS = [
    ("Japan announced new sanctions.", "Russia announced new sanctions.", ["Japan"]),
    ("Japan announced new sanctions.", "Japanese officials announced new sanctions.", []),  # same place
    ("Japan announced new sanctions.", "JAPAN announced new sanctions.", []),
    ("The minister Yuri Trutnev said so.", "The minister said so.", ["Yuri Trutnev"]),
    ("The minister Yuri Trutnev said so.", "Cousin Yuri Trutnev said so.", []),
    ("However, it rained.", "Yet it rained.", []),  # a capitalised sentence opener is not a name
]


@pytest.mark.parametrize("forward,target,expected", NAME_ROWS)
def test_forward_translation_name(forward: str, target: str, expected: list[str]) -> None:
    hits = list(forward_translation_name(_pair(target), _ctx(forward)))
    assert [h.evidence["name"] for h in hits] == expected


@pytest.mark.parametrize("forward", [None, "", "   "])
def test_silent_without_a_forward_translation(forward: str | None) -> None:
    pair = _pair("Russia announced sanctions worth 40 million.")
    assert list(forward_translation_number(pair, _ctx(forward))) == []
    assert list(forward_translation_name(pair, _ctx(forward))) == []


def test_registered_as_notes_in_their_family() -> None:
    for code in ("TQ601", "TQ602"):
        assert code in REGISTRY and str(REGISTRY[code].severity) == "info"
    found = run_checks([_pair("Russia announced new sanctions.")], [_ctx("Japan announced new sanctions.")],
                       Selection(("TQ6",), (), {}))
    assert [f.code for f in found] == ["TQ602"]
