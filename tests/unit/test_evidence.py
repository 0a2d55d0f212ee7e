"""The evidence stage: each side document segmented and aligned with the source once, the translator run
per pair, and the alignment's signals, as one typed PairEvidence per pair."""
from __future__ import annotations

from typing import Sequence

import pytest

from tqcheck.align.document import align_segments
from tqcheck.errors import InputError
from tqcheck.evidence import gather_evidence
from tqcheck.segment.modes import segment_document
from tqcheck.types import PairEvidence

SRC = "日本宣布对35人实施制裁。普京在2023年发表讲话。俄罗斯宣布了12项反制措施。\n"
TGT = "Japan announced sanctions on 35 people. Russia announced 12 countermeasures.\n"  # the second source sentence is left out
REF = "Japan sanctioned 35 people.\nPutin spoke in 2023.\nRussia announced 12 countermeasures.\n"
BACK = "日本宣布对35人制裁。俄罗斯宣布了12项反措施。\n"


class Tagger:
    """A translator that marks what it was given, so the test sees which text went which way."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], str, str]] = []

    def translate(self, texts: Sequence[str], src_lang: str, tgt_lang: str) -> list[str]:
        self.calls.append((list(texts), src_lang, tgt_lang))
        return [f"{tgt_lang}:{t}" for t in texts]


def _gather(mode: str = "document", src: str = SRC, tgt: str = TGT, **kwargs):
    src_segs = segment_document("s.zh", src, "zh", mode)
    tgt_segs = segment_document("t.en", tgt, "en", mode)
    pairs = align_segments(src_segs, tgt_segs, "zh", "en", None, mode == "aligned")
    options = {"sides": {}, "translator": None, "directions": "back", "embedder": None, "active": None,
               "note": lambda msg: None, **kwargs}
    return pairs, gather_evidence(pairs, src_segs, "zh", "en", mode, **options)


def test_side_documents_face_each_pair():
    pairs, evidence = _gather(sides={"reference": ("r.en", REF), "back_translation": ("b.zh", BACK)})
    assert [p.link.kind for p in pairs] == ["1-1", "1-0", "1-1"]
    assert [ev.reference for ev in evidence] == ["Japan sanctioned 35 people.", "Putin spoke in 2023.", "Russia announced 12 countermeasures."]
    # a back-translation is of the translation: none for the pair the translation left out
    assert [ev.back_translation for ev in evidence] == ["日本宣布对35人制裁。", None, "俄罗斯宣布了12项反措施。"]
    assert evidence[1].texts() == {"reference": "Putin spoke in 2023."}
    assert all(ev.expected_log_ratio is None for ev in evidence)  # too few 1-1 pairs to trust the document's ratio


def test_translator_runs_each_way_once():
    tagger = Tagger()
    pairs, evidence = _gather(translator=tagger, directions="both")
    assert [(lang_from, lang_to, len(texts)) for texts, lang_from, lang_to in tagger.calls] == [("en", "zh", 2), ("zh", "en", 3)]
    assert evidence[0] == PairEvidence(similarity=None, back_translation="zh:Japan announced sanctions on 35 people.",
                                       forward_translation="en:日本宣布对35人实施制裁。")
    assert evidence[1].back_translation is None and evidence[1].forward_translation == "en:普京在2023年发表讲话。"


def test_aligned_side_document_needs_a_line_per_source_line():
    src, tgt = "日本宣布制裁。\n俄罗斯回应。\n", "Japan announced sanctions.\nRussia responded.\n"
    _, evidence = _gather("aligned", src, tgt, sides={"reference": ("r.en", "Japan sanctions.\nRussia replied.\n")})
    assert [ev.reference for ev in evidence] == ["Japan sanctions.", "Russia replied."]
    with pytest.raises(InputError, match="one line per source line"):
        _gather("aligned", src, tgt, sides={"reference": ("r.en", "Japan sanctions.\n")})


def test_side_document_in_another_language_is_noted():
    notes: list[str] = []
    _gather(sides={"reference": ("r.en", "Das ist ein deutscher Text über Sanktionen und die Antwort Russlands.\n")},
            note=notes.append)
    assert notes == ["r.en: the reference should be in en but reads as de"]


@pytest.mark.parametrize(
    "text, parts",
    [
        # a headline run into the first sentence: cut after it (both ways: the headline, the sentence)
        ("Markets fall sharply Investors sold shares on Monday.",
         ["Markets fall sharply", "Investors sold shares on Monday."]),
        ('La série de la semaine: "Schitt\'s Creek" On m\'a ruinée.',
         ['La série de la semaine: "Schitt\'s Creek"', "On m'a ruinée."]),
        ("生活很累但要继续生活 不会辜负每一个努力的人", ["生活很累但要继续生活", "不会辜负每一个努力的人"]),
        ("Investors sold shares on Monday.", []),  # nothing to cut
        ("Peter Smith met Anna Brown in Paris.", []),  # a name goes on after a capitalised word: no break
        ("Prices rose Then fell.", []),  # a part under MIN_PART_LETTERS letters
        # German capitalises nouns: a sentence with more than MAX_BREAKS breaks is not cut ...
        ("Wie aus Nikolaus das Christkind wurde Streng genommen waren es die Protestanten, durch welche die "
         "Weihnachtstage eng mit dem Beschenken verknüpft wurden.", []),
    ],
)
def test_source_parts(text, parts):
    from tqcheck.evidence.signals import source_parts
    from tqcheck.types import Link, Pair, Segment

    pair = Pair(0, Link((0,), (0,), 1.0), text, "x", (Segment(0, text, 0, len(text), 1, 1),), ())
    assert [text[a:b] for a, b in source_parts(pair)] == parts


@pytest.mark.parametrize(
    "text, parts",
    [
        # ... unless the language tells the one capitalised word that may open a sentence (Genau, whose
        # dictionary form is lower-case) from its nouns and names (Weihnachtsmann, Europa, Händler)
        ("Wie der Weihnachtsmann nach Europa kam Genau genommen brachten die Händler den Brauch über den "
         "Atlantik in die Städte.",
         ["Wie der Weihnachtsmann nach Europa kam", "Genau genommen brachten die Händler den Brauch über den "
          "Atlantik in die Städte."]),
        # few breaks: all of them, as without the language (a sentence may open on a noun)
        ("Ein Wunder ist geschehen Forscher finden neue Arten im Wald.",
         ["Ein Wunder ist geschehen", "Forscher finden neue Arten im Wald.",
          "Ein Wunder ist geschehen Forscher finden neue", "Arten im Wald."]),
        # many breaks, none before a word that opens sentences: not cut
        ("Der Bericht der Kommission über die Lage der Wirtschaft im Land zeigt die Sorgen der Bürger.", []),
    ],
)
def test_source_parts_german(text, parts):
    from tqcheck import lang
    from tqcheck.evidence.signals import source_parts
    from tqcheck.types import Link, Pair, Segment

    pair = Pair(0, Link((0,), (0,), 1.0), text, "x", (Segment(0, text, 0, len(text), 1, 1),), ())
    assert [text[a:b] for a, b in source_parts(pair, lang.get("de").may_open_sentence)] == parts


@pytest.mark.parametrize("code, word, opens", [
    ("de", "Genau", True), ("de", "Die", True), ("de", "Weihnachtsmann", False), ("de", "Harrington", False),
    ("en", "Markets", True), ("fr", "Paris", True),
])
def test_may_open_sentence(code, word, opens):
    from tqcheck import lang

    assert lang.get(code).may_open_sentence(word) is opens


class WordEmbedder:
    """Vectors of the words a text has (hashed), normalised: similar texts share words."""

    name = "words"

    def supports(self, lang: str) -> bool:
        return True

    def encode(self, texts: Sequence[str]):
        import zlib

        import numpy as np

        out = np.zeros((len(texts), 256), dtype=np.float32)
        for k, t in enumerate(texts):
            for w in t.lower().replace(".", " ").split():
                out[k, zlib.crc32(w.encode()) % 256] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


@pytest.mark.parametrize(
    "target, flagged",
    [
        ("Investors sold shares on Monday.", "Markets fall sharply"),  # the headline left out
        ("Markets fall sharply as investors sold shares on Monday.", None),  # all said: not short, not compared
    ],
)
def test_part_left_out_of_a_short_translation(target, flagged):
    from tqcheck.check.registry import CheckContext
    from tqcheck.check.runner import Selection, run_checks
    from tqcheck.evidence.signals import part_similarities
    from tqcheck.types import Link, Pair, Segment

    src = "Markets fall sharply Investors sold shares on Monday."
    emb = WordEmbedder()
    whole = round(float(emb.encode([src])[0] @ emb.encode([target])[0]), 3)
    pair = Pair(0, Link((0,), (0,), 1.0, whole), src, target, (Segment(0, src, 0, len(src), 1, 1),),
                (Segment(0, target, 0, len(target), 1, 1),))
    parts = part_similarities([pair], emb, 0.0)
    evidence = PairEvidence(similarity=whole, source_part_similarity=parts.get(0))
    found = run_checks([pair], [CheckContext("en", "en", evidence)], Selection(select=("TQ405",)))
    assert [src[f.span.start:f.span.end] for f in found] == ([flagged] if flagged else [])


@pytest.mark.parametrize("code, text, alone", [
    ("en", "Nobody slept.", True), ("en", "It hurts!", True), ("fr", "On verra bien.", True),
    ("de", "Das reicht.", True), ("en", "Nobody slept", False),  # no final stop: a fragment
    ("en", "Harrington slept.", False), ("de", "Berlin zahlt.", False),  # a name first
    ("de", "Bahnhof gesperrt.", False),  # a German noun first: the sentence may go on before it
    ("de", "Neues zum Ende.", False), ("de", "Leider nicht.", True), ("de", "Mir reicht es.", True),
    ("zh", "他没睡。", False),  # no capitals to tell
])
def test_reads_as_sentence(code, text, alone):
    from tqcheck import lang
    from tqcheck.evidence.signals import reads_as_sentence

    assert reads_as_sentence(text, lang.get(code)) is alone


@pytest.mark.parametrize("before, alone", [
    ("Storm warning for the north", True), ("Storm warning for the", False),  # after a determiner: its noun
    ("Storm warning for the north and", False),  # after a function word: the sentence goes on
])
def test_reads_as_sentence_after(before, alone):
    from tqcheck import lang
    from tqcheck.evidence.signals import reads_as_sentence

    assert reads_as_sentence("Highlands were hit.", lang.get("en"), before + " ") is alone


@pytest.mark.parametrize(
    "second, target, flagged",
    [
        # the short sentence run into the headline is gone; the pair is 12% short, under SHORT_LOG_GAP
        ("Nobody slept.", "Heat wave grips the capital again City officials opened cooling centres in every "
         "district on Sunday.", "Nobody slept."),
        # said (a word or two lost elsewhere): the part matches the translation
        ("Nobody slept.", "Heat wave grips capital again Nobody slept. City officials opened cooling centres "
         "in every district.", None),
        # a name first: not a sentence of its own by its form, and the pair is not short enough for the rest
        ("Harrington slept.", "Heat wave grips the capital again City officials opened cooling centres in "
         "every district on Sunday.", None),
    ],
)
def test_sentence_run_into_a_headline_left_out(second, target, flagged):
    from tqcheck import lang
    from tqcheck.check.registry import CheckContext
    from tqcheck.check.runner import Selection, run_checks
    from tqcheck.evidence.signals import part_similarities
    from tqcheck.types import Link, Pair, Segment

    s1 = "Heat wave grips the capital again " + second
    s2 = "City officials opened cooling centres in every district on Sunday."
    src = s1 + " " + s2
    emb = WordEmbedder()
    whole = round(float(emb.encode([src])[0] @ emb.encode([target])[0]), 3)
    pair = Pair(0, Link((0, 1), (0,), 1.0, whole), src, target,
                (Segment(0, s1, 0, len(s1), 1, 1), Segment(1, s2, len(s1) + 1, len(src), 1, len(s1) + 2)),
                (Segment(0, target, 0, len(target), 1, 1),))
    en = lang.get("en")
    parts = part_similarities([pair], emb, 0.0, en.may_open_sentence, en)
    evidence = PairEvidence(similarity=whole, source_part_similarity=parts.get(0))
    found = run_checks([pair], [CheckContext("en", "en", evidence)], Selection(select=("TQ405",)))
    assert [src[f.span.start:f.span.end] for f in found] == ([flagged] if flagged else [])
