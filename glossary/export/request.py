"""What to export: `ExportRequest`, its validation, and the errors an export reports.

Every choice of `tonle export` (and of the app's export dialog) is a field here, so the
command line and the app build the same request and call the same `export`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from glossary.document import Document
from glossary.export.order import ORDERS
from glossary.export.progress import FILTER_STATES, ReadingProgress, TermStatusSource
from glossary.export.rows import LANGS
from glossary.model import CATEGORIES, Glossary

NEEDS_PROGRESS = "needs reading progress, and none was given"


class ExportError(Exception):
    """A request that cannot be exported; the message is one line for the user."""


class ProgressNeeded(ExportError):
    """`--status` or `--seen` was asked for but no progress store was given."""


@dataclass(frozen=True)
class ExportRequest:
    """One export. `output` None means `tonle-glossary.<ext>` in the current directory.

    `langs`: two or three of en, km, ko, in the order columns appear; the first is the
    source language of bilingual formats (omegat). `date` None means today. The status
    and seen filters need `status_source` and `progress` (see `glossary.export.progress`).
    """

    glossary: Glossary
    format: str = "md"
    output: Path | None = None
    langs: tuple[str, ...] = LANGS
    categories: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    status_source: TermStatusSource | None = None
    seen_only: bool = False
    progress: ReadingProgress | None = None
    document: Document | None = None
    order: str = "appearance"
    date: datetime.date | None = None
    bom: bool = False

    @property
    def day(self) -> datetime.date:
        return self.date or datetime.date.today()


def parse_langs(text: str) -> tuple[str, ...]:
    """`"en,km"` → `("en", "km")`; raise ExportError unless two or three known codes."""
    langs = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    check_langs(langs)
    return langs


def check_langs(langs: tuple[str, ...]) -> None:
    unknown = [lang for lang in langs if lang not in LANGS]
    if unknown:
        raise ExportError(f"unknown language {unknown[0]!r}; use two or three of en, km, ko")
    if len(set(langs)) != len(langs) or not 2 <= len(langs) <= 3:
        raise ExportError("give two or three different languages, such as en,km or en,km,ko")


def check_request(request: ExportRequest) -> None:
    """Raise ExportError (ProgressNeeded for the progress filters) for a bad request."""
    check_langs(request.langs)
    if request.order not in ORDERS:
        raise ExportError(f"unknown order {request.order!r}; choose {', '.join(ORDERS)}")
    for category in sorted(request.categories - set(CATEGORIES)):
        raise ExportError(f"unknown category {category!r}; choose {', '.join(CATEGORIES)}")
    for state in sorted(request.statuses - set(FILTER_STATES)):
        raise ExportError(f"unknown status {state!r}; choose {', '.join(FILTER_STATES)}")
    _check_progress(request)


def _check_progress(request: ExportRequest) -> None:
    if request.statuses and request.status_source is None:
        raise ProgressNeeded(f"--status {NEEDS_PROGRESS}")
    if request.seen_only and request.progress is None:
        raise ProgressNeeded(f"--seen {NEEDS_PROGRESS}")
    if request.seen_only and request.document is None:
        raise ExportError("--seen needs --text FILE: the text whose read paragraphs count")
