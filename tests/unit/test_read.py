"""Tests for tqcheck.read.reader: encoding detection, normalisation and input errors."""
from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.errors import InputError
from tqcheck.read import reader
from tqcheck.read.lines import LineIndex
from tqcheck.read.reader import MAX_INPUT_BYTES, DecodedText, decode_bytes, read_text_file

# --- texts (all written for these tests) -------------------------------------------------

ZH_HANS = "今天下午我们在河边散步，看见几只白鹭站在浅水里。晚饭以后，大家一起讨论了明年的旅行计划。\n"
ZH_HANT = "我們昨天去了圖書館，借了三本關於歷史的書。這個週末天氣很好，適合爬山。\n"
JA = "昨日は雨が降っていたので、一日中家で本を読んでいました。明日は晴れるそうです。\n"
RU = "Вчера мы долго гуляли по старому городу и пили чай в маленьком кафе.\nОтчёт будет готов к пятнице.\n"
KO = "회의는 다음 주로 연기되었습니다. 자료를 미리 확인해 주세요.\n"
EN = "The committee postponed its decision until the auditors had finished.\n"
MIXED_UTF8 = "Price: 12,50 € — naïve café; 价格是一百二十元；Цена: 100 ₽\n"


def _write(tmp_path: Path, data: bytes, name: str = "input.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "expected_encoding"),
    [
        (EN, "utf-8", "utf-8"),
        (MIXED_UTF8, "utf-8", "utf-8"),
        (ZH_HANS, "utf-8", "utf-8"),
        (ZH_HANS, "gbk", "gb18030"),
        (ZH_HANS, "gb18030", "gb18030"),
        ("翻译质量检查工具可以发现漏译、数字错误和术语不一致的问题。\n", "gbk", "gb18030"),
        (ZH_HANT, "big5", "big5"),
        ("臺北的夜市非常熱鬧，小吃種類繁多。\n", "big5", "big5"),
        (JA, "shift_jis", "shift_jis"),
        ("カタカナのテストです。コンピューター、ソフトウェア、データベース。\n", "shift_jis", "shift_jis"),
        (RU, "cp1251", "cp1251"),
        ("Съешь же ещё этих мягких французских булок, да выпей чаю.\n", "cp1251", "cp1251"),
        (KO, "euc_kr", "euc_kr"),
        ("Le café était très chaud, à mon avis.\n", "cp1252", "cp1252"),
        (ZH_HANS + EN, "utf-16-le", "utf-16-le"),  # no BOM: told by the NUL bytes
        (ZH_HANS + EN, "utf-16-be", "utf-16-be"),
        (EN, "utf-16-le", "utf-16-le"),
        ("委员会推迟了决定。\n一二三四五六七八九十\n", "utf-16-le", "utf-16-le"),  # 一 = U+4E00 has a NUL byte
    ],
)
def test_round_trip(tmp_path: Path, text: str, codec: str, expected_encoding: str) -> None:
    path = _write(tmp_path, text.encode(codec))
    got = read_text_file(path)
    assert got.text == text
    assert got.encoding == expected_encoding
    assert got.path == str(path)


@pytest.mark.parametrize(
    ("text", "codec", "expected_encoding"),
    [
        # Sentences so short that charset-normalizer on its own picks a wrong codec
        # (UTF-16-BE, cp949, johab ...); the plausibility tie-break must recover them.
        ("你好，世界。", "gbk", "gb18030"),
        ("今天天气很好。", "gbk", "gb18030"),
        ("请把门关上。", "gbk", "gb18030"),
        ("謝謝你的幫忙。", "big5", "big5"),
        ("請把門關上。", "big5", "big5"),
        ("こんにちは。", "shift_jis", "shift_jis"),
        ("東京へ行きます。", "shift_jis", "shift_jis"),
        ("駅の近くに新しいパン屋ができた。", "shift_jis", "shift_jis"),
        ("Привет, как дела?", "cp1251", "cp1251"),
        ("Пожалуйста, закройте окно.", "cp1251", "cp1251"),
        ("ЖУРНАЛ ИЗМЕНЕНИЙ", "cp1251", "cp1251"),
        ("使用Python处理数据很方便。", "gbk", "gb18030"),
        ("版本 2.3 修正了 15 個錯誤。", "big5", "big5"),
        ("バージョン2.3で15件の不具合を修正しました。", "shift_jis", "shift_jis"),
        ("Нажмите OK, чтобы продолжить.", "cp1251", "cp1251"),
        ("안녕하세요. 만나서 반갑습니다.", "euc_kr", "euc_kr"),
        ("El niño comió mañana.", "cp1252", "cp1252"),
    ],
)
def test_short_legacy_texts(text: str, codec: str, expected_encoding: str) -> None:
    got = decode_bytes(text.encode(codec))
    assert got.text == text
    assert got.encoding == expected_encoding


