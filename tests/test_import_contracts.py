"""The layers of reader/ import downwards only.

`reader.app` routes between the screens, so it imports them; a screen or widget that
imported the app back (even lazily, even for typing) would close a circle. They reach
the app through `reader.ui.host` instead. The domain (glossary/) imports no UI and
no reader; the progress store and the state package (session, tracker, settings, …)
hold no drawing, so they never import textual or rich; and no two modules
of reader/ import each other, however indirectly.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

READER = ROOT / "reader"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(READER.rglob("*.py"))}


def imported(path: Path, known: dict[str, Path]) -> set[str]:
    """Every reader module `path` imports, at the top, in a function or for typing."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in known else node.module)
    return {name for name in found if name in known}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(path, known) - {name} for name, path in known.items()}


def test_no_screen_or_widget_imports_the_app():
    edges = graph()
    offenders = sorted(
        name
        for name, targets in edges.items()
        if name.startswith(("reader.screens.", "reader.widgets.")) and "reader.app" in targets
    )
    assert offenders == []


def test_the_check_sees_a_lazy_typing_import(tmp_path: Path):
    """The contract above can fail: an import inside TYPE_CHECKING or a function counts."""
    module = tmp_path / "screen.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from reader.app import TonleApp\n"
        "def f():\n    from reader.app import TonleApp\n"
    )
    assert imported(module, modules()) == {"reader.app"}


def cycle_from(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    """A path start → … → start, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for target in sorted(edges.get(node, ())):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


def test_no_module_of_reader_imports_itself_through_others():
    edges = graph()
    cycles = [cycle for name in edges if (cycle := cycle_from(name, edges))]
    assert cycles == []


def test_the_cycle_check_finds_a_circle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycle_from("a", edges) == ["a", "b", "c", "a"]
    assert cycle_from("d", edges) is None


def loaded_by(package: str, tops: tuple[str, ...]) -> list[str]:
    """The modules under `tops` that importing every module of `package` brings in."""
    code = (
        f"import sys, pkgutil, importlib, {package}\n"
        f"for m in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        "    importlib.import_module(m.name)\n"
        f"print('\\n'.join(sorted(n for n in sys.modules if n.split('.')[0] in {tops!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return result.stdout.split()


def test_the_domain_imports_no_ui_and_no_reader():
    assert loaded_by("glossary", ("textual", "rich", "reader")) == []


def test_the_progress_store_imports_no_ui():
    assert loaded_by("reader.progress", ("textual", "rich")) == []


def test_the_state_package_draws_nothing():
    assert loaded_by("reader.state", ("textual", "rich")) == []


def test_the_import_check_sees_what_is_loaded():
    assert "textual.app" in loaded_by("reader.screens", ("textual",))


def test_bare_tonle_loads_no_command():
    """Bare `tonle` goes from reader.main to the reader without Click or any command
    module: importing them would delay the first paint."""
    code = (
        "import sys, reader.main, reader.cli.launch, reader.app, reader.screens.reading\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'click'"
        " or n.startswith('reader.cli.') and n != 'reader.cli.launch'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
