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
from glossary.i18n import _
from glossary.model import CATEGORIES, Glossary


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
    `sheet_lang`: the language of a study sheet's headings, legend and date (en, km or
    ko); None means the interface language.
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
    sheet_lang: str | None = None
    protected: frozenset[Path] = frozenset()  # files read (the text, progress): never written

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
        message = _("unknown language {lang}; use two or three of en, km, ko")
        raise ExportError(message.format(lang=repr(unknown[0])))
    if len(set(langs)) != len(langs) or not 2 <= len(langs) <= 3:
        raise ExportError(_("give two or three different languages, such as en,km or en,km,ko"))


def check_request(request: ExportRequest) -> None:
    """Raise ExportError (ProgressNeeded for the progress filters) for a bad request."""
    check_langs(request.langs)
    if request.sheet_lang is not None and request.sheet_lang not in LANGS:
        message = _("unknown sheet language {lang}; choose {choices}")
        raise ExportError(message.format(lang=repr(request.sheet_lang), choices=", ".join(LANGS)))
    if request.order not in ORDERS:
        message = _("unknown order {order}; choose {choices}")
        raise ExportError(message.format(order=repr(request.order), choices=", ".join(ORDERS)))
    for category in sorted(request.categories - set(CATEGORIES)):
        message = _("unknown category {category}; choose {choices}")
        raise ExportError(message.format(category=repr(category), choices=", ".join(CATEGORIES)))
    for state in sorted(request.statuses - set(FILTER_STATES)):
        message = _("unknown status {status}; choose {choices}")
        raise ExportError(message.format(status=repr(state), choices=", ".join(FILTER_STATES)))
    _check_progress(request)


def _check_progress(request: ExportRequest) -> None:
    needs_progress = _("{option} needs reading progress, and none was given")
    if request.statuses and request.status_source is None:
        raise ProgressNeeded(needs_progress.format(option="--status"))
    if request.seen_only and request.progress is None:
        raise ProgressNeeded(needs_progress.format(option="--seen"))
    if request.seen_only and request.document is None:
        raise ExportError(_("--seen needs --text FILE: the text whose read paragraphs count"))
