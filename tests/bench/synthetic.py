"""Deterministic synthetic data for benchmarks: a large glossary and a 1 MB text."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

_SYLLABLES = ["ka", "sa", "na", "ro", "mi", "phe", "thu", "vong", "chan", "dara", "sok", "lim"]
_KHMER = ["ក", "ខ", "គ", "ង", "ច", "ស", "ហ", "ន", "ម", "រ", "ល", "វ"]
_KHMER_VOWELS = ["ា", "ិ", "ី", "ុ", "េ", "ែ", "ោ", ""]
_FILLER = [
    "the",
    "ministry",
    "said",
    "on",
    "monday",
    "that",
    "talks",
    "on",
    "trade",
    "and",
    "investment",
    "would",
    "continue",
    "next",
    "week",
    "while",
    "officials",
    "from",
    "both",
    "countries",
    "met",
    "in",
    "the",
    "capital",
    "to",
    "discuss",
    "cooperation",
]


def _name(rng: random.Random, words: int) -> str:
    parts = (
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(words)
    )
    return " ".join(p.capitalize() for p in parts)


def _khmer(rng: random.Random) -> str:
    syllables = [
        rng.choice(_KHMER) + "្" + rng.choice(_KHMER) + rng.choice(_KHMER_VOWELS) for _ in range(3)
    ]
    return "".join(syllables)


def _hangul(rng: random.Random) -> str:
    return "".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(rng.randint(2, 4)))


def make_entries(count: int, seed: int = 7) -> list[dict[str, object]]:
    rng = random.Random(seed)
    entries: list[dict[str, object]] = []
    used: set[str] = set()
    while len(entries) < count:
        en = _name(rng, rng.randint(1, 3))
        aliases = [f"{en} Group", f"the {en} Office"][: rng.randint(0, 2)]
        if en.lower() in used or any(a.lower() in used for a in aliases):
            continue
        used.update([en.lower(), *(a.lower() for a in aliases)])
        entries.append(
            {
                "id": f"e{len(entries)}",
                "category": rng.choice(["person", "place", "organisation", "term"]),
                "en": en,
                "aliases": aliases,
                "note": f"Synthetic entry number {len(entries)}.",
                "km": {"text": _khmer(rng), "romanization": en, "status": "unverified"},
                "ko": {"text": _hangul(rng), "romanization": en, "status": "unverified"},
            }
        )
    return entries


def write_glossary(path: Path, count: int) -> list[dict[str, object]]:
    entries = make_entries(count)
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(
            {"title": f"Synthetic {count}", "entries": entries},
            stream,
            Dumper=yaml.CSafeDumper,
            allow_unicode=True,
        )
    return entries


def make_text(entries: list[dict[str, object]], size: int = 1_000_000, seed: int = 11) -> str:
    """About `size` characters of prose mentioning entries, in paragraphs of ~1.3 KB."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 1300:
            if rng.random() < 0.08:
                words.append(str(rng.choice(entries)["en"]) + rng.choice(["", "'s", ","]))
            else:
                words.append(rng.choice(_FILLER))
        paragraph = " ".join(words).capitalize() + "."
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)
