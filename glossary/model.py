"""The glossary's typed model: entries, their Khmer and Korean forms, and sources.

Everything here is plain, immutable data; loading and validation live in `loader`.
The file format is documented in SCHEMA.md beside this module.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

CATEGORIES: tuple[str, ...] = (
    "person",
    "place",
    "country",
    "organisation",
    "event",
    "language",
    "document",
    "term",
)


class Status(StrEnum):
    """Whether a named source confirmed a Khmer or Korean form."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a form was checked: a URL or named publication, and what it showed."""

    ref: str
    shows: str = ""


@dataclass(frozen=True, slots=True)
class Form:
    """An entry's form in one language (Khmer or Korean)."""

    text: str
    status: Status
    romanization: str = ""
    hanja: str = ""
    sources: tuple[Source, ...] = ()
    variants: tuple[str, ...] = ()

    @property
    def verified(self) -> bool:
        return self.status is Status.VERIFIED


@dataclass(frozen=True, slots=True)
class Alias:
    """An English form under which an entry appears in running text."""

    text: str
    match_case: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept of the glossary, in English, Khmer and Korean."""

    id: str
    category: str
    en: str
    aliases: tuple[Alias, ...] = ()
    note: str = ""
    km: Form | None = None
    ko: Form | None = None
    match_case: bool = False
    origin: str = ""  # "file:line:column" where the entry starts, for messages
    # Set on an entry read with `override: true`: the keys it gives, which replace those of
    # the entry with its id in an earlier file (SCHEMA.md, "Overrides"). The loader applies
    # overrides, so a loaded glossary never holds one.
    overrides: tuple[str, ...] = ()

    def english_forms(self) -> Iterator[Alias]:
        """The headword and every alias, headword first."""
        yield Alias(self.en, self.match_case)
        for alias in self.aliases:
            yield Alias(alias.text, alias.match_case or self.match_case)

    def form(self, lang: str) -> Form | None:
        """The Khmer (`km`) or Korean (`ko`) form, or None when there is none yet."""
        if lang == "km":
            return self.km
        if lang == "ko":
            return self.ko
        raise ValueError(f"unknown language {lang!r}")


@dataclass(frozen=True, slots=True)
class Glossary:
    """Entries from one or more files, in file order, addressable by id."""

    entries: tuple[Entry, ...]
    titles: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    _by_id: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)
    # A sha256 standing for the files' contents ("" when unknown): a cached matcher is
    # trusted only for the glossary with the digest it was built from.
    digest: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self._by_id:  # a caller may hand over the index it already has (`layers`)
            self._by_id.update((entry.id, entry) for entry in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    @property
    def by_id(self) -> Mapping[str, Entry]:
        """Entries by id (read-only view)."""
        return MappingProxyType(self._by_id)

    def index_copy(self) -> dict[str, Entry]:
        """A copy of the id index, to build a larger glossary from without indexing again."""
        return self._by_id.copy()

    @property
    def title(self) -> str:
        return " + ".join(self.titles) if self.titles else "Glossary"

    @classmethod
    def merge(cls, parts: Sequence[Glossary]) -> Glossary:
        """Join glossaries in order (callers check id conflicts first)."""
        digests = [part.digest for part in parts]
        digest = digests[0] if len(parts) == 1 else ""
        if len(parts) > 1 and all(digests):
            digest = hashlib.sha256(" ".join(digests).encode()).hexdigest()
        return cls(
            entries=tuple(e for part in parts for e in part.entries),
            titles=tuple(t for part in parts for t in part.titles),
            paths=tuple(p for part in parts for p in part.paths),
            digest=digest,
        )
