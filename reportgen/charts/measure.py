"""How much room chart text takes, estimated without a renderer, wrapping it to fit, and the
frame every chart shares (its size, the room its title and source note take)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from reportgen.model import ChartSpec
from reportgen.theme import Theme

PT = 1 / 72
"""One typographic point in inches."""
MAX_HEIGHT_IN = 9.5
"""The tallest chart that still fits an A4 text block."""
MAX_LABEL_LINES = 2

_NARROW = frozenset(" .,:;'!|()[]-/ijlrtf")
_WIDE = frozenset("mwMW%")
BOLD = 1.12
"""Bold glyphs are about this much wider than regular ones."""
SAFETY = 1.05
"""Estimated widths are this much generous, so that estimated text never clips."""


def _em(char: str) -> float:
    """The approximate advance of `char` in DejaVu Sans, in ems (measured, within ±5 %)."""
    if char in _WIDE or ord(char) > 0x2E80:  # wide Latin letters and CJK ideographs
        return 0.95
    if char in _NARROW:
        return 0.36
    if char.isdigit():
        return 0.64
    return 0.72 if char.isupper() else 0.6


def text_width_in(text: str, size_pt: float) -> float:
    """The estimated width in inches of one line of `text` at `size_pt` (no renderer needed)."""
    return sum(_em(c) for c in text) * size_pt * PT * SAFETY


def wrap(text: str, width_in: float, size_pt: float, lines: int = MAX_LABEL_LINES) -> str:
    """`text` wrapped to fit `width_in`, at most `lines` lines, cut with '…' if longer (for
    labels; a title or source line uses `wrap_whole`)."""
    em = text_width_in(text, size_pt) / max(1, len(text))
    chars = max(4, int(width_in / em)) if em else 4
    wrapped = textwrap.wrap(text, chars, break_long_words=True) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][:chars - 1].rstrip() + "…"
    return "\n".join(wrapped)


def wrap_whole(text: str, width_in: float, size_pt: float) -> str:
    """All of `text` wrapped to fit `width_in`: a title or source line is never cut."""
    return wrap(text, width_in, size_pt, lines=1_000)


# --- the frame shared by every chart: title, subtitle, source note ---------------------------


@dataclass(frozen=True, slots=True)
class Frame:
    """Where the plot area sits in the figure, in inches."""

    width: float
    height: float
    top: float
    """Distance from the figure's top edge to the plot area."""
    bottom: float
    """Distance from the figure's bottom edge to the plot area."""

    def axes_rect(self, left: float, right: float) -> tuple[float, float, float, float]:
        """`[left, bottom, width, height]` in figure fractions for margins in inches."""
        w = max(0.5, self.width - left - right)
        h = max(0.3, self.height - self.top - self.bottom)
        return (left / self.width, self.bottom / self.height, w / self.width, h / self.height)


NARROW_GROWTH = 0.52
"""A growth chart of up to NARROW_COLUMNS columns is drawn at this share of the text width and
this share of the usual height, so that two stand side by side at their drawn size (style.css
prints every chart at the size it is drawn: its text keeps its point size)."""
NARROW_HEIGHT = 0.8
NARROW_COLUMNS = 3


def is_narrow(spec: ChartSpec) -> bool:
    """Whether the chart is a growth chart of two or three columns (they need no full width)."""
    columns = max((len(s.points) for s in spec.series), default=0)
    return spec.kind == "growth" and columns <= NARROW_COLUMNS


def chart_width(spec: ChartSpec, theme: Theme) -> float:
    """The width in inches the chart is drawn and printed at."""
    return theme.chart_width_in * (NARROW_GROWTH if is_narrow(spec) else 1.0)


def chart_height(spec: ChartSpec, theme: Theme, height: float | None = None) -> float:
    """The height in inches the chart is drawn at: `height` (the drawer's, for bars and
    diagrams) or the usual one, plus the source note's further lines, at most MAX_HEIGHT_IN."""
    usual = theme.chart_height_in * (NARROW_HEIGHT if is_narrow(spec) else 1.0)
    return min(MAX_HEIGHT_IN, (height or usual) + footer_extra(spec, theme))


def header_height(spec: ChartSpec, theme: Theme) -> float:
    """The height in inches taken by the title and subtitle of `spec`."""
    width = chart_width(spec, theme) - 0.3
    title_lines = wrap_whole(spec.title, width, theme.chart_title_size * BOLD).count("\n") + 1
    sub_lines = wrap_whole(spec.subtitle, width, theme.chart_font_size).count("\n") + 1 \
        if spec.subtitle else 0
    return (0.12 + title_lines * theme.chart_title_size * 1.25 * PT
            + sub_lines * theme.chart_font_size * 1.3 * PT + 0.1)


def source_lines(spec: ChartSpec, theme: Theme) -> str:
    """The source note wrapped to the chart's width, whole (never cut with '…')."""
    return wrap_whole(spec.source_note, chart_width(spec, theme) - 0.3, theme.chart_small_size)


def footer_extra(spec: ChartSpec, theme: Theme) -> float:
    """The height in inches the source note's second and further lines add to the chart."""
    lines = source_lines(spec, theme).count("\n") if spec.source_note else 0
    return lines * theme.chart_small_size * 1.3 * PT
