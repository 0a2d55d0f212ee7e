"""The one place that wires the stages together:
read -> segment -> align -> evidence -> check -> score -> report (docs/architecture.md)."""
from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

from ._version import __version__
from . import progress
from .align.document import aligner_signature, align_segments, require_parallel
from .check.glossary import load_glossaries
from .check.location import Locator
from .check.registry import CheckContext
from .check.runner import Selection, run_checks
from .config import Config
from .errors import InputError, ModelError, UsageError
from .align.aligner import Aligner
from .align.features import join_sentences
from .models.embedders import Embedder, MemoEmbedder, NgramEmbedder, get_embedder
from .read.langid import detect_language, document_languages, normalise_lang
from .read.reader import DecodedText, decode_bytes, read_text_file
from .result import EVIDENCE_LABELS, PairResult, Report
from .score.metrics import metrics_for
from .score.quality import description as quality_description, pair_quality
from .segment.modes import check_document_size, check_segments, segment_document
from .types import Document, Pair, Segment

if TYPE_CHECKING:
    from .cache import DiskCache

MODES = ("document", "sentences-per-line", "aligned")
#: Which way a translator runs: the MT back into the source language, the source forward, or both.
TRANSLATE_DIRECTIONS = ("back", "forward", "both")
TRANSLATORS = ("argos", "none")
DEFAULT_MODE = "document"
DEFAULT_EMBEDDER = "use"


@dataclass
class Options:
    """Options shared by the Python API and the CLI (the CLI only fills this in)."""

    src_lang: str | None = None
    tgt_lang: str | None = None
    mode: str = DEFAULT_MODE
    embedder: str | None = None  # None: the config's, else DEFAULT_EMBEDDER
    encoding: str | None = None
    select: tuple[str, ...] | None = None  # None: the config's, else every rule
    ignore: tuple[str, ...] | None = None
    glossaries: tuple[str, ...] = ()
    config: Config = field(default_factory=Config)
    translator: str | None = None  # "argos" or None/"none"
    translate: str = "back"  # TRANSLATE_DIRECTIONS
    back_translation: str | None = None  # a file holding a back-translation of the translation
    reference: str | None = None  # a file holding a human reference translation
    cache: bool = True  # embeddings and translations on disk (tqcheck.cache)
    cache_dir: str | None = None
    threads: int | None = None  # BLAS threads of the bundled embedder (None: its default)
    src_encoding: str | None = None  # of the source alone (else ``encoding``)
    tgt_encoding: str | None = None  # of the translation alone (else ``encoding``)
    #: Keep the embedding model loaded after a document (a batch reuses it); a one-off run frees it
    #: before the checks, which lowers its peak memory.
    keep_models: bool = True

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise UsageError(f"unknown mode {self.mode!r}; valid values: {', '.join(MODES)}")
        if self.translator not in (None, *TRANSLATORS):
            raise UsageError(f"unknown translator {self.translator!r}; valid values: {', '.join(TRANSLATORS)}")
        if self.translate not in TRANSLATE_DIRECTIONS:
            raise UsageError(f"unknown translation direction {self.translate!r}; valid values: "
                             f"{', '.join(TRANSLATE_DIRECTIONS)}")
        if self.translator == "argos" and self.back_translation and self.translate != "forward":
            raise UsageError("--back-translation FILE and --translator argos both give a back-translation; "
                             "pass one, or --translate forward to add a forward-translation")
        try:
            self.src_lang = normalise_lang(self.src_lang) if self.src_lang else None
            self.tgt_lang = normalise_lang(self.tgt_lang) if self.tgt_lang else None
        except ValueError as exc:
            raise UsageError(str(exc)) from exc


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
    # align
    embedder, active, cache = _backends(options, src_lang, tgt_lang, note)
    pairs = align_segments(src_segs, tgt_segs, src_lang, tgt_lang, active, options.mode == "aligned")
    # semantic evidence: translations (argostranslate, or files the user has) and string metrics on them
    texts = _evidence_texts(pairs, src_segs, src_lang, tgt_lang, options, extra, embedder, cache, note)
    # check
    doc_ratio = _doc_log_ratio(pairs) if options.mode != "aligned" else None
    merged = _merged_similarities(pairs, active)
    if isinstance(embedder, MemoEmbedder) and not options.keep_models:
        embedder.release()
    contexts = [
        CheckContext(src_lang, tgt_lang, {"similarity": p.link.similarity, "expected_log_ratio": doc_ratio,
                                          "source_sentence_similarity": merged.get(p.index),
                                          "forward_translation": texts[p.index].get("forward_translation")},
                     glossary)
        for p in pairs
    ]
    progress.stage("checking", len(pairs))
    locator = Locator(source, target)
    findings = locator.locate(run_checks(pairs, contexts, selection), pairs)
    by_pair: dict[int, list] = {}
    for f in findings:
        by_pair.setdefault(f.pair, []).append(f)
    # score
    ratio = _doc_ratio(pairs)
    results = []
    for p in pairs:
        scores = _scores(p, ratio)
        scores.update(_metric_scores(p, texts[p.index], src_lang, tgt_lang))
        found = by_pair.get(p.index, [])
        scores["quality"] = pair_quality(scores, found, bool(p.source.strip()), bool(p.target.strip()))
        results.append(PairResult(p, found, scores, texts[p.index], locator.sides(p)))
    metrics = _document_metrics(results, src_lang, tgt_lang)
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
        "metrics": _metric_signatures(results, src_lang, tgt_lang),
        "quality": quality_description(),
    }
    if skipped:
        signature["rules_skipped"] = skipped
    return Report(source, target, options.mode, results, signature, notes, metrics)


