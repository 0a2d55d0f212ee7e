"""TQ501 common-source-word: a source word left in a translation that the target language's dictionary also
knows, told by its frequency: common in the source language, rare in the target language."""
import pytest

from tqcheck import lang
from tqcheck.check.registry import CheckContext
from tqcheck.check.runner import Selection, run_checks
from tqcheck.check.untranslated import COMMON_IN_SOURCE, RARE_IN_TARGET, _commoner_in_source
from tqcheck.types import Link, Pair, Segment, Severity

UNTRANSLATED = Selection(select=("TQ501",))


def hits(src_lang: str, tgt_lang: str, src: str, tgt: str) -> list[tuple[str, str, Severity]]:
    pair = Pair(0, Link((0,), (0,), 1.0), src, tgt, (Segment(0, src, 0, len(src), 1, 1),),
                (Segment(0, tgt, 0, len(tgt), 1, 1),))
    found = run_checks([pair], [CheckContext(src_lang, tgt_lang, {}, {})], UNTRANSLATED)
    return [(f.evidence.get("text", ""), f.evidence.get("kind", ""), f.severity) for f in found]


LEFT = [
    # (source language, source, translation, the word left): each an English dictionary word too
    ("fr", "Ma grand-mère habite loin de la gare routière.", "My grandmother lives loin from the bus station.",
     "loin"),
    ("fr", "Le début du concert a été retardé par la pluie.", "The début of the concert was delayed by rain.",
     "début"),
    ("es", "El precio del petróleo es un factor clave para la inflación.",
     "The price of oil is a clave factor for inflation.", "clave"),
]


@pytest.mark.parametrize("src_lang,src,tgt,word", LEFT)
def test_common_source_word_left_is_a_warning(src_lang, src, tgt, word):
    assert (word, "common-source-word", Severity.WARNING) in hits(src_lang, "en", src, tgt)


FAITHFUL = [
    # a word both languages use (die, euro, kilometer, chef), or one the source does not have
    ("de", "Ohne Wasser könnten die Pflanzen sterben, sagte die Gärtnerin.",
     "Without water the plants could die, the gardener said."),
    ("de", "Der Kilometer Autobahn kostet viele Millionen Euro.", "Each kilometer of motorway costs many million euro."),
    ("fr", "Le chef du restaurant a changé le menu.", "The restaurant's chef changed the menu."),
    ("fr", "Le boucher a vendu un filet de porc.", "The butcher sold a pork loin."),
]


@pytest.mark.parametrize("src_lang,src,tgt", FAITHFUL)
def test_shared_words_of_both_languages_are_not_reported(src_lang, src, tgt):
    assert [h for h in hits(src_lang, "en", src, tgt) if h[1] == "common-source-word"] == []


def test_frequency_hook():
    fr, en = lang.get("fr"), lang.get("en")
    assert fr.frequency is not None and en.frequency is not None
    assert fr.frequency("loin") >= COMMON_IN_SOURCE > RARE_IN_TARGET > en.frequency("loin")
    assert en.frequency("the") > 7 and en.frequency("qzxv") == 0
    assert lang.get("xx").frequency is None


def test_no_frequency_list_no_finding():
    assert _commoner_in_source("loin", lang.get("xx"), lang.get("en")) is None
    assert _commoner_in_source("loin", lang.get("fr"), lang.get("en")) is not None
    assert _commoner_in_source("die", lang.get("de"), lang.get("en")) is None  # common in English too


def test_lists_read_as_wordfreq_reads_them():
    from wordfreq import zipf_frequency

    for code, words in (("fr", ("loin", "début", "de", "ordinateur")), ("en", ("the", "debut", "kilometer", "loin")),
                        ("es", ("clave", "alma", "Olimpiadas"))):
        freq = lang.get(code).frequency
        for w in words:
            assert freq(w) == zipf_frequency(w, code, wordlist="small")
    # the small lists stop at once in a million words: rarer words are 0
    assert lang.get("en").frequency("loin") == 0.0 < zipf_frequency("loin", "en") < RARE_IN_TARGET


def test_a_word_inside_a_phrase_found_otherwise_is_reported_once():
    # "Au début" is a source phrase (a French function word and a word GCIDE lacks): début is not reported again
    found = hits("fr", "en", "Au début, le projet était petit.", "Au début, the project was small.")
    assert [(t, k) for t, k, _ in found] == [("Au début", "source-phrase")]
