"""Choose the charts a reader needs from the data layer: pure functions, no matplotlib.

Each proposer looks at the facts in one way (a metric over years, figures across topics, targets,
shares of one whole, the industrial system) and returns `ChartSpec`s for what the data supports
and `ChartDecision`s ("not charted: reason") for near misses. Staff choices (`ChartChoices`)
then drop, keep only, or retitle charts by id.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from reportgen import formatting
from reportgen.charts.alt import alt_text
from reportgen.config import ChartChoices
from reportgen.errors import ChartError
from reportgen.model import (
    Briefing,
    ChartPoint,
    ChartSeries,
    ChartSpec,
    Fact,
    Qualifier,
    SystemMember,
    SystemTier,
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

_QUALIFIER_WORDS = {
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


def choose_charts(briefing: Briefing, choices: ChartChoices | None = None) -> tuple[ChartSpec, ...]:
    """The chart specs the briefing's data supports, after staff choices."""
    return plan_charts(briefing, choices).charts


def plan_charts(briefing: Briefing, choices: ChartChoices | None = None) -> ChartPlan:
    """The chosen chart specs and the "not charted" decisions, after staff choices."""
    candidates = _candidates(briefing)
    specs = [c for c in candidates if isinstance(c, ChartSpec)]
    skipped = [c for c in candidates if isinstance(c, ChartDecision)]
    if choices is not None:
        specs, dropped = apply_choices(specs, choices, [_candidate_id(c) for c in candidates])
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
    return _unique_ids(early + late)


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
    return tuple(_candidate_id(c) for c in _candidates(briefing))


# --- growth: one metric at two or more years -------------------------------------------------


def propose_growth(briefing: Briefing) -> list[Candidate]:
    """A growth chart per metric and unit stated for two or more years (targets excluded),
    and per 'from A to B' pair whose years the same paragraph gives just before."""
    groups: dict[tuple[str, str], dict[int, Fact]] = defaultdict(dict)
    for fact in briefing.visible_facts:
        if fact.year is not None and not fact.is_target:
            groups[(_key(fact.display_label), fact.unit)].setdefault(fact.year, fact)
    out: list[Candidate] = []
    for (metric, unit), by_year in groups.items():
        if len(by_year) < 2:
            continue
        chart_id = f"growth-{_slug(metric)}"
        dated = [(y, by_year[y]) for y in sorted(by_year) if _finite(by_year[y])]
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
        metric = _key(first.display_label)
        if (metric, first.unit) in dated:
            continue
        chart_id = f"growth-{_slug(metric)}"
        years = _years_nearby(briefing, first)
        if years is None:
            out.append(ChartDecision(chart_id, f"{metric}: the change from "
                                     f"{_figure(first)} to {_figure(last)} has no years"))
            continue
        note = f"years {years[0]} and {years[1]} as stated earlier in the paragraph"
        out.append(_growth_spec(briefing, chart_id, [(years[0], first), (years[1], last)],
                                first.unit, note))
    return out


