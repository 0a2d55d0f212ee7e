"""Japanese: words from Sudachi (core dictionary, longest units: スタイル does not contain タイ)."""
import re

import functools
from typing import Any, Callable, Iterator

from ._libs import sudachi_name_tag, sudachi_parse, sudachi_person_names, sudachi_words
from .base import Language, Negation
from .number_context import NumberContext

#: Negators: any of them, the explicit sentence negators, and words that contain one without negating.
NEGATION = Negation(
    any=re.compile(r"ない|なかっ|なく|ません|ず(?:に)?|ぬ|ん(?=だ|です|の|か|[。、？！?!]|$)|へん|無|不|非|未|拒|禁|停止|欠|"
                   r"失敗|やめ|止め|見落と|嫌|否|なし|無し|いいえ|違|ねー|ねえ|税抜|抜き|"
                   r"[うくすつぬふむゆるぐぶ]な(?=\s*[」』！!？?。]|$)"),  # 舐めるな "don't look down on"
    explicit=re.compile(r"ない|なかっ|ません|ず(?:に)?|なし|無し"),
    # (these two, run over every source, open on a look-ahead for the first characters of their words, so that the
    # regex engine tries them only there: their first words start with a group, which it cannot skip to)
    not_negation=re.compile(r"(?=[未非少危かにのんでじ])(?:未来|非常|少ない|危ない|かもしれない|かもしれません|に違いない|"
                            r"のみならず|(?:の|ん)?(?:では|じゃ)ない(?:か|でしょうか|だろうか))"),  # rhetorical: "isn't it?"
    weak=re.compile(r"(?=[なね欠し変つくたも仕ま])(?:"
                    r"(?:なければ|なくては|なくちゃ|なきゃ|ねば|ないと)(?:ならない|いけない|ダメ|だめ)|"  # must
                    r"欠かせ(?:ない|ません)|しか[^。、！？!?\s]{0,6}?(?:ない|ません|なかっ)|"  # "essential"; しか…ない "only"
                    r"(?:変わら|変わり|つまら|くだら|たまら|もったい|仕方が|仕方|しょうが)(?:ない|ありません|ません)|"  # lexical
                    r"(?:ません|ない)(?:でしょう|もの(?:でしょう|だろう))?か(?=[。？?！!」』\s]|って|と|$))"),  # requests, questions
)

#: Words that refer to a country without naming it: a translation may name the country.
DEICTIC_COUNTRY = re.compile(r"わが国|我が国|両国|自国|国内|全国|外国|各国|帰国|出国")

#: Han characters (a name inside a longer run of them is part of another word: 青葉山 is no 葉山).
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Sudachi's parts of speech of the proper nouns a translation writes by their sound.
_READ_KINDS = (("固有名詞", "人名"), ("固有名詞", "地名"))


@functools.lru_cache(maxsize=256)
def _read_names(text: str) -> tuple[tuple[int, int, str, str], ...]:
    ms, parts = sudachi_parse(text)  # (the analysis the words and person names of the text also come from)
    out: list[tuple[int, int, str, str]] = []
    n = len(parts)
    # where a proper noun starts (the loop below looks at those only, and at the persons after them)
    proper = [k for k, part in enumerate(parts) if part[3][1] == "固有名詞" and part[3][1:3] in _READ_KINDS]
    i = 0
    for k in proper:
        if k < i:
            continue  # (the given name of a person read with its surname)
        i = k
        pos = parts[i][3][1:3]
        j = i + 1
        while pos[1] == "人名" and j < n and parts[j][3][1:3] == pos:
            j += 1  # 胡 + 錦濤: a surname and a given name, one person
        s, e = parts[i][0], parts[j - 1][1]
        reading = "".join(m.reading_form() for m in ms[i:j])
        i = j
        name = text[s:e]
        if len(name) < 2 or not _HAN.search(name) or (s and _HAN.match(text[s - 1])):
            continue  # a kana name is most often a word (さくら); 青葉山 holds no 葉山
        out.append((s, e, name, reading))
    return tuple(out) + _katakana_subjects(text, ms, parts) + _unknown_places(text, ms, parts)


#: Words after a place's name (湯涌温泉 Yuwaku Onsen, 箱根駅 Hakone Station).
_KANJI_PLACE_WORDS = frozenset({"温泉", "駅", "町", "村", "寺", "神社", "城", "川", "湖", "港", "峠", "岬", "高原"})
#: Any of ``_KANJI_PLACE_WORDS`` in a text.
_PLACE_WORD = re.compile("|".join(sorted(_KANJI_PLACE_WORDS)))

#: (start, end, surface, part of speech) of a morpheme (``_libs.sudachi_parse``).
_Part = tuple[int, int, str, tuple[str, ...]]


def _unknown_places(text: str, ms: tuple[Any, ...], parts: tuple[_Part, ...]) -> tuple[tuple[int, int, str, str], ...]:
    """A name Sudachi does not know, before a word that makes it a place's: two kanji or more that it
    reads one by one (湯 + 涌 + 温泉: Yuwaku Onsen)."""
    if not _PLACE_WORD.search(text):
        return ()  # (each place found ends before one of those words)
    out = []
    i = 0
    n = len(parts)
    while i < n:
        j = i
        while j < n and len(parts[j][2]) == 1 and _HAN.match(parts[j][2]) and parts[j][3][0] == "名詞":
            j += 1
        s = parts[i][0]
        if j - i >= 2 and j < n and parts[j][2] in _KANJI_PLACE_WORDS and not (s and _HAN.match(text[s - 1])):
            out.append((s, parts[j - 1][1], text[s:parts[j - 1][1]], "".join(m.reading_form() for m in ms[i:j])))
        i = max(j, i + 1)
    return tuple(out)


