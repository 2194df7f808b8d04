"""Saying what to fix when a glossary file is not valid YAML.

PyYAML's messages name the parser's state ("did not find expected key while parsing a
block mapping"); a glossary writer needs the edit: which line is indented wrongly, that
a tab must be spaces, that a quote or bracket is never closed. Tabs in indentation are
found on every line at once, so a file with several is fixed in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from glossary.i18n import _
from glossary.problems import Problem

_INDENT = re.compile(r"[ \t]*")
_INDENTATION = (
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
)


def tab_problems(path: str, text: str) -> Iterator[Problem]:
    """One problem for each line whose indentation holds a tab."""
    for number, line in enumerate(text.split("\n"), start=1):
        indent = _INDENT.match(line)
        if indent and "\t" in indent.group() and line.strip():
            column = indent.group().index("\t") + 1
            yield Problem(
                path, number, column, _("a tab in the indentation: YAML indents with spaces only")
            )


def where(error: yaml.MarkedYAMLError) -> tuple[int, int]:
    """(line, column) to report: where an unclosed quote or bracket opened, else where
    the parser stopped."""
    unclosed = "quoted scalar" in (error.context or "") or "flow" in (error.context or "")
    mark = (error.context_mark if unclosed else None) or error.problem_mark or error.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def hint(error: yaml.MarkedYAMLError, text: str) -> str:
    """What to fix for a YAML syntax error, in the interface language."""
    problem = error.problem or ""
    mark, context = error.problem_mark, error.context_mark
    lines = text.split("\n")
    line = mark.line if mark else 0
    at = lines[line][mark.column : mark.column + 1] if mark and line < len(lines) else ""
    if "tab" in problem or at == "\t":
        return _("a tab in the indentation: YAML indents with spaces only")
    if "mapping values are not allowed" in problem:
        if mark and ": " in lines[line][: mark.column]:
            return _("a value holds ': '; put the value in quotes")
        return _(
            "this line is indented more than the key above it; "
            "keys of one entry start in the same column"
        )
    if any(phrase in problem for phrase in _INDENTATION):
        return _(
            "the indentation of this line does not match the lines above; line it up with "
            "the key or '-' it belongs to (spaces only)"
        )
    start = context.line + 1 if context else line + 1
    if "quoted scalar" in (error.context or ""):
        return _("a quote opened on line {line} is never closed").format(line=start)
    if "flow" in (error.context or ""):
        return _("a '[' or '{{' opened on line {line} is never closed").format(line=start)
    return _("not valid YAML: {reason}").format(reason=problem or error.context or "?")
