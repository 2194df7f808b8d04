"""Writing a file so that nothing is ever lost: a lock between processes, an atomic
replace, and the previous version kept beside it.

A SIGKILL at any moment leaves the old file or the new one, never a mix: the new text
goes to a temporary file in the same directory, is flushed to disk, and then takes the
old one's name in one `os.replace`.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: a lock file held open instead
    fcntl = None  # type: ignore[assignment]

LOCK_WAIT = 10.0  # seconds: another Tonle saving holds the lock for milliseconds


class LockTimeout(OSError):
    """Another process held the lock for longer than `LOCK_WAIT`."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


@contextlib.contextmanager
def locked(path: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the lock of `path` (a `.lock` file beside it) while the block runs."""
    lock = path.with_name(path.name + ".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, wait)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _acquire(fd: int, wait: float) -> None:
    if fcntl is None:  # pragma: no cover
        return
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise LockTimeout("locked by another process") from None
            time.sleep(0.01)


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def replace_keeping_backup(path: Path, text: str) -> None:
    """Write `text` to `path` atomically; the version it replaces becomes `path.bak`.
    Call it holding `locked(path)`: temporary files a killed writer left are removed."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        _write_synced(tmp, text.encode("utf-8"))
        if path.exists():
            backup_tmp = path.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
            _write_synced(backup_tmp, path.read_bytes())
            os.replace(backup_tmp, backup_path(path))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # the rename itself reaches the disk
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