#: A word written in katakana alone.
_KATAKANA = re.compile(r"[\u30a0-\u30ff]+")
#: Words that make the name before them a place's (トランスニストリア共和国 "the Republic of Transnistria").
_PLACE_WORDS = ("共和国", "王国", "連邦", "州", "諸島", "島", "市", "県", "地方", "地区", "半島", "湖")
#: Katakana before が, は, の or one of ``_PLACE_WORDS``: where a katakana subject or place ends.
_KATAKANA_BEFORE = re.compile(r"[\u30a0-\u30ff](?:[がはの]|" + "|".join(_PLACE_WORDS) + ")")
#: What may stand before a sentence's or a clause's first word.
_OPENERS = "。！？!?「『（(【、"


def _katakana_subjects(text: str, ms: tuple[Any, ...], parts: tuple[_Part, ...]) -> tuple[tuple[int, int, str, str], ...]:
    """Katakana nouns that open a sentence or a clause as its subject, topic or owner (followed by が, は or
    の), or that name a place (トランスニストリア共和国), and that Sudachi does not know as one word: a word it has never seen (ポトロ), or one it reads as a compound of katakana
    words (ブラン + ビーズ: the Brumbies). A foreign name more than a loanword; the reading gives the parts."""
    if not _KATAKANA_BEFORE.search(text):
        return ()  # (each subject found is katakana before one of those)
    out = []
    i = 0
    n = len(parts)
    while i < n:
        j = i
        while j < n and parts[j][3][0] == "名詞" and _KATAKANA.fullmatch(parts[j][2]):
            j += 1
        if j == i:
            i += 1
            continue
        s, e = parts[i][0], parts[j - 1][1]
        unknown = j - i >= 2 or any(m.is_oov() for m in ms[i:j])
        opens = not text[:s].strip() or text[:s].rstrip()[-1] in _OPENERS
        subject = opens and text[e:e + 1] in ("が", "は", "の")
        if unknown and e - s >= 3 and (subject or text.startswith(_PLACE_WORDS, e)):
            out.append((s, e, text[s:e], " ".join(m.reading_form() for m in ms[i:j])))
        i = j
    return tuple(out)


def read_names(text: str) -> list[tuple[int, int, str, str]]:
    """People and places Sudachi reads in a text, written at least partly in kanji (大谷, 諏訪, 胡錦濤),
    each with its reading in katakana (オオヤ: a name's reading may differ from the dictionary's), and
    katakana subjects Sudachi does not know as one word (ポトロは, ブランビーズが), read by their parts."""
    return list(_read_names(text))


def subdivision_forms(country: str, name: str) -> tuple[str, ...]:
    """A Japanese prefecture's full name (大阪: 大阪府, 東京: 東京都, 北海道, 静岡: 静岡県)."""
    if country != "JP":
        return ()
    return (name + ("都" if name == "東京" else "府" if name in ("大阪", "京都") else "道" if name == "北海道" else "県"),)


#: Titles after a person's name (田中社長, 山田氏), and the ends and starts of a kanji run before one that make it
#: an organisation or a place rather than a name (市, 会社; 前, 副).
TITLES = ("社長", "市長", "会長", "知事", "首相", "大臣", "長官", "議員", "氏", "さん", "監督", "選手", "教授", "代表",
          "委員長", "理事長", "町長", "村長", "校長", "院長", "部長", "課長", "議長", "総裁", "大統領", "外相", "副市長")
_TITLE = re.compile("|".join(TITLES))
_TITLED = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})(?=" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")")
_NOT_NAME = re.compile(r"[市県府都町村区国会社党省庁局部課協組団大学院校駅線道]$|^[同前元現新旧副本当各全総]")


def source_names(text: str, free: Callable[[int, int], bool]) -> Iterator[tuple[int, int, str, str, bool]]:
    """(start, end, name, "person", True) of each person ``text`` names before a title, where ``free(start, end)``
    allows and Sudachi reads a person's name there (看護師さん, 税制調査会長 are none)."""
    if not _TITLE.search(text):
        return  # every name found here stands before a title
    for m in _TITLED.finditer(text):
        s, e = m.span("name")
        name = m.group("name")
        # the longest kanji run before the title may start with an organisation: keep its tail
        if _NOT_NAME.search(name) or not free(s, e):
            continue
        if not any(w.start < e and w.end > s for w in sudachi_person_names(text)):
            continue
        yield s, e, name, "person", True


#: Words around figures that the number reader looks for (tqcheck/lang/number_context.py).
NUMBER_CONTEXT = NumberContext(
    approximators=("およそ", "ほぼ", "約"),
    approximators_after=("前後", "程度", "ほど"),
    range_joiners=("から",),
    day_suffixes=("日",),
    decade_suffixes=(r"\s?代",),
)


LANGUAGE = Language("ja", "Japanese", frozenset({"names", "numbers"}), tokenize=sudachi_words, unspaced=True,
                    person_names=sudachi_person_names, name_tag=sudachi_name_tag,
                    script="Jpan", read_names=read_names,
                    negation=NEGATION, deictic_country=DEICTIC_COUNTRY, currency_signs={"¥": "JPY"}, place_locale="ja",
                    subdivision_forms=subdivision_forms,
                    source_names=source_names, name_reading="japanese", number_context=NUMBER_CONTEXT)
