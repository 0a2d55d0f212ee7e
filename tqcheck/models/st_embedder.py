"""sentence-transformers embedders (``--embedder st:LaBSE``, ``st:/path/to/model``), loaded on first encode.

A model that is neither a local folder nor in the Hugging Face cache is only fetched when the Hub
answers within seconds; otherwise loading fails at once with a ModelError saying how to install it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

#: Sentences per forward pass of a transformer (torch batches are not token-budgeted).
DEFAULT_BATCH = 64

#: The organisation sentence-transformers prepends to a bare model name ("LaBSE").
ST_ORG = "sentence-transformers"
#: Seconds to wait for the Hugging Face Hub before declaring it unreachable.
_MULTILINGUAL = {"multilingual", "mul", "xx"}
_FINGERPRINT_FILES = ("modules.json", "config.json", "model.safetensors", "pytorch_model.bin")


def pick_device() -> str:
    """cuda when a GPU is visible, then Apple's mps, else cpu."""
    import torch

    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


def _looks_like_path(name: str) -> bool:
    # A Hub id has at most one slash ("org/name"); anything else is meant as a folder.
    return name.startswith((".", "/", "~")) or "\\" in name or name.count("/") > 1


def _cached_snapshot(repo_id: str) -> Path | None:
    """The snapshot folder of ``repo_id`` in the Hugging Face cache, if the model is there."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover - a dependency of sentence-transformers
        return None
    for filename in ("modules.json", "config.json"):
        found = try_to_load_from_cache(repo_id, filename)
        if isinstance(found, str):
            return Path(found).parent
    return None


def _card_languages(folder: Path | None) -> frozenset[str] | None:
    """Languages in the ``language:`` field of the model card's YAML header; None when absent."""
    if folder is None:
        return None
    readme = folder / "README.md"
    try:
        text = readme.read_text(encoding="utf-8")
    except OSError:
        return None
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    header = text[3:end] if end > 0 else ""
    try:
        import yaml

        meta = yaml.safe_load(header) or {}
        langs: Any = meta.get("language") if isinstance(meta, dict) else None
    except Exception:  # no PyYAML, or a header it cannot read: a small parser for the common forms
        langs = _parse_language_field(header)
    if isinstance(langs, str):
        langs = [langs]
    if not isinstance(langs, list) or not langs:
        return None
    codes = frozenset(str(x).strip().lower() for x in langs if str(x).strip())
    return None if not codes or codes & _MULTILINGUAL else codes


def _parse_language_field(header: str) -> list[str] | None:
    m = re.search(r"^language:[ \t]*(.*)$", header, re.M)
    if not m:
        return None
    inline = m.group(1).strip()
    if inline:
        return [x.strip(" '\"") for x in inline.strip("[]").split(",")]
    items = re.match(r"((?:[ \t]*-[ \t]*.+\n?)+)", header[m.end() + 1 :])
    return [x.strip(" -'\"\t") for x in items.group(1).splitlines()] if items else None


