"""Find the names on both sides of a pair and match them across scripts.

Without a named-entity model, matching is driven from both ends: every name in the translation
(capitalised words, acronyms, known places, glossary terms) must have a counterpart in the source
(its place entry, a transliteration match against the source, or a verbatim copy), and every name
the source clearly has (known places, glossary terms, Latin-script names, transliterated foreign
names, names next to a title or a speech verb) must have one in the translation. The rules in
``names.py`` report what is left unmatched; the analysis is a fact of the pair (``facts.py``) that the
five rules share.
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Sequence

from .. import lang as language
from ..lang import en as english
from ..types import Severity
from . import translit as tr
from .glossary import term_index
from .gazetteer import Gazetteer, PlaceHit
from .gazetteer_build import get_gazetteer
from .gazetteer_data import CJK_ABBREVIATIONS, ZH_ABBREVIATIONS

# --- word lists ---------------------------------------------------------------------------------

#: Capitalised English words that are titles, function words or parts of translated names;
#: they never need a source counterpart of their own.
_EN_COMMON = frozenset("""
a an the and or but nor of in on at to for from by with into onto over under about after before
since until during between among against without within via per as than then so if when while
where who whom whose which what why how that this these those it its he she they we you i me him
her them us our your their his my mine not no yes all any each every some many most more much few
both either neither one two three four five six seven eight nine ten first second third last next
new old great grand upper lower north south east west northern southern eastern western central
northeast northwest southeast southwest mr mrs ms miss dr prof sir madam mister president vice
prime minister ministers secretary general governor gov mayor senator sen rep representative
chairman chairwoman chair director deputy chief head envoy ambassador premier chancellor king
queen prince princess pope emperor empress captain colonel lieutenant sergeant commander officer
judge justice coach professor doctor father mother brother sister uncle aunt cousin son daughter
st saint lord lady mount mt lake river sea ocean bay gulf island islands park square street road
avenue station airport port bridge tower palace temple museum library center centre hall stadium
university college school institute academy hospital bank company group corporation corp co ltd
inc llc party army navy force forces court congress parliament assembly senate house government
state states province provincial city county district region regional autonomous federal
national international ministry department bureau office agency association federation union
council committee commission authority administration service services foundation society
organization organisation club league cup games olympic olympics championship championships
world war festival expo exhibition fair forum summit conference day week month year news daily
times post press media radio tv television network channel times herald journal review
supreme people's peoples republic kingdom democratic liberation security health education
finance financial foreign affairs defense defence commerce trade environment environmental
agriculture agricultural reclamation development reform science technology research standing
consulate embassy consul red blue green white black yellow golden silver culture cultural
tourism industry industrial economic economy social public private joint global special
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december spring summer autumn winter christmas easter
new year eve god lord holy internet online digital covid coronavirus regulatory prix
someone anyone everyone somebody anybody everybody something anything everything nothing nobody
""".split())

#: Kinship terms and honorifics that change who a person is; English -> source words that justify it.
KIN_TITLES: dict[str, tuple[str, ...]] = {
    "cousin": ("表哥", "表弟", "表姐", "表妹", "表兄", "表亲", "堂哥", "堂弟", "堂姐", "堂妹", "堂兄", "従兄", "従弟",
               "従姉", "従妹", "いとこ", "двоюрод", "кузен", "кузин", "Cousin", "primo", "prima"),
    "uncle": ("叔叔", "叔父", "舅舅", "伯伯", "伯父", "舅父", "姑父", "姨父", "おじ", "дяд", "Onkel", "tío"),
    "aunt": ("姑姑", "阿姨", "姨妈", "婶婶", "舅妈", "伯母", "姑妈", "おば", "叔母", "тёт", "тет", "Tante", "tía"),
    "brother": ("哥哥", "弟弟", "兄弟", "兄长", "胞弟", "胞兄", "брат", "Bruder", "hermano", "frère"),
    "sister": ("姐姐", "妹妹", "姐妹", "胞姐", "胞妹", "сестр", "Schwester", "hermana", "sœur"),
    "grandpa": ("爷爷", "祖父", "外公", "姥爷", "дед", "Opa", "abuelo"),
    "grandma": ("奶奶", "祖母", "外婆", "姥姥", "бабушк", "Oma", "abuela"),
    "saint": ("圣", "聖", "святой", "Sankt", "San ", "Santa", "Saint"),
    "sir": ("爵士", "сэр", "Sir"),
    "king": ("国王", "君主", "陛下", "король", "König", "rey", "roi"),
    "queen": ("女王", "王后", "королев", "Königin", "reina", "reine"),
    "pope": ("教皇", "教宗", "Папа", "Papst", "papa", "pape"),
}

#: Any of the words of KIN_TITLES, anywhere (in lowered text).
_KIN_ANYWHERE = re.compile("|".join(map(re.escape, KIN_TITLES)))
#: The same in ASCII text, as a word whose lowered form is one of them starts: with its capital.
_KIN_CAPITALISED = re.compile("|".join(f"{w[0].upper()}(?i:{re.escape(w[1:])})" for w in KIN_TITLES))

#: Common acronyms a translation may introduce for an ordinary source word.
_GENERIC_ACRONYMS = frozenset("""
GDP GNP CPI PPI PMI CEO CFO CTO COO IPO AI IT TV PC ID VIP DNA RNA HIV AIDS SARS MERS COVID PM PM2.5
UV LED LCD GPS SUV CD DVD USB APP VR AR NGO UN EU US UK USA PRC CPC CCP NPC CPPCC PLA RMB CNY USD EUR
JPY GMT UTC BC AD AM KM KG MW GW KWH NBA FIFA WTO IMF WHO OK OEM R&D 5G 4G 3D 2D MP EV ETF QR ATM
""".split())

#: Chinese characters used to spell foreign names; STRONG ones rarely appear in ordinary words.
_TRANSLIT = frozenset(
    "阿埃艾爱安昂奥澳巴拔芭柏班邦包保堡鲍贝本比彼毕碧宾冰波伯勃博布采查察柴昌彻成程池赤崇楚茨慈达代戴丹"
    "道德登邓迪狄笛蒂典丁东董杜多朵厄俄鄂恩尔法凡范菲斐费芬丰夫弗伏福甫富盖甘冈高戈哥格葛根古瓜圭贵果哈"
    "海汉豪浩赫黑亨洪侯胡华怀惠霍基吉季加佳迦贾坚简杰金锦京久居卡凯坎康考柯科克肯孔库夸奎昆拉腊莱赖兰朗"
    "劳勒雷蕾黎李里理立丽利莉连良列林琳铃凌留柳龙隆卢鲁陆路伦罗洛吕律马玛麦迈曼芒梅门蒙孟米密敏明莫默"
    "姆穆那纳娜奈南内尼妮涅宁纽努诺欧帕派潘庞佩彭皮匹平珀普奇齐其契恰乔切钦琴丘让热仁荣若瑞撒萨塞赛桑"
    "瑟森沙莎山尚绍舍申什史士斯思松苏索塔泰坦汤唐桃特滕提汀廷通图托瓦万旺威韦维伟温文沃乌伍武西希锡席"
    "夏香肖谢辛欣休雅亚扬杨耶叶伊依因英尤于约扎泽詹哲珍芝治朱卓兹宗佐易琼厄孙"
)
_STRONG = frozenset("斯尔夫娃娜妮蒂埃奥涅舍琼弗莱鲁霍赫兹茨萨桑泰瓦维韦沃希谢辛耶扎卓佐贝迪菲戈库朗曼梅蒙姆纳尼努诺帕佩乔切塞森舒索汀托雅伊詹珀蕾莉琳契恰钦瑟芬迦")
_PLACE_SUFFIX = "州堡港岛湖省县郡"
#: Single-character surnames that are rarely also the first character of an ordinary word.
_SURNAMES = frozenset(
    "王李张刘陈杨赵吴徐孙朱胡郭林罗郑梁谢宋唐冯邓曹彭肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭汪范石廖"
    "贾夏韦邹孟熊秦邱江尹薛闫段雷侯龙陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章"
    "鲁岳翟殷詹申耿焦俞左柳甘祝包宁尚舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝游辛靳柴鲍喻祁蒲房滕屈饶"
    "牟艾尤穆卓缪褚窦戚岑瞿佟臧闵邬卞姬栾隋刁甄虞敖巩佘邝匡鞠荆冀郁胥栗鄢谌奚冼蔺厉郜阚屠禹芮晁邸雍辜裘"
)
_NOT_GIVEN = frozenset("的了是在和与及对把被将也都就还又并等个们这那其他她它我你该此每各某本为以于从到向给让使说称表示指出认为方面部门层级些种者")
_ZH_HONORIFICS = ("先生", "女士", "小姐", "老师", "同志", "教授", "医生", "总", "老", "某")
_ZH_TITLES = ("党委书记", "董事长", "总经理", "发言人", "负责人", "工程师", "研究员", "运动员", "主持人", "创始人",
              "站长", "主任", "书记", "市长", "省长", "县长", "镇长", "村长", "部长", "局长", "处长", "科长", "厅长",
              "院长", "校长", "所长", "社长", "会长", "行长", "经理", "主席", "总统", "总理", "外长", "大使", "教授",
              "医生", "记者", "队长", "教练", "选手", "专家", "村民", "居民", "女士", "先生", "老师", "司令", "将军",
              "委员", "代表", "厂长", "馆长", "团长", "总裁", "总监", "博士", "总书记", "议员", "州长", "检察官")
_ZH_SAY = ("介绍说", "笑着说", "补充说", "表示", "指出", "认为", "介绍", "告诉", "透露", "坦言", "强调", "说道", "解释",
           "回忆", "感慨", "提醒", "建议", "呼吁", "承认", "宣布", "坦承", "得知", "回答", "答道", "补充", "提到", "谈到",
           "表态", "证实", "确认", "致辞", "发言", "说", "称")
_ZH_PERSON = re.compile(
    r"(?P<title>" + "|".join(_ZH_TITLES) + r")?(?P<name>[" + "".join(sorted(_SURNAMES)) + r"][\u4e00-\u9fff]{1,2}?)"
    r"(?=" + "|".join(_ZH_SAY) + r")"
)
#: What every match of _ZH_PERSON contains: a surname, a character or two and a speech verb.
_ZH_PERSON_HINT = re.compile(
    r"[" + "".join(sorted(_SURNAMES)) + r"][\u4e00-\u9fff]{1,2}?(?=" + "|".join(_ZH_SAY) + r")"
)
_JA_TITLES = ("社長", "市長", "会長", "知事", "首相", "大臣", "長官", "議員", "氏", "さん", "監督", "選手", "教授", "代表",
              "委員長", "理事長", "町長", "村長", "校長", "院長", "部長", "課長", "議長", "総裁", "大統領", "外相", "副市長")
_JA_PERSON = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})(?=" + "|".join(sorted(_JA_TITLES, key=len, reverse=True)) + r")")
_JA_NOT_NAME = re.compile(r"[市県府都町村区国会社党省庁局部課協組団大学院校駅線道]$|^[同前元現新旧副本当各全総]")
_RU_FIRST_NAMES = frozenset("""
александр алексей анатолий андрей антон аркадий артём артем борис вадим валентин валерий василий
виктор виталий владимир владислав вячеслав геннадий георгий глеб григорий даниил денис дмитрий
евгений егор иван игорь илья кирилл константин лев леонид максим марат михаил никита николай олег
павел пётр петр роман руслан сергей станислав степан тимур фёдор федор эдуард юрий яков ярослав
александра алина алла анастасия анна валентина валерия вера виктория галина дарья евгения екатерина
елена елизавета жанна зоя ирина кира ксения лариса любовь людмила маргарита марина мария надежда
наталья наталия нина оксана ольга полина светлана софья софия тамара татьяна юлия яна
""".split())
_RU_PERSON_SUFFIX = re.compile(
    r"(ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|енко|ко|ук|юк|ич|ова|ева|ёва|ина|ына|вич|вна|ична)"
    r"(а|у|ым|ом|е|ой|ым|ого|ому|ым)?$", re.IGNORECASE)
_RU_CAPITALISED = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
_RU_ADJ = re.compile(r"(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их)$")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9&'’.\-]*(?:[ ·][A-Z][A-Za-z0-9&'’.\-]*)*")
_UNITS = frozenset("km kg cm mm m g t mg ml l kw mw gw kwh mwh ppm pm am vs no hz mhz ghz gb mb tb kb s h min".split())
_TRANSLIT_RUN = re.compile("[" + "".join(sorted(_TRANSLIT)) + "]+")
_TRANSLIT_NAME = re.compile("[" + "".join(sorted(_TRANSLIT)) + "·・]{2,}")
_CAP_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
#: In ASCII text, a capital after a character that can join it to a preceding word.
_CAP_AFTER_JOINER = re.compile(r"[0-9_'.\-][A-Z]")
#: A capitalised word of _ASCII_CAP_WORD when no capital follows such a character.
_ASCII_CAP_START = re.compile(r"[A-Z](?<![A-Za-z].)[A-Za-z0-9_'’]*+(?:-[A-Za-z][A-Za-z0-9_'’]*+)*+")
_ASCII_CAP_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'’]*+(?:-[A-Za-z][A-Za-z0-9_'’]*+)*+")  # _CAP_WORD for ASCII text
_ASCII_CAP_WORD_COUNT = re.compile(_ASCII_CAP_WORD.pattern + "()")
_SENT_START = re.compile(r"(?:^|[.!?:;。！？]\s*|[\"“”«»(\[]\s*|\n\s*)$")


# --- results --------------------------------------------------------------------------------------

@dataclass
class SourceName:
    start: int
    end: int
    text: str
    kind: str  # place, latin, translit, person
    keys: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    severity: Severity = Severity.ERROR
    matched: bool = False
    rendered: str | None = None  # a partial match in the translation ("Igor Petrov")
    rendered_span: tuple[int, int] | None = None


@dataclass
class TargetName:
    start: int
    end: int
    text: str
    kind: str  # place, glossary, name, acronym
    keys: tuple[str, ...] = ()
    known: bool = False
    adjective: bool = False
    matched: bool = False
    explained: bool = False  # reported through another finding (a swap, a partial match)
    replaced: tuple[str, ...] = ()  # source names it seems to stand for


@dataclass
class Swap:
    missing: str  # key of B
    extra: str  # key of A
    src_span: tuple[int, int]
    tgt_span: tuple[int, int]
    src_text: str
    tgt_text: str
    #: Weaker evidence: the source names B by a one-letter abbreviation (华裔, 对华), or many times (a
    #: translation may say "the city" for one of them).
    weak: bool = False


@dataclass
class Spurious:
    start: int
    end: int
    word: str
    name: str


@dataclass
class GlossaryMiss:
    start: int
    end: int
    term: str
    expected: tuple[str, ...]
    found: str | None = None


@dataclass
class Scar:
    start: int
    end: int
    text: str
    reason: str


@dataclass
class NameAnalysis:
    source: list[SourceName] = field(default_factory=list)
    target: list[TargetName] = field(default_factory=list)
    swaps: list[Swap] = field(default_factory=list)
    spurious: list[Spurious] = field(default_factory=list)
    glossary_misses: list[GlossaryMiss] = field(default_factory=list)
    scars: list[Scar] = field(default_factory=list)
    #: Persons the source language's tagger reads (jieba's nr, Sudachi's 人名) whose reading no capitalised
    #: word of an English translation gives: evidence that an unknown name there may stand for one.
    unread_persons: list[str] = field(default_factory=list)


# --- helpers ------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=16384)
def _translit_skeletons(name: str) -> tuple[str, tuple[str, ...]]:
    """The consonant skeleton of a transliterated name, and those of its parts (尤里·特鲁特涅夫)."""
    sk = re.sub(r"(.)\1+", r"\1", "".join(tr.pinyin_skeleton(tr.han_pinyin(c)) for c in name if c not in "·・"))
    parts = tuple(re.sub(r"(.)\1+", r"\1", "".join(tr.pinyin_skeleton(tr.han_pinyin(c)) for c in p))
                  for p in re.split("[·・]", name))
    return sk, parts


@functools.lru_cache(maxsize=16384)
def _zh_person_reading(name: str) -> tuple[str, str]:
    """Pinyin of a Chinese person's surname and given name (段梦琪 -> duan, mengqi)."""
    sylls = [tr.SURNAME_READINGS.get(name[0], tr.han_pinyin(name[0]))] + [tr.han_pinyin(c) for c in name[1:]]
    return sylls[0], "".join(sylls[1:])


