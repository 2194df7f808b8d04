"""The personal glossary: writing entries never loses anything, overrides change only
what they give, and a new term links at once exactly as if both glossaries were one."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from glossary.claims import Claims, LayeredClaims
from glossary.draft import Draft, check_draft, draft_of
from glossary.entry_data import entry_data, override_data
from glossary.filelock import backup_path
from glossary.layers import Layers
from glossary.linker import Linker
from glossary.loader import load, load_or_raise, parse_text
from glossary.model import Glossary, Status
from glossary.personal import GlossaryFile, WriteRefused
from tests.conftest import FIXTURES, ROOT

SHIPPED = ROOT / "glossary" / "data" / "cambodia-korea.yaml"


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_or_raise([SHIPPED]).glossary


@pytest.fixture(scope="module")
def claims(shipped: Glossary) -> LayeredClaims:
    return LayeredClaims(Claims.of(shipped.entries), Claims())


def entry(en: str, entry_id: str, **more: object) -> dict[str, object]:
    return {"id": entry_id, "category": "term", "en": en, **more}


# --- checking what was typed -----------------------------------------------------------


def test_a_draft_with_a_source_is_verified_and_without_one_unverified(claims):
    checked = check_draft(
        Draft({"en": "Kampot pepper", "km.text": "ម្រេចកំពត", "ko.text": "캄폿 후추",
               "ko.source": "https://ko.wikipedia.org/wiki/캄폿_후추"}),
        claims,
    )  # fmt: skip
    assert checked.entry is not None and checked.entry.id == "kampot-pepper"
    assert checked.entry.ko.status is Status.VERIFIED
    assert checked.entry.km.status is Status.UNVERIFIED
    assert [p.field for p in checked.problems] == ["km.text"]  # the warning: no source


def test_khmer_typed_out_of_order_is_normalised_and_the_form_says_so(claims):
    typed = "\u1780\u17c1\u17b6"  # KA, E, AA: two vowel signs typed apart
    checked = check_draft(Draft({"en": "Koh", "km.text": typed}), claims)
    assert checked.entry is not None and checked.entry.km.text == "\u1780\u17c4"
    assert checked.notices == ["km.text: normalised to \u1780\u17c4"]


def test_decomposed_korean_is_stored_composed(claims):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "후추")
    checked = check_draft(Draft({"en": "pepper", "ko.text": nfd}), claims)
    assert checked.entry.ko.text == "후추"


@pytest.mark.parametrize(
    ("values", "field", "fragment"),
    [
        ({"en": ""}, "en", "headword is empty"),
        ({"en": "Hun Sen"}, "en", "already an English form of 'hun-sen'"),
        ({"en": "Mekong", "aliases": "PM Hun Sen"}, "aliases", "'hun-sen'"),
        ({"en": "Mekong", "id": "hun-sen"}, "id", "already taken"),
        ({"en": "Mekong", "id": "Bad Id"}, "id", "lowercase"),
        ({"en": "Mekong", "km.text": "Mekong ទន្លេ"}, "km.text", "Latin letters"),
        ({"en": "Mekong", "ko.text": "메콩 river"}, "ko.text", "Latin letters"),
        ({"en": "Mekong", "ko.text": "메콩", "ko.hanja": "abc"}, "ko.hanja", "Han characters"),
        ({"en": "Mekong", "category": "river"}, "category", "unknown category"),
        ({"en": "Mekong\x1b[31m"}, "en", "control characters"),
    ],
)
def test_a_bad_draft_names_the_field_and_the_rule(claims, values, field, fragment):
    checked = check_draft(Draft(values), claims)
    assert checked.entry is None
    assert any(p.field == field and fragment in p.message for p in checked.errors), checked


def test_an_edit_keeps_the_entrys_own_id_and_forms(shipped, claims):
    hun_sen = shipped.get("hun-sen")
    draft = draft_of(hun_sen)
    draft.values["note"] = "Prime Minister of Cambodia, 1985–2023."
    checked = check_draft(draft, claims, base=hun_sen)
    assert checked.errors == []
    assert checked.entry.km == hun_sen.km and checked.entry.aliases == hun_sen.aliases
    assert override_data(hun_sen, checked.entry) == {
        "id": "hun-sen", "override": True, "note": "Prime Minister of Cambodia, 1985–2023."
    }  # fmt: skip


# --- overrides --------------------------------------------------------------------------


def test_an_override_replaces_only_the_keys_it_gives(tmp_path):
    personal = tmp_path / "personal.yaml"
    personal.write_text(
        "entries:\n  - id: hun-sen\n    override: true\n    note: New note.\n    aliases: [Samdech]\n"
    )
    result = load([SHIPPED, personal])
    assert result.ok, result.errors
    hun_sen = result.glossary.get("hun-sen")
    original = load_or_raise([SHIPPED]).glossary.get("hun-sen")
    assert hun_sen.note == "New note." and [a.text for a in hun_sen.aliases] == ["Samdech"]
    assert hun_sen.km == original.km and hun_sen.en == original.en
    assert Linker(result.glossary).link("Samdech spoke")[0].entry_id == "hun-sen"


def test_an_override_of_an_unknown_id_is_an_error(tmp_path):
    personal = tmp_path / "personal.yaml"
    personal.write_text("entries:\n  - id: nobody\n    override: true\n    note: x\n")
    result = load([SHIPPED, personal])
    assert [str(p) for p in result.errors] == [
        f"{personal}:2:5: override of 'nobody': no glossary loaded before this file defines it"
    ]


def test_a_null_in_an_override_clears_the_key(tmp_path):
    personal = tmp_path / "personal.yaml"
    personal.write_text("entries:\n  - id: hun-sen\n    override: true\n    ko: null\n")
    assert load([SHIPPED, personal]).glossary.get("hun-sen").ko is None


# --- writing the file -------------------------------------------------------------------


def test_adding_keeps_the_users_comments_and_the_previous_version(tmp_path):
    path = tmp_path / "mine.yaml"
    original = "# my notes on these\ntitle: Mine  # keep\nentries:\n  - id: a  # first\n    category: term\n    en: Alpha\n"
    path.write_text(original)
    GlossaryFile(path).add(entry("Beta", "b"))
    text = path.read_text()
    assert "# my notes on these" in text and "# keep" in text and "# first" in text
    assert [e.id for e in parse_text(str(path), text).glossary] == ["a", "b"]
    assert backup_path(path).read_text() == original


def test_an_invalid_change_is_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "personal.yaml"
    store = GlossaryFile(path)
    store.add(entry("Alpha", "a"))
    before = path.read_bytes()
    with pytest.raises(WriteRefused, match=r"personal\.yaml:\d+:\d+: duplicate id 'a'"):
        store.add(entry("Another", "a"))
    assert path.read_bytes() == before


def test_a_broken_file_is_not_written_over(tmp_path):
    path = tmp_path / "personal.yaml"
    path.write_text("entries:\n  - id: a\n    category: term\n")  # no headword
    with pytest.raises(WriteRefused, match=r"missing the required key 'en'.*fix the file first"):
        GlossaryFile(path).add(entry("Beta", "b"))
    assert path.read_text() == "entries:\n  - id: a\n    category: term\n"


def test_an_entry_changed_on_disk_since_it_was_read_is_not_overwritten(tmp_path):
    path = tmp_path / "personal.yaml"
    store = GlossaryFile(path)
    store.add(entry("Alpha", "a"))
    read = store.read().glossary.get("a")
    path.write_text(path.read_text().replace("Alpha", "Alpha by hand"))
    with pytest.raises(WriteRefused, match="changed in the file since it was read"):
        store.replace("a", entry("Alpha edited", "a"), expected=read)
    assert "Alpha by hand" in path.read_text()


def test_an_entry_added_while_the_file_changed_is_merged_into_the_new_version(tmp_path):
    path = tmp_path / "personal.yaml"
    store = GlossaryFile(path)
    store.add(entry("Alpha", "a"))
    path.write_text(path.read_text() + "  - id: by-hand\n    category: term\n    en: By hand\n")
    store.add(entry("Beta", "b"))
    assert [e.id for e in store.read().glossary] == ["a", "by-hand", "b"]


def test_delete_and_undo_put_the_entry_back_where_it_was(tmp_path):
    store = GlossaryFile(tmp_path / "personal.yaml")
    for en, entry_id in (("Alpha", "a"), ("Beta", "b"), ("Gamma", "c")):
        store.add(entry(en, entry_id))
    removed = store.remove("b", store.read().glossary.get("b"))
    assert [e.id for e in store.read().glossary] == ["a", "c"]
    store.restore(removed)
    assert [e.id for e in store.read().glossary] == ["a", "b", "c"]


_ADDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from glossary.personal import GlossaryFile
    store = GlossaryFile(Path(sys.argv[1]))
    prefix, first, count = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    for n in range(first, first + count):
        store.add({"id": f"{prefix}{n}", "category": "term", "en": f"{prefix} word {n}"})
    """
)


