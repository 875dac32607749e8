"""Target charts: goals by topic and year, beside the latest actual figure."""

from __future__ import annotations

from collections import defaultdict

from reportgen.charts.select.common import (
    TARGETS,
    Candidate,
    ChartDecision,
    common_section,
    figure,
    plottable_fact,
    sentence_case,
    slug,
    source_note,
)
from reportgen.model import (
    Briefing,
    ChartPoint,
    ChartSeries,
    ChartSpec,
    Fact,
)


def propose_targets(briefing: Briefing) -> list[Candidate]:
    """A targets chart per target year (and unit), with the latest actual figure where known."""
    pairs = _target_pairs(briefing)
    groups: dict[tuple[int | None, str], list[tuple[Fact, Fact | None]]] = defaultdict(list)
    for target, actual in pairs:
        groups[(target.year, target.unit)].append((target, actual))
    main_unit = {y: max((g for g in groups if g[0] == y), key=lambda g: len(groups[g]))
                 for y, _ in groups}
    out: list[Candidate] = []
    for (year, unit), rows in groups.items():
        chart_id = "targets" + (f"-{year}" if year else "")
        if main_unit[year] != (year, unit):
            chart_id += f"-{slug(unit)}"
        out.append(_targets(briefing, chart_id, year, unit, rows))
    return out


def _target_pairs(briefing: Briefing) -> list[tuple[Fact, Fact | None]]:
    """Each visible target with the latest actual figure the data layer paired it with."""
    visible = {f.id: f for f in briefing.visible_facts}
    pairs = [(visible[t.fact_id], visible.get(t.actual_fact_id or ""))
             for t in briefing.targets if t.fact_id in visible]
    return [(t, a if a is not None and a.unit == t.unit else None) for t, a in pairs]


def _targets(briefing: Briefing, chart_id: str, year: int | None, unit: str,
             rows: list[tuple[Fact, Fact | None]]) -> Candidate:
    rows = [(t, a if a is not None and plottable_fact(a) else None)
            for t, a in rows if plottable_fact(t)]
    with_actual = sum(a is not None for _, a in rows)
    if len(rows) < 2 and not with_actual:
        return ChartDecision(chart_id, f"only {len(rows)} target in {unit}"
                             + (f" for {year}" if year else "") + " and no actual figure beside it")
    rows.sort(key=lambda r: -r[0].value)
    labels = [sentence_case(t.topic or t.display_label) for t, _ in rows]
    if len(set(labels)) < len(labels):  # two goals for one topic: name each by its metric
        labels = [sentence_case(t.display_label) for t, _ in rows]
    when = f"{year} target" if year else "Target"
    # each goal's label says it is one: "target 700 billion yuan", beside "250 billion yuan (2021)"
    series = [ChartSeries(when, tuple(ChartPoint(lbl, t.value, t.id, f"target {figure(t)}")
                                      for lbl, (t, _) in zip(labels, rows, strict=True)))]
    if with_actual:
        # A target without an actual figure has no point in this series (not a NaN point).
        series.append(ChartSeries("Latest actual", tuple(
            ChartPoint(lbl, a.value, a.id, figure(a, with_year=True))
            for lbl, (_, a) in zip(labels, rows, strict=True) if a is not None)))
    subtitle = "Latest actual figure beside the target where the release gives one" \
        if with_actual else "Goals set in the release"
    return ChartSpec(
        id=chart_id, kind=TARGETS, unit=unit, series=tuple(series), subtitle=subtitle,
        title=f"Targets for {year}" if year else "Targets",
        source_note=source_note(briefing), section_id=common_section([t for t, _ in rows]),
    )
