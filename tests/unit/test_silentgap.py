"""TQ108 silent-gap: a word lost without a marker, seen in English that cannot stand as written."""
from __future__ import annotations

import pytest

from tqcheck.check.registry import CheckContext
from tqcheck.check.silentgap import silent_gap
from tqcheck.types import Link, Pair, Severity

SRC = "上个月，总统委员会建议前临时选举委员会辞职。"

ROWS = [
    # (translation, expected kinds in order, or [] for must-not-fire)
    ("Last month, a committee recommended the of the former CEP.", ["determiner-without-noun"]),
    ("A by infrared spectroscopy revealed the composition.", ["determiner-without-noun"]),
    ("The league began its on June 20 after a break.", ["determiner-without-noun"]),
    ("Xinhua reported that a had been hijacked.", ["determiner-without-noun"]),
    ("The in Houston was established in 1979.", ["determiner-without-noun"]),
    ("When a satellite receives a, it reflects it back.", ["determiner-before-punctuation"]),
    ("She insisted on a.", ["determiner-before-punctuation"]),
    ("Nominations include Best Picture,, Best Director and Best Score.", ["empty-item"]),
    ("The receptors ( ) were found in the lungs.", ["empty-item"]),
    ("Prices rose sharply during was the worst month.", ["preposition-without-object"]),
    ("The match between and Genoa is the 3,000th.", ["preposition-without-object"]),
    ("Voters between or the left were split.", ["preposition-without-object"]),
    ("Would also take over custody of the fighters, the statement said.", ["modal-without-subject"]),
    ("He left. Could not be reached for comment.", ["modal-without-subject"]),
    # a subject, a speaker or a source lost: the sentence opens on its verb, or a speech verb names no one
    ("Was born in 1946 to a working-class Jewish family in London.", ["auxiliary-without-subject"]),
    ("He left. Is considered something important in Norway.", ["auxiliary-without-subject"]),
    ("Began funding the initiative in August 2005.", ["verb-without-subject"]),
    ("Easily won 24-0, taking the lead with 14 points.", ["verb-without-subject"]),
    (", as the name implies, is a territory of Hong Kong.", ["clause-without-head"]),
    ('"We will cut emissions by 2020," said.', ["speaker-lost"]),
    ("According to, Bangladesh is one of the countries hardest hit.", ["speaker-lost"]),
    ('"Is indifferent to fashion, his obsession is the timeless," she says.', ["auxiliary-without-subject"]),
    ("Scientists want to understand how has formed, and why.", ["auxiliary-without-subject"]),
    ("In addition, promised to continue fighting the cartels.", ["verb-without-subject"]),
    ("Following these revelations, resigned in early November.", ["verb-without-subject"]),
    ("Reports that 7,400 have had their visa applications refused.", ["verb-without-subject"]),
    ('" was back in his beloved hometown of Dallas," the family said.', ["clause-without-head"]),
    ("They are important motivations for Internet use (, 1995).", ["clause-without-head"]),
    ("From to the Tokai region, heavy rain is expected.", ["preposition-without-object"]),
    ("In Buenos Aires announced on Saturday that the demands could not be met.", ["verb-without-subject"]),
    ("In Houston was established in 1979 and is the first consulate.", ["verb-without-subject"]),
    ("Which has a history of more than 1,000 years, will be held from the 25th.", ["auxiliary-without-subject"]),
    ("Where the woman works, announced on the night of the 24th that a worker was infected.",
     ["verb-without-subject"]),
    ("Called on developing countries to avoid the old practice.", ["verb-without-subject"]),
    ("The states formed a weak government based on, of which Congress was a part.", ["preposition-without-object"]),
    ("The conflict led to the creation of in eastern Moldova a republic.", ["preposition-without-object"]),
    ("Despite various small solo successes, did not make a major comeback.", ["verb-without-subject"]),
    ("But if accepts our unfair budget, we will restore it.", ["clause-without-subject"]),
    ("The Japanese (METI) reported 27 accidents.", ["adjective-without-noun"]),
    # must not fire: a participle phrase before its subject, a question, an inversion, a passive participle
    ("Born in Tokyo to British parents, Olivia de Havilland moved to California.", []),
    ("Founded in 1990, the company grew quickly.", []),
    ("Was it worth the money?", []),
    ("Had he known, he would have stayed.", []),
    ("Based on the TFK unit, limited to 100 people.", []),
    ("Detailed instructions are in the box.", []),
    ("Was considering a break from around October.", []),  # a diary's dropped "I"
    ('"We will cut emissions by 2020," Hu said.', []),
    ("According to the United Nations, Bangladesh is one of them.", []),
    ("In addition, the minister promised to continue.", []),
    ("How has it formed? We asked how it has formed.", []),
    ("Reports suggest that prices rose from 5 to 10 percent.", []),
    ("In Buenos Aires the ministry announced on Saturday that it would pay.", []),
    ("Which is the reason for the worksheets.", []),
    ("Despite various small successes, he did not make a comeback.", []),
    ("If prices rise, the bank acts.", []),
    ("The Japanese ministry (METI) reported 27 accidents.", []),
    ("Where the woman works, the hospital announced on the night that a worker was infected.", []),
    ("AP journalists saw the bodies of at least 21 people, based on the count of the town.", []),
    # must not fire: open-class words that look like function words, labels, abbreviations
    ("Last month, a committee recommended the resignation of the former CEP.", []),
    ("He opened a can of beans and bent the will of the board.", []),
    ("The May 5 vote made it a must for the party.", []),
    ("Vitamin A and vitamin C are in group A, not in grade A.", []),
    ("Your main options are: a) wait, b) leave.", []),
    ("The meeting starts at 9 a.m. and costs 5% p.a. in fees.", []),
    ("Run the ./configure script in the folder.", []),
    ("The in-laws and the for-profit sector met the over-60s.", []),
    ("Can Tho is a city in Vietnam.", []),
    ("Could the talks resume next week?", []),
    ("Could you please check this.", []),  # a request puts its subject after the modal
    ("Can someone send me the form.", []),
    ("It is a delegation of over 100 people, of about 5 groups.", []),
    ("There is a market for can makers, and a will to win.", []),
    # stranded prepositions are grammatical
    ("The effect the team is looking for could be caused by tides.", []),
    ("The people he works with are Italian, and the town he came from is small.", []),
    ("The goods he was proud of would sell.", []),
    ("He asked what the table was made of, and she said oak.", []),
    ("Prices fell, etc., and ... then rose.", []),
    ("The Of Monsters And Men concert was sold out.", []),  # title case: left alone
    ("Our and their versions differ, as do the or a forms.", []),  # two determiners share a noun
    ("A branch a or branch b misbehaved when $a is set and _() is called.", []),
]


