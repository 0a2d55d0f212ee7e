"""Read a text file of unknown encoding into a newline-normalised ``str``.

Detection order: byte-order mark; NUL-byte pattern of BOM-less UTF-16; strict UTF-8 (most
files, and the only fast path needed); then charset-normalizer's candidates together with
the legacy encodings tqcheck promises to read (GB18030/GBK, Big5, Shift-JIS, EUC-JP,
Windows-1250/1251/1252, KOI8-R), ranked by a plausibility score of the decoded text (see
:func:`_plausibility`) that knows what the text's language is written with (given, or read
from the ASCII part of the text; :mod:`tqcheck.read.alphabets`). Every failure is an
:class:`~tqcheck.errors.InputError` naming the file and the problem in one line.

The text is otherwise left exactly as decoded (no Unicode normalisation), so character
offsets stay faithful to the file.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.errors import InputError
from tqcheck.paths import display_path
from tqcheck.read.alphabets import Fit, fit_for, known, native_codecs, some_alphabet
from tqcheck.read.langid import char_script, detect_language, normalise_lang, rank_languages

__all__ = ["MAX_INPUT_BYTES", "DecodedText", "decode_bytes", "read_text_file"]

#: Largest input accepted, in bytes (64 MB). Larger inputs should be split.
MAX_INPUT_BYTES: int = 64 * 1024 * 1024


@dataclass(frozen=True)
class DecodedText:
    """A decoded input file."""

    path: str  # as given by the user (display form)
    text: str  # decoded, newlines normalised to "\n" (\r\n and lone \r), BOM removed
    encoding: str  # Python codec name actually used, e.g. "utf-8", "gb18030"
    confident: bool  # False when the detector was unsure
    #: When the detector was unsure: the codec that came closest, for a note ("cp1252, close to cp1250").
    alternative: str | None = None


# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x84\x31\x95\x33", "gb18030"),
)

# Legacy encodings always tried besides charset-normalizer's guesses: on short texts it
# often does not even list the right one (e.g. GBK "你好，世界。" gets no gb18030 candidate).
_LEGACY = ("gb18030", "big5", "shift_jis", "cp932", "euc_jp", "cp1251", "cp1252", "cp1250", "koi8-r")

# Tie-break among equally plausible decodings: the documented encodings, then the most
# common legacy encodings of other languages.
_PRIOR = ("gb18030", "big5", "shift_jis", "cp1251", "cp1252", "euc_kr", "euc_jp", "cp1250", "koi8-r")

# Codecs that a superset extends: a file detected as GB2312 is decoded as GB18030 (GB2312's A1A4 is
# the katakana middle dot where GBK and GB18030 read the ·  of Chinese name separators), Latin-1 as
# Windows-1252 (which has curly quotes, dashes and the euro sign where Latin-1 has control codes).
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "iso8859-1": "cp1252", "latin-1": "cp1252"}

# When two codecs decode the bytes to the same text, report the standard one:
# charset-normalizer says "cp932" for plain Shift-JIS, "gbk" for what GB18030 also reads.
_PREFERRED = {
    "cp932": "shift_jis",
    "shift_jis_2004": "shift_jis",
    "shift_jisx0213": "shift_jis",
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "cp950": "big5",
    "big5hkscs": "big5",
    "euc_jis_2004": "euc_jp",
    "euc_jisx0213": "euc_jp",
    "cp949": "euc_kr",
}

# Magic numbers of binary formats people mistake for text, for a more helpful message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document; export it as plain text first"),
    (b"PK\x03\x04", "a ZIP archive (.docx/.xlsx/.odt are ZIP); export it as plain text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document; export it as plain text first"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable"),
)

# Control characters other than tab, newline, vertical tab, form feed, carriage return
# and escape. NUL is handled separately.
_CONTROL_RE = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_BYTES_RE = re.compile(b"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
#: Share of control characters above which a file is called binary.
_MAX_CONTROL_SHARE = 0.05
_HIGH_BYTE_RE = re.compile(b"[\x80-\xff]")
_SURROGATE_ESCAPE_RE = re.compile("[\udc80-\udcff]")
#: Detection looks at up to this many bytes of the lines that contain non-ASCII bytes.
_SAMPLE_BYTES = 32 * 1024
#: The winner must lead the best different decoding by this much to be "confident".
_CONFIDENT_MARGIN = 6.0

_SUPPORTED = ("UTF-8, UTF-16, GB18030/GBK, Big5, Shift-JIS, EUC-JP, EUC-KR, Windows-1250/1251/1252, "
              "KOI8-R")


def read_text_file(
    path: str | os.PathLike[str], encoding: str | None = None, lang: str | None = None
) -> DecodedText:
    """Read and decode the text file at ``path``.

    ``encoding`` (a Python codec name) skips detection; ``lang`` (the text's language, when known)
    helps it choose between legacy encodings. Raises :class:`InputError` for a
    missing, unreadable, empty, binary, undecodable or over-large (> ``MAX_INPUT_BYTES``)
    file.
    """
    shown = display_path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except NotADirectoryError:
        raise InputError(shown, "no such file (a parent of it is not a directory)") from None
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(shown, "is a directory, not a file")
    if stat.S_ISREG(st.st_mode):
        _check_size(shown, st.st_size)
    try:
        if stat.S_ISFIFO(st.st_mode):
            data = _read_pipe(path, shown)
        else:
            with open(path, "rb") as f:
                # Devices have no size to check up front: read one byte past the limit.
                data = f.read(MAX_INPUT_BYTES + 1)
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    return decode_bytes(data, shown, encoding, lang)


#: How long a named pipe may stay silent before it is taken to have no writer (seconds).
PIPE_WAIT = 10.0


def _read_pipe(path: str | os.PathLike[str], shown: str) -> bytes:
    """Read a pipe (``<(cmd)``, a FIFO) to its end; one that nothing writes to within PIPE_WAIT
    seconds is an input error instead of a wait forever (opening a FIFO blocks until a writer comes)."""
    import select

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP)
        if not poller.poll(PIPE_WAIT * 1000):
            raise InputError(shown, f"a pipe that nothing wrote to in {PIPE_WAIT:g} s; start its writer first, "
                                    "or save the text to a file")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(MAX_INPUT_BYTES + 1)
    finally:
        os.close(fd)


def decode_bytes(
    data: bytes, path: str = "<string>", encoding: str | None = None, lang: str | None = None
) -> DecodedText:
    """Decode ``data`` (the contents of ``path``, which is only used in messages); ``lang`` as for
    :func:`read_text_file`."""
    _check_size(path, len(data))
    if not data:
        raise InputError(path, "file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"looks like a binary file ({what}), not text")
    if encoding is not None:
        used = _codec_name(path, encoding)
        text, confident, alternative = _decode_explicit(data, path, used), True, None
    else:
        text, used, confident, alternative = _detect(data, path, lang)
    text = _normalise(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text:
        raise InputError(path, "file is empty (only a byte-order mark)")
    _check_binary_text(path, text)
    if not text.strip():
        raise InputError(path, "file contains only whitespace")
    return DecodedText(path=path, text=text, encoding=used, confident=confident, alternative=alternative)


# --- checks ---------------------------------------------------------------------------


def _check_size(path: str, size: int) -> None:
    if size > MAX_INPUT_BYTES:
        mb = size / (1024 * 1024)
        limit = MAX_INPUT_BYTES // (1024 * 1024)
        raise InputError(
            path, f"file is {mb:.1f} MB, over the {limit} MB limit; split it into smaller files"
        )


def _binary_error(path: str, why: str) -> InputError:
    return InputError(path, f"looks like a binary file ({why}), not text")


def _check_binary_text(path: str, text: str) -> None:
    if "\x00" in text:
        raise _binary_error(path, "contains NUL characters")
    sample = text[: 1 << 20]
    controls = len(_CONTROL_RE.findall(sample))
    if controls and controls > _MAX_CONTROL_SHARE * len(sample):
        share = 100 * controls / len(sample)
        raise _binary_error(path, f"{share:.0f}% control characters")


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _position(data: bytes, offset: int, codec: str) -> tuple[int, int]:
    """1-based line and column, in the normalised decoded text, of byte ``offset``."""
    prefix = _normalise(data[:offset].decode(codec, errors="replace"))
    if prefix.startswith("\ufeff"):
        prefix = prefix[1:]
    line_start = prefix.rfind("\n") + 1
    return prefix.count("\n") + 1, len(prefix) - line_start + 1


# --- explicit encoding ------------------------------------------------------------------


def _codec_name(path: str, encoding: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    # Codecs such as base64 or rot13 are not text encodings.
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InputError(
            path,
            f"unknown encoding {encoding!r}; give a Python codec name such as "
            "utf-8, utf-16, gb18030, big5, shift_jis or cp1251",
        )
    return info.name


def _decode_explicit(data: bytes, path: str, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start, name)
        raise InputError(
            path,
            f"cannot decode as {name} at line {line}, column {col} "
            f"(byte 0x{data[exc.start]:02X}); is that the right encoding?",
            line=line,
        ) from None


# --- detection --------------------------------------------------------------------------


def _detect(data: bytes, path: str, lang: str | None) -> tuple[str, str, bool, str | None]:
    """Decoded text, codec name, confidence and the closest other codec for ``data`` of unknown
    encoding."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, True, None
            except UnicodeDecodeError as exc:
                if codec in ("utf-16", "utf-32"):
                    line, col = _position(data, exc.start, codec)
                    label = codec.upper()
                    raise InputError(
                        path,
                        f"starts with a {label} byte-order mark but is not valid {label} "
                        f"at line {line}, column {col} (truncated or corrupted?)",
                        line=line,
                    ) from None
                # A UTF-8 file with bad bytes is reported below, with the line.
            break

    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise _binary_error(path, "contains NUL bytes")
        return found[0], found[1], True, None

    head = data[:65536]
    controls = len(_CONTROL_BYTES_RE.findall(head))
    if controls > _MAX_CONTROL_SHARE * len(head):
        share = 100 * controls / len(head)
        raise _binary_error(path, f"{share:.0f}% control characters")

    try:
        return data.decode("utf-8"), "utf-8", True, None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    sample = _non_ascii_sample(data)
    _raise_if_mostly_utf8(data, sample, path, first_bad)
    return _detect_legacy(data, sample, path, lang)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Decode BOM-less UTF-16, or return None.

    ASCII characters in UTF-16 have a NUL high byte: at odd offsets in little-endian, even
    ones in big-endian, so the side with more NULs is tried first. CJK characters such as
    一 (U+4E00) put NULs on the other side too, so the decoded text decides: it must
    contain no U+0000 and look like text.
    """
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    orders = [("utf-16-le", odd), ("utf-16-be", even)]
    orders.sort(key=lambda o: o[1], reverse=True)
    for codec, _ in orders:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        # Arbitrary bytes read as UTF-16 scatter over rare ideographs, Yi, private-use and
        # unassigned code points, which the plausibility score counts against.
        if _plausibility(text[:32768]) >= 0:
            return text, codec
    return None


def _raise_if_mostly_utf8(data: bytes, sample: bytes, path: str, first_bad: int) -> None:
    """A UTF-8 file with a few bad bytes is reported as such, not decoded as mojibake.

    "Mostly UTF-8" means that, in the lines with non-ASCII bytes, valid multi-byte
    sequences outnumber invalid bytes three to one; legacy-encoded text almost never forms
    valid UTF-8 sequences at that rate.
    """
    lenient = sample.decode("utf-8", errors="surrogateescape")
    invalid = len(_SURROGATE_ESCAPE_RE.findall(lenient))
    non_ascii_chars = len(lenient) - len(lenient.encode("ascii", errors="ignore"))
    valid_sequences = non_ascii_chars - invalid
    if valid_sequences >= 3 * invalid:
        line, col = _position(data, first_bad, "utf-8")
        raise InputError(
            path,
            f"invalid UTF-8 at line {line}, column {col} (byte 0x{data[first_bad]:02X}); "
            "the rest of the file is UTF-8: fix that byte or give the encoding explicitly",
            line=line,
        )


def _non_ascii_sample(data: bytes) -> bytes:
    """Whole lines containing non-ASCII bytes, up to about ``_SAMPLE_BYTES``.

    Cutting at b"\\n" never splits a character in an ASCII-compatible encoding (no lead or
    trail byte of GBK, Big5, Shift-JIS or GB18030 is 0x0A).
    """
    parts: list[bytes] = []
    total = pos = 0
    while total < _SAMPLE_BYTES:
        m = _HIGH_BYTE_RE.search(data, pos)
        if m is None:
            break
        start = data.rfind(b"\n", 0, m.start()) + 1
        end = data.find(b"\n", m.start())
        end = len(data) if end == -1 else end + 1
        parts.append(data[start:end])
        total += end - start
        pos = end
    sample = b"".join(parts)
    if len(sample) <= _SAMPLE_BYTES:
        return sample
    # Cut after a newline, or failing that a space, tab, comma or full stop: bytes below
    # 0x30 are never part of a multi-byte character in these encodings, so no character is
    # split (charset-normalizer drops a codec that fails on a split last character).
    cut = sample.rfind(b"\n", 0, _SAMPLE_BYTES)
    if cut < _SAMPLE_BYTES // 2:
        cut = max(sample.rfind(bytes([b]), 0, _SAMPLE_BYTES) for b in b"\n \t,.")
    return sample[: cut + 1] if cut > 0 else sample[:_SAMPLE_BYTES]


def _decode_prefix(sample: bytes, codec: str) -> str | None:
    """Strictly decode ``sample``, tolerating a character cut off at its end."""
    try:
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        return str(decoder.decode(sample, final=False))
    except (UnicodeDecodeError, LookupError):
        return None


def _detect_legacy(data: bytes, sample: bytes, path: str, lang: str | None) -> tuple[str, str, bool, str | None]:
    """Pick among charset-normalizer's candidates and the documented legacy encodings.

    The most plausible decoding (see :func:`_plausibility`) wins. Ties, common between
    single-byte codecs that map the same bytes to letters of different alphabets (Hebrew
    cp1255 against Cyrillic cp1251), go to charset-normalizer's *front tier*: every match
    as good as its first on both its measures, "chaos" (mess in the decoded text) and
    "coherence" (letter frequencies of a recognised language). Its order inside the tier
    is arbitrary (French in cp1252 ties with cp1250), and on a sentence or two its first
    pick is often wrong, so it only ever breaks ties; then the documented encodings win.

    The score knows the text's language where it can (``lang``, else the language of the ASCII
    part of the sample, else the language each of the best decodings reads as): a decoding that
    gives letters the language does not write loses (:mod:`tqcheck.read.alphabets`).
    """
    from charset_normalizer import from_bytes

    detector: list[str] = []
    front_tier: set[str] = set()
    top_chaos = top_coherence = 0.0
    for match in from_bytes(sample):
        try:
            name = codecs.lookup(match.encoding).name
        except LookupError:
            continue
        # UTF-16/32 without NUL bytes is a guess about pairs of arbitrary bytes; real UTF-16
        # text nearly always has an ASCII space or newline, i.e. a NUL (handled earlier).
        if name.startswith(("utf-16", "utf-32", "utf-8")):
            continue
        if not detector:
            top_chaos, top_coherence = match.chaos, match.coherence
        if match.chaos <= top_chaos + 0.01 and match.coherence >= top_coherence - 0.01:
            front_tier.add(name)
        if name not in detector:
            detector.append(name)

    expected = _expected_langs(sample, lang)
    fit = None if expected is None else fit_for(expected) if expected else some_alphabet()
    native = native_codecs(expected or ()) if expected is not None else ()

    def prior(codec: str) -> int:
        """Rank of a codec among those decoding the same text: the language's own first (English
        whose only non-ASCII character is ’ is Windows-1252, though Windows-1251 reads it the same)."""
        return native.index(codec) - len(native) if codec in native else _prior_rank(codec)

    candidates: list[_Candidate] = []
    seen_texts: dict[str, _Candidate] = {}
    for order, name in enumerate(detector + [c for c in _LEGACY if c not in detector]):
        superset = _SUPERSET.get(name)
        if superset is not None and _decode_prefix(sample, superset) is not None:
            name = superset
        text = _decode_prefix(sample, name)
        if text is None:
            continue
        in_tier = name in front_tier
        names = [name]
        preferred = _PREFERRED.get(name)
        if preferred and _decode_prefix(sample, preferred) == text:
            names.insert(0, preferred)
        if text in seen_texts:
            same = seen_texts[text]
            same.in_tier = same.in_tier or in_tier
            same.codecs = sorted(dict.fromkeys(same.codecs + names), key=prior)
            continue
        cand = _Candidate(names, text, _plausibility(text, fit), order, in_tier)
        seen_texts[text] = cand
        candidates.append(cand)
    if fit is None:
        _rescore_by_own_language(candidates)

    def rank(c: _Candidate) -> tuple[float, bool, int, int]:
        return c.score, c.in_tier, -prior(c.codecs[0]), -c.order

    # Bytes no text is made of decode, in a one-byte codec that defines them all (KOI8-R), to a
    # jumble of letters and box-drawing symbols.
    candidates = [c for c in candidates if _symbol_share(c.text) <= _MAX_SYMBOL_SHARE]
    while candidates:
        chosen = max(candidates, key=rank)
        decoded = _decode_whole(data, chosen.codecs)
        if decoded is None:
            candidates.remove(chosen)  # the sample fitted, the whole file does not
            continue
        text, codec = decoded
        others = [c for c in candidates if c is not chosen]
        runner_up = max(others, key=rank) if others else None
        confident = (
            chosen.score > 0
            and (chosen.in_tier or fit is not None)
            and (runner_up is None or chosen.score - runner_up.score >= _CONFIDENT_MARGIN)
        )
        return text, codec, confident, None if confident or runner_up is None else runner_up.codecs[0]

    raise InputError(
        path,
        f"cannot detect the text encoding (tried {_SUPPORTED} and others); "
        "give the encoding explicitly",
    )


#: Decodings rescored by the language they read as, when the text's language is not known otherwise.
_OWN_LANGUAGE_RESCORED = 6
#: ... when the guess is reliable or at least this confident (a short line of kana is plainly Japanese).
_OWN_LANGUAGE_SURE = 0.5
#: The ASCII part of a text tells its language when its letters outnumber the non-ASCII bytes so.
_ASCII_LETTERS_PER_HIGH_BYTE = 2
_MIN_ASCII_LETTERS = 8
_ASCII_LETTERS_RE = re.compile(rb"[A-Za-z]")


def _expected_langs(sample: bytes, lang: str | None) -> tuple[str, ...] | None:
    """The languages the text may be in: ``lang`` if given, else the likely languages of its ASCII
    part when that part is most of the text (a Latin-script language in a one-byte codec; ``()`` when
    too short to name one), else None."""
    if lang:
        try:
            return (normalise_lang(lang),)
        except ValueError:
            return None
    letters = len(_ASCII_LETTERS_RE.findall(sample))
    high = len(_HIGH_BYTE_RE.findall(sample))
    if letters < _MIN_ASCII_LETTERS or letters < _ASCII_LETTERS_PER_HIGH_BYTE * high:
        return None
    # Drop the non-ASCII bytes: "caf\xe9 na\xefve" -> "caf nave", still plainly French or English.
    skeleton = _HIGH_BYTE_RE.sub(b"", sample).decode("ascii", errors="replace")
    ranked = [code for code, prob in rank_languages(skeleton)[:3] if prob >= 0.1 and known(code)]
    return tuple(ranked) or ()


# Languages whose alphabets stand for a script when a text is too short to tell its language.
_SCRIPT_LANGS = {"Cyrillic": ("ru", "uk", "bg", "be", "sr", "mk"), "Greek": ("el",), "Hebrew": ("he",),
                 "Arabic": ("ar", "fa", "ur")}
#: Share of the non-ASCII characters a decoding may turn into symbols (box drawing, control codes ...).
_MAX_SYMBOL_SHARE = 0.25


def _main_script(text: str) -> str | None:
    """The script of at least four fifths of the non-ASCII letters of ``text``, if one has them."""
    counts = Counter(_fine_script(ch) for ch in text if ord(ch) >= 0x80 and ch.isalpha())
    total = sum(counts.values())
    if not total:
        return None
    script, n = counts.most_common(1)[0]
    return script if n >= 0.8 * total else None


def _symbol_share(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are symbols no text is made of."""
    high = bad = 0
    for ch, n in Counter(text).items():
        if ord(ch) >= 0x80:
            high += n
            if not ch.isalpha() and _char_weight(ch) < 0:
                bad += n
    return bad / high if high else 0.0


