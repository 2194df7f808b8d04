"""Benchmark: linking 1 MB of Khmer and 1 MB of Korean text, word boundaries included.

Run: `uv run python tests/bench/bench_scripts.py [ENTRIES]` (default 20,000).
The glossary is the synthetic benchmark one (tests/bench/synthetic.py) plus the shipped
glossary, so that real names are found as well as synthetic ones. The texts are built
from the sentences of the shipped Khmer and Korean texts, shuffled, with a synthetic
entry's form attached to about one word in twelve (Khmer: with no space before it;
Korean: followed by a particle), until they are 1 MB of UTF-8. Every mention inside a
Khmer run or before more Hangul asks the segmenter or the analyser; the caches of
their answers are cleared before each run, so a run pays for every distinct question.
Prints medians of CPU time (this machine's 2 cores are shared).
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from glossary import khmer_words, korean_words
from glossary.document import parse_document
from glossary.linker import Linker
from glossary.loader import load
from reader.state.paths import shipped_glossary
from tests.bench.bench_glossary import median_cpu
from tests.bench.synthetic import write_glossary

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_SENTENCE_END = re.compile(r"(?<=[។.!?])\s+")
_PARTICLES = ["는", "과", "의", "에서", "가", "를", ""]


def sentences(name: str) -> list[str]:
    body = [p for p in parse_document((SEEDS / name).read_text("utf-8")).body]
    return [s for p in body for s in _SENTENCE_END.split(p.text) if s]


def build_text(pieces: list[str], forms: list[str], korean: bool, size: int = 1_000_000) -> str:
    """Shuffled sentences with synthetic forms attached, to `size` bytes of UTF-8."""
    rng = random.Random(5)
    out: list[str] = []
    total = 0
    while total < size:
        words = rng.choice(pieces).split(" ")
        for i in range(len(words)):
            if rng.random() < 1 / 12:
                form = rng.choice(forms)
                words[i] = form + rng.choice(_PARTICLES) if korean else words[i] + form
        sentence = " ".join(words)
        out.append(sentence)
        total += len(sentence.encode()) + 1
    return "\n".join(out)


def clear_caches() -> None:
    khmer_words.word_ends.cache_clear()
    korean_words.morpheme_starts.cache_clear()


def timed_link(linker: Linker, text: str) -> tuple[float, int]:
    def run() -> int:
        clear_caches()
        return len(linker.link(text))

    seconds, count = median_cpu(run, 5)
    return seconds, int(count)  # type: ignore[call-overload]


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.yaml"
        entries = write_glossary(path, count)
        glossary = load([shipped_glossary(), path]).glossary
    linker = Linker(glossary)
    km_forms = [str(e["km"]["text"]) for e in entries]  # type: ignore[index]
    ko_forms = [str(e["ko"]["text"]) for e in entries]  # type: ignore[index]
    texts = {
        "Khmer": build_text(sentences("cambodia-north-korea-voa-km.txt"), km_forms, False),
        "Korean": build_text(sentences("korea-cambodia-relations-ko.txt"), ko_forms, True),
    }
    linker.link("ក ហ៊ុន សែន 캄보디아는")  # load the segmenter and the analyser first
    print(
        f"glossary: {count} synthetic entries + the shipped ones ({linker.pattern_count} patterns)"
    )
    for name, text in texts.items():
        text = parse_document(text).text
        seconds, links = timed_link(linker, text)
        print(
            f"link 1 MB {name:6} ({len(text) / 1000:.0f} k characters, {links} links): "
            f"{seconds * 1000:6.0f} ms CPU (median of 5)"
        )
    start = time.process_time()
    khmer_words.words("ក")
    korean_words._kiwi()
    print(f"(segmenter and analyser already loaded: {time.process_time() - start:.3f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
