"""Growth charts: one metric at two or more years, and 'from A to B' changes."""

from __future__ import annotations

from collections import defaultdict

from reportgen import formatting
from reportgen.charts.select.common import (
    GROWTH,
    Candidate,
    ChartDecision,
    common_section,
    figure,
    metric_key,
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


def propose_growth(briefing: Briefing) -> list[Candidate]:
    """A growth chart per metric and unit stated for two or more years (targets excluded),
    and per 'from A to B' pair whose years the same paragraph gives just before."""
    groups: dict[tuple[str, str], dict[int, Fact]] = defaultdict(dict)
    for fact in briefing.visible_facts:
        if fact.year is not None and not fact.is_target:
            groups[(metric_key(fact.display_label), fact.unit)].setdefault(fact.year, fact)
    out: list[Candidate] = []
    for (metric, unit), by_year in groups.items():
        if len(by_year) < 2:
            continue
        chart_id = f"growth-{slug(metric)}"
        dated = [(y, by_year[y]) for y in sorted(by_year) if plottable_fact(by_year[y])]
        if len(dated) < 2:
            reason = f"{metric}: fewer than two years with a usable value (finite, sane size)"
            out.append(ChartDecision(chart_id, reason))
            continue
        out.append(_growth_spec(briefing, chart_id, dated, unit))
    dated_metrics = {key for key, by_year in groups.items() if len(by_year) >= 2}
    return out + _from_to_growth(briefing, dated_metrics)


def _from_to_growth(briefing: Briefing, dated: set[tuple[str, str]]) -> list[Candidate]:
    """Growth charts for the data layer's 'from A to B' changes not already charted by year."""
    out: list[Candidate] = []
    visible = {f.id: f for f in briefing.visible_facts}
    for change in briefing.level_changes:
        first, last = visible.get(change.from_fact_id), visible.get(change.to_fact_id)
        if first is None or last is None or not (plottable_fact(first) and plottable_fact(last)):
            continue
        metric = metric_key(first.display_label)
        if (metric, first.unit) in dated:
            continue
        chart_id = f"growth-{slug(metric)}"
        if change.from_year is None or change.to_year is None:
            out.append(ChartDecision(chart_id, f"{metric}: the change from "
                                     f"{figure(first)} to {figure(last)} has no years"))
            continue
        note = (f"years {change.from_year} and {change.to_year} as stated earlier in the "
                "paragraph")
        out.append(_growth_spec(briefing, chart_id, [(change.from_year, first),
                                                     (change.to_year, last)], first.unit, note))
    return out


def _growth_spec(briefing: Briefing, chart_id: str, dated: list[tuple[int, Fact]], unit: str,
                 note: str = "") -> ChartSpec:
    """A growth spec: one column per (year, fact), titled with the years, the change below."""
    (first_year, first), (last_year, last) = dated[0], dated[-1]
    points = tuple(ChartPoint(str(y), f.value, f.id, figure(f)) for y, f in dated)
    source = source_note(briefing)
    return ChartSpec(
        id=chart_id, kind=GROWTH, unit=unit,
        title=f"{sentence_case(first.display_label)}, {first_year}–{last_year}",
        subtitle=growth_summary(first.value, last.value, last_year - first_year, unit),
        series=(ChartSeries(sentence_case(first.display_label), points),),
        source_note=f"{source}; {note}" if note else source,
        section_id=common_section([f for _, f in dated]),
    )


def growth_summary(old: float, new: float, years: int, unit: str) -> str:
    """The change from `old` to `new` for readers: '+48.5% in 10 years (4.0% a year)'."""
    if unit == "percent":
        delta = new - old
        sign = "+" if delta >= 0 else "−"
        return f"{sign}{formatting.number(abs(round(delta, 2)))} percentage points in {years} years"
    change = formatting.change(old, new)
    if change == "n/a":
        return f"From {formatting.quantity(old, unit)} to {formatting.quantity(new, unit)}"
    rate = formatting.cagr(old, new, years)
    span = f" in {years} years" if years > 1 else " in one year" if years == 1 else ""
    return f"{change}{span}" + (f" ({rate})" if rate != "n/a" and years > 1 else "")
