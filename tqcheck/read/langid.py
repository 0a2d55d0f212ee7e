"""Guess the language of a text: writing system first, then py3langid for alphabetic scripts.

The script decides the CJK languages outright (kana means Japanese, Hangul Korean, Han
without kana Chinese), which is both faster and more certain than a statistical model.
Texts in other scripts go to py3langid's bundled naive-Bayes model, run offline on a
sample of the text. The model is loaded lazily, once per process, on first use.
"""
from __future__ import annotations

import bisect
import re
import shutil
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable

from ..errors import InputError

__all__ = [
    "LANG_SURE",
    "Lead",
    "LangGuess",
    "SCRIPTS",
    "char_script",
    "detect_language",
    "language_lead",
    "document_languages",
    "normalise_lang",
    "rank_languages",
    "script_profile",
]

#: The script names :func:`script_profile` reports, in a fixed order.
SCRIPTS: tuple[str, ...] = ("Han", "Kana", "Hangul", "Cyrillic", "Latin", "Arabic", "Other")

# Code point ranges (inclusive) of the scripts we tell apart; everything else is "Other".
# Only letters are ever classified (see script_profile), so the ranges may be generous.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latin"),
    (0x0061, 0x007A, "Latin"),
    (0x00AA, 0x00AA, "Latin"),
    (0x00BA, 0x00BA, "Latin"),
    (0x00C0, 0x02AF, "Latin"),  # Latin-1 letters, Extended-A/B, IPA
    (0x0400, 0x052F, "Cyrillic"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0870, 0x08FF, "Arabic"),
    (0x1100, 0x11FF, "Hangul"),  # Jamo
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x1D00, 0x1DBF, "Latin"),  # phonetic extensions
    (0x1E00, 0x1EFF, "Latin"),  # Latin Extended Additional (Vietnamese)
    (0x2C60, 0x2C7F, "Latin"),
    (0x2DE0, 0x2DFF, "Cyrillic"),
    (0x2E80, 0x2FDF, "Han"),  # radicals
    (0x3005, 0x3007, "Han"),  # 々 〆 〇
    (0x3021, 0x3029, "Han"),
    (0x3031, 0x3035, "Kana"),
    (0x3038, 0x303B, "Han"),
    (0x3040, 0x30FF, "Kana"),  # hiragana, katakana, ー
    (0x3130, 0x318F, "Hangul"),  # compatibility jamo
    (0x31F0, 0x31FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),  # extension A
    (0x4E00, 0x9FFF, "Han"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0xA720, 0xA7FF, "Latin"),
    (0xA960, 0xA97F, "Hangul"),
    (0xAB30, 0xAB6F, "Latin"),
    (0xAC00, 0xD7FF, "Hangul"),  # syllables, jamo extended-B
    (0xF900, 0xFAFF, "Han"),  # compatibility ideographs
    (0xFB00, 0xFB06, "Latin"),  # ligatures ﬀ ﬁ ...
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF21, 0xFF3A, "Latin"),  # fullwidth A-Z
    (0xFF41, 0xFF5A, "Latin"),  # fullwidth a-z
    (0xFF66, 0xFF9F, "Kana"),  # halfwidth katakana
    (0xFFA0, 0xFFDC, "Hangul"),  # halfwidth jamo
    (0x1B000, 0x1B16F, "Kana"),
    (0x20000, 0x3134F, "Han"),  # extensions B-H, compatibility supplement
)
_STARTS = [r[0] for r in _RANGES]


@lru_cache(maxsize=None)
def char_script(ch: str) -> str:
    """The script (one of :data:`SCRIPTS`) of one character, judged by its code point."""
    o = ord(ch)
    i = bisect.bisect_right(_STARTS, o) - 1
    if i >= 0:
        lo, hi, name = _RANGES[i]
        if lo <= o <= hi:
            return name
    return "Other"


def _letter_counts(text: str) -> Counter[str]:
    """Letters per script. Counting distinct characters first keeps this C-speed on big texts."""
    per_script: Counter[str] = Counter()
    for ch, n in Counter(text).items():
        if ch.isalpha():
            per_script[char_script(ch)] += n
    return per_script