@functools.lru_cache(maxsize=65536)
def _plain_fold(word: str) -> str:
    """A target word folded for comparison with pinyin: no possessive, accents, hyphens or apostrophes."""
    return tr.ascii_fold(_strip_possessive(word)).replace("-", "").replace("'", "")


def _lang(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


_CONTRACTION = re.compile(r"'(?:s|m|re|ve|ll|d)$|n't$")


@functools.lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary English word (Comets, Affected), by the lexicon."""
    if "-" in word.strip("-"):
        return all(is_english_word(part) or part.isdigit() for part in word.split("-") if part)
    w = word.lower().replace("’", "'")
    w = _CONTRACTION.sub("", w)  # I'm, we're, I've, they'll, it's, isn't
    return w in _EN_COMMON or english.in_gcide(w)


@functools.lru_cache(maxsize=65536)
def _common_word(word: str) -> bool:
    return is_english_word(word) or word.lower() in _EN_COMMON


_ROMAN = re.compile(r"[IVXLC]+")
_CJK_LETTERS = {lang: "".join(table) for lang, table in CJK_ABBREVIATIONS.items()}
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][^\W\d_]*[a-zß-ÿ](?:-[^\W\d_]+)*(?![\w'’-])")
#: A source naming a place this often may render one mention by a pronoun or another name.
_MANY_MENTIONS = 3
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_LEADING_FUNCTION_WORDS = re.compile(r"(?:(?:of|the|The|a|an|and|for|in|on)\s+)+")
_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=65536)
def _names_of(gaz: Gazetteer, key: str, lang: str) -> tuple[str, ...]:
    """The names (of two letters or more) of a place in one language."""
    return tuple(n for n in gaz.names_in(key, lang) if len(n) >= 2)


@functools.lru_cache(maxsize=65536)
def _names_with_related(gaz: Gazetteer, key: str, lang: str) -> tuple[str, ...]:
    """The names (of two letters or more) of a place and of its related places in one language."""
    names = list(gaz.names_in(key, lang))
    for r in gaz.related(key):
        names.extend(gaz.names_in(r, lang))
    return tuple(n for n in names if len(n) >= 2)


def _contains_ci(haystack: str, needle: str) -> bool:
    if not needle:
        return False
    if "\ufffd" in haystack:
        # a replacement character may stand for any letter of the name (Z\ufffdrich for Zürich)
        body = "".join(f"(?:{re.escape(c)}|\ufffd)" if c.isalpha() else re.escape(c) for c in needle)
        return re.search(r"(?<![\w])" + body + r"(?![^\W_])", haystack, re.IGNORECASE) is not None
    pattern = _word_pattern(needle)
    if pattern is not None:
        return pattern.search(haystack) is not None
    return needle.lower() in haystack.lower()


def _contains_any(haystack: str, needles: Iterable[str]) -> bool:
    """``any(_contains_ci(haystack, n) for n in needles)``, with the haystack lowered once and,
    when both are ASCII, a whole-word pattern tried only where the plain lowered name occurs
    (for ASCII text, case-blind matching is exactly comparing lowered letters)."""
    if "\ufffd" in haystack:
        return any(_contains_ci(haystack, n) for n in needles)
    low = haystack.lower()
    ascii_text = haystack.isascii()
    for needle in needles:
        if not needle:
            continue
        pattern = _word_pattern(needle)
        if pattern is None:
            if needle.lower() in low:
                return True
        elif ascii_text and needle.isascii():
            if needle.lower() in low and pattern.search(haystack) is not None:
                return True
        elif pattern.search(haystack) is not None:
            return True
    if tr.KANA.search(haystack):
        folded = _kana_fold(haystack)  # ウイーン for ウィーン, ニュージランド for ニュージーランド
        return any(tr.KANA.search(n) and len(n) >= 3 and _kana_fold(n) in folded for n in needles)
    return False


_SMALL_KANA = str.maketrans("ァィゥェォャュョッヵヶぁぃぅぇぉゃゅょっ", "アイウエオヤユヨツカケあいうえおやゆよつ", "ー・")


@functools.lru_cache(maxsize=1024)
def _kana_fold(text: str) -> str:
    """Katakana spelling variants folded: small kana as large ones, no long-vowel mark or middle dot."""
    return text.translate(_SMALL_KANA)


#: A character that glues onto a name (a Latin, Greek or Cyrillic letter, a digit), case-blind as before.
_GLUE = re.compile(r"[0-9A-Za-z\u00c0-\u04ff]", re.IGNORECASE)


class _WholeWord:
    """``(?<!GLUE)needle(?!GLUE)``, case-blind, searched as the regex engine would: the leftmost
    occurrence of the needle with no glue on either side. Compiling that regex for every name cost
    more than searching with it (the case-blind character class is expanded on each compile)."""

    __slots__ = ("needle",)

    def __init__(self, needle: str) -> None:
        self.needle = re.compile(re.escape(needle), re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        pos = 0
        while (m := self.needle.search(text, pos)) is not None:
            start, end = m.span()
            if not (start and _GLUE.match(text, start - 1)) and not _GLUE.match(text, end):
                return m
            pos = start + 1
        return None


@functools.lru_cache(maxsize=4096)
def _word_pattern(needle: str) -> _WholeWord | None:
    """The whole-word, case-blind pattern of a name that starts with a letter or digit and is not
    written in Han or kana (None for the others, which are looked for as plain substrings)."""
    if needle[:1].isalnum() and not (tr.HAN.search(needle) or tr.KANA.search(needle)):
        # only a Latin, Greek or Cyrillic letter or a digit glues onto a name: 丨Beijing, 北京Beijing are fine
        return _WholeWord(needle)
    return None


#: For each similarity threshold used here, the share (in %) of the longer string by which two
#: lengths may differ at most: a Levenshtein distance is at least the difference of the lengths.
_LENGTH_SLACK = {0.8: 20, 0.85: 15}


def _similar(a: str, b: str, threshold: float) -> bool:
    """``tr.similarity(a, b) >= threshold``; strings whose lengths alone rule it out are not compared."""
    la, lb = len(a), len(b)
    if 100 * abs(la - lb) > _LENGTH_SLACK[threshold] * max(la, lb):
        return False  # similarity <= 1 - |la - lb| / max(la, lb) < threshold
    return tr.similarity(a, b) >= threshold


def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    start, end = a
    for s, e in spans:
        if start < e and s < end:
            return True
    return False


class _Token(NamedTuple):
    start: int
    end: int
    text: str


#: Words by which a translation may refer back to a place named in an earlier sentence.
_ANAPHOR = re.compile(r"\b(?:[Ii]ts?|[Tt]heirs?|[Tt]hey|[Tt]hem|(?:[Tt]he|[Tt]his|[Tt]hat) (?:country|nation|city|region)|"
                      r"(?:[Tt]he two|[Bb]oth) (?:countries|sides|nations)|[Tt]he two sides|[Ee]ach other|"
                      r"[Tt]he (?:latter|former))\b")


def _token(m: re.Match[str]) -> _Token:
    return _Token(m.start(), m.end(), m.group())


@functools.lru_cache(maxsize=64)
def _target_tokens(text: str) -> tuple[_Token, ...]:
    if not text.isascii():
        return tuple(map(_token, _CAP_WORD.finditer(text)))
    # ASCII text: the words alone, each found again from where the previous one ended (no letter
    # lies between two words, and each starts with a letter)
    out = []
    pos = 0
    find = text.find
    new = tuple.__new__
    for word in _ASCII_CAP_WORD.findall(text):
        start = find(word, pos)
        pos = start + len(word)
        out.append(new(_Token, (start, pos, word)))
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _lemmas(code: str, text: str) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """A text's words as (lemma, the word in lower case), and the places its adjectives name. The word
    itself is kept for when the lemmatiser's dictionary is wrong (simplemma: Niederlanden ->
    Nierderlande)."""
    words = language.get(code)
    if words.unspaced or not words.supports("names"):
        return (), frozenset()
    lemmas = tuple((words.lemma(w.text), w.text.lower()) for w in words.tokenize(text))
    adjectives = frozenset(words.adjectives[x] for x, _ in lemmas if x in words.adjectives)
    return lemmas, adjectives


@functools.lru_cache(maxsize=4096)
def _lemma_key(code: str, name: str) -> tuple[str, ...]:
    """A name as the run of its words' lemmas (Vereinigtes Königreich -> ('vereinigt', 'königreich'))."""
    words = language.get(code)
    return tuple(words.lemma(w.text) for w in words.tokenize(name))


