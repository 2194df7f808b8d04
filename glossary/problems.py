"""Problems found in a glossary file, reported as `file:line:column: message`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from glossary.i18n import _


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with a glossary file; line and column count from 1."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        message = self.message
        if self.severity is Severity.WARNING:
            message = _("warning: {message}").format(message=message)
        return f"{self.path}:{self.line}:{self.column}: {message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class GlossaryError(Exception):
    """Raised when a glossary cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
