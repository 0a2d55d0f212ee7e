"""Japanese: words from Sudachi (core dictionary, longest units: スタイル does not contain タイ)."""
from ._libs import sudachi_name_tag, sudachi_person_names, sudachi_words
from .base import Language

LANGUAGE = Language("ja", "Japanese", frozenset({"names", "numbers"}), tokenize=sudachi_words, unspaced=True,
                    person_names=sudachi_person_names, name_tag=sudachi_name_tag,
                    script="Jpan")