def _from_to_pairs(briefing: Briefing) -> list[tuple[Fact, Fact]]:
    """Pairs of one metric written 'from A to B' in one sentence, both without a year."""
    groups: dict[tuple[object, str, str], list[Fact]] = defaultdict(list)
    for fact in briefing.visible_facts:
        if fact.year is None and not fact.is_target and _finite(fact):
            key = (fact.sentence_span, _key(fact.display_label), fact.unit)
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
            earlier[_key(f.display_label)].append(f)
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
    points = tuple(ChartPoint(str(y), f.value, f.id, _figure(f)) for y, f in dated)
    source = _source_note(briefing)
    return ChartSpec(
        id=chart_id, kind=GROWTH, unit=unit,
        title=f"{_sentence_case(first.display_label)}, {first_year}–{last_year}",
        subtitle=growth_summary(first.value, last.value, last_year - first_year, unit),
        series=(ChartSeries(_sentence_case(first.display_label), points),),
        source_note=f"{source}; {note}" if note else source,
        section_id=_common_section([f for _, f in dated]),
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


# --- ranking: figures of one unit across topics or members of one tier -----------------------


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
                note = f"Together {_figure(total[0])}" + (f" in {total[0].year}"
                                                          if total[0].year else "")
            chart_id = f"ranking-{_slug(tier.id or tier.name)}"
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
                name = _measure([f.display_label for _, f in alike]) or _common_words(
                    [f.display_label for _, f in alike], [t for t, _ in alike]) or point.title
                groups.append(RankingGroup(f"ranking-{_slug(name)}", name, unit, alike))
    return groups


def _alike_per_topic(rows: list[Row]) -> list[Row]:
    """The largest set of one fact per topic whose metrics resemble one another."""
    best: list[Row] = []
    for _, anchor in rows:
        anchor_words = _metric_words(anchor, rows)
        chosen: dict[str, Fact] = {}
        for topic, fact in rows:
            if topic not in chosen and _similar(anchor_words, _metric_words(fact, rows)):
                chosen[topic] = fact
        if len(chosen) > len(best):
            best = list(chosen.items())
    return best


_STOP_WORDS = frozenset(["of", "in", "the", "and", "for", "a", "an", "to", "by", "number"])


def _metric_words(fact: Fact, rows: list[Row]) -> frozenset[str]:
    """The metric's content words without the words of its topic ('circuits' ~ 'circuit')."""
    topic = next(t for t, f in rows if f is fact)
    share = _share_parts(fact)
    if share is None:
        return _content_words(fact.display_label, topic)
    # A share compares what is shared and of which whole: "chip output share of national total"
    # and "talent share of national total" have different parts, so they are not alike.
    part, whole = share
    return _content_words(part, topic) | {f"of:{w}" for w in _content_words(whole, topic)}


def _content_words(text: str, topic: str) -> frozenset[str]:
    """`text`'s words, singular, without stop words or the words of `topic`."""
    drop = {w.rstrip("s") for w in re.findall(r"[a-z0-9&-]+", _key(topic))}
    words = (w.rstrip("s") for w in re.findall(r"[a-z0-9&-]+", _key(text)))
    return frozenset(w for w in words if w not in _STOP_WORDS and w not in drop)


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two metrics' words overlap enough to compare their figures (Jaccard ≥ 0.5)."""
    if not (a | b):  # both metrics are just their topic's name: the topic's own figure
        return True
    return len(a & b) / len(a | b) >= 0.5


MEASURE_WORDS = ("added value", "output value", "revenue", "sales", "investment", "exports",
                 "imports", "profit", "employment", "scale", "size", "output", "share", "value")
"""What a figure measures, in the words releases of this genre use; the first listed wins."""


def _measure(metrics: Sequence[str]) -> str:
    """The measure most metrics name ('scale' for 'AI industry scale', 'scale of X', …)."""
    found = [next((m for m in MEASURE_WORDS if re.search(rf"\b{m}\b", _key(metric))), "")
             for metric in metrics]
    counts = Counter(m for m in found if m)
    return counts.most_common(1)[0][0] if counts else ""


def _ranking(briefing: Briefing, group: RankingGroup) -> Candidate:
    """A ranking spec of the group, largest first, or the decision that it is too small."""
    finite = [(label, f) for label, f in group.rows if _finite(f)]
    if len(finite) < MIN_RANKING:
        return ChartDecision(group.chart_id, f"only {len(finite)} figures in {group.unit} "
                             f"across {group.name}; a ranking needs {MIN_RANKING}")
    ranked = sorted(finite, key=lambda e: -e[1].value)
    shown = ranked[:MAX_BARS]
    points = tuple(ChartPoint(_sentence_case(label), f.value, f.id, _figure(f))
                   for label, f in shown)
    facts = [f for _, f in finite]
    measure = _measure([f.display_label for f in facts])
    year = _common_year(facts)
    title = _sentence_case(group.name) + (f" by {measure}" if measure and measure != group.name
                                          else "") + (f", {year}" if year else "")
    more = f"largest {len(shown)} of {len(ranked)}" if len(ranked) > len(shown) else ""
    # No unit in the subtitle: every value label names its unit ("250 billion yuan", "5.3 tons").
    subtitle = "; ".join(x for x in (group.note, more) if x)
    return ChartSpec(
        id=group.chart_id, kind=RANKING, title=title, unit=group.unit,
        subtitle=_sentence_case(subtitle),
        series=(ChartSeries(_sentence_case(measure or group.name), points),),
        source_note=_source_note(briefing), section_id=_common_section(facts),
    )


# --- targets: goals by topic and year, beside the latest actual -------------------------------


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
            chart_id += f"-{_slug(unit)}"
        out.append(_targets(briefing, chart_id, year, unit, rows))
    return out


def _target_pairs(briefing: Briefing) -> list[tuple[Fact, Fact | None]]:
    """Each visible target with the latest actual figure in the same unit, if any."""
    visible = {f.id: f for f in briefing.visible_facts}
    pairs: list[tuple[Fact, Fact | None]] = []
    if briefing.targets:
        for t in briefing.targets:
            if t.fact_id in visible:
                goal = visible[t.fact_id]
                actual = visible.get(t.actual_fact_id or "") or _latest_actual(briefing, goal)
                pairs.append((goal, actual))
    else:
        pairs = [(f, _latest_actual(briefing, f)) for f in visible.values() if f.is_target]
    return [(t, a if a is not None and a.unit == t.unit else None) for t, a in pairs]


def _latest_actual(briefing: Briefing, target: Fact) -> Fact | None:
    """The latest non-target fact of the same metric, or of the same topic and unit."""
    goal = _content_words(target.display_label, target.topic or "")
    same = [f for f in briefing.visible_facts if not f.is_target and f.unit == target.unit and (
        _key(f.display_label) == _key(target.display_label)
        or (target.topic is not None and f.topic == target.topic
            and _similar(goal, _content_words(f.display_label, f.topic or ""))))]
    return max(same, key=lambda f: f.year or 0, default=None)


def _targets(briefing: Briefing, chart_id: str, year: int | None, unit: str,
             rows: list[tuple[Fact, Fact | None]]) -> Candidate:
    rows = [(t, a if a is not None and _finite(a) else None) for t, a in rows if _finite(t)]
    with_actual = sum(a is not None for _, a in rows)
    if len(rows) < 2 and not with_actual:
        return ChartDecision(chart_id, f"only {len(rows)} target in {unit}"
                             + (f" for {year}" if year else "") + " and no actual figure beside it")
    rows.sort(key=lambda r: -r[0].value)
    labels = [_sentence_case(t.topic or t.display_label) for t, _ in rows]
    if len(set(labels)) < len(labels):  # two goals for one topic: name each by its metric
        labels = [_sentence_case(t.display_label) for t, _ in rows]
    when = f"{year} target" if year else "Target"
    series = [ChartSeries(when, tuple(ChartPoint(lbl, t.value, t.id, _figure(t))
                                      for lbl, (t, _) in zip(labels, rows, strict=True)))]
    if with_actual:
        # A target without an actual figure has no point in this series (not a NaN point).
        series.append(ChartSeries("Latest actual", tuple(
            ChartPoint(lbl, a.value, a.id, _figure(a, with_year=True))
            for lbl, (_, a) in zip(labels, rows, strict=True) if a is not None)))
    subtitle = "Latest actual figure beside the target where the release gives one" \
        if with_actual else "Goals set in the release"
    return ChartSpec(
        id=chart_id, kind=TARGETS, unit=unit, series=tuple(series), subtitle=subtitle,
        title=f"Targets for {year}" if year else "Targets",
        source_note=_source_note(briefing), section_id=_common_section([t for t, _ in rows]),
    )


# --- shares: percent figures of one whole -----------------------------------------------------


_SHARE = re.compile(r"^(?P<part>.*?)\s*\b(?:share|proportion|percentage)\s+of\s+(?:the\s+)?"
                    r"(?P<whole>.+)$", re.IGNORECASE)
"""'primary industry share of GDP' → part 'primary industry', whole 'GDP'."""


def propose_shares(briefing: Briefing) -> list[Candidate]:
    """A shares chart per sentence (or per point, for one metric) with two or more shares of
    one named whole ('share of GDP'); percentages of different wholes are not shares."""
    groups: dict[tuple[object, ...], list[tuple[Fact, str, str]]] = defaultdict(list)
    for fact in briefing.visible_facts:
        parts = _share_parts(fact)
        if parts is None or fact.is_target or not _finite(fact) or not 0 <= fact.value <= 100:
            continue
        part, whole = parts
        where = fact.sentence_span or fact.sentence or fact.id
        groups[("sentence", where, _key(whole))].append((fact, part, whole))
        if fact.point_id and fact.topic:
            same = _key(_without(part, fact.topic))
            groups[("point", fact.point_id, _key(whole), same)].append((fact, part, whole))
    out: list[Candidate] = []
    seen: list[frozenset[str]] = []
    for rows in groups.values():
        ids = frozenset(f.id for f, _, _ in rows)
        if len(rows) < 2 or any(ids <= s for s in seen):
            continue
        seen.append(ids)
        out.append(_shares(briefing, rows))
    return out


def _share_parts(fact: Fact) -> tuple[str, str] | None:
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
    chart_id = f"shares-{_slug(whole)}"
    total = sum(f.value for f in facts)
    if total > 100 + SHARE_TOLERANCE:
        return ChartDecision(chart_id, f"the shares add up to {formatting.percent(total)}, more "
                                       "than one whole")
    parts = [f.topic or part or f.display_label for f, part, _ in rows]
    common = _common_words(parts, [""] * len(parts))
    labels = [_without_words(p, common) or p for p in parts] if common else parts
    if len(set(labels)) < len(labels):
        labels = [f.display_label for f in facts]
    points = tuple(ChartPoint(_sentence_case(lbl), f.value, f.id, _figure(f))
                   for lbl, f in zip(labels, facts, strict=True))
    year = _common_year(facts)
    title = f"Share of {whole}" + (f", {year}" if year else "")
    return ChartSpec(
        id=chart_id, kind=SHARES, unit="percent", title=title,
        subtitle=_sentence_case(f"{common} shares" if common else "Shares of the whole"),
        series=(ChartSeries(f"Share of {whole}", points),),
        source_note=_source_note(briefing), section_id=_common_section(facts),
    )


# --- the industrial system --------------------------------------------------------------------


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
        id="industrial-system", kind=SYSTEM, unit=_single_unit(facts),
        title="The industrial system", series=series,
        subtitle=" → ".join(_sentence_case(t.name) for t in tiers),
        source_note=_source_note(briefing), section_id=_common_section(list(facts)),
    )]


