"""Key bindings as data: each has an id, keys, an action and a description.

Screens build their `BINDINGS` from these lists; the help screen and the command
palette are generated from the same data, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding

from glossary.i18n import N_


@dataclass(frozen=True)
class Command:
    """One user command. `keys` is Textual's comma-separated key list."""

    id: str
    keys: str
    action: str
    description: str
    footer: bool = True  # shown in the footer (all are in help and the palette)
    palette: bool = True  # listed in the command palette


def bindings(commands: Iterable[Command]) -> list[Binding]:
    """Textual bindings for a list of commands."""
    return [Binding(c.keys, c.action, c.description, show=c.footer, id=c.id) for c in commands]


def key_label(keys: str) -> str:
    """`j,down` → `j / ↓`, for the help screen."""
    names = {
        "down": "↓",
        "up": "↑",
        "left": "←",
        "right": "→",
        "pagedown": "PgDn",
        "pageup": "PgUp",
        "home": "Home",
        "end": "End",
        "enter": "Enter",
        "escape": "Esc",
        "space": "Space",
        "tab": "Tab",
        "shift+tab": "Shift+Tab",
        "slash": "/",
        "question_mark": "?",
        "ctrl+p": "Ctrl+P",
    }
    return " / ".join(names.get(k, k) for k in keys.split(","))


APP_COMMANDS = [
    Command("help", "question_mark,f1", "app.help", N_("Help")),
    Command("glossary", "b", "app.browse", N_("Glossary")),
    Command("library", "L", "app.library", N_("Library")),
    Command("statistics", "S", "app.statistics", N_("Statistics")),
    Command("language", "f2", "app.language", N_("Language"), footer=False),
    Command("khmer-digits", "f3", "app.khmer_digits", N_("Khmer digits (០១២)"), footer=False),
    Command("quit", "q", "app.quit", N_("Quit"), palette=False),  # Textual's palette has Quit
]


def _status(key: str, level: int, description: str) -> Command:
    """A term's learning status. Bound on the term card, active while it has focus
    (opening a card gives it focus; Esc or any move gives focus back to the text, where
    digits type a paragraph number for `g`), and in the glossary browser (selected row)."""
    action = f"set_term_status({level})"
    return Command(f"status-{key}", key, action, description, footer=False)


TERM_STATUS_COMMANDS = [
    _status("0", 0, N_("Term status: new (keys 0–5 and x: on a term card or a glossary row)")),
    _status("1", 1, N_("Term status: learning 1")),
    _status("2", 2, N_("Term status: learning 2")),
    _status("3", 3, N_("Term status: learning 3")),
    _status("4", 4, N_("Term status: learning 4")),
    _status("5", 5, N_("Term status: known")),
    _status("x", 98, N_("Term status: ignored (no longer shown as a link)")),
]

READING_COMMANDS = [
    Command("next", "j,down", "move(1)", N_("Next paragraph")),
    Command("previous", "k,up", "move(-1)", N_("Previous paragraph"), footer=False),
    Command("page-down", "space,pagedown", "move(3)", N_("Three paragraphs on"), footer=False),
    Command("page-up", "pageup", "move(-3)", N_("Three paragraphs back"), footer=False),
    Command("first", "home", "go_to(0)", N_("First paragraph"), footer=False),
    Command("last", "end", "go_to(-1)", N_("Last paragraph"), footer=False),
    Command("jump", "g", "jump", N_("Go to the paragraph number typed before g"), footer=False),
    Command("next-term", "tab", "focus_term(1)", N_("Next term")),
    Command("previous-term", "shift+tab", "focus_term(-1)", N_("Previous term"), footer=False),
    Command("open-term", "enter", "open_focused", N_("Open the term card"), footer=False),
    Command("card", "c", "toggle_card", N_("Card")),
    Command("interlinear", "i", "cycle_glosses", N_("Glosses")),
    Command("romanize", "r", "toggle_romanization", N_("Romanize Khmer"), footer=False),
    Command("search", "slash", "start_search", N_("Search")),
    Command("search-next", "n", "search_next(True)", N_("Next match"), footer=False),
    Command("search-previous", "N", "search_next(False)", N_("Previous match"), footer=False),
    Command("export", "e", "app.export", N_("Export the glossary"), footer=False),
    Command("read-mark", "m", "toggle_read", N_("Mark the paragraph read / unread"), footer=False),
    Command("copy", "y", "copy_paragraph", N_("Copy the paragraph"), footer=False),
    Command(
        "word-cursor",
        "w",
        "cursor_start",
        N_("Word cursor (h/l move, H/L extend, Esc)"),
        footer=False,
    ),
    Command("cursor-left", "h,left", "cursor_move(-1)", N_("Cursor: previous word"), footer=False),
    Command("cursor-right", "l,right", "cursor_move(1)", N_("Cursor: next word"), footer=False),
    Command(
        "cursor-shrink",
        "H,shift+left",
        "cursor_extend(-1)",
        N_("Cursor: one word less"),
        footer=False,
    ),
    Command(
        "cursor-extend",
        "L,shift+right",
        "cursor_extend(1)",
        N_("Cursor: one word more (without a cursor, L is the library)"),
        footer=False,
        palette=False,
    ),
    Command("add-term", "a", "add_term", N_("Add a term")),
    Command(
        "edit-term",
        "E",
        "edit_term",
        N_("Edit the term (a shipped one is overridden in your glossary)"),
        footer=False,
    ),
    Command(
        "delete-term", "D", "delete_term", N_("Delete the term from your glossary"), footer=False
    ),
    Command("undo", "u", "undo", N_("Undo the delete"), footer=False),
    Command("suggestions", "s", "suggestions", N_("Suggested terms of this text"), footer=False),
]
