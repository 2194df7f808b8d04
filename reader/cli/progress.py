"""`tonle progress` and `tonle library`: reading progress on the command line.

Notices from the store (database moved aside, progress cannot be saved) go to stderr
as one line each; a bad import file is one line naming the file and exit code 2.
"""

from __future__ import annotations

import json
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import click

from glossary.i18n import _, ngettext
from reader.cli.common import cell_width, fail, pad
from reader.progress import (
    DayStats,
    DocumentRecord,
    Overview,
    ProgressStore,
    progress_line,
    terms_line,
)
from reader.progress.summary import (
    day_line,
    days_text,
    format_duration,
    paragraphs_text,
    reading_days_text,
    words_text,
)
from reader.progress.times import now_utc, to_iso
from reader.progress.transfer import TransferError, read_import, write_export
from reader.state.paths import Paths

EXIT_NOT_SAVED = 1


def open_store(paths: Paths) -> ProgressStore:
    """The user's progress store; its notices are printed to stderr as they come."""
    return ProgressStore(paths.data_dir, on_message=lambda m: click.echo(f"tonle: {m}", err=True))


@click.command(
    "progress",
    help=_("Reading streak, time read, terms by status, and every document's progress."),
    short_help=_("Reading streak, time read and terms by status."),
)
@click.option("--json", "as_json", is_flag=True, help=_("Print the progress as JSON."))
@click.option(
    "--export",
    "export_to",
    type=click.Path(path_type=Path),
    help=_("Write all progress to FILE."),
)
@click.option(
    "--import",
    "import_from",
    type=click.Path(path_type=Path),
    help=_("Merge a file written by --export (newer data wins; nothing newer is overwritten)."),
)
@click.pass_obj
def progress_command(
    paths: Paths, as_json: bool, export_to: Path | None, import_from: Path | None
) -> None:
    """Reading streak, time read, terms by status, and every document's progress."""
    with closing(open_store(paths)) as store:
        if import_from is not None:
            import_progress(store, import_from)
        if export_to is not None:
            export_progress(store, export_to)
        if import_from is None and export_to is None:
            print_progress(store, as_json)


@click.command(
    "library",
    help=_("Every document opened, with its progress, when it was last opened and its glossaries."),
    short_help=_("Every document opened, with its progress."),
)
@click.option("--json", "as_json", is_flag=True, help=_("Print the documents as JSON."))
@click.pass_obj
def library_command(paths: Paths, as_json: bool) -> None:
    """Every document opened, with its progress, when it was last opened and its glossaries."""
    with closing(open_store(paths)) as store:
        documents = store.library()
    if as_json:
        click.echo(_dump([document_json(d) for d in documents]))
    else:
        click.echo(library_text(documents))


def import_progress(store: ProgressStore, source: Path) -> None:
    """Merge `source` into the store; exit 2 on a bad file, 1 if it cannot be saved."""
    try:
        snapshot = read_import(source)
    except TransferError as error:
        fail(str(error))
    report = store.merge(snapshot)
    if report is None:
        message = _("{file}: not imported: progress cannot be saved").format(file=source)
        click.echo(f"tonle: {message}", err=True)
        sys.exit(EXIT_NOT_SAVED)
    counts = _("{documents}, {read_marks}, {terms} and {days}").format(
        documents=documents_text(report.documents),
        read_marks=ngettext("{count} read mark", "{count} read marks", report.read_marks).format(
            count=report.read_marks
        ),
        terms=terms_text(report.terms),
        days=days_text(report.days),
    )
    message = _("imported {counts} from {file} (newer data kept)")
    click.echo(message.format(counts=counts, file=source), err=True)


def documents_text(count: int) -> str:
    return ngettext("{count} document", "{count} documents", count).format(count=count)


def terms_text(count: int) -> str:
    return ngettext("{count} term", "{count} terms", count).format(count=count)


def export_progress(store: ProgressStore, target: Path) -> None:
    snapshot = store.snapshot()
    try:
        write_export(target, snapshot, now_utc())
    except OSError as error:
        reason = error.strerror or error
        fail(_("{file}: cannot be written ({reason})").format(file=target, reason=reason))
    counts = _("{documents}, {terms} and {days}").format(
        documents=documents_text(len(snapshot.documents)),
        terms=terms_text(len(snapshot.terms)),
        days=days_text(len(snapshot.days)),
    )
    click.echo(_("exported {counts} to {file}").format(counts=counts, file=target), err=True)


def print_progress(store: ProgressStore, as_json: bool) -> None:
    summary, documents = store.overview(), store.library()
    if as_json:
        days = [{"day": d.day.isoformat(), **_day_numbers(d)} for d in store.days()]
        payload = {**overview_json(summary), "days": days}
        click.echo(_dump({**payload, "documents": [document_json(d) for d in documents]}))
        return
    click.echo(overview_text(summary))
    click.echo()
    click.echo(library_text(documents))


def overview_text(summary: Overview) -> str:
    total = " · ".join(
        (
            paragraphs_text(summary.total_paragraphs),
            words_text(summary.total_words),
            format_duration(summary.total_seconds),
            reading_days_text(summary.days_read),
        )
    )
    rows = [
        (_("Streak"), days_text(summary.streak)),
        (_("Today"), day_line(summary.today)),
        (_("All time"), total),
        (_("Terms"), terms_line(summary.terms)),
        (_("Documents"), str(summary.documents)),
    ]
    width = max(10, *(cell_width(label) for label, _value in rows))
    return "\n".join(f"{pad(label, width)} {value}" for label, value in rows)


def library_text(documents: list[DocumentRecord]) -> str:
    if not documents:
        return _("No documents opened yet.")
    return "\n\n".join(_document_text(document) for document in documents)


def _document_text(document: DocumentRecord) -> str:
    opened = document.last_opened.astimezone().strftime("%Y-%m-%d %H:%M")
    last = _("last opened {when}").format(when=opened)
    lines = [document.title or _("(untitled)"), f"  {progress_line(document)} · {last}"]
    if document.path:
        lines.append(f"  {document.path}")
    if document.glossary_paths:
        paths = ", ".join(document.glossary_paths)
        lines.append("  " + _("glossaries: {list}").format(list=paths))
    return "\n".join(lines)


def overview_json(summary: Overview) -> dict[str, Any]:
    return {
        "streak": summary.streak,
        "today": {"day": summary.today.day.isoformat(), **_day_numbers(summary.today)},
        "total": {
            "paragraphs": summary.total_paragraphs,
            "words": summary.total_words,
            "seconds": summary.total_seconds,
            "reading_days": summary.days_read,
        },
        "terms": {status.label: count for status, count in summary.terms.items()},
        "document_count": summary.documents,
    }


def _day_numbers(day: DayStats) -> dict[str, Any]:
    return {"paragraphs": day.paragraphs, "words": day.words, "seconds": day.seconds}


def document_json(document: DocumentRecord) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "path": document.path,
        "glossary_paths": list(document.glossary_paths),
        "paragraphs": document.paragraph_count,
        "read": document.read_count,
        "percent": document.percent,
        "reading_seconds": document.reading_seconds,
        "current_index": document.current_index,
        "first_opened": to_iso(document.first_opened),
        "last_opened": to_iso(document.last_opened),
    }


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)
