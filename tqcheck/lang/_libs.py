"""Loaders of the analysis libraries, each imported on first use and shared by the languages that use it."""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterable

from .base import Word


def simplemma_lemmatizer(lang: str) -> Callable[[str], str]:
    """simplemma's lemma of a word in ``lang`` (de, fr, es, it, pl, cs, en, ...)."""

    def lemma(word: str) -> str:
        return str(_simplemma()[0].lemmatize(word, lang))

    return lemma


def simplemma_lexicon(lang: str) -> Callable[[str], bool]:
    """Whether simplemma's dictionary of ``lang`` knows a word."""

    @functools.lru_cache(maxsize=65536)
    def known(word: str) -> bool:
        if not word.isascii():  # a decomposed ü (u + U+0308), as macOS writes it, is the dictionary's ü
            word = unicodedata.normalize("NFC", word)
        if not word:
            raise ValueError("Wrong input value: empty string")  # as simplemma.is_known
        # simplemma.is_known: the token (in NFC, as it is now) looked up as its default strategy looks words up;
        # its two probes (the token, then its case flipped) asked of the dictionary directly where they can be,
        # as any_known asks them
        entries = _simplemma_entries(lang)
        if entries is not None and not _has_apostrophe(word):
            return word.encode() in entries or _case_flipped(word).encode() in entries
        return _simplemma()[1].get_lemma(word, lang) is not None

    def any_known(words: Iterable[str]) -> bool:
        """Whether ``known`` has any of ``words``, asked of the dictionary directly: the spelling variants and
        typos of a word (``base._variant_known``) are hundreds of words each, seen once. The dictionary
        lookup's own first two probes (the word, then its case flipped: ``DictionaryLookupStrategy.get_lemma``),
        and ``known`` itself for a word they miss that it reads further (an apostrophe in it)."""
        entries = _simplemma_entries(lang)
        words = list(words)
        # the words as one text, one a line: normalised, searched, lowered and encoded at once (NFC and lowering
        # act on each line alone: a line break composes with nothing and is no cased letter)
        text = "\n".join(words)
        text = text if text.isascii() else unicodedata.normalize("NFC", text)
        if entries is None or _has_apostrophe(text) or text.count("\n") != len(words) - 1 or not words:
            return any(map(known, words))  # a word the lookup reads further than its two probes (or a line break)
        keys, head = entries.keys(), text[:1]
        if not keys.isdisjoint(text.encode().split(b"\n")):
            return True
        if head.isupper() and text.count("\n" + head) == len(words) - 1:  # every word opens on this capital (typos)
            return not keys.isdisjoint(text.lower().encode().split(b"\n"))  # so each is lowered
        return not keys.isdisjoint(map(str.encode, map(_case_flipped, text.split("\n"))))

    known.any_known = any_known  # type: ignore[attr-defined]
    return known


def _has_apostrophe(word: str) -> bool:
    """Whether simplemma's dictionary lookup reads ``word`` further than its two probes (an elision, a clitic)."""
    return "'" in word or "’" in word or "ʼ" in word


def _case_flipped(word: str) -> str:
    """The second probe of simplemma's dictionary lookup: a capitalised word lowered, any other capitalised."""
    return word.lower() if word[:1].isupper() else word.capitalize()


@functools.lru_cache(maxsize=None)
def _simplemma_entries(lang: str) -> dict[bytes, bytes] | None:
    """The bytes-to-bytes mapping behind simplemma's dictionary of ``lang``, where its lookup is the plain
    one ``simplemma_lexicon``'s ``any_known`` repeats (no canonical form of the token, no Armenian marks);
    else None."""
    try:
        from simplemma.utils import CANON_LANGS
    except ImportError:  # another simplemma than the one this lookup was written after
        return None
    if lang in CANON_LANGS or lang == "hy":
        return None
    entries = getattr(_simplemma()[1]._dictionary_factory.get_dictionary(lang), "_dict", None)
    return entries if isinstance(entries, dict) else None


