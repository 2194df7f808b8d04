"""Running an export: render the request, then write its files atomically.

`export(request)` is what the command line and the app call (the app from a worker
thread: it does no I/O but the files it writes). Writing is atomic: each file is first
written to a temporary file in the same directory, flushed to disk, and then moved over
the target with `os.replace`; an interrupted export leaves no half-written file and an
existing file is only ever replaced by a complete one. With several files (omegat) all
are written before any is moved into place.
"""

from __future__ import annotations

import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from glossary.export.registry import FORMATS, Format, Part
from glossary.export.request import ExportError, ExportRequest
from glossary.export.select import build_sheet
from glossary.i18n import _

DEFAULT_STEM = "tonle-glossary"
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The files written and how many entries they hold."""

    paths: tuple[Path, ...]
    count: int


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        message = _("unknown format {format}; choose {choices}")
        raise ExportError(message.format(format=repr(name), choices=", ".join(FORMATS))) from None


def render(request: ExportRequest) -> tuple[list[Part], int]:
    """The files of an export, in memory, and the number of entries in them."""
    fmt = get_format(request.format)
    if fmt.needs_english and "en" not in request.langs:
        message = _("{format} needs English in --langs: its cards ask and answer in English")
        raise ExportError(message.format(format=fmt.name))
    if request.bom and not fmt.supports_bom:
        raise ExportError(_("--bom applies to csv only"))
    sheet = build_sheet(request)
    if not sheet.rows:
        raise ExportError(_("no glossary entry matches; nothing to export"))
    parts = fmt.parts(sheet)
    if request.bom:
        parts = [Part(p.suffix, BOM + p.content) for p in parts if isinstance(p.content, str)]
    return parts, len(sheet.rows)


def output_path(fmt: Format, output: Path | None, suffix: str) -> Path:
    """Where a part goes: `output` (default `tonle-glossary<ext>` in the current
    directory); a per-language part is `<stem>.<lang><ext>` beside it."""
    path = output if output is not None else Path.cwd() / (DEFAULT_STEM + fmt.extension)
    if not suffix:
        return path
    return path.with_name(path.stem + suffix + (path.suffix or fmt.extension))


def encode(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def export(request: ExportRequest) -> ExportResult:
    """Render `request` and write its files atomically; raise ExportError or OSError."""
    parts, count = render(request)
    fmt = get_format(request.format)
    targets = [(output_path(fmt, request.output, p.suffix), encode(p.content)) for p in parts]
    inputs = [*map(Path, request.glossary.paths), *request.protected]
    refuse_inputs([path for path, _ in targets], inputs)
    write_all(targets)
    return ExportResult(tuple(path for path, _ in targets), count)


def refuse_inputs(targets: list[Path], inputs: list[Path]) -> None:
    """ExportError when a target is a file the export reads (a glossary, the text, the
    progress database): writing there would destroy it."""
    for target in targets:
        if any(_same_file(target, source) for source in inputs):
            message = _(
                "{file} is read by this export (a glossary, the text or the progress"
                " database); choose another -o"
            )
            raise ExportError(message.format(file=target))


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def is_stream(path: Path) -> bool:
    """Whether `path` is written into rather than replaced: a device, FIFO or socket (or a
    link to one), or anything under /dev or /proc (`-o /dev/stdout` must reach stdout)."""
    real = os.path.realpath(path)
    if real.startswith(("/dev/", "/proc/")) or str(path).startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_all(targets: list[tuple[Path, bytes]]) -> None:
    """Write every file to a temporary sibling, then move them all into place; a
    device, FIFO or socket is written into directly (it cannot be replaced)."""
    for path, data in [t for t in targets if is_stream(t[0])]:
        with open(path, "wb") as stream:
            stream.write(data)
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in [t for t in targets if not is_stream(t[0])]:
            staged.append((_stage(path, data), path))
        for temp, path in staged:
            os.replace(temp, path)
    finally:
        for temp, _ in staged:
            if os.path.exists(temp):
                os.unlink(temp)


def _stage(path: Path, data: bytes) -> str:
    """`data` in a new temporary file beside `path`. It is created with mode 0o666 so
    the umask applies as for any new file; over an existing file, that file's mode."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    descriptor = _create(temp, path)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o777)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return str(temp)


def _create(temp: Path, path: Path) -> int:
    """A descriptor for the new file `temp`; errors name `path`, the file asked for."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        return os.open(temp, flags, 0o666)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from error
