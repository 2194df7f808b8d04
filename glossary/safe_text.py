"""How untrusted text (glossaries, texts, paths, messages quoting them) is made inert.

Glossaries and texts come from strangers. A terminal obeys C0 and C1 control
characters and the escape sequences they start (OSC 52 writes the clipboard, OSC 8
makes links, CSI moves the cursor or clears the screen), and silently applies
bidirectional overrides and isolates. `inert` shows every such character as a visible
stand-in instead, so no byte of a control sequence is emitted: C0 controls become the
Unicode control pictures (ESC is ␛, NUL ␀, DEL ␡), C1 controls, bidi controls and lone
surrogates are written as `\\x9b`, `\\u202e`, `\\udcff`. Tab, newline and a CR that
ends a CRLF line are kept. English, Khmer and Korean text need none of these
characters, so nothing a reader needs is changed.

`find_unsafe` names each such character with its offset, for the glossary loader
(an error at file:line:col) and for texts (one warning).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from glossary.i18n import ngettext

_KEPT = {0x09, 0x0A}
BIDI_CONTROLS = frozenset({*range(0x202A, 0x202F), *range(0x2066, 0x206A)})
_SURROGATES = range(0xD800, 0xE000)


def _picture(code: int) -> str:
    """The visible stand-in for one unsafe code point."""
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␛ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _unsafe_codes() -> list[int]:
    c0 = [c for c in range(0x20) if c not in _KEPT]
    return [*c0, *range(0x7F, 0xA0), *sorted(BIDI_CONTROLS), *_SURROGATES]


_TABLE = {code: _picture(code) for code in _unsafe_codes()}


def is_unsafe(char: str) -> bool:
    """Whether one character must never reach a terminal as itself."""
    return ord(char) in _TABLE


def inert(text: str) -> str:
    """`text` with every control, bidi control and lone surrogate made visible."""
    if text.isascii() and text.isprintable():
        return text
    return text.replace("\r\n", "\n").translate(_TABLE)


def describe(char: str) -> str:
    """`U+001B (␛)`: how a message names an unsafe character."""
    return f"U+{ord(char):04X} ({_picture(ord(char))})"


@dataclass(frozen=True, slots=True)
class Unsafe:
    """One unsafe character of a text: where it is (from 1) and what it is."""

    line: int
    column: int
    char: str

    @property
    def name(self) -> str:
        return describe(self.char)


def find_unsafe(text: str, limit: int = 100) -> Iterator[Unsafe]:
    """The unsafe characters of `text` (at most `limit`), with line and column; a CR
    before a newline is line ending, not a control."""
    if text.isascii() and text.isprintable():
        return
    found = 0
    for line_no, line in enumerate(text.split("\n"), 1):
        body = line[:-1] if line.endswith("\r") else line
        for column, char in enumerate(body, 1):
            if ord(char) in _TABLE:
                yield Unsafe(line_no, column, char)
                found += 1
                if found >= limit:
                    return


def text_warning(name: str, unsafe: tuple[Unsafe, ...]) -> str:
    """The one warning for a text holding control characters: where the first one is."""
    first = unsafe[0]
    message = ngettext(
        "{name}:{line}:{column}: warning: {count} control character ({char} first) is shown"
        " as a visible sign, not sent to the terminal",
        "{name}:{line}:{column}: warning: {count} control characters ({char} first) are shown"
        " as visible signs, not sent to the terminal",
        len(unsafe),
    )
    count = f"{len(unsafe)}+" if len(unsafe) >= 100 else str(len(unsafe))
    return message.format(
        name=name, line=first.line, column=first.column, count=count, char=first.name
    )
