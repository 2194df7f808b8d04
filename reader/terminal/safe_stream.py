"""The command line's stdout and stderr, with every control sequence made inert.

Everything `tonle` prints (results, help, errors quoting a stranger's text or path)
goes through `sys.stdout` or `sys.stderr`; `install` wraps both so that each write
passes `glossary.safe_text.inert` on its way out. That is the one gate between data
and the terminal for the command line (the reader draws through Textual, and its
texts are made inert when read). Bytes written to `stdout.buffer` (`export -o -`)
are data: passed as they are into a pipe or file, made inert only on a terminal.
"""

from __future__ import annotations

import io
import sys
from typing import Any, BinaryIO, TextIO

from glossary.safe_text import inert


class InertText(io.TextIOBase):
    """A text stream that writes `inert(s)` to the stream it wraps."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self._inner = inner

    def write(self, s: str) -> int:
        if not isinstance(s, str):
            raise TypeError("write() argument must be str")
        self._inner.write(inert(s))
        return len(s)

    def flush(self) -> None:
        self._inner.flush()

    def isatty(self) -> bool:
        return self._inner.isatty()

    def fileno(self) -> int:
        return self._inner.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._inner.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._inner.errors

    @property
    def buffer(self) -> BinaryIO | InertBytes:
        raw: BinaryIO = self._inner.buffer
        return InertBytes(raw) if self._inner.isatty() else raw

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class InertBytes(io.RawIOBase):
    """Bytes for a terminal: decoded as UTF-8 (bad bytes kept as escapes), made inert."""

    def __init__(self, inner: BinaryIO) -> None:
        super().__init__()
        self._inner = inner

    def write(self, b: Any) -> int:
        text = bytes(b).decode("utf-8", "surrogateescape")
        self._inner.write(inert(text).encode("utf-8"))
        return len(b)

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        self._inner.flush()


def install() -> None:
    """Wrap sys.stdout and sys.stderr (once); a stream that cannot encode a character
    (`PYTHONIOENCODING=latin-1` and Khmer) writes it as an escape instead of failing."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or isinstance(stream, InertText):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
        setattr(sys, name, InertText(stream))
