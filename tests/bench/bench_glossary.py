"""Benchmark of the glossary engine: load (cold and cached), build and link.

Run: `uv run python tests/bench/bench_glossary.py [ENTRIES]` (default 20,000).
Generates a synthetic glossary and a 1 MB text, then prints medians of several runs
(CPU time, since this 2-core machine is noisy) and the peak memory of the process.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from glossary.linker import Linker
from glossary.loader import load
from tests.bench.synthetic import make_text, write_glossary


def median_cpu(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = action()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        path = work / "synthetic.yaml"
        entries = write_glossary(path, count)
        text = make_text(entries)
        cache_dir = work / "cache"
        cold, result = median_cpu(lambda: load([path]), 3)
        load([path], cache_dir=cache_dir)
        cached, _ = median_cpu(lambda: load([path], cache_dir=cache_dir), 7)
        glossary = result.glossary  # type: ignore[attr-defined]
        build, linker = median_cpu(lambda: Linker(glossary), 5)
        link, links = median_cpu(lambda: linker.link(text), 7)  # type: ignore[attr-defined]
        paragraph = text[:1400]
        one, _ = median_cpu(lambda: linker.link(paragraph), 101)  # type: ignore[attr-defined]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"glossary: {count} entries, {path.stat().st_size / 2**20:.1f} MiB YAML"
        if False
        else f"glossary: {count} entries"
    )
    print(
        f"text: {len(text) / 1e6:.2f} M characters, {len(links)} links, {linker.pattern_count} patterns"
    )  # type: ignore[attr-defined]
    print(f"load cold (YAML, validated): {cold * 1000:8.0f} ms CPU (median of 3)")
    print(f"load cached (JSON):          {cached * 1000:8.0f} ms CPU (median of 7)")
    print(f"build automaton:             {build * 1000:8.0f} ms CPU (median of 5)")
    print(f"link 1 MB:                   {link * 1000:8.0f} ms CPU (median of 7)")
    print(f"link one 1.4 KB paragraph:   {one * 1000:8.2f} ms CPU (median of 101)")
    print(f"peak RSS:                    {peak:8.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
