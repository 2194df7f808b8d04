"""The personal glossary over the shipped one: linked at once, without rebuilding the
big matcher for one new term.

The shipped glossary (and any `--glossary` files) is the *base*: loaded, indexed and
matched once. The personal glossary is the *top*: its entries (overrides resolved
against the base) get a matcher of their own, a few milliseconds to build. At link time
both matchers' raw hits are merged and the leftmost-longest rule is applied once over
all of them, so the result is the one a single matcher over both glossaries would give;
hits of base entries that the top overrides are dropped (the top's version links them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from glossary.claims import Claims, LayeredClaims
from glossary.fold import fold_text, pattern_key
from glossary.i18n import _
from glossary.linker import Link, Linker
from glossary.model import Entry, Glossary
from glossary.overrides import overlay
from glossary.problems import Problem


def _where(entry: Entry) -> tuple[str, int, int]:
    path, line, column = entry.origin.rsplit(":", 2) if entry.origin else ("", "1", "1")
    return path, int(line), int(column)


class LayeredLinker(Linker):
    """Links against a base linker and a small top one, as if they were one."""

    def __init__(self, base: Linker, top: Linker, hidden: frozenset[str]) -> None:
        # No super().__init__: the two linkers hold the patterns.
        self.base, self.top, self.hidden = base, top, hidden
        self.pattern_count = base.pattern_count + top.pattern_count

    def link(self, text: str) -> list[Link]:
        if not self.top.pattern_count and not self.hidden:
            return self.base.link(text)
        if not text:
            return []
        folded = fold_text(text)
        base_id, top_id = self.base.entry_id, self.top.entry_id
        merged = [(s, e, 1, base_id(i)) for s, e, i in self.base.hits(folded)]
        if self.hidden:
            merged = [hit for hit in merged if hit[3] not in self.hidden]
        merged += [(s, e, 0, top_id(i)) for s, e, i in self.top.hits(folded)]
        merged.sort()  # on an equal span the top (layer 0) wins
        links: list[Link] = []
        reach = 0
        for start, negative_end, _layer, entry_id in merged:
            if start >= reach:
                reach = -negative_end
                begin, finish = folded.span(start, reach)
                links.append(Link(begin, finish, entry_id, text[begin:finish]))
        return links


@dataclass
class Combined:
    """What the reader shows: both glossaries as one, their linker, their claims, and
    problems of personal entries that could not be used (they are left out)."""

    glossary: Glossary
    linker: LayeredLinker
    claims: LayeredClaims
    problems: list[Problem] = field(default_factory=list)
    personal: Glossary = field(default_factory=lambda: Glossary(()))  # as in its file


@dataclass
class Layers:
    """The base glossary, indexed once; `combine` puts a personal glossary over it."""

    base: Glossary
    base_linker: Linker
    base_claims: Claims
    position: dict[str, int]  # id -> index of the base entry

    @classmethod
    def build(cls, base: Glossary, linker: Linker | None = None) -> Layers:
        """Index the base (a second or more for 20,000 entries: run it in a worker);
        `linker` is the base's linker if there is one already."""
        position = {entry.id: index for index, entry in enumerate(base.entries)}
        return cls(base, linker or Linker(base), Claims.of(base.entries), position)

    def combine(self, personal: Glossary) -> Combined:
        """`personal` (entries as read, overrides not yet applied) over the base; a few
        milliseconds for a personal glossary of a few hundred entries."""
        top, replaced, problems = self._resolve(personal)
        glossary = self._merged(top, replaced, personal)
        linker = LayeredLinker(self.base_linker, Linker(Glossary(tuple(top))), replaced)
        claims = LayeredClaims(self.base_claims, Claims.of(top), replaced)
        return Combined(glossary, linker, claims, problems, personal)

    def _merged(self, top: list[Entry], replaced: frozenset[str], personal: Glossary) -> Glossary:
        """The base's entries with the overridden ones in their place, then the personal
        ones; made from copies of the base's list and index, not entry by entry."""
        entries = list(self.base.entries)
        by_id = self.base.index_copy()
        for entry in top:
            if entry.id in replaced:
                entries[self.position[entry.id]] = entry
            else:
                entries.append(entry)
            by_id[entry.id] = entry
        titles, paths = self.base.titles + personal.titles, self.base.paths + personal.paths
        return Glossary(tuple(entries), titles, paths, by_id)

    def _resolve(self, personal: Glossary) -> tuple[list[Entry], frozenset[str], list[Problem]]:
        top: list[Entry] = []
        replaced: set[str] = set()
        problems: list[Problem] = []
        for entry in personal.entries:
            base = self.base.get(entry.id)
            if entry.overrides and base is None:
                message = _("override of {id}: no glossary loaded before this file defines it")
                problems.append(Problem(*_where(entry), message.format(id=repr(entry.id))))
            elif entry.overrides:
                top.append(overlay(base, entry))  # type: ignore[arg-type]
                replaced.add(entry.id)
            elif base is not None:
                message = _("duplicate id {id}; first defined ({origin})")
                problems.append(
                    Problem(*_where(entry), message.format(id=repr(entry.id), origin=base.origin))
                )
            else:
                top.append(entry)
        return self._claimed(top, frozenset(replaced), problems)

    def _claimed(
        self, top: list[Entry], replaced: frozenset[str], problems: list[Problem]
    ) -> tuple[list[Entry], frozenset[str], list[Problem]]:
        """Leave out personal entries with an English form that a base entry claims."""
        kept = []
        for entry in top:
            clash = self._clash(entry, replaced)
            if clash is None:
                kept.append(entry)
            else:
                problems.append(Problem(*_where(entry), clash))
        return kept, replaced, problems

    def _clash(self, entry: Entry, replaced: frozenset[str]) -> str | None:
        for form in entry.english_forms():
            owner = self.base_claims.english.get(pattern_key(form.text))
            if owner is not None and owner != entry.id and owner not in replaced:
                message = _("alias {alias} of {id} is also claimed by {owner} ({origin})")
                base = self.base.get(owner)
                origin = base.origin if base else ""
                return message.format(
                    alias=repr(form.text), id=repr(entry.id), owner=repr(owner), origin=origin
                )
        return None