def script_profile(text: str) -> dict[str, float]:
    """Share of the letters of ``text`` in each script; every key of :data:`SCRIPTS` is present.

    Only letters count (digits, punctuation, spaces and combining marks do not); a text
    without letters gets 0.0 everywhere.
    """
    counts = _letter_counts(text)
    total = sum(counts.values())
    return {s: (counts[s] / total if total else 0.0) for s in SCRIPTS}


@dataclass(frozen=True)
class LangGuess:
    """A language guess: ISO 639-1 code (or 639-3 when there is none; ``"und"`` if unknown)."""

    lang: str
    confidence: float
    reliable: bool


# --- tuning -----------------------------------------------------------------------------

#: Fewer letters than this is too little evidence for a reliable guess.
MIN_LETTERS = 20
#: py3langid sees at most this many characters (the start of the text).
SAMPLE_CHARS = 20_000
#: A reliable statistical guess needs at least this (normalised) probability ...
_MIN_PROB = 0.7
#: ... or at least this probability and this many times the runner-up's ...
_MIN_LEAD_PROB = 0.5
_MIN_LEAD_RATIO = 3.0
#: ... its script group must hold at least this share of the letters ...
_MIN_DOMINANCE = 0.8
#: ... and at least this share of the letters of the sentences py3langid can judge on
#: their own must agree with the whole-text guess (catches texts mixing two languages).
_MIN_AGREEMENT = 0.75
#: A sentence is judged on its own when it has this many letters and its top probability
#: is at least this high.
_CHUNK_MIN_LETTERS = 12
_CHUNK_MIN_PROB = 0.5
_MAX_CHUNKS = 60
#: Kana above this share of the Han + kana letters makes a CJK text Japanese. Japanese
#: prose is typically 30-70 % kana; a small threshold tolerates a stray の in Chinese.
_KANA_SHARE_JA = 0.05
#: Hangul above this share of the CJK letters makes it Korean (hanja-heavy Korean exists).
_HANGUL_SHARE_KO = 0.2

# py3langid labels that are varieties of an ISO 639-1 macrolanguage: their probability is
# added to the macrolanguage, so e.g. Modern Standard Arabic is not split with Egyptian.
_FOLD = {"ary": "ar", "arz": "ar", "wuu": "zh", "yue": "zh", "uzs": "uz", "sdh": "ku", "gug": "gn"}
# "zxx" is py3langid's "no linguistic content".
_UNDETERMINED = {"zxx"}
#: The language each folded or undetermined label is counted for (any other label: its own).
_COUNTED_AS = {**_FOLD, **dict.fromkeys(_UNDETERMINED, "und")}

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;。！？；])\s+|\n+")

_identifier: Any = None
_identifier_lock = threading.Lock()


def _get_identifier() -> Any:
    """py3langid's model with normalised probabilities, loaded on first use (about 1 s)."""
    global _identifier
    if _identifier is None:
        with _identifier_lock:
            if _identifier is None:
                from py3langid.langid import (  # type: ignore[import-untyped]
                    MODEL_FILE,
                    LanguageIdentifier,
                )

                _identifier = _prepared_identifier() or LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


_MODEL_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _prepared_identifier() -> Any:
    """py3langid's model from a prepared copy of its arrays (``.npy``, no pickles), built as
    ``LanguageIdentifier.from_model_file`` builds it: its file is an LZMA archive whose decompression
    took 0.35 s of every run."""
    import lzma

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array  # type: ignore[import-untyped]

    from ..prepared import prepared

    source = MODEL_DIR / MODEL_FILE

    def build(folder: Path) -> None:
        archive = folder / "model.npz"
        with lzma.open(source) as packed, open(archive, "wb") as unpacked:
            shutil.copyfileobj(packed, unpacked, length=1 << 20)
        with np.load(archive, allow_pickle=False) as data:
            for name in _MODEL_ARRAYS:
                np.save(folder / f"{name}.npy", data[name], allow_pickle=False)
        archive.unlink()

    folder = prepared("py3langid", [source], build)
    if folder is None:
        return None
    try:
        ptc, pc, classes, nextmove, row, output = (np.load(folder / f"{name}.npy", allow_pickle=False)
                                                   for name in _MODEL_ARRAYS)
    except (OSError, ValueError):
        return None
    return LanguageIdentifier(ptc, pc, classes.tolist(), _to_array(nextmove), output.tolist(), norm_probs=True,
                              tk_row=_to_array(row))


