"""`tonle glossary …`: check, show, suggest and count glossary files."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from glossary.loader import LoadResult

from glossary.i18n import N_, _, ngettext
from glossary.linker import Linker
from glossary.model import Entry, Form, Glossary
from glossary.search import find
from glossary.stats import glossary_stats
from glossary.suggest import suggest
from reader.cli.common import (
    fail,
    glossary_files,
    glossary_option,
    lang_option,
    load_glossary,
    open_document,
    pad,
)
from reader.cli.glossary_write import register
from reader.state.paths import Paths, shipped_glossary

LANG_NAMES = {"km": N_("Khmer"), "ko": N_("Korean")}
# How `tonle glossary stats` counts forms (the keys of `GlossaryStats.forms`).
FORM_STATES = {
    "verified": N_("{count} verified"),
    "unverified": N_("{count} unverified"),
    "missing": N_("{count} missing"),
}
SUGGESTION_KINDS = {"name": N_("name"), "acronym": N_("acronym"), "word": N_("word")}


def entries_text(count: int) -> str:
    """`1 entry`, `8 entries` in the interface language."""
    return ngettext("{count} entry", "{count} entries", count).format(count=count)


@click.group("glossary", help=_("Check, search and build glossaries."))
def glossary_group() -> None:
    """Check, search and build glossaries."""


@glossary_group.command(
    "check",
    help=_("Validate glossary FILES; print every problem as file:line:col; exit 1 if any."),
    short_help=_("Validate glossary files."),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help=_("Treat warnings (forms with no source) as errors."))
def check_command(files: Sequence[Path], strict: bool) -> None:
    """Validate glossary FILES; print every problem as file:line:col; exit 1 if any."""
    result = _check_load(list(files))
    for problem in result.problems:
        click.echo(str(problem), err=True)
    failed = bool(result.errors) or (strict and bool(result.warnings))
    errors, warnings = len(result.errors), len(result.warnings)
    summary = ", ".join(
        (
            entries_text(len(result.glossary)),
            ngettext("{count} error", "{count} errors", errors).format(count=errors),
            ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        )
    )
    verdict = _("FAILED: {summary}") if failed else _("OK: {summary}")
    click.echo(verdict.format(summary=summary), err=True)
    sys.exit(1 if failed else 0)


@glossary_group.command(
    "show",
    help=_(
        "Show one entry in full; QUERY is an id or any English, Khmer, Korean or romanized text."
    ),
    short_help=_("Show one entry in full."),
)
@click.argument("query")
@glossary_option
@click.pass_obj
def show_command(
    paths: Paths, query: str, glossaries: Sequence[Path], no_default_glossary: bool
) -> None:
    """Show one entry in full; QUERY is an id or any English, Khmer, Korean or romanized text."""
    glossary = load_glossary(paths, glossary_files(glossaries, no_default_glossary, paths)).glossary
    found = find(glossary, query)
    if not found:
        fail(_("no entry matches {query}").format(query=repr(query)))
    if len(found) > 1:
        message = ngettext(
            "{count} entry matches {query}:", "{count} entries match {query}:", len(found)
        )
        click.echo(message.format(count=len(found), query=repr(query)))
        for entry in found:
            click.echo(f"  {entry.id:<32} {entry.en}")
        return
    click.echo(describe(found[0]))


def _check_load(files: list[Path]) -> LoadResult:
    """Load FILES for `check`. A file with overrides (the personal glossary) is checked
    over the shipped glossary, whose entries they change; only FILES' problems count."""
    from glossary.loader import load, parse  # imported on use: they bring in PyYAML

    shipped = shipped_glossary()
    overrides = any(e.overrides for f in files for e in parse(f).glossary.entries)
    if not overrides or shipped in files:
        return load(files)
    result = load([shipped, *files])
    names = {str(f) for f in files}
    result.problems = [p for p in result.problems if p.path in names]
    entries = tuple(e for e in result.glossary.entries if e.origin.rsplit(":", 2)[0] in names)
    result.glossary = Glossary(entries)
    return result


def describe_form(lang: str, form: Form | None) -> list[str]:
    name = _(LANG_NAMES[lang])
    if form is None:
        return [_("{language}: (no form yet)").format(language=name)]
    status = _("verified") if form.verified else _("UNVERIFIED: no source has confirmed this form")
    lines = [f"{name}: {form.text}  [{status}]"]
    if form.romanization:
        lines.append("  " + _("romanization: {text}").format(text=form.romanization))
    if form.hanja:
        lines.append("  " + _("hanja: {text}").format(text=form.hanja))
    if form.variants:
        lines.append("  " + _("variants: {list}").format(list=", ".join(form.variants)))
    for source in form.sources:
        ref = source.ref + (f" ({source.shows})" if source.shows else "")
        lines.append("  " + _("source: {ref}").format(ref=ref))
    return lines


def describe(entry: Entry) -> str:
    """An entry in full, as plain text."""
    header = _("{en}  ({category}, id {id})")
    lines = [header.format(en=entry.en, category=entry.category, id=entry.id)]
    if entry.aliases:
        also = ", ".join(a.text for a in entry.aliases)
        lines.append(_("also: {list}").format(list=also))
    if entry.note:
        lines.append(_("note: {text}").format(text=entry.note))
    for lang in ("km", "ko"):
        lines.extend(describe_form(lang, entry.form(lang)))
    return "\n".join(lines)


@glossary_group.command(
    "suggest",
    help=_("List terms in FILE that no glossary entry covers, most promising first."),
    short_help=_("List terms that no entry covers yet."),
)
@click.argument("file", type=click.Path(path_type=Path))
@glossary_option
@click.option("--limit", default=40, show_default=True, help=_("How many candidates to list."))
@lang_option
@click.pass_obj
def suggest_command(
    paths: Paths,
    file: Path,
    glossaries: Sequence[Path],
    no_default_glossary: bool,
    limit: int,
    lang: str | None = None,
) -> None:
    """List terms in FILE that no glossary entry covers, most promising first."""
    document = open_document(file)
    files = glossary_files(glossaries, no_default_glossary, paths)
    glossary = load_glossary(paths, files).glossary if files else None
    linker = Linker.shared(glossary, cache_dir=paths.glossary_cache) if glossary else None
    links = linker.link(document.text) if linker else []
    candidates = suggest(document.text, links, limit, lang)
    if not candidates:
        click.echo(_("Every candidate term in this text is already in the glossary."))
    for item in candidates:
        kind = _(SUGGESTION_KINDS.get(item.kind, item.kind))
        click.echo(f"{item.count:>4}  {pad(kind, 8)} {item.text}\n      “{item.context}”")


@glossary_group.command(
    "stats",
    help=_("Entries by category, and how many Khmer and Korean forms are verified."),
    short_help=_("Count entries and verified forms."),
)
@glossary_option
@click.pass_obj
def stats_command(paths: Paths, glossaries: Sequence[Path], no_default_glossary: bool) -> None:
    """Entries by category, and how many Khmer and Korean forms are verified."""
    glossary = load_glossary(paths, glossary_files(glossaries, no_default_glossary, paths)).glossary
    stats = glossary_stats(glossary)
    click.echo(entries_text(stats.entries))
    for category, count in stats.by_category.items():
        click.echo(f"  {category:<14}{count:>5}")
    for lang, counts in stats.forms.items():
        parts = ", ".join(_(FORM_STATES[state]).format(count=n) for state, n in counts.items())
        click.echo(
            _("{language} forms: {counts}").format(language=_(LANG_NAMES[lang]), counts=parts)
        )


register(glossary_group)
