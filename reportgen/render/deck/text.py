"""Deck text: fill `{{ … }}` inside PowerPoint runs, and size text so it fits its box.

PowerPoint often splits what a person typed as `{{ organisation }}` over several runs (spell
check, a changed font on one letter). `fill_paragraph` finds expressions over the joined text of
a paragraph's runs, merges just the runs an expression spans, and keeps the formatting of the
run the expression starts in. Fitting measures words with the DejaVu Sans metrics (PIL), the
font the house theme uses, and wraps them greedily the way PowerPoint does.
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
THEME_BODY_FONTS = ('<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/>'
                    '<a:cs typeface="+mn-cs"/>')
"""A run's fonts as references to the theme's body (minor) fonts for Latin, East Asian and
complex-script text, never a named face: an Office machine without DejaVu Sans shows the deck in
the fonts the master's theme names. Wrapping is still measured with DejaVu Sans metrics here."""
LINE_SPACING = 1.2  # PowerPoint's single spacing is about 1.2 × the font size
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def fill_paragraph(paragraph: Any, render: Callable[[str], str]) -> bool:
    """Replace each `{{ … }}` in a python-pptx paragraph by `render(expression)`; True if any."""
    runs = list(paragraph.runs)
    texts = [r.text for r in runs]
    joined = "".join(texts)
    matches = list(EXPRESSION.finditer(joined))
    if not matches:
        return False
    starts = _run_starts(texts)
    for match in reversed(matches):  # from the end, so earlier offsets stay valid
        first, first_off = _locate(starts, match.start())
        last, last_off = _locate(starts, match.end() - 1)
        value = render(match.group(0))
        head = runs[first].text[:first_off]
        tail = runs[last].text[last_off + 1:]
        runs[first].text = head + value + tail
        for run in runs[first + 1:last + 1]:
            run._r.getparent().remove(run._r)
        del runs[first + 1:last + 1]
    return True


def _run_starts(texts: Sequence[str]) -> list[int]:
    """The offset in the joined text at which each run starts."""
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text)
    return starts


def _locate(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """(run index, offset inside that run) of a character offset in the joined text."""
    index = max(i for i, s in enumerate(starts) if s <= offset)
    return index, offset - starts[index]


def fill_text_frames(shapes: Iterable[Any], render: Callable[[str], str]) -> int:
    """Fill expressions in every text frame and table cell under `shapes`; the count filled."""
    filled = 0
    for shape in shapes:
        if shape.shape_type is not None and int(shape.shape_type) == 6:  # a group: recurse
            filled += fill_text_frames(shape.shapes, render)
            continue
        frames = []
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            frames.append(shape.text_frame)
        if getattr(shape, "has_table", False) and shape.has_table:
            frames.extend(cell.text_frame for row in shape.table.rows for cell in row.cells)
        for frame in frames:
            filled += sum(fill_paragraph(p, render) for p in frame.paragraphs)
    return filled


# ---- measuring and fitting -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Box:
    """The room for text, in points: width, height, and the indent of bulleted paragraphs."""

    width: float
    height: float
    indent: float = 0.0


@lru_cache(maxsize=4)
def _font(bold: bool) -> Any:
    """A PIL font at 100 px for measuring, or None when no DejaVu Sans file is found."""
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in (*_FONT_DIRS, _matplotlib_fonts()):
        if folder is not None and (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), 100)
    return None


def _matplotlib_fonts() -> Path | None:
    """matplotlib's bundled font folder, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


@lru_cache(maxsize=8192)
def text_width(text: str, bold: bool = False) -> float:
    """The width of `text` at 1 pt, in points."""
    font = _font(bold)
    if font is None:
        return len(text) * (0.62 if bold else 0.58)
    return _units(text, bold) / 100


@lru_cache(maxsize=8192)
def _units(text: str, bold: bool) -> float:
    """The width of `text` in the measuring font's units (pixels at 100 px), as PIL gives it."""
    return float(_font(bold).getlength(text))


SPACE_SLACK = 2.0
"""How far (font units: 1/100 em) a space joining two words may move the width of the whole from
the sum of its parts. DejaVu Sans moves it by exactly nothing (every pair of 329 characters,
regular and bold, was checked), so a line's width is added up from its words; a line within this
much per space of the limit is measured whole all the same, so no other font build can break a
line elsewhere than measuring it whole would."""


