"""The state of one reading: where the reader is, the links, search hits and term focus.

Pure logic, no Textual: screens hold a `ReadingSession` and render what it says.
Links are computed per paragraph on demand (a paragraph links in well under a
millisecond), so a huge text is readable before the whole of it has been linked.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, overload

from glossary.document import Document, Kind, Paragraph
from glossary.figures import Figure, find_figures, outside_figures
from glossary.i18n import N_, _
from glossary.model import Entry, Glossary
from glossary.normalize import normalize
from glossary.script import detect_language
from reader.progress.models import TermStatus
from reader.state.word_cursor import WordCursor

if TYPE_CHECKING:  # the linker (and pyahocorasick) is first needed in the loading worker
    from glossary.linker import Link, Linker


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where an entry is mentioned: paragraph index and offsets inside that paragraph."""

    paragraph: int
    start: int
    end: int


class OccurrenceList(Sequence[Occurrence]):
    """Occurrences packed three ints apiece: a 100 MB text has millions of mentions,
    and an object for each would cost gigabytes."""

    def __init__(self) -> None:
        self._data = array("i")

    def append(self, paragraph: int, start: int, end: int) -> None:
        self._data.extend((paragraph, start, end))

    def __len__(self) -> int:
        return len(self._data) // 3

    @overload
    def __getitem__(self, index: int) -> Occurrence: ...
    @overload
    def __getitem__(self, index: slice) -> list[Occurrence]: ...
    def __getitem__(self, index: int | slice) -> Occurrence | list[Occurrence]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return Occurrence(*self._data[3 * index : 3 * index + 3])


@dataclass(frozen=True, slots=True)
class Hit:
    """A search match inside a paragraph."""

    paragraph: int
    start: int
    end: int


LANGUAGE_NAMES = {"en": N_("English"), "km": N_("Khmer"), "ko": N_("Korean")}


