"""charts/select/rankings.py: figures of one unit across topics or a tier's members."""


from __future__ import annotations

from reportgen.charts.select import choose_charts, plan_charts
from reportgen.model import (
    SystemMember,
    SystemTier,
)

from ..support import briefing, by_id, fact, topics_point


def test_ranking_orders_tier_members_largest_first(synthetic):
    spec = by_id(choose_charts(synthetic))["ranking-leading-industries"]
    assert [(p.label, p.value) for p in spec.series[0].points] == [
        ("Biopharmaceuticals", 700e9), ("Artificial intelligence", 305.6e9),
        ("Integrated circuits", 250e9)]
    assert spec.unit == "yuan"


def test_ranking_across_topics_of_a_point_names_the_common_metric():
    facts = [fact(f"{t}-revenue", v, "usd", f"{t} revenue", topic=t, point="s1-p1")
             for t, v in (("software", 3e11), ("cloud", 1e11), ("chips", 2e11))]
    spec = by_id(choose_charts(briefing(*facts, sections=(topics_point("s1-p1", facts),))))[
        "ranking-revenue"]
    assert [p.label for p in spec.series[0].points] == ["Software", "Chips", "Cloud"]
    assert spec.title == "Revenue"


def test_two_members_with_figures_is_a_decision_not_a_ranking():
    facts = [fact("a", 1e9, "yuan", "a scale"), fact("b", 2e9, "yuan", "b scale")]
    tier = SystemTier("key-clusters", "key clusters", members=(
        SystemMember("a", headline_fact_id="a", fact_ids=("a",)),
        SystemMember("b", headline_fact_id="b", fact_ids=("b",))))
    plan = plan_charts(briefing(*facts, system=(tier,)))
    assert "ranking-key-clusters" not in [c.id for c in plan.charts]
    decision = next(d for d in plan.skipped if d.chart_id == "ranking-key-clusters")
    assert "only 2 figures" in decision.reason and "needs 3" in decision.reason


def test_thirty_categories_keep_the_largest_twelve_and_say_so():
    facts = [fact(f"d{i}", float(i + 1), "count", f"district {i} firms", topic=f"district {i}",
                  point="s1-p1") for i in range(30)]
    spec = choose_charts(briefing(*facts, sections=(topics_point("s1-p1", facts),)))[0]
    assert len(spec.series[0].points) == 12
    assert spec.series[0].points[0].value == 30.0
    assert spec.subtitle == "Largest 12 of 30"


def test_long_and_dollar_labels_pass_through_unchanged():
    long = "a" * 200
    facts = [fact("p", 1.0, "yuan", "Costs $5 and $10", topic="Costs $5 and $10", point="s1-p1"),
             fact("q", 2.0, "yuan", long, topic=long, point="s1-p1"),
             fact("r", 3.0, "yuan", "r", topic="r", point="s1-p1")]
    spec = choose_charts(briefing(*facts, sections=(topics_point("s1-p1", facts),)))[0]
    assert {p.label for p in spec.series[0].points} == {"Costs $5 and $10", "A" + long[1:], "R"}
