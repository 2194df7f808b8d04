"""Tonle in a real terminal (tmux): every bordered line's right edge lines up with its neighbours.

The app (`python -m reader read`, width model auto: the probe runs too) goes in a private tmux
server at 100x30 and at 60x24 with interlinear Khmer and Korean on; a term card with Khmer is
opened (a side panel at 100 columns, a whole screen at 60), then the glossary browser, then
Khmer is typed into its filter box. Each screen is read back with `capture-pane -p -e` and
measured with the glibc per-code-point model, which is how tmux advances its cursor (see
../shared/notes/khmer-korean-in-the-terminal.md). Checks:
- edges (vertical border glyphs │ ┃ ▎ ▊ ▏ █ … and the 2-cell scrollbar at a line's end) sit in
  the same column as the same edge on the neighbouring lines;
- every line with Khmer or Hangul shows exactly the text Tonle laid out for the same steps
  headless (polled until it does): nothing clipped at a border, no padding eaten.
A control run with terminal_text's fix left out must fail these checks.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from glossary.document import read_document
from glossary.linker import Linker
from glossary.loader import load
from reader.screens.reading import NARROW
from reader.state.paths import seed_text, shipped_glossary
from reader.state.session import ReadingSession
from reader.state.settings import Settings
from reader.terminal import rich_patch
from reader.terminal import text as tt
from tests.app_support import loaded, make_app, screen_text

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TIMEOUT = 40.0  # seconds to wait for a screen (a slow CI machine starting Python)
EDGE_GLYPHS = "│┃║▏▎▍▌▋▊▉█▐▕"
DRIFT = 12  # the notes saw Khmer push borders 1-9 columns
SCROLLBAR = 2  # Textual's vertical scrollbar, in cells
BLOCKS = set(" ▁▂▃▄▅▆▇█▔")  # what a scrollbar is drawn with
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
KHMER = re.compile(r"[\u1780-\u17ff]")
SCRIPT = re.compile(r"[\u1780-\u17ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")  # Khmer, Hangul
CARD_ENTRY = "mfaic"  # long Khmer name full of U+200B, conjuncts and spacing vowels
FILTER = "ក្រសួង"  # "ministry": typed into the browser's filter
# With the fix left out: Textual measures Khmer with Rich's own widths.
WITHOUT_FIX = (
    "import runpy, reader.terminal.rich_patch as t; t.install = lambda *a, **k: None; "
    "runpy.run_module('reader', run_name='__main__')"
)


def keys_to_card(entry_id: str) -> list[str]:
    """`N g`, Tab to the term, Enter: the keys that open `entry_id`'s card."""
    result = load([shipped_glossary()])
    session = ReadingSession(read_document(seed_text()))
    session.attach(result.glossary, Linker(result.glossary))
    for number, paragraph in enumerate(session.document.body, start=1):
        ids = [link.entry_id for link in session.links(paragraph.index)]
        if entry_id in ids:
            return [*str(number), "g", *["Tab"] * (ids.index(entry_id) + 1), "Enter"]
    raise AssertionError(f"{entry_id} is not linked anywhere in the op-ed")


# --- reading what tmux shows -------------------------------------------------------------------


@dataclass
class Line:
    text: str  # the characters, escapes removed
    edges: dict[str, set[int]]  # glyph (or "scrollbar") -> terminal columns where it is


def _paint_after(params: str, paint: tuple) -> tuple:
    """(background, reverse video) after one SGR sequence."""
    values = [int(p) if p.isdigit() else 0 for p in re.split("[;:]", params)] if params else [0]
    background, reverse = paint
    index = 0
    while index < len(values):
        value = values[index]
        if value in (38, 48, 58):  # a colour: 5;n or 2;r;g;b follows
            size = 2 if values[index + 1 : index + 2] == [5] else 4
            if value == 48:
                background = tuple(values[index + 1 : index + 1 + size])
            index += size
        elif value == 0:
            background, reverse = None, False
        elif value == 49 or 40 <= value <= 47 or 100 <= value <= 107:
            background = None if value == 49 else value
        elif value in (7, 27):
            reverse = value == 7
        index += 1
    return background, reverse


