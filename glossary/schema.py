"""Turning a composed YAML node tree into entries, with a problem for every deviation.

Working on nodes rather than constructed Python objects gives every value its line and
column, and means no YAML tag can ever construct anything: an unknown tag is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from glossary.i18n import N_, _
from glossary.model import CATEGORIES, Alias, Entry, Form, Source, Status
from glossary.normalize import LATIN_LETTER, is_nfc, normalize, show_codepoints
from glossary.problems import Problem, Severity

T = TypeVar("T")
_YAML = "tag:yaml.org,2002:"
_PLAIN_TAGS = {f"{_YAML}{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_TRUE = {"true", "yes", "on", "y"}
_FALSE = {"false", "no", "off", "n"}

TOP_KEYS = ("title", "entries")
ENTRY_KEYS = ("id", "category", "en", "aliases", "match_case", "note", "km", "ko", "override")
# What an override may replace: every key of an entry but its id and the flag itself.
OVERRIDE_KEYS = ENTRY_KEYS[1:-1]
FORM_KEYS = ("text", "romanization", "hanja", "status", "sources", "variants")
SOURCE_KEYS = ("ref", "shows")
ALIAS_KEYS = ("text", "match_case")

# What a message can be about: descriptions are translated, key names (id, note,
# km text…) are shown as written in the file, since that is what the reader edits.
_DESCRIPTIONS = frozenset(
    {
        N_("the glossary"),
        N_("an entry"),
        N_("entry"),
        N_("an alias"),
        N_("alias"),
        N_("a source"),
        N_("source"),
        N_("the km form"),
        N_("the ko form"),
        N_("a variant"),
    }
)
_FORM_NAMES = {"km": N_("the km form"), "ko": N_("the ko form")}


def _name(what: str) -> str:
    """`what` as a message shows it: a description in the interface language, a key
    name as it is."""
    return _(what) if what in _DESCRIPTIONS else what


@dataclass
class Reader:
    """Reads nodes of one file, collecting problems instead of raising."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    # (id, file:line:col) of entries with an id that could not be built, so that a
    # duplicate id is found in the same pass as the entry's other problems.
    broken_ids: list[tuple[str, str]] = field(default_factory=list)

    def problem(self, node: Node, message: str, severity: Severity = Severity.ERROR) -> None:
        mark = node.start_mark
        line, column = mark.line + 1, mark.column + 1
        self.problems.append(Problem(self.path, line, column, message, severity))

    def where(self, node: Node) -> str:
        """`file:line:column` of a node, kept with an entry for later messages."""
        return f"{self.path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"

    def plain(self, node: Node) -> bool:
        """False (with a problem) for a tag that could construct an object."""
        if node.tag in _PLAIN_TAGS:
            return True
        message = _("tag {tag} is not allowed: a glossary holds only plain data")
        self.problem(node, message.format(tag=node.tag))
        return False

    def mapping(self, node: Node, keys: tuple[str, ...], what: str) -> dict[str, Node] | None:
        """The mapping's values by key; unknown and repeated keys are problems."""
        if not self.plain(node):
            return None
        if not isinstance(node, MappingNode):
            message = _("{what} must be a mapping of keys to values")
            self.problem(node, message.format(what=_name(what)))
            return None
        fields: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key not in keys:
                self.unknown_key(key_node, key, keys, what)
            elif key in fields:
                message = _("key {key} appears twice in {what}")
                self.problem(key_node, message.format(key=repr(key), what=_name(what)))
            elif not _is_null(value_node):
                fields[key] = value_node
        return fields

    def unknown_key(self, node: Node, key: str | None, keys: tuple[str, ...], what: str) -> None:
        """An unknown key, with the allowed key it was probably meant to be."""
        close = get_close_matches(str(key).lower(), keys, n=1, cutoff=0.6) if key else []
        if close:
            message = _("unknown key {key} in {what}: did you mean {close}?")
            self.problem(node, message.format(key=repr(key), what=_name(what), close=close[0]))
            return
        message = _("unknown key {key} in {what} (allowed: {allowed})")
        allowed = ", ".join(keys)
        self.problem(node, message.format(key=repr(key), what=_name(what), allowed=allowed))

    def text(self, node: Node, what: str) -> str | None:
        if not self.plain(node):
            return None
        if not isinstance(node, ScalarNode) or node.tag != f"{_YAML}str":
            message = _("{what} must be text, not {kind}")
            self.problem(node, message.format(what=_name(what), kind=_describe(node)))
            return None
        value = str(node.value).strip()
        if not value:
            self.problem(node, _("{what} is empty").format(what=_name(what)))
            return None
        if not is_nfc(value):
            message = _("{what} is not in Unicode NFC (NFC form: {nfc})")
            self.problem(node, message.format(what=_name(what), nfc=repr(normalize(value))))
        return value

    def flag(self, node: Node, what: str) -> bool:
        value = str(node.value).lower() if isinstance(node, ScalarNode) else ""
        if value in _TRUE | _FALSE and self.plain(node):
            return value in _TRUE
        message = _("{what} must be true or false, not {kind}")
        self.problem(node, message.format(what=_name(what), kind=_describe(node)))
        return False

    def items(self, node: Node, what: str, read: Callable[[Node], T | None]) -> tuple[T, ...]:
        if not self.plain(node):
            return ()
        if not isinstance(node, SequenceNode):
            message = _("{what} must be a list, not {kind}")
            self.problem(node, message.format(what=_name(what), kind=_describe(node)))
            return ()
        values = (read(item) for item in node.value)
        return tuple(v for v in values if v is not None)

    def required(self, fields: dict[str, Node], key: str, node: Node, what: str) -> Node | None:
        if key not in fields:
            message = _("{what} is missing the required key {key}")
            self.problem(node, message.format(what=_name(what), key=repr(key)))
        return fields.get(key)


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == f"{_YAML}null"


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return _("a mapping")
    if isinstance(node, SequenceNode):
        return _("a list")
    kind = {"int": N_("a number"), "float": N_("a number"), "bool": N_("true/false")}
    tag = node.tag.removeprefix(_YAML)
    return _(kind[tag]) if tag in kind else repr(node.value)


