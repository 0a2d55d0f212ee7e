"""What the alignment says about each pair's meaning: the similarity of each sentence of a merged pair,
and the document's own length ratio."""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Callable, Sequence

from ..models.embedders import Embedder
from ..types import Pair

if TYPE_CHECKING:
    from ..lang.base import Language

#: A document needs this many 1-1 links before its own length ratio is trusted over the table.
MIN_PAIRS_FOR_DOC_RATIO = 8


def merged_similarities(pairs: Sequence[Pair], embedder: Embedder | None) -> dict[int, tuple[float, ...]]:
    """For pairs linking several source sentences, each source sentence's similarity to the target. The
    vectors are the alignment's (``MemoEmbedder``): only a target of three sentences is embedded again."""
    multi = [p for p in pairs if len(p.src_segments) > 1 and p.tgt_segments]
    if embedder is None or not multi:
        return {}
    sents = [s.text for p in multi for s in p.src_segments]
    svecs = embedder.encode(sents)
    tvecs = embedder.encode([p.target for p in multi])
    out: dict[int, tuple[float, ...]] = {}
    k = 0
    for p, tv in zip(multi, tvecs):
        n = len(p.src_segments)
        out[p.index] = tuple(round(float(v @ tv), 3) for v in svecs[k : k + n])
        k += n
    return out


