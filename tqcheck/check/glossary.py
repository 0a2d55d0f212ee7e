"""Load user term glossaries (TSV, CSV or TBX) into ``source term -> accepted target terms``.

TSV/CSV have a header row ``source, target[, note]``; several rows with one source term add
alternatives. TBX is read with ``defusedxml`` when it is installed, and entity declarations are
refused either way, so a glossary can never make the parser expand or fetch anything.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Sequence
from xml.etree import ElementTree

from .. import lang as language
from ..errors import InputError

try:  # pragma: no cover - exercised when installed
    from defusedxml import ElementTree as _SafeET  # type: ignore[import-untyped]
    from defusedxml.common import DefusedXmlException  # type: ignore[import-untyped]
except ImportError:  # pragma: no cover
    _SafeET = None
    DefusedXmlException = ValueError  # type: ignore[assignment,misc]


class Glossary(dict[str, tuple[str, ...]]):
    """``source term -> accepted target terms``, with an index of its terms built on first use."""

    @cached_property
    def index(self) -> "TermIndex":
        return TermIndex(self)


#: Limits that keep a glossary a glossary: a term is a name or a phrase, not a paragraph.
MAX_TERM_CHARS = 1_000
MAX_TERMS = 1_000_000
MAX_GLOSSARY_BYTES = 64 * 1024 * 1024

#: Header names accepted for the two columns (first match wins), lower-cased.
SOURCE_HEADERS = ("source", "src", "term", "source term")
TARGET_HEADERS = ("target", "tgt", "translation", "target term")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DECL = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def load_glossary(path: str | Path, src_lang: str | None = None, tgt_lang: str | None = None) -> Glossary:
    """Read one glossary file. ``src_lang``/``tgt_lang`` pick the languages of a TBX file (default:
    its source language and the first other one). Raises ``InputError`` naming the file and row."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_GLOSSARY_BYTES + 1)
    except OSError as exc:
        raise InputError(str(path), f"cannot read glossary: {exc.strerror or exc}") from exc
    if len(raw) > MAX_GLOSSARY_BYTES:
        raise InputError(str(path), f"glossary is over {MAX_GLOSSARY_BYTES // 2 ** 20} MB; split it or keep the "
                                    "terms a text can contain")
    suffix = p.suffix.lower()
    if suffix in (".tbx", ".xml") or raw.lstrip().startswith((b"<?xml", b"<martif", b"<tbx")):
        return _load_tbx(str(path), raw, src_lang, tgt_lang)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"glossary is not UTF-8 (byte {exc.start}); save it as UTF-8") from exc
    delimiter = "," if suffix == ".csv" else "\t"
    if suffix not in (".csv", ".tsv", ".txt") and "\t" not in text.split("\n", 1)[0]:
        delimiter = ","
    return _load_table(str(path), text, delimiter)


def _add(out: dict[str, list[str]], source: str, target: str) -> None:
    targets = out.setdefault(source, [])
    if target not in targets:
        targets.append(target)


def _freeze(path: str, out: dict[str, list[str]]) -> Glossary:
    if len(out) > MAX_TERMS:
        raise InputError(path, f"{len(out):,} terms, over the limit of {MAX_TERMS:,}")
    return Glossary((k, tuple(v)) for k, v in out.items())


def _check_term(path: str, term: str, line: int | None) -> None:
    if len(term) > MAX_TERM_CHARS:
        where = f"row {line}: " if line is not None else ""
        raise InputError(path, f"{where}a term of {len(term):,} characters, over the limit of {MAX_TERM_CHARS:,} "
                               "(is a delimiter or a quote missing?)", line=line)


