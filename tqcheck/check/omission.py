"""TQ4xx: content with no counterpart on the other side."""
from __future__ import annotations

import functools
import math
import re
from typing import Iterator

from .. import lang
from ..lang.pairs import DEFAULT_SD, usual_log_ratio
from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule

#: A source sentence shorter than this (in letters; CJK characters count 3) is a fragment or a
#: heading: losing it is worth a warning, not an error.
MIN_CONTENT_LETTERS = 15
#: A unit that does not end like a sentence is a heading, caption or fragment.
SENTENCE_END = tuple(".!?。！？…؟;；:：")


def content_letters(text: str) -> int:
    n = 0
    for c in text:
        if c.isalpha():
            n += 3 if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" else 1
    return n


@rule("TQ401", "omitted-sentence", Severity.ERROR, "Accuracy/Omission", suppresses=("TQ",))
def omitted_sentence(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A source sentence with no counterpart in the translation.

    What it catches: sentences the aligner could not link to anything in the translation,
    i.e. content the MT (or the publishing pipeline) dropped.

    Why it matters: the reader never learns what the sentence said, and nothing in the
    translation shows that something is missing.

    Example: a five-sentence paragraph translated as four sentences, the third one gone.
    Short fragments and headings are reported as warnings. This rule is a gate: no other check
    runs on a pair that has no translation.
    """
    if pair.src_segments and not pair.tgt_segments:
        letters = content_letters(pair.source)
        sentence = pair.source.rstrip("\"'”’」』)）»").endswith(SENTENCE_END)
        severity = Severity.ERROR if letters >= MIN_CONTENT_LETTERS and sentence else Severity.WARNING
        yield Hit(
            "source sentence has no counterpart in the translation",
            Span("source", 0, len(pair.source)),
            {"confidence": pair.link.confidence},
            severity,
        )


@rule("TQ402", "added-sentence", Severity.WARNING, "Accuracy/Addition", suppresses=("TQ",))
def added_sentence(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A translated sentence with no counterpart in the source.

    What it catches: sentences of the translation the aligner could not link to the source:
    hallucinated content, boilerplate added by a pipeline, or text from another article.

    Why it matters: the reader takes it for the original's words.

    Example: a translation that ends with "Subscribe for more news!" absent from the source.
    Reported as a warning: credits and captions are often legitimately added.
    """
    if pair.tgt_segments and not pair.src_segments:
        yield Hit(
            "translated sentence has no counterpart in the source",
            Span("target", 0, len(pair.target)),
            {"confidence": pair.link.confidence},
        )


#: How many standard deviations from the usual ratio make a translation suspiciously short/long.
LENGTH_Z = 3.0
#: Pairs shorter than this (non-space characters, source side) vary too much to judge.
MIN_RATIO_CHARS = 20


_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’&.-]*(?: [A-Za-z][A-Za-z'’&.-]*)*")


def _shared_latin_chars(source: str, target: str, src_lang: str, tgt_lang: str) -> int:
    """Characters of Latin text that a Chinese or Japanese source and its Latin-script translation both
    carry as written (an English title in a Chinese sentence): they say nothing of how long a translation
    is, and the usual ratio, measured on Han and kana characters, overrates them."""
    if not lang.get(src_lang).unspaced or lang.get(tgt_lang).script != "Latn":
        return 0
    target = target.lower()
    return sum(len(m.group().replace(" ", "")) for m in _LATIN_RUN.finditer(source)
               if len(m.group()) >= 4 and m.group().lower() in target)


def _length_z(pair: Pair, ctx: CheckContext) -> float | None:
    if not pair.src_segments or not pair.tgt_segments:
        return None
    return _z(pair.source, pair.target, ctx.src_lang, ctx.tgt_lang, ctx.evidence.expected_log_ratio)


@functools.lru_cache(maxsize=256)
def _z(source: str, target: str, src_lang: str, tgt_lang: str, expected: float | None) -> float | None:
    """How many standard deviations the translation's length is off the usual ratio. (Kept for the last 256
    pairs: TQ403 and TQ404 ask for a pair's in turn, a block of pairs apart, as the runner checks each block
    of ``runner.BLOCK_PAIRS`` rule by rule.)"""
    shared = _shared_latin_chars(source, target, src_lang, tgt_lang)
    src = len("".join(source.split())) - shared
    tgt = len("".join(target.split())) - shared
    if src < MIN_RATIO_CHARS or tgt <= 0:
        return None
    # The document's own ratio, when the pipeline measured one, beats the table.
    sd = DEFAULT_SD
    if expected is None:
        usual = usual_log_ratio(src_lang, tgt_lang)
        if usual is None:
            return None
        expected, sd = usual
    return (math.log(tgt / src) - float(expected)) / sd


@rule("TQ403", "translation-too-short", Severity.WARNING, "Accuracy/Omission")
def translation_too_short(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A translation much shorter than the language pair's usual length ratio predicts.

    What it catches: aligned pairs whose translation is more than three standard deviations
    shorter than usual: a clause or a list of items was probably dropped inside the sentence.
    The usual ratio is the document's own (in document mode) or one measured on parallel data
    (zh-en, de-fr, ru-en, ja-en; see scripts/measure_ratios.py).

    Why it matters: a dropped clause leaves a fluent sentence that says less than the original,
    and nothing in the translation shows it.

    Example: a 60-character Chinese sentence listing three measures, translated in 40 English
    characters naming one of them.
    """
    z = _length_z(pair, ctx)
    if z is not None and z < -LENGTH_Z:
        yield Hit(f"translation is unusually short for its source ({z:+.1f} standard deviations)",
                  Span("target", 0, len(pair.target)), {"z": round(z, 2)})


@rule("TQ404", "translation-too-long", Severity.WARNING, "Accuracy/Addition")
def translation_too_long(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A translation much longer than the language pair's usual length ratio predicts.

    What it catches: aligned pairs whose translation is more than three standard deviations
    longer than usual: content was probably added (a hallucinated clause, a repeated phrase,
    text from a neighbouring sentence).

    Why it matters: added content puts words in the source's mouth.

    Example: 普京发表了讲话。 translated as "Putin gave a speech in which he thanked the people of
    Japan and announced new gas deliveries to Europe."
    """
    z = _length_z(pair, ctx)
    if z is not None and z > LENGTH_Z:
        yield Hit(f"translation is unusually long for its source ({z:+.1f} standard deviations)",
                  Span("target", 0, len(pair.target)), {"z": round(z, 2)})


#: A merged source sentence less similar than this to the translation may be untranslated, when the
#: translation matches one of its siblings alone at least this well, and no worse than the whole merged
#: pair (a translation that says both sentences matches the pair better than either sentence). Measured
#: with scripts/eval_dropped.py on WMT22 documents in every direction the embedder covers: 83% of the
#: planted drops merged into a pair flagged, 2.5% of faithfully merged pairs (two translated sentences
#: joined into one); the absolute test it replaces (0.3 / 0.55, no comparison with the pair) 65% and 17%.
DROPPED_MAX_SIM = 0.5
KEPT_MIN_SIM = 0.5
#: A part of a sentence (``PairEvidence.source_part_similarity``) is left out when the rest of the source
#: without it matches the translation better than the whole by this much. scripts/eval_dropped.py: planted
#: drops found 260 -> 266 of 335 (the data's paragraphs), 296 -> 297 (article layout), no more false alarms
#: on faithful documents (0 of 10464 pairs flagged by the part test); at margin 0, 9 more false alarms.
#: A part that reads as a sentence of its own and whose absence accounts for the translation's length
#: (``alone``: a short sentence run into a headline, 'Prices soar again It hurts.') needs no margin: the
#: rest matching at least as well as the whole is enough, the length and its form having said the rest.
PART_MARGIN = 0.02


@rule("TQ405", "sentence-dropped-in-merge", Severity.WARNING, "Accuracy/Omission")
def sentence_dropped_in_merge(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A source sentence merged into a pair but apparently not translated in it.

    What it catches: in a pair that links several source sentences to one translation (2-1,
    3-1), a source sentence whose embedding is far from the translation while a sibling alone
    matches the translation as well as the whole pair does: the aligner attached the sentence to
    its neighbour, but the translation says only the neighbour. Likewise a part of one sentence
    that reads as a sentence of its own (a headline run into the first sentence, without a final
    stop between them) when the translation is short and matches the rest of the source better
    than the whole; or, in any translation shorter than the document's length ratio predicts, such a
    part that reads as a sentence (a capitalised common word first, a final stop last) and without
    which the source's length fits the translation's better, when the translation matches the rest
    of the source at least as well as the whole (a short sentence run into a headline moves the
    pair's length and similarity little, but accounts for both). Needs an embedder covering the
    language pair (per-sentence similarities).

    Why it matters: such an omission hides inside a pair that looks aligned, so the
    sentence-level omission rule (TQ401) cannot see it.

    Example: 他说领土问题已经解决。俄方不会让步。 -> "He said the territorial issue was resolved."
    """
    sims = ctx.evidence.source_sentence_similarity or ()
    merged = ctx.evidence.similarity
    if merged is None or not pair.tgt_segments:
        return
    offset = 0
    for k, (seg, sim) in enumerate(zip(pair.src_segments, sims if len(sims) > 1 else ())):
        at = pair.source.find(seg.text, offset)
        offset = at + len(seg.text)
        sibling = max(s for j, s in enumerate(sims) if j != k)
        if sim < DROPPED_MAX_SIM and sibling >= KEPT_MIN_SIM and merged <= sibling:
            yield Hit(f"this source sentence seems untranslated in the merged pair (similarity {sim:.2f}; its "
                      f"neighbour alone {sibling:.2f}, the whole pair {merged:.2f})",
                      Span("source", at, at + len(seg.text)), {"similarity": sim, "neighbour": sibling,
                                                                "pair_similarity": merged})
    taken: list[tuple[int, int]] = []  # parts overlap (a sentence's beginning and its end): the least similar
    for start, end, sim, rest, alone in sorted(ctx.evidence.source_part_similarity or (), key=lambda part: part[2]):
        margin = 0 if alone else PART_MARGIN
        if sim < DROPPED_MAX_SIM and rest >= KEPT_MIN_SIM and rest >= merged + margin and not any(
                start < b and a < end for a, b in taken):
            taken.append((start, end))
            yield Hit(f"this part of the source seems untranslated (similarity {sim:.2f}; the rest of the source "
                      f"without it {rest:.2f}, the whole {merged:.2f}): a sentence run into another one?",
                      Span("source", start, end), {"similarity": sim, "rest": rest, "pair_similarity": merged})