def read_entries(reader: Reader, root: Node) -> tuple[str, list[Entry]]:
    """The file's title and entries; every problem goes to `reader.problems`."""
    entries_node: Node | None = root
    title = ""
    if isinstance(root, MappingNode):
        top = reader.mapping(root, TOP_KEYS, "the glossary") or {}
        title = reader.text(top["title"], "title") or "" if "title" in top else ""
        entries_node = reader.required(top, "entries", root, "the glossary")
    if entries_node is None:
        return title, []
    entries = reader.items(entries_node, "entries", lambda n: read_entry(reader, n))
    return title, list(entries)


def read_entry(reader: Reader, node: Node) -> Entry | None:
    fields = reader.mapping(node, ENTRY_KEYS, "an entry")
    if fields is None:
        return None
    override = "override" in fields and reader.flag(fields["override"], "override")
    values: dict[str, str | None] = {}
    for key in ("id", "category", "en"):
        if override and key != "id" and key not in fields:
            values[key] = ""  # an override keeps the earlier entry's value
            continue
        value_node = reader.required(fields, key, node, "entry")
        values[key] = reader.text(value_node, key) if value_node else None
    entry_id, category, en = values["id"], values["category"], values["en"]
    if entry_id is not None and not _ID.match(entry_id):
        message = _("id {id} must be lowercase a-z, 0-9 and '-'")
        reader.problem(fields["id"], message.format(id=repr(entry_id)))
    if category and category not in CATEGORIES:
        _unknown_category(reader, fields["category"], category)
    # Every field is read even when the entry cannot be built, so that one pass of
    # `glossary check` reports every problem of the file.
    aliases = _optional(fields, "aliases", lambda n: reader.items(n, "aliases", _alias(reader)))
    note = (reader.text(fields["note"], "note") if "note" in fields else None) or ""
    match_case = "match_case" in fields and reader.flag(fields["match_case"], "match_case")
    km = _optional(fields, "km", lambda n: read_form(reader, n, "km"))
    ko = _optional(fields, "ko", lambda n: read_form(reader, n, "ko"))
    if entry_id is None or category is None or en is None:
        if entry_id is not None:
            reader.broken_ids.append((entry_id, reader.where(node)))
        return None
    return Entry(
        id=entry_id,
        category=category,
        en=en,
        aliases=aliases or (),
        note=note,
        match_case=match_case,
        km=km,
        ko=ko,
        origin=reader.where(node),
        overrides=_overridden(node, fields) if override else (),
    )


def _unknown_category(reader: Reader, node: Node, category: str) -> None:
    close = get_close_matches(category, CATEGORIES, n=1, cutoff=0.6)
    if close:
        message = _("unknown category {category}: did you mean {close}?")
        reader.problem(node, message.format(category=repr(category), close=close[0]))
        return
    message = _("unknown category {category} (one of: {categories})")
    reader.problem(node, message.format(category=repr(category), categories=", ".join(CATEGORIES)))


_CLEARABLE = ("aliases", "match_case", "note", "km", "ko")


def _overridden(node: Node, fields: dict[str, Node]) -> tuple[str, ...]:
    """The keys an override replaces: those it gives, and those it sets to null (which
    clears them; the headword and category cannot be cleared)."""
    assert isinstance(node, MappingNode)
    nulls = {k.value for k, v in node.value if isinstance(k, ScalarNode) and _is_null(v)}
    given = (k for k in OVERRIDE_KEYS if k in fields or (k in nulls and k in _CLEARABLE))
    return ("id", *given)


def _optional(fields: dict[str, Node], key: str, read: Callable[[Node], T]) -> T | None:
    return read(fields[key]) if key in fields else None


