"""The built matcher is kept on disk and shared in the process, but never trusted blindly:
a stale, tampered or mismatched matcher cache is rebuilt, and links stay right."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary import linker as linker_module
from glossary.linker import Linker
from glossary.loader import load

GLOSSARY = """entries:
  - {id: hun-sen, category: person, en: Hun Sen, km: {text: ហ៊ុន សែន, status: unverified}}
  - {id: asean, category: organisation, en: ASEAN}
  - {id: treaty, category: term, en: treaty}
"""
TEXT = "Hun Sen signed two treaties at ASEAN; ហ៊ុន សែន smiled."
LINKED = [("Hun Sen", "hun-sen"), ("treaties", "treaty"), ("ASEAN", "asean"), ("ហ៊ុន សែន", "hun-sen")]


@pytest.fixture(autouse=True)
def fresh_process() -> Iterator[None]:
    linker_module.forget_shared()
    yield
    linker_module.forget_shared()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the matchers built from scratch."""
    built: list[int] = []
    original = Linker.__init__

    def counting(self: Linker, glossary: object) -> None:
        built.append(1)
        original(self, glossary)  # type: ignore[arg-type]

    monkeypatch.setattr(Linker, "__init__", counting)
    return built


def ready(path: Path, cache: Path) -> Linker:
    """What a new process does: load the glossary, then get its matcher."""
    linker_module.forget_shared()
    return Linker.shared(load([path], cache_dir=cache).glossary, cache_dir=cache)


def surfaces(linker: Linker) -> list[tuple[str, str]]:
    return [(link.surface, link.entry_id) for link in linker.link(TEXT)]


def test_a_second_start_reads_the_matcher_instead_of_building_it(write_yaml, tmp_path, builds):
    path, cache = write_yaml(GLOSSARY), tmp_path / "cache"
    assert surfaces(ready(path, cache)) == LINKED
    assert list(cache.glob("matcher-*.aho")) and builds == [1]
    assert surfaces(ready(path, cache)) == LINKED
    assert builds == [1]


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_a_tampered_automaton_is_rebuilt(write_yaml, tmp_path, builds, damage):
    path, cache = write_yaml(GLOSSARY), tmp_path / "cache"
    ready(path, cache)
    for part in cache.glob("matcher-*.aho"):
        data = bytearray(part.read_bytes())
        if damage == "flip":
            data[len(data) // 2] ^= 0xFF
        part.write_bytes(
            data[: len(data) // 2] if damage == "truncate" else b"" if damage == "empty" else data
        )
    assert surfaces(ready(path, cache)) == LINKED
    assert builds == [1, 1]
    assert surfaces(ready(path, cache)) == LINKED and builds == [1, 1]  # written again


def test_a_stale_matcher_is_rebuilt_when_the_glossary_changes(write_yaml, tmp_path, builds):
    path, cache = write_yaml(GLOSSARY), tmp_path / "cache"
    ready(path, cache)
    time.sleep(0.01)
    path.write_text(GLOSSARY.replace("en: treaty", "en: accord"), encoding="utf-8")
    linker = ready(path, cache)
    assert ("treaties", "treaty") not in surfaces(linker)
    assert [(l.surface, l.entry_id) for l in linker.link("an accord")] == [("accord", "treaty")]
    assert builds == [1, 1]


def test_another_glossarys_matcher_passed_off_as_this_ones_is_rebuilt(write_yaml, tmp_path, builds):
    """A header whose digests and counts match, over automata whose values point past
    this glossary's entries (from a bigger glossary), is not used."""
    small = write_yaml("entries:\n  - {id: treaty, category: term, en: treaty}\n", "small.yaml")
    big = write_yaml(GLOSSARY, "big.yaml")
    cache = tmp_path / "cache"
    ready(small, cache)
    ready(big, cache)
    headers = {json.loads(p.read_text())["entries"]: p for p in cache.glob("matcher-*.json")}
    small_header, big_header = headers[1], headers[3]
    forged = json.loads(big_header.read_text())
    forged.update(entries=1, glossary=json.loads(small_header.read_text())["glossary"])
    small_header.write_text(json.dumps(forged))
    for number in (0, 1):
        source = big_header.with_name(big_header.name.replace(".json", f".{number}.aho"))
        if source.exists():
            target = small_header.with_name(small_header.name.replace(".json", f".{number}.aho"))
            target.write_bytes(source.read_bytes())
    linker = ready(small, cache)
    assert [(l.surface, l.entry_id) for l in linker.link("Hun Sen and a treaty")] == [
        ("treaty", "treaty")
    ]
    assert builds == [1, 1, 1]


def test_a_garbled_header_is_rebuilt(write_yaml, tmp_path, builds):
    path, cache = write_yaml(GLOSSARY), tmp_path / "cache"
    ready(path, cache)
    for header in cache.glob("matcher-*.json"):
        header.write_text('{"format": [1, 4], "glossary": 5}')
    assert surfaces(ready(path, cache)) == LINKED and builds == [1, 1]


def test_one_matcher_per_glossary_in_the_process(write_yaml, tmp_path, builds):
    """The reader, an export and a language switch (which loads the glossary again) all
    get the matcher built once."""
    path, cache = write_yaml(GLOSSARY), tmp_path / "cache"
    first = load([path], cache_dir=cache).glossary
    linker = Linker.shared(first)
    again = load([path], cache_dir=cache).glossary  # a new Glossary of the same files
    assert Linker.shared(first) is linker
    other = Linker.shared(again)
    assert other.glossary is again and surfaces(other) == LINKED
    assert builds == [1]


def test_a_matcher_file_that_would_run_code_is_refused(write_yaml, tmp_path, builds):
    """Even with its sha256 in the header, a pickle naming anything but the automaton
    class is not unpickled: the command in it never runs, and the matcher is rebuilt."""
    import hashlib
    import os
    import pickle

    path, cache = write_yaml(GLOSSARY), tmp_path / "cache"
    ready(path, cache)
    witness = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {witness}",))

    (header,) = cache.glob("matcher-*.json")
    data = json.loads(header.read_text())
    evil = pickle.dumps(Payload())
    for number in (0, 1):
        header.with_name(header.name.replace(".json", f".{number}.aho")).write_bytes(evil)
        data["files"][number][0] = hashlib.sha256(evil).hexdigest()
    header.write_text(json.dumps(data))
    assert surfaces(ready(path, cache)) == LINKED
    assert not witness.exists() and builds == [1, 1]
