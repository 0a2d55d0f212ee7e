"""Chinese: words from jieba (发展中国家 is one word: it does not name 中国); names and CJK numerals."""
from ._libs import jieba_person_names, jieba_words
from .base import Language

LANGUAGE = Language("zh", "Chinese", frozenset({"names", "numbers"}), tokenize=jieba_words, unspaced=True,
                    person_names=jieba_person_names,
                    script="Hani")