@functools.lru_cache(maxsize=1)
def _simplemma() -> tuple[Any, Any]:
    """``simplemma.lemmatize`` and the lookup behind ``simplemma.is_known``, the same strategies over the same
    dictionaries, each read from a prepared copy: simplemma decodes a language's front-coded stream on
    every run (English 0.13 s, German 0.9 s), its prepared copy opens in a third of that."""
    import simplemma
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries.dictionary_factory import (
        CachingDictionaryFactory,
        MappingStrToByteString,
    )

    class Prepared(CachingDictionaryFactory):  # type: ignore[misc]
        def _get_dictionary_uncached(self, lang: str) -> Any:
            return MappingStrToByteString(_simplemma_dictionary(lang))

    factory = Prepared()
    return (simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)),
            DictionaryLookupStrategy(factory))


def _simplemma_dictionary(lang: str) -> dict[bytes, bytes]:
    """simplemma's dictionary of ``lang`` (its bytes to bytes mapping), from a prepared copy when there is one:
    its keys and its values each as lines of one file."""
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DATA_FOLDER,
        SUPPORTED_LANGUAGES,
        _load_dictionary_from_disk,
    )

    from ..prepared import prepared

    if lang not in SUPPORTED_LANGUAGES:
        return _load_dictionary_from_disk(lang)  # simplemma's own error

    def build(folder: Path) -> None:
        table = _load_dictionary_from_disk(lang)
        keys, values = b"\n".join(table), b"\n".join(table.values())
        if keys.count(b"\n") != len(table) - 1 or values.count(b"\n") != len(table) - 1:
            raise OSError(f"a word of simplemma's {lang} dictionary holds a line break")
        (folder / "keys").write_bytes(keys)
        (folder / "values").write_bytes(values)

    folder = prepared(f"simplemma-{lang}", [DATA_FOLDER / f"{lang}.plzma"], build)
    if folder is not None:
        try:
            keys, values = (folder / "keys").read_bytes().split(b"\n"), (folder / "values").read_bytes().split(b"\n")
            if len(keys) == len(values):
                return dict(zip(keys, values))
        except OSError:
            pass
    return _load_dictionary_from_disk(lang)


@functools.lru_cache(maxsize=None)
def morph(lang: str) -> Any:
    """pymorphy3's analyser for ru or uk (its dictionaries: pymorphy3-dicts-ru, pymorphy3-dicts-uk)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def pymorphy_lemmatizer(lang: str) -> Callable[[str], str]:
    def lemma(word: str) -> str:
        parses = morph(lang).parse(word)
        return str(parses[0].normal_form) if parses else word.lower()

    return lemma


def pymorphy_name_tagger(lang: str) -> Callable[[str], str]:
    def tag(word: str) -> str:
        parses = morph(lang).parse(word)[:3]
        if any("Geox" in p.tag.grammemes for p in parses[:1]):
            return "place"
        if any(g in p.tag.grammemes for p in parses for g in ("Name", "Surn", "Patr")):
            return "person"
        if parses and "NOUN" in parses[0].tag.grammemes and parses[0].is_known and "Orgn" not in parses[0].tag.grammemes:
            return "common"  # Пульмонолог, Глава: a known common noun
        if parses and parses[0].is_known and parses[0].tag.POS in ("ADJF", "NPRO", "PRCL", "CONJ", "PREP", "ADVB"):
            return "other"  # Самой (самый), not Samoa
        return ""

    return functools.lru_cache(maxsize=8192)(tag)


#: pymorphy3's grammemes of names: a reading with one of them is a name's, not a common word's.
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def pymorphy_lexicon(lang: str) -> Callable[[str], bool]:
    """Whether pymorphy3's dictionary of ``lang`` knows a word as a common word: a reading of a known word
    with no grammeme of names (чорної, відновити; not Ісусом, whose only readings are a name's, nor a word
    it only guesses, Харрингтон)."""

    @functools.lru_cache(maxsize=65536)
    def known(word: str) -> bool:
        return any(p.is_known and p.tag.POS and not (_NAME_GRAMMEMES & p.tag.grammemes)
                   for p in morph(lang).parse(word))

    return known


def pymorphy_name_form(lang: str) -> Callable[[str], str]:
    def form(word: str) -> str:
        for p in morph(lang).parse(word)[:4]:
            if any(g in p.tag.grammemes for g in ("Name", "Surn", "Patr")):
                lemma = str(p.normal_form)
                return lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma
        return word

    return functools.lru_cache(maxsize=8192)(form)


@functools.lru_cache(maxsize=1)
def _jieba() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    if not tokenizer.initialized and tokenizer.dictionary == jieba.DEFAULT_DICT:
        loaded = _prepared_jieba(tokenizer)
        if loaded:
            # what Tokenizer.initialize sets, from the prepared copy of the same prefix dictionary
            tokenizer.FREQ, tokenizer.total = loaded
            tokenizer.initialized = True
    jieba.initialize()  # a no-op once initialised
    return jieba


def _prepared_jieba(tokenizer: Any) -> tuple[dict[str, int], int] | None:
    """jieba's prefix dictionary (every word and prefix with its frequency, and their total) from a prepared
    copy: the words as one text and the frequencies as an int64 array, which open in a third of the time of
    jieba's own marshal cache (half a million Chinese strings)."""
    import array

    import jieba

    from ..prepared import prepared

    def build(folder: Path) -> None:
        tokenizer.initialize()
        words = "\n".join(tokenizer.FREQ)
        if words.count("\n") != len(tokenizer.FREQ) - 1:
            raise OSError("a word of jieba's dictionary holds a line break")
        (folder / "words.txt").write_text(words, encoding="utf-8")
        (folder / "freq.bin").write_bytes(array.array("q", [tokenizer.total, *tokenizer.FREQ.values()]).tobytes())

    folder = prepared("jieba", [Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME], build)
    if folder is None or tokenizer.initialized:
        return None
    freq = array.array("q")
    try:
        freq.frombytes((folder / "freq.bin").read_bytes())
        words = (folder / "words.txt").read_text(encoding="utf-8").split("\n")
    except (OSError, ValueError):  # a damaged copy: jieba loads its own
        return None
    if len(words) != len(freq) - 1:
        return None
    return dict(zip(words, freq[1:])), freq[0]


