"""What the reader is started with: decided before the app starts, passed in, never global."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from glossary.document import Document
from reader.progress.times import now_utc
from reader.state.paths import Paths
from reader.state.settings import Settings


@dataclass
class ReaderConfig:
    """Everything the app needs, decided before it starts (nothing is read from globals)."""

    document: Document
    glossary_files: list[Path]
    paths: Paths
    settings: Settings = field(default_factory=Settings)
    # Where exports are saved unless a full path is given: the directory Tonle started in.
    work_dir: Path = field(default_factory=Path.cwd)
    document_path: Path | None = None  # the file `document` was read from (the library shows it)
    language: str | None = None  # the text's language (--lang); None: detect from its script
    clock: Callable[[], datetime] = now_utc  # reading time, read marks, days (tests fake it)
    # Where the reader's new and edited terms go, layered over `glossary_files`; None
    # (--no-default-glossary) offers no adding.
    personal_glossary: Path | None = None
