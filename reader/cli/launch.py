"""Opening the reader: the one place that starts the app, for `tonle read` and bare `tonle`.

Bare `tonle` comes here straight from `reader.main` without importing Click and the
other commands (a tenth of a second of start-up that the first paint would wait for).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from glossary.document import DocumentError, read_document
from glossary.i18n import _
from reader.state.paths import Paths, seed_text, shipped_glossary, user_paths
from reader.state.settings import Settings, load_settings


def open_reader(
    paths: Paths,
    file: Path,
    glossaries: Sequence[Path],
    settings: Settings,
    personal: Path | None = None,
    language: str | None = None,
) -> int:
    """Run the reader on `file` with `glossaries` and, over them, the `personal` glossary
    (where new terms are saved; None: none), in `language` (None: detected from the
    text's script); the exit code (2 for a bad file)."""
    try:
        document = read_document(file)
    except DocumentError as error:
        print(f"tonle: {error}", file=sys.stderr)
        return 2
    if document.unsafe:
        from glossary.safe_text import text_warning

        print("tonle: " + text_warning(str(file), document.unsafe), file=sys.stderr)
    from reader.app import TonleApp
    from reader.state.config import ReaderConfig
    from reader.terminal.probe import detect

    detect(settings.width_model)  # "auto": ask the terminal now, before Textual takes it over
    from reader.ui.localize import localized

    config = ReaderConfig(
        document, list(glossaries), paths, settings, document_path=file, language=language
    )
    config.personal_glossary = personal
    app = localized(TonleApp)(config)
    app.run()
    return app.return_code or 0


def open_seed(data_dir: Path | None = None) -> int:
    """Bare `tonle`: the bundled op-ed with the shipped glossary and the saved settings."""
    paths = user_paths(data_dir=data_dir)
    settings = load_settings(paths.settings_file)
    return open_reader(paths, seed_text(), [shipped_glossary()], settings, paths.personal_glossary)


def no_glossary_message() -> str:
    return _("no glossary given (use --glossary FILE)")
