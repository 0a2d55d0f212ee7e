"""Building the gazetteer (:class:`tqcheck.check.gazetteer.Gazetteer`) once: country names from pycountry's
translation catalogues, first-level subdivisions, and the hand tables of :mod:`tqcheck.check.gazetteer_data`."""
from __future__ import annotations

import functools
import gettext
import json
import re
from pathlib import Path
from typing import Any

from .. import lang as language
from .gazetteer import LANGS, Gazetteer, Place
from .gazetteer_data import (CJK_ABBREV, COUNTRY_EXTRA, EN_ADJECTIVES, JA_PAIRS, JA_SINGLE, PLACES, SUBDIV_COUNTRIES,
                             SUBDIV_EN, SUBDIV_FIXED, SUBDIV_LOCAL, SUBDIV_SKIP, SUBDIV_ZH_EXTRA, ZH_IGNORE,
                             ZH_PAIR_TAIL, ZH_PAIRS_ALWAYS, ZH_SINGLE, ZH_SINGLE_OK, split)

def _catalogues() -> dict[str, str]:
    """pycountry's catalogue of each language the gazetteer names places in (its module's ``place_locale``)."""
    return {lang: language.get(lang).place_locale for lang in LANGS if language.get(lang).place_locale}


def _latin(lang: str) -> bool:
    """Latin-script languages keep most foreign place names as they are (Texas, Kentucky)."""
    return language.get(lang).script == "Latn"


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shared gazetteer, built once on first use (about a tenth of a second, most of it opening
    pycountry's databases and catalogues) and kept as a prepared copy (:mod:`tqcheck.prepared`), a JSON
    file that later runs open in a tenth of that. The copy is named after what the gazetteer is built from:
    pycountry's files, the hand tables and the language modules."""
    import importlib.util

    from .. import lang as language_package
    from ..prepared import prepared

    spec = importlib.util.find_spec("pycountry")  # its files, without importing it (a fifteenth of a second)
    if spec is None or spec.origin is None:
        return build_gazetteer()  # raises the ImportError a missing dependency should
    library, here = Path(spec.origin).parent, Path(__file__).parent
    sources = [library / "__init__.py", library / "databases" / "iso3166-1.json",
               library / "databases" / "iso3166-2.json", here / "gazetteer_build.py", here / "gazetteer_data.py",
               *sorted(Path(language_package.__file__).parent.glob("*.py"))]

    def build(folder: Path) -> None:
        (folder / "gazetteer.json").write_text(json.dumps(_as_data(build_gazetteer()), ensure_ascii=False),
                                               encoding="utf-8")

    folder = prepared("gazetteer", sources, build)
    if folder is not None:
        try:
            return _from_data(json.loads((folder / "gazetteer.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):  # a damaged copy: built here instead
            pass
    return build_gazetteer()


def _as_data(g: Gazetteer) -> dict[str, Any]:
    return {"places": [[p.key, p.kind, p.names, p.related] for p in g.places.values()],
            "adjectives": g.adjectives, "compounds": g.cjk_compounds}


def _from_data(data: dict[str, Any]) -> Gazetteer:
    places = {key: Place(key, kind, {lang: tuple(v) for lang, v in names.items()}, tuple(related))
              for key, kind, names, related in data["places"]}
    adjectives = {lang: {key: tuple(v) for key, v in forms.items()} for lang, forms in data["adjectives"].items()}
    compounds = {lang: {form: tuple(keys) for form, keys in forms.items()} for lang, forms in data["compounds"].items()}
    return Gazetteer(places, adjectives, compounds)


def build_gazetteer() -> Gazetteer:
    """The gazetteer from pycountry's translation catalogues and the hand tables."""
    import pycountry

    names: dict[str, dict[str, list[str]]] = {}
    kinds: dict[str, str] = {}
    related: dict[str, list[str]] = {}

    def add(key: str, lang: str, *values: str) -> None:
        bucket = names.setdefault(key, {}).setdefault(lang, [])
        for v in values:
            v = v.strip()
            if v and v not in bucket:
                bucket.append(v)

    catalogues = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc], fallback=True)
                  for lang, loc in _catalogues().items()}
    for c in pycountry.countries:
        key = c.alpha_2
        kinds[key] = "country"
        english = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        add(key, "en", *(n for n in english if n and "," not in n))
        for lang, cat in catalogues.items():
            for n in english:
                if n:
                    t = cat.gettext(n)
                    if t != n or _latin(lang):
                        if "," not in t and "(" not in t:
                            add(key, lang, t)
    for line in COUNTRY_EXTRA.strip().splitlines():
        key, *cols = line.split("|")
        for lang, col in zip(LANGS, cols):
            extra = list(split(col))
            rest = [n for n in names.get(key, {}).get(lang, []) if n not in extra]
            names.setdefault(key, {})[lang] = list(extra) + rest
    # First-level subdivisions of a few countries news names often.
    sub_cat = {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[loc], fallback=True)
               for lang, loc in _catalogues().items()}
    for cc in SUBDIV_COUNTRIES:
        for s in pycountry.subdivisions.get(country_code=cc) or ():
            if s.code in SUBDIV_SKIP or getattr(s, "parent_code", None):
                continue
            key = s.code
            kinds[key] = "province"
            related[key] = [cc]
            en = SUBDIV_EN.get(s.code)
            base = re.sub(r"\s+(Sheng|Shi|Zizhiqu|SAR|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu)$", "", s.name)
            add(key, "en", *(split(en) if en else ()), base)
            if cc == "CN":
                add(key, "en", base + " Province")
            if cc in SUBDIV_LOCAL:  # pycountry names them in their own language (Rheinland-Pfalz)
                add(key, SUBDIV_LOCAL[cc], s.name)
            for lang, cat in sub_cat.items():
                fixed = SUBDIV_FIXED.get((key, lang))
                if fixed:
                    add(key, lang, *split(fixed))
                    continue
                t = cat.gettext(s.name)
                if t == s.name and not _latin(lang):
                    continue  # (Latin-script languages keep most names as they are: Texas, Kentucky)
                add(key, lang, t)
                forms = language.get(lang).subdivision_forms
                if forms is not None:
                    add(key, lang, *forms(cc, t))  # 广东 for 广东省, 大阪府 for 大阪
            for zh_name in split(SUBDIV_ZH_EXTRA.get(s.code, "")):
                add(key, "zh", zh_name)
    for line in PLACES.strip().splitlines():
        key, kind, *cols = line.split("|")
        rel = cols[7] if len(cols) > 7 else ""
        kinds[key] = kind
        for lang, col in zip(LANGS, cols[:7]):
            add(key, lang, *(split(col) or (split(cols[0]) if _latin(lang) else ())))
        if rel:
            related.setdefault(key, []).extend(split(rel))
    adjectives: dict[str, tuple[str, ...]] = {}
    for part in re.split(r"\|", EN_ADJECTIVES.replace("\n", "|")):
        part = part.strip()
        if not part:
            continue
        key, _, adjs = part.rpartition(":")
        adjectives[key] = split(adjs)
    compounds: dict[str, dict[str, tuple[str, ...]]] = {"zh": {}, "ja": {}}
    zh = CJK_ABBREV["zh"]
    for pair in ZH_PAIRS_ALWAYS:
        compounds["zh"][pair] = (zh[pair[0]], zh[pair[1]])
    for a in zh:
        for b in zh:
            if a != b:
                for tail in ZH_PAIR_TAIL:
                    compounds["zh"].setdefault(a + b + tail, (zh[a], zh[b]))
    for letter, allowed in ZH_SINGLE_OK.items():
        for suffix in ZH_SINGLE["suffix"]:
            if suffix in allowed:
                compounds["zh"][letter + suffix] = (zh[letter],)
        if "prefix" in allowed:
            for prefix in ZH_SINGLE["prefix"]:
                compounds["zh"][prefix + letter] = (zh[letter],)
    for word in ZH_IGNORE:
        compounds["zh"][word] = ()
    compounds["zh"]["我国"] = ("CN",)
    for form, keys in (("港澳", ("HK", "MO")), ("澳港", ("MO", "HK")), ("港澳台", ("HK", "MO", "TW")),
                       ("来澳", ("MO",)), ("赴澳", ("MO",)), ("在澳", ("MO",)), ("中国台湾", ("TW",)),
                       ("中国香港", ("HK",)), ("中国澳门", ("MO",))):
        compounds["zh"][form] = keys
    ja = CJK_ABBREV["ja"]
    for pair in JA_PAIRS:
        compounds["ja"][pair] = tuple(dict.fromkeys(ja[c] for c in pair))
    for word in JA_SINGLE:
        letter = next(c for c in word if c in ja and not (word.startswith(("訪", "来", "在", "駐", "対")) and c == word[0]))
        compounds["ja"][word] = (ja[letter],)
    places = {
        key: Place(key, kinds.get(key, "country"), {lang: tuple(v) for lang, v in langs.items()},
                   tuple(related.get(key, ())))
        for key, langs in names.items()
    }
    return Gazetteer(places, {"en": adjectives}, compounds)  # English writes them; the others have none here
