"""Fuzz the compare pipeline for N minutes: mutated sample documents into ``tqcheck.compare`` and, every
``--cli-every``-th iteration, the mutated bytes through ``tqcheck compare`` on temporary files.

A crash is any exception other than tqcheck's own ``TQCheckError`` subclasses (which are its documented
refusals of bad input), a broken invariant (a sentence missing from the pairs, or in two of them), an
iteration over ``--timeout`` seconds (a hang), and, through the CLI, a traceback, an "internal error", an
exit code other than 0/1/2, a refusal that is not exactly one ``tqcheck: error:`` line, or a report that
is missing, half-written or written by a refused run. Each crash is saved to ``--crash-dir`` (inputs as
bytes, the arguments, the traceback) so that it can be replayed; the run exits 1 if there was any.

Usage: python scripts/fuzz.py [--minutes 1] [--crash-dir ./fuzz-crashes] [--seed N] [--embedder none|use]
Replay: python scripts/fuzz.py --replay fuzz-crashes/crash-0001-...
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from tqcheck.errors import TQCheckError  # noqa: E402

SAMPLES = ROOT / "samples"
SEED_PAIRS = (("kuril.zh.txt", "kuril.en.txt", "zh", "en"),
              ("riverport.ru.txt", "riverport.en.txt", "ru", "en"),
              ("railway.ja.txt", "railway.en.txt", "ja", "en"))
LANGS = (None, None, None, "zh", "ja", "ru", "en", "de", "fr", "es", "ar", "ko", "he", "th", "hi", "el", "pt")
MODES = ("document",) * 6 + ("sentences-per-line", "aligned")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "big5", "shift_jis",
             "euc_kr", "cp1251", "cp1252", "latin-1", "koi8-r", "iso8859-8", "cp1256")

CONTROL = [chr(c) for c in range(1, 32) if c not in (9, 10, 13)] + ["\x7f", "\x85"]
BIDI = list("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
INVISIBLE = list("\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u180e\u2028\u2029")
COMBINING = [chr(c) for c in range(0x300, 0x370)] + list("\u20dd\u20e3\u0e31\u093f\u094d")
EMOJI = ["😀", "👍🏽", "🇩🇪", "🇯🇵", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️", "1️⃣", "🧑🏿‍🚀", "\U0001f9ff" * 3]
GAPS = ["**", "##", "<unk>", "[UNK]", "\ufffd", "\ufffd\ufffd", "@@", "▁", "<s>", "</s>", "&#39;", "&amp;", "%s", "{0}"]
NUMBERS = ["9" * 400, "1e999", "-0", "0.0000000001", "40$500", "1..5", "3,50,0", "1.2.5", "12,,5", "1 234 567,89",
           "1.234.567,89", "1,234,567.89", "4.05 billion", "40.5亿", "十二万三千", "三千亿", "٣٤٥٫٦", "१२३", "１２３．４",
           "Ⅻ", "½", "²³", "3/4", "2024-02-30", "25:61", "12.5%%", "−5", "+-+1", ",".join(["999"] * 60),
           "0x1F", "1_000", "NaN", "inf", "10^400", "$$$", "€1.5", "¥" * 10, "第" + "9" * 30 + "条"]
SCRIPTS = ["Ελληνικά", "עברית", "العربية", "हिन्दी", "ไทย", "한국어", "カタカナ", "漢字", "Кириллица", "ქართული", "Ⲁⲃ",
           "𝐁𝐨𝐥𝐝", "ｆｕｌｌｗｉｄｔｈ", "Рutin", "Тоkyo"]  # the last two mix Cyrillic and Latin look-alikes
PUNCT = list(".!?。！？…;؟।「」『』“”„«»()[]{}") + ["...", "?!", "。。。", ". . .", "\n\n", "\n", "\t"]


@dataclass
class Case:
    """One fuzz input: what is needed to replay it."""

    source: bytes
    translation: bytes
    src_lang: str | None
    tgt_lang: str | None
    mode: str
    via: str  # "api" or "cli"
    note: str  # the mutations applied
    #: "reference": the translation also passed as --ref; "back-translation": the source also passed as
    #: --back-translation (hostile text through the side-document alignment and the metrics); or "none".
    extra: str = "none"


class Hang(Exception):
    pass


# --- mutations --------------------------------------------------------------------------------------------


def _insert(rng: random.Random, text: str, pieces: list[str], max_n: int = 8) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, max_n)):
        chars.insert(rng.randint(0, len(chars)), rng.choice(pieces))
    return "".join(chars)


def _sentences(text: str) -> list[str]:
    out, cur = [], []
    for ch in text:
        cur.append(ch)
        if ch in ".!?。！？\n":
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def m_control(rng: random.Random, t: str) -> str:
    return _insert(rng, t, CONTROL, 6)


def m_bidi(rng: random.Random, t: str) -> str:
    return _insert(rng, t, BIDI, 12)


def m_invisible(rng: random.Random, t: str) -> str:
    return _insert(rng, t, INVISIBLE, 20)


def m_combining(rng: random.Random, t: str) -> str:
    if rng.random() < 0.2:  # "zalgo": a pile of marks on every letter
        return "".join(c + "".join(rng.choices(COMBINING, k=rng.randint(0, 6))) if c.isalpha() else c for c in t)
    return _insert(rng, t, COMBINING, 30)


def m_emoji(rng: random.Random, t: str) -> str:
    return _insert(rng, t, EMOJI, 10)


def m_gaps(rng: random.Random, t: str) -> str:
    return _insert(rng, t, GAPS, 10)


def m_numbers(rng: random.Random, t: str) -> str:
    return _insert(rng, t, NUMBERS, 6)


def m_scripts(rng: random.Random, t: str) -> str:
    return _insert(rng, t, SCRIPTS, 6)


def m_punct(rng: random.Random, t: str) -> str:
    return _insert(rng, t, PUNCT, 30)


def m_strip_punct(rng: random.Random, t: str) -> str:
    return "".join(c for c in t if c not in ".!?。！？…\n")


def m_chars(rng: random.Random, t: str) -> str:
    """Random code points anywhere in Unicode, surrogates included (a str may hold them)."""
    pieces = [chr(rng.choice([rng.randint(1, 0x2FF), rng.randint(0x300, 0xFFFF), rng.randint(0, 0x10FFFF)]))
              for _ in range(40)]
    return _insert(rng, t, pieces, 20)


def m_delete(rng: random.Random, t: str) -> str:
    if not t:
        return t
    a = rng.randrange(len(t))
    return t[:a] + t[a + rng.randint(1, max(1, len(t) // 3)):]


def m_truncate(rng: random.Random, t: str) -> str:
    return t[: rng.randint(0, len(t))]


def m_shuffle(rng: random.Random, t: str) -> str:
    s = _sentences(t)
    rng.shuffle(s)
    return "".join(s)


def m_duplicate(rng: random.Random, t: str) -> str:
    s = _sentences(t)
    if not s:
        return t
    k = rng.randrange(len(s))
    return "".join(s[: k + 1] + [s[k]] * rng.randint(1, 40) + s[k + 1:])


def m_drop_sentences(rng: random.Random, t: str) -> str:
    return "".join(x for x in _sentences(t) if rng.random() > 0.3)


def m_newlines(rng: random.Random, t: str) -> str:
    choice = rng.randrange(4)
    if choice == 0:
        return t.replace("\n", " ")
    if choice == 1:
        return t.replace("\n", "\r\n")
    if choice == 2:
        return t.replace("\n", "\r")
    return t.replace(" ", "\n")


def m_long_word(rng: random.Random, t: str) -> str:
    word = rng.choice(["a", "漢", "ж", "9", "-", "😀", "\u200b", "."]) * rng.randint(100, 12000)
    return _insert(rng, t, [word], 1)


def m_repeat_big(rng: random.Random, t: str) -> str:
    """Rarely: blow the text up to around a work limit."""
    target = rng.choice([200_000, 1_000_000, 2_100_000])
    return (t * (target // max(1, len(t)) + 1))[:target] if t else t


def m_mojibake(rng: random.Random, t: str) -> str:
    enc = rng.choice(["cp1251", "cp1252", "latin-1", "gb18030", "shift_jis"])
    return _utf8(t).decode(enc, errors="replace")


def m_bytes(rng: random.Random, t: str) -> str:
    """Byte flips in the UTF-8 form, read back leniently (surrogateescape keeps the bad bytes as surrogates)."""
    b = bytearray(t.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 10)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return b.decode("utf-8", errors=rng.choice(["replace", "ignore", "surrogateescape"]))


def m_other_language(rng: random.Random, t: str, corpus: list[tuple[str, str, str, str]] | None = None) -> str:
    donor = rng.choice(corpus or [("", "", "", "")])
    piece = rng.choice(donor[:2])
    a = rng.randrange(len(piece) + 1) if piece else 0
    return _insert(rng, t, [piece[a : a + rng.randint(1, 400)]], 3)


MUTATORS: list[tuple[Callable[..., str], float]] = [
    (m_control, 1), (m_bidi, 2), (m_invisible, 2), (m_combining, 2), (m_emoji, 2), (m_gaps, 3), (m_numbers, 4),
    (m_scripts, 2), (m_punct, 3), (m_strip_punct, 1), (m_chars, 3), (m_delete, 2), (m_truncate, 1), (m_shuffle, 1),
    (m_duplicate, 1), (m_drop_sentences, 2), (m_newlines, 2), (m_long_word, 0.5), (m_repeat_big, 0.05),
    (m_mojibake, 1), (m_bytes, 2), (m_other_language, 2),
]


def mutate(rng: random.Random, text: str, corpus: list[tuple[str, str, str, str]]) -> tuple[str, list[str]]:
    names = []
    funcs, weights = zip(*MUTATORS)
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
        f = rng.choices(funcs, weights)[0]
        text = f(rng, text, corpus) if f is m_other_language else f(rng, text)
        names.append(f.__name__[2:])
    return text, names


def encode(rng: random.Random, text: str) -> tuple[bytes, str]:
    """The text as a file would hold it: mostly UTF-8, sometimes a legacy or UTF-16/32 encoding."""
    enc = "utf-8" if rng.random() < 0.7 else rng.choice(ENCODINGS)
    data = _utf8(text) if enc == "utf-8" else text.encode(enc, errors="replace")
    if rng.random() < 0.05 and data:  # a few raw bytes flipped, so the reader sees broken files too
        b = bytearray(data)
        for _ in range(rng.randint(1, 5)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        data = bytes(b)
    return data, enc


# --- running one case -------------------------------------------------------------------------------------


def _check_report(report: Any) -> None:
    """Every sentence of each side in exactly one pair, in order (--aligned: blank lines may be left out)."""
    pairs = [p.pair for p in report.pairs]
    for side, doc in (("src_segments", report.source), ("tgt_segments", report.target)):
        seen = [s.index for p in pairs for s in getattr(p, side)]
        if report.mode == "aligned":
            ok = seen == sorted(set(seen)) and {s.index for s in doc.segments if s.text} <= set(seen)
        else:
            ok = seen == list(range(len(doc.segments)))
        if not ok:
            raise AssertionError(f"invariant: a {side[:3]} sentence is missing from the pairs, repeated or out of order")
    for doc in (report.source, report.target):
        for seg in doc.segments:
            # a sentence that runs over a line break reads it as a space, at the same offset
            if doc.text[seg.start : seg.end].replace("\n", " ") != seg.text:
                raise AssertionError(f"invariant: segment {seg.index} offsets do not point back to its text")


def run_api(case: Case, embedder: str) -> str:
    import tqcheck

    src = case.source.decode("utf-8", "surrogateescape")
    tgt = case.translation.decode("utf-8", "surrogateescape")
    try:
        report = tqcheck.compare(src, tgt, case.src_lang, case.tgt_lang, embedder=embedder, mode=case.mode,
                                 reference=tgt if case.extra == "reference" else None,
                                 back_translation=src if case.extra == "back-translation" else None)
    except TQCheckError:
        return "refused"
    _check_report(report)
    return "compared"


def run_cli(case: Case, embedder: str) -> str:
    from click.testing import CliRunner

    from tqcheck.cli import main

    with tempfile.TemporaryDirectory(prefix="tqcheck-fuzz-") as tmp:
        src, out, rep = Path(tmp, "src.txt"), Path(tmp, "out.txt"), Path(tmp, "report.json")
        src.write_bytes(case.source)
        out.write_bytes(case.translation)
        args = ["compare", str(src), str(out), "-f", "json", "-o", str(rep), "--embedder", embedder, "--isolated"]
        if case.src_lang:
            args += ["--src-lang", case.src_lang]
        if case.tgt_lang:
            args += ["--tgt-lang", case.tgt_lang]
        if case.mode != "document":
            args.append(f"--{case.mode}")
        if case.extra == "reference":
            args += ["--ref", str(out)]
        elif case.extra == "back-translation":
            args += ["--back-translation", str(src)]
        old = os.environ.pop("TQCHECK_DEBUG", None)
        try:
            result = CliRunner().invoke(main, args)
        finally:
            if old is not None:
                os.environ["TQCHECK_DEBUG"] = old
        stderr = result.stderr
        if isinstance(result.exception, Hang):
            raise result.exception
        if "Traceback" in result.output + stderr or "internal error" in stderr:
            raise AssertionError(f"cli: {stderr.strip()[-2000:]}")
        if result.exit_code not in (0, 1, 2):
            raise AssertionError(f"cli: exit code {result.exit_code}: {result.exception!r}")
        leftovers = list(Path(tmp).glob(".tqcheck-*"))
        if leftovers:
            raise AssertionError(f"cli: temporary files left behind: {leftovers}")
        if result.exit_code == 2:
            errors = [x for x in stderr.splitlines() if x.startswith("tqcheck: error:")]
            if len(errors) != 1:
                raise AssertionError(f"cli: a refusal must be one error line, got {stderr!r}")
            if rep.exists():
                raise AssertionError("cli: a refused run wrote a report")
            return "refused"
        json.loads(rep.read_text(encoding="utf-8"))  # whole and parseable
        return "compared"


def _timeout(seconds: float) -> None:
    def handler(signum: int, frame: Any) -> None:
        raise Hang(f"no result after {seconds:.0f} s")

    signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _signature(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in tb if "/tqcheck/" in f.filename] or tb
    where = f"{Path(inside[-1].filename).name}:{inside[-1].lineno}" if inside else "?"
    return f"{type(exc).__name__} at {where}: {str(exc)[:120]}"


def save_crash(crash_dir: Path, n: int, case: Case, exc: BaseException) -> Path:
    digest = hashlib.sha1(case.source + b"\0" + case.translation).hexdigest()[:10]
    folder = crash_dir / f"crash-{n:04d}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.txt").write_bytes(case.source)
    (folder / "translation.txt").write_bytes(case.translation)
    meta = {k: v for k, v in asdict(case).items() if k not in ("source", "translation")}
    meta["error"] = _signature(exc)
    (folder / "case.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "traceback.txt").write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return folder


def replay(folder: Path, embedder: str) -> int:
    meta = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    case = Case((folder / "source.txt").read_bytes(), (folder / "translation.txt").read_bytes(),
                meta["src_lang"], meta["tgt_lang"], meta["mode"], meta["via"], meta["note"], meta.get("extra", "none"))
    print(f"replaying {folder} ({case.via}, {case.note})")
    outcome = (run_cli if case.via == "cli" else run_api)(case, embedder)
    print(f"no crash: {outcome}")
    return 0


def load_corpus() -> list[tuple[str, str, str, str]]:
    corpus = []
    for s, t, sl, tl in SEED_PAIRS:
        corpus.append(((SAMPLES / s).read_text(encoding="utf-8"), (SAMPLES / t).read_text(encoding="utf-8"), sl, tl))
    return corpus


def make_case(rng: random.Random, corpus: list[tuple[str, str, str, str]], via: str) -> Case:
    src, tgt, sl, tl = rng.choice(corpus)
    if rng.random() < 0.3:  # a window of the document keeps iterations fast and varied
        a = rng.randrange(len(src))
        src = src[a : a + rng.randint(50, 1500)]
        b = rng.randrange(len(tgt))
        tgt = tgt[b : b + rng.randint(50, 1500)]
    which = rng.choice(["both", "source", "translation", "translation"])
    notes = []
    if which in ("both", "source"):
        src, n = mutate(rng, src, corpus)
        notes += [f"src:{x}" for x in n]
    if which in ("both", "translation"):
        tgt, n = mutate(rng, tgt, corpus)
        notes += [f"tgt:{x}" for x in n]
    if rng.random() < 0.05:
        src, tgt = tgt, src
        notes.append("swapped")
    src_lang = sl if rng.random() < 0.5 else rng.choice(LANGS)
    tgt_lang = tl if rng.random() < 0.5 else rng.choice(LANGS)
    mode = rng.choice(MODES)
    if via == "cli":
        sb, se = encode(rng, src)
        tb, te = encode(rng, tgt)
        notes += [f"enc:{se}/{te}"]
    else:
        sb, tb = _utf8(src), _utf8(tgt)
    extra = rng.choice(["none", "none", "reference", "back-translation"])
    return Case(sb, tb, src_lang, tgt_lang, mode, via, ",".join(notes) or "none", extra)


def _utf8(text: str) -> bytes:
    """UTF-8 bytes of ``text``; lone surrogates become the raw bytes they escaped, or are passed through."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=1.0, help="how long to run (default 1)")
    ap.add_argument("--crash-dir", default="./fuzz-crashes", help="where crashing inputs are saved")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock; printed)")
    ap.add_argument("--cli-every", type=int, default=50, help="every Nth iteration goes through the CLI (default 50)")
    ap.add_argument("--embedder", default="none", help="none (default, fast) or use (the bundled model)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds after which one iteration is a hang")
    ap.add_argument("--replay", type=Path, help="re-run one saved crash folder and exit")
    args = ap.parse_args()
    if args.replay:
        return replay(args.replay, args.embedder)

    seed = args.seed if args.seed is not None else int(time.time() * 1000) % 2**32
    rng = random.Random(seed)
    corpus = load_corpus()
    crash_dir = Path(args.crash_dir)
    print(f"fuzz: seed {seed}, {args.minutes:g} min, embedder {args.embedder}, CLI every {args.cli_every}th, "
          f"crashes to {crash_dir}", flush=True)
    import tqcheck.pipeline  # noqa: F401,PLC0415  # load once, outside the timed loop

    start = time.monotonic()
    deadline = start + args.minutes * 60
    iterations = cli_runs = 0
    outcomes: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    slowest = (0.0, "")
    last_print = start
    while time.monotonic() < deadline:
        iterations += 1
        via = "cli" if args.cli_every and iterations % args.cli_every == 0 else "api"
        cli_runs += via == "cli"
        case = make_case(rng, corpus, via)
        t0 = time.monotonic()
        try:
            _timeout(args.timeout)
            outcome = (run_cli if via == "cli" else run_api)(case, args.embedder)
            outcomes[outcome] += 1
        except KeyboardInterrupt:
            print("fuzz: interrupted", flush=True)
            break
        except BaseException as exc:  # noqa: BLE001 - every escape is a finding
            sig = _signature(exc)
            first = sig not in crashes
            crashes[sig] += 1
            if first or crashes[sig] <= 3:
                folder = save_crash(crash_dir, sum(crashes.values()), case, exc)
                print(f"fuzz: CRASH {sig}\n      saved to {folder}", flush=True)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.monotonic() - t0
        if took > slowest[0]:
            slowest = (took, f"{via} {len(case.source)}+{len(case.translation)} bytes {case.note[:80]}")
        now = time.monotonic()
        if now - last_print > 30:
            last_print = now
            print(f"fuzz: {(now - start) / 60:.1f} min, {iterations} iterations, {sum(crashes.values())} crashes",
                  flush=True)
    duration = time.monotonic() - start
    total = sum(crashes.values())
    print(f"fuzz: done: {iterations} iterations ({cli_runs} through the CLI) in {duration / 60:.2f} min "
          f"({iterations / max(duration, 1e-9):.1f}/s); {outcomes['compared']} compared, "
          f"{outcomes['refused']} refused as input errors; slowest {slowest[0]:.2f} s ({slowest[1]})")
    print(f"fuzz: {total} crashes ({len(crashes)} distinct)")
    for sig, n in crashes.most_common():
        print(f"  {n:5d}  {sig}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
