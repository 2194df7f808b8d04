"""Compact form rows for dialogs: a label, then one-line controls (Select, Checkbox)."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widgets import Checkbox, Label, Select


def row(label: str) -> Horizontal:
    """A one-line row (class `export-row`) starting with `label`; use it as `with`."""
    line = Horizontal(classes="export-row")
    line.compose_add_child(Label(label, classes="export-label"))
    return line


def select(
    options: list[tuple[str, str]],
    value: str | None,
    widget_id: str,
    prompt: str | None = None,
    enabled: bool = True,
) -> Select[str]:
    """A compact Select; with a `prompt`, blank (None) is a choice ("all", "any")."""
    return Select(
        options,
        value=value if value is not None else Select.NULL,
        prompt=prompt or "Select",
        allow_blank=prompt is not None,
        id=widget_id,
        compact=True,
        disabled=not enabled,
    )


def check(label: str, value: bool, widget_id: str, enabled: bool = True) -> Checkbox:
    return Checkbox(label, value, id=widget_id, compact=True, disabled=not enabled)


def chosen(select: Select[str]) -> str | None:
    """The Select's value, or None for its blank ("all", "any")."""
    return None if select.value is Select.NULL else str(select.value)
