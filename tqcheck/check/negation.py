"""TQ406: a negation the translation added or dropped. Polarity is a value like a number: "approved" for
"did not approve" reads fluently and inverts the news. Sources in zh, ja, ru, de, fr and es; English
translations (the target side needs its list of negations, explicit and implied)."""
from __future__ import annotations

import re
from typing import Iterator

from ..types import Pair, Severity, Span
from .entities import is_english_word
from .registry import CheckContext, Hit, rule

# Per source language: every negator (any of them means the source is not affirmative), the explicit
# sentence negators among them (only those make a dropped negation certain enough to report), and
# words that contain a negator without negating (不断 "constantly", 未来 "future", 非洲 "Africa").
_SOURCE: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]] = {
    "zh": (
        re.compile(r"没有|不|没|未|无|非|别|勿|否|拒|禁|免|停|缺|难以|失败|反对|阻止|防止|欠"),
        re.compile(r"没有|没|未(?!来)|不(?![的])"),
        re.compile(r"不断|不同|不过|不仅|不但|不久|不少|不管|不论|不然|不如|不禁|不停|不得不|不可避免|不一定|不光|"
                   r"非常|非洲|无论|无数|无人机|无线|未来|除非|是否|与否|能否|可否|无疑|毫不犹豫|不可或缺|别人|别的|"
                   r"特别|区别|分别|类别|级别|性别|告别|差别|个别|识别|鉴别|派别|别墅|莫非|否则|免费|难免|以免|未必|"
                   r"停车|停留"),
    ),
    "ja": (
        re.compile(r"ない|なかっ|ません|ず(?:に)?|ぬ|無|不|非|未|拒|禁|停止|欠"),
        re.compile(r"ない|なかっ|ません|ず(?:に)?"),
        re.compile(r"未来|非常|少ない|危ない|ならない|いけない|かもしれない|に違いない"),
    ),
    "ru": (
        re.compile(r"\b(?:не|нет|ни|без|никогда|ничего|никто|нигде|нельзя|отказ\w*|запрет\w*)\b", re.I),
        re.compile(r"\b(?:не|нет|никогда|ничего|никто|нельзя)\b", re.I),
        re.compile(r"\b(?:не только|не менее|не раз|тем не менее|ни разу не)\b", re.I),
    ),
    "de": (
        re.compile(r"\b(?:nicht|kein\w*|nie|niemals|ohne|weder|nichts|niemand|verweiger\w*|verbot\w*|abgelehnt)\b", re.I),
        re.compile(r"\b(?:nicht|kein\w*|nie|niemals|nichts|niemand)\b", re.I),
        re.compile(r"\b(?:nicht nur|nicht zuletzt|nichtsdestotrotz)\b", re.I),
    ),
    "fr": (
        re.compile(r"\b(?:ne|n'|n’|pas|jamais|sans|aucun\w*|rien|ni|personne|refus\w*|interdi\w*)\b", re.I),
        re.compile(r"\b(?:pas|jamais|aucun\w*|rien)\b", re.I),
        re.compile(r"\b(?:non seulement|ne \w+ que|n'\w+ que|n’\w+ que|pas mal)\b", re.I),
    ),
    "es": (
        re.compile(r"\b(?:no|nunca|jamás|sin|ni|nada|nadie|ningún|ninguna|ninguno|rechaz\w*|prohib\w*)\b", re.I),
        re.compile(r"\b(?:no|nunca|jamás|nada|nadie|ningún|ninguna|ninguno)\b", re.I),
        re.compile(r"\b(?:no solo|no sólo|no obstante)\b", re.I),
    ),
}
_APOS = "['’]"
#: Explicit English negations: one of these in a translation of an affirmative source is reported.
_EN_EXPLICIT = re.compile(rf"\b(?:not|no(?!\.?\s*\d)|never|none|nobody|nothing|nowhere|neither|nor|without|cannot)\b|"
                          rf"n{_APOS}t\b", re.I)
