"""Ranking charts: figures of one unit across topics or the members of one tier."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.charts.select.common import (
    MAX_BARS,
    MIN_RANKING,
    RANKING,
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
)
from reportgen.charts.select.shares import share_parts
from reportgen.model import (
    Briefing,
    ChartPoint,
    ChartSeries,
    ChartSpec,
    Fact,
)


def propose_rankings(briefing: Briefing) -> list[Candidate]:
    """A ranking per system tier (headline figures) and per point whose topics give like figures."""
    out: list[Candidate] = []
    seen: list[frozenset[str]] = []
    for group in _tier_groups(briefing) + _topic_groups(briefing):
        ids = frozenset(f.id for _, f in group.rows)
        if len(group.rows) < 2 or any(ids <= s for s in seen):
            continue
        seen.append(ids)
        out.append(_ranking(briefing, group))
    return out


Row = tuple[str, Fact]


@dataclass(frozen=True, slots=True)
class RankingGroup:
    """Figures of one unit to rank: (label, fact) rows, a name for them and a note."""

    chart_id: str
    name: str
    unit: str
    rows: list[Row]
    note: str = ""


def _tier_groups(briefing: Briefing) -> list[RankingGroup]:
    """Per tier and unit, the members' headline figures (actuals, not targets)."""
    groups = []
    for tier in briefing.system:
        by_unit: dict[str, list[Row]] = defaultdict(list)
        for member in tier.members:
            head = briefing.facts_in((member.headline_fact_id,) if member.headline_fact_id else ())
            if head and not head[0].is_target:
                by_unit[head[0].unit].append((member.name, head[0]))
        total = briefing.facts_in((tier.total_fact_id,) if tier.total_fact_id else ())
        for unit, rows in by_unit.items():
            note = ""
            if total and total[0].unit == unit:
                note = f"Together {figure(total[0])}" + (f" in {total[0].year}"
                                                          if total[0].year else "")
            chart_id = f"ranking-{slug(tier.id or tier.name)}"
            groups.append(RankingGroup(chart_id, tier.name, unit, rows, note))
    return groups


def _topic_groups(briefing: Briefing) -> list[RankingGroup]:
    """Per point, one like figure per topic: same unit and a similar metric once the topic is
    taken out (so '25% of the nation's chip output' is not ranked against '20% of its scholars')."""
    groups = []
    for section in briefing.sections:
        for point in section.points:
            rows = [(t.name, f) for t in point.topics for f in briefing.facts_in(t.fact_ids)
                    if not f.is_target]
            for unit in dict.fromkeys(f.unit for _, f in rows):
                alike = _alike_per_topic([r for r in rows if r[1].unit == unit])
                if len(alike) < 2:
                    continue
                name = _measure([f.display_label for _, f in alike]) or common_words(
                    [f.display_label for _, f in alike], [t for t, _ in alike]) or point.title
                groups.append(RankingGroup(f"ranking-{slug(name)}", name, unit, alike))
    return groups


def _alike_per_topic(rows: list[Row]) -> list[Row]:
    """The largest set of one fact per topic whose metrics resemble one another."""
    best: list[Row] = []
    for _, anchor in rows:
        anchor_words = _metric_words(anchor, rows)
        chosen: dict[str, Fact] = {}
        for topic, fact in rows:
            if topic not in chosen and similar(anchor_words, _metric_words(fact, rows)):
                chosen[topic] = fact
        if len(chosen) > len(best):
            best = list(chosen.items())
    return best


STOP_WORDS = frozenset(["of", "in", "the", "and", "for", "a", "an", "to", "by", "number"])


def _metric_words(fact: Fact, rows: list[Row]) -> frozenset[str]:
    """The metric's content words without the words of its topic ('circuits' ~ 'circuit')."""
    topic = next(t for t, f in rows if f is fact)
    share = share_parts(fact)
    if share is None:
        return content_words(fact.display_label, topic)
    # A share compares what is shared and of which whole: "chip output share of national total"
    # and "talent share of national total" have different parts, so they are not alike.
    part, whole = share
    return content_words(part, topic) | {f"of:{w}" for w in content_words(whole, topic)}


def content_words(text: str, topic: str) -> frozenset[str]:
    """`text`'s words, singular, without stop words or the words of `topic`."""
    drop = {w.rstrip("s") for w in re.findall(r"[a-z0-9&-]+", metric_key(topic))}
    words = (w.rstrip("s") for w in re.findall(r"[a-z0-9&-]+", metric_key(text)))
    return frozenset(w for w in words if w not in STOP_WORDS and w not in drop)


def similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two metrics' words overlap enough to compare their figures (Jaccard ≥ 0.5)."""
    if not (a | b):  # both metrics are just their topic's name: the topic's own figure
        return True
    return len(a & b) / len(a | b) >= 0.5


MEASURE_WORDS = ("added value", "output value", "revenue", "sales", "investment", "exports",
                 "imports", "profit", "employment", "scale", "size", "output", "share", "value")
"""What a figure measures, in the words releases of this genre use; the first listed wins."""


def _measure(metrics: Sequence[str]) -> str:
    """The measure most metrics name ('scale' for 'AI industry scale', 'scale of X', …)."""
    found = [next((m for m in MEASURE_WORDS if re.search(rf"\b{m}\b", metric_key(metric))), "")
             for metric in metrics]
    counts = Counter(m for m in found if m)
    return counts.most_common(1)[0][0] if counts else ""


def _ranking(briefing: Briefing, group: RankingGroup) -> Candidate:
    """A ranking spec of the group, largest first, or the decision that it is too small."""
    finite = [(label, f) for label, f in group.rows if plottable_fact(f)]
    if len(finite) < MIN_RANKING:
        return ChartDecision(group.chart_id, f"only {len(finite)} figures in {group.unit} "
                             f"across {group.name}; a ranking needs {MIN_RANKING}")
    ranked = sorted(finite, key=lambda e: -e[1].value)
    shown = ranked[:MAX_BARS]
    points = tuple(ChartPoint(sentence_case(label), f.value, f.id, figure(f))
                   for label, f in shown)
    facts = [f for _, f in finite]
    measure = _measure([f.display_label for f in facts])
    year = common_year(facts)
    title = sentence_case(group.name) + (f" by {measure}" if measure and measure != group.name
                                          else "") + (f", {year}" if year else "")
    more = f"largest {len(shown)} of {len(ranked)}" if len(ranked) > len(shown) else ""
    # No unit in the subtitle: every value label names its unit ("250 billion yuan", "5.3 tons").
    subtitle = "; ".join(x for x in (group.note, more) if x)
    return ChartSpec(
        id=group.chart_id, kind=RANKING, title=title, unit=group.unit,
        subtitle=sentence_case(subtitle),
        series=(ChartSeries(sentence_case(measure or group.name), points),),
        source_note=source_note(briefing), section_id=common_section(facts),
    )
