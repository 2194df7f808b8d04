"""Measure and line-break text the way a real terminal draws it (Khmer and Korean included).

Every width and every line break in Tonle goes through this module. Rich 15 gives Khmer spacing
vowels (General Category Mc) 0 cells while glibc, tmux and xterm give them 1, and Rich's folding
cuts COENG (U+17D2) from its subscript consonant; see
/work/shared/notes/khmer-korean-in-the-terminal.md. `install()` points Rich's and Textual's
internals at the functions below so that layout, borders, padding and wrapping agree with the
terminal (reader/terminal/rich_patch.py). Call it before the App is built: Content/Strip objects
cache their own cell lengths.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import lru_cache

import regex
import rich._unicode_data


class WidthModel(StrEnum):
    """How the terminal advances its cursor.

    `WidthModel("auto")` is the model the terminal reported before the app started
    (reader.terminal.probe.detect -> set_detected), else the default.
    """

    CODEPOINT = "codepoint"  # glibc wcwidth per code point: tmux, xterm, VTE (the default)
    GRAPHEME = "grapheme"  # per extended grapheme cluster: terminals with DEC mode 2027 on

    @classmethod
    def _missing_(cls, value: object) -> WidthModel | None:
        return (_detected or DEFAULT_MODEL) if value == AUTO else None


DEFAULT_MODEL = WidthModel.CODEPOINT
AUTO = "auto"  # the width_model setting that asks the terminal
DECRQM_QUERY_2027 = "\x1b[?2027$p"  # ask the terminal for the state of mode 2027
_detected: WidthModel | None = None  # what the terminal reported (None: nothing / not asked)


def set_detected(model: WidthModel | None) -> None:
    """Record what the terminal reported; `WidthModel("auto")` resolves to it from now on."""
    global _detected
    _detected = model


CLUSTER = regex.compile(r"\X")  # UAX #29 extended cluster; keeps COENG + consonant together
_NO_BREAK = "\u00a0\u2007\u202f"  # no-break spaces glue words like letters do
# One segment = a run of unbreakable text + the spaces/ZWSPs after it (a break may follow them).
_SEGMENT = regex.compile(rf"((?:[^\s\u200b]|[{_NO_BREAK}])*)((?:[^\S{_NO_BREAK}]|\u200b)*)")
_TRAILING_SPACE = regex.compile(rf"[^\S{_NO_BREAK}]+$")
# Format characters that glibc draws as visible 1-cell glyphs (Prepended_Concatenation_Mark, SHY).
_VISIBLE_FORMAT = frozenset(map(chr, [*range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2]))
_VISIBLE_FORMAT |= {chr(0x110BD), chr(0x110CD), "\u00ad"}

RICH_TABLE = rich._unicode_data.load("latest")  # Rich's own data, never patched
_model: WidthModel | None = None  # the installed model; None = not installed


def active_model() -> WidthModel:
    """The installed model, or DEFAULT_MODEL when install() has not been called."""
    return _model or DEFAULT_MODEL


def use_model(model: WidthModel | None) -> None:
    """Measure with `model` from now on (None: the default, nothing installed); called by
    reader.terminal.rich_patch, which also points Rich and Textual at this module."""
    global _model
    _model = model


def installed() -> bool:
    return _model is not None


def _rich_width(cp: int) -> int:
    """Width from Rich's newest bundled table (knows code points newer than `unicodedata`)."""
    index = bisect.bisect_right(RICH_TABLE.widths, (cp, 0x10FFFF, 9)) - 1
    start, end, width = RICH_TABLE.widths[max(index, 0)]
    return width if start <= cp <= end else 1


def char_width_uncached(ch: str) -> int:
    """Per-code-point width in the glibc 2.36 model (checked against its wcwidth, Unicode 14)."""
    cp = ord(ch)
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return 0  # control characters
    if 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF:
        return 0  # Hangul jungseong/jongseong: drawn inside the preceding choseong's 2 cells
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf"):
        return 1 if ch in _VISIBLE_FORMAT else 0  # Mc is not here: Khmer ា ើ ះ take a cell
    if category == "Cn":
        return _rich_width(cp)  # unassigned in Python's Unicode 14 data: trust Rich's newer table
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    if 0x3248 <= cp <= 0x324F or 0x4DC0 <= cp <= 0x4DFF:
        return 2  # glibc treats these CJK-block symbols as wide although EAW is not W
    return 1


