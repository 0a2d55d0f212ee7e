"""Romanise names from Chinese, Japanese and Russian and compare them with Latin-script names.

Two views of a romanised name: ``fold`` (lower-case ASCII with spelling variants merged, for names
written the same way in both scripts: Andrei/Andrey, Ken'ichi/Kenichi) and ``skeleton`` (a string
of consonant classes, for names that a script re-spells: 特鲁特涅夫 te-lu-te-nie-fu ~ Trutnev).
The romanisers (pypinyin's table of readings, pykakasi) are loaded on first use.
"""
from __future__ import annotations

import functools
import json
import operator
import os
import pickle
import re
import sqlite3
import threading
import unicodedata
from pathlib import Path
from typing import Any, Iterable

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u30fc]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# --- folding ---------------------------------------------------------------------------------

_FOLD_STEPS = (
    ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("zh", "j"), ("kh", "h"),
    ("ph", "f"), ("ck", "k"), ("tz", "ts"), ("w", "v"), ("y", "i"), ("ie", "e"), ("ou", "o"),
    ("oo", "o"), ("uu", "u"), ("ee", "e"), ("ii", "i"), ("ei", "e"), ("j", "i"),
)


@functools.lru_cache(maxsize=65536)
def ascii_fold(text: str) -> str:
    """Lower-case letters without diacritics (é -> e, ё -> ё is untouched: Latin only)."""
    if text.isascii():
        return text.lower()  # NFKD leaves ASCII as it is, and it has no combining mark
    decomposed = unicodedata.normalize("NFKD", text.lower())
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("ł", "l").replace("đ", "d")


_NOT_AZ = re.compile(r"[^a-z]")
_REPEATS = re.compile(r"(.)\1+")
#: What a run of one character becomes: the character (a template, r"\1", is read by a Python function of the
#: regex module at every call).
_ONE_OF_RUN = operator.itemgetter(1)


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A spelling-tolerant key: Andrei = Andrey = Andrej, Ken'ichi = Kenichi, Satou = Sato."""
    s = ascii_fold(name)
    if not s.isalpha() or not s.isascii() or not s.islower():  # (else only a-z: nothing to drop)
        s = _NOT_AZ.sub("", s)
    for a, b in _FOLD_STEPS:
        if a in s:
            s = s.replace(a, b)
    return _REPEATS.sub(_ONE_OF_RUN, s)


# --- consonant skeletons ----------------------------------------------------------------------

_VOWELS = set("aeiouy")
_LATIN_DIGRAPHS = (
    ("tsch", "S"), ("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"), ("zh", "S"), ("ts", "S"),
    ("tz", "S"), ("dz", "S"), ("ph", "F"), ("th", "T"), ("kh", "F"), ("gh", "K"), ("ck", "K"),
    ("qu", "K"), ("ng", "N"), ("x", "KS"),
)
#: _LATIN_DIGRAPHS by their first letter, each list in the order of _LATIN_DIGRAPHS.
_DIGRAPHS_BY_FIRST: dict[str, tuple[tuple[str, str], ...]] = {
    c: tuple(d for d in _LATIN_DIGRAPHS if d[0][0] == c) for c in {dg[0] for dg, _ in _LATIN_DIGRAPHS}}
_LATIN_CLASS = {
    "b": "P", "p": "P", "d": "T", "t": "T", "g": "K", "k": "K", "q": "K", "s": "S", "z": "S",
    "j": "S", "f": "F", "v": "F", "w": "F", "h": "F", "l": "L", "r": "L", "m": "N", "n": "N",
}