def parse_line(raw: str) -> Line:
    """Columns of edge glyphs and of the scrollbar in one `capture-pane -e` line.

    The scrollbar is the 2-cell run of blocks or spaces, painted differently from what is
    before it (its own background, or reverse video), that ends the line.
    """
    edges: dict[str, set[int]] = {}
    text: list[str] = []
    column, paint = 0, (None, False)
    run_start, run_blocks, run_paint = 0, True, paint  # the last cells painted alike
    position = 0
    for match in [*SGR.finditer(raw), None]:
        for ch in raw[position : match.start() if match else len(raw)]:
            if paint != run_paint:
                run_start, run_blocks, run_paint = column, True, paint
            if ch in EDGE_GLYPHS:
                edges.setdefault(ch, set()).add(column)
            text.append(ch)
            column += tt.cell_width(ch, tt.WidthModel.CODEPOINT)
            run_blocks = run_blocks and ch in BLOCKS
        if match is None:
            break
        position = match.end()
        paint = _paint_after(match.group(1), paint)
    if run_blocks and column - run_start == SCROLLBAR and run_start > 0:
        edges["scrollbar"] = {run_start}
    return Line("".join(text), edges)


def misaligned(lines: list[Line]) -> list[str]:
    """Edges a few columns away from the same edge on a neighbouring line.

    A drifted edge sits 1 to DRIFT columns from where its neighbours have it; the same glyph
    much further away is another edge (the current paragraph's █ and the card's █).
    """
    problems = []
    for number, line in enumerate(lines):
        neighbours = lines[max(0, number - 1) : number] + lines[number + 1 : number + 2]
        for edge, columns in line.edges.items():
            near = {c for other in neighbours for c in other.edges.get(edge, ())}
            for column in sorted(columns - near):
                if any(0 < abs(column - other) <= DRIFT for other in near):
                    problems.append(
                        f"line {number}: {edge} at column {column}, its neighbours have it at "
                        f"{sorted(near)}: {line.text!r}"
                    )
    return problems


def khmer_lines_checked(lines: list[Line]) -> int:
    """Lines with Khmer whose edges were compared with a neighbour's."""
    count = 0
    for number, line in enumerate(lines):
        neighbours = lines[max(0, number - 1) : number] + lines[number + 1 : number + 2]
        shared = any(line.edges.keys() & other.edges.keys() for other in neighbours)
        count += bool(KHMER.search(line.text) and shared)
    return count


# --- driving the app in tmux -------------------------------------------------------------------


class Tmux:
    """A private tmux server (own socket, no user config) running one command."""

    def __init__(self, socket: Path, width: int, height: int, command: list[str], env: dict):
        self.base = ["tmux", "-u", "-S", str(socket), "-f", os.devnull]
        self.height = height
        environment = [f"{key}={value}" for key, value in env.items()]
        # COLUMNS/LINES would override the pane's size; under pytest something (a C-level
        # setenv, invisible in os.environ) passes COLUMNS=80 LINES=24 to every child.
        shell = shlex.join(["env", "-u", "COLUMNS", "-u", "LINES", *environment, *command])
        self.run("new-session", "-d", "-s", "tonle", "-x", str(width), "-y", str(height), shell)
        self.run("set-option", "-t", "tonle", "remain-on-exit", "on")

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args], capture_output=True, text=True, timeout=30, check=True
        )
        return done.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "tonle", key)

    def cursor(self) -> str:
        return self.run("display-message", "-p", "-t", "tonle", "#{cursor_x},#{cursor_y}")

    def capture(self) -> list[str]:
        return self.run("capture-pane", "-p", "-e", "-t", "tonle").split("\n")

    def wait_for(
        self,
        ready: Callable[[list[Line]], bool],
        what: str,
        explain: Callable[[list[Line]], str] | None = None,
    ) -> list[Line]:
        """Capture until `ready(lines)` holds for two captures in a row (nothing moving)."""
        deadline = time.monotonic() + TIMEOUT
        previous: list[str] | None = None
        while True:
            screen = self.capture()
            lines = [parse_line(raw) for raw in screen[: self.height]]
            if ready(lines) and screen == previous:
                return lines
            if time.monotonic() > deadline:
                shown = explain(lines) if explain else "\n".join(line.text for line in lines)
                raise AssertionError(f"never showed {what}; the screen was:\n{shown}")
            previous = screen if ready(lines) else None
            time.sleep(0.1)

    def wait_for_text(self, *texts: str, absent: tuple[str, ...] = ()) -> list[Line]:
        def ready(lines: list[Line]) -> bool:
            plain = "\n".join(line.text for line in lines)
            return all(t in plain for t in texts) and not any(t in plain for t in absent)

        return self.wait_for(ready, f"{texts}, without {absent}")

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, timeout=30)


