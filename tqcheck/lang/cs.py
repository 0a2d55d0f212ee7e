"""Czech: simplemma lemmas and dictionary (Prahy -> Praha, milionu -> milion), function words."""
from ._libs import simplemma_lemmatizer, simplemma_lexicon
from .base import Language

#: Function words: what tells a Czech clause from one in another language of the Latin script.
FUNCTION_WORDS = frozenset("""
    a v ve na se je že s z ze do o k i to by byl byla bylo byli jsou jako pro ale jak jsem jsme jste abyste aby
    už od po při za nebo také který která které kteří jeho její jejich tak podle mezi než bude budou má mají
    není však když protože tento tato toto tyto jsem mi mě mne nás vás jim jsou své svůj si ho jej ani jen""".split())

LANGUAGE = Language("cs", "Czech", frozenset(), lemmatize=simplemma_lemmatizer("cs"),
                    is_word=simplemma_lexicon("cs"),
                    function_words=FUNCTION_WORDS, own_letters="áčďéěíňóřšťúůýž", script="Latn")
