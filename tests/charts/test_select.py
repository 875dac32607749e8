"""charts/select: which charts a briefing gets, their ids, alt text, limits and staff choices."""


from __future__ import annotations

import subprocess
import sys

import pytest

from reportgen.charts.select import choose_charts, known_chart_ids, plan_charts
from reportgen.charts.select.common import ChartDecision
from reportgen.config import ChartChoices
from reportgen.errors import ChartError

from .support import briefing, by_id, fact


def test_synthetic_briefing_gets_growth_ranking_targets_and_system_charts(synthetic):
    ids = [c.id for c in choose_charts(synthetic)]
    assert ids == ["growth-industrial-added-value", "growth-total-industrial-output-value",
                   "ranking-leading-industries", "targets-2025", "industrial-system"]


def test_every_chart_has_alt_text_and_source_note(synthetic):
    for spec in choose_charts(synthetic):
        assert spec.alt_text and "Sample Office" in spec.source_note, spec.id


def test_choosing_charts_does_not_import_matplotlib():
    code = ("import sys; sys.path.insert(0, 'tests'); from synthetic import synthetic_briefing; "
            "from reportgen.charts import choose_charts; choose_charts(synthetic_briefing()); "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


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


def test_one_point_metric_gets_no_chart_and_no_noise():
    plan = plan_charts(briefing(fact("only", 1.0, "yuan", "only", year=2020)))
    assert plan.charts == () and plan.skipped == ()


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
