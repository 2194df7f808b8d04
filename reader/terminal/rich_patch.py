"""Rich and Textual measuring and wrapping with reader.terminal.text: `install()` points
their internals at it, `uninstall()` puts back exactly what it replaced.

Private Rich/Textual internals are patched, so `internals_present()` names any that
moved or stopped being looked up at call time (tests/test_terminal_text.py fails then).
"""

from __future__ import annotations

import contextlib
import inspect
import warnings
from functools import cache, lru_cache
from importlib import import_module
from typing import Any

from rich.cells import CellTable

from reader.terminal import text as terminal_text
from reader.terminal.text import DEFAULT_MODEL, WidthModel

_originals: dict[tuple[str, str], Any] = {}


def _rich_cell_len(text: str, unicode_version: str = "auto") -> int:
    """Drop-in for rich.cells._cell_len (behind cell_len and cached_cell_len)."""
    return terminal_text.cell_width(text)


def _split_graphemes(
    text: str, unicode_version: str = "auto"
) -> tuple[list[tuple[int, int, int]], int]:
    """Drop-in for rich.cells.split_graphemes: real \\X clusters, so crops never cut a COENG."""
    spans = [
        (m.start(), m.end(), terminal_text.cluster_width(m.group()))
        for m in terminal_text.CLUSTER.finditer(text)
    ]
    return spans, sum(span[2] for span in spans)


def _rich_split_text(
    text: str, cell_position: int, unicode_version: str = "auto"
) -> tuple[str, str]:
    """Drop-in for rich.cells._split_text (behind set_cell_size and split_text)."""
    return terminal_text.split_at_cell(text, cell_position)


@lru_cache(maxsize=16384)
def _segment_split_cells(cls: Any, segment: Any, cut: int) -> tuple[Any, Any]:
    """Drop-in for rich.segment.Segment._split_cells (behind Strip.crop): splits by cluster.

    Rich's own version walks code points, so a crop at a table cell or border edge could
    leave a dangling COENG (`សន្`) and drop the subscript that belongs to it.
    """
    text, style, control = segment
    left, right = terminal_text.split_at_cell(text, cut)
    return cls(left, style, control), cls(right, style, control)


@cache
def _cell_table() -> CellTable:
    """Rich-format table of our per-code-point widths (ranges whose width is not 1).

    Beyond U+3FFFF only the tag/variation-selector block U+E0000-E0FFF is not 1 cell wide.
    """
    ranges: list[tuple[int, int, int]] = []
    for cp in [*range(0x40000), *range(0xE0000, 0xE1000)]:
        width = 1 if 0xD800 <= cp < 0xE000 else terminal_text.char_width_uncached(chr(cp))
        if width == 1:
            continue
        if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == width:
            ranges[-1] = (ranges[-1][0], cp, width)
        else:
            ranges.append((cp, cp, width))
    return CellTable("tonle-codepoint", ranges, terminal_text.RICH_TABLE.narrow_to_wide)


def _load_cell_table(unicode_version: str = "auto") -> CellTable:
    """Drop-in for rich.cells.load_cell_table: every version gets our table."""
    return _cell_table()


