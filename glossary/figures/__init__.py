"""Figures in English text, and how Khmer and Korean writers write them.

`find_figures(text)` finds money (US$300,000; US$1 billion), counts (more than 250;
50,000; ten more; several hundreds), measures (1,000 sq. km; 250 km long), years
(1953), year ranges (1996/97; from 2019 through to 2023), decades (1980s), ordinals
(23rd anniversary; ranked second), dates (November 2019; October last year) and
percentages, as spans like the linker's `Link`s: `text[start:end] == surface`.
`render_figure(figure, lang)` gives the Khmer (`km`) or Korean (`ko`) form with a note.

What counts as a figure, every rendering rule and the reference behind it are in
glossary/FIGURES.md. In short: Korean groups by 10⁴ (30만, 8억 8900만) and spaces after
만/억/조 (한글 맞춤법 §43–44); Khmer uses Khmer digits with the press's multiplier words
ពាន់ 10³, ម៉ឺន 10⁴, លាន 10⁶, ពាន់លាន 10⁹ (៣០ម៉ឺនដុល្លារ) and CLDR's Khmer-digit
separators (១.០០០; ២,៥). Babel supplies month names, year and date patterns, unit names,
the Korean compact forms of round numbers and the list and percent formats; where its
output is not what a writer would print (Korean compact rounds 889,000,000 to 9억; Khmer
compact writes 300 ពាន់ and 1 ប៊ីលាន) our own rules are used instead, and the tests show
both. Babel is imported only to render: finding figures stays cheap enough for a
reader's first paint.

The package: `model.py` (Figure, Kind, Rendering), `english.py` (the English words, as
data), `patterns.py` and `find.py` (finding), `korean.py` and `khmer.py` (one module per
language, a renderer for each kind), `render.py` and `notes.py`.
"""

from glossary.figures.find import find_figures, outside_figures
from glossary.figures.khmer import khmer_decimal, khmer_number
from glossary.figures.korean import korean_number
from glossary.figures.model import LANGS, Figure, Kind, Rendering
from glossary.figures.render import figure_card, figure_gloss, render_figure

__all__ = [
    "LANGS",
    "Figure",
    "Kind",
    "Rendering",
    "figure_card",
    "figure_gloss",
    "find_figures",
    "khmer_decimal",
    "khmer_number",
    "korean_number",
    "outside_figures",
    "render_figure",
]
