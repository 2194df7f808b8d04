"""Nothing committed is lost: not to SIGKILL mid-write, not to two Tonles writing at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.progress import ProgressStore
from reader.progress.identity import paragraph_key
from tests.conftest import ROOT

# Marks paragraphs read, one transaction each, as fast as it can; prints each number
# only after mark_read returned True, i.e. after its transaction committed.
WRITER = """
import sys
from pathlib import Path
from glossary.document import Paragraph, parse_document
from reader.progress import ProgressStore

store = ProgressStore(Path(sys.argv[1]))
doc_id = store.open_document(parse_document("Kill test\\n\\nA text.")).id
print("ready", flush=True)
number = 0
while True:
    if store.mark_read(doc_id, Paragraph(number, 0, f"paragraph number {number}")):
        print(number, flush=True)
    number += 1
"""

# One of two concurrent readers of the same document: waits for "go" on stdin, then
# writes read marks, lookups of a shared term and reading time.
READER = """
import sys
from pathlib import Path
from glossary.document import Paragraph, parse_document
from reader.progress import ProgressStore

store = ProgressStore(Path(sys.argv[1]))
name, count = sys.argv[2], int(sys.argv[3])
doc_id = store.open_document(parse_document("Shared\\n\\nOne text, two readers.")).id
print("ready", flush=True)
sys.stdin.readline()
for i in range(count):
    assert store.mark_read(doc_id, Paragraph(i, 0, f"{name} paragraph {i}"))
    store.record_lookup("shared-term")
    assert store.add_reading_time(doc_id, 1.0)
print("done", len(store.messages), flush=True)
"""


def start(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def rows(db: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as raw:
        return raw.execute(query).fetchall()


@pytest.mark.parametrize("lines_before_kill", [1, 40, 400])
def test_sigkill_mid_stream_loses_no_committed_write(tmp_path: Path, lines_before_kill: int):
    data = tmp_path / "data"
    writer = start(WRITER, str(data))
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    printed = [int(writer.stdout.readline()) for _ in range(lines_before_kill)]
    os.kill(writer.pid, signal.SIGKILL)
    printed += [int(line) for line in writer.stdout.read().split()]  # printed before it died
    assert writer.wait() == -signal.SIGKILL
    db = data / "progress.sqlite3"
    assert rows(db, "PRAGMA quick_check") == [("ok",)]
    stored = {key for (key,) in rows(db, "SELECT paragraph_hash FROM read_marks")}
    assert {paragraph_key(f"paragraph number {n}") for n in printed} <= stored
    # At most the one write that committed just before the kill was not printed yet,
    # and each mark's day count was committed with it (never one without the other).
    assert len(stored) - len(printed) in (0, 1)
    assert rows(db, "SELECT sum(paragraphs) FROM days") == [(len(stored),)]
    with ProgressStore(data) as store:
        assert store.can_save and store.messages == []
        print(
            f"\nkill test: {lines_before_kill} lines read, {len(printed)} printed, "
            f"{len(stored)} in the database"
        )


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path):
    data, count = tmp_path / "data", 150
    readers = [start(READER, str(data), name, str(count)) for name in ("a", "b")]
    for reader in readers:  # both have opened the store and the document
        assert reader.stdout is not None and reader.stdout.readline() == "ready\n"
    for reader in readers:
        assert reader.stdin is not None
        reader.stdin.write("go\n")
        reader.stdin.flush()
    outputs = [reader.communicate(timeout=60)[0] for reader in readers]
    assert [reader.returncode for reader in readers] == [0, 0]
    assert outputs == ["done 0\n", "done 0\n"]  # no write was dropped
    with ProgressStore(data) as store:
        (document,) = store.library()
        assert document.reading_seconds == 2 * count
        assert store.term("shared-term").lookups == 2 * count
        assert sum(day.paragraphs for day in store.days()) == 2 * count
    marks = rows(data / "progress.sqlite3", "SELECT paragraph_hash, read_at FROM read_marks")
    assert len(marks) == 2 * count
    times = {name: _span(marks, name, count) for name in ("a", "b")}
    assert times["a"][0] < times["b"][1] and times["b"][0] < times["a"][1]  # they overlapped


def _span(marks: list[tuple[object, ...]], name: str, count: int) -> tuple[float, float]:
    keys = {paragraph_key(f"{name} paragraph {i}") for i in range(count)}
    stamps = [float(at) for key, at in marks if key in keys]  # type: ignore[arg-type]
    assert len(stamps) == count
    return min(stamps), max(stamps)