def _same_lemma(a: str, b: str) -> bool:
    """Two lemmas of one word: equal, or differing only in an inflection ending the lemmatiser left
    (vereinigte / vereinigtes): long words sharing all but their last two letters."""
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= 5 and abs(len(a) - len(b)) <= 2 and a[:n - 2] == b[:n - 2] and a[:max(len(a), len(b)) - 2][:n - 2] == b[:n - 2]


def _initials_in(name: str, text: str) -> bool:
    """Whether a name of three capitalised words or more appears as its initials (The Wall Street Journal: WSJ)."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper() and w not in ("The", "Of", "And"))
    return len(initials) >= 3 and re.search(r"\b" + initials + r"\b", text) is not None


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 10 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


# --- source-side romanisation, computed on demand -------------------------------------------------

class _cached:
    """``functools.cached_property`` without the lock Python 3.11 takes on every first access:
    the objects it serves (one source index, one analyser) live and die within one call."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


_SRC_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё][А-Яа-яЁё'-]*")


@functools.lru_cache(maxsize=32768)
def _name_readings(char: str) -> tuple[str, ...]:
    """Every reading of one Han character, its reading as a surname included."""
    r = tr.han_readings(char)
    if r and char in tr.SURNAME_READINGS:
        r = r + (tr.SURNAME_READINGS[char],)
    return r


@functools.lru_cache(maxsize=4096)
def _run_windows(run: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, skeleton) of every window of 1-8 characters of a run of transliteration
    characters, offsets within the run; windows with an empty skeleton are left out."""
    skels = [tr.pinyin_skeleton(tr.han_pinyin(c)) for c in run]
    out: list[tuple[int, int, str]] = []
    for i in range(len(skels)):
        sk = ""  # the skeleton of run[i:j + 1], runs of one consonant class collapsed
        for j in range(i, min(len(skels), i + 8)):
            for c in skels[j]:
                if not sk or sk[-1] != c:
                    sk += c
            if sk:
                out.append((i, j + 1, sk))
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _cyrillic_folds(word: str) -> tuple[str, str]:
    """The folded romanisation of a Cyrillic word and that of its stem."""
    return tr.fold(tr.cyrillic_to_latin(word)), tr.fold(tr.cyrillic_to_latin(tr.russian_stem(word)))


_KATAKANA_WORD = re.compile(r"[\u30a0-\u30ffー]{3,}")


class _SourceIndex:
    """Romanised views of the source, each built the first time a match needs it."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang

    @_cached
    def text_lower(self) -> str:
        return self.text.lower()

    @_cached
    def latin_words(self) -> list[tuple[int, int, str]]:
        if self.lang in ("zh", "ja", "ru") and not _ASCII_LETTER.search(self.text):
            return []  # only words starting with an ASCII letter are kept
        return [(m.start(), m.end(), m.group()) for m in _SRC_WORD.finditer(self.text)
                if m.group()[0].isascii() or self.lang not in ("zh", "ja", "ru")]

    @_cached
    def latin_folds(self) -> set[str]:
        return {tr.fold(w) for _, _, w in self.latin_words if w.isascii() or self.lang not in ("zh", "ja", "ru")}

    @_cached
    def han_runs(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(r"[\u3400-\u4dbf\u4e00-\u9fff]+", self.text)]

    @_cached
    def _han_readings(self) -> list[tuple[int, tuple[str, ...]]]:
        """(position, readings) of every Han character, surname readings included."""
        readings = list(map(_name_readings, self.text))
        return list(itertools.compress(enumerate(readings), readings))

    @_cached
    def _reading_starts(self) -> tuple[dict[str, list[int]], int]:
        """Reading -> indexes (in ``_han_readings``) of the characters that have it; the longest reading."""
        out: dict[str, list[int]] = {}
        for k, (_, readings) in enumerate(self._han_readings):
            for r in readings:
                out.setdefault(r, []).append(k)
        return out, max(map(len, out), default=0)

    def pinyin_find(self, plain: str) -> tuple[int, int] | None:
        """Where 1-4 consecutive Han characters read as ``plain`` (mengqi -> 梦琪), in any reading."""
        chars = self._han_readings
        starts, longest = self._reading_starts
        # only the characters with a reading that begins ``plain`` can start a match: try those, in order
        ks: set[int] = set()
        for n in range(min(len(plain), longest) + 1):
            ks.update(starts.get(plain[:n], ()))
        for k in sorted(ks):
            pos, readings = chars[k]
            for r in readings:
                if plain.startswith(r):
                    end = self._pinyin_rest(chars, k + 1, pos + 1, plain, len(r), 1)
                    if end is not None:
                        return (pos, end)
        return None

    def _pinyin_rest(self, chars: list[tuple[int, tuple[str, ...]]], k: int, pos: int, plain: str, done: int,
                     used: int) -> int | None:
        if done == len(plain):
            return pos
        if used >= 4 or k >= len(chars) or chars[k][0] != pos:
            return None
        for r in chars[k][1]:
            if plain.startswith(r, done):
                end = self._pinyin_rest(chars, k + 1, pos + 1, plain, done + len(r), used + 1)
                if end is not None:
                    return end
        return None

    @_cached
    def translit_windows(self) -> list[tuple[int, int, str]]:
        """Consonant skeletons of every window of 1-8 transliteration characters."""
        out: list[tuple[int, int, str]] = []
        for m in _TRANSLIT_RUN.finditer(self.text):
            s = m.start()
            out.extend((s + i, s + j, sk) for i, j, sk in _run_windows(m.group()))
        return out

    @_cached
    def japanese(self) -> list[tuple[int, int, str]]:
        out = []
        for s, e, r in tr.japanese_tokens(self.text):
            parts, readings = self.text[s:e].split("・"), r.split("・")
            if len(parts) == 1 or len(parts) != len(readings):
                out.append((s, e, r))
                continue
            for part, reading in zip(parts, readings):  # ステフォン・ディグス: each part of a name on its own
                if part:
                    out.append((s, s + len(part), reading))
                s += len(part) + 1
        return out

    @_cached
    def reading_windows(self) -> list[tuple[int, int, str]]:
        """Folded readings of 1-3 consecutive Japanese words (for zh too: 岸田文雄 -> kishida fumio)."""
        toks = self.japanese
        n = len(toks)
        fold = tr.fold
        out = []
        for i, (s0, e0, r0) in enumerate(toks):
            out.append((s0, e0, fold(r0)))
            if i + 1 < n and toks[i + 1][0] == e0:
                _, e1, r1 = toks[i + 1]
                joined = r0 + r1
                out.append((s0, e1, fold(joined)))
                if i + 2 < n and toks[i + 2][0] == e1:
                    out.append((s0, toks[i + 2][1], fold(joined + toks[i + 2][2])))
        return out

    @_cached
    def cyrillic_words(self) -> list[tuple[int, int, str, str, str]]:
        """(start, end, word, folded romanisation, folded romanisation of the stem)."""
        out = []
        for m in _CYRILLIC_WORD.finditer(self.text):
            w = m.group()
            out.append((m.start(), m.end(), w) + _cyrillic_folds(w))
        return out

    #: Spans of transliterated names the analysis found in the source (set by the analyser).
    translit_names: list[tuple[int, int]] = []

    def _windows_inside(self, names: tuple[tuple[int, int], ...]) -> list[tuple[int, int, str, bool]]:
        """``translit_windows``, each with whether it lies inside one of ``names``."""
        cache = self.__dict__.setdefault("_inside_cache", {})
        out = cache.get(names)
        if out is None:
            out = cache[names] = [(s, e, wsk, any(ns <= s and e <= ne for ns, ne in names))
                                  for s, e, wsk in self.translit_windows]
        return out

    def match(self, word: str) -> tuple[int, int] | None:
        """Where in the source a Latin-script name token comes from, or None."""
        clean = _strip_possessive(word)
        f = tr.fold(clean)
        if len(f) < 2:
            return None
        low = clean.lower()
        at = self.text_lower.find(low)
        if at >= 0 and (len(low) >= 3 or not low.isalpha()):
            return (at, at + len(low))
        if self.lang in ("zh", "ja", "ru"):
            for s, e, w in self.latin_words:
                if w.isascii() and (tr.fold(w) == f or (len(f) >= 5 and _similar(tr.fold(w), f, 0.8))):
                    return (s, e)
        if self.lang == "zh":
            plain = tr.ascii_fold(clean).replace("'", "").replace("’", "").replace("-", "")
            hit = self.pinyin_find(plain) or ("u" in plain and self.pinyin_find(plain.replace("u", "v"))) or None
            if hit:
                return hit
            if len(plain) >= 3:
                names = self.translit_names
                # outside the source's transliterated names, only a long non-pinyin word with a
                # skeleton of three consonants or more may match a window
                loose = len(plain) >= 4 and not tr.is_pinyin_word(plain)
                skeletons = tr.latin_skeletons(clean)
                loose_skeletons = [sk for sk in skeletons if len(sk) >= 3] if loose else []
                if loose_skeletons:
                    for s, e, wsk, inside in self._windows_inside(tuple(names)):
                        for sk in skeletons if inside else loose_skeletons:
                            if tr.skeletons_match(sk, wsk):
                                return (s, e)
                elif names:
                    for s, e, wsk, inside in self._windows_inside(tuple(names)):
                        if inside:
                            for sk in skeletons:
                                if tr.skeletons_match(sk, wsk):
                                    return (s, e)
            if len(plain) >= 4 and tr.is_romaji(plain) and not tr.is_pinyin_word(plain):
                hit = self._reading_match(f)  # a Japanese name in Chinese text: 岸田文雄 -> Kishida
                if hit:
                    return hit
        elif self.lang == "ja":
            hit = self._reading_match(f)
            if hit:
                return hit
            for sk in tr.latin_skeletons(clean):  # the name's r dropped (Carter, カーター) and kept
                if len(sk) < 2:
                    continue
                for s, e, r in self.japanese:
                    if not tr.KANA.search(self.text, s, e):
                        continue
                    kana = tr.kana_skeleton(r)
                    # two consonants (Allen, アレン) only for a whole word written in katakana
                    if (kana == sk and _KATAKANA_WORD.fullmatch(self.text, s, e)) if len(sk) == 2 else tr.skeletons_match(sk, kana):
                        return (s, e)
                    if len(sk) >= 3 and kana.startswith(sk) and _KATAKANA_WORD.fullmatch(self.text, s, e):
                        return (s, e)  # the head of a compound: ガンダムシードデスティニー is Gundam SEED Destiny
        elif self.lang == "ru":
            lf = len(f)
            for s, e, w, wf, stemf in self.cyrillic_words:
                if wf == f:
                    return (s, e)
                if lf >= 4:
                    # _similar(wf, f, 0.8), its length test inline (most words fail it)
                    lw = len(wf)
                    if 100 * abs(lw - lf) <= 20 * (lw if lw > lf else lf) and tr.similarity(wf, f) >= 0.8:
                        return (s, e)
                    if len(stemf) >= 4 and f.startswith(stemf) and lf - len(stemf) <= 3:
                        return (s, e)
        else:
            given = language.get(self.lang).given_names
            for s, e, w in self.latin_words:
                wf = tr.fold(w)
                if wf == f or (len(f) >= 5 and _similar(wf, f, 0.8)):
                    return (s, e)
                if any(tr.fold(part) == f for v in given.get(w.lower(), ()) for part in v.split()):
                    return (s, e)  # Nikolaus: "Nicholas"; Weihnachtsmann: "Santa Claus"
        return None

    def _reading_match(self, f: str) -> tuple[int, int] | None:
        if len(f) < 3:
            return None
        lf = len(f)
        for s, e, r in self.reading_windows:
            if r == f or (lf >= 5 and r.startswith(f) and len(r) - lf <= 4):
                return (s, e)  # or the head of a word: 原宿店 is "the Harajuku store"
            if lf >= 6:
                # _similar(r, f, 0.85), its length test inline (most windows fail it)
                lr = len(r)
                if 100 * abs(lr - lf) <= 15 * (lr if lr > lf else lf) and tr.similarity(r, f) >= 0.85:
                    return (s, e)
        return None


# --- the analysis ---------------------------------------------------------------------------------

def analyse(source: str, target: str, src_lang: str, tgt_lang: str,
            glossary: Mapping[str, tuple[str, ...]] | None = None) -> NameAnalysis:
    """Names on both sides of one pair and what became of them (the runner asks once per pair and hands
    the result to the five name rules: ``tqcheck.check.facts``)."""
    return _Analyser(_mask_placeholders(source), _mask_placeholders(target), _lang(src_lang), _lang(tgt_lang),
                     glossary or {}).run()


#: Template placeholders a CMS or an anonymiser leaves in text (#PRS_ORG#, #NAME#, {{city}}): not names.
_PLACEHOLDER = re.compile(r"#[A-Z][A-Z0-9_]*#|\{\{[^{}\n]{1,40}\}\}")


_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH_CHAR = re.compile("[\uff01-\uff5e]")


_CODE_PART = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]{2,}")


