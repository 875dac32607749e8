"""Which figures a deck shows as tiles, how each is labelled, and how a figure reads.

A briefing's headline figures are money and shares with a year or a clear name, then figures
with an earlier one to compare, other measured figures, then large counts. Left out: values
per item ("projects of over 10 billion yuan each" is a threshold, not a total), counts under
ten, and counts of things like fields, rounds, batches or years. Only the latest year of each
metric is shown. Years come from the fact, else from a growth chart that places it in a year.
No python-pptx here: deck.yaml's `key_facts` runs while the slides are planned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen import formatting
from reportgen.model import Briefing, ChartSpec, Fact

MIN_COUNT = 10
"""Smaller counts ("three leading industries") are words in the text, not headline figures."""
_MONEY_OR_SHARE = frozenset({"yuan", "usd", "percent"})
_COUNTING_NOUNS = frozenset({
    "field", "fields", "round", "rounds", "batch", "batches", "year", "years", "time", "times",
    "area", "areas", "trend", "trends", "action", "actions", "measure", "measures", "step",
    "steps", "phase", "phases", "aspect", "aspects", "category", "categories", "type", "types",
    "kind", "kinds", "session", "sessions", "edition", "editions", "task", "tasks", "consecutive",
})
"""Counts of these are about how the work is organised, not about the economy."""
_LOOSE_ENDS = frozenset({
    "has", "have", "had", "is", "are", "was", "were", "be", "of", "in", "the", "and", "to",
    "for", "with", "by", "at", "on", "a", "an", "its", "their",
})
"""A label ending in one of these was cut mid-phrase ("industry scale has")."""
_LOOSE_STARTS = frozenset({"of", "which", "that", "and", "or", "in", "to", "for", "with", "by"})
"""A label starting with one of these is the tail of a phrase ("of which")."""
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class TileCandidate:
    """A fact that may be a tile: its year (own or from a chart) and the earlier figure."""

    fact: Fact
    year: int | None
    earlier: Fact | None
    earlier_year: int | None
    rank: tuple[float, ...]


def figure_text(fact: Fact) -> str:
    """A fact's figure for a slide: qualifier words and the value in its unit."""
    return formatting.fact_figure(fact)  # the one formatter: as the PDF and HTML print it


def chart_years(specs: Sequence[ChartSpec]) -> dict[str, int]:
    """Fact id → year, for points a growth chart places in a year (an axis or series label)."""
    years: dict[str, int] = {}
    for spec in specs:
        if spec.kind != "growth":
            continue
        for series in spec.series:
            for point in series.points:
                label = point.label if _YEAR.match(point.label) else series.name
                if point.fact_id and _YEAR.match(label):
                    years.setdefault(point.fact_id, int(label))
    return years


def has_clear_label(fact: Fact) -> bool:
    """Whether the label names a measure in a few words and is not cut mid-phrase."""
    words = re.findall(r"[\w’'&-]+", fact.display_label.lower())
    return (1 <= len(words) <= 14 and words[-1] not in _LOOSE_ENDS
            and words[0] not in _LOOSE_STARTS)


def counts_organisation(fact: Fact) -> bool:
    """Whether a count is of fields, rounds, batches, years… rather than of economic things."""
    return bool(set(re.findall(r"[a-z]+", fact.display_label.lower())) & _COUNTING_NOUNS)


def tier(fact: Fact, year: int | None, earlier: Fact | None) -> int | None:
    """How strong a headline the fact is (0 best); None when it should not be a tile.

    A label cut mid-phrase says too little for a tile, whatever the figure.
    """
    if fact.per_item or fact.conversion_of or not has_clear_label(fact):
        return None
    if fact.unit in _MONEY_OR_SHARE:
        return 0 if year else 1
    if earlier is not None:
        return 2
    if fact.unit == "count":
        if abs(fact.value) < MIN_COUNT or counts_organisation(fact):
            return None
        return 4
    return 5 if fact.unit == "multiple" else 3


