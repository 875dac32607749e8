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


def _growth(chart_id: str, low: float, high: float) -> ChartSpec:
    points = (ChartPoint("2011", low, fact_id=f"{chart_id}-a"),
              ChartPoint("2021", high, fact_id=f"{chart_id}-b"))
    return ChartSpec(id=chart_id, kind="growth", title=chart_id, unit="yuan",
                     series=(ChartSeries(name=chart_id, points=points),))


def test_growth_charts_in_one_unit_are_drawn_on_one_scale_so_side_by_side_they_compare() -> None:
    from reportgen.charts import growth_tops
    from reportgen.charts.draw import draw_figure, house_style
    from reportgen.config import Config

    small, large = _growth("added-value", 723.1e9, 1.0739e12), _growth("output", 3.38e12, 4.2e12)
    tops = growth_tops([small, large])
    assert tops == {"yuan": 4.2e12}
    theme = Config().theme
    with house_style(theme):
        axes = [draw_figure(spec, theme, tops["yuan"]).axes[0] for spec in (small, large)]
    # the columns stand as high as their values compare (the arrow's label may lift one top)
    tops_drawn = [ax.get_ylim()[1] for ax in axes]
    assert abs(tops_drawn[0] - tops_drawn[1]) < 0.1 * tops_drawn[1]


def test_a_tables_columns_are_ranked_apart_so_a_month_never_meets_the_months_to_date(
        tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    path = tmp_path / "retail.txt"
    path.write_text("Retail sales\n\n2009-09-11\n\nRegion | August | Jan-Aug |\n"
                    "City | 6934.8 billion yuan | 53561.9 billion yuan |\n"
                    "County | 1115.1 billion yuan | 8809.0 billion yuan |\n"
                    "Village | 2065.7 billion yuan | 16392.4 billion yuan |\n", encoding="utf-8")
    plan = plan_for(extract_briefing(read_release(path)))
    rankings = [s for s in plan.charts if s.kind == "ranking"]
    assert len(rankings) == 2
    for spec in rankings:
        labels = [p.label for p in spec.series[0].points]
        assert sorted(labels) == ["City", "County", "Village"]


def test_a_tables_total_row_and_its_parts_read_as_total_and_part_names(tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    path = tmp_path / "retail.txt"
    path.write_text("Retail sales\n\n2009-09-11\n\n| Unit: 100 Million Yuan | |\n"
                    "|  | August | Jan-Aug |\n| Total Retail Sales | 10115.6 | 78763.3 |\n"
                    "| By Location | | |\n| City | 6934.8 | 53561.9 |\n"
                    "| County | 1115.1 | 8809.0 |\n| Village | 2065.7 | 16392.4 |\n",
                    encoding="utf-8")
    rankings = [s for s in plan_for(extract_briefing(read_release(path))).charts
                if s.kind == "ranking"]
    assert [s.title for s in rankings] == ["Total Retail Sales in yuan, August",
                                           "Total Retail Sales in yuan, Jan-Aug"]
    assert [p.label for p in rankings[0].series[0].points] == ["Total", "City", "Village",
                                                               "County"]
