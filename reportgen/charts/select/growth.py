"""Growth charts: one metric at two or more years, and 'from A to B' changes."""

from __future__ import annotations

import re
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
    """Growth charts for 'from A to B' pairs of metrics not already charted by year."""
    out: list[Candidate] = []
    for first, last in _from_to_pairs(briefing):
        metric = metric_key(first.display_label)
        if (metric, first.unit) in dated:
            continue
        chart_id = f"growth-{slug(metric)}"
        years = _years_nearby(briefing, first)
        if years is None:
            out.append(ChartDecision(chart_id, f"{metric}: the change from "
                                     f"{figure(first)} to {figure(last)} has no years"))
            continue
        note = f"years {years[0]} and {years[1]} as stated earlier in the paragraph"
        out.append(_growth_spec(briefing, chart_id, [(years[0], first), (years[1], last)],
                                first.unit, note))
    return out


def _from_to_pairs(briefing: Briefing) -> list[tuple[Fact, Fact]]:
    """Pairs of one metric written 'from A to B' in one sentence, both without a year."""
    groups: dict[tuple[object, str, str], list[Fact]] = defaultdict(list)
    for fact in briefing.visible_facts:
        if fact.year is None and not fact.is_target and plottable_fact(fact):
            key = (fact.sentence_span, metric_key(fact.display_label), fact.unit)
            groups[key].append(fact)
    pairs = []
    text = briefing.text
    for facts in groups.values():
        facts.sort(key=lambda f: f.span)
        for a, b in zip(facts, facts[1:], strict=False):
            before, between = text[max(0, a.span[0] - 12):a.span[0]], text[a.span[1]:b.span[0]]
            if re.search(r"\bfrom\s*$", before, re.I) and re.fullmatch(r"\s*to\s*", between, re.I):
                pairs.append((a, b))
    return pairs


def _years_nearby(briefing: Briefing, fact: Fact) -> tuple[int, int] | None:
    """The first and last year of the nearest dated change earlier in the fact's paragraph."""
    paragraph = briefing.text.rfind("\n\n", 0, fact.span[0])
    earlier: dict[str, list[Fact]] = defaultdict(list)
    for f in briefing.visible_facts:
        if f.year is not None and not f.is_target and paragraph < f.span[0] < fact.span[0]:
            earlier[metric_key(f.display_label)].append(f)
    dated = [fs for fs in earlier.values() if len({f.year for f in fs}) >= 2]
    if not dated:
        return None
    nearest = max(dated, key=lambda fs: max(f.span[0] for f in fs))
    years = [f.year for f in nearest if f.year is not None]
    return min(years), max(years)


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
