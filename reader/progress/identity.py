"""How documents and paragraphs are recognised again: hashes of their normalised text.

A paragraph's key is the SHA-256 of its text with whitespace collapsed, so re-wrapping
a paragraph or changing the blank lines around it keeps its key; a document's id is the
SHA-256 of its paragraphs' collapsed texts in order, so the same text opened from two
paths (or re-wrapped) is one document. Identical paragraphs in one document share a key,
and so share their read mark.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

from glossary.document import Document
from reader.progress.models import DocumentRecord


def collapse(text: str) -> str:
    """NFC text with every run of whitespace made one space, ends trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def paragraph_key(text: str) -> str:
    """The SHA-256 (hex) of a paragraph's collapsed text."""
    return hashlib.sha256(collapse(text).encode("utf-8")).hexdigest()


def paragraph_keys(document: Document) -> tuple[str, ...]:
    """Every paragraph's key, in order (title and source line included)."""
    return tuple(paragraph_key(p.text) for p in document.paragraphs)


def document_id(document: Document) -> str:
    """The SHA-256 (hex) of the document's collapsed paragraphs joined by blank lines."""
    content = "\n\n".join(collapse(p.text) for p in document.paragraphs)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    """Words as readers count them: runs of non-space characters."""
    return len(text.split())


def is_revision(old_keys: Sequence[str], new_keys: Sequence[str]) -> bool:
    """Whether `new_keys` is an edit of `old_keys` rather than another text at the same path.

    An edit keeps at least half the paragraphs of the shorter version, so a file that
    was overwritten with a different article does not inherit the old one's progress.
    """
    if not old_keys or not new_keys:
        return False
    shared = len(set(old_keys) & set(new_keys))
    return shared >= max(1, min(len(set(old_keys)), len(set(new_keys))) / 2)


def resume_index(document: Document, record: DocumentRecord | None) -> int:
    """The paragraph to resume at: the stored paragraph wherever it moved, else its old index.

    When the current paragraph occurs more than once, the occurrence nearest the stored
    index wins; when it was edited away, the stored index (clamped) is used.
    """
    if record is None or not document.paragraphs:
        return 0
    last = len(document.paragraphs) - 1
    wanted = min(max(record.current_index, 0), last)
    if record.current_key is None:
        return wanted
    keys = paragraph_keys(document)
    found = [index for index, key in enumerate(keys) if key == record.current_key]
    if not found:
        return wanted
    return min(found, key=lambda index: abs(index - record.current_index))
