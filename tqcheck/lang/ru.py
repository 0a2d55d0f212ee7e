"""Russian: pymorphy3 lemmas (Вены -> вена, Новой Каледонии -> новый каледония) and place adjectives."""
from ._libs import pymorphy_lemmatizer, pymorphy_name_tagger
from .base import Language

ADJECTIVES = {
    "американский": "US", "британский": "GB", "английский": "GB", "российский": "RU", "русский": "RU",
    "китайский": "CN", "японский": "JP", "немецкий": "DE", "германский": "DE", "французский": "FR",
    "итальянский": "IT", "испанский": "ES", "украинский": "UA", "польский": "PL", "турецкий": "TR",
    "индийский": "IN", "иранский": "IR", "израильский": "IL", "корейский": "KR", "канадский": "CA",
    "австралийский": "AU", "белорусский": "BY", "греческий": "GR", "европейский": "region:Europe",
    "азиатский": "region:Asia", "африканский": "region:Africa", "советский": "state:Soviet Union", "венский": "city:Vienna",
    "московский": "city:Moscow", "лондонский": "city:London",
}

LANGUAGE = Language("ru", "Russian", frozenset({"names", "numbers"}), lemmatize=pymorphy_lemmatizer("ru"),
                    name_tag=pymorphy_name_tagger("ru"),
                    adjectives=ADJECTIVES,
                    script="Cyrl")
