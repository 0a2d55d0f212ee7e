"""The four kinds of audit input, each read as a stream of :class:`Job` (one per document pair).

- a directory of pairs named by a pattern (default ``{name}.{lang}.txt``: ``kuril.zh.txt`` + ``kuril.en.txt``);
- a manifest, CSV or JSONL, one row per pair: ``source_path``, ``translation_path``, optional ``id``,
  ``src_lang``, ``tgt_lang`` (paths relative to the manifest's folder, and kept inside it);
- a JSONL feed with the texts inline: ``source``, ``translation``, optional ``id``, ``src_lang``, ``tgt_lang``;
- an original RSS/Atom feed and its translated feed, items paired by guid, then by link (feedparser).

:func:`open_input` validates the whole input first (a bad row is an :class:`InputError` naming the
file and line, before anything is written) and counts the jobs; :meth:`AuditInput.jobs` then reads it
again, lazily, so that memory does not grow with the feed. A document known to be broken before any
work (a feed item with no counterpart, a file linked from outside the folder) is a job carrying its
``error``: it is listed as failed, and the audit goes on.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from ..errors import InputError, UsageError
from ..paths import display_path as printable
from ..read.langid import normalise_lang
from ..read.reader import MAX_INPUT_BYTES

#: The default directory naming convention: NAME.LANG.txt, e.g. kuril.zh.txt + kuril.en.txt.
DEFAULT_PATTERN = "{name}.{lang}.txt"
#: Without --tgt-lang, the translation of a directory pair is the file in this language.
DEFAULT_DIR_TARGET = "en"
MANIFEST_SUFFIXES = (".csv",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Longest document id kept (ids also name files, see :func:`safe_name`).
MAX_ID = 200
_LANG_RE = r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*"


@dataclass(frozen=True)
class Job:
    """One document pair to audit. ``seq`` is its position in the input (outputs keep that order)."""

    seq: int
    id: str
    source_path: str | None = None  # as shown in reports
    target_path: str | None = None
    source_file: str | None = None  # absolute, to read
    target_file: str | None = None
    source_text: str | None = None  # inline JSONL and feeds
    target_text: str | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    error: str | None = None  # broken before any work


@dataclass
class AuditInput:
    """A validated input: its kind, how many jobs it holds, and a way to read them (again)."""

    kind: str  # directory, manifest, jsonl, feed
    path: str
    total: int
    _jobs: Callable[[], Iterator[Job]]
    notes: list[str] = field(default_factory=list)
    fingerprint: dict[str, Any] = field(default_factory=dict)

    def jobs(self) -> Iterator[Job]:
        return self._jobs()


def open_input(path: str, *, translated_feed: str | None = None, pattern: str | None = None,
               allow_outside: bool = False, src_lang: str | None = None, tgt_lang: str | None = None) -> AuditInput:
    """Validate INPUT and tell its kind; raises InputError/UsageError for anything the user must fix."""
    if not os.path.exists(path):
        raise InputError(path, "no such file or directory")
    if translated_feed is not None:
        return _open_feeds(path, translated_feed)
    if pattern is not None and not os.path.isdir(path):
        raise UsageError(f"--pattern applies to a directory INPUT; {path} is a file")
    if os.path.isdir(path):
        return _open_directory(path, pattern or DEFAULT_PATTERN, allow_outside, src_lang, tgt_lang)
    lower = path.lower()
    if lower.endswith(MANIFEST_SUFFIXES):
        return _open_rows(path, "manifest", allow_outside)
    if lower.endswith(JSONL_SUFFIXES):
        return _open_rows(path, "jsonl", allow_outside)
    if lower.endswith((".xml", ".rss", ".atom")):
        raise UsageError(f"{path} looks like a feed: pass its translation with --translated-feed FILE")
    raise InputError(path, "cannot tell what kind of input this is: expected a directory of pairs, a manifest "
                     "(.csv or .jsonl), a JSONL feed (.jsonl) or an RSS/Atom feed with --translated-feed")


def safe_name(doc_id: str) -> str:
    """A file name for a document id: letters, digits, ``._-`` kept, the rest ``_``, plus a short hash
    when anything changed (so that two ids never share a name)."""
    import hashlib

    name = re.sub(r"[^A-Za-z0-9._-]", "_", doc_id)[:80].lstrip(".") or "_"
    if name != doc_id:
        name += "-" + hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return name


def _lang(value: Any, path: str, line: int | None, key: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(path, f"{key} must be a language code, not {json.dumps(value)}", line=line)
    try:
        return normalise_lang(value)
    except ValueError as exc:
        raise InputError(path, f"{key}: {exc}", line=line) from None


def _inside(folder: str, target: str) -> bool:
    base = os.path.realpath(folder)
    real = os.path.realpath(target)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


# --- a directory of pairs -----------------------------------------------------------------


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    if pattern.count("{name}") != 1 or pattern.count("{lang}") != 1:
        raise UsageError(f"--pattern {pattern!r} must contain {{name}} and {{lang}} once each, "
                         f"e.g. {DEFAULT_PATTERN!r} or '{{name}}/{{lang}}.txt'")
    out = []
    for piece in re.split(r"(\{name\}|\{lang\})", pattern):
        if piece == "{name}":
            out.append(r"(?P<name>.+?)")
        elif piece == "{lang}":
            out.append(f"(?P<lang>{_LANG_RE})")
        else:
            out.append(re.escape(piece))
    return re.compile("".join(out) + r"\Z")


@dataclass(frozen=True)
class _Planned:
    """One document of a directory NAME: its source language, or the reason it cannot be audited."""

    doc_id: str
    src_lang: str | None = None
    tgt_lang: str | None = None
    error: str | None = None
    shown: str | None = None  # the file named with the error


def _plan(name: str, files: dict[str, str], src_lang: str | None, tgt_lang: str | None) -> list[_Planned]:
    """The documents of one NAME, whose files are ``files`` (language -> relative path): the direction
    comes from what the user said (--src-lang, --tgt-lang; without either, the en file is the translation
    of each of the others), and a NAME that does not fit it is a failed document with the reason."""
    doc = name[:MAX_ID]
    have = ", ".join(printable(files[lang]) for lang in sorted(files))
    if src_lang is None:
        target = tgt_lang or DEFAULT_DIR_TARGET
        sources = sorted(lang for lang in files if lang != target)
        if target not in files:
            why = f"no translation: found {have} but no {target} file"
            if tgt_lang is None:
                why += " (pass --tgt-lang if the translations are not in en)"
            return [_Planned(doc, error=why)]
        if not sources:
            return [_Planned(doc, error=f"no original: found only the {target} file {have}")]
        return [_Planned(doc if len(sources) == 1 else f"{name}.{lang}"[:MAX_ID], lang, target) for lang in sources]
    others = sorted(lang for lang in files if lang != src_lang)
    if tgt_lang is None and len(others) > 1:
        return [_Planned(doc, error=f"cannot tell the translation: found {have}; pass --tgt-lang")]
    chosen = tgt_lang or (others[0] if others else None)
    if src_lang not in files:
        return [_Planned(doc, error=f"no original: found {have} but no {src_lang} file")]
    if chosen is None or chosen not in files:
        return [_Planned(doc, error=f"no translation: found {have} but no {chosen or 'other'} file")]
    out = [_Planned(doc, src_lang, chosen)]
    for lang in others:
        if lang != chosen:
            out.append(_Planned(f"{name}.{lang}"[:MAX_ID], error=(
                f"{printable(files[lang])}: a file in {lang}, neither the original ({src_lang}) nor the "
                f"translation ({chosen}) language of this audit"), shown=files[lang]))
    return out


def _open_directory(root: str, pattern: str, allow_outside: bool, src_lang: str | None,
                    tgt_lang: str | None) -> AuditInput:
    regex = _pattern_regex(pattern)
    groups: dict[str, dict[str, str]] = {}
    skipped = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            rel = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            m = regex.match(rel)
            lang = None
            if m:
                try:
                    lang = normalise_lang(m.group("lang"))
                except ValueError:
                    lang = None
            if m is None or lang is None or name.startswith("."):
                skipped += 1
                continue
            groups.setdefault(printable(m.group("name")), {})[lang] = rel
    names = sorted(groups)
    if not names:
        raise InputError(root, f"no document pairs named like {pattern!r} (e.g. kuril.zh.txt + kuril.en.txt); "
                         "pass --pattern to describe the names")
    total = sum(len(_plan(n, groups[n], src_lang, tgt_lang)) for n in names)
    notes = [f"{root}: {skipped} file(s) not named like {pattern!r} were skipped"] if skipped else []
    if src_lang is None and tgt_lang is None:
        directions = sorted({f"{lang}->{DEFAULT_DIR_TARGET}" for n in names for lang in groups[n]
                             if lang != DEFAULT_DIR_TARGET and DEFAULT_DIR_TARGET in groups[n]})
        if directions:
            notes.append(f"the {DEFAULT_DIR_TARGET} file of each pair is taken as the translation "
                         f"({', '.join(directions[:6])}{', ...' if len(directions) > 6 else ''}); "
                         "pass --src-lang and --tgt-lang to audit the other way")

    def jobs() -> Iterator[Job]:
        seq = 0
        for name in names:
            files = groups[name]
            for planned in _plan(name, files, src_lang, tgt_lang):
                if planned.error is not None or planned.src_lang is None or planned.tgt_lang is None:
                    first = planned.shown or files[sorted(files)[0]]
                    yield Job(seq, planned.doc_id, printable(os.path.join(root, first)), error=planned.error)
                    seq += 1
                    continue
                src, tgt = os.path.join(root, files[planned.src_lang]), os.path.join(root, files[planned.tgt_lang])
                error = None
                for path in (src, tgt):
                    if not allow_outside and not _inside(root, path):
                        error = f"{printable(path)} links to a file outside {root}; pass --allow-outside to allow it"
                yield Job(seq, planned.doc_id, printable(src), printable(tgt), os.path.abspath(src),
                          os.path.abspath(tgt), src_lang=planned.src_lang, tgt_lang=planned.tgt_lang, error=error)
                seq += 1

    fingerprint = {"kind": "directory", "input": printable(os.path.abspath(root)), "pattern": pattern,
                   "documents": total}
    return AuditInput("directory", root, total, jobs, notes, fingerprint)


# --- manifests and inline JSONL feeds -------------------------------------------------------


def _csv_rows(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None:
                raise InputError(path, "the manifest is empty; its first line must name the columns "
                                 "(source_path,translation_path[,id,src_lang,tgt_lang])", line=1)
            header = [h.strip() for h in header]
            missing = [c for c in ("source_path", "translation_path") if c not in header]
            if missing:
                raise InputError(path, f"missing column {', '.join(missing)} (the columns are: {', '.join(header)})", line=1)
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    raise InputError(path, f"{len(cells)} cells where the header has {len(header)} columns",
                                     line=reader.line_num)
                yield reader.line_num, dict(zip(header, cells))
    except UnicodeDecodeError as exc:
        raise InputError(path, f"the manifest is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except csv.Error as exc:
        raise InputError(path, f"not a readable CSV file: {exc}") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def _jsonl_rows(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with open(path, "rb") as fh:
            for k, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    row = json.loads(raw)
                except UnicodeDecodeError:
                    raise InputError(path, "not UTF-8 text", line=k) from None
                except json.JSONDecodeError as exc:
                    raise InputError(path, f"bad JSON: {exc.msg} at column {exc.colno}", line=k) from None
                if not isinstance(row, dict):
                    raise InputError(path, f"each line must be a JSON object, not {type(row).__name__}", line=k)
                yield k, row
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def _row_job(path: str, kind: str, line: int, row: dict[str, Any], seq: int, allow_outside: bool) -> Job:
    """A row as a job: paths (manifest) or texts (inline); every problem names the file and line."""
    doc_id = row.get("id")
    if doc_id in (None, ""):
        doc_id = f"line-{line}"
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        raise InputError(path, f"id must be a string or a number, not {json.dumps(doc_id)}", line=line)
    doc_id = printable(str(doc_id).strip())
    if len(doc_id) > MAX_ID:
        raise InputError(path, f"id of {len(doc_id)} characters, over the limit of {MAX_ID}", line=line)
    src_lang = _lang(row.get("src_lang"), path, line, "src_lang")
    tgt_lang = _lang(row.get("tgt_lang"), path, line, "tgt_lang")
    texts = "source" in row or "translation" in row
    paths = "source_path" in row or "translation_path" in row
    if kind == "jsonl" and texts and paths:
        raise InputError(path, "a row gives either texts (source, translation) or files "
                         "(source_path, translation_path), not both", line=line)
    if kind == "jsonl" and texts:
        for key in ("source", "translation"):
            if key not in row:
                raise InputError(path, f"missing {key!r} (an inline row needs source and translation)", line=line)
            if not isinstance(row[key], str):
                raise InputError(path, f"{key!r} must be a string of text", line=line)
        return Job(seq, doc_id, f"{doc_id}/source", f"{doc_id}/translation", source_text=row["source"],
                   target_text=row["translation"], src_lang=src_lang, tgt_lang=tgt_lang)
    if not paths:
        need = "source_path and translation_path" if kind == "manifest" else \
            "source and translation (texts) or source_path and translation_path (files)"
        raise InputError(path, f"missing {need}", line=line)
    base = os.path.dirname(path)
    shown: list[str] = []
    for key in ("source_path", "translation_path"):
        value = row.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InputError(path, f"missing {key!r}", line=line)
        value = value.strip()
        full = value if os.path.isabs(value) else os.path.join(base, value)
        if not allow_outside and not _inside(base or ".", full):
            raise InputError(path, f"{key} {value!r} is outside the manifest's folder "
                             f"{os.path.abspath(base or '.')}; pass --allow-outside to allow it", line=line)
        shown.append(os.path.normpath(full))
    return Job(seq, doc_id, printable(shown[0]), printable(shown[1]), os.path.abspath(shown[0]),
               os.path.abspath(shown[1]), src_lang=src_lang, tgt_lang=tgt_lang)


def _open_rows(path: str, kind: str, allow_outside: bool) -> AuditInput:
    if os.path.isdir(path):
        raise InputError(path, "is a directory")
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    reader = _csv_rows if kind == "manifest" else _jsonl_rows
    seen: dict[str, int] = {}
    inline = files = 0
    for seq, (line, row) in enumerate(reader(path)):
        job = _row_job(path, kind, line, row, seq, allow_outside)
        if job.id in seen:
            raise InputError(path, f"duplicate id {job.id!r} (first on line {seen[job.id]}); ids must be unique",
                             line=line)
        seen[job.id] = line
        inline += job.source_text is not None
        files += job.source_text is None
    if not seen:
        raise InputError(path, "no documents: the file has no rows")
    total = len(seen)
    del seen

    def jobs() -> Iterator[Job]:
        for seq, (line, row) in enumerate(reader(path)):
            yield _row_job(path, kind, line, row, seq, allow_outside)

    kind = "jsonl" if kind == "jsonl" and inline and not files else "manifest"
    st = os.stat(path)
    fingerprint = {"kind": kind, "input": printable(os.path.abspath(path)), "size": size, "mtime_ns": st.st_mtime_ns,
                   "documents": total}
    return AuditInput(kind, path, total, jobs, [], fingerprint)


# --- RSS/Atom feeds -------------------------------------------------------------------------


def _parse_feed(path: str) -> Any:
    try:
        import feedparser  # type: ignore[import-untyped]
    except ImportError:
        raise UsageError("RSS/Atom feeds need feedparser: pip install 'tqcheck[audit]'") from None
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(path, f"over {MAX_INPUT_BYTES // (1024 * 1024)} MB; split the feed")
    # Bytes, never a URL or file name: feedparser then parses what it is given and fetches nothing.
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = f": {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
        raise InputError(path, f"not an RSS/Atom feed with items{why}")
    return parsed


def _feed_text(entry: Any) -> str:
    from .htmltext import html_to_text

    body = ""
    if entry.get("content"):
        body = "\n\n".join(c.get("value", "") for c in entry["content"])
    elif entry.get("summary"):
        body = entry["summary"]
    title = html_to_text(entry.get("title", ""))
    text = html_to_text(body)
    return "\n\n".join(t for t in (title, text) if t.strip())


def _feed_lang(parsed: Any) -> str | None:
    try:
        return normalise_lang(parsed.feed.get("language", "")) if parsed.feed.get("language") else None
    except ValueError:
        return None


def _open_feeds(original: str, translated: str) -> AuditInput:
    for p in (original, translated):
        if not os.path.isfile(p):
            raise InputError(p, "no such file" if not os.path.exists(p) else "not a file")
    # Feeds are read whole (feedparser has no streaming mode; a feed file is at most 64 MB), and once
    # more to count the pairs, which also validates both before anything is written.

    def jobs() -> Iterator[Job]:
        orig, trans = _parse_feed(original), _parse_feed(translated)
        src_lang, tgt_lang = _feed_lang(orig), _feed_lang(trans)
        by_guid: dict[str, int] = {}
        by_link: dict[str, int] = {}
        for k, e in enumerate(trans.entries):
            if e.get("id"):
                by_guid.setdefault(e["id"], k)
            if e.get("link"):
                by_link.setdefault(e["link"], k)
        used: set[int] = set()
        ids: set[str] = set()

        def unique(doc_id: str) -> str:
            doc_id = printable(doc_id)[:MAX_ID]
            base, n = doc_id, 2
            while doc_id in ids:
                doc_id, n = f"{base}~{n}", n + 1
            ids.add(doc_id)
            return doc_id

        seq = 0
        for k, e in enumerate(orig.entries):
            guid, link = e.get("id"), e.get("link")
            doc_id = unique(guid or link or f"item-{k + 1}")
            match = by_guid.get(guid) if guid else None
            if match is None and link:
                match = by_link.get(link)
            if match is None or match in used:
                yield Job(seq, doc_id, f"{original}#{k + 1}", error=(
                    f"item {k + 1} of {original} (guid {guid!r}, link {link!r}) has no counterpart in {translated}"))
            else:
                used.add(match)
                yield Job(seq, doc_id, f"{original}#{k + 1}", f"{translated}#{match + 1}",
                          source_text=_feed_text(e), target_text=_feed_text(trans.entries[match]),
                          src_lang=src_lang, tgt_lang=tgt_lang)
            seq += 1
        for k, e in enumerate(trans.entries):
            if k not in used:
                guid, link = e.get("id"), e.get("link")
                yield Job(seq, unique(guid or link or f"translated-item-{k + 1}"), None, f"{translated}#{k + 1}",
                          error=(f"item {k + 1} of {translated} (guid {guid!r}, link {link!r}) has no original "
                                 f"in {original}"))
                seq += 1

    total = sum(1 for _ in jobs())
    fingerprint = {"kind": "feed", "input": printable(os.path.abspath(original)),
                   "translated": printable(os.path.abspath(translated)),
                   "size": [os.path.getsize(original), os.path.getsize(translated)], "documents": total}
    return AuditInput("feed", original, total, jobs, [], fingerprint)