def _tier_series(briefing: Briefing, tier: SystemTier) -> ChartSeries:
    """One tier: a point per member with its headline figure, the tier's total as the note."""
    heads = [_member_headline(briefing, m) for m in tier.members]
    goal_years = {f.year for f in heads if f is not None and f.is_target}
    # When every figure of the tier is a goal for one year, say so once, in the tier's note.
    shared_goal = len(goal_years) == 1 and all(f is None or f.is_target for f in heads)
    points = tuple(
        ChartPoint(_sentence_case(m.name), math.nan) if f is None else
        ChartPoint(_sentence_case(m.name), f.value, f.id,
                   _figure(f, with_year=f.is_target and not shared_goal))
        for m, f in zip(tier.members, heads, strict=True))
    total = briefing.facts_in((tier.total_fact_id,) if tier.total_fact_id else ())
    if total:
        note = _figure(total[0]) + (f" in {total[0].year}" if total[0].year else "")
    else:
        note = f"Targets for {goal_years.pop()}" if shared_goal and goal_years else ""
    return ChartSeries(_sentence_case(tier.name), points, note=note)


def _member_headline(briefing: Briefing, member: SystemMember) -> Fact | None:
    """The member's headline fact, else its first target, else None.

    Only these say what a box's figure is; any other fact of the member ("670,000 vehicles
    sold") would need its metric beside it to make sense.
    """
    head = briefing.facts_in((member.headline_fact_id,) if member.headline_fact_id else ())
    head = head or briefing.facts_in(member.target_fact_ids)[:1]
    return head[0] if head else None


