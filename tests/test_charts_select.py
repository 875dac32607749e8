"""Choosing charts from the data layer: which charts, ids, data, decisions and staff choices."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from dataclasses import replace

import pytest

from reportgen.charts.select import choose_charts, known_chart_ids, plan_charts
from reportgen.charts.select.common import ChartDecision
from reportgen.config import ChartChoices
from reportgen.errors import ChartError
from reportgen.extraction.system import build_targets
from reportgen.model import (
    Briefing,
    Document,
    Fact,
    LevelChange,
    Point,
    Quantity,
    Section,
    SystemMember,
    SystemTier,
    Target,
    Topic,
)


def fact(fid: str, value: float, unit: str, metric: str, *, year: int | None = None,
         target: bool = False, topic: str | None = None, point: str | None = None,
         sentence: tuple[int, int] | None = None) -> Fact:
    """A fact with just the fields chart selection reads."""
    return Fact(id=fid, span=(0, 1), text=str(value), quantity=Quantity(value, unit),
                metric=metric, year=year, is_target=target, topic=topic, point_id=point,
                sentence_span=sentence, section_id="s1")


def briefing(*facts: Fact, sections: tuple[Section, ...] = (),
             targets: tuple[Target, ...] | None = None,
             system: tuple[SystemTier, ...] = ()) -> Briefing:
    """A briefing holding `facts` and nothing else the charts would read; its targets paired
    with their latest actual figures by the data layer's rule unless given."""
    doc = Document(path="seeds/other-city.txt", sha256="0" * 64, title="Other city",
                   date="2023-01-20", issuer="Statistics Bureau")
    made = Briefing(document=doc, text="", facts=facts, sections=sections, system=system)
    return replace(made, targets=build_targets(made) if targets is None else targets)


def topics_point(pid: str, facts: list[Fact]) -> Section:
    """A section with one point whose topics each hold one of `facts`."""
    topics = tuple(Topic(f"{pid}-{f.topic}", f.topic or "", (0, 1), (f.id,)) for f in facts)
    point = Point(pid, 1, (0, 1), "First, several sectors.", topics=topics,
                  fact_ids=tuple(f.id for f in facts))
    return Section("s1", 1, "Sectors", (0, 1), points=(point,))


def by_id(specs: tuple) -> dict:
    return {s.id: s for s in specs}


# --- the synthetic seed-shaped briefing -------------------------------------------------------


def test_synthetic_briefing_gets_growth_ranking_targets_and_system_charts(synthetic):
    ids = [c.id for c in choose_charts(synthetic)]
    assert ids == ["growth-industrial-added-value", "growth-total-industrial-output-value",
                   "ranking-leading-industries", "targets-2025", "industrial-system"]


def test_growth_chart_points_are_years_with_fact_ids_and_change_in_subtitle(synthetic):
    spec = by_id(choose_charts(synthetic))["growth-industrial-added-value"]
    points = spec.series[0].points
    assert [(p.label, p.value, p.fact_id) for p in points] == [
        ("2011", 723.1e9, "industrial-added-value-2011"),
        ("2021", 1.0739e12, "industrial-added-value-2021")]
    assert spec.title == "Industrial added value, 2011–2021"
    assert spec.subtitle == "+48.5% in 10 years (4% a year)"
    assert [p.value_text for p in points] == ["723 billion yuan", "1.07 trillion yuan"]


def test_ranking_orders_tier_members_largest_first(synthetic):
    spec = by_id(choose_charts(synthetic))["ranking-leading-industries"]
    assert [(p.label, p.value) for p in spec.series[0].points] == [
        ("Biopharmaceuticals", 700e9), ("Artificial intelligence", 305.6e9),
        ("Integrated circuits", 250e9)]
    assert spec.unit == "yuan"


def test_targets_chart_lists_each_goal_of_the_year(synthetic):
    spec = by_id(choose_charts(synthetic))["targets-2025"]
    assert spec.title == "Targets for 2025"
    assert [(p.label, p.value) for p in spec.series[0].points] == [
        ("Smart terminals", 700e9), ("Metaverse", 350e9)]


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


def test_every_chart_has_alt_text_and_source_note(synthetic):
    for spec in choose_charts(synthetic):
        assert spec.alt_text and "Sample Office" in spec.source_note, spec.id


