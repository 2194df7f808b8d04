"""The `tonle` command line.

Every failure the user can cause (a missing file, a bad glossary, a binary text) ends
as one clear line per problem on stderr and exit code 2, never a traceback.

Every help text and message is in the interface language. `reader.main` chooses it
before importing this module, because Click reads help texts when commands are defined;
so help is given as `help=_(…)`, never as a docstring, which gettext cannot translate.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from glossary.annotate import GLOSS_LANGS, annotate
from glossary.annotate_json import annotation_json
from glossary.figures import find_figures, outside_figures
from glossary.i18n import LANGUAGES, _, ngettext
from glossary.linker import Linker
from glossary.script import detect_language
from reader.cli.click_locale import install as localise_click
from reader.cli.common import (
    fail,
    glossary_files,
    glossary_option,
    lang_option,
    load_glossary,
    open_document,
)
from reader.cli.export import export_command
from reader.cli.glossary import glossary_group
from reader.cli.launch import no_glossary_message, open_reader
from reader.cli.progress import library_command, progress_command
from reader.state.paths import Paths, seed_text, user_paths
from reader.state.settings import GLOSS_CHOICES, WIDTH_MODEL_CHOICES, load_settings

localise_click()


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_(
        "Tonle: read English texts with an English–Khmer–Korean glossary.\n\n"
        "With no command, opens the bundled op-ed."
    ),
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=_("Keep Tonle's data here instead of the user data directory."),
)
@click.option(
    "--ui-lang",
    type=click.Choice(LANGUAGES),
    expose_value=False,  # applied by reader.main before this module is imported
    help=_(
        "Interface language: en (English), km (Khmer) or ko (Korean). "
        "Default: the language chosen in the reader, else the system locale."
    ),
)
@click.version_option(
    package_name="tonle",
    help=_("Show the version and exit."),
    message=_("%(prog)s, version %(version)s"),
)
@click.pass_context
def cli(context: click.Context, data_dir: Path | None) -> None:
    """Tonle: read English texts with an English–Khmer–Korean glossary.

    With no command, opens the bundled op-ed.
    """
    context.obj = user_paths(data_dir=data_dir)
    if context.invoked_subcommand is None:
        context.invoke(read_command, file=seed_text())


@cli.command(
    "read",
    help=_("Open FILE (UTF-8 text or Markdown) in the reader."),
    short_help=_("Open FILE in the reader."),
)
@click.argument("file", type=click.Path(path_type=Path))
@glossary_option
@click.option(
    "--romanize-khmer/--khmer-script",
    default=None,
    help=_("Show Khmer romanized (no Khmer font)."),
)
@click.option("--glosses", type=click.Choice(GLOSS_CHOICES), help=_("Interlinear glosses to show."))
@click.option(
    "--width-model",
    type=click.Choice(WIDTH_MODEL_CHOICES),
    help=_(
        "How the terminal measures text: per code point (tmux, xterm), per grapheme cluster "
        "(terminals with mode 2027 on), or auto: ask the terminal."
    ),
)
@lang_option
@click.pass_obj
def read_command(
    paths: Paths,
    file: Path,
    glossaries: Sequence[Path] = (),
    no_default_glossary: bool = False,
    romanize_khmer: bool | None = None,
    glosses: str | None = None,
    width_model: str | None = None,
    lang: str | None = None,
) -> None:
    """Open FILE (UTF-8 text or Markdown) in the reader."""
    settings = load_settings(paths.settings_file)
    if romanize_khmer is not None:
        settings.romanize_khmer = romanize_khmer
    if glosses is not None:
        settings.glosses = glosses
    if width_model is not None:
        settings.width_model = width_model
    files = glossary_files(glossaries, no_default_glossary)  # the personal one is layered
    if not files:
        fail(no_glossary_message())
    personal = None if no_default_glossary else paths.personal_glossary
    sys.exit(open_reader(paths, file, files, settings, personal, lang))


@cli.command(
    "annotate",
    help=_("Print FILE with a Khmer and Korean gloss after every glossary term."),
    short_help=_("Print FILE with Khmer and Korean glosses."),
)
@click.argument("file", type=click.Path(path_type=Path))
@glossary_option
@click.option("--json", "as_json", is_flag=True, help=_("Print the links as JSON instead."))
@click.option(
    "--figures",
    "with_figures",
    is_flag=True,
    help=_("Gloss figures too (money, counts, measures, dates) as Khmer and Korean write them."),
)
@lang_option
@click.pass_obj
def annotate_command(
    paths: Paths,
    file: Path,
    glossaries: Sequence[Path] = (),
    no_default_glossary: bool = False,
    as_json: bool = False,
    with_figures: bool = False,
    lang: str | None = None,
) -> None:
    """Print FILE with a Khmer and Korean gloss after every glossary term."""
    document = open_document(file)
    glossary = load_glossary(paths, glossary_files(glossaries, no_default_glossary, paths)).glossary
    links = Linker.shared(glossary, cache_dir=paths.glossary_cache).link(document.text)
    entries = {entry.id: entry for entry in glossary}
    figures = find_figures(document.text) if with_figures else []
    links = outside_figures(links, figures)  # "million" in "US$17 million" is the figure's
    if as_json:
        found = annotation_json(document, links, entries, figures if with_figures else None)
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    language = detect_language(document.text, lang)
    click.echo(annotate(document.text, links, entries, figures, GLOSS_LANGS[language]))
    counted = ngettext("{count} link", "{count} links", len(links)).format(count=len(links))
    if with_figures:
        count = len(figures)
        counted += " · " + ngettext("{count} figure", "{count} figures", count).format(count=count)
    legend = _("? after a form: not yet confirmed by a source.")  # glossary.annotate.LEGEND
    click.echo(f"\n[{counted} · {legend}]", err=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `tonle` script."""
    try:
        cli.main(args=argv, prog_name="tonle", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)


cli.add_command(glossary_group)
cli.add_command(progress_command)
cli.add_command(library_command)
cli.add_command(export_command)
