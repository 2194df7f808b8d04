"""Benchmark: save a new personal term and see it linked, with a 20,000-entry glossary.

Run: `uv run python tests/bench/bench_personal.py [ENTRIES] [PERSONAL]` (defaults 20,000
and 50). The base glossary is loaded and indexed once (as the reader does in its loading
worker); then each run does what the reader does when the new-term form is saved: check
the draft, write it to the personal glossary (lock, atomic replace, backup, fsync),
put the personal glossary over the base (`Layers.combine`: a small second matcher, the
big one untouched) and link the page's paragraphs. Medians of 21 runs, CPU and wall.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from glossary.draft import Draft, check_draft
from glossary.entry_data import entry_data
from glossary.layers import Layers
from glossary.loader import load
from glossary.personal import GlossaryFile
from tests.bench.synthetic import make_text, write_glossary


def save_and_link(layers: Layers, store: GlossaryFile, claims, n: int, page: list[str]):
    draft = Draft({"en": f"Tonle Sap word {n}", "km.text": "ទន្លេសាប", "ko.text": "톤레사프"})
    checked = check_draft(draft, claims)
    assert checked.entry is not None, checked.problems
    saved = store.add(entry_data(checked.entry))
    combined = layers.combine(saved.result.glossary)
    links = [combined.linker.link(text) for text in page]
    assert any(link.entry_id == checked.entry.id for found in links for link in found)
    return combined


def main(count: int, personal: int, runs: int = 21) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        path = work / "synthetic.yaml"
        entries = write_glossary(path, count)
        paragraphs = make_text(entries, size=6000).split("\n\n")
        base = load([path]).glossary
        layers = Layers.build(base)
        store = GlossaryFile(work / "personal.yaml")
        for n in range(personal):
            store.add({"id": f"mine-{n}", "category": "term", "en": f"My own word {n}"})
        combined = layers.combine(store.read().glossary)
        cpu, wall = [], []
        for n in range(runs):
            page = [p + f" Tonle Sap word {n} again." for p in paragraphs[:4]]
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            combined = save_and_link(layers, store, combined.claims, n, page)
            cpu.append(time.process_time() - start_cpu)
            wall.append(time.perf_counter() - start_wall)
    print(
        f"base {count} entries, personal {personal}+: save and link a new term "
        f"{statistics.median(cpu) * 1000:.1f} ms CPU, {statistics.median(wall) * 1000:.1f} ms "
        f"wall (medians of {runs}; max wall {max(wall) * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000,
         int(sys.argv[2]) if len(sys.argv) > 2 else 50)  # fmt: skip