#: Negative words that do not negate: "not only", "No. 1", "no doubt".
_EN_NOT_NEGATION = re.compile(r"\b(?:not only|not just|not least|no doubt|no matter|nothing but|no longer than)\b", re.I)
#: Negation implied by a word: enough to account for a source negator, never reported as added.
_EN_IMPLIED = re.compile(
    r"\b(?:unable|fail(?:s|ed|ing|ure)?|lack(?:s|ed|ing)?|refus(?:e|es|ed|ing|al)|den(?:y|ies|ied|ial)|"
    r"absen(?:t|ce)|free|avoid\w*|prevent\w*|stop\w*|ban(?:s|ned)?|prohibit\w*|halt\w*|oppos\w*|reject\w*|"
    r"less|rarely|seldom|hardly|barely|poor\w*|bad\w*|insufficient\w*|few|little|only|instead|"
    r"still|yet|remain\w*|pending|ongoing)\b",  # 尚未/余波未平 "still", "remains"
    re.I,
)
#: Negation by affixes: unfriendly, nonviolent, asymptomatic, endless (the stem must be a word itself).
_EN_AFFIX = re.compile(r"\b(?:un|non-?|dis|in|im|ir|il)([a-z]{4,})\b|\b([a-z]{3,})less(?:ly|ness)?\b|"
                       r"\ba(symptomatic|typical|political|moral|sexual)\b", re.I)


def _source_negation(text: str, lang: str) -> tuple[bool, re.Match[str] | None] | None:
    """(has any negator, the first explicit sentence negator), or None for a language without a table."""
    table = _SOURCE.get(lang.split("-")[0])
    if table is None:
        return None
    any_neg, explicit, not_neg = table
    # blanked to the same length, so that offsets still point into the source
    plain = not_neg.sub(lambda m: " " * len(m.group()), text) if not_neg else text
    return bool(any_neg.search(plain)), explicit.search(plain)


def _english_implies_negation(text: str) -> bool:
    if _EN_EXPLICIT.search(text) or _EN_IMPLIED.search(text):
        return True
    for m in _EN_AFFIX.finditer(text):
        if m.group(3) or is_english_word((m.group(1) or m.group(2)).lower()):
            return True
    return False


@rule("TQ406", "negation-mismatch", Severity.WARNING, "Accuracy/Mistranslation")
def negation_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A negation the translation added, or one of the source it dropped.

    What it does: compares the polarity of the pair. It reports a translation with an explicit negation
    (not, n't, never, no, without ...) whose source has no negating word at all, and a translation with no
    negation of any kind (explicit, implied as in "failed" or "lack", or by an affix as in "unfriendly")
    whose source has an explicit sentence negation (没有/不/未, ない, не, nicht, pas, no ...).
    Why it matters: a flipped polarity reads fluently and inverts the news; an embedding barely notices
    it (the two sentences share every other word).
    Example: 日本政府没有宣布新的制裁。 -> "The Japanese government announced new sanctions."
    Sources in zh, ja, ru, de, fr and es; English translations.
    """
    if not pair.source.strip() or not pair.target.strip() or ctx.tgt_lang.split("-")[0] != "en":
        return
    source = _source_negation(pair.source, ctx.src_lang)
    if source is None:
        return
    any_neg, explicit = source
    if not any_neg:
        m = next((m for m in _EN_EXPLICIT.finditer(pair.target)
                  if not any(n.start() <= m.start() < n.end() for n in _EN_NOT_NEGATION.finditer(pair.target))), None)
        if m:
            yield Hit(f"the translation says '{m.group()}' but the source has no negation",
                      span=Span("target", m.start(), m.end()), evidence={"direction": "added", "word": m.group()})
    elif explicit and not _english_implies_negation(pair.target):
        word = pair.source[explicit.start():explicit.end()]
        yield Hit(f"the source is negated ('{word}') but the translation has no negation",
                  span=Span("source", explicit.start(), explicit.end()), evidence={"direction": "dropped", "word": word})
