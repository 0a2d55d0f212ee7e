"""Japanese: words from Sudachi (core dictionary, longest units: スタイル does not contain タイ)."""
import re

from ._libs import sudachi_name_tag, sudachi_person_names, sudachi_words
from .base import Language, Negation

#: Negators: any of them, the explicit sentence negators, and words that contain one without negating.
NEGATION = Negation(
    any=re.compile(r"ない|なかっ|なく|ません|ず(?:に)?|ぬ|ん(?=だ|です|の|か|[。、？！?!]|$)|へん|無|不|非|未|拒|禁|停止|欠|"
                   r"失敗|やめ|止め|見落と|嫌|否|なし|無し|いいえ|違|ねー|ねえ|税抜|抜き|"
                   r"[うくすつぬふむゆるぐぶ]な(?=\s*[」』！!？?。]|$)"),  # 舐めるな "don't look down on"
    explicit=re.compile(r"ない|なかっ|ません|ず(?:に)?|なし|無し"),
    not_negation=re.compile(r"未来|非常|少ない|危ない|かもしれない|かもしれません|に違いない|のみならず|"

                            r"(?:の|ん)?(?:では|じゃ)ない(?:か|でしょうか|だろうか)"),  # rhetorical: "isn't it?"
    weak=re.compile(r"(?:なければ|なくては|なくちゃ|なきゃ|ねば|ないと)(?:ならない|いけない|ダメ|だめ)|"  # must
                    r"欠かせ(?:ない|ません)|しか[^。、！？!?\s]{0,6}?(?:ない|ません|なかっ)|"  # "essential"; しか…ない "only"
                    r"(?:変わら|変わり|つまら|くだら|たまら|もったい|仕方が|仕方|しょうが)(?:ない|ありません|ません)|"  # lexical
                    r"(?:ません|ない)(?:でしょう|もの(?:でしょう|だろう))?か(?=[。？?！!」』\s]|って|と|$)"),  # requests, questions
)

#: Words that refer to a country without naming it: a translation may name the country.
DEICTIC_COUNTRY = re.compile(r"わが国|我が国|両国|自国|国内|全国|外国|各国|帰国|出国")

LANGUAGE = Language("ja", "Japanese", frozenset({"names", "numbers"}), tokenize=sudachi_words, unspaced=True,
                    person_names=sudachi_person_names, name_tag=sudachi_name_tag,
                    script="Jpan",
                    negation=NEGATION, deictic_country=DEICTIC_COUNTRY)
