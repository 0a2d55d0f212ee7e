"""TQ306: names in the translation that no source word accounts for, where the name rules cannot run
(Czech and Ukrainian), and the Ukrainian dictionary of common words it relies on."""
import pytest

from tqcheck import lang
from tqcheck.check.registry import CheckContext
from tqcheck.check.runner import Selection, run_checks
from tqcheck.types import Link, Pair, PairEvidence, Segment


def names(src_lang, tgt_lang, src, tgt):
    pair = Pair(0, Link((0,), (0,), 1.0), src, tgt, (Segment(0, src, 0, len(src), 1, 1),),
                (Segment(0, tgt, 0, len(tgt), 1, 1),))
    found = run_checks([pair], [CheckContext(src_lang, tgt_lang, PairEvidence())], Selection(select=("TQ3",)))
    return [(f.code, (tgt if f.span.side == "target" else src)[f.span.start:f.span.end]) for f in found]


@pytest.mark.parametrize(
    "src_lang, tgt_lang, src, tgt, expected",
    [
        # a name the source does not have, in each direction the name rules skip
        ("cs", "en", "Útoky mířily na Česko a na Slovensko.", "The attacks targeted the Harrington Republic.",
         [("TQ306", "Harrington")]),
        ("en", "cs", "Payment is expected within five days.", "Platba Harrington je očekávána do pěti dnů.",
         [("TQ306", "Harrington")]),
        ("uk", "en", "Я охрещений у Православній церкві.", "I was baptised in the Harrington Church.",
         [("TQ306", "Harrington")]),
        ("en", "uk", "She did not want to leave the baby Jesus.", "Вона не хотіла лишати немовля Харрингтон.",
         [("TQ306", "Харрингтон")]),
        # names the source accounts for: copied, inflected, part of a compound, transliterated
        ("cs", "en", "Zápas vyhrála Julianna Peňová.", "The fight was won by Julianna Peña.", []),
        ("en", "cs", "Skyler is flirting with Ted.", "Skyler s Tedem flirtuje.", []),
        ("cs", "en", "Transportovali ho do českobudějovické nemocnice.", "He was taken to the hospital in České Budějovice.", []),
        ("uk", "en", "Тіла Ольги та Ігоря знайшли вчора.", "The bodies of Olha and Ihor were found yesterday.", []),
        ("uk", "en", "Про це заявив Андрій Єрмак.", "This was stated by Andriy Yermak.", []),
        ("en", "uk", "Detective Rogers and Walt arrived.", "Прибули детектив Роджерс і Уолт.", []),
        # words of the translation's dictionary, and words that open a sentence or a quotation
        ("en", "uk", "We sailed across the Black Sea.", "Ми перепливли Чорне море.", []),
        ("en", "cs", "Click Unsubscribe to stop.", "Klikněte na Odhlášení a odběr skončí.", []),
        ("uk", "en", "Харрінгтон прийшов.", "Harrington came.", []),
        # a pair the name rules cover: TQ306 leaves it to them
        ("de", "en", "Er kam aus Berlin.", "He came from Harrington.", [("TQ301", "Berlin"), ("TQ302", "Harrington")]),
    ],
)
def test_name_unaccounted(src_lang, tgt_lang, src, tgt, expected):
    assert names(src_lang, tgt_lang, src, tgt) == expected


@pytest.mark.parametrize("word, known", [
    ("чорної", True), ("відновити", True),  # common words, whatever their readings as surnames
    ("ісусом", False),  # only a name's readings
    ("харрингтон", False),  # not in the dictionary: guessed
])
def test_ukrainian_common_words(word, known):
    assert lang.get("uk").is_word(word) is known
