"""TQ1xx: traces the MT pipeline left in the translation (lost-token gaps, unknown-token markers,
mojibake, subword markers, broken brackets, empty output; repetition loops are in ``repetition.py``)."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from .. import lang
from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule

# A run of two or more asterisks or hashes, or an unknown/mask token of the usual toolkits.
# "##" at the start of a word ("play ##ing") is a WordPiece continuation, TQ104's business.
_GAP = re.compile(
    r"\*{2,}|(?:(?<=\S)##|##(?![^\W_]))#*|###+|<unk>|\[UNK\]|<mask>|\[MASK\]|<UNK>", re.IGNORECASE
)


@rule("TQ101", "mt-gap", Severity.ERROR, "Accuracy/Omission")
def mt_gap(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A token the MT pipeline lost, left as a gap marker (`**`, `##`, `<unk>`, `[UNK]`).

    What it catches: literal gap markers in the translation, which some MT pipelines emit where
    a word could not be produced ("Japan** announced", "launched a ** against them").

    Why it matters: the reader sees a hole in the sentence and the lost word is usually content
    (a name, a verb, an object), so the sentence no longer says what the original said.

    Example: source 日本政府宣布对俄追加制裁 -> "Japan** announced new sanctions".
    Markers present in the source too (markdown emphasis copied over) are not flagged.
    """
    target = pair.target
    if "**" not in target and "##" not in target and "<" not in target and "[" not in target:
        return  # every marker has one of these
    for m in _GAP.finditer(target):
        if m.group() in pair.source:
            continue
        yield Hit(
            f"gap marker {m.group()!r}: a word was lost here",
            Span("target", m.start(), m.end()),
            {"marker": m.group()},
        )