@pytest.mark.parametrize(
    ("first", "second", "codec"),
    [
        ("我们明天见。", "第三章 数据准备", "gbk"),
        ("這本書很有意思，我已經看了兩遍。", "會議延到下週舉行，請大家準時出席。", "big5"),
        ("ありがとうございます。", "会議は来週に延期されました。", "shift_jis"),
        ("Спасибо!", "Версия 2.3 исправляет 15 ошибок.", "cp1251"),
    ],
)
def test_two_line_legacy_texts_with_crlf(first: str, second: str, codec: str) -> None:
    got = decode_bytes(f"{first}\r\n{second}\r\n".encode(codec))
    assert got.text == f"{first}\n{second}\n"


@pytest.mark.parametrize(
    ("text", "codec", "expected_encoding"),
    [
        # Detection samples the lines with non-ASCII bytes (about 32 KB); the file decides.
        (EN * 3000 + RU, "cp1251", "cp1251"),  # legacy text only after 200 KB of ASCII
        (ZH_HANS.strip() * 2000 + "\n", "gbk", "gb18030"),  # one 180 KB line
        ("这本书很有意思" * 5000, "gbk", "gb18030"),  # no newline, no punctuation at all
        # Reads as EUC-KR in the sample; 똠 (cp949 only) comes later: falls back to cp949.
        (KO * 600 + "똠방각하 사진을 보았다.\n", "cp949", "cp949"),
    ],
)
def test_large_inputs_are_decoded_whole(text: str, codec: str, expected_encoding: str) -> None:
    got = decode_bytes(text.encode(codec))
    assert got.encoding == expected_encoding
    assert got.text == text


def test_long_legacy_text_is_confident_and_fast_path_is_confident() -> None:
    assert decode_bytes((ZH_HANS * 5).encode("gbk")).confident
    assert decode_bytes((RU * 5).encode("cp1251")).confident
    assert decode_bytes(ZH_HANS.encode("utf-8")).confident


def test_two_bytes_of_cyrillic_are_not_confident() -> None:
    # "ДА" in cp1251 is also a valid GBK character: nobody can be sure.
    assert not decode_bytes("ДА".encode("cp1251")).confident


# --- BOMs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec", "expected_encoding"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (b"\x84\x31\x95\x33", "gb18030", "gb18030"),
    ],
)
@pytest.mark.parametrize("text", [ZH_HANS, RU + EN, JA])
def test_bom_is_detected_and_removed(
    tmp_path: Path, bom: bytes, codec: str, expected_encoding: str, text: str
) -> None:
    path = _write(tmp_path, bom + text.encode(codec))
    got = read_text_file(path)
    assert got.text == text
    assert not got.text.startswith("\ufeff")
    assert got.encoding == expected_encoding
    assert got.confident


def test_explicit_utf8_still_strips_bom() -> None:
    got = decode_bytes(codecs.BOM_UTF8 + b"abc\n", encoding="utf-8")
    assert got.text == "abc\n"


def test_bom_in_the_middle_is_kept() -> None:
    # Only a leading BOM is a BOM; anything else is text and offsets must stay faithful.
    assert decode_bytes("a\ufeffb\n".encode("utf-8")).text == "a\ufeffb\n"


# --- newlines and faithfulness ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\r\ntwo\r\n", "one\ntwo\n"),
        ("one\rtwo\r", "one\ntwo\n"),
        ("one\ntwo\n", "one\ntwo\n"),
        ("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),
        ("one\r\r\ntwo", "one\n\ntwo"),
        ("一\r\n二\r三", "一\n二\n三"),
    ],
)
@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "gb18030"])
def test_newlines_are_normalised(raw: str, expected: str, codec: str) -> None:
    got = decode_bytes(raw.encode(codec), encoding=codec)
    assert got.text == expected
    assert LineIndex(got.text).line_count == expected.count("\n") + 1


