"""The notes a rendering carries, in the interface language: other spellings, and
what a relative date is relative to."""

from __future__ import annotations

from collections.abc import Sequence

from glossary.figures.model import Figure
from glossary.i18n import N_, _

RELATIVE_NOTES = {
    "last": N_("relative to when the text was written (last year)"),
    "this": N_("relative to when the text was written (this year)"),
    "next": N_("relative to when the text was written (next year)"),
}


def also(forms: Sequence[str], lang: str) -> str:
    """`also written A, B`, listed as `lang` lists (Babel), or "" for no forms."""
    from glossary.l10n import join

    if not forms:
        return ""
    return _("also written {forms}").format(forms=join(forms, lang, style="standard-short"))


def notes(*parts: str) -> str:
    """The non-empty parts, joined with "; "."""
    return "; ".join(part for part in parts if part)


def relative_note(figure: Figure) -> str:
    return _(RELATIVE_NOTES[figure.relative]) if figure.relative in RELATIVE_NOTES else ""
