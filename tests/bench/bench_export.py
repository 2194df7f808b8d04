"""Benchmark: export a synthetic 20,000-entry glossary to every format.

    uv run python tests/bench/bench_export.py [--entries 20000] [--runs 5]

Prints, per format, the median CPU time (time.process_time) of `render` (selection,
ordering and rendering, in memory) over several runs, and the output size; then the
same for writing the file atomically, and for an md export with context sentences from
a synthetic text that mentions the entries. Not collected by pytest (tests/bench is
excluded in pyproject.toml).
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from glossary.document import parse_document
from glossary.export import FORMATS, ExportRequest, export, render
from glossary.model import CATEGORIES, Alias, Entry, Form, Glossary, Source, Status

_SYLLABLES = ["ka", "so", "na", "ro", "mi", "phe", "thu", "vong", "chan", "dara", "sok", "lim"]
_KHMER_BASES = [chr(code) for code in range(0x1780, 0x17A3)]
_KHMER_VOWELS = ["", "\u17b6", "\u17b7", "\u17b8", "\u17bb", "\u17c1", "\u17c2", "\u17c4"]
DATE = datetime.date(2025, 1, 31)


def _khmer(rng: random.Random) -> str:
    syllables = []
    for _ in range(rng.randint(2, 4)):
        sub = "\u17d2" + rng.choice(_KHMER_BASES) if rng.random() < 0.3 else ""
        syllables.append(rng.choice(_KHMER_BASES) + sub + rng.choice(_KHMER_VOWELS))
    return "".join(syllables)


def _form(rng: random.Random, text: str, romanization: str) -> Form:
    if rng.random() < 0.5:
        return Form(text, Status.UNVERIFIED, romanization)
    source = Source(f"https://example.org/{romanization.replace(' ', '_')}", "article title")
    return Form(text, Status.VERIFIED, romanization, sources=(source,), variants=(text + "ក",))


def make_glossary(count: int, seed: int = 7) -> Glossary:
    """`count` entries with English aliases, notes, and mostly Khmer and Korean forms."""
    rng = random.Random(seed)
    entries = []
    for index in range(count):
        words = ["".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize() for _ in range(2)]
        en = f"{' '.join(words)} {index}"
        hangul = "".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(3))
        entries.append(
            Entry(
                id=f"e{index}",
                category=rng.choice(CATEGORIES),
                en=en,
                aliases=(Alias(f"the {en} office"),),
                note=f"Synthetic entry {index}, with a note of ordinary length for a glossary.",
                km=_form(rng, _khmer(rng), en) if rng.random() < 0.9 else None,
                ko=_form(rng, hangul, en) if rng.random() < 0.9 else None,
            )
        )
    return Glossary(tuple(entries), ("Synthetic",))


def make_text(glossary: Glossary, paragraphs: int = 400, seed: int = 11) -> str:
    rng = random.Random(seed)
    names = [entry.en for entry in glossary]
    body = []
    for _ in range(paragraphs):
        sentences = [
            f"Officials met {rng.choice(names)} in the capital on Monday." for _ in range(6)
        ]
        body.append(" ".join(sentences))
    return "Synthetic text\n\n" + "\n\n".join(body) + "\n"


def cpu_median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    glossary = make_glossary(args.entries)
    print(f"{args.entries} entries, median CPU seconds of {args.runs} runs")
    print(f"{'format':<10}{'render':>9}{'write':>9}{'size':>12}")
    with tempfile.TemporaryDirectory() as folder:
        for name in FORMATS:
            request = ExportRequest(glossary, format=name, date=DATE, output=Path(folder) / name)
            parts, _ = render(request)
            size = sum(len(p.content) for p in parts)
            rendered = cpu_median(partial(render, request), args.runs)
            written = cpu_median(partial(export, request), args.runs)
            print(f"{name:<10}{rendered:>9.2f}{written:>9.2f}{size:>12,}")
    document = parse_document(make_text(glossary), "synthetic")
    request = ExportRequest(glossary, format="md", date=DATE, document=document)
    timing = cpu_median(partial(render, request), args.runs)
    print(f"md with --text ({len(document.text):,} characters): {timing:.2f}")


if __name__ == "__main__":
    main()