def _rescore_by_own_language(candidates: list[_Candidate]) -> None:
    """Score the best decodings again, each against the language it reads as (EUC-JP read as GB18030
    still has kana, so reads as Japanese, whose kanji the wrong decoding's simplified characters are not)."""
    best = sorted(candidates, key=lambda c: c.score, reverse=True)[:_OWN_LANGUAGE_RESCORED]
    for cand in best:
        guess = detect_language(cand.text)
        if guess.reliable or guess.confidence >= _OWN_LANGUAGE_SURE:
            fit = fit_for((guess.lang,))
        else:  # too short to tell the language: the script still tells the alphabet
            fit = fit_for(_SCRIPT_LANGS.get(_main_script(cand.text) or "", ()))
        if fit is not None:
            cand.score = _plausibility(cand.text, fit)


def _decode_whole(data: bytes, names: list[str]) -> tuple[str, str] | None:
    """Decode all of ``data`` with the first of ``names`` that can, or return None."""
    for name in names:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return None


def _prior_rank(codec: str) -> int:
    try:
        return _PRIOR.index(codec)
    except ValueError:
        return len(_PRIOR)


@dataclass
class _Candidate:
    codecs: list[str]  # codecs that decode the sample to ``text``, preferred first
    text: str
    score: float
    order: int
    in_tier: bool


