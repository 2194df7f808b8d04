"""Click's own words (Usage:, Options, Error: …) in the interface language, and help
text measured and wrapped the way the terminal draws it.

Click marks its messages for gettext but looks them up in gettext's global domain, where
Tonle installs no catalog. `install()` points the `_` and `ngettext` of Click's modules
at Tonle's (`glossary.i18n`), and `click_messages` marks the messages a Tonle user meets
so that they are extracted into Tonle's catalogs. Click's exact English is the msgid, so
a message that a later Click rewords simply stays English.

Click measures help with `len()`: a Hangul syllable counts one column instead of two (a
Korean help line would run far past the terminal) and a Khmer vowel sign one instead of
none. `install()` gives Click's formatter Tonle's widths and line breaking
(`reader.terminal.text`, the rules the reader uses for glossary text) for any text that
is not plain ASCII; English help is formatted by Click exactly as before.
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
from click._compat import strip_ansi

from glossary.i18n import N_, _, ngettext

_MODULES = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,
    click.types,
)
_click_wrap_text = click.formatting.wrap_text


def click_messages() -> list[str]:
    """Click 8's messages that Tonle's users meet, marked for extraction; Click itself
    translates them (through `install`), so this list is only read by `pybabel`."""
    return [
        N_("Usage:"),
        N_("Options"),
        N_("Commands"),
        N_("Show this message and exit."),
        N_("Show the version and exit."),
        N_("%(prog)s, version %(version)s"),
        N_("Error: {message}"),
        N_("Try '{command} {option}' for help."),
        N_("Invalid value for {param_hint}: {message}"),
        N_("Invalid value: {message}"),
        N_("Missing argument"),
        N_("Missing option"),
        N_("Missing parameter"),
        N_("No such option {name!r}."),
        N_("No such command {name!r}."),
        N_("Missing command."),
        N_("Aborted!"),
        N_("default: {default}"),
        N_("required"),
        N_("{value!r} is not a valid {number_type}."),
        N_("{name} {filename!r} does not exist."),
        N_("{name} {filename!r} is a directory."),
        N_("file"),
        N_("directory"),
        N_("path"),
        ngettext(
            "Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 2
        ),
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2),
        ngettext(
            "Option {name!r} requires an argument.",
            "Option {name!r} requires {nargs} arguments.",
            2,
        ),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 2),
        ngettext(
            "{value!r} does not match the format {format}.",
            "{value!r} does not match the formats {formats}.",
            2,
        ),
    ]


def term_len(text: str) -> int:
    """Terminal columns of `text` without its ANSI styles (Click's own for ASCII)."""
    visible = strip_ansi(text)
    if visible.isascii():
        return len(visible)
    from reader.terminal.text import cell_width

    return cell_width(visible)


def wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """`click.formatting.wrap_text`, measuring and breaking lines as the terminal draws
    them when the text is not plain ASCII (same paragraphs, `\\b` blocks and indents)."""
    if (text + initial_indent + subsequent_indent).isascii():
        return _click_wrap_text(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
    text = text.expandtabs()
    if not preserve_paragraphs:
        return _fill(" ".join(text.splitlines()), width, initial_indent, subsequent_indent)
    paragraphs: list[tuple[int, bool, str]] = []
    lines: list[str] = []
    indent = 0
    for line in [*text.splitlines(), ""]:
        if line:
            if not lines:
                indent = term_len(line) - term_len(line.lstrip())
            lines.append(line.lstrip() if not lines else line)
            continue
        if lines and lines[0].strip() == "\b":
            paragraphs.append((indent, True, "\n".join(lines[1:])))
        elif lines:
            paragraphs.append((indent, False, " ".join(part.strip() for part in lines)))
        lines = []
    out = []
    for extra, raw, body in paragraphs:
        first, rest = initial_indent + " " * extra, subsequent_indent + " " * extra
        if raw:
            out.append(
                "\n".join(
                    first + row if i == 0 else rest + row for i, row in enumerate(body.splitlines())
                )
            )
        else:
            out.append(_fill(body, width, first, rest))
    return "\n\n".join(out)


def _fill(text: str, width: int, first: str, rest: str) -> str:
    """One paragraph in lines of at most `width` columns, indents included."""
    from reader.terminal.text import wrap_lines

    room = max(width - max(term_len(first), term_len(rest)), 10)
    rows = wrap_lines(text.strip(), room)
    return "\n".join((first if i == 0 else rest) + row.rstrip() for i, row in enumerate(rows))


def install() -> None:
    """Click in the interface language, with terminal widths (idempotent)."""
    for module in _MODULES:
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    click.formatting.term_len = term_len  # type: ignore[attr-defined]
    click.formatting.wrap_text = wrap_text
