"""Invariants that must hold for any input (hypothesis, CI-sized).

The segmenter's own cover invariant is in tests/unit/test_segment.py; here it is checked through the whole
pipeline, together with the alignment invariant (every sentence in exactly one pair, in order, never
crossing), "no check ever raises", and the number parser's round trip.
"""
from __future__ import annotations

import hashlib
import math
import random
from decimal import Decimal
from pathlib import Path
from typing import Sequence

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

import tqcheck
from tqcheck.align.aligner import BEADS, FULL_SEARCH, Aligner
from tqcheck.check.registry import CheckContext
from tqcheck.check.runner import Selection, run_checks
from tqcheck.errors import InputError
from tqcheck.types import Link, Pair, PairEvidence, Segment

CI = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that exercise segmentation, alignment and the checks: terminators and quotes of many scripts,
# numbers in every locale's style, MT artefacts, bidi and zero-width controls, combining marks, emoji.
_PIECES = (
    list(" \t\n\n\r\u00a0\u3000\u2028")
    + list(".!?…。！？؟;,:\"'“”‘’«»「」『』（）()[]{}<>¿¡-—•#*%$€¥₽")
    + list("\u200b\u200c\u200d\u200e\u200f\u202e\u2066\u2069\ufeff\u0301\u0308\u20dd\ufffd")
    + ["😀", "👍🏽", "🇩🇪", "👨‍👩‍👧", "**", "##", "<unk>", "[UNK]", "&amp;", "%s", "{0}"]
    + list("aZéßДжあ漢한ع\u05d0٣") + ["日本", "Putin", "Путин", "東京", "Москва", "the ", "der ", "и ", "的"]
    + ["40.5亿美元", "40$500", "1,234,567.89", "1.234.567,89", "1 234,5", "12.5%", "12,5 %", "3万", "十二万",
       "1..5", "3,50,0", "4.05 billion", "2,5 Mrd.", "3,25 млн", "第3", "1990年", "3. Oktober", "Dr.", "U.S.",
       "9" * 40, "1e308", "0.000001", "-7", "½", "Ⅻ", "٣٤٥", "１２３"]
)


def _text(min_size: int = 0) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(_PIECES), st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
    return st.lists(piece, min_size=min_size, max_size=60).map("".join)


_TEXT = _text()


def _check_document(doc: object) -> None:
    """Offsets point back to the text, and every non-whitespace character is in exactly one sentence."""
    text: str = doc.text  # type: ignore[attr-defined]
    covered = bytearray(len(text))
    prev_end = 0
    for k, seg in enumerate(doc.segments):  # type: ignore[attr-defined]
        assert seg.index == k
        assert prev_end <= seg.start < seg.end <= len(text)
        assert seg.text == text[seg.start : seg.end].replace("\n", " ")  # re-flowed, same length
        assert seg.line == text.count("\n", 0, seg.start) + 1
        assert seg.column == seg.start - (text.rfind("\n", 0, seg.start) + 1) + 1
        covered[seg.start : seg.end] = b"\x01" * (seg.end - seg.start)
        prev_end = seg.end
    for ch, c in zip(text, covered):
        if not ch.isspace():
            assert c, repr(ch)


def _check_pairs(report: object) -> None:
    """Each sentence of each side is in exactly one pair, in document order, so no two links cross."""
    pairs = [p.pair for p in report.pairs]  # type: ignore[attr-defined]
    src = [s.index for p in pairs for s in p.src_segments]
    tgt = [s.index for p in pairs for s in p.tgt_segments]
    assert src == list(range(len(report.source.segments)))  # type: ignore[attr-defined]
    assert tgt == list(range(len(report.target.segments)))  # type: ignore[attr-defined]
    for k, p in enumerate(pairs):
        assert p.index == k
        assert p.src_segments or p.tgt_segments
        assert list(p.link.src) == [s.index for s in p.src_segments]
        assert list(p.link.tgt) == [s.index for s in p.tgt_segments]


@CI
@given(src=_text(1), tgt=_text(1),
       mode=st.sampled_from(["document", "document", "sentences-per-line"]))
