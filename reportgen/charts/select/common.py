"""What every chart proposer shares: limits, the decision not to chart, helpers over facts."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from reportgen import formatting
from reportgen.model import (
    Briefing,
    ChartSpec,
    Fact,
    Qualifier,
)

GROWTH, RANKING, TARGETS, SHARES, SYSTEM = "growth", "ranking", "targets", "shares", "system"
MIN_RANKING = 3
MAX_CHARTS = 8
"""More charts than this bury the ones that matter; those showing the fewest figures go."""
MAX_BARS = 12
"""More bars than this stop reading at a glance; a ranking keeps the largest."""
MAX_PLOTTABLE = 1e18
"""Larger figures (a quintillion yuan) are extraction slips, and overflow axis arithmetic."""
SHARE_TOLERANCE = 0.5
"""Rounded shares of one whole may add up to a little over 100."""

QUALIFIER_WORDS = {
    Qualifier.EXACT: "", Qualifier.MORE_THAN: "more than ", Qualifier.ABOUT: "about ",
    Qualifier.AT_LEAST: "at least ", Qualifier.LESS_THAN: "less than ", Qualifier.UP_TO: "up to ",
}


@dataclass(frozen=True, slots=True)
class ChartDecision:
    """A chart considered and not drawn, and the reason a reader of the build log needs."""

    chart_id: str
    reason: str

    def __str__(self) -> str:
        return f"not charted: {self.chart_id}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ChartPlan:
    """The charts to draw, in reading order, and the decisions not to draw others."""

    charts: tuple[ChartSpec, ...]
    skipped: tuple[ChartDecision, ...] = ()


Candidate = ChartSpec | ChartDecision
Proposer = Callable[[Briefing], list[Candidate]]




def figure(fact: Fact, with_year: bool = False) -> str:
    """The fact's figure for a label: 'more than 2.87 trillion yuan', '… (2025 target)'."""
    text = formatting.fact_figure(fact)
    if with_year and fact.year:
        text += f" ({fact.year} target)" if fact.is_target else f" ({fact.year})"
    elif with_year and fact.is_target:
        text += " (target)"
    return text


def plottable_fact(fact: Fact) -> bool:
    """Whether the fact's value can be plotted: finite, of a sane size, and a measured figure,
    not a threshold ("over 10 billion yuan each" bounds each item; a bar would read as a total)."""
    return plottable(fact.value) and not fact.per_item


def plottable(value: float) -> bool:
    """Whether `value` is finite and no larger than MAX_PLOTTABLE in size."""
    return math.isfinite(value) and abs(value) <= MAX_PLOTTABLE


def metric_key(text: str) -> str:
    return " ".join(text.lower().split())


def slug(text: str, max_words: int = 6) -> str:
    """A readable id part: 'Industrial added value' → 'industrial-added-value'."""
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return "-".join(words[:max_words]) or "chart"


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def common_words(metrics: Sequence[str], names: Sequence[str]) -> str:
    """The words every metric shares once its own topic name is removed ('industry scale')."""
    if not metrics:
        return ""
    stripped = [without(m, n).split() for m, n in zip(metrics, names, strict=True)]
    common = [w for w in stripped[0] if all(w in other for other in stripped[1:])]
    return " ".join(common)


def without(text: str, name: str) -> str:
    """`text` without the words of `name` ('ai industry scale' - 'ai' → 'industry scale')."""
    if not name.strip():
        return metric_key(text)
    return re.sub(rf"\b{re.escape(metric_key(name))}\b", " ", metric_key(text))


def without_words(text: str, words: str) -> str:
    """`text` less every word in `words` ('primary industry share' - 'industry share')."""
    drop = set(metric_key(words).split())
    return " ".join(w for w in metric_key(text).split() if w not in drop)


def common_year(facts: Sequence[Fact]) -> int | None:
    """The year all the facts share, or None."""
    years = {f.year for f in facts}
    return years.pop() if len(years) == 1 else None


def common_section(facts: Sequence[Fact]) -> str | None:
    """The section most of the facts come from."""
    counts = Counter(f.section_id for f in facts if f.section_id)
    return counts.most_common(1)[0][0] if counts else None


def single_unit(facts: Iterable[Fact]) -> str:
    units = {f.unit for f in facts}
    return units.pop() if len(units) == 1 else ""


def source_note(briefing: Briefing) -> str:
    """'Source: <issuer or press release>, <date>', whole (the chart wraps it, never cuts it)."""
    doc = briefing.document
    who = doc.issuer or "press release"
    return f"Source: {who}" + (f", {formatting.long_date(doc.date)}" if doc.date else "")


def candidate_id(candidate: Candidate) -> str:
    return candidate.id if isinstance(candidate, ChartSpec) else candidate.chart_id


def unique_ids(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates with ids made unique by a counter suffix, in order."""
    seen: Counter[str] = Counter()
    out: list[Candidate] = []
    for c in candidates:
        cid = candidate_id(c)
        seen[cid] += 1
        if seen[cid] > 1:
            cid = f"{cid}-{seen[cid]}"
            c = replace(c, id=cid) if isinstance(c, ChartSpec) else replace(c, chart_id=cid)
        out.append(c)
    return out