def _load_table(path: str, text: str, delimiter: str) -> Glossary:
    kind = "CSV" if delimiter == "," else "TSV"
    lines = text.splitlines()
    if delimiter == ",":
        rows = csv.reader(io.StringIO(text), delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
    else:  # a quote inside a TSV cell is a character of the term
        rows = csv.reader(io.StringIO(text), delimiter=delimiter, quoting=csv.QUOTE_NONE)
    out: dict[str, list[str]] = {}
    header_seen = False
    src_col = tgt_col = 0
    for row in _rows(path, rows):
        line = rows.line_num
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if not header_seen:
            names = [c.lower() for c in cells]
            src_col = next((names.index(h) for h in SOURCE_HEADERS if h in names), -1)
            tgt_col = next((names.index(h) for h in TARGET_HEADERS if h in names), -1)
            if src_col < 0 or tgt_col < 0:
                raise InputError(
                    path,
                    f"row {line}: the first row must be a header naming the columns "
                    f"'source' and 'target' ({kind}, got {row!r})",
                    line=line,
                )
            header_seen = True
            continue
        if len(cells) <= max(src_col, tgt_col):
            got = lines[line - 1] if line - 1 < len(lines) else delimiter.join(row)
            raise InputError(
                path,
                f"row {line}: expected a source and a target term separated by "
                f"{'a comma' if delimiter == ',' else 'a tab'}, got {got!r}",
                line=line,
            )
        source, target = cells[src_col], cells[tgt_col]
        if not source or not target:
            which = "source" if not source else "target"
            raise InputError(path, f"row {line}: empty {which} term", line=line)
        _check_term(path, source, line)
        _check_term(path, target, line)
        _add(out, source, target)
    if not header_seen:
        raise InputError(path, "glossary is empty: expected a header 'source<TAB>target' and rows")
    return _freeze(path, out)


def _rows(path: str, rows: Any) -> Iterable[list[str]]:
    """The csv reader's rows; its own errors (a field over its size limit, a NUL byte) name the row."""
    while True:
        line = rows.line_num + 1  # where the next row starts (a quoted cell may run over many lines)
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            problem = str(exc)
            if "field limit" in problem:
                problem = (f"a cell of more than {csv.field_size_limit():,} characters; a term has at most "
                           f"{MAX_TERM_CHARS:,}")
            raise InputError(path, f"row {line}: {problem} (is a quote left open?)", line=line) from None
        yield row


def _parse_xml(path: str, raw: bytes) -> ElementTree.Element:
    if _DECL.search(raw) and (_SafeET is None or re.search(rb"<!\s*ENTITY", raw, re.IGNORECASE)):
        # Without defusedxml any declaration is refused; with it, entity declarations still are.
        raise InputError(path, "TBX with a DOCTYPE/ENTITY declaration refused: remove the declaration "
                               "(tqcheck never expands or fetches entities)")
    try:
        if _SafeET is not None:
            return _SafeET.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        return ElementTree.fromstring(raw)
    except DefusedXmlException as exc:
        raise InputError(path, f"TBX refused: {exc}") from exc
    except ElementTree.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise InputError(path, f"not well-formed XML: {exc}", line=line) from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(elem: ElementTree.Element, *names: str) -> Iterable[ElementTree.Element]:
    return (c for c in elem.iter() if _local(c.tag) in names)


def _norm_lang(code: str | None) -> str:
    return (code or "").replace("_", "-").split("-")[0].lower()


def _load_tbx(path: str, raw: bytes, src_lang: str | None, tgt_lang: str | None) -> Glossary:
    root = _parse_xml(path, raw)
    default_src = _norm_lang(root.get(_XML_LANG))
    entries: list[dict[str, list[str]]] = []
    for n, entry in enumerate(_children(root, "termEntry", "conceptEntry"), start=1):
        by_lang: dict[str, list[str]] = {}
        for lang_set in (c for c in entry if _local(c.tag) == "langSet"):
            lang = _norm_lang(lang_set.get(_XML_LANG) or lang_set.get("lang"))
            if not lang:
                raise InputError(path, f"termEntry {n}: a langSet without xml:lang")
            for term in _children(lang_set, "term"):
                value = "".join(term.itertext()).strip()
                _check_term(path, value, None)
                if value:
                    by_lang.setdefault(lang, []).append(value)
        if not by_lang:
            raise InputError(path, f"termEntry {n}: no term")
        entries.append(by_lang)
    if not entries:
        raise InputError(path, "TBX has no termEntry")
    langs = [lang for e in entries for lang in e]
    src = _norm_lang(src_lang) or default_src or langs[0]
    tgt = _norm_lang(tgt_lang) or next((lang for lang in langs if lang != src), "")
    out: dict[str, list[str]] = {}
    for by_lang in entries:
        for source in by_lang.get(src, ()):
            for target in by_lang.get(tgt, ()):
                _add(out, source, target)
    return _freeze(path, out)


# -- finding terms in text --------------------------------------------------------------------------


def find_term(text: str, term: str, lang: str) -> list[tuple[int, int]]:
    """Where ``term`` occurs in ``text`` as a glossary match: anywhere in Chinese and Japanese; on word
    boundaries elsewhere, with up to three letters of inflection in Russian (case-sensitive) and an
    optional possessive 's in other languages (case-insensitive): the language's ``term_ending`` and
    ``terms_keep_case``."""
    if language.get(lang).unspaced:
        return [(m.start(), m.end()) for m in re.finditer(re.escape(term), text)]
    return [(m.start(), m.end()) for m in _term_pattern(term, lang).finditer(text)]


def _term_pattern(term: str, lang: str) -> re.Pattern[str]:
    words = language.get(lang)
    flags = 0 if words.terms_keep_case else re.IGNORECASE
    return re.compile(r"(?<!\w)" + re.escape(term) + words.term_ending + r"(?!\w)", flags)


#: Letters the regular expressions' case-blind matching takes as one (ı, İ and i; ſ and s; ς and σ ...).
_SRE_FOLD = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "µ": "μ", "ς": "σ", "ϐ": "β", "ϵ": "ε", "ϑ": "θ",
                           "\u0345": "ι", "ϰ": "κ", "ϖ": "π", "ϱ": "ρ", "ϕ": "φ"})


