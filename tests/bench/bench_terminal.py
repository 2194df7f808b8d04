"""Benchmark of the reader in a real terminal (a private tmux server), as a user runs it.

Run: `uv run python tests/bench/bench_terminal.py [RUNS] [MOVES]`.
- first paint: wall time from starting bare `tonle` in a new tmux pane (120x40) to the
  moment `capture-pane` shows the op-ed's first body paragraph; median of RUNS runs.
- paragraph move: `tonle read` on a ~1 MB text with a 20,000-entry glossary; once the
  glossary is loaded and the app is idle, MOVES presses of `j` are sent 50 ms apart.
  CPU per move = the app process's CPU over the presses (from /proc) minus what it burns
  idle over the same time (Textual's timers), divided by MOVES. This includes reading the
  key from the terminal and writing the new frame to it, which the headless bench skips.
"""

from __future__ import annotations

import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SOCKET = "tonle-bench"
SESSION = "bench"
FIRST_BODY_LINE = "Almost every time I commute"
TICKS = os.sysconf("SC_CLK_TCK")


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False
    ).stdout


def start(command: str, env: dict[str, str]) -> None:
    exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    tmux("kill-server")
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", f"{exports} exec {command}")


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def app_cpu() -> float:
    """CPU seconds (user + system, all threads) of the process in the pane."""
    pid = tmux("list-panes", "-t", SESSION, "-F", "#{pane_pid}").strip()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def wait_for(text: str, timeout: float, poll: float = 0.01) -> float:
    """Seconds until `text` is on screen."""
    began = time.monotonic()
    while text not in screen():
        if time.monotonic() - began > timeout:
            raise TimeoutError(f"{text!r} never appeared:\n{screen()}")
        time.sleep(poll)
    return time.monotonic() - began


def first_paint(
    runs: int, arguments: str = "-m reader", shown: str = FIRST_BODY_LINE
) -> list[float]:
    """Seconds from starting `python ARGUMENTS` in a new tmux pane to `shown` on screen."""
    python = shlex.quote(sys.executable)
    times = []
    for _ in range(runs + 1):
        env = {"TONLE_DATA_DIR": tempfile.mkdtemp(), "TONLE_CACHE_DIR": tempfile.mkdtemp()}
        began = time.monotonic()
        start(f"{python} {arguments}", env)
        wait_for(shown, timeout=20, poll=0.005)
        times.append(time.monotonic() - began)
        tmux("kill-server")
    return times[1:]  # the first run warms the caches


# What tmux, the pane and Python's own start cost before any of Tonle runs.
BASELINE = """-c 'import time; print("ready"); time.sleep(30)'"""


def wait_until_idle(threshold: float = 0.02, period: float = 1.0, timeout: float = 300) -> None:
    """Until the app used under `threshold` of a core over `period` (indexing is done)."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        before = app_cpu()
        time.sleep(period)
        if app_cpu() - before < threshold * period:
            return
    raise TimeoutError("the app never went idle")


def cpu_per_move(moves: int, gap: float = 0.05) -> tuple[float, float]:
    """(CPU ms per move, idle CPU ms per second) in a 20,000-entry glossary session."""
    from tests.bench.synthetic import make_text, write_glossary

    folder = Path(tempfile.mkdtemp())
    glossary = folder / "g.yaml"
    entries = write_glossary(glossary, 20_000)
    text = folder / "text.txt"
    text.write_text(make_text(entries, 1_000_000), encoding="utf-8")
    env = {"TONLE_DATA_DIR": str(folder / "data"), "TONLE_CACHE_DIR": str(folder / "cache")}
    python = shlex.quote(sys.executable)
    start(f"{python} -m reader read {text} --glossary {glossary} --no-default-glossary", env)
    try:
        wait_for("terms here", timeout=300, poll=0.2)
        wait_until_idle()
        duration = moves * gap
        before = app_cpu()
        time.sleep(duration)
        idle = app_cpu() - before
        before = app_cpu()
        for _ in range(moves):
            tmux("send-keys", "-t", SESSION, "j")
            time.sleep(gap)
        time.sleep(0.5)  # the last frame
        busy = app_cpu() - before
        idle_rate = idle / duration
        return (busy - idle_rate * (duration + 0.5)) / moves * 1000, idle_rate * 1000
    finally:
        tmux("kill-server")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    moves = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    paint = first_paint(runs)
    baseline = first_paint(runs, BASELINE, "ready")
    print(
        f"first paint in tmux (bare tonle, start to first body line on screen): "
        f"median {statistics.median(paint):.3f} s, min {min(paint):.3f} s ({runs} runs); "
        f"a Python that prints one word: median {statistics.median(baseline):.3f} s"
    )
    per_move, idle = cpu_per_move(moves)
    print(
        f"paragraph move in tmux, 20,000-entry glossary: {per_move:.1f} ms CPU per `j` "
        f"({moves} presses, 1/100 s clock ticks; idle {idle:.1f} ms CPU per second subtracted)"
    )


if __name__ == "__main__":
    main()