def _adder(path: Path, prefix: str, first: int, count: int) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-c", _ADDER, str(path), prefix, str(first), str(count)]
    return subprocess.Popen(args, cwd=ROOT)


def test_two_processes_adding_at_once_lose_neither_entry(tmp_path):
    path = tmp_path / "personal.yaml"
    adders = [_adder(path, "p", 0, 15), _adder(path, "q", 0, 15)]
    assert [a.wait(timeout=120) for a in adders] == [0, 0]
    ids = {e.id for e in GlossaryFile(path).read().glossary}
    assert ids == {f"{p}{n}" for p in "pq" for n in range(15)}


def _wait_for_a_save(path: Path, count: int, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if path.exists() and len(GlossaryFile(path).read().glossary) > count:
            return
        time.sleep(0.02)
    raise AssertionError("the adding process never saved")


def test_a_sigkill_during_saves_leaves_the_old_or_the_new_file(tmp_path):
    path = tmp_path / "personal.yaml"
    rng = random.Random(5)
    written = 0
    for _round in range(6):
        adder = _adder(path, "k", written, 10_000)
        _wait_for_a_save(path, written)  # Python starts (slowly on a loaded machine)
        time.sleep(rng.uniform(0.0, 0.3))  # then it saves one entry after another
        adder.send_signal(signal.SIGKILL)
        adder.wait()
        result = GlossaryFile(path).read()
        assert result.ok, result.errors
        ids = [e.id for e in result.glossary]
        assert ids == [f"k{n}" for n in range(len(ids))]  # every save whole, none lost
        assert len(ids) >= written
        written = len(ids)
    assert written > 6


# --- linking at once --------------------------------------------------------------------


def test_layers_link_as_one_glossary_would(tmp_path):
    base = load_or_raise([FIXTURES / "mini.yaml"]).glossary
    personal = tmp_path / "personal.yaml"
    store = GlossaryFile(personal)
    store.add(entry("Minister Hun", "minister-hun"))  # overlaps "Prime Minister Hun Sen"
    store.add(entry("Sen spoke", "sen-spoke"))
    store.add(entry("aid", "aid-word"))
    layers = Layers.build(base)
    combined = layers.combine(store.read().glossary)
    single = Linker(load_or_raise([FIXTURES / "mini.yaml", personal]).glossary)
    for text in ("Prime Minister Hun Sen spoke of Korea's aid.", "Minister Hun Sen spoke", "aid"):
        assert combined.linker.link(text) == single.link(text)
    assert combined.glossary.get("aid-word") is not None


def test_an_override_links_its_new_alias_and_no_longer_a_removed_one(tmp_path, shipped):
    personal = tmp_path / "personal.yaml"
    store = GlossaryFile(personal)
    hun_sen = shipped.get("hun-sen")
    store.add(override_data(hun_sen, hun_sen.__class__(**{**_fields(hun_sen), "aliases": ()})))
    combined = Layers.build(shipped).combine(store.read().glossary)
    assert [link.surface for link in combined.linker.link("PM Hun Sen came")] == ["Hun Sen"]
    assert combined.glossary.get("hun-sen").aliases == ()


def _fields(value: object) -> dict[str, object]:
    return {name: getattr(value, name) for name in value.__dataclass_fields__}


def test_a_personal_entry_that_claims_a_shipped_alias_is_left_out(tmp_path, shipped):
    personal = tmp_path / "personal.yaml"
    personal.write_text("entries:\n  - id: mine\n    category: term\n    en: Hun Sen\n")
    combined = Layers.build(shipped).combine(
        parse_text(str(personal), personal.read_text()).glossary
    )
    assert combined.glossary.get("mine") is None
    assert "also claimed by 'hun-sen'" in combined.problems[0].message


def test_entry_data_round_trips_through_the_loader(shipped, tmp_path):
    path = tmp_path / "all.yaml"
    GlossaryFile(path, starter="entries: []\n")
    import yaml

    path.write_text(
        yaml.safe_dump({"entries": [entry_data(e) for e in shipped]}, allow_unicode=True)
    )
    again = load_or_raise([path]).glossary
    assert [entry_data(e) for e in again] == [entry_data(e) for e in shipped]