def _fold(text: str) -> str:
    """Lower case as ``re.IGNORECASE`` compares letters, keeping every offset (a character whose lower
    case is longer is kept as is, then folded by the table)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.translate(_SRE_FOLD)


class TermIndex:
    """A glossary's source and target terms indexed by their first characters, so that finding every
    term of a 50,000-term glossary in a sentence costs a few dictionary look-ups per character of the
    sentence instead of one search per term. Matches are exactly ``find_term``'s: the index proposes
    the candidates, ``find_term``'s pattern confirms each one."""

    def __init__(self, glossary: Mapping[str, tuple[str, ...]]) -> None:
        self.glossary = glossary
        #: source terms longest first, as the glossary check claims them
        self.by_length = {term: i for i, term in enumerate(sorted(glossary, key=len, reverse=True))}
        #: (term, target) pairs in glossary order, per target term; and a target term's source terms
        self.pairs: dict[str, list[tuple[int, str]]] = {}
        self.sources: dict[str, list[str]] = {}
        n = 0
        for term, targets in glossary.items():
            for t in targets:
                self.pairs.setdefault(t, []).append((n, term))
                n += 1
                if term not in self.sources.setdefault(t, []):
                    self.sources[t].append(term)
        self._prefixes: dict[tuple[str, bool], list[dict[str, list[tuple[str, str]]]]] = {}

    def find(self, text: str, lang: str, side: str) -> dict[str, list[tuple[int, int]]]:
        """``find_term(text, term, lang)`` for every term of ``side`` ("source" or "target") that occurs."""
        words = language.get(lang)
        folded = not words.unspaced and not words.terms_keep_case
        by_prefix = self._index(side, folded)
        haystack = _fold(text) if folded else text
        spaced = not words.unspaced
        starts: dict[str, list[int]] = {}
        for i in range(len(haystack)):
            if spaced and i and (haystack[i - 1].isalnum() or haystack[i - 1] == "_"):
                continue  # a term starts on a word boundary: (?<!\w)
            for k, table in enumerate(by_prefix, start=1):
                for needle, term in table.get(haystack[i:i + k], ()):
                    if haystack.startswith(needle, i):
                        starts.setdefault(term, []).append(i)
        found: dict[str, list[tuple[int, int]]] = {}
        for term, positions in starts.items():
            spans = self._confirm(text, term, lang, positions)
            if spans:
                found[term] = spans
        return found

    @staticmethod
    def _confirm(text: str, term: str, lang: str, positions: list[int]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        last = 0
        pattern = None if language.get(lang).unspaced else _term_pattern(term, lang)
        for start in positions:
            if start < last:  # overlapping occurrences: finditer takes the first
                continue
            if pattern is None:
                end = start + len(term)
            else:
                m = pattern.match(text, start)
                if m is None:
                    continue
                end = m.end()
            spans.append((start, end))
            last = end
        return spans

    def _index(self, side: str, folded: bool) -> list[dict[str, list[tuple[str, str]]]]:
        """Per prefix length 1.._PREFIX: prefix -> (needle, term) of the terms that start with it."""
        key = (side, folded)
        if key not in self._prefixes:
            tables: list[dict[str, list[tuple[str, str]]]] = [{} for _ in range(_PREFIX)]
            for term in (self.by_length if side == "source" else self.pairs):
                needle = _fold(term) if folded else term
                if needle:
                    k = min(len(needle), _PREFIX)
                    tables[k - 1].setdefault(needle[:k], []).append((needle, term))
            self._prefixes[key] = tables
        return self._prefixes[key]


#: Terms are indexed by up to this many first characters (two CJK characters, a short word).
_PREFIX = 2


def term_index(glossary: Mapping[str, tuple[str, ...]]) -> TermIndex:
    """The glossary's index: built once for a ``Glossary``, per call for any other mapping."""
    return glossary.index if isinstance(glossary, Glossary) else TermIndex(glossary)


def load_glossaries(paths: Sequence[str]) -> Mapping[str, tuple[str, ...]]:
    """Merge glossary files; a term in several files accepts every translation they give."""
    if not paths:
        return {}
    merged = Glossary()
    for path in paths:
        for term, targets in load_glossary(path).items():
            merged[term] = tuple(dict.fromkeys(merged.get(term, ()) + tuple(targets)))
    return merged