def _code_parts_in(code: str, target: str) -> bool:
    """Whether a code of letters and digits has each of its figures (and each run of two letters or more)
    in the translation, apart: AM10 in "until 10:59am", M5.0 in "magnitude 5.0"."""
    if not any(c.isdigit() for c in code):
        return False
    low = target.lower()
    return all(re.search(rf"(?<![\d.]){re.escape(p)}(?![\d])", target) if p[0].isdigit() else p.lower() in low
               for p in _CODE_PART.findall(code))


_WORD_PLURAL = re.compile(r"(?<=[a-z]{3})s$")


def _english_words_in(name: str, target: str) -> bool:
    """Whether a title made of English words (Spring Summer, 48Hours Weekend Sale) stands in the
    translation word for word, in any case and number ("spring/summer", "48-hour weekend sale")."""
    words = [_WORD_PLURAL.sub("", w.lower()) for w in _LETTERS.findall(name)]
    if len(words) < 2 or not all(is_english_word(w) for w in words):
        return False
    have = {_WORD_PLURAL.sub("", w.lower()) for w in _LETTERS.findall(target)}
    return all(w in have for w in words)


def _mask_placeholders(text: str) -> str:
    """Blank out placeholders and fold full-width Latin letters and digits (ＵＡＥ is UAE), keeping every offset."""
    if _FULLWIDTH_CHAR.search(text):
        text = text.translate(_FULLWIDTH)
    if "#" not in text and "{{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: "_" * len(m.group()), text)