@pytest.fixture
def start(tmp_path: Path) -> Iterator:
    servers: list[Tmux] = []
    # A short socket path: tmp_path can exceed the 108 bytes a Unix socket allows.
    sockets = Path(tempfile.mkdtemp(prefix="tonle-tmux-"))

    def start(width: int, height: int, fixed: bool = True) -> Tmux:
        python = [sys.executable] + (["-m", "reader"] if fixed else ["-c", WITHOUT_FIX])
        command = [*python, "read", str(seed_text()), "--glosses", "both"]
        env = {
            "TONLE_DATA_DIR": str(tmp_path / "data"),
            "TONLE_CACHE_DIR": str(tmp_path / "cache"),
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
        }
        server = Tmux(sockets / f"{len(servers)}", width, height, command, env)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()
    shutil.rmtree(sockets, ignore_errors=True)


# --- the same steps, in tmux and headless --------------------------------------------------------


@dataclass
class Step:
    name: str
    keys: list[str]  # tmux key names
    shows: tuple[str, ...]  # texts that say the step is done
    gone: tuple[str, ...] = ()  # ... and texts that must have left the screen
    typed: str = ""  # text typed after the keys
    moves_cursor: bool = False  # done when the terminal's cursor has moved (focus changed)
    checked: bool = True  # whether its screen is checked
    khmer_at_an_edge: bool = False  # must show Khmer on a line with an edge


def steps(width: int) -> list[Step]:
    """Open a term card with Khmer, then the glossary browser."""
    card = (f"· {CARD_ENTRY}", "ក្រសួង")
    result = [Step("term card", keys_to_card(CARD_ENTRY), card, khmer_at_an_edge=True)]
    if width < NARROW:  # the card is a whole screen: back to the text first (a lone Esc
        # must not be followed at once by a key, or the terminal sends Alt+key)
        result.append(Step("back", ["Escape"], ("⟨",), gone=card[:1], checked=False))
    result.append(Step("glossary browser", ["b"], ("entries · sorted",)))
    # Khmer typed into the filter box, between its borders. `/` focuses the box, and Textual
    # puts the terminal's (hidden) cursor in it; typing before that would go to the table.
    result.append(Step("filter box", ["/"], (), moves_cursor=True, checked=False))
    wide = width >= NARROW  # narrower, the filter box is too small to show what is typed
    shows = (FILTER, "entries") if wide else ("entries",)
    result.append(Step("browser filtered in Khmer", [], shows, typed=FILTER))
    result[-1].khmer_at_an_edge = wide
    return result


PILOT_KEYS = {"Tab": "tab", "Enter": "enter", "Escape": "escape", "/": "slash"}


async def settled_text(pilot) -> str:
    """The screen's text once two frames agree (a refill can drop a scrollbar a frame later)."""
    text = None
    for _ in range(50):
        await pilot.pause()
        now = screen_text(pilot.app)
        if now == text:
            return now
        text = now
    raise AssertionError("the screen never settled")


async def run_headless(width: int, height: int) -> list[list[str]]:
    """What Tonle lays out for the steps: the text of each line of the whole screen."""
    app = make_app(settings=Settings(glosses="both"))
    screens = []
    async with app.run_test(size=(width, height)) as pilot:
        await loaded(pilot)
        for step in steps(width):
            await pilot.press(*[PILOT_KEYS.get(key, key) for key in step.keys])
            if step.typed:  # Pilot.press loses Khmer marks typed as keys; a terminal does not
                app.screen.focused.insert_text_at_cursor(step.typed)
            text = await settled_text(pilot)
            assert all(shown in text for shown in step.shows), text
            if step.checked:
                screens.append(text.split("\n"))
    return screens


