"""TQ105: repetition loops, the trace of a decoder that kept emitting the same words ("the the the",
a clause said three times), told apart from the repetition a source has or a language uses."""
from __future__ import annotations

import operator
import re
from collections import Counter
from typing import Iterator, NamedTuple

from ..types import Pair, Severity, Span
from ..lang.letter_runs import NOT_PLAIN, alnum_runs
from . import translit as tr
from .registry import CheckContext, Hit, rule

# --- TQ105 repetition loops -------------------------------------------------------------------

# Han and kana are written without spaces: each character is a token. "ー" (long vowel) and
# "・" are not letters of their own.
_CJK = "\u3041-\u30fa\u30fd-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A letter or digit of a spaced script, or a combining mark: Indic, Thai and Arabic vowel signs
# are not \w, and must not split a word into pieces that then look repeated.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_WORDCHAR = (
    rf"(?:(?![{_CJK}\u30fc])[^\W_]|[{_MARKS}\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff])"
)
_TOKEN = re.compile(rf"[{_CJK}]|{_WORDCHAR}+(?:['’]{_WORDCHAR}+)*")
_IS_CJK = re.compile(rf"[{_CJK}]")
#: _TOKEN for ASCII text, where a letter or digit is [A-Za-z0-9] and nothing is CJK or a mark.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9]*+(?:['’][A-Za-z0-9]++)*+")  # (one character first: searched for by it)
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff]")
_HIRAGANA = re.compile("[\u3041-\u309f]")
#: Longest repeated unit looked for, in tokens (a repeated sentence is one unit).
_MAX_UNIT = 60
_SENTENCE_END = frozenset(".!?。！？")
# Words repeated for effect any number of times ("ha ha ha", "no, no, no", "blah blah").
_INTERJECTIONS = frozenset(
    "ha haha he hee hi ho hey la blah bla yada yeah yes no oh ah aw uh um hmm go bang boom tick tock "
    "woof meow cha dum tra".split()
)
# Words whose doubling is grammar ("had had", "what it is is", German relative "die die",
# French "nous nous"), emphasis ("very very") or a name ("Bora Bora").
_DOUBLE_OK = frozenset(
    "had that is do very so bye now there well really many far long much way too knock chop tut "
    "tsk night pooh hush tom choo ding dong bling mahi bora pago walla sing duran sirhan "
    "der die das den dem nous vous".split()
)
# "financing and financing and ...", "step by step by step", "again and again and again": a
# word on both sides of a linking word, not a unit repeated.
_LINKS = frozenset("and or by after to upon und oder y o e et ou и или а".split())
# A romanised Chinese syllable (Qiao Qiao for 乔乔, a common form of given name).
_SYLLABLE = re.compile(r"[A-Z][a-z]{0,5}")
# Chinese reduplicates characters as grammar (常常, 看看, 谢谢); laughter and interjections
# run longer (哈哈哈, ははは).
_CJK_INTERJECTIONS = frozenset("哈呵嘿啊嘻哦呜嗯唉哇噢嘎嘘ははハほホへヘふフひヒあアえエおオうウんンっッ")


class _Loop(NamedTuple):
    unit: tuple[str, ...]
    times: int
    start: int  # character offsets of the whole repetition
    end: int
    punctuated: bool  # repeats separated by punctuation ("very, very"; "He left. He left.")
    sentence: bool  # repeats separated by a sentence end
    cjk: bool  # unit made of Han/kana characters