class _Analyser:
    def __init__(self, source: str, target: str, src: str, tgt: str, glossary: Mapping[str, tuple[str, ...]]) -> None:
        self.source, self.target, self.src, self.tgt, self.glossary = source, target, src, tgt, glossary
        self.gaz = get_gazetteer()
        self.idx = _SourceIndex(source, src)
        self.out = NameAnalysis()

    # -- driver -----------------------------------------------------------------------------
    def run(self) -> NameAnalysis:
        if not self.source.strip() or not self.target.strip():
            return self.out
        src_hits = self.gaz.find(self.source, self.src)
        tgt_hits = self.gaz.find(self.target, self.tgt)
        gloss_src, gloss_tgt = self._glossary(src_hits, tgt_hits)
        taken_src = [(g.start, g.end) for g in gloss_src]
        taken_tgt = list(gloss_tgt)
        for h in src_hits:
            if not _overlaps((h.start, h.end), taken_src):
                self.out.source.append(SourceName(h.start, h.end, h.text, "place", h.keys,
                                                  tuple([self.gaz.display_cached(k, self.tgt) for k in h.keys]),
                                                  self._place_severity(h)))
        tgt_keys: dict[str, int] = {}
        for h in tgt_hits:
            if _overlaps((h.start, h.end), taken_tgt):
                continue
            for k in h.keys:
                tgt_keys[k] = tgt_keys.get(k, 0) + 1
            self.out.target.append(TargetName(h.start, h.end, h.text, "place", h.keys, known=not h.adjective,
                                              adjective=h.adjective))
            taken_tgt.append((h.start, h.end))
        self._source_names(taken_src + [(s.start, s.end) for s in self.out.source])
        self.idx.translit_names = [(s.start, s.end) for s in self.out.source if s.kind == "translit"]
        if self.tgt == "en":
            self._target_names(taken_tgt)
        else:
            self._latin_target_names(taken_tgt)
        self._match_places(src_hits, tgt_keys)
        self._match_source_names()
        self._swaps(src_hits, tgt_hits)
        self._replacements()
        if self.tgt == "en":
            self._spurious()
            self._scars()
            if any(not (t.matched or t.explained or t.known) for t in self.out.target):
                self._unread_persons()
        return self.out

    def _unread_persons(self) -> None:
        if self.src not in ("zh", "ja"):
            return
        spans = [(s.start, s.end) for s in self.out.source]
        capitalised = [t for t in _target_tokens(self.target) if t.text[0].isupper()]
        folds = {_plain_fold(t.text) for t in capitalised}
        if self.src == "zh":
            self._replaced_surnames(capitalised)
        for w in language.get(self.src).person_names(self.source):
            if len(w.text) < 2 or _overlaps((w.start, w.end), spans):
                continue
            if self.src == "zh":
                surname, given = _zh_person_reading(w.text)
                readings = {surname, given, surname + given}
            else:
                readings = {_plain_fold(r) for _, _, r in tr.japanese_tokens(w.text)}
            if readings & folds:
                continue
            sk, _ = _translit_skeletons(w.text)
            if any(tr.any_skeleton_match(t.text, sk) for t in capitalised):
                continue  # 皮莱 is Pillay: a transliteration, read by its consonants
            self.out.unread_persons.append(w.text)

    def _replaced_surnames(self, capitalised: list[_Token]) -> None:
        """A Chinese name whose given name the translation has right after an unknown name where its
        surname should stand (田亮 -> "Harrington Liang"; "Tian Liang" and "Liang Tian" are fine): the
        surname is lost, so the unknown name is not a mere addition."""
        unmatched = {(t.start, t.end) for t in self.out.target if not (t.matched or t.explained or t.known)}
        for before, tok in zip(capitalised, capitalised[1:]):
            if (before.start, before.end) not in unmatched or self.target[before.end:tok.start] != " ":
                continue
            where = self.idx.pinyin_find(_plain_fold(tok.text))
            if where is None or not 1 <= where[1] - where[0] <= 2 or where[0] == 0:
                continue
            surname = self.source[where[0] - 1]
            if surname in _SURNAMES and _plain_fold(before.text) not in _name_readings(surname):
                self.out.unread_persons.append(self.source[where[0] - 1:where[1]])

    def _place_severity(self, h: PlaceHit) -> Severity:
        """Abbreviations (美方, 日俄) and places used as attributes (荷兰阿斯麦 "Dutch ASML",
        伦敦人 "The Londoner") are often rendered without the name: a warning when missing."""
        if h.abbreviated or h.adjective:
            return Severity.WARNING
        if h.text.isupper() and len(h.text) <= 3 and _mostly_capitals(self.source):
            return Severity.WARNING  # "UNTIL THEY ARRIVE TO US": text in capitals hides what is a name  # "British" may be rendered by an adjective, 英 in 英语, a demonym
        if self.source[h.end:h.end + 1] == "-" or (h.start and self.source[h.start - 1] == "-"):
            return Severity.WARNING  # part of a longer name: Europa-Park, Hauts-de-France
        latin = language.get(self.src).script == "Latn"
        for k in h.keys:
            p = self.gaz.place(k)
            if p is not None and p.kind not in ("country", "city", "province"):
                return Severity.WARNING  # regions, bodies and organisations are often paraphrased
            if p is not None and p.kind == "province" and latin:
                return Severity.WARNING  # Nordrhein-Westfalen: "North Rhein-Westphalia", half kept, half translated
        nxt = self.source[h.end:h.end + 2]
        if self.src == "zh" and nxt and (nxt[0] in "人籍裔" or nxt[0] in _STRONG or (nxt[0].isascii() and nxt[0].isalpha())
                                         or (len(nxt) == 2 and nxt[0] in _TRANSLIT and nxt[1] in _TRANSLIT)):
            return Severity.WARNING
        return Severity.ERROR

    # -- glossary -----------------------------------------------------------------------------
    def _same_as_gazetteer(self, term: str, targets: Sequence[str], hits: list[PlaceHit]) -> bool:
        """A glossary row that only restates the gazetteer (俄罗斯 -> Russia) is left to the place
        rules, which also accept Russian, Moscow or 俄 in 日俄."""
        for h in hits:
            if h.text == term:
                names = {n.lower() for k in h.keys for n in self.gaz.names_in(k, self.tgt)}
                return all(t.lower() in names for t in targets)
        return False

    def _glossary(self, src_hits: list[PlaceHit], tgt_hits: list[PlaceHit]) -> tuple[list[GlossaryMiss], list[tuple[int, int]]]:
        found: list[GlossaryMiss] = []
        tgt_spans: list[tuple[int, int]] = []
        if not self.glossary:
            return found, tgt_spans
        index = term_index(self.glossary)
        in_source = index.find(self.source, self.src, "source")
        in_target = index.find(self.target, self.tgt, "target")
        spans: list[tuple[int, int]] = []
        for term in sorted(in_source, key=index.by_length.__getitem__):  # longest term first
            if self._same_as_gazetteer(term, self.glossary[term], src_hits):
                continue
            for s, e in in_source[term]:
                if _overlaps((s, e), spans):
                    continue
                spans.append((s, e))
                found.append(GlossaryMiss(s, e, self.source[s:e], tuple(self.glossary[term])))
        for g in found:
            where = [sp for t in g.expected for sp in in_target.get(t, ())]
            if where:
                tgt_spans.extend(where)
            else:
                self.out.glossary_misses.append(g)
        # Glossary names in the translation whose source term is absent: known names added.
        places = [(h.start, h.end) for h in tgt_hits]
        for _, term, t in sorted((n, term, t) for t in in_target for n, term in index.pairs[t]):
            for s, e in in_target[t]:
                if _overlaps((s, e), tgt_spans) or _overlaps((s, e), places):
                    continue
                tgt_spans.append((s, e))
                if any(src in in_source for src in index.sources[t]):
                    continue
                self.out.target.append(TargetName(s, e, self.target[s:e], "glossary", known=True,
                                                  keys=(term,)))
        for g in self.out.glossary_misses:
            span = self._loose_counterpart(g.expected)
            if span:
                g.found = self.target[span[0]:span[1]]
                tgt_spans.append(span)  # the rendering is reported here, not again as an added name
        return found, tgt_spans

    def _loose_counterpart(self, expected: Sequence[str]) -> tuple[int, int] | None:
        """The rendering close to the glossary's (Andrey Sokolov for Andrei Sokolov; Igor Petrov
        for Igor Petrenko): the capitalised words around a word that matches, if any."""
        words = [tr.fold(w) for t in expected for w in re.findall(r"[^\W\d_]+", t) if not is_english_word(w)]
        tokens = _target_tokens(self.target)
        for i, tok in enumerate(tokens):
            f = tr.fold(_strip_possessive(tok.text))
            if tok.text[0].isupper() and any(f == w or _similar(f, w, 0.8) for w in words):
                lo = hi = i
                while lo > 0 and self.target[tokens[lo - 1].end:tokens[lo].start] == " " and tokens[lo - 1].text[0].isupper() \
                        and not is_english_word(tokens[lo - 1].text):
                    lo -= 1
                while hi + 1 < len(tokens) and self.target[tokens[hi].end:tokens[hi + 1].start] == " " \
                        and tokens[hi + 1].text[0].isupper() and not is_english_word(tokens[hi + 1].text):
                    hi += 1
                return (tokens[lo].start, tokens[hi].end)
        return None

    # -- source names ---------------------------------------------------------------------------
    def _source_names(self, taken: list[tuple[int, int]]) -> None:
        text = self.source
        add = self.out.source.append
        if self.src in ("zh", "ja", "ru"):
            for m in _LATIN_RUN.finditer(text):
                word = m.group().rstrip(".-'’ ")
                s, e = m.start(), m.start() + len(word)
                lead = _LEADING_FUNCTION_WORDS.match(word)
                if lead and lead.end() < len(word):
                    word, s = word[lead.end():], s + lead.end()  # "of Houston", "The Wall Street Journal"
                if _overlaps((s, e), taken) or word.lower() in _UNITS or len(word) < 2:
                    continue
                if word.islower() or (word.isupper() and len(word) <= 1):
                    continue
                severity = Severity.ERROR
                # measured on WMT22 references: acronyms, English words (WEB, OFF) and codes with
                # digits (AM9, iOS14) in a CJK or Russian source are often translated or dropped
                if (word.upper() in _GENERIC_ACRONYMS or len(word) <= 3
                        or any(c.isdigit() for c in word) or all(is_english_word(w) for w in _LETTERS.findall(word))):
                    severity = Severity.WARNING  # Spring Summer, Bridge Race: titles made of words get translated
                if " " not in word and (len(word) <= 2 or (word.isupper() and is_english_word(word.lower()))):
                    severity = Severity.INFO  # PC, WEB, OFF, OK: a word of the text more than a name, rendered in words
                add(SourceName(s, e, word, "latin", expected=(word,), severity=severity))
                taken.append((s, e))
        if self.src == "zh":
            self._zh_names(taken)
        elif self.src == "ja":
            self._ja_names(taken)
        elif self.src == "ru":
            self._ru_names(taken)
        elif language.get(self.src).script == language.get(self.tgt).script == "Latn":
            self._copied_names(taken)

    def _copied_names(self, taken: list[tuple[int, int]]) -> None:
        """Between languages of the Latin script names are copied (Stephen Colbert, Troyes, Lim Yew Soon):
        runs of capitalised words, not at a sentence's start, with a word that the source language's
        dictionary does not know. A missing one is a warning: some names are translated."""
        text = self.source
        words_of = language.get(self.src)
        runs: list[list[re.Match[str]]] = []
        for m in _CAPITALISED_WORD.finditer(text):
            if runs and text[runs[-1][-1].end():m.start()] == " ":
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            if _SENT_START.search(text[max(0, run[0].start() - 3):run[0].start()]) or run[0].start() == 0:
                run = run[1:]  # a sentence's first word is capitalised anyway
            # titles and nouns around a name are words of the language: Vorstandschef Wilhelm Wellner,
            # Valve Reactor-Schaltung; a run of such words only is no name (Ihre Meinung)
            while run and not words_of.may_be_name(run[0].group()):
                run = run[1:]
            while run and not words_of.may_be_name(run[-1].group()):
                run = run[:-1]
            if not run or len(run) == 1 and (len(run[0].group()) <= 3 or text[run[0].end():run[0].end() + 1] == "."):
                continue  # Std.: an abbreviation
            s, e = run[0].start(), run[-1].end()
            if _overlaps((s, e), taken):
                continue
            self.out.source.append(SourceName(s, e, text[s:e], "latin", expected=(text[s:e],),
                                              severity=Severity.WARNING))
            taken.append((s, e))

    def _zh_names(self, taken: list[tuple[int, int]]) -> None:
        text = self.source
        for m in _TRANSLIT_NAME.finditer(text):
            run = m.group().strip("·・")
            s = m.start() + m.group().index(run[0]) if run else m.start()
            e = s + len(run)
            if len(run) < 2 or _overlaps((s, e), taken):
                continue
            strong = sum(c in _STRONG for c in run)
            parts = re.split("[·・]", run)
            suffix = e < len(text) and text[e] in _PLACE_SUFFIX
            if "·" in run or "・" in run:
                if all(len(p) >= 2 for p in parts) and strong >= 2:
                    sev = Severity.ERROR
                else:
                    continue
            elif len(run) >= 4 and strong >= 3:
                sev = Severity.ERROR
            elif len(run) >= 3 and strong >= 2:
                sev = Severity.WARNING
            elif suffix and len(run) >= 2 and strong >= 1:
                sev = Severity.WARNING
            else:
                continue
            self.out.source.append(SourceName(s, e, run, "translit", severity=sev))
            taken.append((s, e))
        for m in _ZH_PERSON.finditer(text) if _ZH_PERSON_HINT.search(text) else ():
            s, e = m.span("name")
            name = m.group("name")
            if _overlaps((s, e), taken) or any(c in _NOT_GIVEN for c in name[1:]):
                continue
            if name[1:] in _ZH_HONORIFICS or name[1:2] in _ZH_HONORIFICS:
                e = s + 1  # 孙先生: only the surname is a name
                name = name[0]
            before = text[s - 1] if s else ""
            if not m.group("title") and before and tr.HAN.match(before):
                continue  # not clause-initial: 高层 in 公司高层表示 is no name
            sev = Severity.ERROR if m.group("title") else Severity.WARNING
            self.out.source.append(SourceName(s, e, name, "person", severity=sev))
            taken.append((s, e))

    def _ja_names(self, taken: list[tuple[int, int]]) -> None:
        if not any(t in self.source for t in _JA_TITLES):
            return  # every name found here stands before a title
        for m in _JA_PERSON.finditer(self.source):
            s, e = m.span("name")
            name = m.group("name")
            # the longest kanji run before the title may start with an organisation: keep its tail
            if _JA_NOT_NAME.search(name) or _overlaps((s, e), taken):
                continue
            if not any(w.start < e and w.end > s for w in language.get(self.src).person_names(self.source)):
                continue  # 看護師さん, 税制調査会長: Sudachi reads no person name there
            self.out.source.append(SourceName(s, e, name, "person", severity=Severity.ERROR))
            taken.append((s, e))

    def _ru_names(self, taken: list[tuple[int, int]]) -> None:
        text = self.source
        words = [(m.start(), m.end(), m.group()) for m in _RU_CAPITALISED.finditer(text)]
        groups: list[list[tuple[int, int, str]]] = []
        for w in words:
            if groups and text[groups[-1][-1][1]:w[0]] == " ":
                groups[-1].append(w)
            else:
                groups.append([w])
        for g in groups:
            s, e = g[0][0], g[-1][1]
            if _overlaps((s, e), taken):
                continue
            initial = bool(_SENT_START.search(text[max(0, s - 3):s])) or s == 0
            lowered = [w[2].lower() for w in g]
            first_name = any(w in _RU_FIRST_NAMES for w in lowered)
            person = first_name or (len(g) >= 2 and any(_RU_PERSON_SUFFIX.search(w) for w in lowered))
            if initial and not first_name:
                if len(g) == 1:
                    continue
                g = g[1:]
                s = g[0][0]
                person = len(g) >= 2 and any(_RU_PERSON_SUFFIX.search(w[2].lower()) for w in g)
            if not person and all(_RU_ADJ.search(w[2].lower()) for w in g):
                continue
            tags = [language.get(self.src).name_tag(w[2]) for w in g]
            while len(g) > 1 and tags[0] == "common":
                g, tags = g[1:], tags[1:]  # Пульмонолог Сергей Пурясев, Глава ... Анна Попова: the title goes
                s = g[0][0]
            if "place" in tags and "person" not in tags:
                continue  # Новой Каледонии: the dictionary knows it as a place; the place rules see to it
            if person and not first_name and "person" not in tags:
                person = False  # a suffix like -ова alone is not enough where the dictionary knows no name
            if len(g) == 1 and tags[0] in ("common", "other") and not person:
                continue  # Антрацит, Ассоциации, Не: a word of the language, capitalised
            if len(g) == 1:
                sev = Severity.WARNING  # Александр, Максим: a first name alone is often an address, dropped or kept
            else:
                sev = Severity.ERROR if person else Severity.WARNING
            name = text[s:e]
            self.out.source.append(SourceName(s, e, name, "person" if person else "latin", severity=sev))
            taken.append((s, e))

    # -- target names ---------------------------------------------------------------------------
    @_cached
    def _capitalised(self) -> tuple[int, list[_Token]]:
        """How many words of the target start with a letter, and those of them with a capital.

        (``_target_tokens`` has all the words; in ASCII text only the capitalised ones are made.)"""
        text = self.target
        if not text.isascii():
            words = [t for t in _target_tokens(text) if t.text[0].isalpha()]
            return len(words), [t for t in words if t.text[0].isupper()]
        if not _CAP_AFTER_JOINER.search(text):
            # No capital follows a digit, "_", "'", "." or "-": a capital then starts a word
            # exactly when no letter precedes it, and the capitalised words can be found alone
            # (the words are only counted: one empty group per word, no word copied).
            return (len(_ASCII_CAP_WORD_COUNT.findall(text)),
                    [_Token(m.start(), m.end(), m.group()) for m in _ASCII_CAP_START.finditer(text)])
        words_ = _ASCII_CAP_WORD.findall(text)  # (all start with a letter)
        caps = []
        pos = 0
        find = text.find
        for word in words_:
            start = find(word, pos)
            pos = start + len(word)
            if word[0].isupper():
                caps.append(_Token(start, pos, word))
        return len(words_), caps

    def _target_names(self, taken: list[tuple[int, int]]) -> None:
        n_words, caps = self._capitalised
        headline = n_words >= 5 and len(caps) >= 0.7 * n_words
        spans: list[list[_Token]] = []
        for t in caps:
            if spans and self.target[spans[-1][-1].end:t.start] in (" ", "-"):
                spans[-1].append(t)
            else:
                spans.append([t])
        cjk_source = self.src in ("zh", "ja")
        for span in spans:
            pinyin_pair: bool | None = None  # worked out when first needed
            for t in span:
                if taken and _overlaps((t.start, t.end), taken):
                    continue
                word = _strip_possessive(t.text)
                if len(word) < 2:
                    continue
                acronym = word.isupper()
                if acronym and _ROMAN.fullmatch(word):
                    continue
                if acronym:
                    if word in _GENERIC_ACRONYMS or headline and len(word) > 6 or cjk_source:
                        continue  # a Chinese or Japanese name is often rendered by its English acronym
                    kind = "acronym"
                else:
                    if headline:
                        continue
                    if _common_word(word):
                        if pinyin_pair is None:
                            pinyin_pair = self.src == "zh" and len(span) >= 2 and all(
                                tr.is_pinyin_word(_strip_possessive(t.text)) for t in span)
                        if not pinyin_pair or word.lower() in _EN_COMMON:
                            continue  # a sentence-opening word reaches here only if no dictionary has it
                    kind = "name"
                self.out.target.append(TargetName(t.start, t.start + len(word), word, kind))

    def _latin_target_names(self, taken: list[tuple[int, int]]) -> None:
        """In a translation into another script from a Latin-script source (en -> ru, zh, ja, uk), a
        capitalised Latin word is a name kept as the source writes it (Black Lives Matter, Micro USB): one
        the source does not have is a name added or substituted, as sure as a known place (a warning)."""
        if language.get(self.src).script != "Latn" or language.get(self.tgt).script in ("Latn", ""):
            return
        if self.target.isascii() or not _ASCII_LETTER.search(self.target):
            return
        for m in _CAPITALISED_WORD.finditer(self.target):
            word = _strip_possessive(m.group())
            if len(word) < 3 or not word.isascii() or taken and _overlaps(m.span(), taken):
                continue
            if _contains_ci(self.source, word):
                continue
            self.out.target.append(TargetName(m.start(), m.start() + len(word), word, "name", known=True))

    # -- matching -------------------------------------------------------------------------------
    def _match_places(self, src_hits: list[PlaceHit], tgt_keys: dict[str, int]) -> None:
        src_keys = {k for h in src_hits for k in h.keys}
        related = self.gaz.related
        src_related: set[str] | None = None  # worked out when first needed
        for t in self.out.target:
            if t.kind != "place":
                continue
            if src_related is None:
                src_related = set()
                for k in src_keys:
                    src_related.update(related(k))
            known = False
            for k in t.keys:
                if k in src_keys or k in src_related or not src_keys.isdisjoint(related(k)):
                    known = True
                    break
            if known:
                t.matched = True
            elif any(self._source_has_name(k) for k in t.keys):
                t.matched = True
            elif any(self.idx.match(w) for w in _LETTERS.findall(t.text) if len(w) >= 4):
                # a place the gazetteer does not know by its source name: a transliteration matches
                t.matched = True
            elif self.src == "zh" and any(c in self.source for k in t.keys for c in ZH_ABBREVIATIONS.get(k, "")):
                t.known = False  # 北交所 may be the Beijing exchange: an abbreviation, not proof of an addition
            elif any(self._abbreviation_alone(k) for k in t.keys):
                t.known = False  # 米特殊部隊 "US special forces": 米 is the US, or rice; not proof of an addition
        anaphor: bool | None = None  # worked out when first needed
        verbatim = language.get(self.src).script == language.get(self.tgt).script != ""
        for s in self.out.source:
            if s.kind != "place":
                continue
            s.matched = True
            if (verbatim or s.text.isascii()) and _contains_ci(self.target, _strip_possessive(s.text)):
                continue  # Iowa, Ukraine, US-Botschafter: the name kept as the source writes it
            for k in s.keys:
                if not (k in tgt_keys or not tgt_keys.keys().isdisjoint(related(k)) or self._target_has_name(k)):
                    s.matched = False
                    break
            if not s.matched and self._unexplained_acronym:
                s.severity = Severity.WARNING  # 明尼苏达中国民主基金会 -> "MCDF": the place is inside the acronym
            if not s.matched:
                if anaphor is None:
                    anaphor = self.tgt == "en" and _ANAPHOR.search(self.target) is not None
                if anaphor:
                    s.severity = Severity.WARNING  # "its sudden announcement" may be Japan's: not sure enough

    @_cached
    def _unexplained_acronym(self) -> bool:
        """Whether the translation has an acronym of three capitals or more that the source does not."""
        return any(m.group() not in self.source for m in _ACRONYM.finditer(self.target))

    def _abbreviation_alone(self, key: str) -> bool:
        """Whether the source has the one-letter abbreviation of a place (米, 露, 独) as a word of its own,
        or starting a word its language's dictionary does not have (中价协: an abbreviated name)."""
        letter = self.gaz.abbreviation_of(key, self.src)
        if letter is None or letter not in self.source:
            return False
        if letter in self._source_words:
            return True
        known = language.get(self.src).in_dictionary
        return known is not None and any(2 <= len(w) <= 4 and w[0] == letter and not known(w)
                                         for w in self._source_words)

    @_cached
    def _source_words(self) -> frozenset[str]:
        return frozenset(w.text for w in language.get(self.src).tokenize(self.source))

    def _source_has_name(self, key: str) -> bool:
        return (_contains_any(self.source, _names_of(self.gaz, key, self.src))
                or self._lemmas_name(self.src, self._source_lemmas, key, _names_of(self.gaz, key, self.src)))

    def _target_has_name(self, key: str) -> bool:
        names = _names_with_related(self.gaz, key, self.tgt)
        if _contains_any(self.target, names) or self._lemmas_name(self.tgt, self._target_lemmas, key, names):
            return True
        letter = self.gaz.abbreviation_of(key, self.tgt)
        if letter and letter in self.target:
            # a run of abbreviated countries (英独仏の外相 "the British, German and French ministers")
            others = "".join(c for c in _CJK_LETTERS.get(self.tgt, "") if c != letter)
            return re.search(f"[{others}]{letter}|{letter}[{others}]", self.target) is not None
        return False

    def _lemmas_name(self, code: str, analysed: tuple[tuple[tuple[str, str], ...], frozenset[str]], key: str,
                     names: Iterable[str]) -> bool:
        """Whether a text names a place through the lemmas of its words (Frankreichs, Вены, Vereinigten
        Königreich) or an adjective of it (französischen, британских)."""
        words = language.get(code)
        if words.unspaced or not words.supports("names"):
            return False
        lemmas, adjectives = analysed
        if key in adjectives or not adjectives.isdisjoint(self.gaz.related(key)):
            return True
        heads: set[str] | None = None
        for name in names:
            want = _lemma_key(code, name)
            if not want:
                continue
            if heads is None:  # two lemmas of one word share their first three letters (_same_lemma)
                heads = {x[:3] for pair in lemmas for x in pair}
            if any(w[:3] not in heads for w in want):
                continue
            for i in range(len(lemmas) - len(want) + 1):
                if all(_same_lemma(lemmas[i + k][0], w) or _same_lemma(lemmas[i + k][1], w) for k, w in enumerate(want)):
                    return True
        return False

    @_cached
    def _source_lemmas(self) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
        return _lemmas(self.src, self.source)

    @_cached
    def _target_lemmas(self) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
        return _lemmas(self.tgt, self.target)

    def _match_joined_names(self) -> None:
        """Names of two or three words that the source writes as one (徳川家康 is Tokugawa Ieyasu): the
        words unmatched alone are matched together."""
        names = [t for t in self.out.target if t.kind == "name"]
        for i, first in enumerate(names):
            for k in (3, 2):
                run = names[i:i + k]
                if len(run) < k or all(t.matched for t in run) or any(
                        self.target[a.end:b.start] != " " for a, b in zip(run, run[1:])):
                    continue
                if self.idx.match(self.target[first.start:run[-1].end]):
                    for t in run:
                        t.matched = True
                    break

    def _match_source_names(self) -> None:
        # Target-driven: each unknown target name needs a source origin.
        same_script = language.get(self.src).script == language.get(self.tgt).script != ""
        for t in self.out.target:
            if t.matched or t.kind not in ("name", "acronym"):
                continue
            if same_script and re.search(rf"(?<![^\W\d_]){re.escape(t.text)}(?![^\W\d_])", self.source):
                t.matched = True  # kept as the source writes it, inside a compound too (MK-Serie: "MK series")
                continue
            where = self.idx.match(t.text)
            if where:
                t.matched = True
                for s in self.out.source:
                    # a multi-word person name is matched word by word below (Igor ~ Игорь is not enough)
                    if (s.kind in ("translit", "latin") or s.kind == "person" and self.src == "zh") and _overlaps(
                            where, [(s.start, s.end)]):
                        s.matched = True
        self._match_joined_names()
        cap_tokens: list[_Token] | None = None
        for s in self.out.source:
            if s.matched or s.kind == "place":
                continue
            if cap_tokens is None:
                if self.target.isascii():
                    cap_tokens = list(self._capitalised[1])  # (words start with a letter here: no digit)
                else:
                    cap_tokens = [t for t in _target_tokens(self.target) if t.text[0].isupper() or t.text[0].isdigit()]
            if s.kind == "latin" and self.src in ("zh", "ja"):
                s.matched = (_contains_ci(self.target, s.text) or self._fuzzy_latin(s.text, cap_tokens)
                             or _initials_in(s.text, self.target) or _code_parts_in(s.text, self.target)
                             or _english_words_in(s.text, self.target))
            elif s.kind == "translit":
                sk, parts = _translit_skeletons(s.text)
                s.matched = any(tr.any_skeleton_match(t.text, sk) or
                                any(len(p) >= 2 and tr.any_skeleton_match(t.text, p) for p in parts)
                                for t in cap_tokens) or any(
                    tr.any_skeleton_match(a.text + b.text, sk) for a, b in zip(cap_tokens, cap_tokens[1:]))
                if not s.matched and len(s.text) <= 3:
                    s.matched = self._lowercase_echo(sk, list(_target_tokens(self.target)))
            elif s.kind == "person" and self.src == "zh":
                surname, given = _zh_person_reading(s.text)
                folds = {_plain_fold(t.text) for t in cap_tokens}
                s.matched = surname in folds or given in folds or (surname + given) in folds
                s.expected = (f"{surname.capitalize()} {given.capitalize()}".strip(),)
            elif s.kind == "person" and self.src == "ja":
                readings = [r for _, _, r in tr.japanese_tokens(s.text)]
                self._partial(s, readings, cap_tokens)
            elif self.src == "ru" and (s.kind != "latin" or not s.text.isascii()):
                # each word in its dictionary form first: Кирой Коваленко is Kira Kovalenko, Джоэла Остина Joel Osteen
                words = language.get(self.src)
                token_folds = {tr.fold(t.text) for t in cap_tokens}
                readings = []
                for w in s.text.split():
                    w = words.name_form(w)
                    variant = next((v for v in words.given_names.get(w.lower(), ()) if tr.fold(v) in token_folds),
                                   None)
                    readings.append(variant or tr.cyrillic_to_latin(w))
                self._partial(s, readings, cap_tokens, russian=True)
            elif s.kind == "latin":
                s.matched = (_contains_ci(self.target, s.text) or self._fuzzy_latin(s.text, cap_tokens)
                             or _initials_in(s.text, self.target) or _code_parts_in(s.text, self.target)
                             or _english_words_in(s.text, self.target))

    def _lowercase_echo(self, sk: str, tokens: list[_Token]) -> bool:
        # Two- and three-character transliterations are often translated (伊斯兰 -> Islamic).
        return any(tr.any_skeleton_match(t.text, sk) for t in tokens if len(t.text) >= 4)

    def _fuzzy_latin(self, name: str, tokens: list[_Token]) -> bool:
        squeezed = re.sub(r"[\s'’]+", "", self.target).lower()
        if re.sub(r"[\s'’]+", "", name).lower() in squeezed:
            return True  # macOS as "mac OS", ESP as "ESPs"
        words = [w for w in re.findall(r"[^\W\d_]+", name) if len(w) >= 2]
        folds = {tr.fold(t.text) for t in tokens}
        return bool(words) and all(tr.fold(w) in folds or any(_similar(tr.fold(w), f, 0.8) for f in folds)
                                   for w in words)

    def _partial(self, s: SourceName, readings: list[str], tokens: list[_Token], russian: bool = False) -> None:
        """A multi-word name matched word by word; a partly matched one records its rendering."""
        s.expected = (" ".join(r.capitalize() if not russian else r for r in readings),)
        hits: list[_Token | None] = []
        for r in readings:
            rf = tr.fold(r)
            rstem = tr.fold(tr.cyrillic_to_latin(tr.russian_stem(r))) if russian else rf
            best = None
            for t in tokens:
                f = tr.fold(_strip_possessive(t.text))
                if f == rf or (len(f) >= 4 and _similar(f, rf, 0.8)) or (
                        russian and len(rstem) >= 4 and f.startswith(rstem) and len(f) - len(rstem) <= 3) or (
                        russian and len(rf) >= 4 and tr.any_skeleton_match(t.text, tr.latin_skeleton(r))):
                    best = t  # (Bayden ~ Biden, Koulya ~ Cauley: the same consonants)
                    break
            hits.append(best)
        if all(hits):
            s.matched = True
            return
        s.matched = False
        found = [h for h in hits if h is not None]
        if found:
            # the rendering: the capitalised words around the matched part of the name
            anchor = found[0]
            i = list(tokens).index(anchor)
            lo = i
            while lo > 0 and self.target[tokens[lo - 1].end:tokens[lo].start] == " " and not is_english_word(tokens[lo - 1].text):
                lo -= 1
            hi = i
            while hi + 1 < len(tokens) and self.target[tokens[hi].end:tokens[hi + 1].start] == " " and not is_english_word(tokens[hi + 1].text):
                hi += 1
            if hi > lo:
                s.rendered = self.target[tokens[lo].start:tokens[hi].end]
                s.rendered_span = (tokens[lo].start, tokens[hi].end)
                for name in self.out.target:
                    if _overlaps((name.start, name.end), [s.rendered_span]):
                        name.explained = True
        if russian and s.rendered and s.rendered_span:
            rendered = [t.text for t in tokens if s.rendered_span[0] <= t.start < s.rendered_span[1]]
            if all(h is not None or any(tr.any_skeleton_match(t, tr.latin_skeleton(r)) for t in rendered)
                   for r, h in zip(readings, hits)):
                # Zaltsberger ~ Salzberger, Kreyg ~ Craig: the same consonants, another transliteration
                s.severity = Severity.WARNING
                return
        if s.severity == Severity.WARNING and s.rendered:
            s.severity = Severity.ERROR

    # -- swaps and replacements -------------------------------------------------------------------
    def _swaps(self, src_hits: list[PlaceHit], tgt_hits: list[PlaceHit]) -> None:
        if not src_hits or not tgt_hits:
            return  # a swap needs two places in the source and one of them in the translation
        src_count: dict[str, int] = {}
        src_first: dict[str, PlaceHit] = {}
        for h in src_hits:
            for k in h.keys:
                src_count[k] = src_count.get(k, 0) + 1
                src_first.setdefault(k, h)
        if len(src_count) < 2:
            return
        tgt_count: dict[str, int] = {}
        tgt_all: dict[str, list[PlaceHit]] = {}
        for h in tgt_hits:
            for k in h.keys:
                tgt_count[k] = tgt_count.get(k, 0) + 1
                tgt_all.setdefault(k, []).append(h)
        kinds = ("country", "region", "city", "province")
        for b, nb in src_count.items():
            place_b = self.gaz.place(b)
            if place_b is None or place_b.kind not in kinds or tgt_count.get(b, 0) >= nb:
                continue
            if any(tgt_count.get(r, 0) for r in self.gaz.related(b)):
                continue
            for a, na in src_count.items():
                place_a = self.gaz.place(a)
                if a == b or place_a is None or place_a.kind not in kinds:
                    continue
                if tgt_count.get(a, 0) > na and sum(tgt_count.get(k, 0) for k in (a, b)) >= na + nb:
                    # Of A's occurrences, report the one standing where B stands in the source
                    # (same relative position), not merely the first or the last.
                    where = src_first[b].start / max(len(self.source), 1)
                    h = min(tgt_all[a], key=lambda t: abs(t.start / max(len(self.target), 1) - where))
                    self.out.swaps.append(Swap(b, a, (src_first[b].start, src_first[b].end), (h.start, h.end),
                                               src_first[b].text, h.text,
                                               weak=src_first[b].abbreviated or nb >= _MANY_MENTIONS))
                    for s in self.out.source:
                        if b in s.keys:
                            s.matched = True
                    for t in self.out.target:
                        if a in t.keys or b in t.keys:
                            t.explained = True
                    return

    def _replacements(self) -> None:
        """A missing source place and an added known place: one defect, reported as the addition."""
        missing = [s for s in self.out.source if s.kind == "place" and not s.matched]
        if not missing:
            return
        added = [t for t in self.out.target if t.known and not t.matched and not t.explained and t.kind == "place"]
        if missing and added:
            for t in added:
                t.replaced = tuple(f"{s.text} ({', '.join(s.expected)})" if s.expected else s.text for s in missing)
            for s in missing:
                s.matched = True
                s.rendered = added[0].text

    # -- spurious words -----------------------------------------------------------------------------
    def _spurious(self) -> None:
        if not (_KIN_CAPITALISED.search(self.target) if self.target.isascii()
                else _KIN_ANYWHERE.search(self.target.lower())):
            return  # no kinship term or honorific at all (in ASCII text: none capitalised)
        tokens = _target_tokens(self.target)
        matched_spans = [(t.start, t.end) for t in self.out.target if t.kind == "name" and t.matched]
        matched_spans += [(s.rendered_span) for s in self.out.source if s.rendered_span]
        for i, tok in enumerate(tokens):
            word = tok.text.lower()
            if word not in KIN_TITLES or not tok.text[0].isupper():
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or self.target[tok.end:nxt.start] != " ":
                continue
            j = i + 1
            while j + 1 < len(tokens) and self.target[tokens[j].end:tokens[j + 1].start] == " " and tokens[j + 1].text[0].isupper():
                j += 1
            if not _overlaps((nxt.start, tokens[j].end), matched_spans):
                continue
            if any(f in self.source for f in KIN_TITLES[word]):
                continue
            self.out.spurious.append(Spurious(tok.start, tok.end, tok.text, self.target[nxt.start:tokens[j].end]))

    # -- scars left by a deleted name ------------------------------------------------------------------
    _SCARS = (
        (re.compile(r"\b(?:in|at|from|of|between|into|near|by)[ \t]+(?=[.,;])"), "a preposition with no object"),
        # "between and" is TQ108's (silent-gap): "between" is never stranded, whatever was lost.
        (re.compile(r"\b(?:of|from|with)\s+and\b"), "a preposition followed by 'and'"),
        (re.compile(r"(?:^|\s)['’]s\b"), "a possessive 's with no owner"),
        (re.compile(r"\b(?:from|of|in|at|between|into)\s+(?:are|is|was|were|has|have|had)\b"),
         "a preposition followed by a verb"),
        # An article before "is/was/has..." or a statement opening on "Would" is TQ108's too; an
        # article before a speech verb is where a speaker's name stood.
        (re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:demanded|announced)\b"), "an article followed by a verb"),
        (re.compile(r"(?:^|(?<=[.!?]\s))(?:Said|Says|Reiterated|Stressed|Noted|Told|Urged)\s+(?=[a-zA-Z])"),
         "a sentence that opens with its verb"),
        (re.compile(r"(?:^|(?<=[.!?]\s))Called\s+(?=[A-Z])"), "a sentence that opens with its verb"),
    )

    def _scars(self) -> None:
        target = self.target
        # Each pattern is tried only if the target has what every match of it contains (see
        # _SCAR_NEEDS): most sentences have none of these, and eight regex scans cost more.
        word_pair = [_SCAR_WORD_PAIR.search(target) is not None]
        if not word_pair[0] and not _SCAR_OTHER_NEEDS.search(target):
            return
        for (pattern, reason), needs in zip(self._SCARS, _SCAR_NEEDS):
            if not needs(target, word_pair):
                continue
            for m in pattern.finditer(target):
                s, e = m.start(), max(m.end(), m.start() + 1)
                while s < e and self.target[s].isspace():
                    s += 1
                self.out.scars.append(Scar(s, e, self.target[s:e].strip() or self.target[s:s + 12], reason))


