"""What looks like a name in English prose: runs of capitalised words.

Shared by `suggest` (candidates for the glossary) and `partial` (a linked entry that is
only a part of a longer name): a run is capitalised words, possibly joined by "of",
"and", "the", "for", "de", "du", within one paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CAP = r"[A-Z][\w.'’-]*\w|[A-Z]"
_SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # one line break at most: a name never spans paragraphs
_JOIN = rf"(?:{_SPACE}(?:of|and|the|for|de|du){_SPACE}|{_SPACE})"
RUN = re.compile(rf"\b(?:{_CAP})(?:(?:{_JOIN})(?:{_CAP}))*")
JOINERS = frozenset({"of", "and", "the", "for", "de", "du"})

# Words that start a sentence (or follow a comma) in news prose and are never the first
# word of a name; also titles before a personal name.
LEADING = frozenset(
    """a an the and but or nor so yet if as at by in on of to for from with into onto upon
    after before during since until while when where whether although though because
    however meanwhile moreover furthermore also then thus yesterday today tomorrow tonight
    earlier later last next this that these those his her its their our my your we they
    he she it i there here according speaking separately following under over now both
    each every all some many most several such another other new former current late
    mr mrs ms dr prof sir madam one two three four five six seven eight nine ten
    dozens hundreds thousands millions""".split()  # noqa: SIM905
)
# Words that end a title before a personal name: "Foreign Minister Cho Tae-yul".
TITLES = frozenset(
    """President Premier Minister King Queen Prince Princess Ambassador Governor Chairman
    Chairwoman Chair Secretary Secretary-General Director Director-General Spokesman
    Spokeswoman Spokesperson Senator Lawmaker Mayor Samdech Lok Oknha""".split()  # noqa: SIM905
)
CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()  # noqa: SIM905
)

_HEADLINE_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def headline_spans(text: str) -> Iterator[tuple[int, int]]:
    """Lines in title case ("Stronger Relations, Greater Mutual Interests"): most of
    their longer words are capitalised and no sentence ends in them, so capitals there
    do not mark names."""
    start = 0
    for line in text.split("\n"):
        words = _HEADLINE_WORD.findall(line)
        capitals = sum(w[0].isupper() for w in words)
        if len(words) >= 3 and capitals * 3 >= len(words) * 2 and not _SENTENCE_END.search(line):
            yield start, start + len(line)
        start += len(line) + 1
