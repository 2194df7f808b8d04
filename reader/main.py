"""The `tonle` entry point: choose the interface language, then run the command line.

The language must be chosen before the command modules are imported, because Click
reads every help text when a command is defined. It comes from `--ui-lang`, else the
saved setting, else the system locale.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from glossary.i18n import LANGUAGES, _, system_language, use_language
from reader.terminal.safe_stream import install as install_inert_streams


def _option(argv: Sequence[str], name: str) -> str | None:
    """The value of `--name VALUE` or `--name=VALUE` in argv, if given."""
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def choose_language(argv: Sequence[str], env: dict[str, str]) -> str:
    """--ui-lang, else the saved setting, else the system locale (en, km or ko)."""
    given = _option(argv, "--ui-lang")
    if given in LANGUAGES:
        return given
    from reader.state.paths import user_paths
    from reader.state.settings import load_settings

    data_dir = _option(argv, "--data-dir")
    paths = user_paths(env, Path(data_dir) if data_dir else None)
    saved = load_settings(paths.settings_file).ui_lang
    return saved or system_language(env)


def main(argv: Sequence[str] | None = None) -> None:
    """Run `tonle` with `argv` (default: the process arguments)."""
    args = list(sys.argv[1:] if argv is None else argv)
    install_inert_streams()  # no byte of a control sequence from data reaches the terminal
    use_language(choose_language(args, dict(os.environ)))
    if not args:  # bare `tonle`: straight to the reader, without loading every command
        from reader.cli.launch import open_seed

        sys.exit(open_seed())
    from reader.cli.root import main as run_cli

    try:
        run_cli(args)
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            raise
        _output_failed(error)
    finally:
        try:
            sys.stdout.flush()
        except OSError as error:
            _output_failed(error)


_OUTPUT_ERRORS = {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT}


def _output_failed(error: OSError) -> None:
    """stdout cannot be written (`> /dev/full`, a closed pipe): one line, exit 1."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())  # drop the rest
    if error.errno != errno.EPIPE:  # a closed pipe (`| head`) is the reader's choice
        message = _("cannot write the output: {reason}").format(reason=error.strerror or error)
        print(f"tonle: {message}", file=sys.stderr)
    sys.exit(1)