def test_pipeline_never_raises_and_keeps_every_sentence(src: str, tgt: str, mode: str) -> None:
    try:
        report = tqcheck.compare(src, tgt, "zh", "en", embedder="none", mode=mode)
    except InputError as exc:
        event(f"refused: {exc.problem.split('(')[0].split(';')[0]}")
        return  # empty, whitespace-only, binary-looking or over a limit: refused by design
    event("compared")
    _check_document(report.source)
    _check_document(report.target)
    _check_pairs(report)
    for f in report.findings:
        assert 0 <= f.pair < len(report.pairs)
        if f.span is not None:
            side = report.pairs[f.pair].pair.source if f.span.side == "source" else report.pairs[f.pair].pair.target
            assert 0 <= f.span.start <= f.span.end <= len(side), (f, side)


@CI
@given(lines=st.lists(st.tuples(_TEXT.map(lambda t: t.replace("\n", " ")),
                                _TEXT.map(lambda t: t.replace("\n", " "))), min_size=1, max_size=8))
def test_aligned_mode_pairs_line_i_with_line_i(lines: list[tuple[str, str]]) -> None:
    src = "\n".join(a for a, _ in lines) + "\n"
    tgt = "\n".join(b for _, b in lines) + "\n"
    try:
        report = tqcheck.compare(src, tgt, "ru", "en", embedder="none", mode="aligned")
    except InputError:
        return
    for p in report.pairs:
        link = p.pair.link
        assert link.tgt and len(link.tgt) == 1 and link.src in ((), link.tgt)


# --- the aligner alone, on long documents (coarse-to-fine search) and with an embedder ----------------------


class HashEmbedder:
    """A light, deterministic stand-in for a sentence embedder: similar text, similar vector."""

    name = "hash-test"

    def supports(self, lang: str) -> bool:
        return True

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                h = int.from_bytes(hashlib.blake2b(w.encode("utf-8", "surrogatepass"), digest_size=4).digest(), "little")
                out[i, h % 64] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


_WORDS = "minister said plan council budget report million river port year 2024 35 4.5 Tokyo Moscow".split()


def _sentences(rng: random.Random, n: int) -> list[str]:
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.choice([1, 2, 5, 12, 30]))) + "." for _ in range(n)]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 2 * FULL_SEARCH + 50), m=st.integers(0, 2 * FULL_SEARCH + 50),
       embed=st.booleans())
def test_alignment_covers_every_sentence_once_and_never_crosses(seed: int, n: int, m: int, embed: bool) -> None:
    rng = random.Random(seed)
    src = _sentences(rng, n)
    # The translation: the source with some sentences dropped, split, merged or invented.
    tgt: list[str] = []
    for s in src:
        r = rng.random()
        if r < 0.1:
            continue
        tgt.append(s if r < 0.8 else _sentences(rng, 1)[0])
    tgt = (tgt + _sentences(rng, max(0, m - len(tgt))))[:m] if m else []
    links = Aligner(HashEmbedder() if embed else None).align(src, tgt, "de", "en")
    assert [i for link in links for i in link.src] == list(range(n))
    assert [j for link in links for j in link.tgt] == list(range(m))
    for link in links:
        assert (len(link.src), len(link.tgt)) in BEADS
        assert list(link.src) == list(range(link.src[0], link.src[0] + len(link.src))) if link.src else True
        assert list(link.tgt) == list(range(link.tgt[0], link.tgt[0] + len(link.tgt))) if link.tgt else True
        assert 0.0 <= link.confidence <= 1.0


# --- no check ever raises ------------------------------------------------------------------------------------