# --- indicators: growth rates and like figures of one section --------------------------------


_CHANGE_WORDS = r"growth|increase|rise|decrease|decline|drop|fall|reduction|change"
_CHANGE_BEFORE = re.compile(
    rf"^(?P<word>{_CHANGE_WORDS})(?:\s+rate)?\s+(?:in|of)\s+(?P<metric>.+)$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(rf"^(?P<metric>.+?)\s+(?P<word>{_CHANGE_WORDS})(?:\s+rate)?$",
                           re.IGNORECASE)
_FALLING = frozenset(["decrease", "decline", "drop", "fall", "reduction"])
_YEAR_ON_YEAR = re.compile(r",?\s*\b(?:year[- ]on[- ]year|y/y|yoy)\b", re.IGNORECASE)
_RATIO = re.compile(r"\b(?:per|average|share|proportion|percentage|ratio|rate)\b", re.IGNORECASE)
"""Per-head, per-unit and average figures (and shares) do not rank against totals."""
MIN_INDICATORS = 3

Indicator = tuple[str, float, Fact]
"""(label, value as drawn, fact): a decrease of 2.1% is drawn as −2.1."""


def growth_rate(fact: Fact) -> tuple[str, float] | None:
    """(what grew, signed rate) for a percent fact stating a change ('GDP growth'), else None."""
    if fact.unit != "percent" or _share_parts(fact) is not None:
        return None
    label = _YEAR_ON_YEAR.sub("", fact.display_label).strip()
    match = _CHANGE_BEFORE.match(label) or _CHANGE_AFTER.match(label)
    if match is None or re.search(r"\b(?:share|proportion)\b", match["metric"], re.IGNORECASE):
        return None
    sign = -1.0 if match["word"].lower() in _FALLING else 1.0
    return match["metric"].strip(), sign * fact.value