def _rank(text: str) -> list[tuple[str, float]]:
    """py3langid's languages by probability, best first, with varieties folded."""
    return list(_ranked(text))


@lru_cache(maxsize=64)
def _ranked(text: str) -> tuple[tuple[str, float], ...]:
    """``_rank``, kept for the last texts: a sentence that is the whole sample is ranked once for the
    sample and once as its own sentence (``_sentence_votes``), and a text without capitalised words is
    the text ``wronglang`` asks again without its names."""
    merged: dict[str, float] = {}
    counted_as, get = _COUNTED_AS.get, merged.get
    for label, prob in _get_identifier().rank(text):
        lang = counted_as(label, label)
        merged[lang] = get(lang, 0.0) + float(prob)
    return tuple(sorted(merged.items(), key=itemgetter(1), reverse=True))


def rank_languages(text: str) -> list[tuple[str, float]]:
    """py3langid's languages for ``text`` (its first :data:`SAMPLE_CHARS` characters) by probability,
    best first."""
    return _rank(text[:SAMPLE_CHARS])


def _count_letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


@dataclass(frozen=True)
class _Votes:
    agreement: float  # share of judged letters whose sentence voted for the language
    judged: int  # sentences judged
    mean_prob: float  # mean top probability of the sentences that agreed


def _sentence_votes(sample: str, lang: str) -> _Votes:
    """Judge sentences on their own and see how many agree with the whole-text guess (a sample of one
    sentence is not ranked again: ``_ranked`` keeps it)."""
    votes_for = votes_all = judged = 0
    probs: list[float] = []
    for sentence in _SENTENCE_SPLIT.split(sample):
        letters = _count_letters(sentence)
        if letters < _CHUNK_MIN_LETTERS:
            continue
        top, prob = _rank(sentence)[0]
        if prob < _CHUNK_MIN_PROB:
            continue
        judged += 1
        votes_all += letters
        if top == lang:
            votes_for += letters
            probs.append(prob)
        if judged >= _MAX_CHUNKS:
            break
    return _Votes(
        agreement=votes_for / votes_all if votes_all else 1.0,
        judged=judged,
        mean_prob=sum(probs) / len(probs) if probs else 0.0,
    )


def _cjk_guess(han: int, kana: int, hangul: int, dominance: float) -> LangGuess:
    cjk = han + kana + hangul
    if hangul > kana and hangul >= _HANGUL_SHARE_KO * cjk:
        lang, decisive = "ko", hangul
    elif kana >= _KANA_SHARE_JA * (han + kana):
        lang, decisive = "ja", kana
    else:
        # Han alone: Chinese, though a short run of kanji could still be Japanese.
        lang, decisive = "zh", han
    # Confidence grows with the amount of evidence and shrinks with other scripts mixed in.
    length_factor = cjk / (cjk + (2 if lang != "zh" else 5))
    confidence = round(dominance * length_factor, 4)
    # Weighted like in detect_language: ten CJK characters are a short sentence.
    reliable = 2 * cjk >= MIN_LETTERS and dominance >= _MIN_DOMINANCE and decisive > 0
    return LangGuess(lang, confidence, reliable)


def detect_language(text: str) -> LangGuess:
    """Guess the language of ``text``.

    CJK scripts are decided by script; other texts by py3langid on the first
    :data:`SAMPLE_CHARS` characters, cross-checked sentence by sentence. ``reliable`` is
    False for texts with fewer than :data:`MIN_LETTERS` letters (a CJK character counts
    as two), texts mixing scripts, low model probability, and texts whose sentences
    disagree about the language.
    """
    return language_lead(text).guess()


class Lead:
    """A text's language as ``detect_language`` names it (``lang``), before the cross-check of its sentences, which
    weighs only the guess's confidence and reliability (``guess()``, the whole guess, worked out on asking): a rule
    that accepts some languages however reliable the guess asks ``lang`` first."""

    __slots__ = ("lang", "guess")

    def __init__(self, lang: str, guess: Callable[[], LangGuess]) -> None:
        self.lang, self.guess = lang, guess


