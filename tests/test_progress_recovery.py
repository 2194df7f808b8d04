"""A corrupt database is moved aside (never deleted); a read-only one is read, not written."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary.document import parse_document
from reader.progress import ProgressStore, TermStatus
from tests.conftest import ROOT

TEXT = "Recovery\n\nThe first paragraph.\n\nThe second paragraph.\n\nThe third paragraph."
GARBAGE = b"this is not a database\x00\xff" * 300


def filled_store(data: Path) -> str:
    """A database holding one document with one read mark and one known term."""
    document = parse_document(TEXT)
    with ProgressStore(data) as store:
        doc_id = store.open_document(document).id
        store.mark_read(doc_id, document.paragraphs[1])
        store.set_term_status("asean", TermStatus.KNOWN)
    return doc_id


def assert_fresh_store_works(data: Path) -> None:
    document = parse_document(TEXT)
    with ProgressStore(data) as store:
        assert store.can_save and store.messages == []
        doc_id = store.open_document(document).id
        assert store.mark_read(doc_id, document.paragraphs[2])
    with ProgressStore(data) as store:
        assert store.messages == [] and store.library()[0].read_count == 1


def test_a_garbage_file_is_moved_aside_and_kept(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "progress.sqlite3").write_bytes(GARBAGE)
    (data / "progress.sqlite3-wal").write_bytes(b"old log")
    messages: list[str] = []
    with ProgressStore(data, on_message=messages.append) as store:
        moved = store.moved_to
        assert store.can_save and moved is not None and store.library() == []
    assert moved.name.startswith("progress.sqlite3.corrupt-") and moved.parent == data
    assert moved.read_bytes() == GARBAGE  # kept, byte for byte
    assert Path(f"{moved}-wal").read_bytes() == b"old log"  # its log went with it
    assert len(messages) == 1 and "\n" not in messages[0]
    assert f"moved it to {moved}" in messages[0] and "not a database" in messages[0]
    assert_fresh_store_works(data)


def test_a_damaged_database_fails_its_check_and_is_moved_aside(tmp_path: Path):
    data = tmp_path / "data"
    filled_store(data)
    db = data / "progress.sqlite3"
    damaged = bytearray(db.read_bytes())
    for page in range(4096, len(damaged), 4096):  # keep the header, scramble every page
        damaged[page + 8 : page + 520] = bytes(range(256)) * 2
    db.write_bytes(bytes(damaged))
    with ProgressStore(data) as store:
        assert store.moved_to is not None and store.moved_to.read_bytes() == bytes(damaged)
        assert "unreadable" in store.messages[0]
    assert_fresh_store_works(data)


def test_a_directory_in_place_of_the_file_is_moved_aside(tmp_path: Path):
    data = tmp_path / "data"
    (data / "progress.sqlite3").mkdir(parents=True)
    with ProgressStore(data) as store:
        assert store.can_save and store.moved_to is not None and store.moved_to.is_dir()
    assert_fresh_store_works(data)


def test_two_corruptions_in_one_second_get_two_names(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    moved = []
    for _ in range(2):
        (data / "progress.sqlite3").write_bytes(GARBAGE)
        with ProgressStore(data) as store:
            moved.append(store.moved_to)
    assert moved[0] != moved[1] and all(path and path.exists() for path in moved)


# Read-only ----------------------------------------------------------------------------


def fingerprint(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in directory.iterdir()}


@pytest.fixture
def read_only_data(tmp_path: Path) -> Iterator[Path]:
    """A data directory holding a database, with write permission removed (restored after)."""
    data = tmp_path / "data"
    filled_store(data)
    (data / "progress.sqlite3").chmod(0o444)
    data.chmod(0o555)
    yield data
    data.chmod(0o755)
    (data / "progress.sqlite3").chmod(0o644)


def test_read_only_directory_in_process(read_only_data: Path, monkeypatch: pytest.MonkeyPatch):
    # Root may write through 0o555, so os.access says yes; make it answer as it would for
    # any other user (or on a read-only mount). SQLite is then opened with mode=ro.
    if os.geteuid() == 0:
        real_access = os.access

        def access(path: object, mode: int, **kwargs: object) -> bool:
            inside = str(path).startswith(str(read_only_data))
            return not (inside and mode & os.W_OK) and real_access(path, mode, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "access", access)
    before = fingerprint(read_only_data)
    document = parse_document(TEXT)
    with ProgressStore(read_only_data) as store:
        assert not store.can_save and store.moved_to is None
        assert store.messages == [f"progress cannot be saved: {read_only_data} is read-only"]
        (record,) = store.library()  # reads work
        assert record.read_count == 1 and store.term("asean").status is TermStatus.KNOWN
        assert store.mark_read(record.id, document.paragraphs[2])  # this session only
        store.set_term_status("asean", TermStatus.IGNORED)
        assert store.library()[0].read_count == 2
    assert fingerprint(read_only_data) == before  # nothing written, no -wal/-shm created


def test_read_only_directory_refused_by_the_os(read_only_data: Path):
    """The same in a child process that the kernel really stops from writing there."""
    command = [sys.executable, "-c", READ_ONLY_CHILD, str(read_only_data)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv to drop CAP_DAC_OVERRIDE")
        drop = "-dac_override,-dac_read_search,-fowner"
        command = ["setpriv", f"--bounding-set={drop}", *command]
    before = fingerprint(read_only_data)
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    assert report["probe"] == "PermissionError"  # the OS really refuses
    assert report["can_save"] is False and "cannot be saved" in report["messages"][0]
    assert report["read_before"] == 1 and report["read_after"] == 2
    assert fingerprint(read_only_data) == before


def test_read_only_mount_refused_by_the_os(tmp_path: Path):
    """On a read-only mount even root cannot write; a private mount namespace makes one."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare to make a read-only bind mount")
    data = tmp_path / "data"
    filled_store(data)
    where, python = shlex.quote(str(data)), shlex.quote(sys.executable)
    mount = f"mount --bind {where} {where} && mount -o remount,bind,ro {where}"
    child = f'{mount} && exec {python} -c "$0" {where}'
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", child, READ_ONLY_CHILD],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 and "mount" in done.stderr:
        pytest.skip(f"cannot make a read-only mount here: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    assert report["probe"] == "OSError"  # EROFS
    assert report["can_save"] is False and report["read_after"] == 2


READ_ONLY_CHILD = f"""
TEXT = {TEXT!r}
import json, sys
from pathlib import Path
from glossary.document import parse_document
from reader.progress import ProgressStore

data = Path(sys.argv[1])
try:
    (data / "probe").write_text("x")
    probe = "written"
except OSError as error:
    probe = type(error).__name__
document = parse_document(TEXT)
store = ProgressStore(data)
(record,) = store.library()
store.mark_read(record.id, document.paragraphs[2])
print(json.dumps({{"probe": probe, "can_save": store.can_save, "messages": store.messages,
                  "read_before": record.read_count, "read_after": store.library()[0].read_count}}))
"""


def test_a_data_directory_that_cannot_be_created(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with ProgressStore(blocker / "data") as store:
        assert not store.can_save and "cannot create" in store.messages[0]
        doc_id = store.open_document(parse_document(TEXT)).id
        assert store.document(doc_id) is not None  # kept in memory for the session


def test_corrupt_and_read_only_is_left_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "progress.sqlite3").write_bytes(GARBAGE)
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: not mode & os.W_OK)
    with ProgressStore(data) as store:
        assert not store.can_save and store.moved_to is None
        assert "stored progress cannot be shown" in store.messages[0]
    assert (data / "progress.sqlite3").read_bytes() == GARBAGE


def test_a_database_locked_while_opening_is_opened_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Two Tonles opening a new database at once: SQLite may say "database is locked" to
    one of them while the other switches it to WAL. That one waits and opens it too,
    rather than keeping its progress in memory."""
    from reader.progress import database

    real, calls = database._use_wal, []

    def busy_once(connection):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        real(connection)

    monkeypatch.setattr(database, "_use_wal", busy_once)
    with ProgressStore(tmp_path / "data") as store:
        assert store.can_save and store.messages == []
        doc_id = store.open_document(parse_document("Title\n\nA paragraph.")).id
    assert len(calls) == 2
    with ProgressStore(tmp_path / "data") as again:
        assert [record.id for record in again.library()] == [doc_id]


def test_a_database_locked_for_good_is_not_waited_on_forever(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from reader.progress import database

    def always_busy(connection):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(database, "_use_wal", always_busy)
    monkeypatch.setattr(database, "OPEN_RETRY_SECONDS", 0.2)
    with ProgressStore(tmp_path / "data") as store:
        assert not store.can_save
        assert "database is locked" in store.messages[0]