# Each (module, attribute) is looked up at call time by the code that uses it, so replacing the
# attribute reaches every `from rich.cells import cell_len` etc. made before install().
_break_offsets = terminal_text.break_offsets
_PATCHES: dict[tuple[str, str], Any] = {
    ("rich.cells", "_cell_len"): _rich_cell_len,  # cell_len, cached_cell_len (Textual layout)
    ("rich.cells", "split_graphemes"): _split_graphemes,  # chop_cells, set_cell_size, crops
    ("rich.cells", "load_cell_table"): _load_cell_table,  # get_character_cell_size (Input...)
    ("rich.cells", "_split_text"): _rich_split_text,  # set_cell_size: truncation, padding
    ("rich.segment", "Segment._split_cells"): classmethod(_segment_split_cells),  # Strip.crop
    # break_offsets(text, width, fold) is call-compatible with divide_line(text, width, fold).
    ("rich._wrap", "divide_line"): _break_offsets,  # for anyone importing it after install()
    ("rich.text", "divide_line"): _break_offsets,  # rich Text.wrap
    ("textual.content", "divide_line"): _break_offsets,  # Content wrap: Static, Label, ...
}
# lru_caches holding widths computed under the previous model.
_CACHES: tuple[str, ...] = ("rich.cells:get_character_cell_size", "rich.cells:cached_cell_len")
_CACHES += ("rich.segment:Segment._split_cells",)
# (function, global name it must still reference): if upstream stops looking a name up at call
# time, patching the attribute silently stops working.
_REFERENCES = (
    ("rich.cells:cached_cell_len.__wrapped__", "_cell_len"),
    ("rich.cells:cell_len", "_cell_len"),
    ("rich.cells:chop_cells", "split_graphemes"),
    ("rich.cells:get_character_cell_size.__wrapped__", "load_cell_table"),
    ("rich.cells:set_cell_size", "_split_text"),
    ("rich.cells:split_text", "_split_text"),
    ("rich.segment:Segment.split_cells", "_split_cells"),
    ("textual.strip:Strip.crop", "split_cells"),
    ("rich.text:Text.wrap", "divide_line"),
    ("textual.content:Content._wrap_and_format", "divide_line"),
)


def _lookup(path: str) -> Any:
    """Resolve 'module:attr.attr'; raises ImportError/AttributeError if gone."""
    module, _, attrs = path.partition(":")
    obj: Any = import_module(module)
    for attr in attrs.split("."):
        obj = getattr(obj, attr)
    return obj


def internals_present() -> list[str]:
    """Names of Rich/Textual internals we rely on that are missing or no longer used; [] = ok."""
    problems = []
    paths = [f"{module}:{attr}" for module, attr in _PATCHES]
    paths += [f"{path}.cache_clear" for path in _CACHES]
    for path, name in [(path, None) for path in paths] + list(_REFERENCES):
        try:
            found = _lookup(path)
        except (ImportError, AttributeError):
            problems.append(path)
            continue
        if name and name not in getattr(getattr(found, "__code__", None), "co_names", ()):
            problems.append(f"{path} no longer references {name}")
    return problems


def _owner(module: str, attr: str) -> tuple[Any, str]:
    """The object holding `attr` ('name' in a module or 'Class.name') and the bare name."""
    path, _, name = attr.rpartition(".")
    return (_lookup(f"{module}:{path}") if path else import_module(module)), name


def _clear_caches() -> None:
    """Forget widths Rich cached under the previous model."""
    for path in _CACHES:
        with contextlib.suppress(ImportError, AttributeError):
            _lookup(path).cache_clear()


def install(model: WidthModel | str = DEFAULT_MODEL) -> None:
    """Make Rich and Textual measure with `model` and wrap with terminal_text.break_offsets().

    Idempotent; calling again with another model switches models. Internals that have
    moved are skipped with a RuntimeWarning (internals_present() names them).
    """
    missing = internals_present()
    if missing:
        warnings.warn(f"Rich/Textual internals moved: {missing}", RuntimeWarning, stacklevel=2)
    if not terminal_text.installed():
        for (module, attr), replacement in _PATCHES.items():
            with contextlib.suppress(ImportError, AttributeError):
                owner, name = _owner(module, attr)
                # getattr_static: the classmethod itself, not a method bound to the class.
                _originals[module, attr] = inspect.getattr_static(owner, name)
                setattr(owner, name, replacement)
    terminal_text.use_model(WidthModel(model))
    _clear_caches()


def uninstall() -> None:
    """Restore exactly the attributes install() replaced. No-op when not installed."""
    for (module, attr), original in _originals.items():
        owner, name = _owner(module, attr)
        setattr(owner, name, original)
    _originals.clear()
    terminal_text.use_model(None)
    _clear_caches()