# -- backends ----------------------------------------------------------------------------------------

def _backends(options: Options, src_lang: str, tgt_lang: str,
              note: Notify) -> tuple[Embedder | None, Embedder | None, "DiskCache | None"]:
    """The embedder asked for (its vectors cached on disk and shared in memory by the alignment, the
    evidence and the side documents), the same when it covers the language pair (else None), and the
    disk cache."""
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
    return embedder, embedder if covered else None, cache


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


# -- semantic evidence and scores -----------------------------------------------------------------

def _side_texts(
    doc: DecodedText, lang: str, what: str, src_segs: Sequence[Segment], src_lang: str, pairs: Sequence[Pair],
    mode: str, embedder: Embedder | None, note: Notify,
) -> list[str]:
    """Align a side document (a back-translation or a reference) with the source; the text facing each pair."""
    guess = detect_language(doc.text)
    if guess.reliable and guess.lang not in (lang, "und"):
        note(f"{doc.path}: the {what} should be in {lang} but reads as {guess.lang}")
    segs = segment_document(doc.path, doc.text, lang, mode)
    check_segments((doc.path, segs))
    facing: dict[int, list[int]] = {}
    if mode == "aligned":
        if len(segs) != len(src_segs):
            raise InputError(doc.path, f"--aligned needs one line per source line: the source has {len(src_segs)} "
                             f"lines, the {what} {len(segs)}", line=min(len(segs), len(src_segs)) + 1)
        facing = {k: [k] for k in range(len(segs)) if segs[k].text}
    else:
        if lang == src_lang:  # same language: shared character n-grams are the best evidence
            embedder = NgramEmbedder()
        covered = embedder is not None and embedder.supports(src_lang) and embedder.supports(lang)
        links = Aligner(embedder if covered else None).align(
            [s.text for s in src_segs], [s.text for s in segs], src_lang, lang)
        for link in links:
            for i in link.src:
                facing.setdefault(i, []).extend(link.tgt)
    out = []
    for p in pairs:
        idx = sorted({j for s in p.src_segments for j in facing.get(s.index, ())})
        out.append(join_sentences([segs[j].text for j in idx], lang))
    return out


def _evidence_texts(
    pairs: Sequence[Pair], src_segs: Sequence[Segment], src_lang: str, tgt_lang: str, options: Options,
    extra: dict[str, DecodedText], embedder: Embedder | None, cache: "DiskCache | None", note: Notify,
) -> list[dict[str, str]]:
    """Per pair: its back-translation, forward-translation and reference, where there are any."""
    texts: list[dict[str, str]] = [{} for _ in pairs]
    if "back_translation" in extra:
        side = _side_texts(extra["back_translation"], src_lang, "back-translation", src_segs, src_lang, pairs,
                           options.mode, embedder, note)
        for t, bt, p in zip(texts, side, pairs):
            if p.target:
                t["back_translation"] = bt
    if "reference" in extra:
        side = _side_texts(extra["reference"], tgt_lang, "reference", src_segs, src_lang, pairs, options.mode,
                           embedder, note)
        for t, ref, p in zip(texts, side, pairs):
            if p.source:
                t["reference"] = ref
    if options.translator == "argos":
        from .models.translators import ArgosTranslator

        translator = ArgosTranslator(cache)
        if options.translate in ("back", "both"):
            todo = [p for p in pairs if p.target.strip()]
            for p, out in zip(todo, translator.translate([p.target for p in todo], tgt_lang, src_lang)):
                texts[p.index]["back_translation"] = out
        if options.translate in ("forward", "both"):
            todo = [p for p in pairs if p.source.strip()]
            for p, out in zip(todo, translator.translate([p.source for p in todo], src_lang, tgt_lang)):
                texts[p.index]["forward_translation"] = out
    return [{k: t[k] for k in EVIDENCE_LABELS if k in t} for t in texts]


