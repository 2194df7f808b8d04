"""`html`: one self-contained, print-ready study sheet.

Rendered by Jinja2 from `templates/sheet.html.j2` with autoescaping on: the template
receives plain text only, never markup, so glossary content cannot inject HTML. No
file, font or script is loaded from anywhere: fonts are named in CSS stacks that pick
an installed Khmer font (Noto Sans Khmer, Khmer OS, Khmer OS System, Khmer UI,
Leelawadee UI) and Korean font (Noto Sans KR / CJK KR, Nanum Gothic, Malgun Gothic,
Apple SD Gothic Neo), and every Khmer or Korean string sits in an element with
`lang="km"` or `lang="ko"`. The print CSS leaves the paper size to the printer (A4 or
Letter: margins and column widths fit both) and never breaks a page inside an entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jinja2
from markupsafe import Markup

from glossary import l10n
from glossary.export.fonts import KHMER_FONTS, KOREAN_FONTS
from glossary.export.rows import (
    CATEGORY_TITLES,
    LANG_NAMES,
    UNVERIFIED,
    Context,
    Row,
    Sheet,
    heading,
)
from glossary.i18n import N_
from glossary.model import Form


@dataclass(frozen=True, slots=True)
class FormView:
    """One form as the template shows it."""

    lang: str
    name: str
    text: str
    romanization: str
    hanja: str
    verified: bool
    missing: bool = False


@dataclass(frozen=True, slots=True)
class EntryView:
    id: str
    heading: str
    heading_lang: str
    forms: tuple[FormView, ...]
    note: str
    context: Context | None


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("glossary.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def form_view(lang: str, form: Form | None, name: str = "") -> FormView:
    name = name or LANG_NAMES[lang]
    if form is None:
        return FormView(lang, name, "—", "", "", True, missing=True)
    return FormView(lang, name, form.text, form.romanization, form.hanja, form.verified)


def entry_view(row: Row, sheet: Sheet) -> EntryView:
    first = sheet.langs[0]
    forms = [
        form_view(lang, row.form(lang), sheet.tr(LANG_NAMES[lang]))
        for lang in sheet.langs
        if lang != "en"
    ]
    if first != "en" and sheet.shows("en"):
        forms.insert(0, FormView("en", sheet.tr(LANG_NAMES["en"]), row.entry.en, "", "", True))
    lang, text = heading(row, sheet.langs)
    return EntryView(row.entry.id, text, lang, tuple(forms), row.shown_note, row.context)


def labels(sheet: Sheet) -> dict[str, str]:
    """The sheet's own words, in its language (the template holds no English)."""
    tr, label, date = sheet.tr, sheet.label, l10n.date(sheet.date, sheet.lang)
    return {
        "title": tr(N_("{title}: study sheet")).format(title=sheet.heading),
        "source": label(N_("Source text")),
        "no_source": tr(N_("none (the whole glossary)")),
        "date": label(N_("Date")),
        "day": date,
        "languages": label(N_("Languages")),
        "terms": label(N_("Terms")),
        "in_text": label(N_("In the text")),
        "footer": tr(N_("Made with Tonle on {date}.")).format(date=date),
    }


def render(sheet: Sheet) -> str:
    groups = [
        (sheet.tr(CATEGORY_TITLES[category]), [entry_view(row, sheet) for row in rows])
        for category, rows in sheet.groups()
    ]
    template = _environment().get_template("sheet.html.j2")
    languages = ", ".join(sheet.tr(LANG_NAMES[lang]) for lang in sheet.langs)
    return template.render(
        sheet=sheet,
        text=labels(sheet),
        groups=groups,
        languages=languages,
        legend=sheet.legend,
        unverified=sheet.tr(UNVERIFIED),
        khmer_fonts=Markup(KHMER_FONTS),  # our own constant CSS, not content
        korean_fonts=Markup(KOREAN_FONTS),
    )
