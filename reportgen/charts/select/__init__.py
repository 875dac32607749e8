"""Choose the charts a reader needs from the data layer: pure functions, no matplotlib.

Each proposer looks at the facts in one way (a metric over years, figures across topics, targets,
shares of one whole, the industrial system) and returns `ChartSpec`s for what the data supports
and `ChartDecision`s ("not charted: reason") for near misses. Staff choices (`ChartChoices`)
then drop, keep only, or retitle charts by id.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import replace

from reportgen.charts.alt import alt_text
from reportgen.charts.select.common import (
    MAX_CHARTS,
    SYSTEM,
    Candidate,
    ChartDecision,
    ChartPlan,
    Proposer,
    candidate_id,
    unique_ids,
)
from reportgen.charts.select.growth import propose_growth
from reportgen.charts.select.indicators import propose_growth_rates, propose_like_figures
from reportgen.charts.select.rankings import propose_rankings
from reportgen.charts.select.shares import propose_shares
from reportgen.charts.select.system import propose_system
from reportgen.charts.select.targets import propose_targets
from reportgen.config import ChartChoices
from reportgen.errors import ChartError
from reportgen.model import (
    Briefing,
    ChartSpec,
)


def choose_charts(briefing: Briefing, choices: ChartChoices | None = None) -> tuple[ChartSpec, ...]:
    """The chart specs the briefing's data supports, after staff choices."""
    return plan_charts(briefing, choices).charts


def plan_charts(briefing: Briefing, choices: ChartChoices | None = None) -> ChartPlan:
    """The chosen chart specs and the "not charted" decisions, after staff choices."""
    candidates = _candidates(briefing)
    specs = [c for c in candidates if isinstance(c, ChartSpec)]
    skipped = [c for c in candidates if isinstance(c, ChartDecision)]
    if choices is not None:
        specs, dropped = apply_choices(specs, choices, [candidate_id(c) for c in candidates])
        skipped += dropped
    if choices is None or not choices.only:  # staff listing charts by id choose the count
        specs, over = _within_limit(specs)
        skipped += over
    return ChartPlan(tuple(replace(s, alt_text=alt_text(s)) for s in specs), tuple(skipped))


def _candidates(briefing: Briefing) -> list[Candidate]:
    """Every proposal in reading order: the kinds first, then what the indicator proposers add
    from the facts no earlier chart shows."""
    early = [c for propose in PROPOSERS for c in propose(briefing)]
    shown = _shown_fact_ids(briefing, [c for c in early if isinstance(c, ChartSpec)])
    late = [c for propose in LATE_PROPOSERS for c in propose(briefing, shown)]
    return unique_ids(early + late)


def _shown_fact_ids(briefing: Briefing, specs: Sequence[ChartSpec]) -> frozenset[str]:
    """The facts the specs show: their points' facts and, in the system diagram, tier totals."""
    ids = {i for s in specs for i in s.fact_ids}
    if any(s.kind == SYSTEM for s in specs):
        ids |= {t.total_fact_id for t in briefing.system if t.total_fact_id}
    return frozenset(ids)


def _within_limit(specs: list[ChartSpec]) -> tuple[list[ChartSpec], list[ChartDecision]]:
    """At most MAX_CHARTS specs in their order, keeping those that show the most figures."""
    if len(specs) <= MAX_CHARTS:
        return specs, []
    ranked = sorted(range(len(specs)), key=lambda i: (-_figure_count(specs[i]), i))
    keep = set(ranked[:MAX_CHARTS])
    dropped = [ChartDecision(s.id, f"more than {MAX_CHARTS} charts; this one shows fewer "
                                   "figures than those kept") for i, s in enumerate(specs)
               if i not in keep]
    return [s for i, s in enumerate(specs) if i in keep], dropped


def _figure_count(spec: ChartSpec) -> int:
    """How many figures the spec shows (the system diagram counts its boxes and notes)."""
    return sum(len(s.points) + bool(s.note) for s in spec.series)


def apply_choices(specs: Sequence[ChartSpec], choices: ChartChoices,
                  known: Sequence[str]) -> tuple[list[ChartSpec], list[ChartDecision]]:
    """Specs left after `drop`/`only` with `titles` applied, and a decision per removed chart."""
    titles = dict(choices.titles)
    for key, ids in (("drop", choices.drop), ("only", choices.only), ("titles", tuple(titles))):
        unknown = [i for i in ids if i not in known]
        if unknown:
            close = difflib.get_close_matches(unknown[0], known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ChartError(f"unknown chart id {unknown[0]!r} in charts.{key}{hint}; "
                             f"known ids: {', '.join(known) or '(none for this document)'}")
    kept: list[ChartSpec] = []
    removed: list[ChartDecision] = []
    for spec in specs:
        if spec.id in choices.drop:
            removed.append(ChartDecision(spec.id, "dropped by charts.drop in the config"))
        elif choices.only and spec.id not in choices.only:
            removed.append(ChartDecision(spec.id, "not listed in charts.only in the config"))
        else:
            kept.append(replace(spec, title=titles.get(spec.id, spec.title)))
    return kept, removed


def known_chart_ids(briefing: Briefing) -> tuple[str, ...]:
    """Every chart id the briefing's data proposes, charted or not."""
    return tuple(candidate_id(c) for c in _candidates(briefing))


# --- shared helpers ----------------------------------------------------------------------------


PROPOSERS: tuple[Proposer, ...] = (propose_growth, propose_rankings, propose_targets,
                                   propose_shares, propose_system)
"""In the order charts appear: overall growth first, the system diagram last."""
LATE_PROPOSERS: tuple[Callable[[Briefing, frozenset[str]], list[Candidate]], ...] = (
    propose_growth_rates, propose_like_figures)
"""Proposers of what the charts above leave out (given the fact ids they show); charted after."""
