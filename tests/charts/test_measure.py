"""charts/measure.py: text widths, wrapping, and the frame every chart shares."""

from __future__ import annotations

from reportgen.charts.measure import (
    NARROW_GROWTH,
    chart_height,
    chart_width,
    footer_extra,
    wrap,
    wrap_whole,
)
from reportgen.model import ChartPoint, ChartSeries, ChartSpec
from reportgen.theme import Theme


def growth(years: int, note: str = "Source: office") -> ChartSpec:
    points = tuple(ChartPoint(str(2015 + i), float(i + 1)) for i in range(years))
    return ChartSpec("g", "growth", "Output", "yuan", (ChartSeries("Output", points),),
                     source_note=note)


def test_a_label_is_cut_at_two_lines_but_a_title_or_source_line_never_is() -> None:
    text = " ".join(["industrial"] * 40)
    assert wrap(text, 1.0, 8.0).count("\n") == 1 and wrap(text, 1.0, 8.0).endswith("…")
    whole = wrap_whole(text, 1.0, 8.0)
    assert "…" not in whole and whole.split() == text.split()


def test_a_growth_chart_of_two_or_three_columns_is_drawn_at_about_half_width() -> None:
    theme = Theme()
    assert chart_width(growth(2), theme) == theme.chart_width_in * NARROW_GROWTH
    assert chart_width(growth(3), theme) == theme.chart_width_in * NARROW_GROWTH
    assert chart_width(growth(6), theme) == theme.chart_width_in
    assert chart_height(growth(2), theme) < chart_height(growth(6), theme)


def test_each_further_source_line_adds_its_height_to_the_chart() -> None:
    theme = Theme()
    short, long = growth(6), growth(6, "Source: " + " ".join(["office"] * 60))
    assert footer_extra(short, theme) == 0
    assert footer_extra(long, theme) > 0
    assert chart_height(long, theme) == chart_height(short, theme) + footer_extra(long, theme)
