"""charts/select/system.py: the industrial system's tiers and headline figures."""


from __future__ import annotations

from reportgen.charts.select import choose_charts
from reportgen.model import (
    SystemMember,
    SystemTier,
)

from ..support import briefing, by_id, fact


def test_system_chart_has_a_series_per_tier_with_headline_figures(synthetic):
    spec = by_id(choose_charts(synthetic))["industrial-system"]
    assert [s.name for s in spec.series] == ["Leading industries", "New growth areas"]
    metaverse = spec.series[1].points[0]
    assert metaverse.label == "Metaverse"
    assert metaverse.value_text == "350 billion yuan"
    assert spec.series[1].note == "Targets for 2025"  # every figure of the tier is a 2025 goal


def test_system_tier_note_is_its_total_and_mixed_targets_carry_their_year():
    facts = (fact("total", 2.87e12, "yuan", "total output", year=2021),
             fact("a", 1e11, "yuan", "a scale"),
             fact("b", 2e11, "yuan", "b scale", year=2025, target=True))
    tier = SystemTier("clusters", "key clusters", total_fact_id="total", members=(
        SystemMember("a", headline_fact_id="a"), SystemMember("b", headline_fact_id="b"),
        SystemMember("c")))
    spec = by_id(choose_charts(briefing(*facts, system=(tier,))))["industrial-system"]
    series = spec.series[0]
    assert series.note == "2.87 trillion yuan in 2021"
    assert [p.value_text for p in series.points] == [
        "100 billion yuan", "200 billion yuan (2025 target)", ""]
