"""Words that tell names from other words in each script: common English words, kin titles, the characters
Chinese uses to spell foreign names, Russian given names. Data for :mod:`tqcheck.check.entities`; the titles and
speech verbs around a Chinese or Japanese person's name are their language modules' (``Language.titled_persons``)."""
from __future__ import annotations

import re

from ..lang.zh_names import SURNAMES


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
_SURNAMES = SURNAMES  # (tqcheck.lang.zh_names)
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
