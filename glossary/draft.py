"""A new or edited entry as typed into a form (or given on the command line), checked
with the loader's own rules before anything is written.

`Draft` holds the typed strings. `check_draft` normalises them (NFC, canonical Khmer
order, and says so when that changed what was typed), builds the entry, and validates
it by reading it back through `schema.read_entry`, so that a form and `glossary check`
can never disagree. Each problem names the field it is about.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from glossary.claims import LayeredClaims
from glossary.entry_data import Data, entry_data
from glossary.i18n import _
from glossary.model import Alias, Entry, Form, Source, Status
from glossary.normalize import normalize
from glossary.problems import Severity
from glossary.schema import Reader, read_entry

FIELDS = (
    "en", "aliases", "category", "note", "id",
    "km.text", "km.romanization", "km.source",
    "ko.text", "ko.romanization", "ko.hanja", "ko.source",
)  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class Draft:
    """What was typed, field by field (`FIELDS`); aliases separated by ';' or new lines."""

    values: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str:
        return self.values.get(name, "")


@dataclass(frozen=True)
class FieldProblem:
    field: str  # one of FIELDS, or "" for the entry as a whole
    message: str
    is_error: bool = True


@dataclass
class Checked:
    """The draft's entry (None when it has errors), its problems and what was normalised."""

    entry: Entry | None
    problems: list[FieldProblem]
    notices: list[str]

    @property
    def errors(self) -> list[FieldProblem]:
        return [p for p in self.problems if p.is_error]


def draft_of(entry: Entry) -> Draft:
    """The form's fields for an existing entry (first source of each form)."""
    values = {"en": entry.en, "aliases": "; ".join(a.text for a in entry.aliases)}
    values |= {"category": entry.category, "note": entry.note, "id": entry.id}
    for lang in ("km", "ko"):
        form = entry.form(lang)
        if form is not None:
            values[f"{lang}.text"] = form.text
            values[f"{lang}.romanization"] = form.romanization
            values[f"{lang}.source"] = form.sources[0].ref if form.sources else ""
            if lang == "ko":
                values["ko.hanja"] = form.hanja
    return Draft(values)


def suggested_id(en: str, taken: LayeredClaims) -> str:
    """`Hun Sen` → `hun-sen`; `-2`, `-3`… when taken; `term` when nothing Latin is left."""
    plain = unicodedata.normalize("NFKD", en).encode("ascii", "ignore").decode().lower()
    stem = _SLUG.sub("-", plain).strip("-")[:48].strip("-") or "term"
    candidate, number = stem, 2
    while taken.has_id(candidate):
        candidate, number = f"{stem}-{number}", number + 1
    return candidate


def _normalised(draft: Draft, notices: list[str]) -> dict[str, str]:
    """Every field stripped, NFC and in canonical Khmer order, with a notice for a field
    whose text that changed."""
    values = {}
    for name in FIELDS:
        typed = " ".join(draft.get(name).split()) if name != "aliases" else draft.get(name)
        value = normalize(typed.strip())
        if value != typed.strip():
            notices.append(_("{field}: normalised to {text}").format(field=name, text=value))
        values[name] = value
    return values


def _form(values: dict[str, str], lang: str, base: Form | None) -> Form | None:
    text = values[f"{lang}.text"]
    if not text:
        return None
    ref = values[f"{lang}.source"]
    kept = base.sources if base is not None else ()
    # The first source as it was: keep every source, with what each showed.
    keep = bool(kept) and kept[0].ref == ref
    sources = kept if keep else (Source(ref), *kept[1:]) if ref else ()
    return Form(
        text=text,
        status=Status.VERIFIED if sources else Status.UNVERIFIED,
        romanization=values[f"{lang}.romanization"],
        hanja=values.get(f"{lang}.hanja", "") if lang == "ko" else "",
        sources=sources,
        variants=base.variants if base is not None else (),
    )


