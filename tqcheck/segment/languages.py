"""What the segmenter knows of each language, as data: the characters that end and close sentences,
and per language the abbreviations after which a period does not end one (Mr., z.B., т.е.), ordinal dates
(am 3. Oktober), and whether words are written without spaces (zh, ja)."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that can end a sentence in any language (Latin, Arabic, Urdu, Armenian, Ethiopic,
# Burmese, Devanagari, CJK, Greek question mark).
_TERMS = ".!?…。！？｡．؟۔։።။।॥‼⁇⁈⁉\u037e"
# Terminators that end a sentence even without a following space (CJK full stops).
CJK_STOPS = frozenset("。！？｡．")
CJK_LANG_STOPS = CJK_STOPS | frozenset("!?…‼⁇⁈⁉")  # in zh/ja these need no space either
# Closing quotes and brackets that stay with the sentence they close; format characters (zero-width
# space, bidi marks, BOM) ride along so an RTL mark after a full stop is not orphaned.
_CLOSERS = (
    "\"'”’»«›‹)]}」』）】〕〉》＂＇"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)
# „Ja.“ closes with “, which opens the next quote in English and Chinese (我走了。“你好).
_LOW_QUOTE_CLOSERS = "“‘"
FORMAT_CHARS = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
OPENERS = "\"'“‘„‚«‹([{¿¡「『（【〈《"
# A sentence never starts with these, so a terminator followed by one is not a boundary.
NO_START = frozenset(",;:%.!?…、，；：)]}」』）】〕〉》")
# A line ending in these continues on the next line; it is not a heading.
CONTINUATION_END = frozenset(",;-–—/&+(\\、，；")
JA_QUOTE_CLOSERS = frozenset("」』”")
# Japanese particles that make what comes before them part of the sentence that goes on: 「…！」と言った,
# 「…！」の代わりに, 「…！」みたいな. None starts a sentence (unlike は, で, も: はい, でも, もう).
JA_PARTICLES = ("と", "って", "の", "を", "みたい", "など", "なんて")


def _term_re(terms: str, closers: str, spaced_guillemets: bool) -> re.Pattern[str]:
    # The two classes are disjoint, so matching is linear: no backtracking between them.
    closer = f"[{re.escape(closers)}]"
    if spaced_guillemets:  # French « Oui. » puts a space before the closing guillemet.
        closer = f"(?:{closer}|[ \u00a0\u202f][»›])"
    return re.compile(f"(?P<t>[{re.escape(terms)}]+){closer}*")


@dataclass(frozen=True)
class _Punct:
    """Which characters end a sentence and which close it, with the regex that finds them."""

    terms: frozenset[str]
    closers: frozenset[str]
    spaced_guillemets: bool
    term_re: re.Pattern[str]

    @classmethod
    def make(cls, extra_terms: str = "", extra_closers: str = "", spaced_guillemets: bool = False) -> _Punct:
        terms, closers = _TERMS + extra_terms, _CLOSERS + extra_closers
        term_re = _term_re(terms, closers, spaced_guillemets)
        return cls(frozenset(terms), frozenset(closers), spaced_guillemets, term_re)


_PUNCT = _Punct.make()
_PUNCT_LOW_QUOTES = _Punct.make(extra_closers=_LOW_QUOTE_CLOSERS)
_PUNCT_FR = _Punct.make(spaced_guillemets=True)
_PUNCT_EL = _Punct.make(extra_terms=";")  # the Greek question mark is usually typed as ';'


@dataclass(frozen=True)
class Rules:
    """Per-language data; all abbreviations are lower-case and without their final period."""

    never: frozenset[str]  # the period never ends a sentence (Mr., z.B., т.е.)
    numeric: frozenset[str] = frozenset()  # the period does not end a sentence before a digit (No. 5)
    endable: frozenset[str] = frozenset()  # may end a sentence although they look dotted (etc., a.m.)
    months: frozenset[str] = frozenset()  # "3. Oktober": a number + period before these is an ordinal
    ordinal_before: frozenset[str] = frozenset()  # "am 3. Mai", "der 2. Weltkrieg"
    cjk: bool = False  # zh/ja: ! ? … end sentences without a space; every newline ends a sentence
    korean: bool = False  # 했다.그리고: a period after a verb ending splits even without a space
    japanese: bool = False  # 「…。」と言った: a quotative particle keeps the quote in its sentence
    punct: _Punct = _PUNCT


def _s(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTHS_EN = _s("jan feb mar apr jun jul aug sep sept oct nov dec")
_EN = Rules(
    never=_s(
        "mr mrs ms mx dr prof st rev gen col lt sgt capt adm hon gov sen rep messrs mt ft vs cf viz "
        "approx al"
    ),
    numeric=_s("no nos nr p pp vol vols ch chap sec sect art fig figs eq eqs ed op ca c est") | _MONTHS_EN,
    endable=_s("etc a.m p.m a.d b.c i"),  # "So did I. We left." ends; initials do not
)
_RULES: dict[str, Rules] = {
    "en": _EN,
    "de": Rules(
        never=_s(
            "hr hrn fr frl dr prof bzw ca vgl ggf evtl inkl exkl sog bzgl ggü geb gest verh ehem "
            "mio mrd tsd jh jhd st dipl ing hrsg mind max min zzgl abzgl allg insb bspw gem lt"
        ),
        numeric=_s("nr abs art bd kap ziff tel str hnr no anm fn"),
        endable=_s("usw usf etc u.ä o.ä u.v.m"),
        months=_s(
            "januar jänner februar märz maerz april mai juni juli august september oktober november "
            "dezember jan feb mär apr jun jul aug sep sept okt nov dez jahrhundert jh jhd jahrtausend"
        ),
        punct=_PUNCT_LOW_QUOTES,
        ordinal_before=_s(
            "am im vom zum zur beim der die das den dem des ein eine einem einen einer eines seit bis "
            "ab vor nach dieser diesem diesen jeder jedem jeden sein seine seinem seiner ihr ihre "
            "ihrem ihrer ihren"
        ),
    ),
    "fr": Rules(
        never=_s("m mm mme mmes mlle mlles dr pr me mgr st ste cf ex av apr c.-à-d resp vs"),
        numeric=_s("n no nº p pp art chap fig t vol éd env"),
        endable=_s("etc j.-c"),
        punct=_PUNCT_FR,
    ),
    "es": Rules(
        never=_s(
            "sr sra srta sres sras dr dra lic lcda ing arq ud uds vd vds dña dn prof av avda gral "
            "excmo excma ilmo sto sta aprox"
        ),
        numeric=_s("pág págs p pp núm n no nº art cap vol tel fig"),
        endable=_s("etc"),
    ),
    "it": Rules(
        never=_s(
            "sig sigg sig.ra sig.na dott dott.ssa prof avv ing arch geom rag on spett egr gent es cfr ca"
        ),
        numeric=_s("pag pagg n nr art cap vol fig tel"),
        endable=_s("ecc etc"),
    ),
    "pt": Rules(
        never=_s("sr sra srta dr dra prof profa eng arq exmo exma av cf"),
        numeric=_s("pág págs p pp n nº art cap vol fig tel"),
        endable=_s("etc"),
    ),
    "nl": Rules(
        never=_s("dhr mevr mw mr dr prof ir ing drs bijv ca resp zgn"),
        numeric=_s("nr blz art fig tel hfst"),
        endable=_s("enz etc e.d"),
    ),
    "pl": Rules(
        never=_s("np tzn tj prof dr mgr inż ul al św wg zob im gen płk ppłk kpt por"),
        numeric=_s("nr str rys tab art poz"),
        endable=_s("itd itp r"),  # "w 2010 r." (year) usually ends the sentence
    ),
    "ru": Rules(
        never=_s(
            "т.е т.к т.н т.о г гг им ул пр просп пер кв проф акад доц чл.-корр млн млрд тыс руб коп "
            "см напр ок вв"
        ),
        numeric=_s("стр рис табл ч гл ст"),
        endable=_s("т.д т.п др н.э я"),  # я: a word of one letter, not an initial (Это я. Он ушёл.)
        punct=_PUNCT_LOW_QUOTES,
    ),
    "uk": Rules(
        never=_s("т.б т.ч т.зв ім вул рр грн тис млн млрд проф акад доц напр див"),
        numeric=_s("стор рис табл ст"),
        endable=_s("т.д т.п ін н.е я є"),  # я, є: words of one letter, not initials (Так і є. Але ...)
        punct=_PUNCT_LOW_QUOTES,
    ),
    "el": Rules(never=_s("κ κα βλ δηλ"), endable=_s("κλπ κτλ"), punct=_PUNCT_EL),
    "ar": Rules(never=frozenset()),
    "hi": Rules(never=_s("डॉ श्री श्रीमती")),
    "ko": Rules(never=_EN.never, numeric=_EN.numeric, endable=_EN.endable, korean=True),
    # Chinese and Japanese keep the English lists for embedded Latin text ("Dr. Smith说").
    "zh": Rules(never=_EN.never, numeric=_EN.numeric, endable=_EN.endable, cjk=True),
    "ja": Rules(never=_EN.never, numeric=_EN.numeric, endable=_EN.endable, cjk=True, japanese=True),
}
_GENERIC = _EN

SUPPORTED_LANGS: frozenset[str] = frozenset(_RULES)

KO_ENDINGS = frozenset("다요죠까네군나")
# Abbreviations that a lower-case word may follow in any Latin-script language (incl. taxes, ca. drei).
LOWER_ABBREVIATIONS = _s(
    "incl excl dept govt corp approx esp misc min max avg resp ref ibid abbr adj adv sth sb ggf evtl bzw "
    "usw vgl inkl exkl zzgl ca env cf aprox ej pág ecc cfr ss bat pcs qty pkg компл шт доп обл напр прим "
    "мин макс"
)
# Units of measure that some languages' abbreviation lists also hold (French MM. for Messieurs).
UNITS = _s("mm cm dm km mg kg ml cl dl ha kw mw gw kwh min sec мм см км мг кг мл тыс млн млрд")
# Scale words between a figure and its unit: 3 тыс. м., 3 thousand m.
SCALES = _s("thousand thousands million millions billion billions тыс млн млрд тис")


def rules_for(lang: str) -> Rules:
    base = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    return _RULES.get(base, _GENERIC)
