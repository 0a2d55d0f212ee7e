"""The explicit list of rules tqcheck runs, validated into the registry at import."""
from __future__ import annotations

from .artefacts import mt_gap, replacement_character
from .numbers import malformed_number
from .omission import added_sentence, omitted_sentence
from .omission import sentence_dropped_in_merge, translation_too_long, translation_too_short
from .registry import build_registry
from .untranslated import untranslated_text

REGISTRY = build_registry(
    [
        mt_gap,
        replacement_character,
        malformed_number,
        omitted_sentence,
        added_sentence,
        translation_too_short,
        translation_too_long,
        sentence_dropped_in_merge,
        untranslated_text,
    ]
)