@dataclass
class ReadingSession:
    """One document being read, with its glossary once that has loaded."""

    document: Document
    current: int = 0
    language: str | None = None  # en, km or ko: given (--lang) or detected from the script
    glossary: Glossary | None = None
    linker: Linker | None = None
    focused_term: int | None = None  # index into the current paragraph's links
    occurrences: dict[str, OccurrenceList] | None = None
    hits: list[Hit] = field(default_factory=list)
    query: str = ""
    # Kept up to date by the progress tracker and the term statuses (shared, not copied).
    statuses: Mapping[str, TermStatus] = field(default_factory=dict)  # missing: new
    read: Set[int] = field(default_factory=set)  # indexes of paragraphs read
    cursor: WordCursor | None = None  # the word cursor, on the current paragraph
    _links: dict[int, list[Link]] = field(default_factory=dict)
    _figures: dict[int, list[Figure]] = field(default_factory=dict)
    _body_number: dict[int, int] = field(default_factory=dict)
    _hits_by_paragraph: dict[int, list[Hit]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.language = detect_language(self.document.text, self.language)
        body = (p.index for p in self.paragraphs if p.kind is Kind.BODY)
        self._body_number = {index: number for number, index in enumerate(body, 1)}

    # --- moving --------------------------------------------------------------------

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.document.paragraphs

    @property
    def count(self) -> int:
        return len(self.paragraphs)

    def go_to(self, index: int) -> bool:
        """Make paragraph `index` (clamped) current; True if that changed anything."""
        index = max(0, min(index, self.count - 1))
        if index == self.current:
            return False
        self.current = index
        self.focused_term = None
        self.cursor = None
        return True

    def move(self, delta: int) -> bool:
        return self.go_to(self.current + delta)

    @property
    def position_label(self) -> str:
        """`paragraph 7 of 23` counting body paragraphs; the title and source say so."""
        paragraph = self.paragraphs[self.current]
        if paragraph.kind is Kind.TITLE:
            return _("title")
        if paragraph.kind is Kind.SOURCE:
            return _("source")
        number, total = self._body_number[paragraph.index], len(self._body_number)
        return _("paragraph {number} of {total}").format(number=number, total=total)

    @property
    def language_label(self) -> str:
        """The text's language for the position line: `Khmer`, in the interface language."""
        name = LANGUAGE_NAMES[self.language or "en"]
        return _(name)

    @property
    def fraction(self) -> float:
        return (self.current + 1) / self.count if self.count else 0.0

    # --- links ---------------------------------------------------------------------

    def attach(self, glossary: Glossary, linker: Linker) -> None:
        """The glossary has loaded: links can now be shown."""
        self.glossary, self.linker = glossary, linker
        self._links.clear()

    def links(self, index: int) -> list[Link]:
        """Links of paragraph `index`, with offsets relative to the paragraph text; a term
        inside a figure ("million" in "US$17 million") is left to the figure."""
        if self.linker is None:
            return []
        cached = self._links.get(index)
        if cached is None:
            cached = self._links[index] = self.linker.link(self.paragraphs[index].text)
        figures = self.figures(index)
        return outside_figures(cached, figures) if figures else cached

    def figures(self, index: int) -> list[Figure]:
        """Figures of paragraph `index` (money, counts, dates…); they need no glossary."""
        cached = self._figures.get(index)
        if cached is None:
            cached = self._figures[index] = find_figures(self.paragraphs[index].text)
        return cached

    def entry(self, entry_id: str) -> Entry | None:
        return self.glossary.get(entry_id) if self.glossary else None

    def index_occurrences(self) -> dict[str, OccurrenceList]:
        """Every mention of every entry in the whole document (slow on huge texts; run it
        in a worker). Links are not cached here: only paragraphs on screen keep theirs."""
        linker = self.linker
        index: dict[str, OccurrenceList] = {}
        if linker is None:
            return index
        for paragraph in self.paragraphs:
            cached = self._links.get(paragraph.index)
            for link in cached if cached is not None else linker.link(paragraph.text):
                found = index.get(link.entry_id)
                if found is None:
                    found = index[link.entry_id] = OccurrenceList()
                found.append(paragraph.index, link.start, link.end)
        return index

    # --- term focus ----------------------------------------------------------------

    def focus_term(self, delta: int) -> Link | None:
        """Move the term focus within the current paragraph (wrapping round)."""
        links = self.links(self.current)
        if not links:
            self.focused_term = None
            return None
        if self.focused_term is None:
            self.focused_term = 0 if delta > 0 else len(links) - 1
        else:
            self.focused_term = (self.focused_term + delta) % len(links)
        return links[self.focused_term]

    @property
    def focused_link(self) -> Link | None:
        links = self.links(self.current)
        if self.focused_term is None or self.focused_term >= len(links):
            return None
        return links[self.focused_term]

    # --- search --------------------------------------------------------------------

    def search(self, query: str) -> list[Hit]:
        """Case-insensitive search of every paragraph; hits are kept for n / N."""
        self.query = normalize(query.strip())
        self.hits = list(_find_all(self.paragraphs, self.query)) if self.query else []
        self._hits_by_paragraph = {}
        for hit in self.hits:
            self._hits_by_paragraph.setdefault(hit.paragraph, []).append(hit)
        return self.hits

    def next_hit(self, forward: bool = True) -> Hit | None:
        """The first hit after (or before) the current paragraph, wrapping round."""
        if not self.hits:
            return None
        if forward:
            after = [h for h in self.hits if h.paragraph > self.current]
            return after[0] if after else self.hits[0]
        before = [h for h in self.hits if h.paragraph < self.current]
        return before[-1] if before else self.hits[-1]

    def hits_in(self, index: int) -> list[Hit]:
        return self._hits_by_paragraph.get(index, [])

    def marks_in(self, index: int) -> list[Hit]:
        """Search hits of paragraph `index`, and the word cursor if it is there."""
        hits = self.hits_in(index)
        if self.cursor is None or index != self.current:
            return hits
        start, end = self.cursor.span
        return sorted([*hits, Hit(index, start, end)], key=lambda hit: hit.start)


def _find_all(paragraphs: Iterable[Paragraph], query: str) -> Iterable[Hit]:
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    for paragraph in paragraphs:
        for match in pattern.finditer(paragraph.text):
            yield Hit(paragraph.index, match.start(), match.end())
