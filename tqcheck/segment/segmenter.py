"""Split a document into sentences with exact character offsets, in one linear pass of compiled regexes.

Why not pySBD (0.3.4, installed): measured on this machine (2 cores) with ``char_span=True, clean=False``:

* speed: the 2,000-sentence document of ``scripts/bench_segment.py`` as one paragraph took 12.9 s
  (160 sentences/s). It is quadratic: a single paragraph of 100 kB took 6 s, 250 kB took 35 s, 500 kB
  took 179 s and 1 MB took 736 s (24 sentences/s). A 20 MB single line would take days.
* spans: on fuzzed input its spans overlapped or dropped characters (``'.world(!Mr.. ?!'`` loses
  ``'?!'``), which breaks the "every character in exactly one segment" contract.
* languages: it has no Korean. In Chinese it moves the closing quote of ``“你好。”`` into the next
  sentence, and it splits after Russian ``т.е.`` and Spanish ``Sr.``.

This segmenter: the same 2,000 sentences take about 20 ms (~100,000 sentences/s), and a 20 MB single
line (330k sentences) takes 2.7 s; 5 and 10 MB take 0.6 s and 1.1 s, so time grows linearly. Every
decision looks only at a bounded window around a candidate terminator, and each line is read once.
"""
from __future__ import annotations

import re

from tqcheck.read.lines import LineIndex
from tqcheck.segment.languages import (
    CJK_LANG_STOPS,
    CJK_STOPS,
    CONTINUATION_END,
    FORMAT_CHARS,
    JA_PARTICLES,
    JA_QUOTE_CLOSERS,
    KO_ENDINGS,
    LOWER_ABBREVIATIONS,
    NO_START,
    OPENERS,
    Rules,
    SCALES,
    UNITS,
    rules_for,
)
from tqcheck.segment.layout import USUAL_WIDTH, Layout, detect_layout
from tqcheck.types import Segment

_SKIP_RE = re.compile(f"[\\s{FORMAT_CHARS}]*")
_NONSPACE_RE = re.compile(r"\S")
_NONSPACE_RUN_RE = re.compile(r"\S+")
# Letter-dot abbreviations: U.S, e.g, z.B, т.е, EE.UU, J.-C, p.ej (the final period is the terminator).
_DOTTED_RE = re.compile(r"(?:[^\W\d_]{1,2}\.-?)+[^\W\d_]{1,2}")
_WORD_RE = re.compile(r"[^\W\d_]{1,24}")
# A short word with a period, next after a one-letter one: n. Chr., v. Chr. (the two are one abbreviation).
_SHORT_DOTTED_RE = re.compile(r"[^\W\d_]{1,4}\.(?!\w)")
# Bullets, numbered items and Markdown markers: a line starting with one starts a new sentence.
_LIST_MARK_RE = re.compile(r"(?:[-*•·▪‣◦–—>]|\d{1,3}[.)]|#+)(?=\s)|#")
_WINDOW = 64  # longest word looked at before a period; longer tokens are never abbreviations
_HEADING_WORDS = 12
_HEADING_CHARS = 40  # for scripts without spaces
_HEADING_MAX_CHARS = 120




def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    if o < 0x3000:
        return False
    return (
        o <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x31F0 <= o <= 0x31FF
        or 0x20000 <= o <= 0x2FFFF
    )


def _is_hangul(ch: str) -> bool:
    o = ord(ch)
    return 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F


def _words_before(text: str, a: int, floor: int) -> list[str]:
    """The whitespace-separated words in a short window ending at ``a`` (the last one touches ``a``).

    Empty when nothing touches ``a`` or the touching word is too long to be an abbreviation.
    """
    lo = max(floor, a - _WINDOW)
    if a <= lo or text[a - 1].isspace():
        return []
    words = text[lo:a].split()
    if lo > floor and not text[lo - 1].isspace():
        del words[0]  # cut by the window
    return words


