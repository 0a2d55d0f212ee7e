"""English sentences that cannot stand as written around a lost word: the patterns of TQ108 (silent gaps).

A determiner with no noun after it ("recommended the of the former CEP"), an empty list item ("Best
Picture,, Best Director"), a preposition with no object ("the match between and Genoa"), a sentence that
opens on a modal, an auxiliary or a verb in the past with its subject gone ("Would also take over ...",
"Was born in 1946", "Began funding the initiative"), a sentence that starts with a comma, and a speech verb
or "according to" that names no one ('"...," said.'). Only closed-class words are matched (determiners,
prepositions, auxiliaries), so no tagger or model is needed and open-class words that look like function
words ("a can of", "the will of", "Can Tho") are left alone. Measured on WMT22 references
(docs/precision.md).
"""
from __future__ import annotations

import functools
import itertools
import re

from typing import Callable, Iterable

from .gaps import GapKind
from .led import first_led
from .letter_runs import has_adjacent, has_any, letter_runs

# Determiners that must be followed by a noun phrase. Not "this/that/these/those/all/some/..."
# (they stand alone as pronouns) nor "her/his" ("gave her a", "the book is his.").
_DET = r"the|a|an|its|their|our|my|your"
# Prepositions that a noun phrase never ends on ("the in-laws" and "the for-profit" are hyphenated).
# Not "to" ("from a to b"), "per" ("the per capita"), "over/under/about" ("the over-60s", "of about 5").
_PREP = (r"of|in|on|at|by|for|with|from|into|onto|between|among|amid|behind|through|during|against|"
         r"without|within|toward|towards|across|despite")
# Auxiliaries that are never nouns. Not "can", "will", "may", "must", "might", "have" ("a can of",
# "the will of", "the May 5 vote", "a must", "the might of", "the haves").
_AUX = r"is|are|was|were|has|had|would|could|should|does|did"
# Prepositions that always take their object after them (never left at the end of a clause).
_PREP_NEVER_STRANDED = r"during|despite|among|amid|amongst|amidst|per|via|including|regarding"


def _cased(words: str) -> str:
    """``the|a`` -> ``[Tt]he|[Aa]``: both cases of the first letter only, spelled out so that the regex
    engine can skip ahead on the first character (a case-insensitive alternation is several times slower)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))


def _firsts(words: str, both_cases: bool = True) -> str:
    """``the|a`` -> ``AaTt``: the first letters of the words (in both cases, unless the pattern is lower-case
    only), for a look-ahead that lets the regex engine skip ahead on the first character where a word boundary
    leads the pattern (a third faster)."""
    return "".join(sorted({c for w in words.split("|") for c in ((w[0], w[0].upper()) if both_cases else (w[0],))}))


def _word_at_boundary(words: str, both_cases: bool = True) -> str:
    """``\\b(?:the|a)`` (both cases of the first letter, unless ``both_cases`` is false) written to open on the
    words' first letters (``led.first_led``): a pattern that opens on a character class is searched for by that
    class alone; one that opens on a word boundary is tried at every position."""
    ws = words.split("|")
    led = first_led([v for w in ws for v in ((w[0].upper() + w[1:], w) if both_cases else (w,))], r"\w")
    assert led is not None  # (every word starts with a letter)
    return f"(?:{led})"


def _standalone(text: str, m: re.Match[str]) -> bool:
    """The match starts a word of its own: not "p.a.", "don't", "*a*", "(a)", "./path" or "A-list"."""
    return m.start() == 0 or text[m.start() - 1] not in ".'’*(/-_$"


def _kind(name: str, pattern: re.Pattern[str], severity: str, message: str,
          accept: Callable[[str, re.Match[str]], bool] = _standalone, needs: tuple[str, ...] = (),
          starts: Callable[[str], Iterable[int]] | None = None,
          screen: Callable[[str, str], bool] | None = None) -> GapKind:
    """A kind whose match must start a word of its own unless it says otherwise."""
    return GapKind(name, pattern, severity, message, accept, needs, starts, screen)


_OPENS_AFTER = re.compile(r"[.!][\"”]?\s")


@functools.lru_cache(maxsize=4)
def _sentence_starts(text: str) -> tuple[int, ...]:
    """Where a sentence may open as ``_SENTENCE_START`` reads it: the text's start (before or after a
    quote) and after "." or "!" and a space, with a closing quote between them or not. (Three kinds ask
    for a text's: found once. A "." or "!" that ends the text opens nothing: in a text with no other, most of
    them, nothing is looked for.)"""
    last = len(text) - 1
    if text.find(".", 0, last) < 0 and text.find("!", 0, last) < 0:
        return (0,)
    return (0, *(m.end() for m in _OPENS_AFTER.finditer(text)))


# (it opens on the letters h and w, the word boundary before them looked at behind the letter: the regex engine
# skips to those letters, twice as fast as a look-ahead)
_WH_WORD = re.compile(_word_at_boundary("how|when|where|why", both_cases=False) + r"\s")


def _sentence_or_wh_starts(text: str) -> list[int]:
    """``_sentence_starts`` and where "how", "when", "where" or "why" begins (looked for only in a text that
    holds "how", "whe" or "why": most hold none, and looking for three strings costs less than a scan)."""
    if "how" in text or "whe" in text or "why" in text:
        return [*_sentence_starts(text), *(m.start() for m in _WH_WORD.finditer(text))]
    return list(_sentence_starts(text))


_BRACKET = re.compile(r"\(")


def _text_or_bracket_starts(text: str) -> list[int]:
    """The text's start and every opening bracket."""
    return [0, *(m.start() for m in _BRACKET.finditer(text))]