def candidates(briefing: Briefing, specs: Sequence[ChartSpec],
               section_id: str | None = None) -> list[TileCandidate]:
    """The facts that may be tiles, best first: the latest of each metric, ranked."""
    years = chart_years(specs)
    facts = [f for f in briefing.visible_facts if not f.is_target]
    year_of = {f.id: f.year or years.get(f.id) for f in facts}
    opening = {s.id for s in briefing.sections if s.number == 0}
    latest: dict[tuple[str, str | None, str], int] = {}
    for fact in facts:
        key = (fact.metric, fact.topic, fact.unit)
        latest[key] = max(latest.get(key, 0), year_of[fact.id] or 0)
    found: list[TileCandidate] = []
    for order, fact in enumerate(facts):
        key = (fact.metric, fact.topic, fact.unit)
        if section_id is not None and fact.section_id != section_id:
            continue
        if (year_of[fact.id] or 0) != latest[key]:
            continue
        earlier = _earlier(fact, facts, year_of)
        level = tier(fact, year_of[fact.id], earlier)
        if level is None:
            continue
        size = -abs(fact.value) if fact.unit == "count" else 0.0  # larger counts first
        rank = (level, 0 if earlier else 1, 0 if fact.section_id in opening else 1, size, order)
        found.append(TileCandidate(fact, year_of[fact.id], earlier,
                               year_of[earlier.id] if earlier else None, rank))
    return sorted(found, key=lambda c: c.rank)


def _earlier(fact: Fact, facts: Sequence[Fact], year_of: dict[str, int | None]) -> Fact | None:
    """The latest figure of the same metric from an earlier year, if the text gives one."""
    year = year_of[fact.id]
    if not year:
        return None
    earlier = [f for f in facts if f.metric == fact.metric and f.topic == fact.topic
               and f.unit == fact.unit and (year_of[f.id] or year) < year]
    return max(earlier, key=lambda f: year_of[f.id] or 0, default=None)


def key_candidates(briefing: Briefing, count: int, specs: Sequence[ChartSpec],
                   section_id: str | None = None) -> list[TileCandidate]:
    """The `count` best tiles, one per metric and per figure (no value shown twice)."""
    chosen: list[TileCandidate] = []
    seen: set[tuple[object, ...]] = set()
    for candidate in candidates(briefing, specs, section_id):
        fact = candidate.fact
        keys = {("metric", fact.metric, fact.topic), ("value", fact.value, fact.unit)}
        if keys & seen:
            continue
        seen |= keys
        chosen.append(candidate)
        if len(chosen) == count:
            break
    return chosen


def tile_label(fact: Fact, year: int | None = None, earlier: Fact | None = None,
               earlier_year: int | None = None) -> str:
    """A tile's label: the fact's label sentence-cased, its year, and the change since before."""
    label = fact.display_label.strip()
    label = label[:1].upper() + label[1:]
    year = fact.year or year
    if year and str(year) not in label:
        label = f"{label} ({year})"
    if earlier is not None and earlier_year and fact.unit != "percent":
        change = formatting.change(earlier.value, fact.value)
        if change != "n/a":
            label = f"{label}, {change} on {earlier_year}"
    return label


def tile_labels(briefing: Briefing, facts: Sequence[Fact],
                specs: Sequence[ChartSpec]) -> dict[str, str]:
    """Fact id → tile label for `facts` (years and earlier figures looked up in the briefing)."""
    years = chart_years(specs)
    visible = [f for f in briefing.visible_facts if not f.is_target]
    year_of = {f.id: f.year or years.get(f.id) for f in (*visible, *facts)}
    labels = {}
    for fact in facts:
        earlier = _earlier(fact, visible, year_of) if not fact.is_target else None
        labels[fact.id] = tile_label(fact, year_of.get(fact.id), earlier,
                                     year_of.get(earlier.id) if earlier else None)
    return labels