# What every match of each of _Analyser._SCARS contains, in the same order: the pattern is not run
# on a target without it (most targets have none of these, and a regex scan each costs more).
_SCAR_SPACE_MARK = re.compile(r"[ \t][.,;]")
#: What a match of any of the three patterns of a word followed by another (a preposition before
#: "and" or a verb, an article before a verb) matches. Each first word is a literal (so that the
#: scan can jump to its letters) followed by a look-behind that is the leading word boundary.
_SCAR_WORD_PAIR = re.compile(
    "(?:" + "|".join(f"{w}(?<!\\w{w})" for w in "of between from with in at into the The an An a A".split()) + ")"
    r"\s+(?:and|are|is|was|were|has|have|had|demanded|announced)\b")
_SCAR_OPENING_VERB = re.compile("Said|Says|Reiterated|Stressed|Noted|Told|Urged")


def _possessive_after_space(text: str) -> bool:
    """Whether 's or ’s starts the text or follows a whitespace character."""
    for mark in ("'s", "’s"):
        at = text.find(mark)
        while at >= 0:
            if at == 0 or text[at - 1].isspace():
                return True
            at = text.find(mark, at + 1)
    return False


def _word_pair(text: str, found: list[bool]) -> bool:
    if not found:
        found.append(_SCAR_WORD_PAIR.search(text) is not None)
    return found[0]


#: Any of what the four other patterns need (what _SCAR_NEEDS looks for one by one), each
#: alternative starting with its letter so that the scan can jump from one to the next; "'s"
#: at the start or after a space is written as a quote not preceded by a non-space.
_SCAR_OTHER_NEEDS = re.compile(r" [.,;]|\t[.,;]|'(?<!\S.)s|’(?<!\S.)s|Said|Says|Reiterated|Stressed|Noted|Told|Urged|Called")

_SCAR_NEEDS: tuple[Callable[[str, list[bool]], bool], ...] = (
    lambda text, pair: _SCAR_SPACE_MARK.search(text) is not None,
    _word_pair,
    lambda text, pair: _possessive_after_space(text),
    _word_pair,
    _word_pair,
    lambda text, pair: _SCAR_OPENING_VERB.search(text) is not None,
    lambda text, pair: "Called" in text,
)
assert len(_SCAR_NEEDS) == len(_Analyser._SCARS)
