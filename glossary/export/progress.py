"""What the export needs from reading progress: two questions, asked through protocols.

`--status` and `--seen` filter by what a reader has learned and read. The reader's
progress store (`reader.progress`) answers them through `reader.state.export_progress`; the
export itself only knows these two protocols, so it never imports the reader, and a
request asking for either filter without its source is refused (`ProgressNeeded`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from glossary.document import Document

# The learning states a progress store reports for a term (the LingQ/LWT levels: new,
# learning 1-4, known, or ignored). A term the store knows nothing about is "new".
# In a filter, "learning" stands for any of learning-1 … learning-4.
TERM_STATES: tuple[str, ...] = (
    "new",
    "learning-1",
    "learning-2",
    "learning-3",
    "learning-4",
    "known",
    "ignored",
)
FILTER_STATES: tuple[str, ...] = (*TERM_STATES, "learning")
DEFAULT_STATE = "new"


class TermStatusSource(Protocol):
    """Answers "how well does the reader know this entry?": one of `TERM_STATES`, or
    None when the store has no record (counted as "new"). `dict.get` fits."""

    def __call__(self, entry_id: str, /) -> str | None: ...


class ReadingProgress(Protocol):
    """Answers "which paragraphs of this document has the reader read?"."""

    def read_paragraphs(self, document: Document) -> Collection[int]:
        """Indexes (`Paragraph.index`) of the paragraphs read so far."""
        ...


def term_state(source: TermStatusSource, entry_id: str) -> str:
    """The entry's learning state; "new" when the source has no record of it."""
    return source(entry_id) or DEFAULT_STATE


def state_matches(state: str, wanted: frozenset[str]) -> bool:
    """True when `state` is one of `wanted` ("learning" matches every learning level)."""
    return state in wanted or ("learning" in wanted and state.startswith("learning-"))
