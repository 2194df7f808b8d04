"""Ask the terminal, before Textual starts, whether it measures text by grapheme cluster.

Terminals with DEC mode 2027 on (WezTerm, kitty, Ghostty...) give a cluster such as ស្ត្រី
2 cells where per-code-point terminals (glibc wcwidth: tmux, xterm, VTE) give it 3; see
terminal_text. The probe writes DECRQM for mode 2027 followed by DA1 (`CSI c`), which every
terminal answers; replies come back in order, so once the DA1 reply is in, a DECRQM reply
would have come before it, and nobody waits for a timeout on a terminal that ignores DECRQM.

Safety: only when stdin and stdout are both a terminal; input is read with echo and line
editing off (termios) and the mode is restored in `finally`; everything is bounded by a
short timeout. The Linux console and `dumb` terminals are not asked (the console prints the
`p` of a DECRQM it does not parse). If no DECRQM reply came, the line the query was written
on is cleared, in case a terminal printed part of it.
"""

from __future__ import annotations

import os
import re
import select
import sys
import time
from typing import TextIO

from reader.terminal import text as terminal_text
from reader.terminal.text import WidthModel

DA1_QUERY = "\x1b[c"
_DA1_REPLY = re.compile(rb"\x1b\[\?[\d;]*c")
_DECRPM_REPLY = re.compile(rb"\x1b\[\?2027;\d+\$y")
TIMEOUT = 0.5  # seconds; only reached by a terminal that answers nothing at all
NOT_ASKED = ("dumb", "linux")


def query_mode_2027(
    stdin: TextIO | None = None, stdout: TextIO | None = None, timeout: float = TIMEOUT
) -> bool | None:
    """The terminal's answer about mode 2027 (terminal_text.parse_decrqm_2027), or None when
    it was not asked (not a terminal, no termios) or did not say."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    try:
        in_fd, out_fd = stdin.fileno(), stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return None
    if not (os.isatty(in_fd) and os.isatty(out_fd)):
        return None
    if os.environ.get("TERM", "") in NOT_ASKED:
        return None
    try:
        import termios
    except ImportError:  # Windows: Textual's own driver, no termios
        return None
    try:
        saved = termios.tcgetattr(in_fd)
    except termios.error:
        return None
    reply = b""
    try:
        quiet = termios.tcgetattr(in_fd)
        quiet[3] &= ~(termios.ECHO | termios.ICANON)  # no echo, byte by byte; ^C still works
        quiet[6][termios.VMIN], quiet[6][termios.VTIME] = 0, 0
        termios.tcsetattr(in_fd, termios.TCSANOW, quiet)
        os.write(out_fd, (terminal_text.DECRQM_QUERY_2027 + DA1_QUERY).encode())
        deadline = time.monotonic() + timeout
        while not _DA1_REPLY.search(reply):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([in_fd], [], [], left)[0]:
                break
            chunk = os.read(in_fd, 1024)
            if not chunk:
                break
            reply += chunk
        if not _DECRPM_REPLY.search(reply):
            os.write(out_fd, b"\r\x1b[K")  # wipe anything a confused terminal printed
    except OSError:
        return None
    finally:
        # TCSAFLUSH also drops unread input: a reply's tail must not reach Textual as keys.
        termios.tcsetattr(in_fd, termios.TCSAFLUSH, saved)
    return terminal_text.parse_decrqm_2027(reply)


def detect(setting: str, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
    """For the `auto` width model: ask the terminal and record what `WidthModel("auto")` means.

    Grapheme clustering reported on -> WidthModel.GRAPHEME; anything else (off, unknown, no
    answer, not asked) -> the per-code-point default. Other settings ask nothing.
    """
    if setting != terminal_text.AUTO:
        return
    grapheme = query_mode_2027(stdin, stdout)
    terminal_text.set_detected(WidthModel.GRAPHEME if grapheme else None)