def _metric_scores(pair: Pair, texts: dict[str, str], src_lang: str, tgt_lang: str) -> dict[str, float | None]:
    """chrF, BLEU and TER of each translation against what it should match: the back-translation against
    the source (in the source language), the MT against the forward-translation and the reference."""
    out: dict[str, float | None] = {}
    if "back_translation" in texts:
        for k, v in metrics_for(src_lang).sentence(texts["back_translation"], pair.source).items():
            out[f"back_translation_{k}"] = v
    for name in ("forward_translation", "reference"):
        if name in texts:
            for k, v in metrics_for(tgt_lang).sentence(pair.target, texts[name]).items():
                out[f"{name}_{k}"] = v
    return out


def _document_metrics(results: Sequence[PairResult], src_lang: str, tgt_lang: str) -> dict[str, object]:
    """Document-level (corpus) chrF, BLEU and TER for each kind of evidence present, and the quality."""
    out: dict[str, object] = {}
    bt = [(r.texts["back_translation"], r.pair.source) for r in results if "back_translation" in r.texts]
    if bt:
        out["back_translation"] = metrics_for(src_lang).corpus([h for h, _ in bt], [r for _, r in bt])
    for name in ("forward_translation", "reference"):
        got = [(r.pair.target, r.texts[name]) for r in results if name in r.texts]
        if got:
            out[name] = metrics_for(tgt_lang).corpus([h for h, _ in got], [r for _, r in got])
    return out


def _merged_similarities(pairs: Sequence[Pair], embedder: Embedder | None) -> dict[int, list[float]]:
    """For pairs linking several source sentences, each source sentence's similarity to the target. The
    vectors are the alignment's (``MemoEmbedder``): only a target of three sentences is embedded again."""
    multi = [p for p in pairs if len(p.src_segments) > 1 and p.tgt_segments]
    if embedder is None or not multi:
        return {}
    sents = [s.text for p in multi for s in p.src_segments]
    svecs = embedder.encode(sents)
    tvecs = embedder.encode([p.target for p in multi])
    out: dict[int, list[float]] = {}
    k = 0
    for p, tv in zip(multi, tvecs):
        n = len(p.src_segments)
        out[p.index] = [round(float(v @ tv), 3) for v in svecs[k : k + n]]
        k += n
    return out


#: A document needs this many 1-1 links before its own length ratio is trusted over the table.
MIN_PAIRS_FOR_DOC_RATIO = 8


def _doc_log_ratio(pairs: Sequence[Pair]) -> float | None:
    """Median log length ratio of the document's 1-1 links: the translator's own habit."""
    logs = sorted(
        math.log(len("".join(p.target.split())) / len("".join(p.source.split())))
        for p in pairs
        if p.link.kind == "1-1" and p.source.strip() and p.target.strip()
    )
    if len(logs) < MIN_PAIRS_FOR_DOC_RATIO:
        return None
    return logs[len(logs) // 2]


def _doc_ratio(pairs: Sequence[Pair]) -> float:
    src = sum(len(p.source) for p in pairs if p.source and p.target)
    tgt = sum(len(p.target) for p in pairs if p.source and p.target)
    return tgt / src if src else 1.0


def _scores(pair: Pair, doc_ratio: float) -> dict[str, float | None]:
    """Per-pair scores: alignment confidence, cross-lingual similarity, and length ratio relative
    to the document's own ratio (1.0 = as long as the rest of the translation would predict)."""
    rel = None
    if pair.source and pair.target and doc_ratio > 0:
        rel = round((len(pair.target) / len(pair.source)) / doc_ratio, 3)
    return {
        "confidence": pair.link.confidence,
        "similarity": pair.link.similarity,
        "length_ratio": rel,
        "log_length_ratio": round(math.log(rel), 3) if rel else None,
    }


def _metric_signatures(results: Sequence[PairResult], src_lang: str, tgt_lang: str) -> dict[str, dict[str, str]]:
    """sacrebleu's signature of each metric used, per language compared."""
    langs = []
    if any("back_translation" in r.texts for r in results):
        langs.append(src_lang)
    if any("forward_translation" in r.texts or "reference" in r.texts for r in results):
        langs.append(tgt_lang)
    return {lang: metrics_for(lang).signatures() for lang in dict.fromkeys(langs)}