def doc_log_ratio(pairs: Sequence[Pair]) -> float | None:
    """Median log length ratio of the document's 1-1 links: the translator's own habit."""
    logs = sorted(
        math.log(len("".join(p.target.split())) / len("".join(p.source.split())))
        for p in pairs
        if p.link.kind == "1-1" and p.source.strip() and p.target.strip()
    )
    if len(logs) < MIN_PAIRS_FOR_DOC_RATIO:
        return None
    return logs[len(logs) // 2]


#: A pair whose translation is shorter than the document's ratio predicts by this much (log) has the
#: parts of its source compared with the translation (``part_similarities``): a sentence run into
#: another one (a headline without a final stop before the first sentence) may have been left out.
SHORT_LOG_GAP = 0.2
#: Pairs a document needs for that comparison when it has too few 1-1 pairs for its own ratio.
MIN_PAIRS_FOR_PART_RATIO = 3
#: A part shorter than this (letters; CJK characters count 3) is a fragment, not a sentence of its own.
MIN_PART_LETTERS = 10
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
#: Where a sentence run into another may end inside one segmented sentence: a space before a capitalised
#: word of two letters or more (not English I) followed by a small word (not a run of names), after a small
#: letter, a closing quote or bracket or a colon; a space between CJK characters; a closing CJK bracket
#: before more text.
_LOWER, _UPPER = "a-zß-öø-ÿа-яёіїєґ", "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
_PART_BREAK = re.compile(
    rf"(?:(?<=[{_LOWER}])|(?<=[\"”»)\]:]))\s+(?=[{_UPPER}][{_LOWER}][{_LOWER}'’]*\s+[{_LOWER}])"
    rf"|(?<=[{_CJK}）】》」』!?！？])[ \u3000]+(?=[{_CJK}（【《「『])"
    rf"|(?<=[】》」』])(?=[^\s，、。！？）】》」』])")
#: A capitalised word before a break: a name goes on (Anna Brown), no break.
_NAME_END = re.compile(rf"(?:^|\s)[{_UPPER}][{_LOWER}]*$")
#: The capitalised word after a break.
_NEXT_WORD = re.compile(rf"[{_UPPER}][{_LOWER}'’]*")
#: A sentence with more breaks than this is not cut (German capitalises every noun).
MAX_BREAKS = 3
#: How a part that reads as a sentence of its own ends (closing quotes aside): a final stop.
_FINAL_STOP = tuple(".!?…。！？")
_CLOSING = "\"'”’」』)）»"
_FIRST_WORD = re.compile(r"\w[\w'’]*")
_LAST_WORD = re.compile(r"(\w+)\s*$")


def _letters(text: str) -> int:
    return sum(3 if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" else 1 for c in text if c.isalpha())


def source_parts(pair: Pair, opens: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """The parts of a pair's source that may be sentences run into another one: each sentence's beginning
    up to a break inside it (``_PART_BREAK``), and its end from one; both sides of the break at least
    ``MIN_PART_LETTERS`` long. In a sentence with more than ``MAX_BREAKS`` breaks, only those before a
    word that ``opens`` (the source language's ``may_open_sentence``) says may begin a sentence: German
    capitalises its nouns, and a headline run into a sentence has its breaks before each of them (Wie aus
    Nikolaus das Christkind wurde Streng genommen ...). Offsets into ``pair.source``."""
    parts: list[tuple[int, int]] = []
    offset = 0
    for seg in pair.src_segments:
        at = pair.source.find(seg.text, offset)
        offset = at + len(seg.text)
        breaks = [m for m in _PART_BREAK.finditer(seg.text)
                  if min(_letters(seg.text[:m.start()]), _letters(seg.text[m.end():])) >= MIN_PART_LETTERS
                  and not _NAME_END.search(seg.text, 0, m.start())]
        if len(breaks) > MAX_BREAKS and opens is not None:
            breaks = [m for m in breaks if not (w := _NEXT_WORD.match(seg.text, m.end())) or opens(w.group())]
        if len(breaks) > MAX_BREAKS:
            continue
        for m in breaks:
            parts += [(at, at + m.start()), (at + m.end(), offset)]
    return parts


def reads_as_sentence(text: str, language: "Language", before: str = "") -> bool:
    """Whether a part of a sentence reads as a sentence of its own run into the one before it (after a
    headline without a final stop: "Prices soar again It hurts."): it ends with a final stop and opens on
    a capitalised word whose dictionary form (``language.lemmatize``) is lower-case: a common word
    capitalised because it begins a sentence, not a name (Soviet Union., Berlin zahlt.). In a language
    that capitalises its nouns, only a function word or a word as its dictionary writes it: an inflected one
    is a noun made of an adjective or a verb (etwas Neues, das Laufen). Nor after a function word or a word
    that opens a noun phrase (``before``, the text before the part: "in the Highlands and Islands."): a
    headline does not end on one, and the capitalised word heads its phrase. Text in a script without
    capitals never does."""
    m = _FIRST_WORD.match(text.lstrip())
    if m is None or not m.group()[:1].isupper() or not text.rstrip().rstrip(_CLOSING).endswith(_FINAL_STOP):
        return False
    last = _LAST_WORD.search(before)
    if last and (last.group(1).lower() in language.function_words or language.opens_noun_phrase(last.group(1).lower())):
        return False
    word = m.group()
    base = language.lemmatize(word)
    if not base[:1].islower():
        return False
    return not language.capitalises_nouns or base == word.lower() or bool(
        {word.lower(), base} & language.function_words)


def _chars(text: str) -> int:
    return len("".join(text.split()))


def part_similarities(pairs: Sequence[Pair], embedder: Embedder | None, log_ratio: float | None,
                      opens: Callable[[str], bool] | None = None, language: "Language | None" = None,
                      ) -> dict[int, tuple[tuple[int, int, float, float, bool], ...]]:
    """The parts of a pair's source (``source_parts``, with ``opens``) that may have been left out of its
    translation, each as its offsets in the source, its similarity to the translation, that of the rest of
    the source without it, and whether the length speaks for it too (``alone``). Every part of a pair whose
    translation is short for its source (``SHORT_LOG_GAP`` below the document's ratio); in any pair shorter
    than the ratio predicts, a part that ``reads_as_sentence`` (in the source ``language``) and without
    which the source's length fits the translation's better than with it (``alone``): a short sentence run
    into a headline moves the pair's length less than the gap, but it accounts for the gap."""
    if embedder is None:
        return {}
    if log_ratio is None:  # too few 1-1 pairs for the document's ratio: the median of all its pairs
        logs = sorted(math.log(_chars(p.target) / _chars(p.source))
                      for p in pairs if p.source.strip() and p.target.strip())
        if len(logs) < MIN_PAIRS_FOR_PART_RATIO:
            return {}
        log_ratio = logs[len(logs) // 2]
    todo: list[tuple[Pair, list[tuple[int, int, bool]]]] = []
    for p in pairs:
        src, tgt = _chars(p.source), _chars(p.target)
        if not src or not tgt:
            continue
        gap = math.log(tgt / src) - log_ratio
        if gap >= 0:
            continue
        parts = []
        for a, b in source_parts(p, opens):
            alone = language is not None and reads_as_sentence(p.source[a:b], language, p.source[:a]) and abs(
                math.log(tgt / (src - _chars(p.source[a:b]))) - log_ratio) < -gap
            if alone or gap <= -SHORT_LOG_GAP:
                parts.append((a, b, alone))
        if parts:
            todo.append((p, parts))
    if not todo:
        return {}
    texts = []
    for p, parts in todo:
        for a, b, _ in parts:
            texts += [p.source[a:b].strip(), (p.source[:a].rstrip() + " " + p.source[b:].lstrip()).strip()]
    vecs = embedder.encode(texts)
    tvecs = embedder.encode([p.target for p, _ in todo])
    out: dict[int, tuple[tuple[int, int, float, float, bool], ...]] = {}
    k = 0
    for (p, parts), tv in zip(todo, tvecs):
        found = []
        for a, b, alone in parts:
            found.append((a, b, round(float(vecs[k] @ tv), 3), round(float(vecs[k + 1] @ tv), 3), alone))
            k += 2
        out[p.index] = tuple(found)
    return out
