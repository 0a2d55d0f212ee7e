"""Rules that compare the translation with a machine forward-translation of the source (``--translator
argos --translate forward|both``): a second translation, in the target language, is independent
evidence of which figures and names the text should have. Both sides are in one language, so the
comparison is direct; the rules stay silent when there is no forward-translation."""
from __future__ import annotations

import re
from typing import Iterator

from ..types import Pair, Severity, Span
from .numbers import compare_quantities, describe
from .registry import CheckContext, Hit, rule

# A run of capitalised words (with inner "of", "de", "-"), in scripts with letter case.
_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of|de|la|von|van|al|bin)\s+)?[A-Z][\w'’-]*)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»]\s*)$")


def _forward(ctx: CheckContext) -> str | None:
    text = ctx.evidence.forward_translation
    return text if isinstance(text, str) and text.strip() else None


@rule("TQ601", "forward-translation-number", Severity.INFO, "Accuracy/Mistranslation/Number")
def forward_translation_number(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A figure of the forward-translation that the translation does not have, by value.

    What it does: compares the figures of the translation with those of a machine forward-translation of
    the source, both in the target language (``--translator argos --translate forward``).
    Why it matters: a second, independent translation that reads "4.05 billion" where the MT says
    "40.5 million" points at the MT's figure, even when the source's numerals were not understood.
    Example: forward-translation "sales rose 12%", translation "sales rose 21%".
    It is a note: the forward-translation is itself machine output.
    """
    forward = _forward(ctx)
    if forward is None or not pair.target:
        return
    cmp = compare_quantities(forward, pair.target, ctx.tgt_lang, ctx.tgt_lang)
    for q in cmp.missing:  # weak figures (a lone "one") are never counted missing
        yield Hit(f"the forward-translation has {describe(q)} ('{q.text}'), the translation does not",
                  evidence={"forward_translation": forward, "value": q.value})
    for s, t in cmp.mismatched:
        yield Hit(f"the forward-translation has {describe(s)} ('{s.text}') where the translation has '{t.text}'",
                  span=Span("target", t.start, t.end),
                  evidence={"forward_translation": forward, "value": s.value, "found": t.value})


def _capitalised(text: str, skip: list[tuple[int, int]]) -> dict[str, str]:
    """Capitalised runs by folded form, leaving out a sentence's first word (capitalised anyway) and
    the spans in ``skip`` (places, compared by the gazetteer)."""
    out: dict[str, str] = {}
    for m in _NAME.finditer(text):
        start, run = m.start(), m.group()
        if _SENTENCE_START.search(text[:start]):
            first = run.split(maxsplit=1)
            if len(first) == 1:
                continue
            start += len(run) - len(first[1])
            run = first[1]
        if any(a < start + len(run) and start < b for a, b in skip):
            continue
        out.setdefault(run.casefold(), run)
    return out


@rule("TQ602", "forward-translation-name", Severity.INFO, "Accuracy/Mistranslation/Entity")
def forward_translation_name(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A name of the forward-translation that the translation lacks.

    What it does: finds capitalised names in a machine forward-translation of the source (targets written
    with letter case) and reports those the translation does not contain.
    Why it matters: a name the source has, that one translation keeps and the other drops or replaces,
    is worth a look: "sanctions against Japan" in one, "sanctions against Russia" in the other.
    Example: forward-translation "Japan announced sanctions", translation "Russia announced sanctions".
    It is a note: the forward-translation is itself machine output.
    """
    forward = _forward(ctx)
    if forward is None or not pair.target:
        return
    from .gazetteer_build import get_gazetteer

    gaz = get_gazetteer()
    target_places = {k for hit in gaz.find(pair.target, ctx.tgt_lang) for k in hit.keys}
    places = gaz.find(forward, ctx.tgt_lang)
    for hit in places:
        if not set(hit.keys) & target_places:
            shown = forward[hit.start:hit.end]
            yield Hit(f"the forward-translation names '{shown}', the translation does not",
                      evidence={"forward_translation": forward, "name": shown})
    target = pair.target.casefold()
    for folded, shown in _capitalised(forward, [(h.start, h.end) for h in places]).items():
        if folded not in target:
            yield Hit(f"the forward-translation names '{shown}', the translation does not",
                      evidence={"forward_translation": forward, "name": shown})