#: Words that can share one noun with a determiner before "and/or": "our and their version".
_SHARES_NOUN = frozenset(_DET.split("|")) | {"his", "her", "this", "that", "these", "those"}
#: Where a sentence ended just before a position (searched with that position as ``endpos``).
_SENTENCE_END_BEFORE = re.compile(r"[.!?]\s+$")


def _determiner_gap(text: str, m: re.Match[str]) -> bool:
    if not _standalone(text, m):
        return False
    article, follower = m.group(1), m.group(2)
    if follower in ("and", "or", "but", "nor"):
        if article in ("a", "an"):
            return False  # "branch a or branch b": a label
        after = text[m.end():].split(maxsplit=1)
        if after and after[0].lower() in _SHARES_NOUN:
            return False  # "our and their version", "the or a": two determiners share the noun
    # A capital "A"/"An" mid-sentence is a label ("group A and B"), not an article.
    return not (article in ("A", "An") and m.start() > 0 and not _SENTENCE_END_BEFORE.search(text, 0, m.start()))


def _empty_item(text: str, m: re.Match[str]) -> bool:
    before = text[m.start() - 1] if m.start() else " "
    # ",," and ", ." after a word; "( )" not after a word or bracket ("f()", "_()" are code).
    return before.isalnum() if m.group().startswith(",") else not (before.isalnum() or before in "(_")


#: What follows a determiner in a match of the determiner without noun.
_DET_FOLLOWERS = rf"{_PREP}|and|or|but|nor|{_AUX}|which|who|whom|whose"
#: Each determiner (lower-cased) with each word that may follow it there: the pair of runs of letters next to
#: each other that every such match makes.
_DET_FOLLOWED = frozenset(itertools.product(_DET.split("|"), _DET_FOLLOWERS.split("|")))


def _may_lack_noun(text: str, lower: str) -> bool:
    """Whether ``text`` has a determiner and a word that may follow it in a match next to each other (always
    true of a text that is not plain, not read): one of the two-word pairs the text's runs of letters make."""
    return has_adjacent(text, _DET_FOLLOWED)


#: A mark of punctuation after a lower-case determiner or a space: where every match of the determiner before
#: punctuation ends (the determiner, any spaces, the mark). It opens on the marks, a few in a sentence, where
#: the determiner's pattern opens on six letters a third of a text is made of.
_PUNCTUATION_AFTER_DETERMINER = re.compile(
    "[,;:!?.](?:(?<=\\s.)|" + "|".join(f"(?<=\\b{w}.)" for w in _DET.split("|")) + ")")

#: What a preposition without object is written with, in a lower-cased text that is not plain: the prepositions
#: never stranded and the phrases of the kind's other alternatives, but those on "per", "of" and "from"
#: ("percent", "paper", "of" and "from" are in most texts), which ``_STRANDED_AFTER`` finds with the words after them.
_STRANDED_WORDS = (*(w for w in _PREP_NEVER_STRANDED.split("|") if w != "per"), "between", "based on",
                   "depending on", "relying on")
