"""The export formats by name, and the one shape every format's output takes.

Each format module has a `render(sheet)` returning text (`str`), bytes (apkg) or, for
a format with one file per target language (omegat), `{lang: text}`. The registry
turns all three into a list of `Part`s that the writer saves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import cast

from glossary.export.rows import Sheet
from glossary.i18n import N_

Rendered = str | bytes | dict[str, str]


@dataclass(frozen=True, slots=True)
class Part:
    """One output file: `suffix` is "" for a format's only file, or ".km", ".ko"."""

    suffix: str
    content: str | bytes


@dataclass(frozen=True, slots=True)
class Format:
    """An export format: its name, file extension and renderer."""

    name: str
    extension: str
    summary: str  # marked with N_: translate it where it is shown
    module: str  # glossary.export.<module>.render makes the file; imported on first use
    binary: bool = False  # cannot be written to stdout
    needs_english: bool = False
    supports_bom: bool = False

    def render(self, sheet: Sheet) -> Rendered:
        """Render with the format's module, imported only now: Jinja2 and genanki cost
        a few hundred milliseconds to import, which every `tonle` start would pay."""
        module = import_module(f"glossary.export.{self.module}")
        return cast(Callable[[Sheet], Rendered], module.render)(sheet)

    def parts(self, sheet: Sheet) -> list[Part]:
        rendered = self.render(sheet)
        if isinstance(rendered, dict):
            return [Part(f".{lang}", text) for lang, text in rendered.items()]
        return [Part("", rendered)]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("md", ".md", N_("Markdown study sheet"), "to_md"),
        Format("html", ".html", N_("print-ready study sheet (A4/Letter)"), "to_html"),
        Format("csv", ".csv", N_("spreadsheet, one row per entry"), "to_csv", supports_bom=True),
        Format("anki-tsv", ".txt", N_("Anki text import"), "to_anki_tsv", needs_english=True),
        Format("apkg", ".apkg", N_("Anki deck"), "to_apkg", binary=True, needs_english=True),
        Format("tbx", ".tbx", N_("TBX-Basic termbase (ISO 30042)"), "to_tbx"),
        Format("omegat", ".txt", N_("OmegaT glossaries, one per target language"), "to_omegat"),
        Format("json", ".json", N_("full data for scripts"), "to_json"),
    )
}