def _entry(values: dict[str, str], base: Entry | None, entry_id: str) -> Entry:
    aliases = [a.strip() for a in re.split(r"[;\n]", values["aliases"]) if a.strip()]
    cased = {a.text: a.match_case for a in base.aliases} if base else {}
    return Entry(
        id=entry_id,
        category=values["category"],
        en=values["en"],
        aliases=tuple(Alias(a, cased.get(a, False)) for a in aliases),
        note=values["note"],
        km=_form(values, "km", base.km if base else None),
        ko=_form(values, "ko", base.ko if base else None),
        match_case=base.match_case if base else False,
    )


class _FieldReader(Reader):
    """A schema reader that also remembers which node each problem is about."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.nodes: list[Node] = []

    def problem(self, node: Node, message: str, severity: Severity = Severity.ERROR) -> None:
        super().problem(node, message, severity)
        self.nodes.append(node)


def _descendants(node: Node) -> list[Node]:
    found = [node]
    if isinstance(node, SequenceNode):
        for item in node.value:
            found += _descendants(item)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            found += [key, *_descendants(value)]
    return found


def _field_map(entry_node: MappingNode) -> dict[int, str]:
    """id(node) -> the form field it came from, for every node of an entry."""
    fields: dict[int, str] = {}
    for key, value in entry_node.value:
        name = str(key.value)
        if name in ("km", "ko") and isinstance(value, MappingNode):
            fields[id(key)] = fields[id(value)] = f"{name}.text"
            for sub_key, sub_value in value.value:
                sub = f"{name}.{'source' if sub_key.value == 'sources' else sub_key.value}"
                fields.update((id(n), sub) for n in [sub_key, *_descendants(sub_value)])
        else:
            fields.update((id(n), name) for n in [key, *_descendants(value)])
    return fields


def _schema_problems(data: Data) -> list[FieldProblem]:
    """The loader's own verdict on one entry, each problem with its field."""
    node = yaml.compose(yaml.safe_dump([data], allow_unicode=True), Loader=yaml.SafeLoader)
    assert isinstance(node, SequenceNode) and isinstance(node.value[0], MappingNode)
    reader = _FieldReader("<form>")
    read_entry(reader, node.value[0])
    fields = _field_map(node.value[0])
    return [
        FieldProblem(fields.get(id(n), ""), p.message, p.is_error)
        for n, p in zip(reader.nodes, reader.problems, strict=True)
    ]


def _claim_problems(entry: Entry, claims: LayeredClaims, base: Entry | None) -> list[FieldProblem]:
    problems = []
    if (base is None or base.id != entry.id) and claims.has_id(entry.id):
        message = _("the id {id} is already taken").format(id=repr(entry.id))
        problems.append(FieldProblem("id", message))
    for index, form in enumerate(entry.english_forms()):
        owner = claims.owner(form.text)
        if owner is not None and owner != entry.id and (base is None or owner != base.id):
            message = _("{text} is already an English form of {owner}")
            field_name = "en" if index == 0 else "aliases"
            problems.append(
                FieldProblem(field_name, message.format(text=repr(form.text), owner=repr(owner)))
            )
    return problems


def _typing_problems(values: dict[str, str]) -> list[FieldProblem]:
    problems = []
    for name, value in values.items():
        if _CONTROL.search(value):
            problems.append(FieldProblem(name, _("control characters are not allowed")))
    if not values["en"]:
        problems.append(FieldProblem("en", _("the English headword is empty")))
    return problems


def check_draft(draft: Draft, claims: LayeredClaims, base: Entry | None = None) -> Checked:
    """Normalise and validate `draft`; `base` is the entry being edited (None: a new one).
    An empty id is made from the headword (`suggested_id`)."""
    notices: list[str] = []
    values = _normalised(draft, notices)
    if not values["category"]:
        values["category"] = base.category if base else "term"
    entry_id = values["id"] or (base.id if base else suggested_id(values["en"], claims))
    entry = _entry(values, base, entry_id)
    problems = _typing_problems(values)
    if values["en"]:
        problems += _schema_problems(entry_data(entry))
        problems += _claim_problems(entry, claims, base)
    has_errors = any(p.is_error for p in problems)
    return Checked(None if has_errors else entry, problems, notices)


def problem_line(problem: FieldProblem) -> str:
    """`en: the English headword is empty`, for the command line."""
    return f"{problem.field}: {problem.message}" if problem.field else problem.message
