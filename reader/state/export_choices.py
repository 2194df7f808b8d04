"""The export dialog's choices and what they mean: pure logic, no Textual.

`ExportChoices` is what the dialog's form holds. `check_choices` refuses, in one line
(an `ExportError`), a choice that cannot work before any work starts; `run_export`
then builds the same `ExportRequest` the command line builds and writes the file(s)
(it may run in a worker thread; the progress filters read the app's progress store).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary.document import Document
from glossary.export import FORMATS, ExportError, ExportRequest, ExportResult, export, output_path
from glossary.export.order import ORDERS
from glossary.export.rows import LANGS
from glossary.export.writer import DEFAULT_STEM
from glossary.i18n import N_, _, current_language, ngettext
from glossary.model import Glossary
from reader.progress import ProgressStore
from reader.state.export_progress import sources

# Labels are marked with N_ and translated where they are shown (`_(label)`), so they
# follow the interface language when it changes.
LANG_NAMES = {"en": N_("English"), "km": N_("Khmer"), "ko": N_("Korean")}
ORDER_NAMES = {
    "appearance": N_("first appearance in the text"),
    "en": N_("English A–Z"),
    "km": N_("Khmer dictionary order"),
    "ko": N_("Korean 가나다 order"),
}
# The status filters the dialog offers, by key: a label and the export's states.
STATUS_FILTERS: dict[str, tuple[str, frozenset[str]]] = {
    "not-known": (N_("not yet known (new or learning)"), frozenset({"new", "learning"})),
    "new": (N_("new"), frozenset({"new"})),
    "learning": (N_("learning (levels 1–4)"), frozenset({"learning"})),
    "known": (N_("known"), frozenset({"known"})),
    "ignored": (N_("ignored"), frozenset({"ignored"})),
}


@dataclass(frozen=True)
class ExportChoices:
    """Everything chosen in the dialog. `langs` are in column order (en, km, ko ticked);
    `status` is a key of `STATUS_FILTERS` or None (any); `output` is the text typed,
    relative to the working directory unless absolute (`~` is expanded)."""

    format: str = "md"
    langs: tuple[str, ...] = LANGS
    category: str | None = None
    in_text: bool = False
    seen_only: bool = False
    status: str | None = None
    order: str = "appearance"
    output: str = ""

    @property
    def statuses(self) -> frozenset[str]:
        return STATUS_FILTERS[self.status][1] if self.status else frozenset()

    @property
    def needs_progress(self) -> bool:
        return self.seen_only or self.status is not None


def format_options() -> list[tuple[str, str]]:
    """(label, name) for every format, in the registry's order (labels translated)."""
    return [(f"{f.name} · {_(f.summary)}", f.name) for f in FORMATS.values()]


def order_options() -> list[tuple[str, str]]:
    return [(_(ORDER_NAMES[order]), order) for order in ORDERS]


def default_output(format_name: str, directory: Path) -> str:
    """`<directory>/tonle-glossary<ext>`: the command line's default file, in full."""
    return str(directory / (DEFAULT_STEM + FORMATS[format_name].extension))


def retarget(output: str, old_format: str, new_format: str) -> str:
    """The output after the format changed: its extension follows when it was the old one."""
    old, new = FORMATS[old_format].extension, FORMATS[new_format].extension
    return output[: -len(old)] + new if output.endswith(old) else output


def target(choices: ExportChoices, work_dir: Path) -> Path:
    """The file the output text names (`~` expanded, relative to `work_dir`)."""
    text = choices.output.strip()
    if not text:
        raise ExportError(_("give a file to write to"))
    path = Path(text).expanduser()
    return path if path.is_absolute() else work_dir / path


def check_choices(choices: ExportChoices, work_dir: Path) -> Path:
    """The file to write; raise ExportError (one line) for a choice that cannot work."""
    if len(choices.langs) < 2:
        raise ExportError(_("choose at least two languages"))
    fmt = FORMATS[choices.format]
    if fmt.needs_english and "en" not in choices.langs:
        message = _("{format} needs English: its cards ask and answer in English")
        raise ExportError(message.format(format=fmt.name))
    path = target(choices, work_dir)
    if path.is_dir():
        raise ExportError(_("{path} is a folder; give a file name").format(path=path))
    folder = path.parent
    if not folder.is_dir():
        message = _("cannot write {path}: there is no folder {folder}")
        raise ExportError(message.format(path=path, folder=folder))
    if not os.access(folder, os.W_OK):
        message = _("cannot write {path}: the folder {folder} is not writable")
        raise ExportError(message.format(path=path, folder=folder))
    return path


def planned_files(choices: ExportChoices, path: Path) -> list[Path]:
    """The files an export will write (omegat: one per target language)."""
    fmt = FORMATS[choices.format]
    if fmt.name != "omegat":
        return [path]
    return [output_path(fmt, path, f".{lang}") for lang in choices.langs[1:]]


def run_export(
    choices: ExportChoices,
    glossary: Glossary,
    document: Document,
    path: Path,
    store: ProgressStore | None,
    document_path: Path | None = None,
) -> ExportResult:
    """Export as chosen to `path`; raise ExportError or OSError as `export` does.

    "Only terms in this text" (and "only in paragraphs I have read") use `document`
    (read from `document_path`, when known); the status and read filters read `store`,
    which is thread-safe, so this may run in a worker thread."""
    status_source, progress = (None, None)
    if store is not None and choices.needs_progress:
        status_source, progress = sources(store, document_path)
    request = ExportRequest(
        glossary=glossary,
        format=choices.format,
        output=path,
        langs=choices.langs,
        categories=frozenset({choices.category}) if choices.category else frozenset(),
        statuses=choices.statuses,
        status_source=status_source if choices.status else None,
        seen_only=choices.seen_only,
        progress=progress if choices.seen_only else None,
        document=document if choices.in_text or choices.seen_only else None,
        order=choices.order,
    )
    return export(request)


def written(paths: Sequence[Path], count: int) -> str:
    """`Exported 44 entries to /x/a.md` (several files joined with "and")."""
    from glossary import l10n  # Babel: "a and b", "a 및 b", "a និង b"

    names = l10n.join([str(p) for p in paths], current_language())
    message = ngettext(
        "Exported {count} entry to {files}", "Exported {count} entries to {files}", count
    )
    return message.format(count=count, files=names)
