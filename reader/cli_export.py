"""`tonle export`: the glossary as a study sheet, Anki deck, spreadsheet or termbase.

The work is done by `glossary.export`; this module turns options into an
`ExportRequest`, writes to stdout for `-o -`, and reports problems in one line (exit 2).
`--status` and `--seen` read the reader's progress store (`reader.export_progress`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

import click

from glossary.document import Document
from glossary.export import (
    FILTER_STATES,
    FORMATS,
    ExportError,
    ExportRequest,
    ReadingProgress,
    TermStatusSource,
    export,
    parse_langs,
    render,
)
from glossary.export.order import ORDERS
from glossary.model import CATEGORIES
from reader.cli_common import fail, glossary_files, glossary_option, load_glossary, open_document
from reader.cli_progress import open_store
from reader.export_progress import sources
from reader.paths import Paths


@contextmanager
def progress_sources(
    paths: Paths, wanted: bool, text_file: Path | None
) -> Iterator[tuple[TermStatusSource | None, ReadingProgress | None]]:
    """The reader's term statuses and read paragraphs, for --status and --seen.

    The progress store is opened only when one of them is asked for (so a plain export
    never creates a database) and closed when the export is done; its notices (a
    database moved aside, progress unreadable) go to stderr as one line each."""
    if not wanted:
        yield None, None
        return
    with closing(open_store(paths)) as store:
        yield sources(store, text_file)


def _format_help() -> str:
    names = "; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values())
    return f"Output format ({names})."


@click.command("export")
@click.option(
    "--format",
    "-f",
    "format_name",
    type=click.Choice(list(FORMATS)),
    default="md",
    show_default=True,
    help=_format_help(),
)
@click.option(
    "--output",
    "-o",
    metavar="PATH",
    help="File to write; '-' for stdout (text formats). Default: tonle-glossary.<ext> here. "
    "omegat writes one file per target language: <stem>.<lang>.txt.",
)
@click.option(
    "--langs",
    default="en,km,ko",
    show_default=True,
    help="Two or three of en, km, ko, in column order; the first is omegat's source language.",
)
@click.option(
    "--category",
    "categories",
    multiple=True,
    type=click.Choice(CATEGORIES),
    help="Only entries of this category (repeatable).",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(FILTER_STATES),
    help="Only terms with this learning status, as set in the reader (repeatable; "
    "'learning' is any of learning-1 to learning-4; a term never rated is 'new').",
)
@click.option(
    "--seen",
    is_flag=True,
    help="Only terms in paragraphs of --text that the reader has marked read.",
)
@click.option(
    "--text",
    "text_file",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Only terms that occur in FILE, each with the sentence where it first occurs.",
)
@click.option(
    "--order",
    type=click.Choice(ORDERS),
    default="appearance",
    show_default=True,
    help="appearance (first occurrence in --text; without it, glossary order), en, "
    "km (Khmer dictionary order) or ko (가나다 order).",
)
@click.option("--bom", is_flag=True, help="csv: begin with a UTF-8 byte order mark (for Excel).")
@click.option(
    "--date",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The date the sheet shows (default: today).",
)
@glossary_option
@click.pass_obj
def export_command(
    paths: Paths,
    format_name: str,
    output: str | None,
    langs: str,
    categories: Sequence[str],
    statuses: Sequence[str],
    seen: bool,
    text_file: Path | None,
    order: str,
    bom: bool,
    date: datetime.datetime | None,
    glossaries: Sequence[Path],
    no_default_glossary: bool,
) -> None:
    """Export the glossary for printing, Anki, spreadsheets and translation tools.

    Unverified Khmer and Korean forms are marked in every format. Without --text, every
    entry is exported, with no context sentences."""
    document = open_document(text_file) if text_file is not None else None
    with progress_sources(paths, bool(statuses) or seen, text_file) as (status_source, progress):
        if seen and document is not None and progress is not None:
            _check_read(progress, document, text_file)
        request = ExportRequest(
            glossary=load_glossary(paths, glossary_files(glossaries, no_default_glossary)).glossary,
            format=format_name,
            output=Path(output) if output and output != "-" else None,
            langs=_langs(langs),
            categories=frozenset(categories),
            statuses=frozenset(statuses),
            status_source=status_source,
            seen_only=seen,
            progress=progress,
            document=document,
            order=order,
            date=date.date() if date else None,
            bom=bom,
        )
        if output == "-":
            _to_stdout(request)
        else:
            _to_files(request)


def _check_read(progress: ReadingProgress, document: Document, text_file: Path | None) -> None:
    """--seen on a text with no paragraph marked read: say so, rather than "no match"."""
    if not progress.read_paragraphs(document):
        fail(f"--seen: no paragraph of {text_file} is marked read yet (open it with tonle read)")


def _langs(text: str) -> tuple[str, ...]:
    try:
        return parse_langs(text)
    except ExportError as error:
        fail(str(error))


def _to_files(request: ExportRequest) -> None:
    try:
        result = export(request)
    except ExportError as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write {error.filename or request.output}: {error.strerror or error}")
    names = ", ".join(str(path) for path in result.paths)
    click.echo(f"Exported {result.count} entries to {names}", err=True)


def _to_stdout(request: ExportRequest) -> None:
    fmt = FORMATS[request.format]
    if fmt.binary:
        fail(f"{fmt.name} is a binary file; give -o FILE")
    try:
        parts, _ = render(request)
    except ExportError as error:
        fail(str(error))
    if len(parts) > 1:
        fail(f"{fmt.name} writes one file per target language; give -o FILE, or two --langs")
    content = parts[0].content
    click.echo(content.encode("utf-8") if isinstance(content, str) else content, nl=False)
