"""charts/select/common.py: what every proposer shares."""

from __future__ import annotations

import math

from reportgen.charts.select.common import (
    ChartDecision,
    common_year,
    plottable,
    sentence_case,
    slug,
    unique_ids,
)
from reportgen.model import ChartSpec, Fact, Quantity


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
