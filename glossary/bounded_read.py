"""Reading a stranger's file without hanging or running out of memory.

A path can name a FIFO (opening it blocks until someone writes), `/dev/zero` (endless),
a directory or a file that grows while it is read. `read_regular` opens without
blocking, refuses anything but a regular file, and stops after `limit` bytes of what is
actually read (never trusting `st_size`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class ReadRefused(Exception):
    """The file is not a regular file, or is larger than the limit; `reason` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them.

    Raises `ReadRefused("not-regular")` or `ReadRefused("too-large")`, and `OSError`
    (FileNotFoundError, IsADirectoryError, PermissionError, ...) as `open` does.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise ReadRefused("not-regular")
        return _read_at_most(fd, limit)
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(1 << 20, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ReadRefused("too-large")
