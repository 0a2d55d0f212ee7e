"""Fixtures that BUILD tiny real models, so the model code runs for real without any download:

* ``argos_files``: .argosmodel packages zh->en, en->zh and en->de. Each is a sentencepiece model
  trained here on a few hundred generated lines, a one-layer CTranslate2 Transformer with random
  weights whose output layer has a positive bias on ``</s>`` (decoding stops after a few tokens),
  metadata.json, all zipped the way argostranslate expects.
* ``st_model_dir``: a sentence-transformers model: a one-layer BERT (hidden size 32) with a
  hand-written WordPiece vocabulary, mean pooling, and a model card listing en and zh.

Every test runs with TQCHECK_DATA_DIR and TQCHECK_CACHE_DIR in its own temporary folder.
"""
from __future__ import annotations

import json
import os
import random
import socket
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

_EN_WORDS = (
    "the a minister said today city government people new year market police court water school "
    "report news river port railway island talks two three million percent week"
).split()
_ZH_CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使"
)
_DE_WORDS = "der die das und ist nicht ein eine Stadt Regierung heute sagte Markt Wasser Schule".split()

D_MODEL, HEADS, FFN = 32, 2, 64
EOS_BIAS = 3.0  # with projection weights of std 0.3, decoding stops after 1-5 tokens
PROJ_STD = 0.3


def _lines(lang: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        k = rng.randint(3, 9)
        if lang == "zh":
            out.append("".join(rng.choice(_ZH_CHARS) for _ in range(2 * k)) + "。")
        else:
            words = _DE_WORDS if lang == "de" else _EN_WORDS
            s = " ".join(rng.choice(words) for _ in range(k))
            out.append(s[0].upper() + s[1:] + ".")
    return out


def _train_sentencepiece(folder: Path) -> Path:
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    lines = _lines("en", 150, 1) + _lines("zh", 150, 2) + _lines("de", 100, 3)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "sp"), vocab_size=300, character_coverage=1.0,
        model_type="unigram", minloglevel=2, num_threads=1,
    )
    return folder / "sp.model"


def _build_ct2_model(vocab: list[str], out_dir: Path, seed: int) -> None:
    from ctranslate2.converters import Converter
    from ctranslate2.specs import TransformerSpec

    rng = np.random.default_rng(seed)
    d, n = D_MODEL, len(vocab)

    def w(*shape: int, std: float = 0.1) -> np.ndarray:
        return (rng.standard_normal(shape) * std).astype(np.float32)

    def norm(spec: object) -> None:
        spec.gamma = np.ones(d, np.float32)  # type: ignore[attr-defined]
        spec.beta = np.zeros(d, np.float32)  # type: ignore[attr-defined]

    def linear(spec: object, out: int, inp: int) -> None:
        spec.weight = w(out, inp)  # type: ignore[attr-defined]
        spec.bias = np.zeros(out, np.float32)  # type: ignore[attr-defined]

    spec = TransformerSpec.from_config(1, HEADS)
    for stack in (spec.encoder, spec.decoder):
        norm(stack.layer_norm)
        for layer in stack.layer:
            norm(layer.self_attention.layer_norm)
            linear(layer.self_attention.linear[0], 3 * d, d)  # fused query/key/value
            linear(layer.self_attention.linear[1], d, d)
            if hasattr(layer, "attention"):  # decoder: attention over the encoder output
                norm(layer.attention.layer_norm)
                linear(layer.attention.linear[0], d, d)
                linear(layer.attention.linear[1], 2 * d, d)  # fused key/value
                linear(layer.attention.linear[2], d, d)
            norm(layer.ffn.layer_norm)
            linear(layer.ffn.linear_0, FFN, d)
            linear(layer.ffn.linear_1, d, FFN)
    spec.encoder.embeddings[0].weight = w(n, d)
    spec.decoder.embeddings.weight = w(n, d)
    spec.decoder.projection.weight = w(n, d, std=PROJ_STD)
    bias = np.zeros(n, np.float32)
    bias[vocab.index("</s>")] = EOS_BIAS  # so that decoding stops
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)

    class _Random(Converter):
        def _load(self) -> TransformerSpec:
            return spec

    _Random().convert(str(out_dir), force=True)


_NAMES = {"en": "English", "zh": "Chinese", "de": "German"}


def build_argosmodel(folder: Path, sp_model: Path, src: str, tgt: str, seed: int) -> Path:
    """A real, installable .argosmodel translating src to tgt (badly: the weights are random)."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    name = f"translate-{src}_{tgt}-1_0"
    pkg = folder / name
    pkg.mkdir(parents=True)
    _build_ct2_model(vocab, pkg / "model", seed)
    (pkg / "sentencepiece.model").write_bytes(sp_model.read_bytes())
    metadata = {
        "package_version": "1.0", "argos_version": "1.9.0", "type": "translate",
        "from_code": src, "from_name": _NAMES[src], "to_code": tgt, "to_name": _NAMES[tgt],
        "links": [], "dependencies": [],
    }
    (pkg / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (pkg / "README.md").write_text(f"Tiny random {src}->{tgt} model built by tqcheck's tests.\n")
    archive = folder / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(pkg.rglob("*")):
            zf.write(path, path.relative_to(folder).as_posix())
    return archive


@pytest.fixture(scope="session")
def argos_files(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("argos-build")
    sp_model = _train_sentencepiece(folder)
    pairs = [("zh", "en"), ("en", "zh"), ("en", "de")]
    return {(s, t): build_argosmodel(folder, sp_model, s, t, seed=i) for i, (s, t) in enumerate(pairs)}


@pytest.fixture(scope="session")
def st_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from sentence_transformers import SentenceTransformer, SentenceTransformerModelCardData

    try:
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers.models import Pooling, Transformer  # type: ignore[no-redef]
    from transformers import BertConfig, BertModel, BertTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    root = tmp_path_factory.mktemp("st-build")
    hf = root / "bert"
    hf.mkdir()
    words = sorted(set(" ".join(_lines("en", 50, 4)).lower().replace(".", "").split()))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "!", "?", "。", "，"] + words + list(_ZH_CHARS)
    (hf / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=D_MODEL, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(hf)
    BertTokenizer(vocab_file=str(hf / "vocab.txt"), do_lower_case=True).save_pretrained(hf)
    model = SentenceTransformer(
        modules=[Transformer(str(hf), max_seq_length=64), Pooling(D_MODEL, "mean")],
        model_card_data=SentenceTransformerModelCardData(language=["en", "zh"]),
        device="cpu",
    )
    out = root / "tiny-st"
    model.save(str(out))
    return out


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TQCHECK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def installed(argos_files: dict[tuple[str, str], Path]) -> dict[tuple[str, str], Path]:
    """The tiny packages installed into this test's data folder."""
    from tqcheck.models.manage import install_file

    for path in argos_files.values():
        install_file(path)
    return argos_files


class NetworkBlocked(OSError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every attempt to resolve a name or open a connection fails at once and is recorded."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise NetworkBlocked("network access blocked by the test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    yield attempts
