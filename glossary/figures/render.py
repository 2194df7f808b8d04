"""Rendering a figure in Khmer or Korean: each language's rules are one module
(`khmer.py`, `korean.py`) giving a renderer for every kind of figure."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from glossary.figures import khmer, korean
from glossary.figures.model import LANGS, Figure, Rendering

RENDERERS = {"km": khmer.RENDERERS, "ko": korean.RENDERERS}


@functools.lru_cache(maxsize=4096)  # a page redraw renders its figures again
def render_figure(figure: Figure, lang: str) -> Rendering:
    """How `figure` is written in Khmer (`km`) or Korean (`ko`)."""
    if lang not in RENDERERS:
        raise ValueError(f"unknown language {lang!r}")
    return RENDERERS[lang][figure.kind](figure)


def figure_gloss(figure: Figure, langs: Sequence[str] = LANGS) -> str:
    """`៣០ម៉ឺនដុល្លារ · 30만 달러`: the renderings in `langs`, for an interlinear gloss."""
    return " · ".join(render_figure(figure, lang).text for lang in langs)


def figure_card(figure: Figure) -> str:
    """A few lines for a card: the English surface, then each language with its note."""
    lines = [figure.surface]
    for lang in LANGS:
        rendering = render_figure(figure, lang)
        lines.append(f"{lang}  {rendering.text}")
        if rendering.note:
            lines.append(f"    {rendering.note}")
    return "\n".join(lines)
