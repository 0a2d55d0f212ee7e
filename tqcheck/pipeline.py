"""The one place that wires the stages together:
read -> segment -> align -> evidence -> check -> score -> report (docs/architecture.md)."""
from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Callable, Sequence

from ._version import __version__
from . import progress
from .align.document import aligner_signature, align_segments, require_parallel
from .check.glossary import load_glossaries
from .check.location import Locator
from .check.registry import CheckContext
from .check.runner import ForkedChecker, Selection, can_fork, run_checks
from .errors import InputError, ModelError
from .evidence import gather_evidence
from .models.embedders import Embedder, MemoEmbedder, get_embedder
from .options import DEFAULT_EMBEDDER, DEFAULT_MODE, Options
from .processes import free_cores
from .read.langid import document_languages
from .read.reader import DecodedText, decode_bytes, read_text_file
from .result import PairResult, Report
from .score.pairs import document_metrics, metric_signatures, score_pairs
from .score.quality import description as quality_description
from .segment.modes import check_document_size, check_segments, segment_document
from .types import Document, Finding

if TYPE_CHECKING:
    from .cache import DiskCache
    from .models.translators import Translator

Notify = Callable[[str], None]


def compare_files(src_path: str, tgt_path: str, options: Options | None = None, notify: Notify | None = None) -> Report:
    """Compare two files; raises InputError/UsageError/ModelError for anything the user must fix."""
    options = options or Options()
    progress.stage("reading")
    src = read_text_file(src_path, options.src_encoding or options.encoding, options.src_lang)
    tgt = read_text_file(tgt_path, options.tgt_encoding or options.encoding, options.tgt_lang)
    extra = {name: read_text_file(path, enc or options.encoding, lang)
             for name, path, enc, lang in (
                 ("back_translation", options.back_translation, options.src_encoding, options.src_lang),
                 ("reference", options.reference, options.tgt_encoding, options.tgt_lang))
             if path}
    return compare_decoded(src, tgt, options, notify, extra)


def compare(
    source_text: str,
    translation_text: str,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    *,
    mode: str = DEFAULT_MODE,
    embedder: str | None = DEFAULT_EMBEDDER,
    select: Sequence[str] = ("TQ",),
    ignore: Sequence[str] = (),
    translator: str | None = None,
    translate: str = "back",
    back_translation: str | None = None,
    reference: str | None = None,
    cache: bool = True,
) -> Report:
    """Python API: compare a translation with its original, both given as strings.

    ``translator="argos"`` adds a back-translation (``translate="back"``, the default), a forward-translation
    (``"forward"``) or both; ``back_translation`` and ``reference`` are texts (a back-translation of the
    translation, a human reference translation), aligned with the source like the translation is.
    """
    options = Options(src_lang, tgt_lang, mode, embedder, None, tuple(select), tuple(ignore),
                      translator=translator, translate=translate, cache=cache)
    src = decode_bytes(_utf8(source_text, "<source>"), "<source>", "utf-8")
    tgt = decode_bytes(_utf8(translation_text, "<translation>"), "<translation>", "utf-8")
    extra = {name: decode_bytes(_utf8(text, f"<{name}>"), f"<{name}>", "utf-8")
             for name, text in (("back_translation", back_translation), ("reference", reference)) if text}
    return compare_decoded(src, tgt, options, None, extra)


