"""Releases other than the seed: growth rates and like money figures of one section are charted."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.charts import draw_charts, plan_charts
from reportgen.charts.select.common import MAX_CHARTS
from reportgen.charts.select.indicators import growth_rate
from reportgen.config import ChartChoices
from reportgen.model import Briefing, Fact, Quantity, Section

from .support import briefing, by_id, topics_point
from .test_draw import legibility_problems

GENRE = Path(__file__).parents[1] / "genre"


def fact(fid: str, value: float, unit: str, metric: str, *, year: int | None = None,
         period: str | None = None, section: str = "intro", target: bool = False,
         start: int = 0) -> Fact:
    """A fact with the fields the indicator charts read; `start` orders it in the text."""
    return Fact(id=fid, span=(start, start + 1), text=str(value),
                quantity=Quantity(value, unit), metric=metric, year=year, period=period,
                is_target=target, section_id=section)


def sections(*numbers: int) -> tuple[Section, ...]:
    """Sections 'intro' (number 0) and 's<n>' titled 'Section <n> title'."""
    return tuple(Section("intro" if n == 0 else f"s{n}", n,
                         "Introduction" if n == 0 else f"Section {n} title", (0, 1))
                 for n in numbers)


# --- growth rates ------------------------------------------------------------------------------


def test_growth_rate_reads_the_metric_and_signs_a_decrease():
    assert growth_rate(fact("a", 4.6, "percent", "GDP growth")) == ("GDP", 4.6)
    assert growth_rate(fact("b", 2.1, "percent", "decrease in exports")) == ("exports", -2.1)
    assert growth_rate(fact("c", 3.0, "percent", "increase in retail sales year-on-year")) == (
        "retail sales", 3.0)
    assert growth_rate(fact("d", 52.3, "percent", "tertiary industry share of GDP")) is None
    assert growth_rate(fact("e", 2.0, "multiple", "growth multiple of output")) is None
    assert growth_rate(fact("f", 0.8, "percent", "change in tertiary share")) is None


def test_growth_rates_of_one_year_rank_largest_first_with_declines_below_zero():
    b = briefing(
        fact("gdp", 4.6, "percent", "gross domestic product growth", year=2023, start=1),
        fact("ind", 4.9, "percent", "added value of industry growth", start=2),
        fact("exp", 2.1, "percent", "decrease in exports", start=3),
        fact("inv", 1.5, "percent", "investment growth rate", start=4),
        fact("h1", 7.2, "percent", "retail sales growth", year=2024, period="H1", start=5),
        fact("share", 52.3, "percent", "services share of GDP", start=6),
        fact("goal", 5.0, "percent", "GDP growth", year=2024, target=True, start=7),
    )
    spec = by_id(plan_charts(b).charts)["growth-rates-2023"]
    points = spec.series[0].points
    assert [(p.label, p.value, p.fact_id) for p in points] == [
        ("Added value of industry", 4.9, "ind"), ("Gross domestic product", 4.6, "gdp"),
        ("Investment", 1.5, "inv"), ("Exports", -2.1, "exp")]
    assert [p.value_text for p in points] == ["+4.9%", "+4.6%", "+1.5%", "−2.1%"]
    assert spec.kind == "ranking" and spec.unit == "percent"
    assert spec.title == "Growth by indicator, 2023"
    assert "Exports at −2.1%" in spec.alt_text


def test_fewer_than_three_growth_rates_make_no_chart_and_no_decision():
    b = briefing(fact("a", 4.6, "percent", "GDP growth"), fact("b", 3.0, "percent",
                                                              "exports growth"))
    plan = plan_charts(b)
    assert plan.charts == () and plan.skipped == ()


def test_growth_rates_of_another_period_get_their_own_chart_in_words():
    rows = [fact(f"r{i}", 1.0 + i, "percent", f"metric {i} growth", year=2023, period="H1",
                 start=i) for i in range(3)]
    spec = plan_charts(briefing(*rows)).charts[0]
    assert spec.id == "growth-rates-h1-2023"
    assert spec.title == "Growth by indicator, first half of 2023"


# --- like money figures of one section ---------------------------------------------------------


def test_money_figures_of_a_numbered_section_rank_under_its_title():
    b = replace_sections(briefing(
        fact("gdp", 2.46e12, "yuan", "gross domestic product", year=2023, section="s2"),
        fact("out", 4.4e12, "yuan", "industrial output", section="s2", start=1),
        fact("inv", 186e9, "yuan", "total investment of projects", section="s2", start=2),
        fact("cap", 84_110, "yuan", "per capita disposable income", section="s2", start=3),
        fact("usd", 31e9, "usd", "foreign investment", section="s2", start=4),
        fact("goal", 3e12, "yuan", "digital economy", year=2025, target=True, section="s2"),
        fact("other", 1e12, "yuan", "exports", section="s3", start=5),
    ), sections(0, 2, 3))
    specs = plan_charts(b).charts
    assert [s.id for s in specs] == ["figures-yuan-s2-2023"]
    spec = specs[0]
    assert spec.title == "Section 2 title: figures in yuan, 2023"
    assert [p.fact_id for p in spec.series[0].points] == ["out", "gdp", "inv"]
    assert [p.value_text for p in spec.series[0].points] == [
        "4.4 trillion yuan", "2.46 trillion yuan", "186 billion yuan"]


def test_money_figures_already_ranked_by_topic_are_not_charted_again():
    from .support import fact as topic_fact

    rows = [topic_fact(n, v, "yuan", f"{n} industry scale", topic=n, point="p1")
            for n, v in (("chips", 250e9), ("drugs", 700e9), ("robots", 300e9))]
    extra = fact("total", 1.3e12, "yuan", "total scale", section="s1")
    specs = plan_charts(replace_sections(briefing(*rows, extra), (topics_point("p1", rows),)))
    assert [s.kind for s in specs.charts] == ["ranking"]
    assert not any(s.id.startswith("figures-") for s in specs.charts)


def test_more_than_eight_charts_keep_those_with_the_most_figures():
    rows = []
    for n in range(1, MAX_CHARTS + 3):
        count = 4 if n <= MAX_CHARTS else 3
        rows += [fact(f"s{n}-{i}", 1e9 * (i + 1), "yuan", f"figure {i}", section=f"s{n}",
                      start=n * 10 + i) for i in range(count)]
    b = replace_sections(briefing(*rows), sections(*range(1, MAX_CHARTS + 3)))
    plan = plan_charts(b)
    assert len(plan.charts) == MAX_CHARTS
    assert all(len(s.fact_ids) == 4 for s in plan.charts)
    assert [d.chart_id for d in plan.skipped] == ["figures-yuan-s9", "figures-yuan-s10"]
    assert all("more than 8 charts" in d.reason for d in plan.skipped)
    only = plan_charts(b, ChartChoices(only=("figures-yuan-s9", "figures-yuan-s10")))
    assert [s.id for s in only.charts] == ["figures-yuan-s9", "figures-yuan-s10"]


def replace_sections(b: Briefing, secs: tuple[Section, ...]) -> Briefing:
    from dataclasses import replace

    return replace(b, sections=secs)


# --- a real release of the genre -----------------------------------------------------------------


@pytest.fixture(scope="module")
def city_gdp() -> Briefing:
    from reportgen.pipeline import load_briefing

    return load_briefing(GENRE / "city-gdp-2023.txt")


def test_city_gdp_release_gets_growth_rates_and_money_figures_from_its_own_facts(city_gdp):
    plan = plan_charts(city_gdp)
    assert len(plan.charts) >= 2
    kinds = {s.id.split("-")[0] for s in plan.charts}
    assert {"growth", "figures"} <= kinds
    for spec in plan.charts:
        for point in spec.series[0].points:
            fact_ = city_gdp.fact(point.fact_id or "")
            assert abs(point.value) == fact_.value, (spec.id, point)


def test_city_gdp_release_charts_draw_legibly(city_gdp):
    plan = plan_charts(city_gdp)
    assert len(draw_charts(city_gdp)) == len(plan.charts)
    for spec in plan.charts:
        assert legibility_problems(spec) == [], spec.id


def test_opening_words_every_label_shares_move_to_the_subtitle():
    rows = [fact(f"d{i}", v, "yuan", f"investment in digital projects in district {i}",
                 start=i) for i, v in ((1, 86e9), (2, 52e9), (3, 34e9))]
    spec = plan_charts(briefing(*rows)).charts[0]
    assert [p.label for p in spec.series[0].points] == ["District 1", "District 2", "District 3"]
    assert spec.subtitle == "Investment in digital projects"
    assert "(Investment in digital projects)" in spec.alt_text
    assert "District 1 at 86 billion yuan" in spec.alt_text
