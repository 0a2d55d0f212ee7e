"""Translators behind one small interface: argostranslate (back- or forward-translation, pivoting through
English), its results kept in the disk cache. (A back-translation the user already has is read and
aligned by the pipeline like any document: ``--back-translation FILE``.)

argostranslate keeps all its folders under tqcheck's data directory (``argos_dir()``), and sentences are
split by tqcheck's own segmenter, so translating never downloads a sentence splitter.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..errors import ModelError
from ..paths import user_dir
from .backends import TRANSLATORS, parse
from .embedders import default_threads

if TYPE_CHECKING:
    from ..cache import DiskCache

#: Environment variable overriding tqcheck's data directory (argostranslate packages live in it).
ENV_DATA_DIR = "TQCHECK_DATA_DIR"
#: The language argostranslate pivots through when no direct package exists.
PIVOT_LANG = "en"
#: Beam width: argostranslate uses 4; 2 keeps most of the quality at about half the CPU time.
DEFAULT_BEAM = 2
#: Sentences per CTranslate2 batch (it sorts by length inside, so padding stays low).
DEFAULT_BATCH = 32
_INSTALL_HINT = (
    "install it with `tqcheck models install {src} {tgt}` on a connected machine, or copy its "
    ".argosmodel file here and run `tqcheck models install-file PATH.argosmodel`"
)


@runtime_checkable
class Translator(Protocol):
    """Translates a list of texts; output i is the translation of input i."""

    name: str

    def translate(self, texts: Sequence[str], src_lang: str, tgt_lang: str) -> list[str]: ...


# -- argostranslate, set up tqcheck's way ---------------------------------------------------------


def data_dir() -> Path:
    """``$TQCHECK_DATA_DIR``, else the platform's user data folder for tqcheck."""
    return user_dir(ENV_DATA_DIR, "data")


def argos_dir() -> Path:
    """Where argostranslate's packages, index, downloads and settings live: ``data_dir()/argos``."""
    return data_dir() / "argos"


_ARGOS_LOCK = threading.RLock()
# Read by argostranslate.settings at import: each is pointed at a throwaway folder for the import.
_IMPORT_ENV = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")


def load_argos() -> ModuleType:
    """``argostranslate.package``, with every folder argostranslate uses under ``argos_dir()``.

    argostranslate.settings creates ~/.local/share/argos-translate, ~/.config/argos-translate and
    ~/.local/cache/argos-translate when it is imported, and reads its paths once. So the first import
    runs with those variables pointed at a temporary folder (removed afterwards), and every call then
    points the module's paths at the current ``argos_dir()`` (tests change it between calls).
    """
    home = argos_dir()
    with _ARGOS_LOCK:
        if "argostranslate.settings" not in sys.modules:
            scratch = tempfile.mkdtemp(prefix="tqcheck-argos-")
            saved = {k: os.environ.get(k) for k in _IMPORT_ENV}
            os.environ.update({k: scratch for k in _IMPORT_ENV[:3]})
            os.environ["ARGOS_PACKAGES_DIR"] = os.path.join(scratch, "packages")
            try:
                import argostranslate.settings  # noqa: F401
            except ImportError as exc:
                raise ModelError("translation needs argostranslate: pip install 'tqcheck[semantic]'") from exc
            finally:
                for k, v in saved.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v
                shutil.rmtree(scratch, ignore_errors=True)
        settings = sys.modules["argostranslate.settings"]
        _point_settings(settings, home)
        import argostranslate.package as package
    return package


def _point_settings(settings: Any, home: Path) -> None:
    packages = home / "packages"
    downloads = home / "cache" / "downloads"
    packages.mkdir(parents=True, exist_ok=True)
    downloads.mkdir(parents=True, exist_ok=True)
    settings.data_dir = home
    settings.config_dir = home
    settings.cache_dir = home / "cache"
    settings.downloads_dir = downloads
    settings.settings_file = home / "settings.json"
    settings.local_package_index = home / "index.json"
    settings.package_data_dir = packages
    settings.package_dirs = [packages]
    # A user's ARGOS_CHUNK_TYPE=SPACY would make importing argostranslate.sbd download a spaCy model
    # (these settings exist from argostranslate 1.10 on).
    if hasattr(settings, "ChunkType"):
        settings.chunk_type = settings.ChunkType.ARGOSTRANSLATE
    if hasattr(settings, "ModelProvider"):
        settings.model_provider = settings.ModelProvider.OPENNMT


def installed_packages() -> list[Any]:
    """argostranslate's installed translation packages (``argostranslate.package.Package``)."""
    package = load_argos()
    try:
        found = package.get_installed_packages()
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the argostranslate packages in {argos_dir() / 'packages'}: {exc}; "
                         "remove the broken one with `tqcheck models remove SRC TGT`") from exc
    return [p for p in found if p.type == "translate" and p.from_code and p.to_code]