def _loops(text: str) -> list[_Loop]:
    """Units of consecutive tokens repeated back to back, shortest unit first, left to right."""
    if text.isascii() or not NOT_PLAIN.search(text):  # (a plain text reads as ASCII text does)
        # (ASCII: casefolding is lowering, letter by letter, and the tokens of the lowered text
        # are those of the text; their offsets are needed only if something repeats)
        # (without an apostrophe, a token is a run of letters and digits)
        words = _ASCII_TOKEN.findall(text.lower()) if "'" in text or "’" in text else alnum_runs(text)
        starts = _repeat_starts(words)
        if not starts:
            return []
        toks = list(_ASCII_TOKEN.finditer(text))
    else:
        toks = list(_TOKEN.finditer(text))
        words = [m.group().casefold() for m in toks]
        starts = _repeat_starts(words)
    out: list[_Loop] = []
    total, done = len(words), 0
    # A unit of n tokens starting at i repeats only if token i comes again n tokens later:
    # the lengths tried are the distances to the later occurrences of token i, shortest first.
    for i in sorted(starts):  # (each below total - 1: a start is a pair's)
        if i < done:
            continue  # inside the repetition found last
        limit = i + min(_MAX_UNIT, (total - i) // 2)
        for j in _later(words, i, limit + 1):
            n = j - i
            if words[i : i + n] != words[i + n : i + 2 * n]:
                continue
            k = 2
            while words[i + k * n : i + (k + 1) * n] == words[i : i + n]:
                k += 1
            seps = [text[toks[i + j * n - 1].end() : toks[i + j * n].start()] for j in range(1, k)]
            out.append(
                _Loop(
                    tuple(words[i : i + n]), k, toks[i].start(), toks[i + k * n - 1].end(),
                    any(s.strip() for s in seps),
                    any(c in _SENTENCE_END for s in seps for c in s),
                    all(_IS_CJK.fullmatch(w) for w in words[i : i + n]),
                )
            )
            done = i + n * k
            break
    return out


def _later(words: list[str], i: int, end: int) -> Iterator[int]:
    """Where ``words[i]`` comes again before ``end``, in order (list.index, which compares in C, instead of a table
    of every token's places made for the few that may start a repetition)."""
    word, j = words[i], i
    try:
        while True:
            j = words.index(word, j + 1, end)
            yield j
    except ValueError:
        return


def _repeat_starts(words: list[str]) -> set[int]:
    """Where a repeated unit can start: a unit of one token is followed by the same token, and a
    longer one starts with two tokens that come again, in that order, further on."""
    following = words[1:]
    if len(set(zip(words, following))) == len(following) and not any(map(operator.eq, words, following)):
        return set()  # nothing doubled, no two tokens twice in the same order
    pairs = list(zip(words, following))
    counts = Counter(pairs)
    return {i for i, (a, b) in enumerate(pairs) if a == b or counts[(a, b)] > 1}


def _is_defect(loop: _Loop) -> bool:
    """A repetition no writer would make: a decoding loop or a doubled word or phrase."""
    n, k = len(loop.unit), loop.times
    if loop.cjk:
        if n == 1:
            return k >= 3 and loop.unit[0] not in _CJK_INTERJECTIONS
        if k >= 3 or loop.sentence:
            return True
        # 研究研究, いろいろ: AB-AB reduplication; ロンゴロンゴ (Rongorongo), ボラボラ: names
        # written in katakana; 匈牙利語 (匈牙利語古代...): a word repeated across a bracket.
        # ちょくちょく, ぼちぼち: doubled hiragana adverbs are words
        return (n >= 3 and not loop.punctuated and not all(_KATAKANA.fullmatch(w) for w in loop.unit)
                and not all(_HIRAGANA.fullmatch(w) for w in loop.unit))
    if n == 1:
        word = loop.unit[0]
        if len(word) == 1 or word in _INTERJECTIONS:
            return False
        if loop.punctuated:  # "very, very", "bye-bye", "Go, go, go!"
            return k >= 4
        return k >= 3 or word not in _DOUBLE_OK
    if loop.punctuated:  # "New York, New York" is a name; a repeated sentence is not
        return loop.sentence or k >= 4
    if n == 2 and k == 2 and (loop.unit[0] in _LINKS or loop.unit[1] in _LINKS):
        return False
    return True


def _source_repeats(source: str) -> tuple[int, bool]:
    """How many times the source itself repeats something (0: never), and whether it doubles
    a single Han character.

    A single Chinese character doubled (常常, 谢谢) is word formation, not repetition; but
    it can be a name (乔乔), which comes out as "Qiao Qiao".
    """
    most, doubled_han = 0, False
    for lp in _loops(source):
        if lp.cjk and len(lp.unit) == 1 and lp.times < 3 and not lp.punctuated:
            doubled_han = True
        elif lp.cjk or len(lp.unit) > 1 or len(lp.unit[0]) > 1:
            most = max(most, lp.times)
    return most, doubled_han


def _romanised_double(text: str) -> bool:
    """"Qiao Qiao": a capitalised syllable written twice."""
    first, _, second = text.partition(" ")
    return first == second and bool(_SYLLABLE.fullmatch(first))


_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def _source_reads_double(source: str, text: str) -> bool:
    """Whether two characters side by side in the source read as the syllable ``text`` doubles: 韩寒 is
    "Han Han", two characters of one sound."""
    syllable = text.partition(" ")[0].lower()
    return any(tr.han_pinyin(m.group(1)[0]) == tr.han_pinyin(m.group(1)[1]) == syllable
               for m in _HAN_PAIR.finditer(source))


@rule("TQ105", "repetition-loop", Severity.ERROR, "Accuracy/Addition")
def repetition_loop(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """A word, phrase or sentence repeated back to back, as MT decoders do when they loop.

    What it catches: "the the the", "elections elections", "of the city of the city of the
    city", a sentence written twice in a row, "的的的" — repetition the source does not have.

    Why it matters: it is the typical failure of a neural decoder stuck in a loop; the reader
    sees garbled text, and the loop often replaced the rest of the sentence.

    Example: 前往美国的航班已经恢复 -> "Flights to the United States States have resumed."
    Not flagged: repetition that is grammar or emphasis ("had had", "very, very", "bye-bye",
    "ha ha ha", 常常, 研究研究), a name like "New York, New York", or repetition the source
    has too (谢谢谢谢 -> "thank you, thank you").
    """
    loops = [lp for lp in _loops(pair.target) if _is_defect(lp)]
    if not loops:
        return
    allowed, doubled_han = _source_repeats(pair.source)
    for lp in loops:
        unit = pair.target[lp.start : lp.end]
        if lp.times <= allowed or (lp.times == 2 and _romanised_double(unit) and (
                doubled_han or _source_reads_double(pair.source, unit))):
            continue
        words = " ".join(lp.unit) if not lp.cjk else "".join(lp.unit)
        severity = None
        if lp.times == 2 and not lp.cjk:
            first = pair.target[lp.start:lp.end].split(None, 1)[0]
            halves = unit.split()
            if len(halves) == 2 and halves[0] != halves[1]:
                continue  # "Sie sie" (German: you ... them), "That that": the case differs, grammar
            if lp.start and pair.target[lp.start - 1] == "-":
                continue  # "low-power power line": the first word ends a compound
            if any(c in ",;:" for c in unit):
                continue  # "the light on it was on; it was ...": a clause, not a loop
            if first[:1].isupper():
                severity = Severity.WARNING  # "Han Han" (韩寒), "Bora Bora": a doubled name is common
        yield Hit(
            f"{words!r} repeated {lp.times} times in a row: {unit!r}",
            Span("target", lp.start, lp.end),
            {"unit": words, "count": lp.times},
            severity,
        )
