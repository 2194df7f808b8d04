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
from textual.screen import ModalScreen, Screen

from glossary.i18n import DEFAULT, _, current_language
from reader.commands import APP_COMMANDS, bindings

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


def localized(cls: T) -> T:
    """`cls`, or its subclass with bindings described in the current language."""
    lang = current_language()
    return cls if lang == DEFAULT else _subclass(cls, lang)  # type: ignore[return-value]
