"""charts/select/targets.py: goals beside the latest actual figure the data layer paired."""


from __future__ import annotations

from reportgen.charts.select import choose_charts, plan_charts
from reportgen.model import (
    Target,
)

from ..support import briefing, by_id, fact


def test_targets_chart_lists_each_goal_of_the_year(synthetic):
    spec = by_id(choose_charts(synthetic))["targets-2025"]
    assert spec.title == "Targets for 2025"
    assert [(p.label, p.value) for p in spec.series[0].points] == [
        ("Smart terminals", 700e9), ("Metaverse", 350e9)]


def test_targets_stand_beside_the_latest_actual_of_the_same_topic():
    b = briefing(
        fact("ev-2021", 6.7e5, "count", "new energy vehicles sold", year=2021, topic="vehicles"),
        fact("ev-2020", 2.1e5, "count", "new energy vehicles sold", year=2020, topic="vehicles"),
        fact("ev-2025", 1.2e6, "count", "new energy vehicles sold", year=2025, target=True,
             topic="vehicles"),
        fact("chargers-2025", 2e5, "count", "charging piles", year=2025, target=True,
             topic="charging"),
    )
    spec = by_id(choose_charts(b))["targets-2025"]
    target, actual = spec.series
    assert [(p.label, p.value) for p in target.points] == [("Vehicles", 1.2e6), ("Charging", 2e5)]
    assert [(p.label, p.fact_id) for p in actual.points] == [("Vehicles", "ev-2021")]
    # each goal is labelled as one, so it never reads as an achieved figure
    assert [p.value_text for p in target.points] == ["target 1.2 million", "target 200,000"]
    assert "Vehicles: target 1.2 million — latest actual 670,000 (2021)" in spec.alt_text
    assert "Charging: target 200,000" in spec.alt_text


def test_an_actual_of_another_metric_in_the_same_topic_is_not_set_beside_a_target():
    b = briefing(
        fact("piles", 1e5, "count", "charging piles built", year=2021, topic="vehicles"),
        fact("ev-goal", 1.2e6, "count", "new energy vehicles sold", year=2025, target=True,
             topic="vehicles"),
        fact("ev-now", 6.7e5, "count", "new energy vehicles sold in the city", year=2021,
             topic="vehicles"),
        fact("h2-goal", 1e4, "count", "fuel cell vehicles", year=2025, target=True,
             topic="hydrogen"))
    spec = by_id(choose_charts(b))["targets-2025"]
    assert [p.fact_id for p in spec.series[1].points] == ["ev-now"]


def test_briefing_targets_use_their_actual_fact_id():
    b = briefing(fact("gdp-now", 4e12, "yuan", "gdp", year=2021),
                 fact("gdp-goal", 5e12, "yuan", "gdp", year=2025, target=True),
                 targets=(Target("gdp-goal", None, "gdp", 2025, actual_fact_id="gdp-now"),))
    spec = by_id(choose_charts(b))["targets-2025"]
    assert spec.series[1].points[0].fact_id == "gdp-now"


def test_single_target_without_actual_is_a_decision():
    plan = plan_charts(briefing(fact("g", 5e11, "yuan", "green industry scale", year=2025,
                                     target=True)))
    assert plan.charts == ()
    assert [d.chart_id for d in plan.skipped] == ["targets-2025"]
    assert str(plan.skipped[0]).startswith("not charted: targets-2025: only 1 target")
