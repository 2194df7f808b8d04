"""Screens with their key descriptions in the interface language.

Textual reads a class's `BINDINGS` once, when the class is created, so descriptions
cannot simply be translated where they are declared (the language can change while
Tonle runs). `localized(cls)` returns a subclass of `cls` whose bindings carry the
descriptions translated into the current language; every screen (and the app) is
created through it. English needs no subclass.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TypeVar

from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen, Screen

from glossary.i18n import DEFAULT, _, current_language
from glossary.normalize import khmer_digits
from reader.ui.commands import APP_COMMANDS, bindings

T = TypeVar("T", bound=type)


def _translated(binding: Binding) -> Binding:
    return replace(binding, description=_(binding.description)) if binding.description else binding


def _app_bindings(cls: type, declared: list[Binding]) -> list[Binding]:
    """The app's own keys (help, glossary, quit…) for a full screen, so that the footer
    shows them translated too: a screen's binding for a key wins over the app's."""
    if not issubclass(cls, Screen) or issubclass(cls, ModalScreen):
        return []
    taken = {key for b in declared for key in b.key.split(",")}
    return [b for b in bindings(APP_COMMANDS) if not taken & set(b.key.split(","))]


@cache
def _subclass(cls: type, lang: str) -> type:
    declared = [b for base in reversed(cls.__mro__) for b in vars(base).get("BINDINGS", [])]
    declared = [b for b in declared if isinstance(b, Binding)]
    translated = [_translated(b) for b in _app_bindings(cls, declared) + declared]
    namespace = {"BINDINGS": translated, "__module__": cls.__module__, "__doc__": cls.__doc__}
    return type(cls.__name__, (cls,), namespace)


def digits(text: str, khmer: bool) -> str:
    """Figures in Khmer digits (០១២…) when the interface is Khmer and the reader asked for
    them (the `khmer_digits` setting); otherwise unchanged."""
    return khmer_digits(text) if khmer and current_language() == "km" else text


def digits_content(content: Content, khmer: bool) -> Content:
    """`digits()` for styled text: one digit for another, so every span stays in place."""
    if not khmer or current_language() != "km":
        return content
    return Content(khmer_digits(content.plain), list(content.spans))


def app_digits(app: object, text: str) -> str:
    """`digits()` with the app's own `khmer_digits` setting (False for a bare app)."""
    settings = getattr(getattr(app, "config", None), "settings", None)
    return digits(text, bool(getattr(settings, "khmer_digits", False)))


def localized(cls: T) -> T:
    """`cls`, or its subclass with bindings described in the current language."""
    lang = current_language()
    return cls if lang == DEFAULT else _subclass(cls, lang)  # type: ignore[return-value]
