"""`tonle export`: the glossary as a study sheet, Anki deck, spreadsheet or termbase.

The work is done by `glossary.export`; this module turns options into an
`ExportRequest`, writes to stdout for `-o -`, and reports problems in one line (exit 2).
`--status` and `--seen` read the reader's progress store (`reader.state.export_progress`).
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
from glossary.i18n import LANGUAGES, _, current_language, ngettext
from glossary.model import CATEGORIES
from reader.cli.common import fail, glossary_files, glossary_option, load_glossary, open_document
from reader.cli.progress import open_store
from reader.state.export_progress import sources
from reader.state.paths import PROGRESS_DB_NAME, Paths


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
    names = "; ".join(f"{f.name}: {_(f.summary)}" for f in FORMATS.values())
    return _("Output format ({formats}).").format(formats=names)


@click.command(
    "export",
    help=_(
        "Export the glossary for printing, Anki, spreadsheets and translation tools.\n\n"
        "Unverified Khmer and Korean forms are marked in every format. Without --text, every "
        "entry is exported, with no context sentences."
    ),
    short_help=_("Export the glossary: study sheet, Anki, CSV, termbase…"),
)
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
    help=_(
        "File to write; '-' for stdout (text formats). Default: tonle-glossary.<ext> here. "
        "omegat writes one file per target language: <stem>.<lang>.txt."
    ),
)
@click.option(
    "--langs",
    default="en,km,ko",
    show_default=True,
    help=_("Two or three of en, km, ko, in column order; the first is omegat's source language."),
)
@click.option(
    "--category",
    "categories",
    multiple=True,
    type=click.Choice(CATEGORIES),
    help=_("Only entries of this category (repeatable)."),
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(FILTER_STATES),
    help=_(
        "Only terms with this learning status, as set in the reader (repeatable; "
        "'learning' is any of learning-1 to learning-4; a term never rated is 'new')."
    ),
)
@click.option(
    "--seen",
    is_flag=True,
    help=_("Only terms in paragraphs of --text that the reader has marked read."),
)
@click.option(
    "--text",
    "text_file",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help=_("Only terms that occur in FILE, each with the sentence where it first occurs."),
)
@click.option(
    "--order",
    type=click.Choice(ORDERS),
    default="appearance",
    show_default=True,
    help=_(
        "appearance (first occurrence in --text; without it, glossary order), en, "
        "km (Khmer dictionary order) or ko (가나다 order)."
    ),
)
@click.option("--bom", is_flag=True, help=_("csv: begin with a UTF-8 byte order mark (for Excel)."))
@click.option(
    "--date",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help=_("The date the sheet shows (default: today)."),
)
@click.option(
    "--sheet-lang",
    type=click.Choice(LANGUAGES),
    help=_(
        "md and html: the language of the sheet's headings, legend and date "
        "(default: the interface language)."
    ),
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
    sheet_lang: str | None,
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
            glossary=load_glossary(
                paths, glossary_files(glossaries, no_default_glossary, paths)
            ).glossary,
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
            sheet_lang=sheet_lang or current_language(),
            protected=frozenset(
                [paths.data_dir / PROGRESS_DB_NAME, *([text_file] if text_file else [])]
            ),
        )
        if document is not None:  # the export links --text through the cached matcher
            from glossary.linker import Linker

            Linker.shared(request.glossary, cache_dir=paths.glossary_cache)
        if output == "-":
            _to_stdout(request)
        else:
            _to_files(request)


def _check_read(progress: ReadingProgress, document: Document, text_file: Path | None) -> None:
    """--seen on a text with no paragraph marked read: say so, rather than "no match"."""
    if not progress.read_paragraphs(document):
        message = _("--seen: no paragraph of {file} is marked read yet (open it with tonle read)")
        fail(message.format(file=text_file))


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
        message = _("cannot write {file}: {reason}")
        fail(message.format(file=error.filename or request.output, reason=error.strerror or error))
    names = ", ".join(str(path) for path in result.paths)
    message = ngettext(
        "Exported {count} entry to {files}", "Exported {count} entries to {files}", result.count
    )
    click.echo(message.format(count=result.count, files=names), err=True)


def _to_stdout(request: ExportRequest) -> None:
    fmt = FORMATS[request.format]
    if fmt.binary:
        fail(_("{format} is a binary file; give -o FILE").format(format=fmt.name))
    try:
        parts, _count = render(request)
    except ExportError as error:
        fail(str(error))
    if len(parts) > 1:
        message = _("{format} writes one file per target language; give -o FILE, or two --langs")
        fail(message.format(format=fmt.name))
    content = parts[0].content
    click.echo(content.encode("utf-8") if isinstance(content, str) else content, nl=False)