@rule("TQ102", "replacement-character", Severity.ERROR, "Fluency/Character encoding")
def replacement_character(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """The Unicode replacement character U+FFFD in the translation.

    What it catches: characters lost to a decoding error somewhere in the pipeline.

    Why it matters: the lost character is often part of a name or number, and the reader sees
    a black diamond instead.

    Example: "Zürich" decoded badly becomes "Z\ufffdrich".
    """
    if "\ufffd" not in pair.target:
        return
    for m in re.finditer("\ufffd+", pair.target):
        if "\ufffd" in pair.source:
            return
        yield Hit("replacement character: text was lost to a decoding error", Span("target", m.start(), m.end()))


# --- TQ103 mojibake ---------------------------------------------------------------------------

def _cp1252_byte_map() -> dict[str, int]:
    """Character -> byte of "sloppy" cp1252: cp1252 where defined, latin-1 (C1 controls) elsewhere.

    Text decoded with either codec maps back to its original bytes through this one table.
    """
    out = {chr(b): b for b in range(0x80, 0x100)}
    for b in range(0x80, 0xA0):
        try:
            out[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            pass  # 0x81 0x8D 0x8F 0x90 0x9D: undefined in cp1252, left as latin-1 controls
    return out


_TO_BYTE = _cp1252_byte_map()
# What a UTF-8 continuation byte (0x80-0xBF) looks like once decoded as cp1252 or latin-1.
_CONT_CHARS = "".join(sorted(c for c, b in _TO_BYTE.items() if 0x80 <= b <= 0xBF))
_C = "[" + re.escape(_CONT_CHARS) + "]"
# A UTF-8 lead byte (0xC2-0xF4) as latin-1 followed by as many continuations as it announces;
# a run of such sequences is one mis-decoded stretch. "â€" alone is the start of a typographic
# quote or dash whose last byte was lost (0x9D is undefined in cp1252); "Ã" before a space
# after a lowercase letter is "à" whose no-break space became a space ("voilÃ ").
_LEADS = (("\u00c2-\u00df", 1), ("\u00e0-\u00ef", 2), ("\u00f0-\u00f4", 3))  # lead bytes, continuations after
# (every match opens on a character of U+00C2-U+00F4: the pattern opens on that class, so that the regex engine
# skips to those characters, and what follows is told by looking behind at the one it took)
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4](?:(?:"
    + "|".join(f"(?<=[{lead}]){_C}{{{n}}}" for lead, n in _LEADS)
    + ")(?:" + "|".join(f"[{lead}]{_C}{{{n}}}" for lead, n in _LEADS) + ")*"
    + "|(?<=\u00e2)\u20ac|(?<=[a-z]\u00c3)(?= ))"
)
# Punctuation that legitimately follows a letter ("café…”", "JOSÉ’s"): a lone sequence made of
# an accented letter and these is ordinary text, not mojibake.
_NATURAL_AFTER_LETTER = frozenset("‘’‚“”„…–—•«»‹›·\u00a0°")
#: Mis-decoded runs at most this many characters apart are one stretch.
_MOJIBAKE_GAP = 12
# Leads that are (almost) never followed by a continuation character in real text, even by
# punctuation: no word ends in them ("Å‚" is Polish ł, "Ñ‚" Russian т, "Ï„" Greek τ).
_STRONG_LEADS = frozenset("ÂÃÄÅÐÑÎÏ×â")
# Blocks a short mis-decoded sequence plausibly came from (Latin with its extensions and ə,
# Greek, Cyrillic, Hebrew, Arabic, punctuation, CJK, Hangul, emoji); a lone sequence decoding
# elsewhere (IPA, rare scripts) is more likely a coincidence of letters and punctuation.
_PLAUSIBLE = (
    (0x00A0, 0x024F), (0x0259, 0x0259), (0x0370, 0x04FF), (0x1E00, 0x1EFF), (0x0590, 0x06FF), (0x2000, 0x214F),
    (0x3000, 0x9FFF), (0xAC00, 0xD7A3), (0xFF00, 0xFFEF), (0x1F300, 0x1FAFF),
)


def _undo_mojibake(run: str) -> str | None:
    """The text ``run`` was before UTF-8 bytes were decoded as cp1252/latin-1, if it was."""
    text = run
    for _ in range(3):  # double-encoded text ("Ã¢â‚¬â„¢") needs more than one round
        try:
            text = bytes(_TO_BYTE.get(c, ord(c)) for c in text).decode("utf-8")
        except (ValueError, UnicodeDecodeError):  # a character beyond cp1252, or not UTF-8
            break
    return None if text == run else text


def _plausible(run: str, fixed: str) -> bool:
    if any(unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") for c in fixed):
        return False
    if len(fixed) > 1 or run[0] in _STRONG_LEADS:
        return True
    if all(c in _NATURAL_AFTER_LETTER for c in run[1:]):
        return False
    o = ord(fixed)
    return any(lo <= o <= hi for lo, hi in _PLAUSIBLE)


@rule("TQ103", "mojibake", Severity.ERROR, "Fluency/Character encoding")
def mojibake(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """Text decoded with the wrong character encoding (mojibake), such as "Ã©" for "é".

    What it catches: UTF-8 text that a step of the pipeline read as cp1252 or latin-1:
    "Ã©", "Ã¼" for accented letters, "â€™", "â€œ" for typographic quotes, "Ð¿Ñ€Ð¸" for
    Cyrillic, "æ—¥æœ¬" for Chinese or Japanese. A stretch is reported only when reading it
    back as UTF-8 gives sensible text, which is shown as the likely original.

    Why it matters: the reader sees garbage where a letter, a quote or a whole name was, and
    names and numbers next to it can no longer be checked.

    Example: "Zürich" -> "ZÃ¼rich", "Putin’s" -> "Putinâ€™s", "Привет" -> "ÐŸÑ€Ð¸Ð²ÐµÑ‚".
    A stretch present in the source too (copied from a badly encoded original) is not flagged.
    """
    group: list[tuple[int, int, str, str]] = []
    for run in _mojibake_runs(pair.target, pair.source, lang.get(ctx.tgt_lang).own_letters):
        # Mis-decoded words of one stretch ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€") make one finding.
        if group and run[0] - group[-1][1] > _MOJIBAKE_GAP:
            yield _mojibake_hit(pair.target, group)
            group = []
        group.append(run)
    if group:
        yield _mojibake_hit(pair.target, group)


def _mojibake_runs(text: str, source: str, own_letters: str = "") -> list[tuple[int, int, str, str]]:
    """(start, end, run, repaired run) of each mis-decoded stretch of ``text`` not in ``source``. A lone
    sequence that would be one character, made of the text language's own letters (``own_letters``, Czech úž
    and íš: ú and í are lead bytes in latin-1, ž and š continuation bytes in cp1252), is its words."""
    out: list[tuple[int, int, str, str]] = []
    if text.isascii():
        return out  # every mis-decoded sequence starts with a letter beyond ASCII
    for m in _MOJIBAKE.finditer(text):
        run = m.group()
        if run in source:
            continue
        if run == "\u00e2\u20ac":
            fixed = "\u2019"  # a quote or a dash; which one is lost with the third byte
        elif run == "\u00c3":
            fixed = "\u00e0"
        else:
            undone = _undo_mojibake(run)
            if undone is None or not _plausible(run, undone):
                continue
            if own_letters and len(undone) == 1 and run[0] not in _STRONG_LEADS and all(
                    c.lower() in own_letters for c in run if c.isalpha()):
                continue  # Úžasné, nevíš“: Czech letters
            fixed = undone
        out.append((m.start(), m.end(), run, fixed))
    return out



def _mojibake_hit(target: str, group: list[tuple[int, int, str, str]]) -> Hit:
    start, end = group[0][0], group[-1][1]
    text = target[start:end]
    fixed = text
    for _, _, run, repaired in group:
        fixed = fixed.replace(run, repaired, 1)
    return Hit(
        f"mojibake {text!r}: UTF-8 text decoded as cp1252/latin-1, probably {fixed!r}",
        Span("target", start, end),
        {"text": text, "fixed": fixed},
    )


# --- TQ104 subword markers --------------------------------------------------------------------

_SUBWORD = {
    "SentencePiece": re.compile("\u2581+"),
    # BPE (subword-nmt, fastBPE): "@@" glued to the end of a word piece.
    "BPE": re.compile(r"(?<=[^\W_])@@(?!\S)"),
    # WordPiece: "##" glued to the start of a continuation piece ("play ##ing"); other "##" are gaps.
    "WordPiece": re.compile(r"(?<!\S)##(?=[^\W_])"),
}


#: What every marker of each kind contains.
_SUBWORD_MARK = {"SentencePiece": "\u2581", "BPE": "@@", "WordPiece": "##"}


@rule("TQ104", "subword-marker", Severity.ERROR, "Fluency/Spelling")
def subword_marker(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """Subword-segmentation markers left in the translation (`▁`, `@@`, ` ##`).

    What it catches: the joints of the MT model's word pieces that detokenisation should have
    removed: SentencePiece's "▁" (U+2581), BPE's "@@" at the end of a piece ("reconstru@@ ction"),
    WordPiece's "##" at the start of a continuation piece ("play ##ing").

    Why it matters: the words are split or glued in the wrong places, the reader stumbles over
    every one, and it shows that the output skipped a pipeline step (so other damage is likely).

    Example: "▁The▁minister▁said" or "the reconstru@@ ction of the port".
    One finding per kind of marker and pair; markers present in the source are not flagged.
    A "##" not glued to a following word is a gap marker (TQ101).
    """
    for kind, pattern in _SUBWORD.items():
        if _SUBWORD_MARK[kind] not in pair.target:
            continue
        found = [m for m in pattern.finditer(pair.target) if m.group() not in pair.source]
        if found:
            first = found[0]
            yield Hit(
                f"{len(found)} {kind} subword marker(s) {first.group()!r} left in the text",
                Span("target", first.start(), first.end()),
                {"kind": kind, "marker": first.group(), "count": len(found)},
            )


# --- TQ106 unbalanced brackets and quotes ------------------------------------------------------

# Pairs whose opening and closing marks differ, matched by depth per kind.
_BRACKET_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "round": (("(", ")"), ("（", "）")),
    "square": (("[", "]"), ("［", "］"), ("【", "】"), ("〔", "〕"), ("〖", "〗")),
    "curly": (("{", "}"), ("｛", "｝")),
    "quote": (("「", "」"), ("『", "』"), ("《", "》"), ("〈", "〉")),
}
# Enumerators "1)", "a)", "iv)" and emoticons use a lone round bracket on purpose.
_LONE_BRACKET = re.compile(r"(?<!\S)(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})\)|[:;]-?[()]")
# A straight double quote after a digit may be an inch or seconds mark (5'11"), or may close
# a quotation ("... 1095 days No. 1"): balanced if the count is even either way.
_INCH = re.compile(r'(?<=\d)"')
# ‘ opening a year ("‘90s") is an apostrophe typed the wrong way round.
_YEAR_APOSTROPHE = re.compile(r"‘(?=\d)")


#: Each opening mark -> a pattern finding it and its closing mark (the only characters that
#: change the depth).
_MARK_OF = {opener: re.compile("[" + re.escape(opener + closer) + "]")
            for pairs in _BRACKET_PAIRS.values() for opener, closer in pairs}


#: Every character _imbalances looks at: without one, nothing is unbalanced.
_ANY_MARK = re.compile("[" + re.escape("".join(c for pairs in _BRACKET_PAIRS.values() for pair in pairs for c in pair)
                                       + "“”„‟«»‹›\"‘") + "]")


def _positions(text: str, marks: str) -> list[int]:
    """Offsets of the characters of ``marks`` in ``text``, in order."""
    if not any(c in text for c in marks):
        return []
    return [i for i, c in enumerate(text) if c in marks]


def _imbalances(text: str) -> list[tuple[str, str, int]]:
    """(kind, mark, offset) of each kind of bracket or quote left unbalanced in ``text``."""
    if not _ANY_MARK.search(text):
        return []  # no bracket or quote at all
    if "(" in text or ")" in text:  # every enumerator and emoticon has a round bracket
        text = _LONE_BRACKET.sub(lambda m: " " * len(m.group()), text)
    out: list[tuple[str, str, int]] = []
    for kind, pairs in _BRACKET_PAIRS.items():
        for opener, closer in pairs:
            if opener not in text and closer not in text:
                continue
            depth, open_at = 0, []
            for m in _MARK_OF[opener].finditer(text):
                i, c = m.start(), m.group()
                if c == opener:
                    depth += 1
                    open_at.append(i)
                elif c == closer:
                    if depth == 0:
                        out.append((kind, closer, i))
                        break
                    depth -= 1
                    open_at.pop()
            else:
                if depth:
                    out.append((kind, opener, open_at[-1]))
    # Quotes whose direction depends on the language (“a” in English, „a“ in German, ”a” in
    # Swedish; «a» and »a«): balanced when they come in pairs.
    if len(curly := _positions(text, "“”„‟")) % 2:
        out.append(("quote", text[curly[-1]], curly[-1]))
    for a, b in (("«", "»"), ("‹", "›")):
        if text.count(a) != text.count(b):
            more = a if text.count(a) > text.count(b) else b
            out.append(("quote", more, text.rindex(more)))
    straight = text.count('"')
    if straight % 2 and len(_INCH.findall(text)) % 2 == 0:  # odd with and without inch marks
        out.append(("quote", '"', text.rindex('"')))
    # ’ is also the apostrophe (Putin’s, players’), so only an opening ‘ without any possible
    # closing mark is sure to be unbalanced; German ‚a‘ closes with ‘.
    singles = _YEAR_APOSTROPHE.sub(" ", text) if "‘" in text else text
    if singles.count("‘") > singles.count("’") + singles.count("‚"):
        out.append(("quote", "‘", singles.rindex("‘")))
    return out


@rule("TQ106", "unbalanced-brackets", Severity.WARNING, "Fluency/Punctuation")
def unbalanced_brackets(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A bracket or quotation mark opened and not closed (or closed and not opened).

    What it catches: unbalanced ( ) [ ] { }, “ ” „ « » 「 」 ‘ ’ and straight double quotes in
    the translation, when the source's brackets and quotes of that kind are balanced.

    Why it matters: the reader cannot tell where a quotation or an aside ends, which can put
    words in the wrong person's mouth; it often marks a dropped or duplicated piece of text.

    Example: 他说：“我们会回来的。” -> "He said: “We will be back."
    Apostrophes (don't, Putin’s, Ken'ichi) are not quotes; enumerators like "1)" and
    emoticons are ignored; quotes opened in one sentence and closed in the next are left alone
    when the source sentence is unbalanced too.
    """
    target = pair.target
    if not target.isascii() and _MOJIBAKE.search(target):
        # Mojibake is full of quote marks ("â€ž" is „, "Ã“" is Ó): that defect is TQ103's.
        for start, end, _, _ in _mojibake_runs(target, pair.source, lang.get(ctx.tgt_lang).own_letters):
            target = target[:start] + " " * (end - start) + target[end:]
    found = _imbalances(target)
    if not found:
        return
    source_kinds = {kind for kind, _, _ in _imbalances(pair.source)}
    reported: set[str] = set()
    for kind, mark, offset in found:
        if kind in source_kinds or mark in reported:
            continue
        reported.add(mark)
        yield Hit(
            f"unbalanced {mark!r}: its counterpart is missing",
            Span("target", offset, offset + 1),
            {"mark": mark, "kind": kind},
        )


# --- TQ107 empty translation ------------------------------------------------------------------

_CONTENT = re.compile(r"[^\W_]")


# Besides the artefact, number, name and untranslated checks, the length-ratio check (TQ403)
# would only say again that nothing is there.
@rule(
    "TQ107", "empty-translation", Severity.ERROR, "Accuracy/Omission",
    suppresses=("TQ1", "TQ2", "TQ3", "TQ403", "TQ406", "TQ407", "TQ5"),
)
def empty_translation(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A translation with no words: empty, or only punctuation, symbols or spaces.

    What it catches: a target sentence that exists but says nothing ("." or "…" or "—" for a
    source sentence with words), which MT systems emit when decoding fails or is cut short.

    Why it matters: the whole sentence is lost, and nothing but a stray mark shows it.

    Example: 彗星可能是地球上水和有机物的来源。 -> "."
    This rule is a gate: the artefact, number, name, length-ratio and untranslated-text checks
    do not run on a pair it flags. A pair with no target sentence at all is TQ401's.
    """
    if not pair.src_segments or not pair.tgt_segments or _CONTENT.search(pair.target):
        return
    if any(c.isalpha() for c in pair.source):
        yield Hit(
            f"translation {pair.target.strip()!r} has no words; the source sentence has",
            Span("target", 0, len(pair.target)),
            {"target": pair.target},
        )
