"""Benchmark of the reader: time to first paint, and CPU per paragraph move.

Run: `uv run python tests/bench/bench_app.py [RUNS]`.
- first paint: a fresh process starts the app headless on the op-ed and exits right
  after its first frame; wall time from process start, median of RUNS runs.
- paragraph move: with a 20,000-entry glossary loaded and linked, CPU time of one `j`
  (move + re-render, `pilot.pause(0)`), median and p95 of 200 moves.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

FIRST_PAINT = """
import time, sys
start = float(sys.argv[1])
from pathlib import Path
from glossary.document import read_document
from reader.app import ReaderConfig, TonleApp
from reader.paths import shipped_glossary, user_paths
from reader.settings import Settings

class Timed(TonleApp):
    def on_ready(self) -> None:
        self.call_after_refresh(self.done)
    def done(self) -> None:
        print(time.time() - start)
        self.exit()

doc = read_document(Path(sys.argv[2]))
Timed(ReaderConfig(doc, [shipped_glossary()], user_paths(), Settings())).run(headless=True)
"""


def first_paint(runs: int) -> list[float]:
    times = []
    env = {
        **os.environ,
        "TONLE_DATA_DIR": tempfile.mkdtemp(),
        "TONLE_CACHE_DIR": tempfile.mkdtemp(),
    }
    oped = ROOT / "seeds" / "cambodia-south-korea-oped.txt"
    for _ in range(runs + 1):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", FIRST_PAINT, str(start), str(oped)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        ).stdout
        times.append(float(out.strip().splitlines()[-1]))
    return times[1:]  # the first run warms the disk cache


async def moves(count: int) -> list[float]:
    from tests.app_support import loaded, make_app
    from tests.bench.synthetic import make_text, write_glossary

    folder = Path(tempfile.mkdtemp())
    os.environ["TONLE_DATA_DIR"] = str(folder / "data")
    os.environ["TONLE_CACHE_DIR"] = str(folder / "cache")
    glossary = folder / "g.yaml"
    entries = write_glossary(glossary, 20_000)
    text = folder / "text.txt"
    text.write_text(make_text(entries, 400_000), encoding="utf-8")
    app = make_app(text, [glossary])
    cpu = []
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, timeout=120)
        for _ in range(count):
            start = time.process_time()
            await pilot.press("j")
            await pilot.pause(0)
            cpu.append(time.process_time() - start)
    return cpu


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    paint = first_paint(runs)
    print(
        f"first paint (op-ed, headless, from process start): median {statistics.median(paint):.3f} s, "
        f"min {min(paint):.3f} s, max {max(paint):.3f} s ({runs} runs)"
    )
    cpu = asyncio.run(moves(200))
    p95 = sorted(cpu)[int(len(cpu) * 0.95)]
    print(
        f"paragraph move, 20,000-entry glossary: median {statistics.median(cpu) * 1000:.1f} ms CPU, "
        f"p95 {p95 * 1000:.1f} ms ({len(cpu)} moves)"
    )


if __name__ == "__main__":
    main()
