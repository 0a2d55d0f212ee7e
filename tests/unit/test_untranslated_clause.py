"""Source clauses left in a translation between languages of one script (TQ501 copied-clause), and source
words of a language with its own letters (Czech)."""
import pytest

from tqcheck.check.registry import CheckContext
from tqcheck.check.runner import Selection, run_checks
from tqcheck.types import Link, Pair, Segment, Severity

UNTRANSLATED = Selection(select=("TQ501",))


def hits(src_lang: str, tgt_lang: str, src: str, tgt: str) -> list[tuple[str, Severity]]:
    pair = Pair(0, Link((0,), (0,), 1.0), src, tgt, (Segment(0, src, 0, len(src), 1, 1),),
                (Segment(0, tgt, 0, len(tgt), 1, 1),))
    found = run_checks([pair], [CheckContext(src_lang, tgt_lang, {}, {})], UNTRANSLATED)
    return [(f.evidence.get("text", ""), f.severity) for f in found]


ROWS = [
    # (source language, target language, source, translation, text reported or None, severity)
    ("en", "de", "The dog sleeps on the sofa all day because the house is very quiet in winter.",
     "Der Hund schläft den ganzen Tag auf dem Sofa, because the house is very quiet in winter.",
     "because the house is very quiet in winter", Severity.ERROR),
    ("en", "cs", "Our shop ships parcels within two days for most orders.",
     "Náš obchod odesílá balíky within two days for most orders.", "within two days for most orders", Severity.ERROR),
    ("fr", "de", "Le conseil municipal a voté le budget malgré les critiques de l'opposition locale.",
     "Der Gemeinderat hat den Haushalt malgré les critiques de l'opposition locale.",
     "malgré les critiques de l'opposition locale", Severity.ERROR),
    ("de", "fr", "Die Bauern ernten das Getreide früh, weil der Sommer trocken war.",
     "Les agriculteurs récoltent les céréales tôt, weil der Sommer trocken war.",
     "weil der Sommer trocken war", Severity.WARNING),
    ("cs", "en", "Knihy vyjdou v prosinci, abyste měli dost času na nákup dárků.",
     "The books come out in December, abyste měli dost času na nákup dárků.", "abyste měli dost času na nákup dárků",
     Severity.ERROR),
    # faithful: a name or a title kept in its language, a quoted title, a short run
    ("fr", "de", "Samedi soir, la place des martyrs de la résistance s'est illuminée.",
     "Am Samstagabend erstrahlte die Place des martyrs de la résistance.", None, None),
    ("en", "de", 'She sang "all of the lights in the sky" at the concert.',
     'Sie sang „all of the lights in the sky“ beim Konzert.', None, None),
    ("en", "de", "He wore a T-shirt with the words made in the town.", "Er trug ein T-Shirt made in the.", None, None),
    # Czech words of a name kept in English, loanwords, addresses: not left untranslated
    ("cs", "en", "České dráhy plánují nový jízdní řád.", "České dráhy plans a new timetable.", None, None),
    ("cs", "en", "V listopadu zůstal aktivní i spyware Formbook na webu mapy.cz.",
     "Formbook spyware also remained active in November on mapy.cz.", None, None),
]


@pytest.mark.parametrize("src_lang,tgt_lang,src,tgt,text,severity", ROWS)
def test_copied_clause(src_lang, tgt_lang, src, tgt, text, severity):
    found = hits(src_lang, tgt_lang, src, tgt)
    if text is None:
        assert found == []
    else:
        assert (text, severity) in found


def test_czech_word_with_its_letters_is_reported():
    found = hits("cs", "en", "Vánoční dvojčíslo vyjde v prosinci.", "The new dvojčíslo comes out in December.")
    assert [t for t, _ in found] == ["dvojčíslo"]


@pytest.mark.parametrize("word,expected", [
    ("sismo's", "sismo"), ("pouvaisn't", "pouvais"), ("L'humidité", "humidité"), ("d’Europe", "Europe"),
    ("Haus", "Haus"), ("o'clock", "o'clock"), ("'s", "'s"), ("Müller", "Müller"), ("", ""),
])
def test_a_word_is_read_without_its_clitic_or_elided_article(word: str, expected: str) -> None:
    from tqcheck import lang
    from tqcheck.check.leftwords import bare

    assert bare(word, lang.get("fr")) == expected
