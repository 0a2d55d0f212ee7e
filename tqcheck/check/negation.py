"""TQ406: a negation the translation added or dropped. Polarity is a value like a number: "approved" for
"did not approve" reads fluently and inverts the news. Each language's negators are data of its module in
``tqcheck.lang``; the rule runs for every pair of languages that have them."""
from __future__ import annotations

from typing import Iterator

from .. import lang
from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule


@rule("TQ406", "negation-mismatch", Severity.WARNING, "Accuracy/Mistranslation", needs=("negation",))
def negation_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A negation the translation added, or one of the source it dropped.

    What it does: compares the polarity of the pair. It reports a translation with an explicit negation
    (not, n't, never, no, without ...) whose source has no negating word at all, and a translation with no
    negation of any kind (explicit, implied as in "failed" or "lack", or by an affix as in "unfriendly")
    whose source has an explicit sentence negation (没有/不/未, ない, не, nicht, pas, no ...).
    Why it matters: a flipped polarity reads fluently and inverts the news; an embedding barely notices
    it (the two sentences share every other word).
    Example: 日本政府没有宣布新的制裁。 -> "The Japanese government announced new sanctions."
    Any two languages whose modules list their negators (zh, ja, ru, de, fr, es, en), either way.
    """
    if not pair.source.strip() or not pair.target.strip():
        return
    source = lang.get(ctx.src_lang).polarity(pair.source)
    target = lang.get(ctx.tgt_lang).polarity(pair.target)
    if source is None or target is None:
        return
    # measured on WMT22 references: into English, whose module also knows the negation a word or an
    # affix implies (failed, unfriendly), a mismatch is worth a warning; into other languages, whose
    # idioms negate where the source does not (n'hésitez pas), it is only information
    severity = None if lang.get(ctx.tgt_lang).negation.implied else Severity.INFO  # type: ignore[union-attr]
    # each side's polarity is read as far as the verdict needs, the translation's first: one with an explicit
    # negator is reported only if its source has no negation at all, one without only if it has no negation
    # while its source has an explicit negator
    if target.explicit is not None:
        if source.negated:
            return
        word = pair.target[slice(*target.explicit)]
        yield Hit(f"the translation says '{word}' but the source has no negation",
                  span=Span("target", *target.explicit), evidence={"direction": "added", "word": word},
                  severity=severity)
    elif source.explicit is not None and not target.negated:
        word = pair.source[slice(*source.explicit)]
        yield Hit(f"the source is negated ('{word}') but the translation has no negation",
                  span=Span("source", *source.explicit), evidence={"direction": "dropped", "word": word},
                  severity=severity)