def language_lead(text: str) -> Lead:
    """``detect_language``'s language for ``text``, its guess to come (:class:`Lead`)."""
    counts = _letter_counts(text)
    letters = sum(counts.values())
    if letters == 0:
        return _known(LangGuess("und", 0.0, False))
    han, kana, hangul = counts["Han"], counts["Kana"], counts["Hangul"]
    cjk = han + kana + hangul
    # One CJK character carries about as much as a short word, so CJK letters weigh double
    # against alphabetic ones when judging which writing system dominates.
    other = letters - cjk
    weighted = 2 * cjk + other
    if cjk and 2 * cjk >= other:
        return _known(_cjk_guess(han, kana, hangul, dominance=2 * cjk / weighted))

    sample = text[:SAMPLE_CHARS]
    ranked = [(lang, p) for lang, p in _rank(sample) if lang not in ("zh", "ja", "ko")]
    lang, prob = ranked[0] if ranked else ("und", 0.0)
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if lang == "und":
        return _known(LangGuess("und", round(prob, 4), False))
    dominance = max(counts[s] for s in ("Cyrillic", "Latin", "Arabic", "Other")) / weighted

    def guess() -> LangGuess:
        votes = _sentence_votes(sample, lang)
        # py3langid's probabilities flatten on long, repetitive samples; many sentences that
        # agree confidently are then the better evidence.
        many_agree = votes.judged >= 3 and votes.agreement >= 0.9
        # The model spreads a short sentence over close relatives (Spanish over Extremaduran
        # and Aragonese); a clear lead over the runner-up is as good as a high probability.
        clear_lead = prob >= _MIN_LEAD_PROB and prob >= _MIN_LEAD_RATIO * second
        evidence = max(prob, votes.mean_prob) if many_agree else prob
        confidence = round(evidence * dominance * votes.agreement, 4)
        reliable = (
            letters >= MIN_LETTERS
            and dominance >= _MIN_DOMINANCE
            and votes.agreement >= _MIN_AGREEMENT
            and (prob >= _MIN_PROB or clear_lead or many_agree)
        )
        return LangGuess(lang, confidence, reliable)

    return Lead(lang, guess)


def _known(guess: LangGuess) -> Lead:
    return Lead(guess.lang, lambda: guess)


# --- language codes -----------------------------------------------------------------------

# Individual languages commonly used in place of their ISO 639-1 macrolanguage, and
# deprecated 639-1 codes still emitted by some tools.
_ALIASES = {
    "cmn": "zh",
    "arb": "ar",
    "pes": "fa",
    "zsm": "ms",
    "ekk": "et",
    "lvs": "lv",
    "swh": "sw",
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "jw": "jv",
    "mo": "ro",
}
# Used only when pycountry is not installed.
_FALLBACK_3_TO_1 = {
    "ara": "ar", "chi": "zh", "zho": "zh", "deu": "de", "ger": "de", "eng": "en",
    "spa": "es", "fra": "fr", "fre": "fr", "ita": "it", "jpn": "ja", "kor": "ko",
    "nld": "nl", "dut": "nl", "pol": "pl", "por": "pt", "rus": "ru", "tur": "tr",
    "ukr": "uk", "vie": "vi", "tha": "th", "heb": "he", "hin": "hi", "ind": "id",
    "ces": "cs", "cze": "cs", "swe": "sv", "dan": "da", "fin": "fi", "nor": "no",
    "ell": "el", "gre": "el", "hun": "hu", "ron": "ro", "rum": "ro", "bul": "bg",
    "fas": "fa", "per": "fa", "msa": "ms", "may": "ms",
}
_SPECIAL = {"und", "mul", "zxx", "mis"}
_ACCEPTED = (
    "an ISO 639-1 code (en, zh, ja), an ISO 639-2/3 code (eng, zho, chi, cmn, jpn) "
    "or a BCP 47 tag (zh-CN, zh_Hans, pt-BR)"
)


