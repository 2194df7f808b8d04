"""`tonle export`: the glossary as a study sheet, Anki deck, spreadsheet or termbase.

The work is done by `glossary.export`; this module turns options into an
`ExportRequest`, writes to stdout for `-o -`, and reports problems in one line (exit 2).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

import click

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
from reader.paths import Paths

_NEEDS_PROGRESS = "needs reading progress, which Tonle does not record yet"


def progress_sources(paths: Paths) -> tuple[TermStatusSource | None, ReadingProgress | None]:
    """The reader's term statuses and read paragraphs, for --status and --seen.

    Tonle does not record reading progress yet, so there are none: the export then
    refuses those options in one line. When the progress store lands, return its
    status lookup and read-paragraph query here."""
    return None, None


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
    help=f"Only terms with this learning status (repeatable); {_NEEDS_PROGRESS}.",
)
@click.option(
    "--seen",
    is_flag=True,
    help=f"Only terms in paragraphs of --text you have read; {_NEEDS_PROGRESS}.",
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
    status_source, progress = progress_sources(paths)
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
        document=open_document(text_file) if text_file is not None else None,
        order=order,
        date=date.date() if date else None,
        bom=bom,
    )
    if output == "-":
        _to_stdout(request)
    else:
        _to_files(request)


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