@pytest.mark.parametrize(
    "text",
    [
        "cafe\u0301 au lait\n",  # decomposed é: no NFC
        "ﬁne ligature, ｆｕｌｌｗｉｄｔｈ and ½\n",  # no NFKC
        "zero\u200bwidth and tab\there  \n",
        "  leading and trailing spaces  \n\n\n",
    ],
)
def test_text_is_not_otherwise_altered(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")).text == text


_NL = st.sampled_from(["\n", "\r\n", "\r"])
_CHARS = st.characters(categories=["L", "N", "P", "Zs"])


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(_CHARS, min_size=1, max_size=12), _NL), min_size=1, max_size=20))
def test_property_utf8_and_utf16_round_trip(parts: list[str]) -> None:
    text = "".join(parts)
    if not text.strip():
        return
    for codec in ("utf-8", "utf-8-sig", "utf-16"):
        got = decode_bytes(text.encode(codec))
        assert got.text == _normalise(text)


# --- explicit encodings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_encoding", "codec", "expected_encoding"),
    [
        ("cp1251", "cp1251", "cp1251"),
        ("windows-1251", "cp1251", "cp1251"),
        ("GBK", "gbk", "gbk"),
        ("sjis", "shift_jis", "shift_jis"),
        ("UTF_8", "utf-8", "utf-8"),
    ],
)
def test_explicit_encoding(given_encoding: str, codec: str, expected_encoding: str) -> None:
    text = {"cp1251": RU, "gbk": ZH_HANS, "shift_jis": JA, "utf-8": MIXED_UTF8}[codec]
    got = decode_bytes(text.encode(codec), encoding=given_encoding)
    assert got == DecodedText("<string>", text, expected_encoding, True)


def test_explicit_encoding_skips_detection() -> None:
    # GBK bytes read as Latin-1 on request: mojibake, but what was asked for.
    data = "你好，世界。\n".encode("gbk")
    got = decode_bytes(data, encoding="latin-1")
    assert got.encoding == "iso8859-1"  # Python's canonical name
    assert got.text == data.decode("latin-1")


# --- errors --------------------------------------------------------------------------------


def _setup_missing(tmp_path: Path) -> Path:
    return tmp_path / "does-not-exist.txt"


def _setup_parent_is_file(tmp_path: Path) -> Path:
    return _write(tmp_path, b"x\n", "plain.txt") / "child.txt"


def _setup_directory(tmp_path: Path) -> Path:
    d = tmp_path / "a-directory"
    d.mkdir()
    return d


def _setup_empty(tmp_path: Path) -> Path:
    return _write(tmp_path, b"")


def _setup_bom_only(tmp_path: Path) -> Path:
    return _write(tmp_path, codecs.BOM_UTF8)


def _setup_whitespace(tmp_path: Path) -> Path:
    return _write(tmp_path, b" \t\r\n\n   \n")


def _setup_whitespace_utf16(tmp_path: Path) -> Path:
    return _write(tmp_path, "\u3000 \n\u00a0\n".encode("utf-16"))


def _setup_nul(tmp_path: Path) -> Path:
    return _write(tmp_path, b"some text\x00\x01\x02 more text\x00")


def _setup_control(tmp_path: Path) -> Path:
    return _write(tmp_path, bytes(range(1, 9)) * 40 + b"text")


def _setup_png(tmp_path: Path) -> Path:
    return _write(tmp_path, b"\x89PNG\r\n\x1a\n" + bytes(64))


def _setup_zip(tmp_path: Path) -> Path:
    return _write(tmp_path, b"PK\x03\x04\x14\x00\x06\x00word/document.xml")


def _setup_bad_utf8(tmp_path: Path) -> Path:
    good = "第一行：价格\n第二行：数量\n".encode("utf-8")
    return _write(tmp_path, good + b"line three has a Latin-1 caf\xe9\n" + "第四行\n".encode("utf-8"))


def _setup_bad_utf8_crlf(tmp_path: Path) -> Path:
    good = "Строка один\r\nСтрока два\r\nСтрока три\r\n".encode("utf-8")
    return _write(tmp_path, good + b"\xff\xfe broken\r\n")


def _setup_undetectable(tmp_path: Path) -> Path:
    # Contains bytes that none of the candidate encodings define (0x80 in the CJK codecs,
    # 0x98 in cp1251, 0x81 in cp1252).
    return _write(tmp_path, bytes(range(0x80, 0x100)))


