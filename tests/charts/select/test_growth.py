"""charts/select/growth.py: a metric over years, and the data layer's from–to changes."""


from __future__ import annotations

import math
from dataclasses import replace

import pytest

from reportgen.charts.select import choose_charts, plan_charts
from reportgen.formatting import fact_figure
from reportgen.model import (
    LevelChange,
)

from ..support import briefing, by_id, fact, spanned


def test_growth_chart_points_are_years_with_fact_ids_and_change_in_subtitle(synthetic):
    spec = by_id(choose_charts(synthetic))["growth-industrial-added-value"]
    points = spec.series[0].points
    assert [(p.label, p.value, p.fact_id) for p in points] == [
        ("2011", 723.1e9, "industrial-added-value-2011"),
        ("2021", 1.0739e12, "industrial-added-value-2021")]
    assert spec.title == "Industrial added value, 2011–2021"
    assert spec.subtitle == "+48.5% in 10 years (4% a year)"
    # as the source states them (and as every output prints them), not rounded to 723 and 1.07
    assert [p.value_text for p in points] == ["723.1 billion yuan", "1.0739 trillion yuan"]
    assert [p.value_text for p in points] == [fact_figure(synthetic.fact(p.fact_id))
                                              for p in points]


def test_release_without_growth_pairs_gets_no_growth_chart():
    b = briefing(fact("exports-2022", 4.2e12, "yuan", "exports", year=2022),
                 fact("imports-2022", 2.1e12, "yuan", "imports", year=2022))
    assert [c for c in choose_charts(b) if c.kind == "growth"] == []


def test_growth_ignores_targets_of_the_same_metric():
    b = briefing(fact("gdp-2021", 4e12, "yuan", "gdp", year=2021),
                 fact("gdp-2025", 5e12, "yuan", "gdp", year=2025, target=True))
    assert [c.kind for c in choose_charts(b)] != ["growth"]


def test_a_level_change_with_years_is_a_growth_chart_of_its_two_facts():
    text = ("Exports rose from 1.2 billion yuan in 2015 to 2.5 billion yuan in 2020. "
            "Imports grew from 3.1 billion yuan to 4.4 billion yuan.\n\nNext paragraph.")
    facts = (spanned(text, "3.1 billion yuan", "i1", 3.1e9, "imports"),
             spanned(text, "4.4 billion yuan", "i2", 4.4e9, "imports"))
    b = replace(briefing(*facts), level_changes=(LevelChange("i1", "i2", 2015, 2020),))
    spec = by_id(choose_charts(b))["growth-imports"]
    assert [(p.label, p.fact_id) for p in spec.series[0].points] == [("2015", "i1"),
                                                                     ("2020", "i2")]
    assert "years 2015 and 2020" in spec.source_note


def test_a_level_change_without_years_is_a_decision():
    text = "Intro.\n\nImports grew from 3.1 billion yuan to 4.4 billion yuan."
    facts = (spanned(text, "3.1 billion yuan", "i1", 3.1e9, "imports"),
             spanned(text, "4.4 billion yuan", "i2", 4.4e9, "imports"))
    plan = plan_charts(replace(briefing(*facts), level_changes=(LevelChange("i1", "i2"),)))
    assert plan.charts == ()
    assert [str(d) for d in plan.skipped] == [
        "not charted: growth-imports: imports: the change from 3.1 billion yuan to "
        "4.4 billion yuan has no years"]


@pytest.mark.parametrize("values", [
    [math.nan, math.nan], [0.0, 0.0], [-5e9, -2e9], [1e9, math.inf], [math.nan, 3e9],
    [1e300, 2e9],
])
def test_degenerate_growth_values_give_a_chart_or_a_decision(values):
    facts = [fact(f"m-{i}", v, "yuan", "m", year=2020 + i) for i, v in enumerate(values)]
    plan = plan_charts(briefing(*facts))
    assert len(plan.charts) + len(plan.skipped) == 1
    finite = [v for v in values if math.isfinite(v) and abs(v) < 1e18]
    if len(finite) < 2:
        assert plan.skipped[0].chart_id == "growth-m"
        assert "fewer than two years" in plan.skipped[0].reason
