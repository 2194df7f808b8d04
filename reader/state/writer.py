"""Progress writes off the UI thread, one at a time and in the order they were asked for.

Each store write ends in an fsync (the store's promise that nothing committed is lost),
which takes milliseconds on a real disk; a paragraph move must not wait for it. The
reader's moves, read marks, reading time and seen terms go through one `SerialWriter`:
a single background thread, so writes never overtake each other.

Contract: `submit` never blocks and never raises (a failing write is logged; the store
itself reports storage problems through its `on_message`); `wait` returns once every
write submitted before it is done; `close` waits likewise, then refuses new writes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

log = logging.getLogger(__name__)


class SerialWriter:
    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tonle-progress")
        self._closed = False

    def submit(self, write: Callable[..., Any], *args: Any) -> None:
        """Run `write(*args)` after every write submitted before it."""
        if self._closed:
            log.warning("progress write after close dropped: %s", write)
            return
        self._pool.submit(write, *args).add_done_callback(_log_failure)

    def wait(self) -> None:
        """Block until every write submitted so far is on disk."""
        if not self._closed:
            self._pool.submit(lambda: None).result()

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True)


def _log_failure(future: Future[Any]) -> None:
    error = future.exception()
    if error is not None:
        log.error("progress write failed", exc_info=error)
