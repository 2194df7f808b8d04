"""Recognising the obvious boilerplate of a pasted web page.

A line is boilerplate when a reader would never want it read or glossed: a copyright
line, a byline ("By Yonhap", "By Kim Ji-hoon, staff reporter"), Wikipedia's own
furniture ("From Wikipedia, the free encyclopedia", "[edit]", "Jump to navigation"),
an all-capital menu or section label ("LATEST NEWS", "MOST READ"), or a short sharing
or subscription prompt. The rules are deliberately narrow: a line that might be
content is kept, because dropping a sentence of the article is worse than keeping a
menu item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_RULES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?:copyright\b|©|\(c\)\s*\d{4}).{0,120}$",
        r"^.{0,80}\ball rights reserved\b.{0,40}$",
        r"^from wikipedia, the free encyclopedia\s*$",
        r"^(?:jump to (?:navigation|search|content)|main menu|navigation menu)\s*$",
        r"^\[\s*edit\s*\]\s*$",
        r"^(?:advertisement|sponsored|related (?:articles|stories|news)|read more|"
        r"share (?:this|on \w+)|follow us.{0,40}|subscribe.{0,40}|sign up.{0,40}|"
        r"print|email|comments?|tags?:.{0,80}|posted (?:on|in|by) .{0,60}|"
        r"photo:? .{0,80}|image:? .{0,80}|file photo.{0,60}|updated:? .{0,60})\s*$",
        r"^retrieved from\s+.{0,200}$",
    )
)
# A byline: "By" and capitalised words only (case matters: "By the end of May, ..." is prose).
_BYLINE = re.compile(
    r"^(?:By|BY)\s+[A-Z][\w.'-]*(?:(?:\s+|,\s*)(?:[A-Z][\w.'-]*|and|staff|reporter|"
    r"writer|correspondent|in)){0,6}\s*$"
)
_CAPS_LABEL = re.compile(r"^[^a-z]{2,30}$")
_LETTER = re.compile(r"[A-Z]{2}")
_SENTENCE_END = re.compile(r"[.!?]\s*$")


def is_boilerplate(line: str) -> bool:
    """Whether one line (without its newline) is obvious web boilerplate."""
    text = line.strip()
    if not text:
        return False
    if _BYLINE.match(text) or any(rule.match(text) for rule in _RULES):
        return True
    return _is_caps_label(text)


def _is_caps_label(text: str) -> bool:
    """An all-capital label of two or three words ("LATEST NEWS"), not a sentence: a
    single capital word is more likely an acronym, a longer line a headline."""
    return bool(
        _CAPS_LABEL.match(text)
        and _LETTER.search(text)
        and 1 <= text.count(" ") <= 2
        and not _SENTENCE_END.search(text)
        and not any("\u1780" <= ch <= "\u17ff" or "\uac00" <= ch <= "\ud7a3" for ch in text)
    )


def boilerplate_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every boilerplate line of `text`, in order."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if is_boilerplate(line):
            yield start, end
        start = end + 1


_EDIT_MARK = re.compile(r"\s*\[\s*edit\s*\]\s*$")


def strip_boilerplate(text: str) -> tuple[str, int]:
    """`text` without its boilerplate lines (and Wikipedia's "[edit]" after a heading),
    and how many lines were dropped or changed.

    A dropped line leaves a blank line behind, so paragraphs stay apart."""
    kept: list[str] = []
    changed = 0
    for line in text.split("\n"):
        if is_boilerplate(line):
            changed += 1
            kept.append("")
            continue
        trimmed = _EDIT_MARK.sub("", line)
        changed += trimmed != line
        kept.append(trimmed)
    return "\n".join(kept), changed
