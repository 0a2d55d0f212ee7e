"""The one place that wires the stages together: read -> segment -> align -> check -> score -> report."""
from __future__ import annotations

import functools
import math
import os
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from ._version import __version__
from .align.aligner import BEADS, DEL_COST, Aligner
from . import progress
from .align.features import adjacent_vectors, join_sentences, joiner
from .check.registry import CheckContext
from .check.runner import Selection, run_checks
from .errors import InputError, ModelError
from .models.embedders import Embedder, MemoEmbedder, NgramEmbedder, get_embedder
from .options import DEFAULT_EMBEDDER, DEFAULT_MODE, Options
from .read.langid import LangGuess, detect_language
from .read.reader import DecodedText, decode_bytes, read_text_file
from .result import EVIDENCE_LABELS, PairResult, Report
from .score.metrics import metrics_for
from .score.quality import description as quality_description, pair_quality
from .segment.segmenter import document_layout, segment_lines, segment_text
from .types import Document, Link, Pair, Segment

if TYPE_CHECKING:
    from .cache import DiskCache

#: Below this confidence a detected language is reported as a guess.
LANG_SURE = 0.8

# Work limits: past them a document is refused with an InputError before alignment, so pathological
# input (a 20 MB line, a million lines) fails in seconds instead of running for many minutes. Time
# grows linearly up to them (about a minute for 10,000 sentences without the embedder on two cores).
#: Most characters in one document (a long book); the 64 MB file limit bounds memory, these bound time.
MAX_DOCUMENT_CHARS = 2_000_000
#: Most sentences in one document.
MAX_SENTENCES = 10_000
#: Longest sentence: text with no sentence punctuation for pages is not prose tqcheck can check.
MAX_SENTENCE_CHARS = 10_000


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
    for doc in (src, tgt, *extra.values()):
        _check_document_size(doc)
    for doc, side in ((src, "src"), (tgt, "tgt")):
        if not doc.confident and doc.alternative:
            note(f"{doc.path}: read as {doc.encoding}, a close call against {doc.alternative}; "
                 f"pass --{side}-encoding if the text looks wrong")
    src_lang, tgt_lang, src_guess, tgt_guess = _languages(src, tgt, options, note)
    # segment
    src_segs, tgt_segs = _segments(src, src_lang, options.mode), _segments(tgt, tgt_lang, options.mode)
    if options.mode == "document":
        for doc, lang in ((src, src_lang), (tgt, tgt_lang)):
            layout = document_layout(doc.text, lang)
            if layout.wrapped:
                note(f"{doc.path}: lines look hard-wrapped at {layout.width} columns; a line break inside a "
                     "paragraph was read as a space")
    if options.mode == "aligned":
        if len(src_segs) != len(tgt_segs):
            shorter = src if len(src_segs) < len(tgt_segs) else tgt
            raise InputError(
                shorter.path,
                f"--aligned needs line i of each file to match: {src.path} has {len(src_segs)} lines, "
                f"{tgt.path} has {len(tgt_segs)}",
                line=min(len(src_segs), len(tgt_segs)) + 1,
            )
    if not any(s.text for s in src_segs):
        raise InputError(src.path, "no sentences found")
    if not any(s.text for s in tgt_segs):
        raise InputError(tgt.path, "no sentences found")
    _check_sentences(src, src_segs)
    _check_sentences(tgt, tgt_segs)
    source = Document(src.path, src.text, src_lang, src.encoding, src_segs, src_guess.confidence, options.src_lang is None)
    target = Document(tgt.path, tgt.text, tgt_lang, tgt.encoding, tgt_segs, tgt_guess.confidence, options.tgt_lang is None)
    settings = options.config.for_pair(src_lang, tgt_lang)
    selection = Selection(
        options.select or settings.select or ("TQ",),
        options.ignore if options.ignore is not None else settings.ignore or (),
        settings.severity,
    )
    glossary = _glossary(settings.glossary + options.glossaries)
    skipped = selection.skipped(src_lang, tgt_lang)
    if skipped:
        reasons: dict[str, list[str]] = {}
        for code, why in skipped.items():
            reasons.setdefault(why, []).append(code)
        note("; ".join(f"{', '.join(codes)} off: {why}" for why, codes in reasons.items()))
    # align
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
    if embedder is not None:  # alignment, merged-sentence similarity and side documents share vectors
        embedder = MemoEmbedder(embedder)
    active = embedder if covered else None
    if options.mode == "aligned":
        progress.stage("embedding" if active else "aligning")
        links = _aligned_links(src_segs, tgt_segs, src_lang, tgt_lang, active)
    else:
        src_texts, tgt_texts = [s.text for s in src_segs], [s.text for s in tgt_segs]
        if active is not None:  # the aligner finds these vectors in the memo
            progress.stage("embedding", len(src_texts) + len(tgt_texts))
            for side_texts, side_lang in ((src_texts, src_lang), (tgt_texts, tgt_lang)):
                adjacent_vectors(active, side_texts, joiner(side_lang))
                progress.advance(len(side_texts))
        progress.stage("aligning")
        links = Aligner(active).align(src_texts, tgt_texts, src_lang, tgt_lang)
    pairs = [_pair(k, link, src_segs, tgt_segs, src_lang, tgt_lang) for k, link in enumerate(links)]
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
    findings = run_checks(pairs, contexts, selection)
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
        results.append(PairResult(p, found, scores, texts[p.index]))
    metrics = _document_metrics(results, src_lang, tgt_lang)
    signature: dict[str, object] = {
        "tool": "tqcheck",
        "version": __version__,
        "mode": options.mode,
        "src_lang": src_lang,
        "tgt_lang": tgt_lang,
        "languages_detected": {"source": options.src_lang is None, "target": options.tgt_lang is None},
        "embedder": active.name if active else "none",
        "aligner": "none (pre-aligned)" if options.mode == "aligned" else
        f"tqcheck-dp/1 beads={','.join(f'{a}-{b}' for a, b in BEADS)} del={DEL_COST}",
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
    return Report(source, target, options.mode, results, signature, notes, metrics,
                  detected={"source": src_guess, "target": tgt_guess})


# -- semantic evidence ---------------------------------------------------------------------------

def _disk_cache(directory: str | None) -> "DiskCache":
    """One cache object per folder (and size limit) and process, so that a batch of documents shares its
    connection instead of opening the database for each one."""
    from .cache import ENV_MAX_MB, default_cache_dir

    return _open_cache(str(directory or default_cache_dir()), os.environ.get(ENV_MAX_MB))


@functools.lru_cache(maxsize=8)
def _open_cache(directory: str, max_mb: str | None) -> "DiskCache":
    from .cache import DiskCache

    return DiskCache(directory)  # reads the limit from the environment itself


def _segments(doc: DecodedText, lang: str, mode: str) -> tuple[Segment, ...]:
    if mode == "document":
        return tuple(segment_text(doc.text, lang))
    if mode == "sentences-per-line":
        return tuple(segment_lines(doc.text))
    return _every_line(doc)


def _side_texts(
    doc: DecodedText, lang: str, what: str, src_segs: Sequence[Segment], src_lang: str, pairs: Sequence[Pair],
    mode: str, embedder: Embedder | None, note: Notify,
) -> list[str]:
    """Align a side document (a back-translation or a reference) with the source; the text facing each pair."""
    guess = detect_language(doc.text)
    if guess.reliable and guess.lang not in (lang, "und"):
        note(f"{doc.path}: the {what} should be in {lang} but reads as {guess.lang}")
    segs = _segments(doc, lang, mode)
    if not any(s.text for s in segs):
        raise InputError(doc.path, "no sentences found")
    _check_sentences(doc, segs)
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


def _translator_signature(options: Options) -> dict[str, object] | None:
    if options.translator != "argos" and not options.back_translation:
        return None
    return {
        "backend": "argostranslate" if options.translator == "argos" else None,
        "direction": options.translate if options.translator == "argos" else None,
        "back_translation_file": options.back_translation,
    }


def _metric_signatures(results: Sequence[PairResult], src_lang: str, tgt_lang: str) -> dict[str, dict[str, str]]:
    """sacrebleu's signature of each metric used, per language compared."""
    langs = []
    if any("back_translation" in r.texts for r in results):
        langs.append(src_lang)
    if any("forward_translation" in r.texts or "reference" in r.texts for r in results):
        langs.append(tgt_lang)
    return {lang: metrics_for(lang).signatures() for lang in dict.fromkeys(langs)}


def _check_document_size(doc: DecodedText) -> None:
    if len(doc.text) > MAX_DOCUMENT_CHARS:
        raise InputError(doc.path, f"{len(doc.text):,} characters, over the limit of {MAX_DOCUMENT_CHARS:,} per "
                         "document; split the file (by chapter or section) and compare the parts")


def _check_sentences(doc: DecodedText, segs: Sequence[Segment]) -> None:
    if len(segs) > MAX_SENTENCES:
        raise InputError(doc.path, f"{len(segs):,} sentences, over the limit of {MAX_SENTENCES:,} per document; "
                         "split the file (by chapter or section) and compare the parts")
    longest = max(segs, key=lambda s: len(s.text))
    if len(longest.text) > MAX_SENTENCE_CHARS:
        raise InputError(doc.path, f"a sentence of {len(longest.text):,} characters, over the limit of "
                         f"{MAX_SENTENCE_CHARS:,}; is this running text with sentence punctuation? "
                         "split it into sentences or lines", line=longest.line)


def _glossary(paths: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Merge glossaries; a term in several files accepts every translation they give."""
    if not paths:
        return {}
    from .check.glossary import Glossary, load_glossary

    merged = Glossary()
    for path in paths:
        for term, targets in load_glossary(path).items():
            merged[term] = tuple(dict.fromkeys(merged.get(term, ()) + tuple(targets)))
    return merged


def _languages(
    src: DecodedText, tgt: DecodedText, options: Options, note: Notify
) -> tuple[str, str, LangGuess, LangGuess]:
    sg, tg = detect_language(src.text), detect_language(tgt.text)
    src_lang = options.src_lang or sg.lang
    tgt_lang = options.tgt_lang or tg.lang
    for given, guess, doc, side in ((options.src_lang, sg, src, "source"), (options.tgt_lang, tg, tgt, "translation")):
        if given is None:
            if guess.lang == "und":
                raise InputError(doc.path, f"cannot tell the {side} language; pass --{'src' if side == 'source' else 'tgt'}-lang")
            if not guess.reliable or guess.confidence < LANG_SURE:
                note(f"{doc.path}: {side} language guessed as {guess.lang} (confidence {guess.confidence:.2f}); "
                     f"pass --{'src' if side == 'source' else 'tgt'}-lang if that is wrong")
    # The files plainly the other way round from the language(s) given: both read reliably, the source as
    # the language given for the translation or the translation as the one given for the source, and
    # neither as what was given for it.
    plain = all(g.reliable and g.confidence >= LANG_SURE for g in (sg, tg))
    if plain and sg.lang != tg.lang and (options.src_lang or options.tgt_lang) \
            and options.src_lang in (None, tg.lang) and options.tgt_lang in (None, sg.lang):
        given = " ".join(f"--{side}-lang {lang}" for side, lang in (("src", options.src_lang),
                                                                      ("tgt", options.tgt_lang)) if lang)
        raise InputError(src.path, f"reads as {sg.lang} and {tgt.path} as {tg.lang}, the other way round from "
                         f"{given}: the files look swapped (tqcheck compare SRC OUT takes the original first)")
    else:
        for given, guess, doc in ((options.src_lang, sg, src), (options.tgt_lang, tg, tgt)):
            if given and guess.reliable and guess.lang not in (given, "und"):
                note(f"{doc.path}: --{'src' if doc is src else 'tgt'}-lang says {given} but the text reads as {guess.lang}")
    if src_lang == tgt_lang:
        if sg.reliable and tg.reliable or (options.src_lang and options.tgt_lang):
            raise InputError(tgt.path, f"source and translation are both in {src_lang}; nothing was translated "
                             f"(check the file order, or pass --src-lang/--tgt-lang)")
        note(f"both files look like {src_lang}; pass --src-lang/--tgt-lang")
    return src_lang, tgt_lang, sg, tg


def _every_line(doc: DecodedText) -> tuple[Segment, ...]:
    """--aligned: every line is a unit, blank ones included, so that line i faces line i."""
    out = []
    pos = 0
    lines = doc.text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for k, line in enumerate(lines):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        out.append(Segment(k, stripped, pos + lead, pos + lead + len(stripped), k + 1, lead + 1))
        pos += len(line) + 1
    return tuple(out)


def _aligned_links(
    src: Sequence[Segment], tgt: Sequence[Segment], src_lang: str, tgt_lang: str, embedder: Embedder | None
) -> list[Link]:
    sims: list[float | None] = [None] * len(src)
    if embedder is not None:
        idx = [k for k in range(len(src)) if src[k].text and tgt[k].text]
        if idx:
            a = embedder.encode([src[k].text for k in idx])
            b = embedder.encode([tgt[k].text for k in idx])
            for k, s in zip(idx, np.sum(a * b, axis=1)):
                sims[k] = round(float(s), 3)
    links = []
    for k in range(len(src)):
        if not src[k].text and not tgt[k].text:
            continue
        links.append(Link((k,) if src[k].text else (), (k,), 1.0, sims[k]))
    return links


def _pair(k: int, link: Link, src: Sequence[Segment], tgt: Sequence[Segment], src_lang: str, tgt_lang: str) -> Pair:
    s = tuple(src[i] for i in link.src)
    t = tuple(tgt[j] for j in link.tgt)
    return Pair(k, link, join_sentences([x.text for x in s], src_lang), join_sentences([x.text for x in t], tgt_lang), s, t)


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