def propose_growth_rates(briefing: Briefing, shown: frozenset[str]) -> list[Candidate]:
    """A ranking of growth rates per section: percent changes of three or more metrics of one
    year (undated rates join the section's most common year), declines left of zero."""
    rows: list[tuple[SectionKey, Indicator]] = []
    for fact in _unshown(briefing, shown):
        rate = growth_rate(fact)
        if rate is not None:
            rows.append(((fact.section_id, "percent"), (rate[0], rate[1], fact)))
    out: list[Candidate] = []
    for (section_id, _), group in _by_section(rows).items():
        for when, indicators in _by_period(group):
            if len(indicators) < MIN_INDICATORS:  # a chance, not a chart anyone expects
                continue
            chart_id = _indicator_id("growth-rates", briefing, section_id, when)
            out.append(_indicator_chart(briefing, chart_id, "Growth by indicator", section_id,
                                        when, indicators, "percent"))
    return out


def propose_like_figures(briefing: Briefing, shown: frozenset[str]) -> list[Candidate]:
    """A ranking per section and currency of three or more money totals of one year (undated
    ones join), not already charted; per-head and average figures are left out."""
    rows: list[tuple[SectionKey, Indicator]] = []
    for fact in _unshown(briefing, shown):
        if fact.unit in _MONEY and growth_rate(fact) is None and not _RATIO.search(
                fact.display_label):
            rows.append(((fact.section_id, fact.unit), (fact.display_label, fact.value, fact)))
    out: list[Candidate] = []
    for (section_id, unit), group in _by_section(rows).items():
        words = _MONEY[unit]
        for when, indicators in _by_period(group):
            if len(indicators) < MIN_INDICATORS:  # a chance, not a chart anyone expects
                continue
            chart_id = _indicator_id(f"figures-{_slug(unit)}", briefing, section_id, when)
            out.append(_indicator_chart(briefing, chart_id, f"Figures in {words}", section_id,
                                        when, indicators, unit))
    return out


_MONEY = {"yuan": "yuan", "usd": "US dollars", "eur": "euros", "hkd": "Hong Kong dollars",
          "jpy": "yen", "gbp": "pounds"}
"""Currencies whose totals rank against one another, with their names in titles."""


def _unshown(briefing: Briefing, shown: frozenset[str]) -> list[Fact]:
    """Visible, plottable actual figures no earlier chart shows."""
    return [f for f in briefing.visible_facts
            if f.id not in shown and not f.is_target and _finite(f)]


SectionKey = tuple[str | None, str]
"""(section id, unit)."""


def _by_section(rows: list[tuple[SectionKey, Indicator]]) -> dict[SectionKey, list[Indicator]]:
    """The indicators grouped by section and unit, one per metric (the first stated)."""
    groups: dict[SectionKey, dict[str, Indicator]] = defaultdict(dict)
    for key, row in rows:
        groups[key].setdefault(_key(row[0]), row)
    return {k: list(v.values()) for k, v in groups.items()}


Period = tuple[int | None, str | None]


