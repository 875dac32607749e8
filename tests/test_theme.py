"""theme.py: one theme for matplotlib charts and the deck's native charts."""

from __future__ import annotations

from reportgen.theme import DEFAULT_THEME


def test_palette_colours_cycle() -> None:
    n = len(DEFAULT_THEME.palette)
    assert DEFAULT_THEME.colour(n) == DEFAULT_THEME.colour(0)


def test_chart_text_is_never_below_seven_points() -> None:
    sizes = (DEFAULT_THEME.chart_font_size, DEFAULT_THEME.chart_small_size,
             DEFAULT_THEME.chart_title_size)
    assert min(sizes) >= 7.0