def differences(shown: list[Line], laid_out: list[str]) -> list[str]:
    """Lines with Khmer or Hangul that the terminal does not show as Tonle laid them out
    (letters clipped or overwritten by the next region, padding eaten, borders moved)."""
    return [
        f"line {number}:\n  tmux:   {line.text.rstrip()!r}\n  Tonle:  {expected.rstrip()!r}"
        for number, (line, expected) in enumerate(zip(shown, laid_out, strict=True))
        if SCRIPT.search(line.text + expected) and line.text.rstrip() != expected.rstrip()
    ]


def run_in_tmux(tmux: Tmux, width: int, expected: list[list[str]] | None) -> list[list[Line]]:
    """Each checked step's screen. With `expected`, waits until tmux shows it (or times out
    with the differences); without, until the step's texts are shown and nothing moves."""
    tmux.wait_for_text("⟨")  # interlinear glosses: the glossary is loaded and linked
    screens = []
    laid_out = iter(expected or [])
    for step in steps(width):
        cursor = tmux.cursor()
        tmux.keys(*step.keys)
        if step.moves_cursor:
            tmux.wait_for(lambda _, before=cursor: tmux.cursor() != before, "the cursor moving")
        if step.typed:
            tmux.run("send-keys", "-t", "tonle", "-l", step.typed)
        lines = tmux.wait_for_text(*step.shows, absent=step.gone)
        if step.checked:
            if expected is not None:
                target = next(laid_out)
                lines = tmux.wait_for(
                    lambda shown, target=target: not differences(shown, target),
                    f"the {step.name} as Tonle laid it out",
                    explain=lambda shown, target=target: "\n".join(differences(shown, target)),
                )
            screens.append(lines)
    return screens


@pytest.mark.parametrize("width,height", [(100, 30), (60, 24)])
async def test_card_and_browser_line_up_in_tmux(start, width, height):
    expected = await run_headless(width, height)
    captured = run_in_tmux(start(width, height), width, expected)  # tmux shows all of it...
    checked = [step for step in steps(width) if step.checked]
    for step, lines in zip(checked, captured, strict=True):  # ...and the edges line up
        what = f"{step.name} at {width}x{height}"
        assert misaligned(lines) == [], f"{what}:\n" + "\n".join(misaligned(lines))
        if step.khmer_at_an_edge:
            assert khmer_lines_checked(lines) >= 1, f"{what}: no Khmer line next to an edge"


async def test_without_the_fix_tmux_shows_something_else(start, monkeypatch):
    """The control: with Textual measuring Khmer as Rich does, the same checks fail. Textual 8
    writes each region at its own column, so a too-wide line mostly loses its end to the
    region on its right (letters cut at the card's border: `ហ៊ុន សែ|┃` for `ហ៊ុន សែន`);
    within one widget (the filter box, Khmer in its placeholder) the border is pushed out."""
    captured = run_in_tmux(start(100, 30, fixed=False), 100, None)
    rich_patch.uninstall()
    monkeypatch.setattr(rich_patch, "install", lambda *args, **kwargs: None)
    expected = await run_headless(100, 30)
    problems = []
    for lines, laid_out in zip(captured, expected, strict=True):
        problems += misaligned(lines) + differences(lines, laid_out)
    assert any(KHMER.search(problem) for problem in problems), problems


def test_parse_line_finds_edges_and_the_scrollbar():
    raw = "\x1b[48;5;233m ab \x1b[38;5;32m│\x1b[39m ខ្មែរ  \x1b[7m\x1b[38;5;23m ▅\x1b[0m"
    line = parse_line(raw)
    assert line.text == " ab │ ខ្មែរ   ▅"
    assert line.edges == {"│": {4}, "scrollbar": {12}}  # ខ្មែរ is 4 cells to tmux
    track = parse_line("\x1b[48;5;233m  ក្រសួង \x1b[38;5;253m\x1b[48;5;16m  \x1b[39m\x1b[48;5;233m")
    assert track.edges == {"scrollbar": {7}}  # a track drawn in its own background
    focused = parse_line("a \x1b[7mterm\x1b[27m b │")
    assert focused.edges == {"│": {9}}  # a reversed word is not a scrollbar
    assert parse_line("\x1b[44m  \x1b[0m").edges == {}  # nor a line that is all one run
    assert misaligned([parse_line("x │"), parse_line("xy │")]) != []
    far = [parse_line(" █ text" + " " * 50 + "█"), parse_line(" " * 57 + "█")]
    assert misaligned(far) == []  # the page's █ and the card's █ are different edges