_char_width = lru_cache(maxsize=65536)(char_width_uncached)


def cluster_width(cluster: str, model: WidthModel | str | None = None) -> int:
    """Width of one extended grapheme cluster.

    codepoint: the sum of its code points. grapheme (wcwidth 0.9 `width()` semantics, as the notes
    describe it): a cluster is at most 2 cells, so base + Mc = 2 and a COENG/virama conjunct is
    capped at 2 (ស្ត្រី = 2, ព្រះ = 2); a narrow emoji + VS16 = 2. Not modelled: VS15
    narrowing and per-terminal overrides; an orphan Mc (no base) stays 1.
    """
    width = sum(map(_char_width, cluster))
    if len(cluster) == 1 or WidthModel(model or active_model()) is WidthModel.CODEPOINT:
        return width
    if "\ufe0f" in cluster and cluster[0] in RICH_TABLE.narrow_to_wide:
        return 2
    return min(width, 2)


def cell_width(text: str, model: WidthModel | str | None = None) -> int:
    """Cells `text` occupies in a terminal using `model` (None: the active model)."""
    if text.isascii() and text.isprintable():
        return len(text)
    model = WidthModel(model or active_model())
    if model is WidthModel.CODEPOINT:
        return sum(map(_char_width, text))
    return sum(cluster_width(c, model) for c in CLUSTER.findall(text))


_JOINERS = frozenset("\u200c\u200d\u17d2")

# Where words start inside a run with no spaces (Khmer), from a word segmenter; None until
# the reader has loaded one (after the first frame), and then a run too wide for a line
# breaks between words rather than anywhere between clusters.
_word_starts: Callable[[str], Sequence[int]] | None = None


def set_word_breaker(word_starts: Callable[[str], Sequence[int]] | None) -> None:
    """Use `word_starts(text)` (offsets where words begin) to fold runs without spaces."""
    global _word_starts
    _word_starts = word_starts


def _continues_cluster(text: str, index: int) -> bool:
    """Whether a segment starting at `index` would start inside a grapheme cluster.

    Segments start after white space, so only a mark or a joiner (which UAX #29 glues to
    what precedes it) can continue a cluster there. Checking that one character is far
    cheaper than finding every cluster boundary of the paragraph with \\X.
    """
    if index == 0:
        return False
    ch = text[index]
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch in _JOINERS
        or text[index - 1] in _JOINERS
    )


def _segments(text: str) -> list[tuple[int, int, int]]:
    """(start, body_end, end) per unbreakable run + its trailing spaces/ZWSPs.

    A break is only allowed at a cluster boundary, so a segment that starts inside a cluster
    (e.g. a space followed by a combining mark) is merged into the one before it; leading
    indentation (a first segment with no body) stays with the first word, as in Rich.
    """
    segments: list[tuple[int, int, int]] = []
    for m in _SEGMENT.finditer(text):
        if m.start() == m.end():
            continue
        inside = _continues_cluster(text, m.start())
        if segments and (inside or segments[-1][0] == segments[-1][1]):
            segments[-1] = (segments[-1][0], m.end(1), m.end())
        else:
            segments.append((m.start(), m.end(1), m.end()))
    return segments


def break_offsets(
    text: str, width: int, fold: bool = True, model: WidthModel | str | None = None
) -> list[int]:
    """Offsets at which lines of `text` (one paragraph) start, for lines of `width` cells.

    Same contract as `rich._wrap.divide_line`. Breaks after spaces and after U+200B, never at
    U+00A0/U+2007/U+202F. Trailing spaces may overhang (the caller strips them). A run wider
    than the line starts a new line and, when `fold`, is folded at extended grapheme cluster
    boundaries (a single cluster wider than the line overflows rather than being cut).
    """
    model = WidthModel(model or active_model())
    width = max(width, 1)
    if _SIMPLE.fullmatch(text):
        return _simple_break_offsets(text, width, fold)
    breaks: list[int] = []
    used = 0  # cells already on the current line, trailing spaces included
    for start, body_end, end in _segments(text):
        body = cell_width(text[start:body_end], model)
        if used and used + body > width:
            breaks.append(start)
            used = 0
        if body > width and fold:
            used = _fold(text, start, body_end, width, used, model, breaks)
        else:
            used += body
        used += cell_width(text[body_end:end], model)
    return breaks


