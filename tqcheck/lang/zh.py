"""Chinese: words from jieba (发展中国家 is one word: it does not name 中国); names and CJK numerals."""
import re
from typing import Callable, Iterator

from ._libs import jieba_known, jieba_person_names, jieba_run_bounds, jieba_words
from .base import Language, Negation
from .number_context import NumberContext

#: Negators: any of them, the explicit sentence negators, and words that contain one without negating.
NEGATION = Negation(
    any=re.compile(r"没有|不|没|未|无|非|别|勿|否|拒|禁|免|停|缺|难以|失败|反对|阻止|防止|欠"),
    explicit=re.compile(r"没有|没|未(?!来)|不(?![的])"),
    # (every word opens on a character, a look-behind after it: the regex engine skips to those characters)
    not_negation=re.compile(
        r"不断|不同|不一样|不(?<![\u4e00-\u9fff]不)过|不仅|不只|不单|不但|不久|不少|不管|不论|不然|不如|不禁|不停|不得不|不可避免|不一定|不光|"
        r"非常|非洲|无论|无数|无人机|无线|未来|除非|是否|与否|能否|可否|无疑|毫不犹豫|不可或缺|别人|别的|"
        r"特别|区别|分别|类别|级别|性别|告别|差别|个别|识别|鉴别|派别|别墅|莫非|否则|免费|难免|未必|"
        r"停车|停留|"
        # idioms that say something positive ("varied", "eagerly", "great", "ranging from ... to")
        r"各不相同|与众不同|千差万别|参差不齐|迫不及待|不择手段|没的说|不约而同|不知不觉|了不起|不得了|忍不住|"
        r"不缓不慢|不(?<=[元岁个天年%份]不)等|不等(?=[，。；、,;.]|$)|不一(?=[，。；、,;.]|$)"),
    # negators a translation may well render without one: 不容易 "rare", 零基础 "beginners"
    weak=re.compile(r"不容易|不太|零基础|不懂的"),
)

#: Opposite directions (TQ407). Single characters (增, 减, 买, 卖) count: a side must name one direction only.
DIRECTIONS = {
    "up-down": (re.compile(r"增加|增长|上升|上涨|提高|提升|升高|攀升|扩大|增多|增幅|涨幅|增"),
                re.compile(r"减少|下降|下跌|降低|下滑|缩小|回落|萎缩|跌幅|降幅|减")),
    "import-export": (re.compile(r"进口|输入"), re.compile(r"出口|输出")),
    "buy-sell": (re.compile(r"购买|买入|收购|采购|买"), re.compile(r"出售|卖出|抛售|销售|卖")),
    "highest-lowest": (re.compile(r"最高|最多|最大"), re.compile(r"最低|最少|最小")),
}

#: Words that refer to a country without naming it: a translation may name the country.
DEICTIC_COUNTRY = re.compile(r"我国|本国|回国|国内|全国|两国|该国|此国|祖国|国家|外国|各国|出国|归国|自国|国民")

#: The runs jieba segments each on its own (``jieba.re_han_default``).
JIEBA_RUNS = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")


_SUBDIVISION_TAIL = re.compile(r"(维吾尔|壮族|回族)?(自治区|特别行政区)$|[省市县州都府]$")


def subdivision_forms(country: str, name: str) -> tuple[str, ...]:
    """A province's name without its kind (广东省: 广东, 新疆维吾尔自治区: 新疆), as news writes it."""
    short = _SUBDIVISION_TAIL.sub("", name)
    return (short,) if len(short) >= 2 else ()


def _source_names(text: str, free: Callable[[int, int], bool]) -> Iterator[tuple[int, int, str, str, bool]]:
    from .zh_names import source_names

    return source_names(text, free)


#: Words around figures that the number reader looks for (tqcheck/lang/number_context.py).
NUMBER_CONTEXT = NumberContext(
    approximators=("[约約近逾]", "大约", "将近", "大概", "差不多"),
    approximators_after=("左右", "上下"),
    range_joiners=("至", "到", "和", "及"),
    day_suffixes=("日", "号"),
)


LANGUAGE = Language("zh", "Chinese", frozenset({"names", "numbers"}), tokenize=jieba_words, unspaced=True,
                    person_names=jieba_person_names, in_dictionary=jieba_known, runs=JIEBA_RUNS, run_bounds=jieba_run_bounds,
                    script="Hani",
                    negation=NEGATION, deictic_country=DEICTIC_COUNTRY, directions=DIRECTIONS, currency_signs={"¥": "CNY"}, place_locale="zh_CN",
                    subdivision_forms=subdivision_forms,
                    source_names=_source_names, name_reading="pinyin", number_context=NUMBER_CONTEXT)
