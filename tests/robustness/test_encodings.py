"""Encoding battery: legacy files with the characters that break naive detection, each read back exactly.

Every text is our own writing, a few lines as a news file would have them, in the code page its
language's files are usually saved in: curly quotes, dashes, the euro sign and accents in
Windows-1252/1250, ё and « » in Windows-1251 and KOI8-R, half-width katakana in Shift-JIS and
EUC-JP, the name separator · in GB18030, Big5 and EUC-KR, and UTF-16 with and without a BOM.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tqcheck.cli import main
from tqcheck.pipeline import Options, compare_files
from tqcheck.read.reader import decode_bytes

# (language, codec, text). The codec name is the one the reader should report.
BATTERY: list[tuple[str, str, str]] = [
    ("en", "cp1252",
     "Japan’s government said on Tuesday — in a statement read at the café “Le Monde” — that the €15 billion "
     "fund … would be doubled.\nIt’s a ‘historic’ step, the minister said.\n"),
    ("en", "cp1252", "He said — a café … costs €15 — and left.\nThe naïve plan failed.\n"),
    ("fr", "cp1252",
     "L’été dernier, à Noël, la société a versé 15 € à chaque employé ; « Ça suffit ! » a dit Hélène.\n"
     "Un œuf, un cœur : c’est naïf.\n"),
    ("de", "cp1252",
     "Größere Übernahmen – so der Vorstand – kosten 15 € je Aktie.\n„Wir sind zufrieden“, sagte Jürgen Weiß.\n"),
    ("es", "cp1252", "El niño comió —¿de verdad?— una piña por 3 €.\n¡Qué mañana tan rara!\n"),
    ("cs", "cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy.\nMinistr řekl „ano“ – cena je 15 €.\n"),
    ("pl", "cp1250", "Zażółć gęślą jaźń.\nMinister powiedział: „Łódź i Kraków” – koszt to 15 €.\n"),
    ("hu", "cp1250", "Árvíztűrő tükörfúrógép.\nA miniszter szerint „ez így jó” – az ára 15 €.\n"),
    ("ru", "cp1251", "Ещё вчера министр заявил: «Это — ёлка».\nЦена составила 15 € (№ 7).\n"),
    ("ru", "koi8-r", "Ещё вчера министр заявил, что всё готово.\nСъешь же ещё этих мягких французских булок.\n"),
    ("uk", "cp1251", "Її ґанок і подвір’я — це Київ.\nЦіна — 15 € за ніч, сказав власник.\n"),
    ("ja", "shift_jis", "東京都は１５日、新しい計画を発表した。\n「ｶﾀｶﾅ」は半角で書かれている…と担当者は話す。\n"),
    ("ja", "euc_jp", "東京都は１５日、新しい計画を発表した。\n「ｶﾀｶﾅ」は半角で書かれている…と担当者は話す。\n"),
    ("zh", "gb18030", "新华社电 据报道，约翰·史密斯和玛丽·简周二表示，今天的会议很重要。\n他说：“这是第一次。”\n"),
    ("zh", "gb18030", "朱镕基的书卖了15€，埃隆·马斯克也来了。\n"),
    ("zh", "big5", "臺北市長說：「這是第15次。」\n據報導，約翰·史密斯表示，價格為新臺幣300元。\n"),
    ("ko", "euc_kr", "서울시는 15일 “새 계획”을 발표했다.\n가격은 1만5천 원이다.\n"),
    ("en", "utf-16", "Japan’s minister — “yes” — said €15.\n"),
    ("zh", "utf-16-le", "约翰·史密斯说：“好。”\n"),
    ("ru", "utf-16-be", "Ёлка — «да».\n"),
]
IDS = [f"{lang}-{codec}-{k}" for k, (lang, codec, _) in enumerate(BATTERY)]
# The UTF-8 file each battery file is compared with (any other language will do).
OTHER = {"zh": "这是一份中文原文。它有两句话。\n", "en": "This is the English original. It has two sentences.\n"}


def _data(codec: str, text: str) -> bytes:
    return text.encode(codec)  # "utf-16" writes a byte-order mark, "utf-16-le" and "utf-16-be" none


@pytest.mark.parametrize(("lang", "codec", "text"), BATTERY, ids=IDS)
def test_battery_decodes_exactly(lang: str, codec: str, text: str) -> None:
    got = decode_bytes(_data(codec, text))
    assert got.text == text
    assert got.encoding == codec
    with_lang = decode_bytes(_data(codec, text), lang=lang)  # knowing the language never hurts
    assert with_lang.text == text


@pytest.mark.parametrize(("lang", "codec", "text"), BATTERY, ids=IDS)
def test_battery_in_a_comparison(tmp_path: Path, lang: str, codec: str, text: str) -> None:
    """Either side of a comparison, the other file in UTF-8, no --encoding."""
    legacy = tmp_path / f"legacy.{lang}.txt"
    legacy.write_bytes(_data(codec, text))
    other = tmp_path / "other.txt"
    other.write_text(OTHER["zh" if lang == "en" else "en"], encoding="utf-8")
    for src, tgt in ((legacy, other), (other, legacy)):
        report = compare_files(str(src), str(tgt), Options(embedder="none", cache=False))
        doc = report.source if src is legacy else report.target
        assert doc.text == text
        assert doc.encoding == codec


@pytest.mark.parametrize(
    ("data", "wrong"),
    [
        # Windows-1252 English read without knowing the language: Shift-JIS turns ’s into 痴.
        ("It’s Japan’s turn, and Russia’s too.\nThe ministers’ talks resume on Monday.\n".encode("cp1252"), "痴"),
        # GB2312 reads A1A4 as the katakana middle dot; Chinese names are separated by ·.
        ("约翰·史密斯说，会议很重要。\n".encode("gb18030"), "・"),
        # EUC-JP read as GB18030 gives simplified characters no Japanese text has.
        ("こんにちは、世界。今日は雨です。\n".encode("euc_jp"), "坤"),
    ],
)
def test_known_traps(data: bytes, wrong: str) -> None:
    assert wrong not in decode_bytes(data).text


def test_close_call_is_recorded_and_the_language_settles_it() -> None:
    data = "Japan’s move.\n".encode("cp1252")  # two words: nobody can be sure
    unsure = decode_bytes(data)
    assert not unsure.confident and unsure.alternative
    sure = decode_bytes(data, lang="en")
    assert sure.text == "Japan’s move.\n"


def _invoke(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])  # click 8.2+: stdout and stderr kept apart


def test_cli_encoding_per_side(tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    out = tmp_path / "out.txt"
    src.write_bytes("约翰·史密斯说，会议很重要。\n".encode("gb18030"))
    out.write_bytes("John Smith said the meeting was important — “very”.\n".encode("cp1252"))
    res = _invoke("compare", src, out, "-f", "json", "--src-encoding", "gb18030", "--tgt-encoding", "cp1252",
                  "--embedder", "none", "--no-cache", "--exit-zero")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert (data["source"]["encoding"], data["translation"]["encoding"]) == ("gb18030", "cp1252")
    # One --encoding for both files cannot read them both: a one-line error naming the file and line.
    report = tmp_path / "report.json"
    res = _invoke("compare", src, out, "--encoding", "gb18030", "-o", report)
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and str(out) in res.stderr and "line 1" in res.stderr
    assert not report.exists()
    # --tgt-encoding overrides --encoding for the translation alone.
    res = _invoke("compare", src, out, "--encoding", "gb18030", "--tgt-encoding", "cp1252", "-f", "json",
                  "--embedder", "none", "--no-cache", "--exit-zero")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["translation"]["encoding"] == "cp1252"


def test_close_call_is_a_note(tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    out = tmp_path / "out.txt"
    src.write_text("日本的举动。\n", encoding="utf-8")
    out.write_bytes("Japan’s move.\n".encode("cp1252"))
    res = _invoke("compare", src, out, "--embedder", "none", "--no-cache", "--exit-zero", "-f", "json")
    notes = json.loads(res.stdout)["notes"]
    assert any("close call" in n and "--tgt-encoding" in n for n in notes), notes
