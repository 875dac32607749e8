"""charts/select/common.py: what every proposer shares."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest

from reportgen.charts.select.common import (
    ChartDecision,
    common_year,
    plottable,
    plottable_fact,
    sentence_case,
    slug,
    unique_ids,
)
from reportgen.model import ChartSpec, Fact, Quantity

ROOT = Path(__file__).resolve().parents[3]


def fact(year: int | None) -> Fact:
    return Fact(id=f"f{year}", span=(0, 1), text="1", quantity=Quantity(1.0, "yuan"),
                metric="gdp", year=year)


def test_only_finite_figures_of_a_sane_size_are_plotted() -> None:
    assert plottable(5.0) and not plottable(math.inf) and not plottable(1e30)


def test_ids_titles_and_years_shared_by_charts() -> None:
    assert slug("Industrial added value, 2011–2021") == "industrial-added-value-2011-2021"
    assert sentence_case("retail sales") == "Retail sales"
    assert common_year([fact(2023), fact(2023)]) == 2023
    assert common_year([fact(2022), fact(2023)]) is None


def test_a_second_chart_with_the_same_id_gets_its_own() -> None:
    spec = ChartSpec(id="growth-gdp", kind="growth", title="GDP", unit="yuan", series=())
    ids = [getattr(c, "id", getattr(c, "chart_id", "")) for c in
           unique_ids([spec, spec, ChartDecision("x", "no years")])]
    assert len(set(ids)) == 3


def test_a_threshold_is_never_plotted_as_a_measured_figure() -> None:
    each = replace(fact(2023), per_item=True)  # "over 10 billion yuan each"
    assert plottable_fact(fact(2023)) and not plottable_fact(each)


RELEASES = sorted([next((ROOT / "seeds").glob("*.txt")),
                   *(ROOT / "tests" / "corpus" / "dev").glob("*.txt")])


@pytest.mark.slow
@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.stem)
def test_no_chart_mixes_units_thresholds_or_goals_with_achievements(path: Path) -> None:
    from reportgen.charts import plan_for
    from reportgen.pipeline import load_briefing

    briefing = load_briefing(path)
    for spec in plan_for(briefing).charts:
        if spec.kind == "system":  # a diagram of the tiers, not a measure
            continue
        facts = briefing.facts_in(spec.fact_ids)
        assert {f.unit for f in facts} <= {spec.unit}, spec.id  # one measure, one unit
        assert not any(f.per_item for f in facts), spec.id  # no threshold among totals
        goals = [f.is_target for f in facts]
        if spec.kind == "targets":  # goals, each beside at most its latest actual
            assert all(goals[: len(spec.series[0].points)]), spec.id
        else:
            assert not any(goals), spec.id