def jieba_known(word: str) -> bool:
    """Whether jieba's dictionary has ``word`` (with a frequency: a word, not only a prefix of one)."""
    return bool(_jieba().dt.FREQ.get(word))


def jieba_words(text: str) -> list[Word]:
    """``jieba.tokenize``'s words (``_jiebacut``: the same words, each run's dictionary path found once for these
    and the tagger's)."""
    from . import _jiebacut

    out, start = [], 0
    for w in _jiebacut.words(text, _jieba().dt):  # (each word starts where the one before it ends: tokenize)
        end = start + len(w)
        if w.strip():
            out.append(Word(start, end, w))
        start = end
    return out


def jieba_run_bounds(run: str, every: bool) -> frozenset[int]:
    """Offsets of a run of ``JIEBA_RUNS`` where words of ``jieba_words(run)`` start or end: every one (``every``), or
    those surely so, read from the run's dictionary path alone (``_jiebacut.sure_bounds``, without the model's reading
    of unknown characters)."""
    from . import _jiebacut

    return (_jiebacut.all_bounds if every else _jiebacut.sure_bounds)(run, _jieba().dt)


@functools.lru_cache(maxsize=1)
def _sudachi() -> Any:
    from sudachipy import dictionary

    dic = dictionary.Dictionary(dict="core")
    return dic.tokenizer() if hasattr(dic, "tokenizer") else dic.create()


@functools.lru_cache(maxsize=256)
def sudachi_parse(text: str) -> tuple[tuple[Any, ...], tuple[tuple[int, int, str, tuple[str, ...]], ...]]:
    """Sudachi's morphemes of a text, longest units, and (start, end, surface, part of speech) of each: one
    analysis per text for the words, the person names, the name tags and the names read by sound
    (``ja.read_names``, which also reads a morpheme's reading) that the checks ask for."""
    from sudachipy import tokenizer

    ms = tuple(_sudachi().tokenize(text, tokenizer.Tokenizer.SplitMode.C))
    if not ms:
        return ms, ()
    kind = type(ms[0])  # (each field read by the morpheme's own method, mapped over them all)
    return ms, tuple(zip(map(kind.begin, ms), map(kind.end, ms), map(kind.surface, ms),
                         map(tuple, map(kind.part_of_speech, ms))))


def _sudachi_morphemes(text: str) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    """(start, end, surface, part of speech) of each morpheme (``sudachi_parse``)."""
    return sudachi_parse(text)[1]


