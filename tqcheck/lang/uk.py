"""Ukrainian: pymorphy3 lemmas (its uk dictionary). No gazetteer names or number words yet: the name and
number rules are skipped for Ukrainian."""
from ._libs import pymorphy_lemmatizer, pymorphy_name_form, pymorphy_name_tagger
from .base import Language

LANGUAGE = Language("uk", "Ukrainian", frozenset(), lemmatize=pymorphy_lemmatizer("uk"),
                    name_tag=pymorphy_name_tagger("uk"),
                    name_form=pymorphy_name_form("uk"),
                    script="Cyrl")