@functools.lru_cache(maxsize=65536)
def latin_skeleton(word: str, keep_r: bool = False) -> str:
    """Consonant classes of a Latin-script name: Trutnev -> TLTNF, Lavrov -> LFLF, Houston -> FSTN.

    Classes merge what Chinese and Japanese transliteration merge: b/p, d/t, g/k, the sibilants,
    f/v/w/h, l/r, m/n. A post-vocalic r before a consonant (Parly, Duisburg) and an h or w between
    vowels are dropped, as those scripts drop them.
    """
    w = _NOT_AZ.sub("", ascii_fold(word))
    out: list[str] = []
    i = 0
    n = len(w)
    while i < n:
        c = w[i]
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < n else ""
        for dg, cls in _DIGRAPHS_BY_FIRST.get(c, ()):  # (those of _LATIN_DIGRAPHS that start with c, in order)
            if w.startswith(dg, i):
                out.append(cls)
                i += len(dg)
                break
        else:
            if c in _VOWELS:
                pass
            elif c == "c":
                out.append("S" if nxt in ("e", "i", "y") else "K")
            elif c == "r" and not keep_r and prev in _VOWELS and (not nxt or nxt not in _VOWELS) and i > 1:
                pass
            elif c in "hw" and i and prev in _VOWELS and (not nxt or nxt in _VOWELS):
                pass
            else:
                out.append(_LATIN_CLASS.get(c, ""))
            i += 1
    return _REPEATS.sub(_ONE_OF_RUN, "".join(out))