def sudachi_words(text: str) -> list[Word]:
    return [Word(s, e, w) for s, e, w, _ in _sudachi_morphemes(text) if w.strip()]


@functools.lru_cache(maxsize=256)
def _jieba_person_names(text: str) -> tuple[Word, ...]:
    """jieba's nr tags (郭梅, 罗冠聪) that are no words of its dictionary (it also tags 威士忌 "whisky" and
    顾客 "customer" nr)."""
    from . import _posseg

    tokenizer = _jieba().dt
    freq = tokenizer.FREQ
    out = []
    # (a word of the dictionary has a frequency, one character is too short and what lies outside the runs is tagged
    # x, m or eng: only the model's words can be such)
    for start, word, flag in _posseg.model_words(text, tokenizer):  # jieba.posseg.cut's words and tags, found faster
        if flag == "nr" and len(word) >= 2 and not freq.get(word):
            out.append(Word(start, start + len(word), word))
    return tuple(out)


def jieba_person_names(text: str) -> list[Word]:
    """Words jieba's part-of-speech tagger reads as person names and that are not words of its dictionary
    (tagged once per text: several name checks ask)."""
    return list(_jieba_person_names(text))


def sudachi_person_names(text: str) -> list[Word]:
    """Words Sudachi tags as person names (名詞,固有名詞,人名)."""
    return [Word(s, e, w) for s, e, w, pos in _sudachi_morphemes(text) if pos[1:3] == ("固有名詞", "人名")]


@functools.lru_cache(maxsize=8192)
def sudachi_name_tag(word: str) -> str:
    """person, place or common when Sudachi reads ``word`` as one word of that kind, else ""."""
    ms = _sudachi_morphemes(word)
    if len(ms) != 1:
        return ""
    pos = ms[0][3]
    if pos[1] == "固有名詞":
        return {"人名": "person", "地名": "place"}.get(pos[2], "")
    return "common" if pos[1] == "普通名詞" else ""


_WORDS = re.compile(r"[^\W\d_]{5,}")


#: Parts of speech a negating prefix makes a negated description of (pymorphy3's tags).
_DESCRIBING = frozenset({"ADJF", "ADJS", "ADVB", "PRED", "PRTF", "PRTS"})