def _setup_truncated_utf16(tmp_path: Path) -> Path:
    return _write(tmp_path, ("第一行\n第二行\n").encode("utf-16") + b"\x41")




@pytest.mark.parametrize(
    ("setup", "problem", "line"),
    [
        (_setup_missing, "no such file", None),
        (_setup_parent_is_file, "no such file", None),
        (_setup_directory, "is a directory", None),
        (_setup_empty, "file is empty", None),
        (_setup_bom_only, "file is empty", None),
        (_setup_whitespace, "only whitespace", None),
        (_setup_whitespace_utf16, "only whitespace", None),
        (_setup_nul, "looks like a binary file (contains NUL bytes)", None),
        (_setup_control, "looks like a binary file", None),
        (_setup_png, "looks like a binary file (a PNG image)", None),
        (_setup_zip, "looks like a binary file (a ZIP archive", None),
        (_setup_bad_utf8, "invalid UTF-8 at line 3, column 29 (byte 0xE9)", 3),
        (_setup_bad_utf8_crlf, "invalid UTF-8 at line 4, column 1 (byte 0xFF)", 4),
        (_setup_undetectable, "cannot detect the text encoding", None),
        (_setup_truncated_utf16, "not valid UTF-16 at line 3", 3),
    ],
)
def test_input_errors(
    tmp_path: Path, setup: Callable[[Path], Path], problem: str, line: int | None
) -> None:
    path = setup(tmp_path)
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    err = caught.value
    assert err.path == str(path)
    assert problem in err.problem
    assert err.line == line
    message = str(err)
    assert message.startswith(str(path))
    assert problem in message
    assert "\n" not in message


def test_error_path_is_shown_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^missing/file\.txt: no such file$"):
        read_text_file("missing/file.txt")


def test_over_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_INPUT_BYTES + 6 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    assert str(caught.value) == (
        f"{path}: file is 70.0 MB, over the 64 MB limit; split it into smaller files"
    )


def test_size_limit_applies_to_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_INPUT_BYTES", 1024 * 1024)
    with pytest.raises(InputError, match="over the 1 MB limit"):
        decode_bytes(b"a" * (1024 * 1024 + 1), "big.txt")
    assert decode_bytes(b"a" * (1024 * 1024), "ok.txt").text.startswith("a")


def test_permission_denied_via_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, b"secret\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reader, "open", refuse, raising=False)
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    assert str(caught.value) == f"{path}: permission denied"


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="root (and Windows) can read files whatever their mode",
)
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = _write(tmp_path, b"secret\n")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_text_file(path)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    ("data", "encoding", "problem", "line"),
    [
        (b"ok\n", "no-such-codec", "unknown encoding 'no-such-codec'", None),
        (b"ok\n", "base64", "unknown encoding 'base64'", None),  # a codec, but not for text
        (b"one\ntwo\nth\xffree\n", "utf-8", "cannot decode as utf-8 at line 3, column 3 (byte 0xFF)", 3),
        ("好\r\n好\r\n".encode("gbk") + b"\x80", "gbk", "cannot decode as gbk at line 3, column 1", 3),
        (b"a\x00b", "utf-16-le", "cannot decode as utf-16-le at line 1, column 2", 1),
    ],
)
def test_explicit_encoding_errors(data: bytes, encoding: str, problem: str, line: int | None) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "in.txt", encoding)
    assert str(caught.value).startswith("in.txt")
    assert problem in caught.value.problem
    assert caught.value.line == line


def test_nul_under_explicit_encoding_is_binary() -> None:
    with pytest.raises(InputError, match="looks like a binary file"):
        decode_bytes(b"abc\x00def\n", "in.txt", "utf-8")


def test_decode_bytes_default_path_in_messages() -> None:
    with pytest.raises(InputError, match=r"^<string>: file is empty$"):
        decode_bytes(b"")


def test_read_text_file_accepts_pathlike(tmp_path: Path) -> None:
    path = _write(tmp_path, RU.encode("cp1251"))
    assert read_text_file(path).text == read_text_file(str(path)).text == RU


def test_importing_the_reader_does_not_load_the_detector() -> None:
    import subprocess

    code = (
        "import sys, tqcheck.read.reader; "
        "sys.exit(1 if 'charset_normalizer' in sys.modules or 'py3langid' in sys.modules else 0)"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, check=False)
    assert done.returncode == 0