_PY_INITIALS = (
    ("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("m", "N"), ("f", "F"),
    ("d", "T"), ("t", "T"), ("n", "N"), ("l", "L"), ("g", "K"), ("k", "K"), ("h", "F"),
    ("j", "S"), ("q", "S"), ("x", "S"), ("r", "L"), ("z", "S"), ("c", "S"), ("s", "S"),
    ("y", ""), ("w", "F"),
)


@functools.lru_cache(maxsize=4096)
def pinyin_skeleton(syllable: str) -> str:
    """Consonant classes of one toneless pinyin syllable: fu -> F, lang -> LN, er -> L, wu -> ''."""
    s = syllable.lower()
    if s in ("er", "r"):
        return "L"
    if s in ("wu", "yi", "yu", "ya", "ye", "you", "yao", "e", "a", "o", "ou", "ai", "ao"):
        return ""
    head = ""
    for ini, cls in _PY_INITIALS:
        if s.startswith(ini):
            head = cls
            s = s[len(ini):]
            break
    tail = "N" if s.endswith(("n", "ng")) else ""
    return head + tail


#: A g before e, i or y that English may say soft (Rogers ロジャース, George ジョージ).
_SOFT_G = re.compile(r"g(?=[eiy])")


@functools.lru_cache(maxsize=65536)
def latin_skeletons(word: str) -> tuple[str, ...]:
    """The skeleton with a post-vocalic r dropped (Parly ~ 帕利) and kept (Sergei ~ 谢尔盖), and with a g
    before e, i or y read soft (Rogers ~ ロジャース) as well as hard (Gibson ~ ギブソン)."""
    out = [latin_skeleton(word), latin_skeleton(word, keep_r=True)]
    soft = _SOFT_G.sub("j", word.lower())
    if soft != word.lower():
        out += [latin_skeleton(soft), latin_skeleton(soft, keep_r=True)]
    return tuple(dict.fromkeys(out))


@functools.lru_cache(maxsize=65536)
def any_skeleton_match(word: str, source: str) -> bool:
    return any(skeletons_match(sk, source) for sk in latin_skeletons(word))


_KANA_U_W = re.compile(r"(?:^|(?<=[aeiou]))u(?=[aeio])")
_KANA_U_MUTE = re.compile(r"u(?=[^aeiou]|$)")


@functools.lru_cache(maxsize=65536)
def kana_skeleton(reading: str) -> str:
    """Consonant classes of a Hepburn reading (katakana names: toranpu ~ Trump). An r is kept wherever it
    stands: katakana writes ル, ラ ... only for an l or an r that is pronounced (ゼルダ Zelda, リンメル Rimmel);
    a u before another vowel is a w (uoruto ~ Walt)."""
    # ウォ, ウィ, ウェ write an English w (ウォルト Walt, ウィリアムズ Williams)
    r = _KANA_U_W.sub("w", reading.lower().replace("'", ""))
    r = _KANA_U_MUTE.sub("", r)
    return latin_skeleton(r.replace("tsu", "tu"), keep_r=True)


_NORMALIZED_SIMILARITY: Any = None


def similarity(a: str, b: str) -> float:
    """1 - normalised Levenshtein distance (rapidfuzz's C implementation)."""
    global _NORMALIZED_SIMILARITY
    if _NORMALIZED_SIMILARITY is None:
        from rapidfuzz.distance import Levenshtein

        _NORMALIZED_SIMILARITY = Levenshtein.normalized_similarity
    return float(_NORMALIZED_SIMILARITY(a, b))


@functools.lru_cache(maxsize=65536)
def skeletons_match(target: str, source: str) -> bool:
    """Whether two skeletons are close enough to be one name: short ones must be equal."""
    if not target or not source or abs(len(target) - len(source)) > max(len(target), len(source)) // 3 + 1:
        return False
    if len(target) <= 2 or len(source) <= 2:
        return target == source
    if len(target) == 3 or len(source) == 3:
        return similarity(target, source) >= 0.66 and target[0] == source[0] and abs(len(target) - len(source)) <= 1
    return similarity(target, source) >= 0.75


# --- Chinese ----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _pinyin_table() -> dict[int, str]:
    """pypinyin's readings of each character (code point -> "zhōng,zhòng", the most common first), read
    from its ``pinyin_dict.py`` without importing pypinyin: its import loads a dictionary of phrases (0.4 s)
    that single characters never use."""
    import importlib.util
    from pathlib import Path

    found = importlib.util.find_spec("pypinyin")
    assert found is not None and found.origin is not None, "pypinyin is a dependency"
    path = Path(found.origin).parent / "pinyin_dict.py"
    spec = importlib.util.spec_from_file_location(f"{__name__}._pinyin_dict", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pinyin_dict  # type: ignore[no-any-return]


#: The tone marks of pinyin (macron, acute, caron, grave); the diaeresis of ü and the circumflex of ê stay.
_TONE_MARKS = str.maketrans("", "", "\u0304\u0301\u030c\u0300")


@functools.lru_cache(maxsize=4096)
def _toneless(reading: str) -> str:
    """A reading in pypinyin's NORMAL style: zhōng -> zhong, lǜ -> lv (as ``pypinyin.lazy_pinyin`` gives it).
    (Kept: some 1,500 syllables, with their tones, make the readings of every character.)"""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", reading).translate(_TONE_MARKS)).replace("ü", "v")


@functools.lru_cache(maxsize=32768)
def han_pinyin(char: str) -> str:
    """Toneless pinyin of one character (its most common reading), 'v' for ü; the character itself if
    pypinyin has no reading for it (as ``lazy_pinyin(char)[0]``; the same on every Han character)."""
    if not HAN.match(char):
        return ""
    raw = _pinyin_table().get(ord(char))
    return _toneless(raw.split(",", 1)[0]) if raw else char


@functools.lru_cache(maxsize=32768)
def han_readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of one character, the most common first (重: zhong, chong)."""
    if not HAN.match(char):
        return ()
    raw = _pinyin_table().get(ord(char))
    readings = [_toneless(r) for r in raw.split(",")] if raw else [char]
    return tuple(dict.fromkeys([han_pinyin(char)] + [r for r in readings if r.isascii()]))[:4]


#: Surnames whose name reading differs from the character's common reading.
SURNAME_READINGS = {"单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao",
                    "查": "zha", "盖": "ge", "乐": "yue", "秘": "bi", "召": "shao", "缪": "miao",
                    "长": "chang", "重": "chong", "覃": "qin", "尉": "yu", "万": "wan", "翟": "zhai"}

#: Every toneless pinyin syllable (v for ü, also spelt u), for spotting names written in pinyin.
PINYIN_SYLLABLES = frozenset(
    (
        "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can "
        "cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai "
        "chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei deng "
        "di dia dian diao die ding diu dong dou du duan dui dun duo e en eng er fa fan fang fei fen "
        "feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun "
        "guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia "
        "jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong "
        "kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang "
        "liao lie lin ling liu long lou lu luan lue lun luo lv ma mai man mang mao mei men meng mi "
        "mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei neng ni nian niang niao nie "
        "ning niu nong nou nu nuan nue nun nuo nv ou pa pai pan pang pao pei pen peng pi pian piao "
        "pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran "
        "rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha "
        "shai shan shang shao she shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si "
        "song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu "
        "tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing "
        "xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yong you yu yuan yue yun za zai zan "
        "zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua "
        "zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo "
    ).split()
)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, written as their tree of shared beginnings (a, ai, an,
    ang: ``a(?:i|ng?)?``) so that the engine tries a letter once for all the words it starts."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + pattern(node[c]) for c in sorted(node) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return pattern(tree)


#: One pinyin syllable or more, as many as make the whole word: the regular expression engine tries every way
#: of cutting a word into syllables until one fits (a word of 24 letters at most has few).
_PINYIN_WORD = re.compile(f"(?:{_trie_pattern(PINYIN_SYLLABLES)})+")


@functools.lru_cache(maxsize=65536)
def is_pinyin_word(word: str) -> bool:
    """Whether a word splits into pinyin syllables: Mengqi, Heilongjiang, Xi'an (not Trutnev)."""
    w = ascii_fold(word).replace("'", "").replace("’", "").replace("-", "")
    if not w.isalpha() or len(w) > 24:
        return False
    return _PINYIN_WORD.fullmatch(w) is not None


_ROMAJI = re.compile(r"(?:(?:sh|ch|ts|[kgsztdnhbpmrfj])?y?[aeiou]|n(?![aeiouy])|[kstp](?=[kstp]))+")


@functools.lru_cache(maxsize=65536)
def is_romaji(word: str) -> bool:
    """Whether a word can be Hepburn Japanese: Kishida, Fumio, Ken'ichi (not Stanley, Trutnev)."""
    w = ascii_fold(word).replace("'", "").replace("’", "").replace("-", "")
    return len(w) >= 3 and w.isalpha() and _ROMAJI.fullmatch(w) is not None


# --- Japanese ---------------------------------------------------------------------------------

_KAKASI: Any = None


def _kakasi() -> Any:
    global _KAKASI
    if _KAKASI is None:
        import pykakasi
        from pykakasi.kanji import Kanwa

        from .kakasi_fast import speed_up

        # pykakasi reads its whole table of kanji readings (a 10 MB pickle, 0.4 s) for the few
        # characters a document looks up: its Kanwa is a Borg whose shared table, set before the
        # first Kanwa(), is kept; _KanjiReadings reads a character's entries when asked
        state = getattr(Kanwa, "_shared_state", None)
        if isinstance(state, dict) and state.get("_jisyo_table") is None:
            state["_jisyo_table"] = _KanjiReadings.open()
        _KAKASI = speed_up(pykakasi.kakasi())  # same words and readings, found faster
    return _KAKASI


def read_all_readings() -> None:
    """Read every character's Japanese readings now, as pykakasi itself would at its first use (for a
    benchmark of the checks alone, which times them without their loading)."""
    _kakasi()
    from pykakasi.kanji import Kanwa

    table = Kanwa._shared_state.get("_jisyo_table")
    if isinstance(table, _KanjiReadings):
        table.read_all()


#: The name of the prepared copy of pykakasi's readings (a new name for a new layout: the longest word's length
#: was added, and a copy of the old layout, which another checkout may still read, is left to it).
_KANWA_COPY = "pykakasi-kanwa2"


class _KanjiReadings:
    """pykakasi's table of kanji readings, read one first character at a time from a prepared SQLite copy
    (each character's words and readings as JSON): ``get(code point)`` gives what the pickled table holds,
    ``{word: [(reading, okurigana or None), ...]}``, each pair a list; ``longest(code point)`` the length of its
    longest word, worked out when the copy is made (``kakasi_fast`` tries the words at a kanji longest first, from
    that length down: measuring every word of a character's table, hundreds for 日 or 中, took a third of the
    reading of a Chinese sentence whose characters were new to the process)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._pid = -1
        self._lock = threading.Lock()
        self._rows: dict[int, Any] = {}
        self._longest: dict[int, int] = {}
        self._connection().execute("SELECT cp, longest FROM kanwa LIMIT 1")  # a damaged copy fails here, not in pykakasi

    def _connection(self) -> sqlite3.Connection:
        """This process's connection (a connection must not cross a fork)."""
        if self._pid != os.getpid():
            self._db = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    @staticmethod
    def open() -> Any:
        """The table from its prepared copy, or None (pykakasi then reads its pickle)."""
        import pykakasi

        from ..prepared import prepared

        source = Path(pykakasi.__file__).parent / "data" / "kanwadict4.db"  # pykakasi.properties.Configurations

        def build(folder: Path) -> None:
            with open(source, "rb") as fh:
                table = pickle.load(fh)  # pykakasi's own file, as pykakasi itself reads it
            with sqlite3.connect(folder / "kanwa.sqlite3") as db:
                db.execute("CREATE TABLE kanwa (cp INTEGER PRIMARY KEY, entries TEXT NOT NULL, longest INTEGER NOT NULL)")
                db.executemany("INSERT INTO kanwa VALUES (?, ?, ?)",
                               ((cp, json.dumps(entries, ensure_ascii=False), max(map(len, entries), default=0))
                                for cp, entries in table.items()))
            db.close()

        folder = prepared(_KANWA_COPY, [source], build)
        try:
            return _KanjiReadings(folder / "kanwa.sqlite3") if folder else None
        except sqlite3.Error:
            return None

    def read_all(self) -> None:
        with self._lock:
            for key, entries, longest in self._connection().execute("SELECT cp, entries, longest FROM kanwa"):
                if key not in self._rows:
                    self._rows[key], self._longest[key] = json.loads(entries), longest

    def get(self, key: int, default: Any = None) -> Any:
        with self._lock:
            if key not in self._rows:
                row = self._connection().execute("SELECT entries, longest FROM kanwa WHERE cp = ?", (key,)).fetchone()
                # readings as [reading, okurigana] lists: pykakasi only unpacks them (for yomi, con in v)
                self._rows[key], self._longest[key] = (json.loads(row[0]), row[1]) if row else (None, 0)
            found = self._rows[key]
        return default if found is None else found

    def longest(self, key: int) -> int:
        """The length of the longest word of ``get(key)`` (0 where there is none)."""
        if key not in self._longest:
            self.get(key)
        return self._longest[key]


@functools.lru_cache(maxsize=8192)
def japanese_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, Hepburn reading) for each word pykakasi finds in ``text``."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for item in _kakasi().convert(text):
        orig = item["orig"]
        at = text.find(orig, pos)
        if at < 0:
            continue
        reading = item["hepburn"] or ""
        if reading and (HAN.search(orig) or KANA.search(orig)):
            out.append((at, at + len(orig), reading.lower()))
        pos = at + len(orig)
    return tuple(out)


@functools.lru_cache(maxsize=8192)
def japanese_reading(text: str) -> str:
    """Hepburn reading of a short run: 山本健一 -> yamamoto ken'ichi."""
    return " ".join(r for _, _, r in japanese_tokens(text))


# --- Russian ----------------------------------------------------------------------------------

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}


@functools.lru_cache(maxsize=65536)
def cyrillic_to_latin(word: str) -> str:
    """BGN/PCGN-style romanisation: Андрей Соколов -> Andrey Sokolov, Приозёрной -> Priozyornoy."""
    out = []
    for ch in word:
        low = ch.lower()
        lat = _RU.get(low)
        if lat is None:
            out.append(ch)
        elif ch != low and lat:
            out.append(lat[0].upper() + lat[1:])
        else:
            out.append(lat)
    return "".join(out)


_RU_ENDINGS = ("ого", "ему", "ому", "ыми", "ими", "ами", "ями", "ой", "ей", "ый", "ий", "ая", "яя",
               "ое", "ее", "ые", "ие", "ую", "юю", "ом", "ем", "ым", "им", "ах", "ях", "ам", "ям",
               "а", "я", "у", "ю", "е", "ы", "и", "о", "ь", "й")


@functools.lru_cache(maxsize=65536)
def russian_stem(word: str) -> str:
    """The word without a case ending, kept at three letters or more (Соколова -> Соколов)."""
    low = word.lower()
    for end in _RU_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            return word[: len(word) - len(end)]
    return word