def _utf8(text: str, name: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates, e.g. from a file read with errors="surrogateescape"
        raise InputError(name, f"not valid Unicode: a lone surrogate U+{ord(text[exc.start]):04X} at character "
                         f"{exc.start}; decode the text strictly (or with errors='replace')") from None


def compare_decoded(src: DecodedText, tgt: DecodedText, options: Options, notify: Notify | None = None,
                    extra: dict[str, DecodedText] | None = None) -> Report:
    """Compare texts already read (``tqcheck.read``): what ``compare_files`` and ``compare`` call, and what
    a batch audit calls with texts from a feed. ``extra`` holds a ``back_translation`` and a ``reference``."""
    notes: list[str] = []

    def note(msg: str) -> None:
        notes.append(msg)
        if notify:
            notify(msg)

    extra = extra or {}
    # read
    for doc in (src, tgt, *extra.values()):
        check_document_size(doc.path, doc.text)
    for doc, side in ((src, "src"), (tgt, "tgt")):
        if not doc.confident and doc.alternative:
            note(f"{doc.path}: read as {doc.encoding}, a close call against {doc.alternative}; "
                 f"pass --{side}-encoding if the text looks wrong")
    src_lang, tgt_lang, src_guess, tgt_guess = document_languages(
        (src.path, src.text), (tgt.path, tgt.text), options.src_lang, options.tgt_lang, note)
    # segment
    src_segs = segment_document(src.path, src.text, src_lang, options.mode, note)
    tgt_segs = segment_document(tgt.path, tgt.text, tgt_lang, options.mode, note)
    if options.mode == "aligned":
        require_parallel(src.path, src_segs, tgt.path, tgt_segs)
    check_segments((src.path, src_segs), (tgt.path, tgt_segs))
    source = Document(src.path, src.text, src_lang, src.encoding, src_segs, src_guess.confidence, options.src_lang is None)
    target = Document(tgt.path, tgt.text, tgt_lang, tgt.encoding, tgt_segs, tgt_guess.confidence, options.tgt_lang is None)
    settings = options.config.for_pair(src_lang, tgt_lang)
    selection = Selection(
        options.select or settings.select or ("TQ",),
        options.ignore if options.ignore is not None else settings.ignore or (),
        settings.severity,
    )
    glossary = load_glossaries(settings.glossary + options.glossaries)
    skipped = selection.skipped(src_lang, tgt_lang)
    if skipped:
        reasons: dict[str, list[str]] = {}
        for code, why in skipped.items():
            reasons.setdefault(why, []).append(code)
        note("; ".join(f"{', '.join(codes)} off: {why}" for why, codes in reasons.items()))
    # the checks, in a process of their own that loads what the rules need while this one aligns
    checker = None
    if options.jobs > 1 and can_fork():
        free_cores()  # the cores other work leaves free (the embedder's default threads), seen before the fork
        checker = ForkedChecker(src_segs, tgt_segs, CheckContext(src_lang, tgt_lang, glossary=glossary), selection,
                                options.jobs)
    try:
        # align
        embedder, active, translator = _backends(options, src_lang, tgt_lang, note)
        pairs = align_segments(src_segs, tgt_segs, src_lang, tgt_lang, active, options.mode == "aligned")
        # evidence: the alignment's similarities, and translations (argostranslate, or files the user has)
        evidence = gather_evidence(
            pairs, src_segs, src_lang, tgt_lang, options.mode, sides={k: (d.path, d.text) for k, d in extra.items()},
            translator=translator, directions=options.translate, embedder=embedder, active=active, note=note)
        if isinstance(embedder, MemoEmbedder) and not options.keep_models:
            embedder.release()
        # check
        progress.stage("checking", len(pairs))
        contexts = [CheckContext(src_lang, tgt_lang, ev, glossary) for ev in evidence]
        checked = checker.run(pairs, contexts) if checker else None
    finally:
        if checker:
            checker.close()
    if checked is None:  # no checker, or it failed: checked here (a rule's error is raised here)
        checked = run_checks(pairs, contexts, selection, jobs=options.jobs)
    locator = Locator(source, target)
    findings = locator.locate(checked, pairs)
    by_pair: list[list[Finding]] = [[] for _ in pairs]
    for f in findings:
        by_pair[f.pair].append(f)
    # score
    scores = score_pairs(pairs, evidence, by_pair, src_lang, tgt_lang)
    results = [PairResult(p, found, sc, ev.texts(), locator.sides(p))
               for p, found, sc, ev in zip(pairs, by_pair, scores, evidence)]
    signature: dict[str, object] = {
        "tool": "tqcheck",
        "version": __version__,
        "mode": options.mode,
        "src_lang": src_lang,
        "tgt_lang": tgt_lang,
        "languages_detected": {"source": options.src_lang is None, "target": options.tgt_lang is None},
        "embedder": active.name if active else "none",
        "aligner": aligner_signature(options.mode == "aligned"),
        "rules": [r.code for r in selection.rules() if r.code not in skipped],
        "config": options.config.path,
        "glossaries": list(settings.glossary + options.glossaries),
        "translator": _translator_signature(options),
        "reference": extra["reference"].path if "reference" in extra else None,
        "metrics": metric_signatures(evidence, src_lang, tgt_lang),
        "quality": quality_description(),
    }
    if skipped:
        signature["rules_skipped"] = skipped
    return Report(source, target, options.mode, results, signature, notes,
                  document_metrics(pairs, evidence, src_lang, tgt_lang),
                  detected={"source": src_guess, "target": tgt_guess})


# -- backends ----------------------------------------------------------------------------------------

def _backends(options: Options, src_lang: str, tgt_lang: str,
              note: Notify) -> tuple[Embedder | None, Embedder | None, "Translator | None"]:
    """The embedder asked for (its vectors cached on disk and shared in memory by the alignment, the
    evidence and the side documents), the same when it covers the language pair (else None), and the
    translator asked for; both cache on disk unless told not to."""
    try:
        embedder = get_embedder(options.embedder or options.config.embedder or DEFAULT_EMBEDDER, options.threads)
    except ModelError as exc:
        if options.embedder is None and options.config.embedder and options.config.path:
            raise InputError(options.config.path, f"embedder: {exc}") from exc  # name the config key
        raise
    covered = embedder is not None and embedder.supports(src_lang) and embedder.supports(tgt_lang)
    if embedder is not None and not covered:
        note(f"the {embedder.name} embedder does not cover {src_lang}-{tgt_lang}; aligning without a model")
    cache = _disk_cache(options.cache_dir) if options.cache else None
    if embedder is not None and cache is not None:
        from .cache import CachedEmbedder

        embedder = CachedEmbedder(embedder, cache)
    if embedder is not None:
        embedder = MemoEmbedder(embedder)
    translator = None
    if options.translator not in (None, "none"):
        from .models.translators import get_translator

        translator = get_translator(options.translator, cache)
    return embedder, embedder if covered else None, translator


def _disk_cache(directory: str | None) -> "DiskCache":
    """One cache object per folder (and size limit) and process, so that a batch of documents shares its
    connection instead of opening the database for each one."""
    from .cache import ENV_MAX_MB, default_cache_dir

    return _open_cache(str(directory or default_cache_dir()), os.environ.get(ENV_MAX_MB))


@functools.lru_cache(maxsize=8)
def _open_cache(directory: str, max_mb: str | None) -> "DiskCache":
    from .cache import DiskCache

    return DiskCache(directory)  # reads the limit from the environment itself


def _translator_signature(options: Options) -> dict[str, object] | None:
    if options.translator != "argos" and not options.back_translation:
        return None
    return {
        "backend": "argostranslate" if options.translator == "argos" else None,
        "direction": options.translate if options.translator == "argos" else None,
        "back_translation_file": options.back_translation,
    }
