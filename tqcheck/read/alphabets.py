"""What a text in a given language is written with: the letters beyond ASCII each language uses.

The encoding detector (:mod:`tqcheck.read.reader`) asks, for each candidate decoding, how well its
non-ASCII characters fit the language the text is in (given by the user, or read from the ASCII part
of the text): Windows-1252 English read as Shift-JIS turns ``Japan’s`` into ``Japan痴`` (a common
kanji, plausible on its own, but no English text has one glued to a Latin word), Hungarian read as
Windows-1252 turns ``tűrő`` into ``tûrõ`` (Latin-1 letters Hungarian does not write), Japanese EUC-JP
read as GB18030 gives simplified Chinese characters no Japanese text uses.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .langid import char_script

__all__ = ["ALPHABETIC", "Fit", "fit_for", "known", "native_codecs", "some_alphabet"]

# Lower-case letters beyond ASCII each Latin-script language writes (upper case is derived).
_LATIN: dict[str, str] = {
    "en": "",
    "de": "äöüß",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "es": "áéíñóúü",
    "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú",
    "ca": "àçèéíïòóúü",
    "nl": "éëïóöüèáà",
    "da": "æøåé",
    "no": "æøåéèêóòô",
    "nb": "æøåéèêóòô",
    "sv": "åäöé",
    "fi": "äöåšž",
    "is": "áðéíóúýþæö",
    "et": "äöõüšž",
    "lv": "āčēģīķļņšūž",
    "lt": "ąčęėįšųūž",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "pl": "ąćęłńóśźż",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ",
    "hr": "čćđšž",
    "bs": "čćđšž",
    "sr": "čćđšž",
    "sl": "čšžćđ",
    "tr": "çğıöşüâîû",
    "az": "çəğıöşü",
    "sq": "çë",
    "eu": "ñü",
    "gl": "áéíñóúü",
    "ga": "áéíóú",
    "cy": "âêîôûŵŷáéíóúàèìòùäëïöü",
    "mt": "ċġħżàèìòù",
    "la": "",
    "id": "",
    "ms": "",
    "sw": "",
    "af": "êëéèîïôûŉ",
}
# Letters of other languages that still turn up in these, in loanwords and names (café, naïve,
# Zürich, São Paulo): neither evidence for a decoding nor much against it.
_LOANS = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœß"

# Cyrillic alphabets (lower case).
_RU = "абвгдежзийклмнопрстуфхцчшщъыьэюяё"
_CYRILLIC: dict[str, str] = {
    "ru": _RU,
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "kk": _RU + "әғқңөұүһі",
    "ky": _RU + "ңөү",
    "mn": _RU + "өү",
    "tg": _RU + "ғӣқӯҳҷ",
}
# Russian letters from most to least frequent. A wrong Cyrillic codec (KOI8-R read as Windows-1251)
# swaps letters for others of the same alphabet, so the alphabet alone cannot tell; the frequencies can.
_CYRILLIC_BY_FREQUENCY = "оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъё"
_FREQUENT = frozenset(_CYRILLIC_BY_FREQUENCY[:12])
_RARE = frozenset(_CYRILLIC_BY_FREQUENCY[-12:])

# Languages written in one script of their own (besides Latin for names).
_SCRIPT_OF: dict[str, str] = {"el": "Greek", "he": "Hebrew", "yi": "Hebrew", "ar": "Arabic", "fa": "Arabic",
                              "ur": "Arabic", "ps": "Arabic", "th": "Thai"}
_CJK_LANGS = ("zh", "ja", "ko")

#: Languages written in an alphabet (Latin, Cyrillic, Greek ...): typographic quotes, dashes and the euro
#: sign are what their legacy files hold in the bytes a wrong codec turns into letters.
ALPHABETIC = frozenset(_LATIN) | frozenset(_CYRILLIC) | frozenset(_SCRIPT_OF)

# The punctuation word processors put in alphabetic text (Windows-1252/1250/1251 all have it).
_TYPOGRAPHIC = frozenset("«»„“”‘’‚–—…€№•")


def known(lang: str) -> bool:
    """Whether :func:`fit_for` knows what ``lang`` is written with."""
    return lang in ALPHABETIC or lang in _CJK_LANGS


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x0370 <= o <= 0x03FF:
        return "Greek"
    if 0x0590 <= o <= 0x05FF:
        return "Hebrew"
    if 0x0E00 <= o <= 0x0E7F:
        return "Thai"
    return char_script(ch)


def _cjk_symbol(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF60 or 0x30FB <= o <= 0x30FC


def _in_cp932(ch: str) -> bool:
    try:
        ch.encode("cp932")
        return True
    except UnicodeEncodeError:
        return False


class Fit:
    """Per-character weight of a non-ASCII character in a text of the given languages.

    Several languages (the close guesses of a language identifier) share their letters: a character
    fits if it fits any of them. :meth:`weight` replaces the reader's language-blind weight of the
    character; :meth:`glued` is the extra cost of a letter of a foreign script touching a Latin
    letter (``Japan痴``), which mojibake does and real quotations of another script do not.
    """

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = langs
        self.latin = "".join(_LATIN[lang] for lang in langs if lang in _LATIN)
        self.latin_langs = any(lang in _LATIN for lang in langs)
        self.loans_only_en = all(lang == "en" for lang in langs if lang in _LATIN)
        self.cyrillic = "".join(_CYRILLIC[lang] for lang in langs if lang in _CYRILLIC)
        self.scripts = {_SCRIPT_OF[lang] for lang in langs if lang in _SCRIPT_OF}
        self.cjk = {lang for lang in langs if lang in _CJK_LANGS}
        if self.latin_langs:
            self.scripts.add("Latin")
        if self.cyrillic:
            self.scripts.add("Cyrillic")
        if "zh" in self.cjk or "ja" in self.cjk:
            self.scripts.add("Han")
        if "ja" in self.cjk:
            self.scripts.add("Kana")
        if "ko" in self.cjk:
            self.scripts.update(("Hangul", "Han"))
        self.alphabetic = not self.cjk
        self.weight = lru_cache(maxsize=8192)(self._weight)

    def _weight(self, ch: str, base: float) -> float:
        script = _script(ch)
        if not self.langs:  # mostly ASCII letters, in some Latin-script language too short to name
            if ch.isalpha():
                return base if script == "Latin" else -0.5
            if _cjk_symbol(ch) or (unicodedata.category(ch)[0] == "M" and script != "Latin"):
                return -2.0
            return 0.5 if ch in _TYPOGRAPHIC else base
        low = ch.lower()
        if not ch.isalpha():
            if self.alphabetic:
                if ch in _TYPOGRAPHIC:
                    return 0.5
                if _cjk_symbol(ch) or script in ("Kana", "Han"):
                    return -2.0  # 、。「」・ and friends in a Latin or Cyrillic text
                if unicodedata.category(ch)[0] == "M" and _script(ch) not in self.scripts:
                    return -2.0  # a Thai tone mark where a Latin text had é
            elif "zh" in self.cjk and "ja" not in self.cjk and script == "Kana":
                return -1.0  # the katakana middle dot ・ where Chinese writes ·
            return base
        if script == "Latin":
            if self.latin_langs:
                if low in self.latin:
                    return 1.5
                if low in _LOANS:
                    return -0.5 if self.loans_only_en else 0.0
                return -1.0
            return min(base, 0.5) if self.cjk else -1.0
        if script == "Cyrillic":
            if self.cyrillic:
                if low not in self.cyrillic:
                    return -0.5
                return 2.0 if low in _FREQUENT else 1.0 if low in _RARE else 1.5
            return min(base, -0.5)
        if script in ("Han", "Kana", "Hangul"):
            if script not in self.scripts:
                return -1.0 if self.alphabetic else -2.0
            if script == "Han" and self.cjk == {"ja"} and not _in_cp932(ch):
                return -2.0  # a simplified Chinese character no Japanese text uses
            if script == "Kana" and ord(ch) >= 0xFF61:
                return 1.5  # halfwidth katakana: legacy Japanese files have them
            return base
        if script in self.scripts:
            return 1.5  # a letter of the language's own alphabet, as for Latin and Cyrillic above
        return -2.0

    def glued(self, ch: str) -> bool:
        """A letter of a script the languages do not use: costly next to a Latin letter."""
        if not self.langs:
            return ch.isalpha() and _script(ch) != "Latin"
        return ch.isalpha() and _script(ch) not in self.scripts


def some_alphabet() -> Fit:
    """A :class:`Fit` for a text in a Latin-script language too short to name: other scripts are out
    of place."""
    return _fit(())


def fit_for(langs: tuple[str, ...]) -> Fit | None:
    """A :class:`Fit` for the languages :func:`known` knows, or None."""
    usable = tuple(lang for lang in langs if known(lang))
    return _fit(usable) if usable else None


@lru_cache(maxsize=64)
def _fit(langs: tuple[str, ...]) -> Fit:
    return Fit(langs)


# The legacy codecs each language's files are usually written in (Windows code pages first).
_CENTRAL = ("cs", "sk", "pl", "hu", "sl", "hr", "bs", "sr", "ro", "sq")
_BALTIC = ("et", "lv", "lt")
_NATIVE: dict[str, tuple[str, ...]] = {
    **{lang: ("cp1250",) for lang in _CENTRAL},
    **{lang: ("cp1257",) for lang in _BALTIC},
    **{lang: ("cp1251", "koi8-r") for lang in _CYRILLIC},
    "uk": ("cp1251", "koi8-u"),
    "tr": ("cp1254",), "az": ("cp1254",), "el": ("cp1253",), "he": ("cp1255",), "yi": ("cp1255",),
    "ar": ("cp1256",), "fa": ("cp1256",), "ur": ("cp1256",), "th": ("cp874",), "vi": ("cp1258",),
    "zh": ("gb18030", "big5"), "ja": ("shift_jis", "euc_jp", "cp932"), "ko": ("euc_kr", "cp949"),
}


def native_codecs(langs: tuple[str, ...]) -> tuple[str, ...]:
    """The legacy codecs texts in ``langs`` are usually written in, most usual first (Windows-1252 for
    the Western European languages and for a Latin-script language nobody can name)."""
    out: list[str] = []
    for lang in langs or ("en",):
        out.extend(_NATIVE.get(lang, ("cp1252",) if lang in _LATIN else ()))
    return tuple(dict.fromkeys(out))
