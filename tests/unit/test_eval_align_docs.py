"""scripts/eval_align_docs.py's measure, on documents of our own: a sentence the translator's segments cut
in the middle is one gold bead; a sentence end the segmenter missed is a loss to segmentation."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tqcheck.align.aligner import Aligner


@pytest.fixture(scope="module")
def measure() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / "eval_align_docs.py"
    spec = importlib.util.spec_from_file_location("eval_align_docs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_align_docs"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("seg", "nxt", "goes_on"), [
    ("Das funktioniert aber schon seit ca.", "14 Tagen nicht mehr.", True),
    ("руководитель кафедры РНИМУ им.", "Н.И. Пирогова рассказала о памяти.", True),
    ("「これからはわたしがねらう番よ ！ ！ 」", "とチョップを叩きつけようとする。", True),
    ("My child has developed eczema over their body,", "the size of one rash grows every day.", True),
    ("I've tried to ignore it, talk softly, etc.", "but this dog is insane.", True),
    ("（ネギの代わりに山椒かけた。", "）蒸したやつを焼いただけ。", True),
    ("The plane flies at up to 3 thousand m.", "After the tests it goes into service.", False),
    ("Admettons que Bob est client de la société S.", "S facture ses clients en ligne.", False),
    ("It rained all day.", "The river rose.", False),
])
def test_a_boundary_mid_sentence_is_read_off_the_text(measure: ModuleType, seg: str, nxt: str,
                                                     goes_on: bool) -> None:
    assert measure._goes_on(seg, nxt) is goes_on


def test_layout_keeps_half_a_sentence_on_its_line(measure: ModuleType) -> None:
    segs = ["Floods close the port", "The harbour said on Monday,", "that ships would wait.", "Crews flew home."]
    text, spans = measure.layout(segs, "en", "seed")
    lines = text.splitlines()
    assert lines[0] == "Floods close the port"  # the headline on a line of its own
    assert "The harbour said on Monday, that ships would wait." in lines[1]
    assert [text[a:b] for a, b in spans] == segs


def test_layout_joins_cjk_without_a_space_but_not_after_latin(measure: ModuleType) -> None:
    segs = ["見出し", "今日は晴れ。", "明日は雨。", "He said it was fine.", "そうです。"]
    for seed in range(20):
        text, spans = measure.layout(segs, "ja", str(seed))
        assert [text[a:b] for a, b in spans] == segs
        assert "晴れ。 明日" not in text and "fine.そう" not in text


def _doc(measure: ModuleType, src: list[str], tgt: list[str]):  # type: ignore[no-untyped-def]
    return measure.Doc("doc", None, src, tgt)


def test_a_correct_bead_across_a_cut_sentence_is_recovered(measure: ModuleType) -> None:
    # Segment 1 ends in the middle of a sentence ("seit ca." | "14 Tagen"): any segmenter joins them, and
    # the bead holding both on both sides is the best any aligner can give.
    src = ["Kundendienst", "Mein Lesegerät synchronisiert nicht mehr.", "Das funktioniert aber schon seit ca.",
           "14 Tagen nicht mehr.", "Können Sie mir bitte helfen?"]
    tgt = ["Service client", "Ma liseuse ne se synchronise plus.", "Mais cela fait environ 14 jours",
           "qu'elle ne fonctionne plus.", "Pouvez-vous m'aider, s'il vous plaît ?"]
    score = measure.score_doc(_doc(measure, src, tgt), "de", "fr", Aligner(None))
    assert score.outcomes["recovered-merged"] == 2
    assert score.recovered == 5 and score.lost_to_segmentation == 0


def test_a_sentence_end_the_segmenter_missed_is_lost_to_segmentation(measure: ModuleType) -> None:
    # "S." reads as an initial to any rule-based segmenter; the WMT segments say it ends a sentence.
    src = ["Factures", "Admettons que Bob est client de la société S.", "S facture ses clients en ligne.",
           "Bob reçoit donc ses factures par courriel."]
    tgt = ["Rechnungen", "Angenommen, Bob ist Kunde beim Unternehmen S.", "S stellt Rechnungen online aus.",
           "Bob bekommt seine Rechnungen also per E-Mail."]
    for seed in range(10):  # some seed puts segments 1 and 2 on one line on both sides
        doc = measure.Doc(f"doc{seed}", None, src, tgt)
        score = measure.score_doc(doc, "fr", "de", Aligner(None))
        if score.lost_to_segmentation:
            assert score.outcomes["lost-missed"] == 2 and score.recovered == 2
            return
    pytest.fail("no seed put the two segments on one line")
