"""Key bindings as data: each has an id, keys, an action and a description.

Screens build their `BINDINGS` from these lists; the help screen and the command
palette are generated from the same data, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding


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
    Command("help", "question_mark,f1", "app.help", "Help"),
    Command("glossary", "b", "app.browse", "Glossary"),
    Command("library", "L", "app.library", "Library"),
    Command("statistics", "S", "app.statistics", "Statistics"),
    Command("quit", "q", "app.quit", "Quit", palette=False),  # Textual's palette has Quit
]


def _status(key: str, level: int, name: str) -> Command:
    """A term's learning status. Bound on the term card, active while it has focus
    (opening a card gives it focus; Esc or any move gives focus back to the text, where
    digits type a paragraph number for `g`), and in the glossary browser (selected row)."""
    action = f"set_term_status({level})"
    return Command(f"status-{key}", key, action, f"Term status: {name}", footer=False)


TERM_STATUS_COMMANDS = [
    _status("0", 0, "new (keys 0–5 and x: on the focused term card, or the glossary row)"),
    *(_status(str(n), n, f"learning {n}") for n in range(1, 5)),
    _status("5", 5, "known"),
    _status("x", 98, "ignored (no longer shown as a link)"),
]

READING_COMMANDS = [
    Command("next", "j,down", "move(1)", "Next paragraph", footer=False),
    Command("previous", "k,up", "move(-1)", "Previous paragraph", footer=False),
    Command("page-down", "space,pagedown", "move(3)", "Three paragraphs on", footer=False),
    Command("page-up", "pageup", "move(-3)", "Three paragraphs back", footer=False),
    Command("first", "home", "go_to(0)", "First paragraph", footer=False),
    Command("last", "end", "go_to(-1)", "Last paragraph", footer=False),
    Command("jump", "g", "jump", "Go to the paragraph number typed before g", footer=False),
    Command("next-term", "tab", "focus_term(1)", "Next term in the paragraph"),
    Command("previous-term", "shift+tab", "focus_term(-1)", "Previous term", footer=False),
    Command("open-term", "enter", "open_focused", "Open the term card", footer=False),
    Command("card", "c", "toggle_card", "Card"),
    Command("interlinear", "i", "cycle_glosses", "Glosses"),
    Command("romanize", "r", "toggle_romanization", "Romanize Khmer", footer=False),
    Command("search", "slash", "start_search", "Search"),
    Command("search-next", "n", "search_next(True)", "Next match", footer=False),
    Command("search-previous", "N", "search_next(False)", "Previous match", footer=False),
    Command("export", "e", "app.export", "Export the glossary", footer=False),
    Command("read-mark", "m", "toggle_read", "Mark the paragraph read / unread", footer=False),
]