def _pair(src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> Pair:
    from tqcheck.align.features import join_sentences

    def segs(texts: Sequence[str], first: int) -> tuple[Segment, ...]:
        out, pos = [], 0
        for k, t in enumerate(texts):
            out.append(Segment(first + k, t, pos, pos + len(t), 1, pos + 1))
            pos += len(t) + 1
        return tuple(out)

    s, t = segs(src, 0), segs(tgt, 0)
    link = Link(tuple(x.index for x in s), tuple(x.index for x in t), 0.9, 0.5 if s and t else None)
    return Pair(0, link, join_sentences(list(src), src_lang), join_sentences(list(tgt), tgt_lang), s, t)


_SIDE = st.lists(_TEXT.map(str.strip).filter(bool), min_size=0, max_size=3)


@CI
@given(src=_SIDE, tgt=_SIDE, lang=st.sampled_from(["zh", "ja", "ru", "de", "es"]),
       evidence=st.fixed_dictionaries({}, optional={
           "similarity": st.none() | st.floats(-1, 1),
           "expected_log_ratio": st.none() | st.floats(-3, 3),
       }))
def test_no_rule_raises(src: list[str], tgt: list[str], lang: str, evidence: dict) -> None:
    assume(src or tgt)
    pair = _pair(src, tgt, lang, "en")
    if len(src) > 1 and tgt:
        evidence = {**evidence, "source_sentence_similarity": (0.3,) * len(src)}
    for ctx in (CheckContext(lang, "en"), CheckContext(lang, "en", PairEvidence(**evidence), {"日本": ("Japan",), src[0] if src else "x": ("y",)})):
        findings = run_checks([pair], [ctx], Selection())
        for f in findings:
            assert f.message and f.code.startswith("TQ")
            if f.span is not None:
                side = pair.source if f.span.side == "source" else pair.target
                assert 0 <= f.span.start <= f.span.end <= len(side), (f, side)


# --- the number parser returns the value of any number formatted the way each language writes it ----------

_NUMPARSE = Path(__file__).resolve().parents[2] / "tqcheck" / "check" / "numparse.py"
needs_numparse = pytest.mark.skipif(not _NUMPARSE.exists(), reason="tqcheck/check/numparse.py not written yet")


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


#: language -> (grouping separators, decimal mark, sentence template)
_STYLES = {
    "en": ([",", ""], ".", "The total was {} units."),
    "de": ([".", ""], ",", "Die Summe betrug {} Stück."),
    "ru": ([" ", "\u00a0", "\u202f", ""], ",", "Итого {} штук."),
    "zh": ([",", ""], ".", "总数为{}个。"),
}
#: language -> scale words, as the language writes them after a number
_SCALES = {
    "en": [("thousand", 3), ("million", 6), ("billion", 9)],
    "de": [("Millionen", 6), ("Milliarden", 9), ("Mrd.", 9)],
    "ru": [("тыс.", 3), ("млн", 6), ("млрд", 9)],
    "zh": [("万", 4), ("亿", 8)],
}


@st.composite
def _formatted(draw: st.DrawFn) -> tuple[str, str, Decimal]:
    lang = draw(st.sampled_from(sorted(_STYLES)))
    seps, point, template = _STYLES[lang]
    whole = draw(st.integers(0, 10**12))
    decimals = draw(st.sampled_from(["", "", "5", "25", "125", "05"]))
    digits = str(whole)
    sep = draw(st.sampled_from(seps))
    grouped = _group(digits, sep) if len(digits) > 3 else digits
    text = grouped + (point + decimals if decimals else "")
    value = Decimal(f"{digits}.{decimals or 0}")
    suffix = draw(st.sampled_from(["", "scale", "percent"]))
    if suffix == "scale" and whole < 10_000:
        word, exp = draw(st.sampled_from(_SCALES[lang]))
        text += word if lang == "zh" else f" {word}"
        value *= Decimal(10) ** exp
    elif suffix == "percent":
        text += "\u00a0%" if lang in ("de", "ru") else "%"
    return lang, template.format(text), value


@needs_numparse
@CI
@given(case=_formatted())
def test_number_round_trip(case: tuple[str, str, Decimal]) -> None:
    from tqcheck.check.numparse import extract_quantities

    lang, sentence, value = case
    found = extract_quantities(sentence, lang)
    assert len(found) == 1, (sentence, found)
    assert math.isclose(found[0].value, float(value), rel_tol=1e-12, abs_tol=1e-12), (sentence, found[0], value)


# --- regressions found by scripts/fuzz.py ---------------------------------------------------------------------

_HUGE = "9" * 400  # over float's range: parsed to inf, and int(inf) raised OverflowError in the number checks


def test_huge_number_in_translation_does_not_crash_checks() -> None:
    tqcheck.compare("Budget 5.", f"The budget was {_HUGE}.", "de", "en", embedder="none")


@needs_numparse
@pytest.mark.parametrize("lang,text", [("ja", f"合計{_HUGE}個。"), ("zh", f"预算为{_HUGE}。"), ("en", f"{_HUGE} units")])
def test_huge_number_does_not_crash_the_parser(lang: str, text: str) -> None:
    from tqcheck.check.numparse import extract_quantities

    assert all(math.isfinite(q.value) for q in extract_quantities(text, lang))
