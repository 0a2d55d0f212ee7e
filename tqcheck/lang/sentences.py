"""Where a sentence opens: what the name readers (Latin script in ``check/name_sources.py``, Russian in
``ru_names.py``) look for right before a capitalised word, which any sentence's first word is."""
from __future__ import annotations

import re

#: Searched in the three characters before a word: the text's start, a sentence's end, an opening quote
#: or bracket, a line break, or a list's bullet (``* Est-ce qu'un propriétaire``, ``• Rendez-vous sur``).
SENTENCE_START = re.compile(r"(?:^|[.!?:;。！？]\s*|[\"“”«»(\[]\s*|\n\s*|[*•▪‣◦]\s+)$")