def _fold(
    text: str, start: int, end: int, width: int, used: int, model: WidthModel, breaks: list[int]
) -> int:
    """Fold the run text[start:end], wider than a line: between words where a word
    breaker knows them, and a word wider than the line between clusters. Appends the
    breaks; returns the cells used on the last line."""
    for piece_start, piece_end in _words(text, start, end):
        cells = cell_width(text[piece_start:piece_end], model)
        if used and used + cells > width:
            breaks.append(piece_start)
            used = 0
        if cells <= width:
            used += cells
            continue
        for m in CLUSTER.finditer(text, piece_start, piece_end):
            cells = cluster_width(m.group(), model)
            if used and used + cells > width:
                breaks.append(m.start())
                used = 0
            used += cells
    return used


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] as (start, end) of its words, or whole without a word breaker."""
    if _word_starts is None:
        return [(start, end)]
    cuts = [start, *(start + at for at in _word_starts(text[start:end]) if 0 < at < end - start)]
    return list(itertools.pairwise([*cuts, end]))


# Text of one-cell characters with no marks, joiners or special spaces (Latin, common
# punctuation): every character is its own cluster and one cell wide. Most English lines
# are like this, and they wrap several times per paragraph move, so they get a fast path.
_SIMPLE = re.compile(r"[\x20-\x7e\u00a1-\u02ff\u2010-\u2027\u2030-\u205e]*")
_SIMPLE_SEGMENT = re.compile(r"(\S*)(\s*)")


def _simple_break_offsets(text: str, width: int, fold: bool) -> list[int]:
    """break_offsets() for `_SIMPLE` text, where width is length."""
    breaks: list[int] = []
    used = 0
    indent: int | None = None  # leading spaces stay with the first word, as in Rich
    for m in _SIMPLE_SEGMENT.finditer(text):
        start, body_end, end = m.start(), m.end(1), m.end()
        if start == end:
            continue
        if start == 0 and body_end == 0:
            indent = 0
            continue
        if indent is not None:
            start, indent = indent, None
        body = body_end - start
        if used and used + body > width:
            breaks.append(start)
            used = 0
        if body > width and fold:
            for position in range(start, body_end):
                if used and used + 1 > width:
                    breaks.append(position)
                    used = 0
                used += 1
        else:
            used += body
        used += end - body_end
    return breaks


def split_at_cell(text: str, cut: int, model: WidthModel | str | None = None) -> tuple[str, str]:
    """Split `text` at cell `cut` without cutting a grapheme cluster.

    A cluster that straddles the cut becomes spaces on both sides (as Rich does for a wide
    character), as many as each side needs: a Khmer conjunct can be 3 cells, so both halves
    keep exactly `cut` and `width - cut` cells. Zero-width clusters at the cut go right.
    """
    if cut <= 0:
        return "", text
    used = 0
    for m in CLUSTER.finditer(text):
        if used == cut:
            return text[: m.start()], text[m.start() :]
        cells = cluster_width(m.group(), model)
        if used + cells > cut:
            left, right = cut - used, used + cells - cut  # the straddling cluster's cells
            return text[: m.start()] + " " * left, " " * right + text[m.end() :]
        used += cells
    return text, ""


def wrap_lines(
    text: str, width: int, fold: bool = True, model: WidthModel | str | None = None
) -> list[str]:
    """Wrap `text` into lines of at most `width` cells (newlines are hard breaks).

    Spaces at a soft break are dropped from the end of the line, as Rich and Textual do.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        offsets = [0, *break_offsets(paragraph, width, fold, model), len(paragraph)]
        pieces = [paragraph[a:b] for a, b in itertools.pairwise(offsets)]
        lines += [_TRAILING_SPACE.sub("", p) for p in pieces[:-1]] + pieces[-1:]
    return lines


def parse_decrqm_2027(response: bytes) -> bool | None:
    """Interpret the DECRPM reply `CSI ? 2027 ; Ps $ y` to DECRQM_QUERY_2027.

    True: grapheme clustering is on (Ps 1 set, 3 permanently set) -> use WidthModel.GRAPHEME.
    False: known but off (2 reset: could be enabled with CSI ? 2027 h; 4 permanently reset).
    None: not recognised (0) or no reply found -> per-code-point terminal.
    """
    match = re.search(rb"(?:\x1b\[|\x9b)\?2027;(\d+)\$y", response)
    if match is None:
        return None
    return {1: True, 3: True, 2: False, 4: False}.get(int(match.group(1)))
