"""Any facts at all: choosing charts never raises, and every chosen chart draws or says why not."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.charts import draw_plan, drawing_problem, plan_charts
from reportgen.model import (
    Briefing,
    Document,
    Fact,
    Point,
    Quantity,
    Section,
    SystemMember,
    SystemTier,
    Target,
    Topic,
)

WORDS = ["gdp", "share of gdp", "exports", "scale", "industry scale", "$5", "上海", "a" * 60, ""]
UNITS = ["yuan", "percent", "count", "usd", "tons", "yuan per person"]
VALUES = st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                   st.sampled_from([0.0, -1.0, 40.6, 1e12, 100.0]))


@st.composite
def facts(draw: st.DrawFn) -> list[Fact]:
    """Up to 14 facts with clashing metrics, topics, years, units and sentences."""
    out = []
    for i in range(draw(st.integers(0, 14))):
        sentence = draw(st.sampled_from([(0, 10), (10, 20), None]))
        out.append(Fact(
            id=f"f{i}", span=(i, i + 1), text="x", quantity=Quantity(draw(VALUES),
                                                                     draw(st.sampled_from(UNITS))),
            metric=draw(st.sampled_from(WORDS)),
            year=draw(st.sampled_from([None, 2011, 2021, 2025])),
            is_target=draw(st.booleans()), topic=draw(st.sampled_from([None, "chips", "ai", "$"])),
            point_id=draw(st.sampled_from([None, "p1"])), sentence_span=sentence,
            hidden=draw(st.booleans()) and draw(st.booleans())))
    return out


def briefing_of(fs: list[Fact], members: int) -> Briefing:
    """A briefing whose structure and system point at the facts (some ids dangling)."""
    ids = [f.id for f in fs] + ["missing"]
    topics = tuple(Topic(f"t{k}", name, (0, 1), tuple(ids[k::3]))
                   for k, name in enumerate(["chips", "ai", "$"]))
    section = Section("s1", 1, "S", (0, 1), points=(Point("p1", 1, (0, 1), "First.", topics),))
    tier = SystemTier("tier", "leading industries", total_fact_id=ids[0], members=tuple(
        SystemMember(f"m{k}", headline_fact_id=ids[k % len(ids)]) for k in range(members)))
    targets = tuple(Target(f.id, f.topic, f.metric, f.year, actual_fact_id=ids[0])
                    for f in fs if f.is_target)
    doc = Document(path="x.txt", sha256="0" * 64, title="T")
    return Briefing(document=doc, text="y" * 40, facts=tuple(fs), sections=(section,),
                    targets=targets, system=(tier,) if members else ())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts(), st.integers(0, 9))
def test_choosing_charts_never_raises_and_ids_are_unique(fs, members):
    b = briefing_of(fs, members)
    plan = plan_charts(b)
    ids = [c.id for c in plan.charts]
    assert len(ids) == len(set(ids))
    known = {f.id for f in b.facts}
    for spec in plan.charts:
        assert spec.alt_text
        for point in (p for s in spec.series for p in s.points):
            assert point.fact_id is None or point.fact_id in known
            if spec.kind != "system":
                assert math.isfinite(point.value)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts(), st.integers(0, 9))
def test_every_chosen_chart_draws_or_says_why_not(fs, members):
    plan = plan_charts(briefing_of(fs, members))
    assets, skipped = draw_plan(plan, png=False)
    assert len(assets) + len(skipped) == len(plan.charts) + len(plan.skipped)
    for decision in skipped:
        assert str(decision).startswith("not charted: ") and decision.reason
    for asset in assets:
        assert drawing_problem(asset.spec) is None and asset.svg.startswith(b"<?xml")
