"""The mode 2027 probe: asks only a real terminal, never hangs, always restores the tty."""

from __future__ import annotations

import os
import select
import shlex
import shutil
import subprocess
import sys
import tempfile
import termios
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.state.settings import Settings, load_settings
from reader.terminal import probe as terminal_probe
from reader.terminal import rich_patch
from reader.terminal import text as terminal_text
from reader.terminal.text import WidthModel

DA1_REPLY = b"\x1b[?62;22c"


@pytest.fixture(autouse=True)
def _nothing_detected(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    terminal_text.set_detected(None)
    yield
    terminal_text.set_detected(None)


@contextmanager
def fake_terminal(*replies: bytes):
    """A pty whose far end answers the probe's DA1 query with `replies` (in pieces)."""
    master, slave = os.openpty()
    stdin, stdout = os.fdopen(os.dup(slave), "r"), os.fdopen(os.dup(slave), "w")
    heard = bytearray()

    def terminal() -> None:
        while b"\x1b[c" not in heard:
            if not select.select([master], [], [], 3)[0]:
                return
            heard.extend(os.read(master, 1024))
        for reply in replies:
            os.write(master, reply)
            time.sleep(0.01)

    thread = threading.Thread(target=terminal, daemon=True)
    thread.start()
    before = termios.tcgetattr(slave)
    try:
        yield stdin, stdout, heard
    finally:
        thread.join(5)
        assert termios.tcgetattr(slave) == before  # echo and line mode are back
        for closing in (stdin, stdout):
            closing.close()
        os.close(master)
        os.close(slave)


@pytest.mark.parametrize(
    ("replies", "answer"),
    [
        ((b"\x1b[?2027;1$y", DA1_REPLY), True),  # grapheme clustering on
        ((b"\x1b[?2027;3$y" + DA1_REPLY,), True),  # permanently on, in one piece
        ((b"\x1b[?20", b"27;1$", b"y\x1b[?6", b"2c"), True),  # in pieces
        ((b"x\x1b[?2027;1$y", DA1_REPLY), True),  # a key typed meanwhile is dropped
        ((b"\x1b[?2027;2$y", DA1_REPLY), False),  # known, off
        ((b"\x1b[?2027;0$y", DA1_REPLY), None),  # not recognised
        ((DA1_REPLY,), None),  # DECRQM ignored: DA1 alone (tmux, xterm)
    ],
)
def test_answers(replies, answer):
    with fake_terminal(*replies) as (stdin, stdout, heard):
        started = time.monotonic()
        assert terminal_probe.query_mode_2027(stdin, stdout) is answer
        assert time.monotonic() - started < terminal_probe.TIMEOUT  # DA1 ends the wait
    assert heard.startswith(b"\x1b[?2027$p\x1b[c")


def test_a_silent_terminal_costs_the_timeout_and_no_more():
    with fake_terminal() as (stdin, stdout, _):
        started = time.monotonic()
        assert terminal_probe.query_mode_2027(stdin, stdout, timeout=0.2) is None
        assert 0.2 <= time.monotonic() - started < 1.0


def test_without_an_answer_the_query_line_is_wiped():
    """A terminal that does not parse DECRQM may print part of it; the line is cleared."""
    master, slave = os.openpty()
    with os.fdopen(os.dup(slave), "r") as stdin, os.fdopen(os.dup(slave), "w") as stdout:
        terminal_probe.query_mode_2027(stdin, stdout, timeout=0.05)
        written = b""
        while select.select([master], [], [], 0.2)[0]:  # a pty hands writes over one by one
            written += os.read(master, 1024)
    os.close(master)
    os.close(slave)
    assert written == b"\x1b[?2027$p\x1b[c\r\x1b[K"


def test_not_a_terminal_is_never_asked(tmp_path: Path):
    out = tmp_path / "out"
    with open(os.devnull) as stdin, out.open("w") as stdout:
        assert terminal_probe.query_mode_2027(stdin, stdout) is None
    assert out.read_bytes() == b""


@pytest.mark.parametrize("term", ["linux", "dumb"])
def test_the_linux_console_and_dumb_terminals_are_not_asked(monkeypatch, term):
    monkeypatch.setenv("TERM", term)
    master, slave = os.openpty()
    with os.fdopen(os.dup(slave), "r") as stdin, os.fdopen(os.dup(slave), "w") as stdout:
        assert terminal_probe.query_mode_2027(stdin, stdout) is None
    assert not select.select([master], [], [], 0.05)[0]  # nothing was written
    os.close(master)
    os.close(slave)


def test_detect_sets_what_auto_means():
    with fake_terminal(b"\x1b[?2027;1$y", DA1_REPLY) as (stdin, stdout, _):
        terminal_probe.detect("auto", stdin, stdout)
    assert WidthModel("auto") is WidthModel.GRAPHEME
    with fake_terminal(DA1_REPLY) as (stdin, stdout, _):
        terminal_probe.detect("auto", stdin, stdout)
    assert WidthModel("auto") is WidthModel.CODEPOINT


def test_a_chosen_model_asks_nothing():
    master, slave = os.openpty()
    with os.fdopen(os.dup(slave), "r") as stdin, os.fdopen(os.dup(slave), "w") as stdout:
        terminal_probe.detect("grapheme", stdin, stdout)
    assert not select.select([master], [], [], 0.05)[0]
    os.close(master)
    os.close(slave)
    assert WidthModel("grapheme") is WidthModel.GRAPHEME


def test_setting_defaults_to_auto_and_rejects_unknown_models(tmp_path: Path):
    assert Settings().width_model == "auto"
    path = tmp_path / "settings.json"
    path.write_text('{"width_model": "grapheme"}', encoding="utf-8")
    assert load_settings(path).width_model == "grapheme"
    path.write_text('{"width_model": "wcwidth-9000"}', encoding="utf-8")
    assert load_settings(path).width_model == "auto"
    assert WidthModel("auto") is terminal_text.DEFAULT_MODEL  # nothing detected


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_tmux_the_probe_is_quick_and_leaves_nothing_on_screen():
    """tmux answers DA1 itself and measures per code point whatever the outer terminal does."""
    script = (
        "import time; from reader.terminal.probe import query_mode_2027 as q; "
        "t = time.monotonic(); r = q(); print('probe', r, round(time.monotonic() - t, 3)); "
        "time.sleep(10)"
    )
    socket = Path(tempfile.mkdtemp(prefix="tonle-probe-")) / "s"
    tmux = ["tmux", "-u", "-S", str(socket), "-f", os.devnull]
    command = shlex.join(["env", "TERM=xterm-256color", sys.executable, "-c", script])
    subprocess.run([*tmux, "new-session", "-d", "-x", "80", "-y", "5", command], check=True)
    try:
        for _ in range(100):
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=True
            ).stdout
            if "probe" in screen:
                break
            time.sleep(0.1)
        words = screen.split()
        assert words[:2] == ["probe", "None"], screen
        assert float(words[2]) < terminal_probe.TIMEOUT
        assert "2027" not in screen and "$p" not in screen
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False)
        shutil.rmtree(socket.parent, ignore_errors=True)


def test_the_app_measures_with_what_the_terminal_reported():
    from tests.app_support import make_app

    terminal_text.set_detected(WidthModel.GRAPHEME)
    try:
        make_app(settings=Settings(width_model="auto"))
        assert terminal_text.active_model() is WidthModel.GRAPHEME
        assert terminal_text.cell_width("ស្ត្រី") == 2
        make_app(settings=Settings(width_model="codepoint"))  # a chosen model wins
        assert terminal_text.active_model() is WidthModel.CODEPOINT
    finally:
        rich_patch.uninstall()
