"""Load user term glossaries (TSV, CSV or TBX) into ``source term -> accepted target terms``.

TSV/CSV have a header row ``source, target[, note]``; several rows with one source term add
alternatives. TBX is read with ``defusedxml`` when it is installed, and entity declarations are
refused either way, so a glossary can never make the parser expand or fetch anything.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Iterable
from xml.etree import ElementTree

from ..errors import InputError

try:  # pragma: no cover - exercised when installed
    from defusedxml import ElementTree as _SafeET  # type: ignore[import-untyped]
    from defusedxml.common import DefusedXmlException  # type: ignore[import-untyped]
except ImportError:  # pragma: no cover
    _SafeET = None
    DefusedXmlException = ValueError  # type: ignore[assignment,misc]

Glossary = dict[str, tuple[str, ...]]

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
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read glossary: {exc.strerror or exc}") from exc
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


def _freeze(out: dict[str, list[str]]) -> Glossary:
    return {k: tuple(v) for k, v in out.items()}


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
    for row in rows:
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
        _add(out, source, target)
    if not header_seen:
        raise InputError(path, "glossary is empty: expected a header 'source<TAB>target' and rows")
    return _freeze(out)


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
    return _freeze(out)