def _hits(target: str, source: str = SRC, tgt_lang: str = "en") -> list:
    pair = Pair(0, Link((0,), (0,), 1.0), source, target, (), ())
    return list(silent_gap(pair, CheckContext("zh", tgt_lang)))


@pytest.mark.parametrize("target,kinds", ROWS)
def test_silent_gap(target: str, kinds: list[str]) -> None:
    hits = _hits(target)
    assert [h.evidence["kind"] for h in hits] == kinds
    for h in hits:
        assert h.span is not None and h.span.side == "target"
        assert target[h.span.start:h.span.end].strip(), "the span points at text"


def test_severity_by_kind() -> None:
    assert _hits("recommended the of the CEP.")[0].severity is Severity.ERROR
    assert _hits("The match between and Genoa.")[0].severity is Severity.WARNING


def test_only_english_targets() -> None:
    assert _hits("Il a recommandé the of the CEP.", tgt_lang="fr") == []


def test_pattern_in_the_source_is_not_a_gap() -> None:
    # an English title quoted in the original, copied as it is
    assert _hits('He read "the of" aloud.', source='他大声读了"the of"。') == []


@pytest.mark.parametrize("target", [
    "He hesitated for a long time between and the other option.",
    "He said the was closed.",
    "Would also hesitate for a long time.",
])
def test_one_finding_per_hole(target: str) -> None:
    # TQ301 reports holes where a name stood; the ones TQ108 covers are reported once, by TQ108.
    from tqcheck.pipeline import compare

    codes = [f.code for f in compare("他在两个选项之间犹豫了很久。", target, "zh", "en", mode="aligned",
                                      embedder="none").findings]
    assert codes.count("TQ108") == 1 and "TQ301" not in codes, codes


MORE = [
    '"Was born in 1946," he said. Began funding the initiative! Easily won 24-0, taking the lead.',
    'It rained.\nIs considered important. He asked how has changed. "Which has been sold." Why was noted',
    "In Houston was established in 1979. Despite various successes, did not make a comeback.",
    "(, 1995) , as the name implies, is a territory. According to, Bangladesh is \"right,\" said.",
    "Also, won the cup. Where the woman works, announced on the night that Called on developing countries.",
    "If accepts our unfair budget, the Japanese (METI) reported ... Would also take over. Can Tho is a city.",
]


@pytest.mark.parametrize("target", [row[0] for row in ROWS] + MORE)
def test_every_match_begins_where_the_kind_says(target: str) -> None:
    # the rule runs a pattern only if it matches at one of the kind's starts, its needed words are there and
    # the text passes its screen: no match of it may begin anywhere else, nor in a text without those words
    # or failing the screen
    from tqcheck.lang.en_gaps import GAPS

    for kind in GAPS:
        found = [m.start() for m in kind.pattern.finditer(target)]
        if kind.starts is not None:
            assert set(found) <= set(kind.starts(target)), kind.name
        if kind.needs and found:
            assert any(w in target.lower() for w in kind.needs), kind.name
        if kind.screen is not None and found:
            assert kind.screen(target, target.lower()), kind.name


def test_kinds_that_open_a_sentence_are_found_after_the_first_sentence() -> None:
    hits = _hits('He left. Was born in 1946 to a family in London. "Yes." Began funding the initiative.')
    assert [h.evidence["kind"] for h in hits] == ["auxiliary-without-subject", "verb-without-subject"]