def _is_end(
    text: str, a: int, t_end: int, b: int, n: int, sent_start: int, rules: Rules, line_end: bool
) -> bool:
    """Whether the terminator run ``text[a:t_end]`` (closers up to ``b``) ends a sentence.

    ``n`` is the first character of what would be the next sentence; ``line_end`` says a newline lies
    between, in which case the case of that character is not asked (a line ending in a full stop ends
    its sentence).
    """
    c = text[n]
    run = text[a:t_end]
    if not (CJK_LANG_STOPS if rules.cjk else CJK_STOPS).isdisjoint(run):
        if run == "．" and a > 0 and text[a - 1].isdigit() and t_end < len(text) and text[t_end].isdigit():
            return False  # full-width decimal point: ３．５
        if c in NO_START:
            return False
        quote_closed = b > t_end and text[b - 1] in JA_QUOTE_CLOSERS
        if rules.japanese and quote_closed and n == b and text.startswith(JA_PARTICLES, n):
            return False  # 「…。」と言った, 「…！」の代わりに: the quote is part of the sentence
        if run == "!" and n == t_end and a > 0 and text[a - 1].isascii() and text[a - 1].isalpha():
            return False  # Yahoo!ニュース: an exclamation mark inside a Latin-script name
        return True
    if rules.cjk and run.strip(".‥") == "" and len(run) >= 2 and a > 0 and _is_cjk(text[a - 1]) and _is_cjk(c) \
            and c not in NO_START and not (rules.japanese and text.startswith(JA_PARTICLES, n)):
        return True  # ASCII dots as an ellipsis between CJK sentences: 以外で...ゲームか
    if not text[b].isspace() and not line_end:
        # No space after the terminator: a decimal, a dotted abbreviation or a URL, except after a
        # Korean sentence ending (했다.그리고).
        return (
            rules.korean
            and run in (".", "?", "!")
            and a > 0
            and text[a - 1] in KO_ENDINGS
            and _is_hangul(c)
        )
    if not line_end and c.islower() and b == t_end and (run == "?" or (run == "!" and _lower_word_before(text, a))):
        # "How did it go? did you get the link?": chat starts sentences in lower case (but "Yahoo! News")
        return True
    if not line_end and c.islower() and run == "." and b == t_end and _chat_restart(text, a, n, sent_start, rules):
        return True  # "I sent another link. please check your mail.": chat starts sentences in lower case
    if not line_end and (c.islower() or c in NO_START):
        return False
    if run != "." or b != t_end:
        return True  # ! ? … or a closed quote: abbreviations only matter for a bare period
    words = _words_before(text, a, sent_start)
    if not words:
        return True
    word = words[-1].lstrip(OPENERS)
    low = word.lower()
    if low in rules.endable:
        return True
    if len(word) == 1 and (word.islower() or (word.isupper() and c.isupper())) and _after_figure(words) \
            and _SHORT_DOTTED_RE.match(text, n) is None:
        return True  # a unit after a number: 3,5 m., 3 тыс. м., 10.8 V. Ceux-ci (not 70 n. Chr.)
    if low in UNITS and c.isupper() and len(words) >= 2 and any(ch.isdigit() for ch in words[-2]):
        return True  # 15 mm. Les fleurs (French "MM." is Messieurs, but not after a number)
    if low in rules.never:
        return False
    if low in rules.numeric:
        return not c.isdigit()
    if len(word) == 1 and word.isalpha():
        return False  # an initial: J. R. R. Tolkien, А. С. Пушкин
    if _DOTTED_RE.fullmatch(word):
        return False
    if word.isdigit() and len(word) <= 3:
        start = a - len(words[-1])
        if _NONSPACE_RE.search(text, sent_start, start) is None:
            return False  # an enumerator at the start of the sentence: "2. Next chapter"
        if rules.months:
            if words[-1][:1] in "([":
                return False  # an ordinal opening a bracket: eingewechselt (65. Minute)
            after = _WORD_RE.match(text, n)
            if after is not None and after.group().lower() in rules.months:
                return False  # German ordinal date: am 3. Oktober
            if len(words) >= 2 and words[-2].lower() in rules.ordinal_before:
                return False  # der 2. Weltkrieg
    return True


def _after_figure(words: list[str]) -> bool:
    """Whether the last word of ``words`` follows a figure, directly or after a scale word (3 тыс. м.)."""
    if len(words) >= 2 and any(ch.isdigit() for ch in words[-2]):
        return True
    return len(words) >= 3 and words[-2].rstrip(".").lower() in SCALES and any(ch.isdigit() for ch in words[-3])


