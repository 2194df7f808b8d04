"""The Anki deck: read back from its SQLite collection, and imported into real Anki.

An .apkg is a zip holding `collection.anki2`, a SQLite database; the notes table holds
each note's GUID and its fields joined by U+001F. With the `anki` package (the library
inside Anki desktop, a dev dependency) the deck is imported into a fresh collection,
twice, to show that a re-export updates notes instead of duplicating them.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from glossary.export.anki_notes import FIELDS, MODEL_ID, note_guid, stable_id
from tests.export_support import oped, parts, text

MINI_NOTES = 5  # mini.yaml entries with a Khmer or Korean form


def apkg(tmp_path: Path, name: str = "deck.apkg", **options: object) -> Path:
    (part,) = parts("apkg", **options)
    assert isinstance(part.content, bytes)
    path = tmp_path / name
    path.write_bytes(part.content)
    return path


def collection(tmp_path: Path, deck: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(deck) as archive:
        target = tmp_path / f"{deck.stem}.anki2"
        target.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(target)


def notes(db: sqlite3.Connection) -> dict[str, list[str]]:
    return {guid: flds.split("\x1f") for guid, flds in db.execute("select guid, flds from notes")}


def test_notes_fields_and_guids(tmp_path: Path):
    with collection(tmp_path, apkg(tmp_path, document=oped())) as db:
        found = notes(db)
        models = json.loads(db.execute("select models from col").fetchone()[0])
    assert len(found) == 4  # mini.yaml entries in the op-ed with a Khmer or Korean form
    hun_sen = found[note_guid("hun-sen")]
    assert hun_sen[:4] == ["Hun Sen", "ហ៊ុន សែន", "Hun Sen", "훈 센"]
    assert hun_sen[6:8] == ["person", "Prime Minister of Cambodia from 1985 to 2023."]
    assert "<b>Prime Minister Hun Sen</b>" in hun_sen[8]
    lee = found[note_guid("lee-myung-bak")]
    assert lee[3] == "이명박 <span class=unverified>(unverified)</span>" and lee[5] == "李明博"
    model = models[str(MODEL_ID)]
    assert [f["name"] for f in model["flds"]] == list(FIELDS)
    names = [t["name"] for t in model["tmpls"]]
    assert names == ["English → Khmer", "English → Korean", "Khmer → English"]
    assert "Noto Sans Khmer" in model["css"] and "Malgun Gothic" in model["css"]


def test_ids_are_stable_across_exports(tmp_path: Path):
    with collection(tmp_path, apkg(tmp_path, "a.apkg")) as db:
        first = set(notes(db))
        deck_ids = {row[0] for row in db.execute("select did from cards")}
    with collection(tmp_path, apkg(tmp_path, "b.apkg")) as db:
        assert set(notes(db)) == first
    assert len(first) == MINI_NOTES
    assert deck_ids == {stable_id("tonle deck Tonle::Mini test glossary")}
    assert stable_id("tonle glossary note type v1") == MODEL_ID
    assert note_guid("hun-sen") == note_guid("hun-sen") != note_guid("korea")


def test_anki_tsv_uses_the_same_guids():
    lines = [line for line in text("anki-tsv").splitlines() if not line.startswith("#")]
    assert {line.split("\t")[-1] for line in lines} == {
        note_guid(i) for i in ("hun-sen", "korea", "lee-myung-bak", "grant", "kingdom-of-cambodia")
    }


def _import(col: object, path: Path) -> object:
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log  # type: ignore[attr-defined]


def test_imports_into_anki_without_duplicates(tmp_path: Path):
    pytest.importorskip("anki")
    from anki.collection import Collection

    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        log = _import(col, apkg(tmp_path, "first.apkg"))
        assert len(log.new) == col.note_count() == MINI_NOTES  # type: ignore[attr-defined]
        # English→Khmer and Khmer→English for the 3 Khmer forms, English→Korean for 3 Korean
        assert col.card_count() == 9
        note = col.get_note(col.find_notes("English:Hun*")[0])
        assert note["Khmer"] == "ហ៊ុន សែន" and note.guid == note_guid("hun-sen")
        log = _import(col, apkg(tmp_path, "second.apkg"))
        assert col.note_count() == MINI_NOTES and not log.new  # type: ignore[attr-defined]
    finally:
        col.close()


def test_anki_reads_the_tsv_headers(tmp_path: Path):
    pytest.importorskip("anki")
    from anki.collection import Collection, ImportCsvRequest

    tsv = tmp_path / "deck.txt"
    tsv.write_text(text("anki-tsv"), encoding="utf-8")
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        _import(col, apkg(tmp_path))
        metadata = col.get_csv_metadata(path=str(tsv), delimiter=None)
        assert metadata.is_html and metadata.guid_column == 10
        assert list(metadata.column_labels) == [*FIELDS, "GUID"]
        assert metadata.global_notetype.id == MODEL_ID
        log = col.import_csv(ImportCsvRequest(path=str(tsv), metadata=metadata)).log
        assert not log.new and col.note_count() == MINI_NOTES
    finally:
        col.close()
