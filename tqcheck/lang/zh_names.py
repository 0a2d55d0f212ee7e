"""The names a Chinese text has that no dictionary lists: foreign names spelt with transliteration characters
(泽连斯基, 刘易斯) and persons named beside a title or a speech verb (主任王明说, 李强表示); their tables and the
reader the name check asks through ``Language.source_names``."""
from __future__ import annotations

import re
from typing import Callable, Iterator

#: Single-character surnames that are rarely also the first character of an ordinary word.
SURNAMES = frozenset(
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
    r"(?P<title>" + "|".join(_ZH_TITLES) + r")?(?P<name>[" + "".join(sorted(SURNAMES)) + r"][\u4e00-\u9fff]{1,2}?)"
    r"(?=" + "|".join(_ZH_SAY) + r")"
)
#: What every match of _ZH_PERSON contains: a surname, a character or two and a speech verb.
_ZH_PERSON_HINT = re.compile(
    r"[" + "".join(sorted(SURNAMES)) + r"][\u4e00-\u9fff]{1,2}?(?=" + "|".join(_ZH_SAY) + r")"
)
#: Chinese characters used to spell foreign names; STRONG ones rarely appear in ordinary words.
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥澳巴拔芭柏班邦包保堡鲍贝本比彼毕碧宾冰波伯勃博布采查察柴昌彻成程池赤崇楚茨慈达代戴丹"
    "道德登邓迪狄笛蒂典丁东董杜多朵厄俄鄂恩尔法凡范菲斐费芬丰夫弗伏福甫富盖甘冈高戈哥格葛根古瓜圭贵果哈"
    "海汉豪浩赫黑亨洪侯胡华怀惠霍基吉季加佳迦贾坚简杰金锦京久居卡凯坎康考柯科克肯孔库夸奎昆拉腊莱赖兰朗"
    "劳勒雷蕾黎李里理立丽利莉连良列林琳铃凌留柳龙隆卢鲁陆路伦罗洛吕律马玛麦迈曼芒梅门蒙孟米密敏明莫默"
    "姆穆那纳娜奈南内尼妮涅宁纽努诺欧帕派潘庞佩彭皮匹平珀普奇齐其契恰乔切钦琴丘让热仁荣若瑞撒萨塞赛桑"
    "瑟森沙莎山尚绍舍申什史士斯思松苏索塔泰坦汤唐桃特滕提汀廷通图托瓦万旺威韦维伟温文沃乌伍武西希锡席"
    "夏香肖谢辛欣休雅亚扬杨耶叶伊依因英尤于约扎泽詹哲珍芝治朱卓兹宗佐易琼厄孙"
)
STRONG = frozenset("斯尔夫娃娜妮蒂埃奥涅舍琼弗莱鲁霍赫兹茨萨桑泰瓦维韦沃希谢辛耶扎卓佐贝迪菲戈库朗曼梅蒙姆纳尼努诺帕佩乔切塞森舒索汀托雅伊詹珀蕾莉琳契恰钦瑟芬迦")
PLACE_SUFFIX = "州堡港岛湖省县郡"
#: A run of transliteration characters (a middle dot may join its parts): a foreign name spelt out.
TRANSLIT_NAME = re.compile("[" + "".join(sorted(TRANSLIT)) + "·・]{2,}")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: The middle dots that join the parts of a foreign name (格雷琴·惠特默).
_MIDDLE_DOT = re.compile("[·・]")


def source_names(text: str, free: Callable[[int, int], bool]) -> Iterator[tuple[int, int, str, str, bool]]:
    """(start, end, name, kind, sure) of each name ``text`` spells (``translit``) or names beside a speech verb
    (``person``; sure after a title), where ``free(start, end)`` allows."""
    yield from _transliterated(text, free)
    yield from _titled(text, free)


def _transliterated(text: str, free: Callable[[int, int], bool]) -> Iterator[tuple[int, int, str, str, bool]]:
    """Runs of transliteration characters: sure with three strong characters in four or more, or two in a name
    of parts joined by a middle dot; else warnings (three with two strong, a place suffix after one)."""
    for m in TRANSLIT_NAME.finditer(text):
        run = m.group().strip("·・")
        s = m.start() + m.group().index(run[0]) if run else m.start()
        e = s + len(run)
        if len(run) < 2 or not free(s, e):
            continue
        strong = sum(c in STRONG for c in run)
        suffix = e < len(text) and text[e] in PLACE_SUFFIX
        if "·" in run or "・" in run:
            if all(len(p) >= 2 for p in _MIDDLE_DOT.split(run)) and strong >= 2:
                sure = True
            else:
                continue
        elif len(run) >= 4 and strong >= 3:
            sure = True
        elif len(run) >= 3 and strong >= 2:
            sure = False
        elif suffix and len(run) >= 2 and strong >= 1:
            sure = False
        elif len(run) == 2 and strong >= 1 and s > 0 and text[s - 1] in SURNAMES and free(s - 1, s):
            # a transliterated name whose first character is also a surname, which the run leaves out
            # (刘易斯 Lewis, 罗伯斯 Robles): the three together
            s, run, sure = s - 1, text[s - 1:e], False
        else:
            continue
        yield s, e, run, "translit", sure


def _titled(text: str, free: Callable[[int, int], bool]) -> Iterator[tuple[int, int, str, str, bool]]:
    """A person named before a speech verb, after a title or not; with an honorific, the surname alone (孙先生)."""
    for m in _ZH_PERSON.finditer(text) if _ZH_PERSON_HINT.search(text) else ():
        s, e = m.span("name")
        name = m.group("name")
        if not free(s, e) or any(c in _NOT_GIVEN for c in name[1:]):
            continue
        if name[1:] in _ZH_HONORIFICS or name[1:2] in _ZH_HONORIFICS:
            e = s + 1  # 孙先生: only the surname is a name
            name = name[0]
        before = text[s - 1] if s else ""
        if not m.group("title") and before and _HAN.match(before):
            continue  # not clause-initial: 高层 in 公司高层表示 is no name
        yield s, e, name, "person", bool(m.group("title"))