def _chat_restart(text: str, a: int, n: int, sent_start: int, rules: Rules) -> bool:
    """Whether a period between two lower-case words ends a sentence, as chat writes one: an ordinary
    word of three letters or more before it (no abbreviation, no number, no initial) and a clause of
    at least three words after it."""
    words = _words_before(text, a, sent_start)
    if len(words) < 3:
        return False
    word = words[-1]
    if len(word) < 3 or not word.isalpha() or not word.islower():
        return False
    if word in rules.never or word in rules.numeric or word in rules.endable or word in LOWER_ABBREVIATIONS:
        return False
    after = text[n:n + _WINDOW].split()
    return len(after) >= 3 and after[0].isalpha() and after[1][:1].isalpha()


def _lower_word_before(text: str, a: int) -> bool:
    """Whether the word ending at ``a`` starts in lower case (simple!, not Yahoo!)."""
    start = a
    while start > 0 and start > a - _WINDOW and not text[start - 1].isspace():
        start -= 1
    return start < a and text[start].islower()


def _final_run(text: str, cs: int, ce: int, rules: Rules) -> tuple[int, int] | None:
    """The terminator run ending line content ``text[cs:ce]`` (before any closers), if there is one."""
    punct = rules.punct
    i = ce
    while i > cs:
        ch = text[i - 1]
        if ch in punct.closers:
            i -= 1
        elif punct.spaced_guillemets and ch in " \u00a0\u202f" and i < ce and text[i] in "»›":
            i -= 1
        else:
            break
    t_end = i
    while i > cs and text[i - 1] in punct.terms:
        i -= 1
    return (i, t_end) if i < t_end else None


def _heading_like(text: str, cs: int, ce: int) -> bool:
    """A short line that does not end in a continuation mark (comma, dash...): a title or heading."""
    if text[ce - 1] in CONTINUATION_END:
        return False
    length = ce - cs
    if length <= _HEADING_CHARS:
        return True
    return length <= _HEADING_MAX_CHARS and len(text[cs:ce].split()) <= _HEADING_WORDS


def _hard_break(
    text: str, prev: tuple[int, int], cs: int, sent_start: int, rules: Rules, layout: Layout
) -> bool:
    """Whether the single newline between line ``prev`` and the line starting at ``cs`` ends a sentence.

    It does after CJK text, before a list item, and after a sentence-final terminator. Then the
    document's layout decides: in hard-wrapped text a newline after a full line (the next word would
    not have fitted) is a space, after a short line it ends a paragraph or a headline; in text with a
    paragraph per line every newline ends a sentence (a headline, dateline or byline), whatever case
    the next line starts with or the line ends in (``HAMBURG, Dec. 15 (Wire) -``, ``… in U.S.``). Where
    the layout is unknown (a few lines), so does a line longer than wraps usually are (``USUAL_WIDTH``)
    or one that had room for the next line's first word beside the document's longest line (no wrapping
    tool breaks a line before it is full); otherwise a short heading-like line ends a sentence whatever
    follows, and a longer line without final punctuation runs on only into a line starting in lower case.
    """
    pcs, pce = prev
    first = text[cs]
    if rules.cjk or _is_cjk(text[pce - 1]) or _is_cjk(first):
        return True  # CJK text is not hard-wrapped
    wrapped = layout.wrapped and layout.full(pce - pcs) and _no_room(text, pcs, pce, cs, layout.width)
    if text[pcs] == "#" or (_LIST_MARK_RE.match(text, cs) is not None and not (wrapped and first.isdigit())):
        return True  # a list item, but not a figure a wrap put first on its line (December⏎15. Under ...)
    if layout.kind == "paragraphs" or (layout.kind == "unknown" and (
            pce - pcs > USUAL_WIDTH or not _no_room(text, pcs, pce, cs, layout.longest))):
        # A paragraph per line, or a line longer than wraps usually are, or broken before it was full (the
        # document has longer ones): the newline was typed, and ends the sentence whatever the line ends
        # in (U.S., an initial, я.) or the next starts with.
        return True
    run = _final_run(text, pcs, pce, rules)
    if run is not None:
        # A wrap is a space: the case of the next word counts, as inside a line.
        return _is_end(text, run[0], run[1], pce, cs, sent_start, rules, line_end=not wrapped)
    if layout.wrapped:
        return not wrapped
    if _heading_like(text, pcs, pce):
        return True
    return not first.islower()  # a long line without final punctuation runs on in lower case