class SegmenterSBD:
    """argostranslate's sentence-boundary interface (``argostranslate.sbd.ISentenceBoundaryDetectionModel``:
    built from a package, ``split_sentences(text)``) backed by tqcheck's segmenter.

    argostranslate's own splitters (MiniSBD, Stanza, spaCy) download a model at first use and so fail
    offline; this one needs nothing and splits the way the rest of tqcheck does.
    """

    def __init__(self, pkg: Any) -> None:
        self.pkg = pkg
        self.lang: str = pkg.from_code

    def split_sentences(self, text: str) -> list[str]:
        from ..segment.segmenter import split_spans

        return [text[a:b] for a, b in split_spans(text, self.lang)]

    def __str__(self) -> str:
        return "tqcheck segmenter"


def use_tqcheck_sbd() -> None:
    """Make argostranslate's own API (``argostranslate.translate.translate``) split with tqcheck's segmenter.

    ``PackageTranslation.__init__`` instantiates a splitter class looked up by name in
    ``argostranslate.translate``; rebinding those names to a subclass of
    ``argostranslate.sbd.ISentenceBoundaryDetectionModel`` means no splitter model is ever fetched.
    ``ArgosTranslator`` does not need this (it calls ``SegmenterSBD`` itself and skips importing
    argostranslate.sbd, which imports stanza and spaCy: about 9 s).
    """
    load_argos()
    import argostranslate.sbd as sbd
    import argostranslate.translate as translate

    cls = type("TQCheckSentencizer", (SegmenterSBD, sbd.ISentenceBoundaryDetectionModel), {})
    for name in ("MiniSBDSentencizer", "StanzaSentencizer", "SpacySentencizerSmall"):
        setattr(translate, name, cls)
    translate.installed_translates.clear()  # translations built before carry the old splitter
    translate.get_installed_languages.cache_clear()


def find_route(pairs: set[tuple[str, str]], src: str, tgt: str) -> list[tuple[str, str]] | None:
    """Shortest chain of installed (from, to) pairs from src to tgt, through English first on ties."""
    if (src, tgt) in pairs:
        return [(src, tgt)]
    nexts: dict[str, list[str]] = {}
    for a, b in sorted(pairs, key=lambda p: (p[1] != PIVOT_LANG, p)):
        nexts.setdefault(a, []).append(b)
    came: dict[str, str] = {src: src}
    todo = deque([src])
    while todo:
        lang = todo.popleft()
        for nxt in nexts.get(lang, ()):
            if nxt in came:
                continue
            came[nxt] = lang
            if nxt == tgt:
                route = [tgt]
                while route[-1] != src:
                    route.append(came[route[-1]])
                route.reverse()
                return list(zip(route, route[1:]))
            todo.append(nxt)
    return None


