"""Another release of the genre (other city, GDP, shares, targets): the charts its data supports."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.charts import draw_charts, plan_charts
from reportgen.model import Briefing

from .test_draw import legibility_problems

RELEASE = """Press release on the city's economic performance in 2023 (Jan. 20, 2024)

2024.01.20

On the morning of Jan. 20, the Information Office held a press conference on the city's economy.

The city's gross regional product has increased from 2.69 trillion yuan in 2018 to 3.46 trillion \
yuan in 2023. The total retail sales of consumer goods increased from 900 billion yuan to 1.12 \
trillion yuan.

1. Industries grew steadily

First, the city has strengthened four pillar industries. In terms of electronics, the industry \
scale reached 1.1 trillion yuan. In terms of automobiles, the industry scale reached 520 billion \
yuan. In terms of petrochemicals, the industry scale reached 380 billion yuan. In terms of \
logistics, the industry scale reached 260 billion yuan.

Second, the city will foster emerging industries. In terms of new energy storage, the industry \
scale will reach 300 billion yuan in 2025. In terms of low-altitude economy, the industry scale \
will reach 100 billion yuan in 2025.

2. Structure improved

First, the primary industry accounted for 0.1% of GDP, the secondary industry accounted for \
37.5% of GDP, and the tertiary industry accounted for 62.4% of GDP.
"""


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    from reportgen.pipeline import load_briefing

    path = Path(tmp_path_factory.mktemp("seeds")) / "city-economy-2023.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return load_briefing(path)


def test_other_release_gets_growth_ranking_targets_shares_and_system(release):
    kinds = {c.kind for c in plan_charts(release).charts}
    assert kinds == {"growth", "ranking", "targets", "shares", "system"}


def test_other_release_growth_uses_its_own_years(release):
    growth = [c for c in plan_charts(release).charts if c.kind == "growth"]
    assert all(c.title.endswith("2018–2023") for c in growth)
    assert all("5 years" in c.subtitle for c in growth)


def test_other_release_shares_are_the_three_parts_of_gdp(release):
    shares = next(c for c in plan_charts(release).charts if c.kind == "shares")
    assert [p.value for p in shares.series[0].points] == [0.1, 37.5, 62.4]
    assert "GDP" in shares.title


def test_other_release_ranks_the_four_pillars_largest_first(release):
    ranking = next(c for c in plan_charts(release).charts if c.kind == "ranking")
    values = [p.value for p in ranking.series[0].points]
    assert len(values) == 4 and values == sorted(values, reverse=True)


def test_other_release_charts_draw_legibly(release):
    plan = plan_charts(release)
    assert len(draw_charts(release)) == len(plan.charts)
    for spec in plan.charts:
        assert legibility_problems(spec) == [], spec.id