def _by_period(rows: list[Indicator]) -> list[tuple[Period, list[Indicator]]]:
    """Indicators of one year and period each; undated ones join the most common dated period
    (so a 2023 rate is not ranked against one for the first half of 2024)."""
    dated: dict[Period, list[Indicator]] = defaultdict(list)
    undated: list[Indicator] = []
    for row in rows:
        fact = row[2]
        if fact.year is None and fact.period is None:
            undated.append(row)
        else:
            dated[(fact.year, fact.period)].append(row)
    if not dated:
        return [((None, None), undated)]
    main = max(dated, key=lambda p: len(dated[p]))  # the first stated wins a tie
    dated[main] = sorted(dated[main] + undated, key=lambda r: r[2].span)
    return list(dated.items())


def _indicator_id(stem: str, briefing: Briefing, section_id: str | None, when: Period) -> str:
    """'growth-rates', '-s2' for a numbered section, '-2024-h1' for a second period."""
    numbered = {s.id for s in briefing.sections if s.number > 0}
    chart_id = stem + (f"-{_slug(section_id)}" if section_id in numbered else "")
    codes = " ".join(str(x) for x in (when[1], when[0]) if x)  # 'h1-2023': short and stable
    return chart_id + (f"-{_slug(codes)}" if codes else "")


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _period_words(when: Period) -> str:
    """The period as read: 'H1 2023' → 'first half of 2023', 'M1-M10' → 'January–October'."""
    year, period = when
    return " ".join(x for x in (_period_name(period or ""), str(year or "")) if x)


def _period_name(period: str) -> str:
    """'H1' → 'first half of', 'Q1-Q3' → 'Q1–Q3', 'M4' → 'April'; unknown codes as written."""
    def one(code: str) -> str:
        if re.fullmatch(r"M(1[0-2]|[1-9])", code):
            return _MONTHS[int(code[1:]) - 1]
        return {"H1": "first half", "H2": "second half"}.get(code, code)
    parts = [one(c) for c in period.split("-")] if period else []
    name = "–".join(parts)
    return f"{name} of" if name.endswith("half") else name


def _indicator_chart(briefing: Briefing, chart_id: str, name: str, section_id: str | None,
                     when: Period, rows: list[Indicator], unit: str) -> ChartSpec:
    """A ranking of three or more indicators, largest first, titled by section and period."""
    section = next((s for s in briefing.sections if s.id == section_id and s.number > 0), None)
    # Past MAX_BARS keep the largest changes either way, so declines stay in view.
    shown = sorted(sorted(rows, key=lambda r: -abs(r[1]))[:MAX_BARS], key=lambda r: -r[1])
    common, labels = _shared_opening([label for label, _, _ in shown])
    points = tuple(ChartPoint(_sentence_case(label), value, f.id,
                              _signed_figure(f, value) if unit == "percent" else _figure(f))
                   for label, (_, value, f) in zip(labels, shown, strict=True))
    period = _period_words(when)
    title = (f"{_short(section.title)}: {name[0].lower()}{name[1:]}" if section else name)
    if period and period in title:  # 'Review of 2023: figures in yuan' needs no ', 2023'
        period = ""
    more = f"largest {len(shown)} of {len(rows)}" if len(rows) > len(shown) else ""
    subtitle = "; ".join(x for x in (
        common, "year-on-year change, in percent" if unit == "percent" else "", more) if x)
    return ChartSpec(
        id=chart_id, kind=RANKING, unit=unit, title=title + (f", {period}" if period else ""),
        subtitle=_sentence_case(subtitle), series=(ChartSeries(name, points),),
        source_note=_source_note(briefing), section_id=section_id,
    )


def _shared_opening(labels: list[str]) -> tuple[str, list[str]]:
    """(the opening words every label shares, the labels without them) when at least two
    words are shared and each label keeps a word: 'Investment in digital projects in district
    1', '… 2' → ('Investment in digital projects', ['district 1', 'district 2'])."""
    split = [label.split() for label in labels]
    n = 0
    while all(len(w) > n + 1 for w in split) and len({w[n].lower() for w in split}) == 1:
        n += 1
    while n and any(not re.search(r"[^\W\d_]", " ".join(w[n:])) for w in split):
        n -= 1  # 'district 1', not a bare '1'
    opening = split[0][:n]
    while opening and opening[-1].lower() in _STOP_WORDS:  # 'projects in' → 'projects'
        opening = opening[:-1]
    if len(opening) < 2 or len(labels) < 2:
        return "", labels
    return " ".join(opening), [" ".join(w[n:]) for w in split]


