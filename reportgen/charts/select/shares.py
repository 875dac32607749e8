"""Share charts: percent figures of one whole."""

from __future__ import annotations

import re
from collections import defaultdict

from reportgen import formatting
from reportgen.charts.select.common import (
    SHARE_TOLERANCE,
    SHARES,
    Candidate,
    ChartDecision,
    common_section,
    common_words,
    common_year,
    figure,
    metric_key,
    plottable_fact,
    sentence_case,
    slug,
    source_note,
    without,
    without_words,
)
from reportgen.model import (
    Briefing,
    ChartPoint,
    ChartSeries,
    ChartSpec,
    Fact,
)

_SHARE = re.compile(r"^(?P<part>.*?)\s*\b(?:share|proportion|percentage)\s+of\s+(?:the\s+)?"
                    r"(?P<whole>.+)$", re.IGNORECASE)
"""'primary industry share of GDP' → part 'primary industry', whole 'GDP'."""


def propose_shares(briefing: Briefing) -> list[Candidate]:
    """A shares chart per sentence (or per point, for one metric) with two or more shares of
    one named whole ('share of GDP'); percentages of different wholes are not shares."""
    groups: dict[tuple[object, ...], list[tuple[Fact, str, str]]] = defaultdict(list)
    for fact in briefing.visible_facts:
        parts = share_parts(fact)
        if (parts is None or fact.is_target or not plottable_fact(fact)
                or not 0 <= fact.value <= 100):
            continue
        part, whole = parts
        where = fact.sentence_span or fact.sentence or fact.id
        groups[("sentence", where, metric_key(whole))].append((fact, part, whole))
        if fact.point_id and fact.topic:
            same = metric_key(without(part, fact.topic))
            groups[("point", fact.point_id, metric_key(whole), same)].append((fact, part, whole))
    out: list[Candidate] = []
    seen: list[frozenset[str]] = []
    for rows in groups.values():
        ids = frozenset(f.id for f, _, _ in rows)
        if len(rows) < 2 or any(ids <= s for s in seen):
            continue
        seen.append(ids)
        out.append(_shares(briefing, rows))
    return out


def share_parts(fact: Fact) -> tuple[str, str] | None:
    """(part, whole) of a percent fact whose metric names a share of a whole, else None."""
    match = _SHARE.match(fact.display_label) if fact.unit == "percent" else None
    if match is None:
        return None
    whole = match["whole"]
    if fact.topic:
        whole = re.sub(rf"\b{re.escape(fact.topic)}\b", " ", whole, flags=re.IGNORECASE)
    whole = re.sub(r"(\s+\b(?:in|of|for|the|and)\b)+\s*$", "", " ".join(whole.split()))
    return match["part"].strip(), whole


def _shares(briefing: Briefing, rows: list[tuple[Fact, str, str]]) -> Candidate:
    """A shares spec of one whole, or the decision that the shares exceed it."""
    facts = [f for f, _, _ in rows]
    whole = rows[0][2]
    chart_id = f"shares-{slug(whole)}"
    total = sum(f.value for f in facts)
    if total > 100 + SHARE_TOLERANCE:
        return ChartDecision(chart_id, f"the shares add up to {formatting.percent(total)}, more "
                                       "than one whole")
    parts = [f.topic or part or f.display_label for f, part, _ in rows]
    common = common_words(parts, [""] * len(parts))
    labels = [without_words(p, common) or p for p in parts] if common else parts
    if len(set(labels)) < len(labels):
        labels = [f.display_label for f in facts]
    points = tuple(ChartPoint(sentence_case(lbl), f.value, f.id, figure(f))
                   for lbl, f in zip(labels, facts, strict=True))
    year = common_year(facts)
    title = f"Share of {whole}" + (f", {year}" if year else "")
    return ChartSpec(
        id=chart_id, kind=SHARES, unit="percent", title=title,
        subtitle=sentence_case(f"{common} shares" if common else "Shares of the whole"),
        series=(ChartSeries(f"Share of {whole}", points),),
        source_note=source_note(briefing), section_id=common_section(facts),
    )
