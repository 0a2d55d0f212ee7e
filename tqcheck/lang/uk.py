"""Ukrainian: pymorphy3 lemmas (its uk dictionary). No gazetteer names or number words yet: the name and
number rules are skipped for Ukrainian."""
from ._libs import pymorphy_lemmatizer, pymorphy_name_form, pymorphy_name_tagger
from .base import Language

#: Function words: what tells a Ukrainian clause from one in another language of the Cyrillic script.
FUNCTION_WORDS = frozenset("""
    і й та в у не на що з із зі по до за від для як це він вона вони але його її їх був була було були також
    який яка яке які вже або би так при всі ми ви я мені нам вам йому їй їм якщо коли де щоб тому ніж цей ця
    ці""".split())

LANGUAGE = Language("uk", "Ukrainian", frozenset(), lemmatize=pymorphy_lemmatizer("uk"),
                    name_tag=pymorphy_name_tagger("uk"),
                    name_form=pymorphy_name_form("uk"),
                    function_words=FUNCTION_WORDS, script="Cyrl")
