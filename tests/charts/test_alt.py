"""charts/alt.py: alt text written from the chart's data, with its numbers."""

from __future__ import annotations

import math

from reportgen.charts.alt import alt_text, value_text
from reportgen.model import ChartPoint, ChartSeries, ChartSpec


def test_a_growth_chart_is_described_by_its_years_and_figures() -> None:
    spec = ChartSpec(id="growth-gdp", kind="growth", title="GDP, 2011–2021", unit="yuan",
                     series=(ChartSeries("GDP", (ChartPoint("2011", 723.1e9),
                                                 ChartPoint("2021", 1073.9e9))),),
                     source_note="Source: city statistics bureau")
    text = alt_text(spec)
    assert "2011" in text and "2021" in text
    assert "1.07 trillion yuan in 2021" in text
    assert text.endswith("Source: city statistics bureau.")


def test_a_point_prints_its_own_text_and_a_missing_value_says_so() -> None:
    assert value_text(ChartPoint("a", 5.0, value_text="about 5 percent"), "percent") == \
        "about 5 percent"
    assert value_text(ChartPoint("b", math.nan), "yuan") == "no figure"