def _no_room(text: str, pcs: int, pce: int, cs: int, width: int) -> bool:
    """Whether the first word of the line at ``cs`` would not have fitted on line ``pcs:pce``."""
    m = _NONSPACE_RUN_RE.match(text, cs)
    return (pce - pcs) + 1 + (m.end() - cs if m else 0) > width


def _emit(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        spans.append((start, end))
        return
    piece = text[start:end]
    core = piece.strip()
    if core:
        s = start + len(piece) - len(piece.lstrip())
        spans.append((s, s + len(core)))


def split_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in `text`, in order, non-overlapping, each trimmed of surrounding
    whitespace, together covering every non-whitespace character exactly once."""
    rules = rules_for(lang)
    layout = document_layout(text, lang)
    term_finditer = rules.punct.term_re.finditer
    skip = _SKIP_RE.match
    spans: list[tuple[int, int]] = []
    prev: tuple[int, int] | None = None  # content bounds of the previous non-blank line
    blank_gap = False
    sent_start = 0
    pos = 0
    size = len(text)
    while True:
        nl = text.find("\n", pos)
        le = size if nl < 0 else nl
        line = text[pos:le]
        content = line.lstrip()
        if content:
            cs = le - len(content)
            ce = cs + len(content.rstrip())
            if prev is None:
                sent_start = cs
            elif blank_gap or _hard_break(text, prev, cs, sent_start, rules, layout):
                _emit(spans, text, sent_start, prev[1])
                sent_start = cs
            for m in term_finditer(text, cs, ce):
                b = m.end()
                if b >= ce:
                    continue  # line-final: decided with the next line
                n = skip(text, b, ce).end()  # type: ignore[union-attr]  # matches the empty string
                if n >= ce:
                    continue
                if _is_end(text, m.start(), m.end("t"), b, n, sent_start, rules, line_end=False):
                    _emit(spans, text, sent_start, b)
                    sent_start = b
            prev = (cs, ce)
            blank_gap = False
        elif prev is not None:
            blank_gap = True
        if nl < 0:
            break
        pos = nl + 1
    if prev is not None:
        _emit(spans, text, sent_start, prev[1])
    return spans


def document_layout(text: str, lang: str) -> Layout:
    """How ``text`` is laid out in lines (:mod:`tqcheck.segment.layout`), as :func:`split_spans` reads it."""
    return detect_layout(text, rules_for(lang).cjk)


def segment_text(text: str, lang: str) -> tuple[Segment, ...]:
    """Sentences of a whole document, with 0-based index and 1-based line/column (via LineIndex).

    A sentence's text is ``text[start:end]`` re-flowed: a line break inside it (hard-wrapped text) is
    read as the space it stands for, so the text keeps its length and every offset into it is an
    offset into the file.
    """
    index = LineIndex(text)
    segments = []
    for i, (start, end) in enumerate(split_spans(text, lang)):
        line, column = index.line_col(start)
        segments.append(Segment(i, text[start:end].replace("\n", " "), start, end, line, column))
    return tuple(segments)


def segment_lines(text: str) -> tuple[Segment, ...]:
    """--sentences-per-line mode: each non-blank line is one segment (trimmed); blank lines are skipped."""
    segments: list[Segment] = []
    pos = 0
    line_no = 1
    while True:
        nl = text.find("\n", pos)
        le = len(text) if nl < 0 else nl
        line = text[pos:le]
        content = line.strip()
        if content:
            start = pos + len(line) - len(line.lstrip())
            end = start + len(content)
            segments.append(Segment(len(segments), content, start, end, line_no, start - pos + 1))
        if nl < 0:
            break
        pos = nl + 1
        line_no += 1
    return tuple(segments)
