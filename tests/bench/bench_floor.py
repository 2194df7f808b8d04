"""Tonle's glossary engine against the libraries it stands on, side by side, as ratios.

Run: `uv run python tests/bench/bench_floor.py [ENTRIES ...] [--runs N]`
(default 20000 100000, 3 runs). For each size it writes the synthetic glossary and 1 MB
text of tests/bench/synthetic.py, then times each step of Tonle and the same step done
by the library alone on the same data, interleaved, in CPU seconds (this 2-core machine
is shared), and prints medians and the ratio Tonle / library:

- cold load: `loader.load` without a cache (parse, validate, write the cache)
  against `yaml.load` with libyaml's CSafeLoader (gc off), both reading the file;
- cached load: `loader.load` from a fresh cache against `json.load` of that cache file
  (gc off);
- matcher build: `Linker` built from scratch against pyahocorasick's `add_word` +
  `make_automaton` over the same keys (integer values, Latin and other keys apart as
  Tonle keeps them);
- matcher ready: `Linker.shared` with its matcher cache on disk (what a second start
  does) against the same bare build;
- link 1 MB: `Linker.link` of the text against the Latin automaton's `iter` over its
  lower case;
- ready: cached load + ready matcher against `json.load` + bare build;
- peak RSS of a fresh process that gets ready from the caches, against their size.
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import ahocorasick  # noqa: E402
import yaml  # noqa: E402

from glossary import linker as linker_module  # noqa: E402
from glossary.linker import Linker  # noqa: E402
from glossary.loader import load  # noqa: E402
from tests.bench.synthetic import make_text, write_glossary  # noqa: E402

READY = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from glossary.linker import Linker
from glossary.loader import load
from glossary import cache
assert cache.read(Path(sys.argv[3]), Path(sys.argv[2])), "the glossary cache is not fresh"
result = load([Path(sys.argv[2])], cache_dir=Path(sys.argv[3]))
Linker.__init__ = None  # building would fail: the matcher must come from its cache
linker = Linker.shared(result.glossary, cache_dir=Path(sys.argv[3]))
assert linker.link("x") == []
# VmHWM, not ru_maxrss: the latter keeps the forking parent's peak across exec.
status = Path("/proc/self/status").read_text().split("VmHWM:")[1]
print(status.split()[0])
"""

Step = Callable[[], object]


def cpu(action: Step) -> float:
    """CPU seconds of one call, with the collector run before it (not inside it)."""
    gc.collect()
    start = time.process_time()
    action()
    return time.process_time() - start


def pair(ours: Step, floor: Step, runs: int) -> tuple[float, float]:
    """Medians of `runs` interleaved timings of Tonle's step and the library's."""
    times = [(cpu(ours), cpu(floor)) for _ in range(runs)]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def gc_off(action: Step) -> Step:
    def run() -> object:
        gc.disable()
        try:
            return action()
        finally:
            gc.enable()

    return run


def bare_automata(key_sets: list[list[str]]) -> list[ahocorasick.Automaton]:
    """One automaton per key set (Tonle keeps Latin and Khmer/Hangul keys apart)."""
    automata = []
    for keys in key_sets:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, key in enumerate(keys):
            automaton.add_word(key, number)
        automaton.make_automaton()
        automata.append(automaton)
    return automata


def matcher_keys(linker: Linker) -> list[list[str]]:
    """The keys of each of the linker's automata (Latin first)."""
    return [[str(key) for key in automaton.keys()] for automaton in linker.automata()]  # noqa: SIM118


