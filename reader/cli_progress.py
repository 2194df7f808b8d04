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

from reader.cli_common import fail
from reader.paths import Paths
from reader.progress import (
    DayStats,
    DocumentRecord,
    Overview,
    ProgressStore,
    progress_line,
    terms_line,
)
from reader.progress.summary import day_line, format_duration, plural
from reader.progress.times import now_utc, to_iso
from reader.progress.transfer import TransferError, read_import, write_export

EXIT_NOT_SAVED = 1


def open_store(paths: Paths) -> ProgressStore:
    """The user's progress store; its notices are printed to stderr as they come."""
    return ProgressStore(paths.data_dir, on_message=lambda m: click.echo(f"tonle: {m}", err=True))


@click.command("progress")
@click.option("--json", "as_json", is_flag=True, help="Print the progress as JSON.")
@click.option(
    "--export", "export_to", type=click.Path(path_type=Path), help="Write all progress to FILE."
)
@click.option(
    "--import",
    "import_from",
    type=click.Path(path_type=Path),
    help="Merge a file written by --export (newer data wins; nothing newer is overwritten).",
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


@click.command("library")
@click.option("--json", "as_json", is_flag=True, help="Print the documents as JSON.")
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
        click.echo(f"tonle: {source}: not imported: progress cannot be saved", err=True)
        sys.exit(EXIT_NOT_SAVED)
    counts = (
        f"{plural(report.documents, 'document')}, {plural(report.read_marks, 'read mark')}, "
        f"{plural(report.terms, 'term')} and {plural(report.days, 'day')}"
    )
    click.echo(f"imported {counts} from {source} (newer data kept)", err=True)


def export_progress(store: ProgressStore, target: Path) -> None:
    snapshot = store.snapshot()
    try:
        write_export(target, snapshot, now_utc())
    except OSError as error:
        fail(f"{target}: cannot be written ({error.strerror or error})")
    counts = (
        f"{plural(len(snapshot.documents), 'document')}, "
        f"{plural(len(snapshot.terms), 'term')} and {plural(len(snapshot.days), 'day')}"
    )
    click.echo(f"exported {counts} to {target}", err=True)


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
    total = (
        f"{plural(summary.total_paragraphs, 'paragraph')} · {plural(summary.total_words, 'word')}"
        f" · {format_duration(summary.total_seconds)} · {plural(summary.days_read, 'reading day')}"
    )
    rows = [
        ("Streak", plural(summary.streak, "day")),
        ("Today", day_line(summary.today)),
        ("All time", total),
        ("Terms", terms_line(summary.terms)),
        ("Documents", str(summary.documents)),
    ]
    return "\n".join(f"{label:<10} {value}" for label, value in rows)


def library_text(documents: list[DocumentRecord]) -> str:
    if not documents:
        return "No documents opened yet."
    return "\n\n".join(_document_text(document) for document in documents)


def _document_text(document: DocumentRecord) -> str:
    opened = document.last_opened.astimezone().strftime("%Y-%m-%d %H:%M")
    lines = [
        document.title or "(untitled)",
        f"  {progress_line(document)} · last opened {opened}",
    ]
    if document.path:
        lines.append(f"  {document.path}")
    if document.glossary_paths:
        lines.append(f"  glossaries: {', '.join(document.glossary_paths)}")
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