def test_choosing_charts_does_not_import_matplotlib():
    code = ("import sys; sys.path.insert(0, 'tests'); from synthetic import synthetic_briefing; "
            "from reportgen.charts import choose_charts; choose_charts(synthetic_briefing()); "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


# --- another release of the genre: the charts its figures support ----------------------------


def test_gdp_release_gets_a_three_year_growth_chart_and_industry_shares():
    sentence = (100, 200)
    b = briefing(
        fact("grp-2019", 3.8e12, "yuan", "gross regional product", year=2019),
        fact("grp-2020", 3.87e12, "yuan", "gross regional product", year=2020),
        fact("grp-2021", 4.32e12, "yuan", "gross regional product", year=2021),
        fact("primary", 0.2, "percent", "primary industry share of GDP", sentence=sentence),
        fact("secondary", 26.5, "percent", "secondary industry share of GDP", sentence=sentence),
        fact("tertiary", 73.3, "percent", "tertiary industry share of GDP", sentence=sentence),
    )
    specs = by_id(choose_charts(b))
    assert set(specs) == {"growth-gross-regional-product", "shares-gdp"}
    growth = specs["growth-gross-regional-product"]
    assert [p.label for p in growth.series[0].points] == ["2019", "2020", "2021"]
    shares = specs["shares-gdp"]
    assert [(p.label, p.value) for p in shares.series[0].points] == [
        ("Primary", 0.2), ("Secondary", 26.5), ("Tertiary", 73.3)]
    assert shares.title == "Share of GDP"


def test_percentages_of_different_wholes_are_not_shares():
    s = (5, 50)
    b = briefing(fact("a", 20.0, "percent", "scholars share of national talent", sentence=s),
                 fact("b", 25.0, "percent", "innovative drugs share of national drugs", sentence=s),
                 fact("c", 42.0, "percent", "decline in energy use", sentence=(60, 90)),
                 fact("d", 50.0, "percent", "reduction in carbon emissions", sentence=(60, 90)))
    assert plan_charts(b).charts == () and plan_charts(b).skipped == ()


def test_release_without_growth_pairs_gets_no_growth_chart():
    b = briefing(fact("exports-2022", 4.2e12, "yuan", "exports", year=2022),
                 fact("imports-2022", 2.1e12, "yuan", "imports", year=2022))
    assert [c for c in choose_charts(b) if c.kind == "growth"] == []


def test_growth_ignores_targets_of_the_same_metric():
    b = briefing(fact("gdp-2021", 4e12, "yuan", "gdp", year=2021),
                 fact("gdp-2025", 5e12, "yuan", "gdp", year=2025, target=True))
    assert [c.kind for c in choose_charts(b)] != ["growth"]


def spanned(text: str, quote: str, fid: str, value: float, metric: str,
            year: int | None = None) -> Fact:
    """A fact whose span and sentence span point into `text`."""
    start = text.index(quote)
    ends = [m.end() for m in re.finditer(r"\.(\s|$)", text)]  # a full stop, then space or end
    sentence = (max([e for e in ends if e <= start] + [0]), min(e for e in ends if e > start))
    return Fact(id=fid, span=(start, start + len(quote)), text=quote,
                quantity=Quantity(value, "yuan"), metric=metric, year=year,
                sentence_span=sentence)


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
    assert "Vehicles: 1.2 million — latest actual 670,000 (2021)" in spec.alt_text
    assert "Charging: 200,000" in spec.alt_text


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


def test_shares_adding_to_more_than_one_whole_are_a_decision():
    s = (5, 50)
    plan = plan_charts(briefing(fact("x", 60.0, "percent", "x share of exports", sentence=s),
                                fact("y", 55.0, "percent", "y share of exports", sentence=s)))
    assert plan.charts == ()
    assert "add up to 115%" in plan.skipped[0].reason


# --- degenerate facts never raise ---------------------------------------------------------------


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


def test_one_point_metric_gets_no_chart_and_no_noise():
    plan = plan_charts(briefing(fact("only", 1.0, "yuan", "only", year=2020)))
    assert plan.charts == () and plan.skipped == ()


def test_long_and_dollar_labels_pass_through_unchanged():
    long = "a" * 200
    facts = [fact("p", 1.0, "yuan", "Costs $5 and $10", topic="Costs $5 and $10", point="s1-p1"),
             fact("q", 2.0, "yuan", long, topic=long, point="s1-p1"),
             fact("r", 3.0, "yuan", "r", topic="r", point="s1-p1")]
    spec = choose_charts(briefing(*facts, sections=(topics_point("s1-p1", facts),)))[0]
    assert {p.label for p in spec.series[0].points} == {"Costs $5 and $10", "A" + long[1:], "R"}


# --- staff choices ------------------------------------------------------------------------------


def test_drop_only_and_retitle_by_id(synthetic):
    choices = ChartChoices(drop=("industrial-system",),
                           titles=(("targets-2025", "Goals for 2025"),))
    plan = plan_charts(synthetic, choices)
    ids = [c.id for c in plan.charts]
    assert "industrial-system" not in ids
    assert by_id(plan.charts)["targets-2025"].title == "Goals for 2025"
    dropped = ChartDecision("industrial-system", "dropped by charts.drop in the config")
    assert dropped in plan.skipped
    only_two = ChartChoices(only=("targets-2025", "ranking-leading-industries"))
    only = choose_charts(synthetic, only_two)
    assert [c.id for c in only] == ["ranking-leading-industries", "targets-2025"]


def test_retitle_is_reflected_in_alt_text(synthetic):
    spec = choose_charts(synthetic, ChartChoices(titles=(("ranking-leading-industries",
                                                          "Three pillars"),)))
    assert "Three pillars" in by_id(spec)["ranking-leading-industries"].alt_text


@pytest.mark.parametrize("choices", [ChartChoices(drop=("growth-gdp",)),
                                     ChartChoices(only=("growth-gdp",)),
                                     ChartChoices(titles=(("growth-gdp", "GDP"),))])
def test_unknown_chart_id_is_an_error_listing_the_known_ids(synthetic, choices):
    with pytest.raises(ChartError) as caught:
        choose_charts(synthetic, choices)
    message = str(caught.value)
    assert "'growth-gdp'" in message
    assert "growth-industrial-added-value" in message and "industrial-system" in message


def test_unknown_chart_id_names_the_closest_known_id(synthetic):
    with pytest.raises(ChartError, match=r"did you mean 'targets-2025'\?"):
        choose_charts(synthetic, ChartChoices(drop=("target-2025",)))


def test_known_ids_include_charts_that_were_not_drawn():
    b = briefing(fact("g", 5e11, "yuan", "green", year=2025, target=True))
    assert known_chart_ids(b) == ("targets-2025",)
    assert choose_charts(b, ChartChoices(drop=("targets-2025",))) == ()