class Bench:
    """One glossary size: its files, and a row per step."""

    def __init__(self, work: Path, count: int, runs: int) -> None:
        self.count, self.runs = count, runs
        self.path = work / f"synthetic-{count}.yaml"
        self.text = make_text(write_glossary(self.path, count))
        self.cache = work / f"cache-{count}"
        self.rows: list[tuple[str, str, float, float]] = []

    def row(self, step: str, floor: str, times: tuple[float, float]) -> None:
        self.rows.append((step, floor, *times))

    def cache_file(self) -> Path:
        return next(self.cache.glob("glossary-*.json"))

    def cache_size(self) -> int:
        return sum(p.stat().st_size for p in self.cache.iterdir())

    def run(self) -> None:
        yaml_load = gc_off(lambda: yaml.load(self.path.read_text("utf-8"), yaml.CSafeLoader))
        fresh = iter(range(10**6))
        cold = lambda: load([self.path], cache_dir=self.cache.with_name(f"cold-{next(fresh)}"))  # noqa: E731
        self.row("cold load", "yaml.load (CSafeLoader)", pair(cold, yaml_load, self.runs))
        glossary = load([self.path], cache_dir=self.cache).glossary
        cached = lambda: load([self.path], cache_dir=self.cache)  # noqa: E731
        json_load = gc_off(lambda: json.loads(self.cache_file().read_bytes()))
        self.row("cached load", "json.load of the cache", pair(cached, json_load, self.runs))
        built = Linker(glossary)
        keys = matcher_keys(built)
        bare = lambda: bare_automata(keys)  # noqa: E731
        self.row(
            "matcher build",
            "add_word + make_automaton",
            pair(lambda: Linker(glossary), bare, self.runs),
        )
        Linker.shared(glossary, cache_dir=self.cache)
        ready_matcher = lambda: self.ready_matcher(glossary)  # noqa: E731
        self.row(
            "matcher ready (cached)",
            "add_word + make_automaton",
            pair(ready_matcher, bare, self.runs),
        )
        automaton, lower = bare()[0], self.text.lower()  # English text: the Latin one
        iterate = lambda: sum(1 for _ in automaton.iter(lower))  # noqa: E731
        self.row(
            "link 1 MB", "automaton.iter", pair(lambda: built.link(self.text), iterate, self.runs)
        )
        ready = lambda: self.ready_matcher(cached().glossary)  # noqa: E731
        floor = lambda: (json_load(), bare())  # noqa: E731
        self.row(
            "ready (cached load + matcher)", "json.load + bare build", pair(ready, floor, self.runs)
        )

    def ready_matcher(self, glossary: object) -> Linker:
        linker_module.forget_shared()  # a new process: nothing built yet
        return Linker.shared(glossary, cache_dir=self.cache)  # type: ignore[arg-type]

    def peak_rss(self) -> float:
        """MiB: peak RSS of a fresh process that loads and gets the matcher from the caches."""
        peaks = []
        for _ in range(self.runs):
            out = subprocess.run(
                [sys.executable, "-c", READY, str(ROOT), str(self.path), str(self.cache)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            peaks.append(int(out.split()[-1]) / 1024)
        return statistics.median(peaks)

    def report(self) -> None:
        size = self.path.stat().st_size / 2**20
        print(
            f"\n{self.count:,} entries: {size:.1f} MiB YAML, {self.cache_size() / 2**20:.1f} MiB of caches, "
            f"{len(self.text) / 1e6:.2f} M characters of text (CPU ms, medians of {self.runs})"
        )
        print("| step | Tonle | the library alone | | ratio |\n|---|---:|---|---:|---:|")
        for step, floor, ours, theirs in self.rows:
            print(
                f"| {step} | {ours * 1000:,.0f} | {floor} | {theirs * 1000:,.0f} | {ours / theirs:.2f}× |"
            )
        peak = self.peak_rss()
        cache = self.cache_size() / 2**20
        print(
            f"| peak RSS, ready from the caches | {peak:.0f} MiB | cache files | {cache:.1f} MiB | {peak / cache:.2f}× |"
        )


def main(argv: list[str]) -> None:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    sizes = [
        int(a)
        for a in argv
        if a.isdigit() and (argv.index(a) == 0 or argv[argv.index(a) - 1] != "--runs")
    ]
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes or [20_000, 100_000]:
            bench = Bench(Path(folder), count, runs)
            bench.run()
            bench.report()


if __name__ == "__main__":
    main(sys.argv[1:])
