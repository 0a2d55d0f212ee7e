"""STEmbedder on a tiny sentence-transformers model built by the fixtures; missing models fail fast."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from tqcheck.cache import CachedEmbedder, DiskCache
from tqcheck.errors import ModelError
from tqcheck.models.embedders import Embedder, get_embedder
from tqcheck.models.st_embedder import STEmbedder, _card_languages, _parse_language_field

SENTENCES = ["The minister said today.", "今天的新闻。", "police court water", "", "the the the the"]


def test_encode_shape_and_normalisation(st_model_dir: Path) -> None:
    emb = STEmbedder(str(st_model_dir), batch_size=2)
    assert emb._model is None  # nothing loads before the first encode
    vecs = emb.encode(SENTENCES)
    assert vecs.shape == (len(SENTENCES), 32) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(emb.encode(SENTENCES[:1])[0], vecs[0], atol=1e-5)  # batching changes nothing
    assert emb.device == "cpu"
    assert emb.encode([]).shape == (0, 32)
    assert isinstance(emb, Embedder)


def test_get_embedder_spec(st_model_dir: Path) -> None:
    emb = get_embedder(f"st:{st_model_dir}")
    assert isinstance(emb, STEmbedder) and emb.name == f"st:{st_model_dir}"
    with pytest.raises(ModelError, match="st:NAME_OR_PATH"):
        get_embedder("labse")


def test_supports_follows_the_model_card(st_model_dir: Path, tmp_path: Path) -> None:
    emb = STEmbedder(str(st_model_dir))
    assert emb.supports("en") and emb.supports("zh") and emb.supports("zh-Hant")
    assert not emb.supports("fr")
    assert emb._model is None  # answered from README.md, without loading the model
    (tmp_path / "README.md").write_text("---\nlanguage: multilingual\n---\n# card\n")
    assert _card_languages(tmp_path) is None  # no restriction
    assert _card_languages(tmp_path / "nowhere") is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [("language:\n- en\n- de\nlicense: mit\n", ["en", "de"]), ("language: [en, zh]\n", ["en", "zh"]),
     ("language: en\n", ["en"]), ("license: mit\n", None)],
)
def test_language_field_fallback_parser(header: str, expected: list[str] | None) -> None:
    assert _parse_language_field(header) == expected


def test_cache_hit_on_second_run(st_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inner = STEmbedder(str(st_model_dir))
    first = CachedEmbedder(inner, DiskCache(tmp_path)).encode(SENTENCES)
    calls: list[int] = []
    real = inner._model.encode
    monkeypatch.setattr(inner._model, "encode", lambda texts, **kw: calls.append(len(texts)) or real(texts, **kw))
    again = CachedEmbedder(inner, DiskCache(tmp_path))  # a second run over the same document
    np.testing.assert_allclose(again.encode(SENTENCES), first, atol=1e-6)
    assert calls == [] and again.hits == len(SENTENCES)
    again.encode(SENTENCES + ["a new sentence."])
    assert calls == [1]


def test_cache_id_changes_with_the_weights(st_model_dir: Path) -> None:
    a = STEmbedder(str(st_model_dir)).cache_id
    assert str(st_model_dir.resolve()) in a and "model.safetensors" in a


@pytest.mark.parametrize("name", ["no/such-model", "LaBSE-not-downloaded"])
def test_missing_hub_model_fails_fast(name: str) -> None:
    t0 = time.perf_counter()
    with pytest.raises(ModelError, match="not installed.*st:/path/to/model"):
        STEmbedder(name).encode(["x"])
    assert time.perf_counter() - t0 < 5


def test_missing_model_never_downloads_even_online(
    monkeypatch: pytest.MonkeyPatch, no_network: list[str]
) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    t0 = time.perf_counter()
    with pytest.raises(ModelError, match="is not installed"):
        STEmbedder("no/such-model").encode(["x"])
    assert time.perf_counter() - t0 < 5 and not no_network  # no connection was even attempted


@pytest.mark.parametrize("spec", ["./not/here", "/definitely/not/a/model/dir", "a/b/c"])
def test_missing_local_path(spec: str) -> None:
    with pytest.raises(ModelError, match="no sentence-transformers model folder"):
        STEmbedder(spec).encode(["x"])


def test_folder_that_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_text("hello")
    with pytest.raises(ModelError, match="cannot load sentence-transformers model"):
        STEmbedder(str(tmp_path)).encode(["x"])
