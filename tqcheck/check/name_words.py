"""Words that tell names from other words in each script: common English words, kin titles, the characters
Chinese uses to spell foreign names, Russian given names. Data for :mod:`tqcheck.check.entities`; the titles and
speech verbs around a Chinese or Japanese person's name are their language modules' (``Language.titled_persons``)."""
from __future__ import annotations

import re

from ..lang.zh_names import STRONG, SURNAMES, TRANSLIT


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

_SURNAMES, _TRANSLIT, _STRONG = SURNAMES, TRANSLIT, STRONG  # (the Chinese tables, tqcheck.lang.zh_names)
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9&'’.\-]*(?:[ ·][A-Z][A-Za-z0-9&'’.\-]*)*")
_UNITS = frozenset("km kg cm mm m g t mg ml l kw mw gw kwh mwh ppm pm am vs no hz mhz ghz gb mb tb kb s h min".split())
_TRANSLIT_RUN = re.compile("[" + "".join(sorted(_TRANSLIT)) + "]+")
_CAP_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
#: In text whose word characters are ASCII, a capital after a character that can join it to a preceding word.
_CAP_AFTER_JOINER = re.compile(r"[0-9_'’.\-][A-Z]")
#: A word character beyond ASCII: where there is none, the ASCII patterns find _CAP_WORD's words (other
#: characters, “quotes”, dashes, ’, end a word in both or are read alike).
_NOT_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
#: A capitalised word of _ASCII_CAP_WORD when no capital follows such a character.
_ASCII_CAP_START = re.compile(r"[A-Z](?<![A-Za-z].)[A-Za-z0-9_'’]*+(?:-[A-Za-z][A-Za-z0-9_'’]*+)*+")
_ASCII_CAP_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'’]*+(?:-[A-Za-z][A-Za-z0-9_'’]*+)*+")  # _CAP_WORD for ASCII text
_ASCII_CAP_WORD_COUNT = re.compile(_ASCII_CAP_WORD.pattern + "()")