_STRANDED_AFTER = re.compile(rf"of\s+(?:in|on|for|with|by|from)\b|per\s+(?:{_AUX}|can|must|may|will)|from\s+to")
#: The two words next to each other of every alternative of the kind's pattern, lower-cased: a preposition never
#: stranded and an auxiliary; between and, or; from to; based, depending, relying on; of and a preposition. Each
#: is written with a word boundary before the first, spaces between, and a word boundary after the second: two
#: runs of letters next to each other in a plain text.
_STRANDED_PAIRS = frozenset({*itertools.product(_PREP_NEVER_STRANDED.split("|"), f"{_AUX}|can|must|may|will".split("|")),
                             ("between", "and"), ("between", "or"), ("from", "to"),
                             *((w, "on") for w in ("based", "depending", "relying")),
                             *(("of", w) for w in "in on for with by from".split())})


def _may_strand(text: str, lower: str) -> bool:
    """Whether ``text`` may hold a preposition without object: in a plain text, two of its runs of letters next to
    each other are the two words of one of the pattern's alternatives (``_STRANDED_PAIRS``); in another, ``lower``
    has one of its rarer prepositions or phrases, or "of", "per" or "from" before the words a match puts after them."""
    if letter_runs(text) is not None:
        return has_adjacent(text, _STRANDED_PAIRS)
    return any(map(lower.__contains__, _STRANDED_WORDS)) or _STRANDED_AFTER.search(lower) is not None


#: The conjunctions a clause without subject opens on.
_CONJ = "if|when|because|although|unless|once"
_CONJUNCTIONS = frozenset(_CONJ.split("|"))
#: What every match of the empty item but a bracket's has: a comma, spaces, then a comma or a full stop.
_COMMA_THEN_MARK = re.compile(r",\s*[,.]")
#: What every match of the adjective without noun ends on: an acronym in round brackets.
_ACRONYM_IN_BRACKETS = re.compile(r"\([A-Z]{2,}\)")


_WORDS_LOST = (
    # "the of", "a in", "its on", "the has": a determiner and no noun. The word after it must be lower
    # case (title-case headlines are left alone).
    _kind(
        "determiner-without-noun",
        re.compile(rf"({_word_at_boundary(_DET)})\s+({_DET_FOLLOWERS})\b(?![-'’])"),
        "error",
        "a determiner with no noun after it: a word was lost here",
        _determiner_gap,
        screen=_may_lack_noun,
    ),
    # "receives a, it reflects", "insisted on a.": a determiner right before punctuation. Lower-case
    # only ("grade A.", "Plan B,"); not "a)" or "(a)" (list labels), "a.m.", "p.a." or "the ./path".
    _kind(
        "determiner-before-punctuation",
        re.compile(rf"{_word_at_boundary(_DET, both_cases=False)}(?=\s*[,;:!?](?!\w)|\s*\.(?=\s|$|[\"'”’]))"),
        "error",
        "a determiner before punctuation: the noun after it was lost",
        screen=lambda text, lower: _PUNCTUATION_AFTER_DETERMINER.search(text) is not None,
    ),
    # "Best Picture,, Best Director", "receptors ( ) in": a list item or a bracket with nothing in it.
    _kind(
        "empty-item",
        re.compile(r",\s*,|,\s+\.(?=\s|$)|\(\s*\)"),
        "error",
        "an empty list item or bracket: what stood there was lost",
        _empty_item,
        # (a comma, then spaces and a comma or a full stop, searched for by the comma; or both round brackets)
        screen=lambda text, lower: ("(" in text and ")" in text) or _COMMA_THEN_MARK.search(text) is not None,
    ),
    # "the match between and Genoa", "during was": a preposition with no object. Only prepositions
    # English never strands: "the effect the team is looking for could be", "the people he works with
    # are" and "what it is made of is" are grammatical, so "for/with/of/from + auxiliary" is not a gap.
    _kind(  # (a look-ahead for the words' first letters: the regex engine skips to them)
        "preposition-without-object",
        re.compile(rf"(?=[{_firsts(_PREP_NEVER_STRANDED + '|between|from|based|depending|relying')}t])"
                   rf"\b(?:(?:{_cased(_PREP_NEVER_STRANDED)})\s+(?:{_AUX}|can|must|may|will)|[Bb]etween\s+(?:and|or)|"
                   r"[Ff]rom\s+to|(?:based|depending|relying) on(?=\s*[,.;])|"
                   r"(?:the|a|an)\s+[a-z]+\s+of\s+(?:in|on|for|with|by|from))"
                   rf"\b(?![-'’])"),
        "warning",
        "a preposition with no object: a word was probably lost here",
        # (the commonest first: a text is asked for them until one is found)
        needs=(" of ", " on", *_PREP_NEVER_STRANDED.split("|"), "between", "from to"),
        screen=_may_strand,
    ),
    # "Would also take over custody ...": a statement opening on a modal, its subject lost. A question
    # ends with "?", a request puts its subject next ("Could you please check this."), and "Can Tho" (a
    # city) is followed by a capital.
    _kind(
        "modal-without-subject",
        re.compile(r"(?:^|(?<=[.!]\s))(?:Would|Could|Can|Must)\s+(?=[a-z])(?![^.!?]*\?)"
                   r"(?!(?:you|we|they|he|she|it|someone|anyone|somebody|anybody|one|this|that|there)\b)"),
        "warning",
        "the sentence opens on a modal verb with no subject: the subject was probably lost",
        starts=_sentence_starts,
    ),
)