def _signed_figure(fact: Fact, value: float) -> str:
    """A rate as read: '+4.6%', '−2.1%', with the qualifier ('about +3%')."""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return _QUALIFIER_WORDS.get(fact.qualifier, "") + sign + formatting.percent(abs(value))


def _short(title: str, limit: int = 48) -> str:
    """`title` cut at a word before `limit` characters, with '…' when cut."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# --- shared helpers ----------------------------------------------------------------------------


PROPOSERS: tuple[Proposer, ...] = (propose_growth, propose_rankings, propose_targets,
                                   propose_shares, propose_system)
"""In the order charts appear: overall growth first, the system diagram last."""
LATE_PROPOSERS: tuple[Callable[[Briefing, frozenset[str]], list[Candidate]], ...] = (
    propose_growth_rates, propose_like_figures)
"""Proposers of what the charts above leave out (given the fact ids they show); charted after."""


def _figure(fact: Fact, with_year: bool = False) -> str:
    """The fact's figure for a label: 'more than 2.87 trillion yuan', '… (2025 target)'."""
    text = _QUALIFIER_WORDS.get(fact.qualifier, "") + formatting.quantity(fact.value, fact.unit)
    if with_year and fact.year:
        text += f" ({fact.year} target)" if fact.is_target else f" ({fact.year})"
    elif with_year and fact.is_target:
        text += " (target)"
    return text


def _finite(fact: Fact) -> bool:
    """Whether the fact's value can be plotted: finite and of a sane size."""
    return plottable(fact.value)


def plottable(value: float) -> bool:
    """Whether `value` is finite and no larger than MAX_PLOTTABLE in size."""
    return math.isfinite(value) and abs(value) <= MAX_PLOTTABLE


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _slug(text: str, max_words: int = 6) -> str:
    """A readable id part: 'Industrial added value' → 'industrial-added-value'."""
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return "-".join(words[:max_words]) or "chart"


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _common_words(metrics: Sequence[str], names: Sequence[str]) -> str:
    """The words every metric shares once its own topic name is removed ('industry scale')."""
    if not metrics:
        return ""
    stripped = [_without(m, n).split() for m, n in zip(metrics, names, strict=True)]
    common = [w for w in stripped[0] if all(w in other for other in stripped[1:])]
    return " ".join(common)


def _without(text: str, name: str) -> str:
    """`text` without the words of `name` ('ai industry scale' - 'ai' → 'industry scale')."""
    if not name.strip():
        return _key(text)
    return re.sub(rf"\b{re.escape(_key(name))}\b", " ", _key(text))


def _without_words(text: str, words: str) -> str:
    """`text` less every word in `words` ('primary industry share' - 'industry share')."""
    drop = set(_key(words).split())
    return " ".join(w for w in _key(text).split() if w not in drop)


def _common_year(facts: Sequence[Fact]) -> int | None:
    """The year all the facts share, or None."""
    years = {f.year for f in facts}
    return years.pop() if len(years) == 1 else None


def _common_section(facts: Sequence[Fact]) -> str | None:
    """The section most of the facts come from."""
    counts = Counter(f.section_id for f in facts if f.section_id)
    return counts.most_common(1)[0][0] if counts else None


def _single_unit(facts: Iterable[Fact]) -> str:
    units = {f.unit for f in facts}
    return units.pop() if len(units) == 1 else ""


def _source_note(briefing: Briefing) -> str:
    """'Source: <issuer or press release>, <date>', at most 100 characters."""
    doc = briefing.document
    who = doc.issuer or "press release"
    note = f"Source: {who}" + (f", {doc.date}" if doc.date else "")
    return note if len(note) <= 100 else note[:99] + "…"


def _candidate_id(candidate: Candidate) -> str:
    return candidate.id if isinstance(candidate, ChartSpec) else candidate.chart_id


def _unique_ids(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates with ids made unique by a counter suffix, in order."""
    seen: Counter[str] = Counter()
    out: list[Candidate] = []
    for c in candidates:
        cid = _candidate_id(c)
        seen[cid] += 1
        if seen[cid] > 1:
            cid = f"{cid}-{seen[cid]}"
            c = replace(c, id=cid) if isinstance(c, ChartSpec) else replace(c, chart_id=cid)
        out.append(c)
    return out
