"""Translating Tonle's own words (not the glossary's) into Khmer and Korean, with gettext.

The catalogs are the `.po` files in `glossary/locale/<lang>/LC_MESSAGES/tonle.po`, kept
with Babel (`pybabel extract/update`, see README). They are compiled in memory the first
time a language is used, so a plain install never needs a build step and a compiled file
can never be stale.

`_()` translates into the language chosen with `use_language()`. The choice is process
state, as with any gettext program; the app sets it from its settings at start-up and
whenever the reader switches language.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable, Mapping
from functools import cache
from importlib.resources import files

DOMAIN = "tonle"
LANGUAGES = ("en", "km", "ko")
DEFAULT = "en"

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT


def catalog_path(lang: str) -> str:
    """Where the `.po` catalog of `lang` lives (inside the installed package)."""
    return str(files("glossary") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po")


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang`; English (and any missing catalog) translate to itself."""
    if lang == DEFAULT or lang not in LANGUAGES:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # Babel is needed only for km and ko
    from babel.messages.pofile import read_po

    try:
        with open(catalog_path(lang), "rb") as stream:
            catalog = read_po(stream, locale=lang, domain=DOMAIN)
    except OSError:
        return gettext.NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def use_language(lang: str) -> str:
    """Translate into `lang` from now on; returns the language actually used."""
    global _current, _language
    _language = lang if lang in LANGUAGES else DEFAULT
    _current = translations(_language)
    return _language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """`message` in the current language (itself where the catalog has no translation)."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current.ngettext(singular, plural, count)


def gettext_in(lang: str) -> Callable[[str], str]:
    """`gettext` for one language, whatever the current one (a study sheet in Korean
    written from an English interface, say)."""
    return translations(lang if lang in LANGUAGES else DEFAULT).gettext


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (e.g. class-level data)."""
    return message


def system_language(env: Mapping[str, str]) -> str:
    """km, ko or en from the usual locale variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in env.get(name, "").split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in ("c", "posix"):
                return DEFAULT
    return DEFAULT
