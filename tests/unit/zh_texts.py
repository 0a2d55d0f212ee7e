"""Chinese test texts for the tests that compare a faster reading with jieba's own (test_posseg.py,
test_jiebacut.py): the samples' lines, random strings of their characters, and random runs of Han
characters that jieba's dictionary and tagger mostly do not know."""
from __future__ import annotations

import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sample_and_random_texts(seed: int, mixed: int, rare: int) -> tuple[random.Random, list[str]]:
    """The samples' lines, ``mixed`` random strings of their characters and ``rare`` random Han runs, with
    the generator that made them (a test draws its own texts of other kinds from it, after these)."""
    lines = [line for path in sorted(SAMPLES.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    rnd = random.Random(seed)
    chars = sorted({c for line in lines for c in line})
    random_lines = ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 30))) for _ in range(mixed)]
    han = ["".join(chr(rnd.randint(0x4E00, 0x9FD5)) for _ in range(rnd.randint(1, 12))) for _ in range(rare)]
    return rnd, lines + random_lines + han
