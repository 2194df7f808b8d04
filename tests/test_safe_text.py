"""Nothing from a text, a glossary or a path reaches the terminal as a control sequence."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.loader import parse_text
from glossary.safe_text import find_unsafe, inert
from tests.conftest import FIXTURES, ROOT

# (name, hostile string, what the user sees instead)
HOSTILE = [
    ("OSC 52 clipboard write", "\x1b]52;c;aGFjaw==\x07", "␛]52;c;aGFjaw==␇"),
    (
        "OSC 8 hyperlink",
        "\x1b]8;;http://evil/\x1b\\x\x1b]8;;\x1b\\",
        "␛]8;;http://evil/␛\\x␛]8;;␛\\",
    ),
    ("CSI 2J clear screen", "\x1b[2J", "␛[2J"),
    ("cursor moves", "\x1b[10A\x1b[5;5H\r", "␛[10A␛[5;5H␍"),
    ("C1 CSI", "\x9b2J", "\\x9b2J"),
    ("C1 OSC", "\x9d52;c;x\x9c", "\\x9d52;c;x\\x9c"),
    ("bidi override", "abc\u202edcb\u202c", "abc\\u202edcb\\u202c"),
    ("bidi isolate", "\u2066x\u2069", "\\u2066x\\u2069"),
    ("NUL and DEL", "a\x00b\x7f", "a␀b␡"),
    ("lone surrogate", "bad\udcff", "bad\\udcff"),
]
CONTROL_BYTES = [
    b"\x1b",
    b"\x07",
    b"\xc2\x9b",
    b"\xc2\x9d",
    b"\xe2\x80\xae",
    b"\xe2\x81\xa6",
    b"\x00",
]


@pytest.mark.parametrize(("name", "hostile", "shown"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_inert_shows_every_control(name: str, hostile: str, shown: str) -> None:
    assert inert(hostile) == shown
    assert not any(inert(hostile).find(c) >= 0 for c in "\x1b\x07\x9b\x9d\x00\u202e")


def test_text_a_reader_needs_is_unchanged() -> None:
    text = "Hun Sen\tហ៊ុន\u200bសែន · 훈 센 — “quoted”\r\nnext line\n"
    assert inert(text) == text.replace("\r\n", "\n")
    assert list(find_unsafe(text)) == []


@pytest.mark.parametrize(
    ("name", "hostile", "shown"), HOSTILE[:-1], ids=[h[0] for h in HOSTILE[:-1]]
)
def test_glossary_with_a_control_is_an_error_at_its_place(
    name: str, hostile: str, shown: str
) -> None:
    text = (
        f"title: t\nentries:\n  - id: x\n    category: term\n    en: x\n    note: 'ab{hostile}'\n"
    )
    result = parse_text("g.yaml", text)
    assert not result.ok
    first = result.errors[0]
    offset = next(i for i, c in enumerate(hostile) if c != inert(c))
    assert (first.path, first.line, first.column) == ("g.yaml", 6, 14 + offset)
    assert "control character" in first.message


def _tonle(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, cwd=cwd, env=env, timeout=120
    )


def _assert_inert(output: bytes) -> None:
    for byte in CONTROL_BYTES:
        assert byte not in output, byte


@pytest.fixture
def hostile_text(tmp_path: Path) -> Path:
    body = " ".join(h for _, h, _ in HOSTILE[:-1] if "\x00" not in h)  # NUL: a binary file
    path = tmp_path / "hostile.txt"
    path.write_text(f"Prime Minister Hun Sen said {body}.\n\nMore {body}\n", encoding="utf-8")
    return path


MINI = ["--no-default-glossary", "-g", str(FIXTURES / "mini.yaml")]


@pytest.mark.parametrize(
    "command",
    [["annotate"], ["annotate", "--json"], ["annotate", "--figures"], ["glossary", "suggest"]],
    ids=" ".join,
)
def test_commands_print_a_hostile_text_inert(command: list[str], hostile_text: Path) -> None:
    result = _tonle(*command, str(hostile_text), *MINI, cwd=hostile_text.parent)
    _assert_inert(result.stdout + result.stderr)
    assert "control characters (" in result.stderr.decode() or command[0] == "glossary"
    if command == ["annotate"]:
        assert "␛]52;c;aGFjaw==␇".encode() in result.stdout


def test_glossary_check_names_the_control_and_stays_inert(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        'title: t\nentries:\n  - id: x\n    category: term\n    en: "x\x1b]52;c;eA==\x07"\n'
    )
    result = _tonle("glossary", "check", str(path), cwd=tmp_path)
    assert result.returncode != 0
    err = result.stderr.decode()
    assert f"{path}:5:11: U+001B (␛) is a control character" in err
    _assert_inert(result.stdout + result.stderr)


def test_error_messages_quoting_a_hostile_path_stay_inert(tmp_path: Path) -> None:
    weird = os.fsencode("\x1b]52;c;eA==\x07\x9b2J") + b"\xff.txt"  # \xff: a lone surrogate
    for args in (["annotate", weird], ["glossary", "check", weird], ["export", "--text", weird]):
        result = _tonle(*args, cwd=tmp_path)
        assert result.returncode != 0
        _assert_inert(result.stdout + result.stderr)
        assert b"\\udcff" in result.stderr or b"\\xff" in result.stderr, result.stderr
        assert b"Traceback" not in result.stderr


def test_fifo_and_device_glossaries_and_texts_do_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/zero"), tmp_path):
        result = _tonle("glossary", "check", str(target), cwd=tmp_path)
        assert result.returncode != 0 and b"Traceback" not in result.stderr
        assert str(target).encode() in result.stderr
        result = _tonle("annotate", str(target), *MINI, cwd=tmp_path)
        assert result.returncode == 2 and b"Traceback" not in result.stderr, result.stderr


def test_unencodable_output_is_escaped_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "glossary", "show", "hun-sen"],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert b"Hun Sen" in result.stdout and b"\\u" in result.stdout