# --- plausibility -----------------------------------------------------------------------
#
# Why a score of our own: on a sentence or two, charset-normalizer often finds several
# codecs that decode "cleanly" and ranks a wrong one first (Big5 "謝謝你的幫忙。" as cp949
# Korean, GBK "你好，世界。" as UTF-16-BE). A wrong multi-byte decoding scatters the
# characters over the code space, so it shows up as rare characters, mixed scripts and
# symbols inside words. The score adds, per character, roughly the evidence it carries:
# hitting one of the few thousand *frequently used* Han characters (as defined by the
# national standards: GB 2312 level 1, Big5's frequent set, JIS X 0208 level 1), kana or a
# KS X 1001 Hangul syllable by accident is unlikely (+3 for two bytes), a letter of a
# one-byte alphabet is likely (+1 for one byte; +0.5 for letters outside Latin-1 and the
# Russian alphabet, a base-rate prior that settles cp1252 against cp1250 and cp1251
# against mac_cyrillic); rare ideographs, private-use or unassigned code points, halfwidth
# katakana, box drawing and the like count against. Adjacent letters from scripts that
# never share a word (Cyrillic next to Latin, Hangul next to kana), a lowercase letter
# followed by an uppercase one, Latin words made mostly of accented letters (Russian read
# as cp1252) and spaces between ideographs (Korean read as GB2312) are penalised too.