class ArgosTranslator:
    """argostranslate's installed packages, run through CTranslate2 in batches, with an optional cache.

    Each text is split into paragraphs (on newlines) and sentences (``SegmenterSBD``); all sentences
    of all texts go to CTranslate2 in one call, and each paragraph's tokens are decoded together, as
    argostranslate does. When no package translates src to tgt directly, the route goes through
    other installed packages (English first), like argostranslate's pivoting.
    """

    name = "argostranslate"

    #: One loaded CTranslate2 model per (model folder, device, threads), shared by all instances.
    _models: dict[tuple[str, str, int], Any] = {}

    def __init__(
        self,
        cache: DiskCache | None = None,
        *,
        beam_size: int = DEFAULT_BEAM,
        batch_size: int = DEFAULT_BATCH,
        device: str | None = None,
        threads: int | None = None,
    ) -> None:
        self.cache = cache
        self.beam_size = beam_size
        self.batch_size = batch_size
        self.device = device
        self.threads = threads or default_threads()

    def route(self, src_lang: str, tgt_lang: str) -> list[Any]:
        """The packages that take src_lang to tgt_lang, in order; ModelError saying how to install them."""
        packages = {(p.from_code, p.to_code): p for p in installed_packages()}
        hops = find_route(set(packages), src_lang, tgt_lang)
        if hops is None:
            hint = _INSTALL_HINT.format(src=src_lang, tgt=tgt_lang)
            pivot = ""
            if PIVOT_LANG not in (src_lang, tgt_lang):
                pivot = (f" (or the two packages {src_lang} {PIVOT_LANG} and {PIVOT_LANG} {tgt_lang}, "
                         "to pivot through English)")
            have = ", ".join(f"{a}->{b}" for a, b in sorted(packages)) or "none"
            raise ModelError(
                f"no argostranslate package translates {src_lang} to {tgt_lang} "
                f"(installed: {have}); {hint}{pivot}"
            )
        return [packages[h] for h in hops]

    def model_id(self, route: Sequence[Any]) -> str:
        """Cache key part: the packages (codes, versions, model file stamps) and the beam width."""
        parts = []
        for pkg in route:
            try:
                st = (Path(pkg.package_path) / "model" / "model.bin").stat()
                stamp = f"{st.st_size}:{st.st_mtime_ns}"
            except OSError:
                stamp = "?"
            parts.append(f"{pkg.from_code}-{pkg.to_code}@{pkg.package_version}#{stamp}")
        return f"argos:{'>'.join(parts)}|beam{self.beam_size}"

    def translate(self, texts: Sequence[str], src_lang: str, tgt_lang: str) -> list[str]:
        texts = list(texts)
        if not texts or src_lang == tgt_lang:
            return texts
        route = self.route(src_lang, tgt_lang)
        if self.cache is None:
            return self._run_route(route, texts)
        return cached_translate(self.cache, self.model_id(route), texts, lambda todo: self._run_route(route, todo))

    def _run_route(self, route: Sequence[Any], texts: list[str]) -> list[str]:
        for pkg in route:
            texts = self._run_package(pkg, texts)
        return texts

    def _translator(self, pkg: Any) -> Any:
        import ctranslate2

        device = self.device or ("cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu")
        path = str(Path(pkg.package_path) / "model")
        key = (path, device, self.threads)
        model = self._models.get(key)
        if model is None:
            try:
                model = ctranslate2.Translator(path, device=device, inter_threads=1, intra_threads=self.threads)
            except (RuntimeError, ValueError, OSError) as exc:
                raise ModelError(
                    f"argostranslate package {pkg.from_code}->{pkg.to_code} in {pkg.package_path} is broken "
                    f"({exc}); reinstall it with `tqcheck models install-file PATH.argosmodel` or "
                    f"`tqcheck models install {pkg.from_code} {pkg.to_code}`"
                ) from exc
            self._models[key] = model
        return model

    def _run_package(self, pkg: Any, texts: list[str]) -> list[str]:
        tokenizer = getattr(pkg, "tokenizer", None)
        if tokenizer is None:
            raise ModelError(f"argostranslate package {pkg.from_code}->{pkg.to_code} in {pkg.package_path} has "
                             "no sentencepiece.model or bpe.model; reinstall it")
        splitter = SegmenterSBD(pkg)
        # paragraphs[i] lists, for text i, the (first, last) sentence indices of each of its paragraphs.
        paragraphs: list[list[tuple[int, int]]] = []
        batch: list[list[str]] = []
        for text in texts:
            spans = []
            for paragraph in text.split("\n"):
                first = len(batch)
                for sentence in splitter.split_sentences(paragraph):
                    tokens = tokenizer.encode(sentence)
                    if tokens:
                        batch.append(tokens)
                spans.append((first, len(batch)))
            paragraphs.append(spans)
        results: list[Any] = []
        if batch:
            prefix = [[pkg.target_prefix]] * len(batch) if pkg.target_prefix else None
            longest = max(len(t) for t in batch)
            results = self._translator(pkg).translate_batch(
                batch,
                target_prefix=prefix,
                max_batch_size=self.batch_size,
                beam_size=self.beam_size,
                length_penalty=0.2,
                replace_unknowns=True,
                max_decoding_length=max(256, 2 * longest),
            )
        out = []
        for spans in paragraphs:
            decoded = []
            for first, last in spans:
                tokens = [tok for r in results[first:last] for tok in r.hypotheses[0]]
                value = tokenizer.decode(tokens) if tokens else ""
                if pkg.target_prefix and value.startswith(pkg.target_prefix):
                    value = value[len(pkg.target_prefix):]
                decoded.append(value[1:] if value.startswith(" ") else value)
            out.append("\n".join(decoded))
        return out


def cached_translate(cache: DiskCache, model: str, texts: Sequence[str],
                     run: Callable[[list[str]], list[str]]) -> list[str]:
    """``run`` on the distinct texts the cache lacks for ``model``; the rest from the cache."""
    unique = list(dict.fromkeys(texts))
    done = dict(zip(unique, cache.get_texts(model, unique)))
    missing = [t for t, out in done.items() if out is None]
    if missing:
        fresh = run(missing)
        cache.put_texts(model, missing, fresh)
        done.update(zip(missing, fresh))
    return [done[t] for t in texts]  # type: ignore[misc]


#: How each translator of ``backends.TRANSLATORS`` is built from the disk cache (None: no translator).
_BUILDERS: dict[str, Callable[["DiskCache | None"], "Translator | None"]] = {
    "argos": lambda cache: ArgosTranslator(cache),
    "none": lambda cache: None,
}
if _BUILDERS.keys() != TRANSLATORS.keys():
    raise RuntimeError(f"translators without a builder or a table entry: {set(_BUILDERS) ^ set(TRANSLATORS)}")


def get_translator(name: str | None, cache: "DiskCache | None" = None) -> "Translator | None":
    """The translator ``name`` names in ``backends.TRANSLATORS`` (None and ``none``: no translator)."""
    try:
        backend, _ = parse(TRANSLATORS, name or "none", "translator")
    except ValueError as exc:
        raise ModelError(str(exc)) from None
    return _BUILDERS[backend.name](cache)
