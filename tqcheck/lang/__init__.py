"""The language layer under the checks: one module per language, looked up by code and loaded on first use.

    from tqcheck import lang
    lang.get("de").lemma("Frankreichs")        # 'frankreich'
    lang.get("zh").on_word_boundaries("发展中国家", 2, 4)   # False: 中国 is not a word there
    lang.supports("uk", "names")               # what a rule may rely on

A language with no module gets a plain one (words split on non-letters, lower-case lemmas) that provides
nothing, so the rules that need names or number words are skipped for it. Adding a language is adding a
module here with its data and an entry in ``MODULES``; no rule changes.
"""
from __future__ import annotations

import functools
import importlib

from .base import CAPABILITIES, Language, Word, regex_words

#: Language code -> module of this package.
MODULES = {
    "en": "en", "zh": "zh", "ja": "ja", "ru": "ru", "uk": "uk", "de": "de", "fr": "fr", "es": "es", "cs": "cs",
    "it": "it", "pt": "pt",
}


@functools.lru_cache(maxsize=256)
def primary(code: str) -> str:
    """The primary language subtag of ``code``, lower-case (zh-TW, zh_Hant: zh)."""
    return (code or "und").replace("_", "-").split("-")[0].lower()


@functools.lru_cache(maxsize=None)
def get(code: str) -> Language:
    """The language of ``code`` (ISO 639-1, region ignored: zh-TW is zh)."""
    base = primary(code)
    module = MODULES.get(base)
    if module is None:
        return Language(base, base, frozenset())
    return importlib.import_module(f"{__name__}.{module}").LANGUAGE  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=None)
def script(code: str) -> str:
    """The ISO 15924 code of the script ``code`` is written in: its module's, else CLDR's likely script
    (babel's likely subtags: bg Cyrl, fa Arab, zh-TW Hant); "" if neither knows the language."""
    own = get(code).script
    if own:
        return own
    from babel.core import get_global

    likely = get_global("likely_subtags").get(primary(code))
    parts = str(likely).split("_") if likely else []
    return parts[1] if len(parts) > 1 and len(parts[1]) == 4 else ""


def supports(code: str, capability: str) -> bool:
    return get(code).supports(capability)


__all__ = ("CAPABILITIES", "Language", "MODULES", "Word", "get", "primary", "regex_words", "script", "supports")