def pymorphy_affix_negation(lang: str, prefixes: tuple[str, ...], without: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """Whether a text has an adjective, adverb or participle negated by one of ``prefixes``
    (неизвестно, непривитых) whose rest is a describing word too, or made with one of ``without``
    (бессимптомно, "without symptoms"). Nouns and numerals are left alone (неделя "week",
    несколько "several")."""

    def describing(word: str) -> set[str]:
        parses = morph(lang).parse(word)[:3]
        if any(p.tag.POS in ("NOUN", "NUMR") for p in parses):
            return set()
        return {str(p.tag.POS) for p in parses if p.is_known and p.tag.POS in _DESCRIBING}

    @functools.lru_cache(maxsize=65536)
    def negated(word: str) -> bool:
        low = word.lower()
        if any(low.startswith(p) for p in without):
            return bool(describing(low))
        prefix = next((p for p in prefixes if low.startswith(p) and len(low) - len(p) >= 3), None)
        return prefix is not None and bool(describing(low)) and bool(describing(low[len(prefix):]))

    return lambda text: any(negated(w) for w in _WORDS.findall(text))


def simplemma_affix_negation(lang: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a text has a word negated by a prefix (unzufrieden) or a suffix (erfolglos): what is left
    is a word simplemma knows (a linking s dropped: hoffnungslos)."""
    known = simplemma_lexicon(lang)

    @functools.lru_cache(maxsize=65536)
    def negated(word: str) -> bool:
        low = word.lower()
        rests = [low[len(p):] for p in prefixes if low.startswith(p)]
        rests += [low[:-len(x)] for x in suffixes if low.endswith(x)]
        for rest in rests:
            if len(rest) >= 4 and any(known(r) or known(r.capitalize()) for r in (rest, rest[:-1] if rest.endswith("s") else rest)):
                return True
        return False

    return lambda text: any(negated(w) for w in _WORDS.findall(text))


_UMLAUT = {"au": "äu", "a": "ä", "o": "ö", "u": "ü"}
_LAST_VOWEL = re.compile(r"(au|a|o|u)(?=[^aeiouäöü]*(?:e[lnr]?)?$)")


def _umlauted(word: str) -> str | None:
    """``word`` with the vowel of its last syllable umlauted, as German plurals make it (Boden: Böden,
    Bahnhof: Bahnhöfe, Haus: Häuser); None when that vowel has no umlaut."""
    m = _LAST_VOWEL.search(word)
    return word[:m.start()] + _UMLAUT[m.group()] + word[m.end():] if m else None


def simplemma_common_noun(lang: str, plural_endings: tuple[str, ...],
                          umlaut_endings: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """Whether simplemma's dictionary of ``lang`` has a capitalised word with a plural of one of
    ``plural_endings`` that has the same lemma (Krankheit: Krankheiten, Gipfel: Gipfeln), or, given
    ``umlaut_endings`` and a word that is its own lemma, a plural that umlauts its last vowel and adds one of
    them (Boden: Böden, Gast: Gäste, Haus: Häuser): a common noun. Names have no plural (Markus, Mercedes,
    Thüringen); a name that is also a noun (Bauer, Koch) is one."""
    known = simplemma_lexicon(lang)
    lemma = simplemma_lemmatizer(lang)

    @functools.lru_cache(maxsize=65536)
    def noun(word: str) -> bool:
        if not word[:1].isupper() or not known(word):
            return False
        base = lemma(word)
        forms = [word + end for end in plural_endings]
        # an umlaut plural is made from the singular itself (Boden: Böden), not from an inflected form of
        # another noun (Range, an old dative of Rang, is no singular of Ränge: Sentinel Range is a name)
        umlauted = _umlauted(word) if umlaut_endings and base.lower() == word.lower() else None
        if umlauted is not None:
            forms += [umlauted + end for end in umlaut_endings]
        return any(known(f) and lemma(f) == base for f in forms)

    return noun


def simplemma_lowercase_word(lang: str) -> Callable[[str], bool]:
    """Whether simplemma's dictionary of ``lang``, in which nouns and names keep their capital, gives a
    capitalised word a lower-case dictionary form: a word of no capitalised class (Beispielsweise, Drei,
    Bisher), written with a capital only where it opens a sentence."""
    known = simplemma_lexicon(lang)
    lemma = simplemma_lemmatizer(lang)

    @functools.lru_cache(maxsize=65536)
    def lowercase(word: str) -> bool:
        return known(word) and lemma(word)[:1].islower()

    return lowercase


def wordfreq_zipf(lang: str) -> Callable[[str], float]:
    """A word's Zipf frequency in ``lang`` (log10 of its occurrences per billion words) from wordfreq's small
    list of the language, which holds every word more common than once in a million words (Zipf above 3:
    Wikipedia, subtitles, news, books and web text, each language counted on its own); 0 for a rarer word.
    The list is read on the first lookup (0.01 to 0.03 s), straight from wordfreq's data file, so that
    wordfreq's own import (0.2 s: ftfy, langcodes) is not paid; the word is looked up as wordfreq looks up a
    word of a Latin-script language, in NFC and case-folded."""

    def zipf(word: str) -> float:
        return _wordfreq_small(lang).get(unicodedata.normalize("NFC", word).casefold(), 0.0)

    return zipf


@functools.lru_cache(maxsize=None)
def _wordfreq_small(lang: str) -> dict[str, float]:
    """wordfreq's small list of ``lang``: word -> Zipf frequency. Its file is a gzipped msgpack ("cBpack", as
    wordfreq documents it): a header, then lists of words, the i-th holding those of frequency 10**(-i/100)."""
    import gzip
    import importlib.util

    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    path = next((Path(f) / "data" / f"small_{lang}.msgpack.gz" for f in folders
                 if (Path(f) / "data" / f"small_{lang}.msgpack.gz").exists()), None)
    if path is None:
        return {}
    data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    if not data or data[0] != {"format": "cB", "version": 1}:
        raise OSError(f"{path}: not a wordfreq cBpack list")
    return {w: round(9 - i / 100, 2) for i, bucket in enumerate(data[1:]) for w in bucket}
