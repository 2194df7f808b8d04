"""Who owns what: the ids and English forms of a loaded glossary, to check a new entry
against it without checking the whole glossary again (a 20,000-entry glossary has some
60,000 English forms; a new entry has a handful).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from glossary.fold import pattern_key
from glossary.model import Entry


@dataclass
class Claims:
    """Entry ids, and the id owning each English pattern key (as the loader compares them)."""

    ids: set[str] = field(default_factory=set)
    english: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Claims:
        claims = cls()
        for entry in entries:
            claims.add(entry)
        return claims

    def add(self, entry: Entry) -> None:
        self.ids.add(entry.id)
        for form in entry.english_forms():
            self.english.setdefault(pattern_key(form.text), entry.id)

    def owner(self, text: str) -> str | None:
        """The id whose headword or alias `text` is (compared as the loader does)."""
        return self.english.get(pattern_key(text))


@dataclass
class LayeredClaims:
    """The shipped glossary's claims under the personal glossary's: an entry the personal
    glossary overrides or holds is judged by its personal version only."""

    base: Claims
    top: Claims
    replaced: frozenset[str] = frozenset()

    def has_id(self, entry_id: str) -> bool:
        return entry_id in self.top.ids or entry_id in self.base.ids

    def owner(self, text: str) -> str | None:
        owner = self.top.owner(text)
        if owner is not None:
            return owner
        owner = self.base.owner(text)
        return None if owner in self.replaced else owner