#: Past forms English verbs make without -ed (the regular ones are read by their ending).
_IRREGULAR_PAST = (r"began|won|became|took|made|gave|told|saw|went|came|got|left|found|led|held|brought|bought|"
                   r"built|wrote|ran|met|sent|spent|lost|kept|paid|struck|beat|fell|grew|knew|drew|threw|rose|"
                   r"stood|sold|shot|fought|caught|taught|thought|felt|heard|chose|drove|flew|broke|spoke|stole|"
                   r"swore|wore|tore|hid|bit|rode|sang|sank|swam|won|overtook|withdrew|undertook")
#: What follows a verb whose subject went missing, and never an adjective opening a subject ("Detailed
#: instructions are ...", "Limited to", "Based on", "Shaped 3D lamination"): an object's determiner, a
#: figure, a gerund.
_VERB_OBJECT = r"(?:(?:the|a|an|its|his|her|their|our)\b|\d+(?![\w.,])|[a-z]{3,}ing\b)"
_PRONOUN = r"(?:I|you|we|they|he|she|it|someone|anyone|somebody|anybody|one|this|that|there)\b"


def _no_subject_after_phrase(text: str, m: re.Match[str]) -> bool:
    """A sentence's opening verb whose clause has no subject: not a participle phrase before its subject
    ("Born in Tokyo, Olivia de Havilland moved", "Founded in 1990, the company grew")."""
    end = re.search(r"[.!?](?:\s|$)", text[m.end():])
    sentence = text[m.start():m.end() + (end.end() if end else len(text))]
    comma = re.search(r",\s*([^\W\d_]+)", sentence)
    return not comma or not (comma.group(1)[0].isupper() or comma.group(1).lower() in _SHARES_NOUN
                             or re.fullmatch(_PRONOUN, comma.group(1), re.I) is not None)


_SENTENCE_START = r"(?:^[\"“]?|(?<=[.!]\s)|(?<=[.!][\"”]\s))"
#: Adverbials that open a sentence before its subject ("In addition, Peña Nieto promised").
_OPENERS = (r"(?:In addition|Additionally|However|Moreover|Furthermore|Meanwhile|Also|Later|Then|Yesterday|Today|"
            r"(?:Following|After) [^,.]{1,40}),\s+")
