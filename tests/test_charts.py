"""charts/__init__.py: the charts chosen for a briefing, drawn, or sized before they are drawn."""

from __future__ import annotations

import math
import re

from reportgen.charts import chart_placeholders, draw_charts, drawing_problem, plan_for
from reportgen.model import Briefing, ChartPoint, ChartSeries, ChartSpec


def test_every_chosen_chart_is_drawn_as_svg_and_placeholders_have_its_size(
        synthetic: Briefing) -> None:
    planned = [s.id for s in plan_for(synthetic).charts]
    drawn = draw_charts(synthetic, png=False)
    assert [a.id for a in drawn] == planned and all(a.svg.startswith(b"<?xml") for a in drawn)
    sizes = {a.id: re.search(rb'width="([0-9.]+)pt" height="([0-9.]+)pt"', a.svg).groups()
             for a in drawn}
    for placeholder in chart_placeholders(synthetic):
        width, height = re.search(rb'width="([0-9.]+)pt" height="([0-9.]+)pt"',
                                  placeholder.svg).groups()
        assert (float(width), float(height)) == tuple(float(v) for v in sizes[placeholder.id])


def test_a_chart_with_nothing_finite_to_show_is_not_drawn() -> None:
    spec = ChartSpec(id="x", kind="ranking", title="X", unit="yuan",
                     series=(ChartSeries("x", (ChartPoint("a", math.nan),)),))
    assert drawing_problem(spec) == "no finite value to plot"
