"""TQ5xx: source-language text left in the translation."""
from __future__ import annotations

import re
from typing import Iterator

from ..types import Pair, Severity, Span
from .registry import CheckContext, Hit, rule

#: Letters of each script, and the shortest run of them that counts as left-over text.
SCRIPTS: dict[str, tuple[str, int]] = {
    "Han": (r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", 2),
    "Kana": (r"[\u3040-\u30ff\u31f0-\u31ff]", 2),
    "Hangul": (r"[\uac00-\ud7af\u1100-\u11ff]", 2),
    "Cyrillic": (r"[\u0400-\u04ff]", 3),
    "Arabic": (r"[\u0600-\u06ff\u0750-\u077f]", 3),
    "Greek": (r"[\u0370-\u03ff]", 3),
    "Hebrew": (r"[\u0590-\u05ff]", 3),
}
LANG_SCRIPTS: dict[str, tuple[str, ...]] = {
    "zh": ("Han",),
    "ja": ("Han", "Kana"),
    "ko": ("Hangul", "Han"),
    "ru": ("Cyrillic",), "uk": ("Cyrillic",), "bg": ("Cyrillic",), "sr": ("Cyrillic",),
    "ar": ("Arabic",), "fa": ("Arabic",), "el": ("Greek",), "he": ("Hebrew",),
}
_RUNS: dict[str, re.Pattern[str]] = {}


def _run_pattern(scripts: tuple[str, ...]) -> re.Pattern[str]:
    key = "+".join(scripts)
    if key not in _RUNS:
        letters = "|".join(SCRIPTS[s][0] for s in scripts)
        shortest = min(SCRIPTS[s][1] for s in scripts)
        # A run of script letters, allowing spaces and in-word marks between them.
        _RUNS[key] = re.compile(rf"(?:{letters})(?:(?:{letters})|[\s·・ー'’-](?={letters}))*")
    return _RUNS[key]


@rule("TQ501", "untranslated-text", Severity.ERROR, "Accuracy/Untranslated")
def untranslated_text(pair: Pair, ctx: CheckContext) -> Iterator[Hit]:
    """Source-script text left untranslated in the translation.

    What it catches: runs of the source language's script (Chinese characters, kana, Hangul,
    Cyrillic, Arabic, ...) inside a translation into a language written in another script.

    Why it matters: the reader cannot read it, and what it said is missing from the translation.

    Example: 码头改造 -> "the 码头 reconstruction", or "the пассажирский терминал will open".
    Only applies when the two languages are written in different scripts.
    """
    src_scripts = LANG_SCRIPTS.get(ctx.src_lang)
    if not src_scripts or set(src_scripts) & set(LANG_SCRIPTS.get(ctx.tgt_lang, ())):
        return
    pattern = _run_pattern(src_scripts)
    shortest = min(SCRIPTS[s][1] for s in src_scripts)
    for m in pattern.finditer(pair.target):
        letters = sum(1 for c in m.group() if c.isalpha())
        if letters >= shortest:
            yield Hit(
                f"untranslated {ctx.src_lang} text {m.group()!r}",
                Span("target", m.start(), m.end()),
                {"text": m.group()},
            )