_PAST = rf"(?:[a-z]+ed|{_IRREGULAR_PAST})"
#: Kinds that find where a name or a subject was lost (measured on WMT22 references, docs/precision.md).
_LOST_SUBJECT = (
    # "Was born in 1946 to a working-class family", "Is considered something important": a statement
    # opening on an auxiliary; a question ends with "?", an inversion puts its subject next ("Had he known"),
    # and a progressive is a diary's dropped "I" ("Was considering a break").
    _kind(
        "auxiliary-without-subject",
        re.compile(rf"{_SENTENCE_START}(?:Was|Were|Is|Are|Has|Had)\s+(?=[a-z])(?![^.!?]*\?)(?!{_PRONOUN})"
                   r"(?![a-z]+ing\b)|\b(?:how|when|where|why)\s+(?:has|have|had|is|was|were|are)\s+(?=[a-z]+ed\b)"
                   rf"(?![^.!?]*\?)|{_SENTENCE_START}Which\s+(?:has|have|had|was|were)\b(?![^.!?]*\?)"),
        "warning",
        "the sentence opens on an auxiliary verb with no subject: the subject was probably lost",
        starts=_sentence_or_wh_starts,
    ),
    # "Began funding the initiative", "Scored 8 goals", "Easily won 24-0, taking the lead": a statement
    # opening on a verb in the past with its object after it; not a participle phrase before the subject.
    _kind(
        "verb-without-subject",
        re.compile(rf"{_SENTENCE_START}(?:[A-Z][a-z]+ly\s+)?(?:[A-Z][a-z]+ed|(?:{_cased(_IRREGULAR_PAST)}))"
                   rf"\s+(?={_VERB_OBJECT})(?![^.!?]*\?)|(?:^|(?<=[.!]\s)){_OPENERS}{_PAST}\s+"
                   rf"(?=(?:the|a|an|its|his|her|their|that|to|in|on)\b)|"
                   rf"{_SENTENCE_START}(?:Reports|Says|Notes|Adds|Claims|States|Writes|Announces|Explains|Indicates)"
                   r"\s+that\b|"
                   # "Where the woman works, announced on the night", "Called on developing countries to"
                   rf"{_SENTENCE_START}(?:Where|When|While)\s[^,?.]{{3,60}},\s+{_PAST}\s+"
                   r"(?=(?:on|that|the|a|an|to|in)\b)|"
                   rf"{_SENTENCE_START}Called on\s+(?=[a-z])|"
                   # "Despite various successes, did not make a comeback"
                   rf"{_SENTENCE_START}(?:Despite|Although|Though|Before|Since|Because of|Due to|Thanks to|Apart from)"
                   r" [^,.]{1,60},\s+(?:[a-z]+ed|did not|does not|do not|didn't|doesn't|was|were|has|had)\s+"
                   r"(?=(?:the|a|an|its|his|her|their|not|make|to|on|in|that|been)\b)|"
                   # "In Buenos Aires announced on Saturday that", "In Houston was established in 1979": a place,
                   # then the verb of a lost subject
                   rf"{_SENTENCE_START}(?:In|At)\s+(?:[A-Z][a-z]+\s+){{1,3}}(?:{_PAST}\s+(?=(?:on|that|the|a|an|to)\b)|"
                   r"(?:was|were|has been|had been)\s+(?=[a-z]+ed\b))"),
        "warning",
        "the sentence opens on a verb with no subject: the subject was probably lost",
        _no_subject_after_phrase,
        starts=_sentence_starts,
    ),
    # "The Japanese (METI) reported": a determiner and an adjective of a country before the acronym in
    # brackets of what they described: the name the acronym stands for was lost.
    _kind(
        "adjective-without-noun",
        re.compile(r"(?=[Tta])\b(?:[Tt]he|an?)\s+[A-Z][a-z]+(?:ese|an|ian|ish|ic|i)\s+\([A-Z]{2,}\)"),
        "warning",
        "an adjective with no noun before the acronym that names it: the name was lost",
        needs=("(",),
        screen=lambda text, lower: _ACRONYM_IN_BRACKETS.search(text) is not None,
    ),
    # "But if accepts our unfair budget": a conjunction and a verb in -s with its object, the subject between gone.
    _kind(
        "clause-without-subject",
        re.compile(_word_at_boundary(_CONJ, both_cases=False) + r"\s+[a-z]+s\s+"
                   r"(?=(?:our|the|a|an|his|her|their|its|this|these|those)\b)"),
        "warning",
        "a clause opens on its verb with no subject: the subject was probably lost",
        needs=tuple(_CONJ.split("|")),
        # (in a plain text, one of the conjunctions as a word of its own)
        screen=lambda text, lower: has_any(text, _CONJUNCTIONS),
    ),
    # ", as the name implies, is a territory", '" was back in his hometown', "(, 1995)": a sentence or a
    # bracket that starts with a comma or a quote and a space lost its first words.
    _kind(
        "clause-without-head",
        re.compile(r"^\s*[,;]\s|^\s*[\"“]\s+(?=[a-z])|\(\s*,"),
        "warning",
        "the sentence starts with a comma or a quote and a space: its first words were lost",
        starts=_text_or_bracket_starts,
    ),
    # '"... by 2020," said.', "According to, Bangladesh is": a speaker or a source with no name.
    _kind(
        "speaker-lost",
        re.compile(r"(?<=[\"”])\s*(?:said|says|added)(?=\s*\.)|\b[Aa]ccording to(?=\s*[,.;])"),
        "warning",
        "a speech verb or 'according to' with no one named: the name was lost",
        needs=("said", "says", "added", "according to"),
        # (the pattern opens on a look-behind and is tried at every position: only in a text with a quote or
        # "ccording to")
        screen=lambda text, lower: '"' in text or "”" in text or "ccording to" in text,
    ),
)


#: Every kind, in the order they are tried.
GAPS: tuple[GapKind, ...] = _WORDS_LOST + _LOST_SUBJECT