def _alias(reader: Reader) -> Callable[[Node], Alias | None]:
    def read(node: Node) -> Alias | None:
        if not isinstance(node, MappingNode):
            text = reader.text(node, "an alias")
            return Alias(text) if text else None
        fields = reader.mapping(node, ALIAS_KEYS, "an alias") or {}
        text_node = reader.required(fields, "text", node, "alias")
        text = reader.text(text_node, "alias text") if text_node else None
        match_case = "match_case" in fields and reader.flag(fields["match_case"], "match_case")
        return Alias(text, match_case) if text else None

    return read


def read_form(reader: Reader, node: Node, lang: str) -> Form | None:
    fields = reader.mapping(node, FORM_KEYS, _FORM_NAMES[lang])
    if fields is None:
        return None
    if lang == "km" and "hanja" in fields:
        reader.problem(fields["hanja"], _("hanja belongs to the ko form, not the km form"))
    text_node = reader.required(fields, "text", node, _FORM_NAMES[lang])
    status_node = reader.required(fields, "status", node, _FORM_NAMES[lang])
    text = _script_text(reader, text_node, lang, f"{lang} text") if text_node else None
    status = _status(reader, status_node) if status_node else None
    sources = _optional(fields, "sources", lambda n: _sources(reader, n)) or ()
    if status is Status.VERIFIED and not sources:
        assert status_node is not None
        message = _("the {lang} form is marked verified but names no source")
        reader.problem(status_node, message.format(lang=lang))
    elif not sources and text is not None:
        message = _("the {lang} form {text} has no source")
        reader.problem(node, message.format(lang=lang, text=repr(text)), Severity.WARNING)

    def optional_text(key: str) -> str:
        return _optional(fields, key, lambda n: reader.text(n, f"{lang} {key}")) or ""

    romanization = optional_text("romanization")
    hanja = _hanja(reader, fields) if lang == "ko" else ""
    variants = _optional(fields, "variants", lambda n: _variants(reader, n, lang)) or ()
    if text is None or status is None:
        return None
    return Form(text, status, romanization, hanja, sources, variants)


def _status(reader: Reader, node: Node) -> Status | None:
    value = reader.text(node, "status")
    if value is None:
        return None
    try:
        return Status(value)
    except ValueError:
        close = get_close_matches(value.lower(), [s.value for s in Status], n=1, cutoff=0.6)
        if close:
            message = _(
                "status must be 'verified' or 'unverified', not {value}: did you mean {close}?"
            )
            reader.problem(node, message.format(value=repr(value), close=close[0]))
        else:
            message = _("status must be 'verified' or 'unverified', not {value}")
            reader.problem(node, message.format(value=repr(value)))
        return None


def _sources(reader: Reader, node: Node) -> tuple[Source, ...]:
    def read(item: Node) -> Source | None:
        if isinstance(item, ScalarNode):
            ref = reader.text(item, "a source")
            return Source(ref) if ref else None
        fields = reader.mapping(item, SOURCE_KEYS, "a source") or {}
        ref_node = reader.required(fields, "ref", item, "source")
        ref = reader.text(ref_node, "source ref") if ref_node else None
        shows = _optional(fields, "shows", lambda n: reader.text(n, "shows")) or ""
        return Source(ref, shows) if ref else None

    return reader.items(node, "sources", read)


def _variants(reader: Reader, node: Node, lang: str) -> tuple[str, ...]:
    # A variant records a spelling as sources type it, so Khmer typed in another character
    # order (COENG DA for COENG TA, say) is allowed here; linking and search normalise it.
    read = lambda n: _script_text(reader, n, lang, "a variant", check_order=False)  # noqa: E731
    return reader.items(node, "variants", read)


_LATIN_IN = {
    "km": N_("{what} {value} contains Latin letters; Khmer only"),
    "ko": N_("{what} {value} contains Latin letters; Korean only"),
}
_HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\s]+\Z")


def _script_text(
    reader: Reader, node: Node, lang: str, what: str, *, check_order: bool = True
) -> str | None:
    """Read a Khmer or Korean string and check its script and character order."""
    value = reader.text(node, what)
    if value is None:
        return None
    if LATIN_LETTER.search(value):
        message = _(_LATIN_IN[lang])
        reader.problem(node, message.format(what=_name(what), value=repr(value)))
    if check_order and lang == "km" and is_nfc(value) and normalize(value) != value:
        canonical = normalize(value)
        message = _(
            "Khmer {value} is not in canonical character order; canonical form is "
            "{canonical} ({codepoints})"
        )
        reader.problem(
            node,
            message.format(
                value=repr(value),
                canonical=repr(canonical),
                codepoints=show_codepoints(canonical),
            ),
        )
    return value


def _hanja(reader: Reader, fields: dict[str, Node]) -> str:
    if "hanja" not in fields:
        return ""
    value = reader.text(fields["hanja"], "hanja") or ""
    if value and not _HAN.match(value):
        message = _("hanja {value} must be Han characters only")
        reader.problem(fields["hanja"], message.format(value=repr(value)))
    return value
