"""Helpers shared by the `tonle` commands: loading inputs, failing in one clear line."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from glossary.document import Document, DocumentError, read_document
from glossary.i18n import _
from glossary.safe_text import text_warning
from reader.state.paths import Paths, shipped_glossary

if TYPE_CHECKING:
    from glossary.loader import LoadResult

EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    """One line on stderr, exit 2 (`message` already in the interface language)."""
    click.echo(f"tonle: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def cell_width(text: str) -> int:
    """Terminal columns of `text` (Hangul takes two, Khmer marks none); ASCII is measured
    without importing Rich."""
    if text.isascii():
        return len(text)
    from reader.terminal.text import cell_width as measure

    return measure(text)


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal columns."""
    return text + " " * max(0, width - cell_width(text))


def glossary_option(function: Any) -> Any:
    function = click.option(
        "--no-default-glossary",
        is_flag=True,
        help=_("Use only the --glossary files, not the glossary that ships with Tonle."),
    )(function)
    return click.option(
        "--glossary",
        "-g",
        "glossaries",
        multiple=True,
        type=click.Path(path_type=Path, dir_okay=True),
        help=_("A glossary YAML file to load as well (repeatable)."),
    )(function)


def lang_option(function: Any) -> Any:
    """`--lang en|km|ko`: the text's language, when detecting it by its script is wrong."""
    return click.option(
        "--lang",
        type=click.Choice(["en", "km", "ko"]),
        help=_("The language of FILE: en, km or ko (default: detected from its script)."),
    )(function)


def glossary_files(
    glossaries: Sequence[Path], no_default: bool, paths: Paths | None = None
) -> list[Path]:
    """The shipped glossary, the `--glossary` files, then the personal glossary (when
    `paths` is given and it exists); only the `--glossary` files with `no_default`."""
    files = [] if no_default else [shipped_glossary()]
    personal = [] if no_default or paths is None else [paths.personal_glossary]
    return files + list(glossaries) + [p for p in personal if p.is_file()]


def load_glossary(paths: Paths, files: Sequence[Path]) -> LoadResult:
    """Load glossaries; on any error print every one (file:line:col) and exit 2."""
    if not files:
        fail(_("no glossary given (use --glossary FILE)"))
    from glossary.loader import load  # PyYAML is only needed once a glossary is read

    result = load(files, cache_dir=paths.glossary_cache)
    if not result.ok:
        for problem in result.errors:
            click.echo(str(problem), err=True)
        sys.exit(EXIT_BAD_INPUT)
    return result


def open_document(path: Path) -> Document:
    """The text at `path`, warning once on stderr when it holds control characters."""
    try:
        document = read_document(path)
    except DocumentError as error:
        fail(str(error))
    if document.unsafe:
        click.echo("tonle: " + text_warning(str(path), document.unsafe), err=True)
    return document