_NEUTRAL = frozenset("\u00a0«»„“”‘’–—…№°·•€©®™§×")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# Chinese and Japanese do not put spaces between words; Korean does. A space between two
# ideographs or kana is how Korean bytes read as GB2312 give themselves away (the KS X 1001
# Hangul block sits exactly on GB2312's level-1 Hanzi block).
_CJK_SPACE_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff][.,;:!?]?[ \t]+[\u3040-\u30ff\u3400-\u9fff]")


def _is_common_han(ch: str) -> bool:
    try:
        b = ch.encode("gb2312")
        if 0xB0 <= b[0] <= 0xD7:  # GB 2312 level 1
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
        if (0xA4, 0x40) <= (b[0], b[1]) <= (0xC6, 0x7E):  # Big5 frequently used
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("shift_jis")
        if len(b) == 2 and (0x88, 0x9F) <= (b[0], b[1]) <= (0x98, 0x72):  # JIS X 0208 level 1
            return True
    except UnicodeEncodeError:
        pass
    return False


@lru_cache(maxsize=65536)
def _char_weight(ch: str) -> float:
    o = ord(ch)
    if o < 0x80:
        return 0.0
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cn", "Co", "Cs") or ch == "\ufffd":
        return -5.0
    script = char_script(ch)
    if script == "Han":
        return 3.0 if 0x4E00 <= o <= 0x9FFF and _is_common_han(ch) else -1.0
    if script == "Kana":
        return -2.0 if o >= 0xFF61 else 3.0
    if script == "Hangul":
        if 0xAC00 <= o <= 0xD7A3:
            # One of KS X 1001's 2350 common syllables? (Python's euc_kr spells the others
            # as 8-byte make-up sequences, hence the length test.)
            return 3.0 if len(ch.encode("euc_kr")) == 2 else -2.0
        return -1.0
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF60:
        return 1.0  # CJK and fullwidth punctuation
    if cat[0] == "L":
        if script == "Cyrillic":
            # Same idea for Cyrillic: the Russian alphabet first, the letters only other
            # languages use (Ukrainian, Serbian, Macedonian ...) less so.
            if 0x0410 <= o <= 0x044F or o in (0x0401, 0x0451):
                return 1.0
            return 0.5 if o <= 0x045F or o in (0x0490, 0x0491) else -1.0
        if script == "Latin":
            # Latin-1 letters serve the most widely written Latin-script languages;
            # Extended-A (Central European) letters are plausible but less likely.
            return 1.0 if o <= 0x00FF else 0.5 if o <= 0x017F else -1.0
        if 0x0386 <= o <= 0x03CE or 0x05D0 <= o <= 0x05EA or 0x0621 <= o <= 0x064A:
            return 1.0  # Greek, Hebrew, Arabic letters
        if 0x0E01 <= o <= 0x0E5B:
            return 1.0  # Thai
        return -1.0
    if 0x0E01 <= o <= 0x0E5B or 0x05B0 <= o <= 0x05C7 or 0x064B <= o <= 0x065F:
        return 1.0  # Thai vowel and tone marks, Hebrew points, Arabic harakat
    if ch in _NEUTRAL:
        return 0.0
    return -1.0


