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
import stat
from dataclasses import dataclass

from tqcheck.errors import InputError, reading
from tqcheck.paths import display_path
from tqcheck.read.detect import (_CONTROL_RE, _MAGIC, _MAX_CONTROL_SHARE, _binary_error, _detect, _normalise,
                                 _position)

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
    with reading(shown):
        st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise InputError(shown, "is a directory, not a file")
    if stat.S_ISREG(st.st_mode):
        _check_size(shown, st.st_size)
    with reading(shown):
        if stat.S_ISFIFO(st.st_mode):
            data = _read_pipe(path, shown)
        else:
            with open(path, "rb") as f:
                # Devices have no size to check up front: read one byte past the limit.
                data = f.read(MAX_INPUT_BYTES + 1)
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


def _check_binary_text(path: str, text: str) -> None:
    if "\x00" in text:
        raise _binary_error(path, "contains NUL characters")
    sample = text[: 1 << 20]
    controls = len(_CONTROL_RE.findall(sample))
    if controls and controls > _MAX_CONTROL_SHARE * len(sample):
        share = 100 * controls / len(sample)
        raise _binary_error(path, f"{share:.0f}% control characters")


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
