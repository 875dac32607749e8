"""The industrial system chart: each tier's members and their headline figures."""

from __future__ import annotations

import math

from reportgen.charts.select.common import (
    SYSTEM,
    Candidate,
    ChartDecision,
    common_section,
    figure,
    sentence_case,
    single_unit,
    source_note,
)
from reportgen.model import (
    Briefing,
    ChartPoint,
    ChartSeries,
    ChartSpec,
    Fact,
    SystemMember,
    SystemTier,
)


def propose_system(briefing: Briefing) -> list[Candidate]:
    """The industrial-system diagram when the briefing lays out tiers of industries."""
    tiers = [t for t in briefing.system if t.members or t.total_fact_id or t.count_fact_id]
    if not briefing.system:
        return []
    if not tiers or (len(tiers) == 1 and not tiers[0].members):
        return [ChartDecision("industrial-system", "the system has no tier with members")]
    series = tuple(_tier_series(briefing, t) for t in tiers)
    facts = briefing.facts_in(p.fact_id for s in series for p in s.points if p.fact_id)
    return [ChartSpec(
        id="industrial-system", kind=SYSTEM, unit=single_unit(facts),
        title="The industrial system", series=series,
        subtitle=" → ".join(sentence_case(t.name) for t in tiers),
        source_note=source_note(briefing), section_id=common_section(list(facts)),
    )]


def _tier_series(briefing: Briefing, tier: SystemTier) -> ChartSeries:
    """One tier: a point per member with its headline figure, the tier's total as the note."""
    heads = [_member_headline(briefing, m) for m in tier.members]
    goal_years = {f.year for f in heads if f is not None and f.is_target}
    # When every figure of the tier is a goal for one year, say so once, in the tier's note.
    shared_goal = len(goal_years) == 1 and all(f is None or f.is_target for f in heads)
    points = tuple(
        ChartPoint(sentence_case(m.name), math.nan) if f is None else
        ChartPoint(sentence_case(m.name), f.value, f.id,
                   figure(f, with_year=f.is_target and not shared_goal))
        for m, f in zip(tier.members, heads, strict=True))
    total = briefing.facts_in((tier.total_fact_id,) if tier.total_fact_id else ())
    if total:
        note = figure(total[0]) + (f" in {total[0].year}" if total[0].year else "")
    else:
        note = f"Targets for {goal_years.pop()}" if shared_goal and goal_years else ""
    return ChartSeries(sentence_case(tier.name), points, note=note)


def _member_headline(briefing: Briefing, member: SystemMember) -> Fact | None:
    """The member's headline fact, else its first target, else None.

    Only these say what a box's figure is; any other fact of the member ("670,000 vehicles
    sold") would need its metric beside it to make sense.
    """
    head = briefing.facts_in((member.headline_fact_id,) if member.headline_fact_id else ())
    head = head or briefing.facts_in(member.target_fact_ids)[:1]
    return head[0] if head else None
