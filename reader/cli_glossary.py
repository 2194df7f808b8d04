"""`tonle glossary …`: check, show, suggest and count glossary files."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from glossary.linker import Linker
from glossary.model import Entry, Form
from glossary.search import find
from glossary.stats import glossary_stats
from glossary.suggest import suggest
from reader.cli_common import fail, glossary_files, glossary_option, load_glossary, open_document
from reader.paths import Paths

LANG_NAMES = {"km": "Khmer", "ko": "Korean"}


@click.group("glossary")
def glossary_group() -> None:
    """Check, search and build glossaries."""


@glossary_group.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings (forms with no source) as errors.")
def check_command(files: Sequence[Path], strict: bool) -> None:
    """Validate glossary FILES; print every problem as file:line:col; exit 1 if any."""
    from glossary.loader import load  # imported on use: it brings in PyYAML

    result = load(list(files))
    for problem in result.problems:
        click.echo(str(problem), err=True)
    failed = bool(result.errors) or (strict and bool(result.warnings))
    errors, warnings = len(result.errors), len(result.warnings)
    summary = f"{len(result.glossary)} entries, {errors} errors, {warnings} warnings"
    click.echo(("FAILED: " if failed else "OK: ") + summary, err=True)
    sys.exit(1 if failed else 0)


@glossary_group.command("show")
@click.argument("query")
@glossary_option
@click.pass_obj
def show_command(
    paths: Paths, query: str, glossaries: Sequence[Path], no_default_glossary: bool
) -> None:
    """Show one entry in full; QUERY is an id or any English, Khmer, Korean or romanized text."""
    glossary = load_glossary(paths, glossary_files(glossaries, no_default_glossary)).glossary
    found = find(glossary, query)
    if not found:
        fail(f"no entry matches {query!r}")
    if len(found) > 1:
        click.echo(f"{len(found)} entries match {query!r}:")
        for entry in found:
            click.echo(f"  {entry.id:<32} {entry.en}")
        return
    click.echo(describe(found[0]))


def describe_form(lang: str, form: Form | None) -> list[str]:
    name = LANG_NAMES[lang]
    if form is None:
        return [f"{name}: (no form yet)"]
    status = "verified" if form.verified else "UNVERIFIED: no source has confirmed this form"
    lines = [f"{name}: {form.text}  [{status}]"]
    if form.romanization:
        lines.append(f"  romanization: {form.romanization}")
    if form.hanja:
        lines.append(f"  hanja: {form.hanja}")
    if form.variants:
        lines.append(f"  variants: {', '.join(form.variants)}")
    for source in form.sources:
        lines.append(f"  source: {source.ref}" + (f" ({source.shows})" if source.shows else ""))
    return lines


def describe(entry: Entry) -> str:
    """An entry in full, as plain text."""
    lines = [f"{entry.en}  ({entry.category}, id {entry.id})"]
    if entry.aliases:
        lines.append(f"also: {', '.join(a.text for a in entry.aliases)}")
    if entry.note:
        lines.append(f"note: {entry.note}")
    for lang in ("km", "ko"):
        lines.extend(describe_form(lang, entry.form(lang)))
    return "\n".join(lines)


@glossary_group.command("suggest")
@click.argument("file", type=click.Path(path_type=Path))
@glossary_option
@click.option("--limit", default=40, show_default=True, help="How many candidates to list.")
@click.pass_obj
def suggest_command(
    paths: Paths, file: Path, glossaries: Sequence[Path], no_default_glossary: bool, limit: int
) -> None:
    """List terms in FILE that no glossary entry covers, most promising first."""
    document = open_document(file)
    files = glossary_files(glossaries, no_default_glossary)
    glossary = load_glossary(paths, files).glossary if files else None
    links = Linker(glossary).link(document.text) if glossary else []
    candidates = suggest(document.text, links, limit)
    if not candidates:
        click.echo("Every candidate term in this text is already in the glossary.")
    for item in candidates:
        click.echo(f"{item.count:>4}  {item.kind:<8} {item.text}\n      “{item.context}”")


@glossary_group.command("stats")
@glossary_option
@click.pass_obj
def stats_command(paths: Paths, glossaries: Sequence[Path], no_default_glossary: bool) -> None:
    """Entries by category, and how many Khmer and Korean forms are verified."""
    glossary = load_glossary(paths, glossary_files(glossaries, no_default_glossary)).glossary
    stats = glossary_stats(glossary)
    click.echo(f"{stats.entries} entries")
    for category, count in stats.by_category.items():
        click.echo(f"  {category:<14}{count:>5}")
    for lang, counts in stats.forms.items():
        parts = ", ".join(f"{n} {state}" for state, n in counts.items())
        click.echo(f"{LANG_NAMES[lang]} forms: {parts}")
