"""`tonle glossary add | personal | new`: growing a glossary from the command line.

`add` checks the entry with the loader's own rules against every glossary it will be
loaded with (the shipped one, `--glossary` files, the personal glossary and the target
file), and writes it through `glossary.personal` (lock, atomic replace, backup). Any
problem is one line on stderr, exit 2, and no file is changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from glossary.i18n import _
from reader.cli.common import fail, glossary_files, glossary_option
from reader.state.paths import Paths

STARTER = """\
# A Tonle glossary (the format is described in SCHEMA.md, in Tonle's glossary package).
# Load it with `tonle read FILE -g THIS.yaml`; check it with `tonle glossary check`;
# add to it with `tonle glossary add --en … --to THIS.yaml` (your comments are kept).
#
# Each entry: an id (a-z, 0-9, -), a category (person, place, country, organisation,
# event, language, document, term), the English headword, other English forms as
# aliases, and the Khmer and Korean forms with the source that confirmed them.
#
#  - id: tonle-sap
#    category: place
#    en: Tonle Sap
#    aliases: [Tonle Sap Lake]
#    km:
#      text: ទន្លេសាប
#      romanization: Tonle Sab
#      status: verified            # verified needs a source; else: unverified
#      sources: [{ref: https://km.wikipedia.org/wiki/បឹងទន្លេសាប, shows: article title}]
#    ko:
#      text: 톤레사프호
#      status: unverified
title: My glossary
entries: []
"""

# (option name, draft field) for the form fields given on the command line
_FIELDS = (
    ("en", "en"), ("category", "category"), ("note", "note"), ("entry_id", "id"),
    ("km", "km.text"), ("km_romanization", "km.romanization"), ("km_source", "km.source"),
    ("ko", "ko.text"), ("ko_romanization", "ko.romanization"), ("hanja", "ko.hanja"),
    ("ko_source", "ko.source"),
)  # fmt: skip


def register(group: click.Group) -> None:
    group.add_command(add_command)
    group.add_command(personal_command)
    group.add_command(new_command)


def _text_option(name: str, help_text: str) -> click.Option:
    return click.Option([name], default="", help=help_text)


@click.command(
    "add",
    help=_(
        "Add one entry to the personal glossary (or to --to FILE); print the file and the "
        "entry's id. A form with a source is verified, without one unverified."
    ),
    short_help=_("Add one entry to a glossary."),
)
@click.option("--en", default="", help=_("The English headword."))
@click.option("--category", default="term", show_default=True, help=_("What the entry names."))
@click.option("--alias", "aliases", multiple=True, help=_("Another English form (repeatable)."))
@click.option("--note", default="", help=_("A short plain English note."))
@click.option("--km", default="", help=_("The Khmer form, in Khmer script."))
@click.option("--km-romanization", default="", help=_("The Khmer form's romanization (UNGEGN)."))
@click.option("--km-source", default="", help=_("What confirmed the Khmer form (URL or title)."))
@click.option("--ko", default="", help=_("The Korean form, in Hangul."))
@click.option("--ko-romanization", default="", help=_("The Korean form's romanization (RR)."))
@click.option("--hanja", default="", help=_("The Korean form's Hanja."))
@click.option("--ko-source", default="", help=_("What confirmed the Korean form (URL or title)."))
@click.option("--id", "entry_id", default="", help=_("The entry's id (default: from --en)."))
@click.option(
    "--to", "target", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help=_("The glossary file to add to (default: the personal glossary)."),
)  # fmt: skip
@glossary_option
@click.pass_obj
def add_command(
    paths: Paths,
    aliases: Sequence[str],
    target: Path | None,
    glossaries: Sequence[Path],
    no_default_glossary: bool,
    **values: str,
) -> None:
    """Add one entry; see the help text."""
    from glossary.draft import Draft, check_draft, problem_line
    from glossary.entry_data import entry_data
    from glossary.personal import PERSONAL_STARTER, GlossaryFile, WriteRefused

    target = target or paths.personal_glossary
    claims = _claims(paths, glossaries, no_default_glossary, target)
    draft = Draft({field: values[option] for option, field in _FIELDS})
    draft.values["aliases"] = "\n".join(aliases)
    checked = check_draft(draft, claims)
    if checked.entry is None:
        fail(f"{target}: " + "; ".join(problem_line(p) for p in checked.errors))
    starter = PERSONAL_STARTER if target == paths.personal_glossary else STARTER
    try:
        saved = GlossaryFile(target, starter).add(entry_data(checked.entry))
    except WriteRefused as error:
        fail(str(error))
    for notice in checked.notices:
        click.echo(notice, err=True)
    click.echo(_("Added {id} to {path}").format(id=saved.entry_id, path=saved.path))


def _claims(paths: Paths, glossaries: Sequence[Path], no_default: bool, target: Path):  # type: ignore[no-untyped-def]
    """What the new entry must not clash with: every glossary it will be loaded with."""
    from glossary.claims import Claims, LayeredClaims
    from glossary.loader import load

    files = glossary_files(glossaries, no_default, paths)
    files += [target] if target.is_file() and target not in files else []
    result = load(files, cache_dir=paths.glossary_cache)
    if not result.ok:
        fail(str(result.errors[0]))
    return LayeredClaims(Claims.of(result.glossary.entries), Claims())


@click.command(
    "personal",
    help=_("Print the path of the personal glossary (it may not exist yet)."),
    short_help=_("Print the personal glossary's path."),
)
@click.pass_obj
def personal_command(paths: Paths) -> None:
    """Print the path of the personal glossary."""
    click.echo(str(paths.personal_glossary))


@click.command(
    "new",
    help=_("Write a commented starter glossary to FILE (which must not exist yet)."),
    short_help=_("Write a starter glossary file."),
)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def new_command(file: Path) -> None:
    """Write a commented starter glossary to FILE."""
    try:
        with file.open("x", encoding="utf-8") as stream:
            stream.write(STARTER)
    except FileExistsError:
        fail(_("{path} exists already; nothing was written").format(path=file))
    except OSError as error:
        reason = error.strerror or error
        fail(_("{path} cannot be written: {reason}").format(path=file, reason=reason))
    click.echo(str(file))
