"""The explicit list of rules tqcheck runs, validated into the registry at import."""
from __future__ import annotations

from .artefacts import mt_gap, replacement_character
from .crosscheck import forward_translation_name, forward_translation_number
from .artefacts import empty_translation, mojibake, subword_marker, unbalanced_brackets
from .repetition import repetition_loop
from .malformed import malformed_number
from .numbers import number_added, number_mismatch, number_missing
from .direction import direction_mismatch
from .negation import negation_mismatch
from .names import glossary_mismatch, name_added, name_missing, name_spurious_word, name_swapped
from .omission import added_sentence, omitted_sentence
from .omission import sentence_dropped_in_merge, translation_too_long, translation_too_short
from .registry import build_registry
from .silentgap import silent_gap
from .untranslated import untranslated_text
from .copied import copied_source
from .unmatched_names import name_unaccounted
from .wronglang import wrong_language

REGISTRY = build_registry(
    [
        mt_gap,
        replacement_character,
        mojibake,
        subword_marker,
        repetition_loop,
        unbalanced_brackets,
        empty_translation,
        silent_gap,
        malformed_number,
        number_missing,
        number_mismatch,
        number_added,
        name_missing,
        name_added,
        name_swapped,
        name_spurious_word,
        glossary_mismatch,
        name_unaccounted,
        omitted_sentence,
        added_sentence,
        translation_too_short,
        translation_too_long,
        sentence_dropped_in_merge,
        negation_mismatch,
        direction_mismatch,
        untranslated_text,
        copied_source,
        wrong_language,
        forward_translation_number,
        forward_translation_name,
    ]
)
