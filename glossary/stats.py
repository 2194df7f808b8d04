"""Counting a glossary: entries by category, and forms verified, unverified or missing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from glossary.model import CATEGORIES, Glossary

LANGS = ("km", "ko")


@dataclass
class GlossaryStats:
    entries: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    # forms[lang] = {"verified": n, "unverified": n, "missing": n}
    forms: dict[str, dict[str, int]] = field(default_factory=dict)
    unverified: dict[str, list[str]] = field(default_factory=dict)  # lang -> entry ids


def glossary_stats(glossary: Glossary) -> GlossaryStats:
    """Counts for `tonle glossary stats`; categories in schema order."""
    categories = Counter(entry.category for entry in glossary)
    stats = GlossaryStats(
        entries=len(glossary),
        by_category={c: categories[c] for c in CATEGORIES if categories[c]},
    )
    for lang in LANGS:
        counts = {"verified": 0, "unverified": 0, "missing": 0}
        pending: list[str] = []
        for entry in glossary:
            form = entry.form(lang)
            state = "missing" if form is None else form.status.value
            counts[state] += 1
            if state == "unverified":
                pending.append(entry.id)
        stats.forms[lang] = counts
        stats.unverified[lang] = pending
    return stats
