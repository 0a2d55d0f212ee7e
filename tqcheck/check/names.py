"""TQ3xx: names. People, places and organisations compared across scripts, and glossary terms."""
from __future__ import annotations

import operator
import re
from typing import Iterator

from .. import lang as language
from ..lang.zh_names import TRANSLIT_NAME as _TRANSLIT_NAME
from ..types import Pair, Severity, Span
from .entities import NameAnalysis, TargetName
from .facts import facts_of
from . import translit as tr
from .gazetteer_build import get_gazetteer
from .name_tools import is_english_word
from .registry import CheckContext, Hit, rule

ENTITY = "Accuracy/Mistranslation/Entity"
_START = operator.attrgetter("start")


def _analysis(pair: Pair, ctx: CheckContext) -> NameAnalysis:
    analysis: NameAnalysis = facts_of(pair, ctx).names
    return analysis


def _quote(items: tuple[str, ...] | list[str]) -> str:
    return " or ".join(repr(i) for i in items)


@rule("TQ301", "name-missing", Severity.ERROR, ENTITY, needs=("names",), uses=("names",))
def name_missing(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A name in the source with no counterpart in the translation.

    What it catches: a country, region, city, organisation, a Latin-script name (CEP, TogiNet Radio),
    a transliterated foreign name (杜伊斯堡 Duisburg) or a person named next to a title or a speech
    verb (站长段梦琪说) that the translation leaves out or renders as another name (Игорь Петренко
    -> "Igor Petrov"). A translation whose grammar shows a hole where a name was ("imported into
    this country from are duty free", "the source of 's water") is reported as a warning.

    Why it matters: a dropped or changed name changes who did what and where; metric scores hardly
    move when one word in a sentence is lost, so these errors survive review.

    Example: 从中美洲进口到这个国家的大部分货物都是免关税的 -> "most of the goods imported into this
    country from are duty free": 中美洲 (Central America) is missing. The finding points at the
    source name, or at the wrong rendering ("Igor Petrov") when the translation has one.
    A name in another transliteration (Andrei/Andrey Sokolov, Ken'ichi/Kenichi), a country by
    another of its names (美国 -> "the US", "America"), a capital for its country (Washington for
    美方) and a Latin-script name kept as it is are counterparts.
    """
    a = _analysis(pair, ctx)
    src_deictic, tgt_deictic = language.get(ctx.src_lang).deictic_country, language.get(ctx.tgt_lang).deictic_country
    for s in a.source:
        if s.matched:
            continue
        if (s.kind == "place" and src_deictic and tgt_deictic and src_deictic.fullmatch(s.text)
                and tgt_deictic.search(pair.target)):
            continue  # 我国 "our country", 国内 "domestic": the translation says it the same way
        shown = f"{s.text} ({', '.join(s.expected)})" if s.expected and s.expected[0] != s.text else s.text
        if s.rendered:
            msg = f"source name {shown} appears as {s.rendered!r} in the translation"
        else:
            msg = f"source name {shown} has no counterpart in the translation"
        evidence: dict[str, object] = {"name": s.text, "kind": s.kind, "expected": list(s.expected),
                                       "source_start": s.start, "source_end": s.end}
        span = Span("source", s.start, s.end)
        if s.rendered:
            evidence["rendered"] = s.rendered
            if s.rendered_span:  # the wrong rendering is where the reader will see the error
                span = Span("target", *s.rendered_span)
        yield Hit(msg, span, evidence, s.severity)
    if a.scars and all(s.matched for s in a.source):
        for scar in a.scars[:1]:
            yield Hit(
                f"the translation has a hole where a name may have been dropped: {scar.reason} ({scar.text!r})",
                Span("target", scar.start, scar.end), {"scar": scar.text, "reason": scar.reason}, Severity.WARNING)


@rule("TQ302", "name-added", Severity.WARNING, ENTITY, needs=("names",), uses=("names",))
def name_added(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A name in the translation with no counterpart in the source.

    What it catches: a capitalised name, an acronym, a country, city or glossary name that the source
    does not contain in any script ("Austria" where the source says 地球 Earth; "Stanley Cups" for
    段梦琪). A known place that stands where a source place is missing is an error, another known
    place or glossary name a warning (translators add places to explain). An unknown capitalised word,
    most often a translated title, is information, and a warning where names are copied (both languages
    in the Latin script) or where a source name is missing (docs/precision.md has the measured rates).

    Why it matters: an invented or substituted name puts a false fact in the story, and the reader
    has no way to notice it.

    Example: 日俄之间的长期紧张关系 -> "The long-term tension between China and the United States":
    neither China nor the United States is in the source (which names Japan and Russia).
    A country named where the source says 回国 or 两国 ("return home", "both countries") is not
    reported; demonyms ("Russian") are evidence for a place but never reported on their own.
    """
    a = _analysis(pair, ctx)
    gaz = get_gazetteer()
    deictic: bool | None = None  # worked out when first needed
    report: list[list[TargetName]] = []
    # an unknown name is worth a warning where names are copied across (de -> en: Schwarzenegger stays
    # Schwarzenegger), or where a source name went missing (it may have become this one)
    src, tgt = language.get(ctx.src_lang), language.get(ctx.tgt_lang)
    copies_names = src.script == tgt.script == "Latn"
    # a source name went missing: one the analysis did not match, or a person the source's tagger reads
    # (a.unread_persons: tagged only when asked, so asked last)
    missing_name = any(not s.matched for s in a.source)
    for t in sorted(a.target, key=_START):
        if t.matched or t.explained or t.adjective:
            continue
        if not t.replaced and t.kind == "place" and deictic is None:
            words = language.get(ctx.src_lang).deictic_country  # 我国 "our country", 回国 "return home"
            deictic = bool(words and words.search(pair.source))
        if deictic and not t.replaced and t.kind == "place" and all(
                (p := gaz.place(k)) is not None and p.kind == "country" for k in t.keys):
            continue  # 回国 -> "returning to China": the translation names the country the source means
        last = report[-1] if report else None
        if (last is not None and t.kind == "name" and last[-1].kind == "name"
                and pair.target[last[-1].end:t.start] in (" ", "-")):
            last.append(t)  # "Zhang Jike": one name, one finding
        else:
            report.append([t])
    for group in report:
        t = group[0]
        start, end = t.start, group[-1].end
        text = pair.target[start:end]
        # measured on WMT22 references: translators add known places to explain (浙大 -> "Zhejiang
        # University"), so an added place is an error only where it replaces a source name; an unknown
        # capitalised word is most often a translated title, so it is only information
        if t.known:
            severity = Severity.ERROR if t.replaced else Severity.WARNING
        elif any(c.isdigit() for c in t.text):
            # codes get respaced and reformatted (E 95 -> E95, B 57): only information unless a source
            # name went missing, or, where names are copied, the source has none of its figures (A4 for Larry)
            severity = Severity.WARNING if missing_name or copies_names and not any(
                re.search(rf"(?<!\d){d}(?!\d)", pair.source) for d in re.findall(r"\d+", text)) or bool(
                a.unread_persons) else Severity.INFO
        else:
            # where names are copied, a sentence's first word that the translation's dictionary knows
            # (Yeah, Streetlight) is no name
            first = not pair.target[:t.start].strip() or pair.target[:t.start].rstrip()[-1:] in ".!?:;\"“”«»("
            copied = copies_names and not t.guessed and not (
                first and tgt.is_word is not None and all(tgt.is_word(x.text.lower()) for x in group)) and not (
                # a word of the dictionary in capitals for emphasis (SINGLE, NOTHING for EINZIGEN), no acronym
                t.kind == "acronym" and len(text) >= 4 and tgt.is_word is not None and tgt.is_word(text.lower()))
            severity = Severity.WARNING if copied or missing_name or _foreign_letters(text, src) or _unsourced_foreign_name(
                text, pair.source, ctx.src_lang) or bool(a.unread_persons) else Severity.INFO
        what = {"place": "place", "glossary": "glossary name", "acronym": "acronym"}.get(t.kind, "name")
        msg = f"{what} {text!r} in the translation has no counterpart in the source"
        if t.replaced:
            msg += f" (the source names {', '.join(t.replaced)} here)"
        evidence: dict[str, object] = {"name": text, "kind": t.kind}
        if t.replaced:
            evidence["source_names"] = list(t.replaced)
        yield Hit(msg, Span("target", start, end), evidence, severity)


def _foreign_letters(name: str, src: language.Language) -> bool:
    """Whether a name has letters no romanisation of a source written in its own script gives (Banaś,
    Jarosław from Chinese or Japanese: pinyin has ü, Hepburn macrons): it cannot be the source's name."""
    if src.script in ("Latn", "") or name.isascii():
        return False
    return any(c.isalpha() and not c.isascii() and c not in _ROMANISATION_LETTERS for c in name)


def _unsourced_foreign_name(name: str, source: str, src_lang: str) -> bool:
    """Whether a name of two words or more, neither a romanisation of the source's language (pinyin, Hepburn)
    nor English words, stands in a translation of a Chinese or Japanese source that writes no foreign name
    (no run of transliteration characters, no katakana but common nouns): 'Rahat Ahmed', 'Sanjay Srivastava'."""
    parts = re.findall(r"[^\W\d_]+", name)
    if len(parts) < 2 or not language.get(src_lang).unspaced or any(is_english_word(p) for p in parts):
        return False
    if language.get(src_lang).name_reading == "pinyin":
        return not any(tr.is_pinyin_word(p) for p in parts) and not _TRANSLIT_NAME.search(source)
    tag = language.get(src_lang).name_tag  # a katakana word of the dictionary (ゴール "goal") names no one
    return not any(tr.is_romaji(p.lower()) for p in parts) and all(
        tag(k.group()) == "common" for k in _KATAKANA_RUN.finditer(source))


_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")
#: Letters besides ASCII that romanisations of the languages written in their own scripts use.
_ROMANISATION_LETTERS = frozenset("āēīōūǖüÜĀĒĪŌŪâêîôûáéíóúàèìòùǎěǐǒǔ")


@rule("TQ303", "name-swapped", Severity.ERROR, ENTITY, needs=("names",), uses=("names",))
def name_swapped(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """Two names of the source exchanged in the translation: one of them appears where the other should.

    What it catches: the source names A and B; the translation names A more often than the source
    does and B less often, so a B became an A ("after Russia announced further sanctions against
    Russia" for 日本宣布对俄罗斯追加制裁后, "after Japan announced further sanctions against Russia").

    Why it matters: who sanctions whom, who attacked whom: a swapped actor inverts the news, and
    every word of the sentence still looks right.

    Example: 在日本宣布对俄罗斯追加制裁后 -> "after Russia announced further sanctions against Russia".
    When this rule fires for a pair of names, TQ301 and TQ302 stay silent about them.
    """
    a = _analysis(pair, ctx)
    gaz = get_gazetteer()
    for sw in a.swaps:
        missing, extra = gaz.display(sw.missing, "en"), gaz.display(sw.extra, "en")
        yield Hit(
            f"{extra} appears where the source names {sw.src_text} ({missing}): the source has both, "
            f"the translation has {extra} too often and {missing} too rarely",
            Span("target", *sw.tgt_span),
            {"missing": missing, "extra": extra, "source": sw.src_text, "target": sw.tgt_text},
            # measured on WMT22 references: a one-letter abbreviation (华裔 "Chinese-American") is often
            # rendered by another word, so a swap resting on one is a warning
            Severity.WARNING if sw.weak else None,
        )


@rule("TQ304", "name-spurious-word", Severity.WARNING, ENTITY, needs=("names",), uses=("names",))
def name_spurious_word(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A kinship term or honorific glued to a person's name that the source does not have.

    What it catches: "Cousin Yuri Trutnev" for 尤里·特鲁特涅夫 (the source has no word for cousin),
    "Uncle", "Saint", "Sir", "King" and the like directly before a name matched to the source.

    Why it matters: the extra word changes who the person is, and it reads as a fact.

    Example: 总统全权代表尤里·特鲁特涅夫 -> "Cousin Yuri Trutnev". Job titles (President, Minister,
    Governor) are not reported: translations add them for clarity.
    """
    a = _analysis(pair, ctx)
    for sp in a.spurious:
        yield Hit(f"{sp.word!r} before the name {sp.name!r} has no counterpart in the source",
                  Span("target", sp.start, sp.end), {"word": sp.word, "name": sp.name})


@rule("TQ305", "glossary-mismatch", Severity.ERROR, "Accuracy/Mistranslation/Terminology", uses=("names",))
def glossary_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A glossary term in the source whose prescribed translation is not in the translation.

    What it catches: the source has a term of the glossary in force (``--glossary``, or ``glossary``
    in the configuration) and the translation has none of the target terms the glossary accepts.

    Why it matters: a newsroom's glossary fixes how its names and terms are written; a different
    spelling of a name (Andrey for Andrei) or a different rendering is inconsistent at best and a
    wrong person or place at worst.

    Example: with the row 山本健一<TAB>Kenichi Yamamoto, 緑浜鉄道の山本健一社長 -> "Midorihama Railway
    President Kenichi Yamada". Several rows for one source term all count as accepted.
    """
    if not ctx.glossary:
        return  # no term to miss: the pair's names are not analysed for this rule (in a pair the other name rules
        # skip, Czech or Ukrainian, nothing else asks for them)
    a = _analysis(pair, ctx)
    for g in a.glossary_misses:
        msg = f"glossary term {g.term!r} should be translated as {_quote(g.expected)}"
        if g.found:
            msg += f"; the translation has {g.found!r}"
        evidence: dict[str, object] = {"term": g.term, "expected": list(g.expected)}
        if g.found:
            evidence["found"] = g.found
        yield Hit(msg, Span("source", g.start, g.end), evidence)