class _Line(NamedTuple):  # not a dataclass: made for every word tried, and at import
    """A line being filled: its text, its width in font units, the spaces not measured whole."""

    text: str
    units: float
    joins: int = 0


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` broken into lines no wider than `width` points at `size` points (greedy).

    A word wider than the line is cut between characters, as PowerPoint does.
    """
    return list(_wrap(text, width, size, bold))


@lru_cache(maxsize=4096)
def _wrap(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    """`wrap`'s lines, cached (fitting wraps the same text at each size it tries)."""
    lines: list[str] = []
    for hard_line in text.split("\n"):
        line = _Line("", 0.0)
        for word in _cut_long_words(hard_line.split(" "), width, size, bold):
            if not line.text:
                line = _Line(word, _word_units(word, bold))
                continue
            joined = _fitting(_joined(line, word, bold), width, size, bold)
            if joined is None:
                lines.append(line.text)
                line = _Line(word, _word_units(word, bold))
            else:
                line = joined
        lines.append(line.text)
    return tuple(lines)


def _word_units(word: str, bold: bool) -> float:
    """A word's width in font units (with no font: unknown, and never needed)."""
    return _units(word, bold) if _font(bold) is not None else 0.0


def _joined(line: _Line, word: str, bold: bool) -> _Line:
    """`line` with a space and `word` added, its width the sum of the parts'."""
    # PIL's widths are whole 1/64 px, so these sums are exact: equal to the whole's when additive
    units = line.units + _word_units(" ", bold) + _word_units(word, bold)
    return _Line(f"{line.text} {word}", units, line.joins + 1)


def _fitting(line: _Line, width: float, size: float, bold: bool) -> _Line | None:
    """`line` if it is no wider than `width` points at `size`, else None.

    Decided from the summed width when it is clear by more than the slack of its spaces;
    otherwise from the whole line measured, exactly as `text_width(line) * size <= width`.
    """
    slack = line.joins * SPACE_SLACK if _font(bold) is not None else math.inf
    if (line.units + slack) / 100 * size <= width:
        return line
    if (line.units - slack) / 100 * size > width:
        return None
    if text_width(line.text, bold) * size > width:
        return None
    return _Line(line.text, _word_units(line.text, bold))


def _cut_long_words(words: list[str], width: float, size: float, bold: bool) -> list[str]:
    """`words` with any word wider than `width` cut into pieces that fit."""
    out: list[str] = []
    for word in words:
        while len(word) > 1 and text_width(word, bold) * size > width:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], bold) * size > width:
                cut -= 1
            out.append(word[:cut])
            word = word[cut:]
        out.append(word)
    return out


def text_height(paragraphs: Sequence[str], box: Box, size: float, bold: bool = False,
                space_before: float = 0.5) -> float:
    """The height in points of `paragraphs` set at `size` in `box` (space before in lines)."""
    total = 0.0
    for index, paragraph in enumerate(paragraphs):
        lines = len(wrap(paragraph, box.width - box.indent, size, bold))
        total += lines * size * LINE_SPACING + (space_before * size if index else 0)
    return total


def fits(paragraphs: Sequence[str], box: Box, size: float, bold: bool = False) -> bool:
    """Whether `paragraphs` at `size` fit inside `box`, no word wider than the box."""
    words = (w for p in paragraphs for w in p.split())
    if any(text_width(w, bold) * size > box.width - box.indent for w in words):
        return False
    return text_height(paragraphs, box, size, bold) <= box.height


def fit_size(paragraphs: Sequence[str], box: Box, largest: float, smallest: float,
             bold: bool = False) -> float | None:
    """The largest size (half-point steps) at which `paragraphs` fit `box`, or None if none."""
    size = largest
    while size >= smallest:
        if fits(paragraphs, box, size, bold):
            return size
        size -= 0.5
    return None


def split_to_fit(paragraphs: Sequence[str], box: Box, size: float) -> list[list[str]]:
    """`paragraphs` cut into consecutive groups that each fit `box` at `size`."""
    groups: list[list[str]] = [[]]
    for paragraph in paragraphs:
        trial = [*groups[-1], paragraph]
        if groups[-1] and text_height(trial, box, size) > box.height:
            groups.append([paragraph])
        else:
            groups[-1] = trial
    return groups


def shorten(text: str, box: Box, size: float, bold: bool = False) -> str:
    """`text` cut at a word and ended with '…' so that it fits `box` at `size`."""
    words = text.split()
    while words and not fits([" ".join(words) + "…"], box, size, bold):
        words.pop()
    return " ".join(words) + "…" if words else "…"
