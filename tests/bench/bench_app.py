"""Benchmark of the reader: time to first paint, and CPU per paragraph move.

Run: `uv run python tests/bench/bench_app.py [RUNS]`.
- first paint: a fresh process runs bare `tonle` (headless) and exits at its first frame;
  wall and CPU time from process start, median of RUNS runs, with and without bytecode.
- paragraph move: with a 20,000-entry glossary loaded and linked, CPU time of a move
  (with the re-render, `pilot.pause(0)`): the action, a `j` through Pilot, and an unbound
  key through Pilot for the harness's share; median and p95 of 200 of each, interleaved.
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
import resource, sys, time
start = float(sys.argv[1])
import reader.app

def first_frame(app):
    # Textual posts Ready right after the first screen has been composited and written.
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(time.time() - start, usage.ru_utime + usage.ru_stime)
    app.exit()

run = reader.app.TonleApp.run
reader.app.TonleApp.on_ready = first_frame
reader.app.TonleApp.run = lambda app, **options: run(app, headless=True)
from reader.main import main
main([])
"""


def first_paint(runs: int, env: dict[str, str]) -> list[tuple[float, float]]:
    """(wall, CPU) seconds from process start to the first frame of bare `tonle`, headless,
    through the real entry point (`reader.main`), with empty data and cache directories."""
    env = {**env, "TONLE_DATA_DIR": tempfile.mkdtemp(), "TONLE_CACHE_DIR": tempfile.mkdtemp()}
    times = []
    for _ in range(runs + 1):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", FIRST_PAINT, str(start)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        ).stdout
        wall, cpu = out.strip().splitlines()[-1].split()
        times.append((float(wall), float(cpu)))
    return times[1:]  # the first run warms the disk cache (and writes bytecode if allowed)


def report_first_paint(runs: int) -> None:
    """Two series: with bytecode written and reused, as Python does by default (in a
    folder of its own, PYTHONPYCACHEPREFIX, so the .venv is left alone); and with the
    environment as it is, which on a machine with PYTHONDONTWRITEBYTECODE set means every
    module without bytecode on disk is compiled again at every start."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    series = [
        ("bytecode cached", {**base, "PYTHONPYCACHEPREFIX": tempfile.mkdtemp()}),
        (f"environment as is ({_bytecode_state()})", dict(os.environ)),
    ]
    for label, env in series:
        paint = first_paint(runs, env)
        walls, cpus = [w for w, _ in paint], [c for _, c in paint]
        print(
            f"first paint of the op-ed (headless, from process start), {label}: "
            f"median {statistics.median(walls):.3f} s wall (min {min(walls):.3f}), "
            f"median {statistics.median(cpus):.3f} s CPU ({runs} runs)"
        )


def _bytecode_state() -> str:
    import textual

    cache = Path(textual.__file__).parent / "__pycache__"
    compiled = "Textual compiled" if cache.is_dir() else "Textual not compiled"
    writes = "off" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"
    return f"{compiled}, bytecode writing {writes}"


async def moves(count: int) -> dict[str, list[float]]:
    """CPU seconds per paragraph move, three ways: the move action itself (what a key
    bound to it costs the app), a `j` pressed through Pilot, and an unbound key pressed
    through Pilot (the harness's own cost, which a real terminal does not pay)."""
    from tests.app_support import loaded, make_app
    from tests.bench.synthetic import make_text, write_glossary

    folder = Path(tempfile.mkdtemp())
    os.environ["TONLE_DATA_DIR"] = str(folder / "data")
    os.environ["TONLE_CACHE_DIR"] = str(folder / "cache")
    glossary = folder / "g.yaml"
    entries = write_glossary(glossary, 20_000)
    text = folder / "text.txt"
    text.write_text(make_text(entries, 1_000_000), encoding="utf-8")  # ~770 paragraphs
    app = make_app(text, [glossary])
    results: dict[str, list[float]] = {"move action": [], "j via Pilot": [], "unbound key": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, timeout=120)
        session = app.screen.session
        for _ in range(count):
            for label, step in (
                ("move action", lambda: _act(app)),
                ("j via Pilot", lambda: pilot.press("j")),
                ("unbound key", lambda: pilot.press("f12")),
            ):
                before = session.current
                start = time.process_time()
                await step()
                await pilot.pause(0)
                results[label].append(time.process_time() - start)
                moved = session.current - before
                assert moved == (0 if label == "unbound key" else 1), "the text ran out"
    return results


async def _act(app) -> None:
    app.screen.action_move(1)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    report_first_paint(runs)
    for label, cpu in asyncio.run(moves(200)).items():
        p95 = sorted(cpu)[int(len(cpu) * 0.95)]
        print(
            f"paragraph move, 20,000-entry glossary, {label}: median "
            f"{statistics.median(cpu) * 1000:.1f} ms CPU, p95 {p95 * 1000:.1f} ms ({len(cpu)} runs)"
        )


if __name__ == "__main__":
    main()