class STEmbedder:
    """A sentence-transformers model by Hub name or local folder, batched, on the best device.

    ``supports`` is True for every language unless the model card lists languages (and not
    "multilingual"); then a language is covered when its base code ("zh" of "zh-Hant") is listed.
    """

    def __init__(self, name_or_path: str, device: str | None = None, batch_size: int = DEFAULT_BATCH) -> None:
        if not name_or_path:
            raise ModelError("empty sentence-transformers model name; use --embedder st:NAME or st:/path/to/model")
        self.name_or_path = name_or_path
        self.name = f"st:{name_or_path}"
        self.device = device
        self.batch_size = batch_size
        self._model: Any = None
        self._folder: Path | None | bool = False  # False: not looked up yet
        self._languages: frozenset[str] | None | bool = False

    # -- where the model is ---------------------------------------------------------------------

    def _local_path(self) -> Path | None:
        path = Path(self.name_or_path).expanduser()
        if path.is_dir():
            return path
        if path.exists() or _looks_like_path(self.name_or_path):
            raise ModelError(
                f"{self.name_or_path}: no sentence-transformers model folder there "
                "(expected a folder with modules.json or config.json, as saved by SentenceTransformer.save)"
            )
        return None

    def _repo_ids(self) -> list[str]:
        name = self.name_or_path
        return [name] if "/" in name else [f"{ST_ORG}/{name}", name]

    def _find(self) -> Path | None:
        """The model's folder on disk (local path or cached snapshot), None if it must be downloaded."""
        if self._folder is False:
            local = self._local_path()
            if local is None:
                for repo in self._repo_ids():
                    local = _cached_snapshot(repo)
                    if local is not None:
                        break
            self._folder = local
        return self._folder  # type: ignore[return-value]

    @property
    def cache_id(self) -> str:
        """Identifies the exact weights: a snapshot hash, or a local folder's path, sizes and mtimes."""
        folder = self._find()
        if folder is None:
            return self.name
        if folder.parent.name == "snapshots":
            return f"{self.name}@{folder.name}"
        stamp = []
        for fname in _FINGERPRINT_FILES:
            try:
                st = (folder / fname).stat()
            except OSError:
                continue
            stamp.append(f"{fname}:{st.st_size}:{st.st_mtime_ns}")
        return f"st:{folder.resolve()}|{','.join(stamp)}"

    def supports(self, lang: str) -> bool:
        if self._languages is False:
            try:
                self._languages = _card_languages(self._find())
            except ModelError:
                self._languages = None  # encode() reports the missing model
        langs = self._languages
        if not langs:
            return True
        code = lang.lower()
        return code in langs or code.split("-")[0].split("_")[0] in langs  # type: ignore[operator]

    # -- loading and encoding -------------------------------------------------------------------

    def _install_hint(self) -> str:
        repo = self._repo_ids()[0]
        return (
            f"on a connected machine run `python -c \"from sentence_transformers import SentenceTransformer; "
            f"SentenceTransformer('{repo}')\"` to put it in the Hugging Face cache, or copy a saved model "
            f"folder here and pass --embedder st:/path/to/model"
        )

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        folder = self._find()
        if folder is None:
            # tqcheck never downloads at run time (a pipeline must not reach out to the network,
            # and an unreachable hub costs minutes of retries): installing a model is explicit.
            raise ModelError(
                f"sentence-transformers model {self.name_or_path!r} is not installed; " + self._install_hint()
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(
                "--embedder st:... needs sentence-transformers: pip install 'tqcheck[semantic]'"
            ) from exc
        _quiet_transformers()
        device = self.device or pick_device()
        try:
            if folder is not None:
                model = SentenceTransformer(str(folder), device=device, local_files_only=True)
            else:  # pragma: no cover - unreachable: _find() found no folder and we raised above
                raise ModelError(f"sentence-transformers model {self.name_or_path!r} is not installed")
        except Exception as exc:
            raise ModelError(
                f"cannot load sentence-transformers model {self.name_or_path!r}: {type(exc).__name__}: {exc}; "
                + self._install_hint()
            ) from exc
        self._model = model
        self.device = str(model.device)
        return model

    def dimension(self) -> int:
        """Length of the vectors ``encode`` returns (loads the model)."""
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dim = getter()
        if dim is None:
            dim = int(model.encode(["x"], convert_to_numpy=True).shape[1])
        return int(dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        model = self._load()
        if not texts:
            return np.zeros((0, self.dimension()), dtype=np.float32)
        vecs = model.encode(
            list(texts),
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        vecs = np.asarray(vecs, dtype=np.float32)
        # normalize_embeddings leaves zero vectors as NaN-free zeros; renormalise defensively in float32.
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return vecs / norms


def _quiet_transformers() -> None:
    # Weight-loading progress bars would interleave with tqcheck's report on stderr.
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except Exception:  # pragma: no cover - older or missing transformers: bars are cosmetic
        pass
