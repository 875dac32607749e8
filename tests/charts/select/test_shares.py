"""charts/select/shares.py: percent figures of one whole."""


from __future__ import annotations

from reportgen.charts.select import plan_charts

from ..support import briefing, fact


def test_percentages_of_different_wholes_are_not_shares():
    s = (5, 50)
    b = briefing(fact("a", 20.0, "percent", "scholars share of national talent", sentence=s),
                 fact("b", 25.0, "percent", "innovative drugs share of national drugs", sentence=s),
                 fact("c", 42.0, "percent", "decline in energy use", sentence=(60, 90)),
                 fact("d", 50.0, "percent", "reduction in carbon emissions", sentence=(60, 90)))
    assert plan_charts(b).charts == () and plan_charts(b).skipped == ()


def test_shares_adding_to_more_than_one_whole_are_a_decision():
    s = (5, 50)
    plan = plan_charts(briefing(fact("x", 60.0, "percent", "x share of exports", sentence=s),
                                fact("y", 55.0, "percent", "y share of exports", sentence=s)))
    assert plan.charts == ()
    assert "add up to 115%" in plan.skipped[0].reason
