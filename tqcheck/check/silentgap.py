"""TQ108: a word the MT lost without leaving a marker, seen in English that cannot stand as written:
a determiner with no noun after it ("recommended the of the former CEP"), an empty list item
("Best Picture,, Best Director"), a preposition with no object ("the match between and Genoa"),
a sentence that opens on a modal with its subject gone ("Would also take over ..."), or on an auxiliary or a
verb in the past with its object after it ("Was born in 1946", "Began funding the initiative"), a sentence
that starts with a comma, and a speech verb or "according to" that names no one ('"...," said.').

Only closed-class words are matched (determiners, prepositions, auxiliaries), so no tagger or model
is needed and open-class words that look like function words ("a can of", "the will of", "Can Tho")
are left alone. The patterns are language data (``Language.silent_gaps``: English, tqcheck/lang/en_gaps.py);
translations into a language without them are not checked.
"""
from __future__ import annotations

import itertools
from typing import Iterator

from .. import lang as language
from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule


@rule("TQ108", "silent-gap", Severity.ERROR, "Accuracy/Omission")
def silent_gap(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A word lost without a gap marker: English that cannot stand as written around the hole.

    What it catches: the silent form of TQ101. The MT dropped a word and left no `**`, but the words
    around the hole give it away: a determiner with no noun after it ("the of", "a in", "its on June
    20", "a," at the end of a clause), an empty list item (",,") or bracket ("( )"), a preposition with
    no object ("the match between and Genoa"), a statement that opens on a modal verb with
    its subject gone ("Would also take over custody ...").

    Why it matters: the lost word is content: the subject, the object, the noun a sentence is about.
    A sentence-embedding similarity barely moves when one word goes missing, so neither the aligner
    nor the quality score notices; the reader gets a sentence that no longer says who did what.

    Example: 上个月，总统委员会建议前临时选举委员会辞职 -> "Last month, a presidential committee
    recommended the of the former CEP" (the word "resignation" was lost).
    Determiner and empty-item cases are errors, the others warnings. English translations only (the
    language layer has the patterns for English);
    a pattern the source also contains (an English source quoted in the original) is not flagged.
    """
    gaps = language.get(ctx.tgt_lang).silent_gaps
    if gaps is None or not pair.target:
        return
    target = pair.target
    lower = target.lower()
    # (a kind's fields unpacked: twelve kinds a pair, each read by name cost more than the tests themselves)
    for name, pattern, severity, message, accept, needs, starts, screen in gaps():
        if needs and not any(map(lower.__contains__, needs)):
            continue
        if screen is not None and not screen(target, lower):
            continue
        if starts is not None and not any(map(pattern.match, itertools.repeat(target), starts(target))):
            continue  # every match begins at one of those positions: there is none
        for m in pattern.finditer(target):
            shown = m.group().strip()
            if not accept(target, m) or (shown and m.group() in pair.source):
                continue
            yield Hit(f"{message} ({shown!r})" if shown else message,
                      Span("target", m.start(), max(m.end(), m.start() + 1)),
                      {"kind": name, "text": m.group()}, severity=Severity.parse(severity))