@lru_cache(maxsize=256)
def normalise_lang(code: str) -> str:
    """Canonical language code: ISO 639-1 when the language has one, else ISO 639-3.

    Accepts BCP 47 / POSIX tags (only the primary subtag counts), ISO 639-2/B and /T and
    639-3 codes; case-insensitive. Raises ``ValueError`` for anything else.
    """
    raw = code
    primary = code.strip().replace("_", "-").split("-", 1)[0].lower()
    if not primary.isascii() or not primary.isalpha() or not 2 <= len(primary) <= 3:
        raise ValueError(f"unknown language code {raw!r}; use {_ACCEPTED}")
    if primary in _ALIASES:
        return _ALIASES[primary]
    if primary in _SPECIAL:
        return primary
    from ..lang import MODULES

    if primary in MODULES:  # a language with a module is named by its ISO 639-1 code (no need to open ISO 639-3)
        return primary
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        if len(primary) == 2 and primary in set(_FALLBACK_3_TO_1.values()):
            return primary
        if primary in _FALLBACK_3_TO_1:
            return _FALLBACK_3_TO_1[primary]
        raise ValueError(f"unknown language code {raw!r}; use {_ACCEPTED}") from None

    if len(primary) == 2:
        found = pycountry.languages.get(alpha_2=primary)
    else:
        found = pycountry.languages.get(alpha_3=primary) or pycountry.languages.get(
            bibliographic=primary
        )
    if found is None:
        raise ValueError(f"unknown language code {raw!r}; use {_ACCEPTED}")
    alpha_2 = getattr(found, "alpha_2", None)
    return str(alpha_2 if alpha_2 else found.alpha_3)



#: Below this confidence a detected language is reported as a guess.
LANG_SURE = 0.8


def document_languages(
    src: tuple[str, str], tgt: tuple[str, str], src_given: str | None, tgt_given: str | None,
    note: Callable[[str], None],
) -> tuple[str, str, LangGuess, LangGuess]:
    """The languages of a source and its translation, each ``(path, text)``: the one given, else the one
    detected (an unsure guess is noted). Refuses files that read plainly the other way round from the
    languages given, and a translation in the source's own language."""
    (src_path, src_text), (tgt_path, tgt_text) = src, tgt
    sg, tg = detect_language(src_text), detect_language(tgt_text)
    src_lang = src_given or sg.lang
    tgt_lang = tgt_given or tg.lang
    for given, guess, path, side in ((src_given, sg, src_path, "source"), (tgt_given, tg, tgt_path, "translation")):
        if given is None:
            if guess.lang == "und":
                raise InputError(path, f"cannot tell the {side} language; pass --{'src' if side == 'source' else 'tgt'}-lang")
            if not guess.reliable or guess.confidence < LANG_SURE:
                note(f"{path}: {side} language guessed as {guess.lang} (confidence {guess.confidence:.2f}); "
                     f"pass --{'src' if side == 'source' else 'tgt'}-lang if that is wrong")
    # The files plainly the other way round from the language(s) given: both read reliably, the source as
    # the language given for the translation or the translation as the one given for the source, and
    # neither as what was given for it.
    plain = all(g.reliable and g.confidence >= LANG_SURE for g in (sg, tg))
    if plain and sg.lang != tg.lang and (src_given or tgt_given) \
            and src_given in (None, tg.lang) and tgt_given in (None, sg.lang):
        given_text = " ".join(f"--{side}-lang {lang}" for side, lang in (("src", src_given),
                                                                           ("tgt", tgt_given)) if lang)
        raise InputError(src_path, f"reads as {sg.lang} and {tgt_path} as {tg.lang}, the other way round from "
                         f"{given_text}: the files look swapped (tqcheck compare SRC OUT takes the original first)")
    for given, guess, path, flag in ((src_given, sg, src_path, "src"), (tgt_given, tg, tgt_path, "tgt")):
        if given and guess.reliable and guess.lang not in (given, "und"):
            note(f"{path}: --{flag}-lang says {given} but the text reads as {guess.lang}")
    if src_lang == tgt_lang:
        if sg.reliable and tg.reliable or (src_given and tgt_given):
            raise InputError(tgt_path, f"source and translation are both in {src_lang}; nothing was translated "
                             f"(check the file order, or pass --src-lang/--tgt-lang)")
        note(f"both files look like {src_lang}; pass --src-lang/--tgt-lang")
    return src_lang, tgt_lang, sg, tg
