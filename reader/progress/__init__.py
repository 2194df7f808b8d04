"""Reading progress that lasts: documents, read marks, term statuses and daily totals.

The UI uses `ProgressStore` (store.py) and the pure helpers re-exported here; nothing
in this package imports textual or rich.
"""

from reader.progress.identity import document_id, paragraph_key, resume_index
from reader.progress.models import (
    DayStats,
    DocumentRecord,
    MergeReport,
    Overview,
    ParagraphState,
    Snapshot,
    TermRecord,
    TermStatus,
)
from reader.progress.store import ProgressStore
from reader.progress.summary import (
    format_duration,
    paragraphs_line,
    progress_line,
    reading_streak,
    status_counts,
    terms_line,
)

__all__ = [
    "DayStats",
    "DocumentRecord",
    "MergeReport",
    "Overview",
    "ParagraphState",
    "ProgressStore",
    "Snapshot",
    "TermRecord",
    "TermStatus",
    "document_id",
    "format_duration",
    "paragraph_key",
    "paragraphs_line",
    "progress_line",
    "reading_streak",
    "resume_index",
    "status_counts",
    "terms_line",
]
