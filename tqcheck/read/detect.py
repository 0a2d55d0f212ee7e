"""Which encoding a file that does not declare one is in: byte-order marks, BOM-less UTF-16, then
charset-normalizer's candidates and the legacy encodings tqcheck promises to read, ranked by
plausibility (:mod:`tqcheck.read.plausibility`) and by what the text's language is written with."""
from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass

from tqcheck.errors import InputError
from tqcheck.read.alphabets import fit_for, known, native_codecs, some_alphabet
from tqcheck.read.langid import detect_language, normalise_lang, rank_languages
from tqcheck.read.plausibility import _char_weight, _fine_script, _plausibility

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


def _binary_error(path: str, why: str) -> InputError:
    return InputError(path, f"looks like a binary file ({why}), not text")


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _position(data: bytes, offset: int, codec: str) -> tuple[int, int]:
    """1-based line and column, in the normalised decoded text, of byte ``offset``."""
    prefix = _normalise(data[:offset].decode(codec, errors="replace"))
    if prefix.startswith("\ufeff"):
        prefix = prefix[1:]
    line_start = prefix.rfind("\n") + 1
    return prefix.count("\n") + 1, len(prefix) - line_start + 1


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