@lru_cache(maxsize=65536)
def _fine_script(ch: str) -> str:
    script = char_script(ch)
    if script == "Latin":
        return "ascii" if ch.isascii() else "latin"
    if script == "Other":
        o = ord(ch)
        if 0x0370 <= o <= 0x03FF:
            return "Greek"
        if 0x0590 <= o <= 0x05FF:
            return "Hebrew"
    return script


_CJK = frozenset(("Han", "Kana", "Hangul"))


def _pair_penalty(a: str, b: str) -> float:
    """Penalty for letters of scripts ``a`` and ``b`` standing side by side in a word."""
    if a == b:
        return 0.0
    pair = {a, b}
    if pair == {"Han", "Kana"} or pair == {"ascii", "latin"}:
        return 0.0
    if "ascii" in pair and pair & _CJK:
        return 0.0  # "用Python写" is ordinary Chinese
    if pair == {"Han", "Hangul"}:
        return 1.0  # hanja inside Korean words: legitimate, but rare today
    return 3.0


#: Cost of a letter of a script the language does not use glued to a Latin letter (Japan痴).
_GLUED = 3.0


def _plausibility(text: str, fit: Fit | None = None) -> float:
    """How much ``text`` looks like natural writing rather than mis-decoded bytes; ``fit`` knows
    the letters of the text's language."""
    score = 0.0
    for ch, n in Counter(text).items():
        weight = _char_weight(ch)
        if fit is not None and ord(ch) >= 0x80:
            weight = fit.weight(ch, weight)
        score += weight * n
    score -= 2.0 * len(_CJK_SPACE_RE.findall(text))
    for m in _WORD_RE.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        scripts = [_fine_script(ch) for ch in word]
        for i in range(1, len(word)):
            score -= _pair_penalty(scripts[i - 1], scripts[i])
            if fit is not None and (
                (scripts[i - 1] == "ascii" and fit.glued(word[i])) or (scripts[i] == "ascii" and fit.glued(word[i - 1]))
            ):
                score -= _GLUED
            if word[i - 1].islower() and word[i].isupper():
                score -= 2.0
        accented = scripts.count("latin")
        if len(word) >= 4 and accented * 2 > len(word):
            score -= accented
    return score
