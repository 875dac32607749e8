"""The briefing template's context: read-only views of the data layer and the template functions.

Templates get plain values (`FactView`, `ChapterView`, …) and a few functions — `fact(id)`,
`facts(...)`, `chart(id)`, `charts_in(section_id)`, `cite(fact)`, `asset(path)` — nothing that
reaches the filesystem, the network or Python internals. Every visible fact has a fixed source
number (its order in the document), so moving a block never renumbers the sources appendix.
Document text is never rendered as a template: it reaches the output only through autoescaping.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from markupsafe import Markup, escape

from reportgen import formatting
from reportgen.charts import ChartAsset
from reportgen.config import Config
from reportgen.model import Briefing, Fact, Point, Section, SystemTier
from reportgen.text import readable

MAX_HEADLINE_CARDS = 8
PLAIN_UNITS = frozenset({"count", "multiple"})


@dataclass(frozen=True, slots=True)
class FactView:
    """One figure as a template sees it, with its source number and display text."""

    id: str
    number: int
    anchor: str
    text: str
    value: float
    unit: str
    qualifier: str
    year: int | None
    metric: str
    label: str
    is_target: bool
    sentence: str
    topic: str | None
    section_id: str | None
    point_id: str | None
    display: str
    page: int | None = None  # the source's page, for PDF sources


@dataclass(frozen=True, slots=True)
class ChartView:
    """One chart as a template sees it: `src` is a fetcher URL (PDF) or a data: URL (HTML)."""

    id: str
    kind: str
    title: str
    subtitle: str
    source_note: str
    alt: str
    src: str
    section_id: str | None


@dataclass(frozen=True, slots=True)
class FindingView:
    """A key finding as a template sees it: its sentence and the figures it states."""

    text: str
    facts: tuple[FactView, ...]


@dataclass(frozen=True, slots=True)
class HeadlineCard:
    """A headline figure: the latest value and, when the data has two years, change and CAGR."""

    label: str
    fact: FactView
    earlier: FactView | None = None
    change: str = ""
    cagr: str = ""


@dataclass(frozen=True, slots=True)
class TopicView:
    """An "In terms of X" passage: its name, sentences with linked figures, and facts."""

    id: str
    name: str
    sentences: tuple[Markup, ...]
    facts: tuple[FactView, ...]


@dataclass(frozen=True, slots=True)
class PointView:
    """An ordinal point of a chapter, its sentences with linked figures, topics and facts."""

    id: str
    ordinal: int
    title: str
    anchor: str
    sentences: tuple[Markup, ...]
    topics: tuple[TopicView, ...]
    facts: tuple[FactView, ...]
    summary: str = ""
    """For a point without figures: its own first sentences (the milestones it names)."""


@dataclass(frozen=True, slots=True)
class ChapterView:
    """One numbered section of the source as a chapter of the briefing."""

    id: str
    number: int
    title: str
    """The release's own heading of the section."""
    anchor: str
    sentences: tuple[Markup, ...]
    points: tuple[PointView, ...]
    facts: tuple[FactView, ...]
    charts: tuple[ChartView, ...]
    heading: str = ""
    """The chapter's point: its first key finding as a heading, else the release's heading."""

    @property
    def release_anchor(self) -> str:
        """Where the release's own text of this chapter is, in "The release, annotated"."""
        return f"rel-{self.id}"

    @property
    def key_facts(self) -> tuple[FactView, ...]:
        """The measured figures (money, shares, rates); plain counts stay in the text."""
        return tuple(f for f in self.facts if f.unit not in PLAIN_UNITS)


@dataclass(frozen=True, slots=True)
class MemberView:
    """One industry or cluster of the industrial system."""

    name: str
    headline: FactView | None
    facts: tuple[FactView, ...]
    targets: tuple[FactView, ...]


@dataclass(frozen=True, slots=True)
class TierView:
    """One tier of the industrial system with its count, total and members."""

    id: str
    name: str
    count: FactView | None
    total: FactView | None
    members: tuple[MemberView, ...]


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """One quoted source sentence and the numbered figures taken from it."""

    sentence: str
    facts: tuple[FactView, ...]


@dataclass(frozen=True, slots=True)
class TargetRow:
    """A row of the targets table; `growth_needed` is '' when it cannot be computed."""

    topic: str
    metric: str
    target: FactView
    year: int | None
    actual: FactView | None
    growth_needed: str


def fact_display(fact: Fact) -> str:
    """The figure as a reader sees it: 'more than 2.87 trillion yuan'."""
    return formatting.fact_figure(fact)


def build_context(
    briefing: Briefing,
    charts: Sequence[ChartAsset],
    config: Config,
    *,
    chart_src: Callable[[ChartAsset], str],
    asset: Callable[[str], str],
    output: str,
) -> dict[str, Any]:
    """The template context for one briefing; `output` is 'pdf' or 'html'."""
    facts = _fact_views(briefing)
    appendix = output != "pdf" or config.pdf_sources
    links = SourceLinks(briefing, facts, appendix=appendix)
    chart_views = tuple(_chart_view(c, chart_src(c)) for c in charts)
    section_ids = {s.id for s in briefing.sections if s.number > 0}
    intro_ids = {s.id for s in briefing.sections if s.number == 0}
    system_chart = next((c for c in chart_views if _is_system_chart(c)), None)
    hidden = frozenset(f.id for f in briefing.facts if f.hidden)
    lookup = _Lookup(facts, chart_views, hidden)
    return {
        "output": output,
        "document": briefing.document,
        "title": briefing.analytic_title or briefing.document.title,
        "release_title": briefing.document.title,
        "short_title": short_title(briefing.analytic_title or briefing.document.title, 48),
        "findings": tuple(FindingView(f.text, tuple(facts[i] for i in f.fact_ids if i in facts))
                          for f in briefing.findings),
        "date": briefing.document.date,
        "date_long": long_date(briefing.document.date),
        "created": created_date(briefing.document.date),
        "issuer": briefing.document.issuer or "",
        "organisation": config.organisation,
        "theme": config.theme,
        "keywords": keywords(briefing),
        "headline": headline_cards(briefing, facts),
        "lead": links.sentences([i for s in briefing.sections if s.number == 0
                                 for i in s.fact_ids]),
        "system": tier_views(briefing.system, facts),
        "system_chart": system_chart,
        "chapters": chapter_views(links, chart_views, exclude=system_chart),
        "glance_charts": tuple(c for c in chart_views if c is not system_chart
                               and c.section_id in intro_ids),
        "extra_charts": tuple(c for c in chart_views if c is not system_chart
                              and c.section_id not in section_ids | intro_ids),
        "targets": target_rows(briefing, facts),
        "sources": tuple(sorted(facts.values(), key=lambda f: f.number)),
        "source_groups": tuple(replace(g, sentence=readable(g.sentence, briefing.document.path))
                               for g in source_groups(facts.values())),
        "sources_appendix": appendix,
        "warnings": briefing.warnings,
        "fact": lookup.fact,
        "has_fact": lookup.has_fact,
        "facts": lookup.facts,
        "chart": lookup.chart,
        "charts_in": lookup.charts_in,
        "cite": links.cite,
        "asset": asset,
    }


class _Lookup:
    """The template functions that find facts and charts by id (read-only)."""

    def __init__(self, facts: Mapping[str, FactView], charts: Sequence[ChartView],
                 hidden: frozenset[str] = frozenset()) -> None:
        self._facts = facts
        self._charts = {c.id: c for c in charts}
        self._hidden = hidden

    def fact(self, fact_id: str) -> FactView:
        """The fact with this id; an error naming the closest ids when there is none."""
        if fact_id in self._hidden:
            raise LookupError(f"fact {fact_id!r} is hidden by the overrides file; "
                              "show it there or remove it from the template")
        if fact_id not in self._facts:
            raise LookupError(_unknown("fact id", fact_id, self._facts))
        return self._facts[fact_id]

    def has_fact(self, fact_id: str) -> bool:
        """Whether this release has a shown fact with this id (ids differ between releases)."""
        return fact_id in self._facts and fact_id not in self._hidden

    def facts(self, *ids: str, section: str | None = None, topic: str | None = None,
              metric: str | None = None, targets: bool | None = None) -> tuple[FactView, ...]:
        """The facts with these ids (all when none given), filtered, in document order."""
        chosen = [self.fact(i) for i in ids] if ids else sorted(self._facts.values(),
                                                                key=lambda f: f.number)
        return tuple(f for f in chosen
                     if (section is None or f.section_id == section)
                     and (topic is None or f.topic == topic)
                     and (metric is None or f.metric == metric)
                     and (targets is None or f.is_target == targets))

    def chart(self, chart_id: str) -> ChartView:
        """The chart with this id; an error naming the closest ids when there is none."""
        if chart_id not in self._charts:
            raise LookupError(_unknown("chart id", chart_id, self._charts))
        return self._charts[chart_id]

    def charts_in(self, section_id: str) -> tuple[ChartView, ...]:
        """The charts that belong to this section, in the order they were chosen."""
        return tuple(c for c in self._charts.values() if c.section_id == section_id)


def _unknown(what: str, name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
    hint = f"; closest: {', '.join(close)}" if close else ""
    return f"unknown {what} {name!r}{hint}"


def source_groups(facts: Iterable[FactView]) -> tuple[SourceGroup, ...]:
    """The facts in number order, consecutive ones quoting the same sentence grouped together."""
    groups: list[SourceGroup] = []
    for f in sorted(facts, key=lambda x: x.number):
        sentence = f.sentence or f.text
        if groups and groups[-1].sentence == sentence:
            groups[-1] = SourceGroup(sentence, groups[-1].facts + (f,))
        else:
            groups.append(SourceGroup(sentence, (f,)))
    return tuple(groups)


def _fact_views(briefing: Briefing) -> dict[str, FactView]:
    """Every visible fact as a `FactView`, numbered in document order from 1."""
    ordered = sorted(briefing.visible_facts, key=lambda f: (f.span[0], f.id))
    views: dict[str, FactView] = {}
    for number, f in enumerate(ordered, start=1):
        views[f.id] = FactView(
            id=f.id, number=number, anchor=f"src-{number}", text=f.text, value=f.value,
            unit=f.unit, qualifier=str(f.qualifier), year=f.year, metric=f.metric,
            label=f.display_label, is_target=f.is_target, sentence=f.sentence, topic=f.topic,
            section_id=f.section_id, point_id=f.point_id, display=fact_display(f), page=f.page,
        )
    return views


def _chart_view(asset: ChartAsset, src: str) -> ChartView:
    spec = asset.spec
    return ChartView(id=spec.id, kind=spec.kind, title=spec.title, subtitle=spec.subtitle,
                     source_note=spec.source_note, alt=spec.alt_text or spec.title, src=src,
                     section_id=spec.section_id)


def _is_system_chart(chart: ChartView) -> bool:
    return "system" in chart.kind or "diagram" in chart.kind


class SourceLinks:
    """Where each figure links to, and the source sentences with their figures marked.

    With the sources appendix, every figure links to its numbered entry there. Without it (the
    PDF's default: the chapters already quote the source's sentences), each figure in the text
    is the anchor itself, and figures elsewhere (cards, tables, the system) link to it.
    """

    def __init__(self, briefing: Briefing, facts: Mapping[str, FactView], *,
                 appendix: bool) -> None:
        self.briefing = briefing
        self.facts = facts
        self._appendix = appendix
        self._in_text: set[str] = set()

    def cite(self, fact: FactView) -> Markup:
        """The figure, linked to its source entry or its place in the text when there is one."""
        if self._appendix or fact.id in self._in_text:
            return Markup('<a class="figure" href="#{0}">{1}</a>').format(fact.anchor,
                                                                         fact.display)
        return Markup('<span class="figure">{0}</span>').format(fact.display)

    def sentences(self, fact_ids: Iterable[str]) -> tuple[Markup, ...]:
        """The source sentences holding these facts, each once, their figures marked."""
        by_sentence: dict[tuple[int, int], list[Fact]] = {}
        for fid in fact_ids:
            if fid not in self.facts:
                continue
            f = self.briefing.fact(fid)
            key = self.briefing.sentence_span_of(f)
            by_sentence.setdefault(key, []).append(f)
        return tuple(self._marked(span, found) for span, found in sorted(by_sentence.items()))

    def _marked(self, span: tuple[int, int], found: Sequence[Fact]) -> Markup:
        """The sentence at `span`, escaped, with each fact's words wrapped in a link."""
        quote = self.briefing.excerpt
        start, end = span
        pieces: list[str] = []
        cursor = start
        for f in sorted(found, key=lambda x: x.span[0]):
            a, b = f.span
            if a < cursor or b > end or quote(f.span) != f.text:
                continue  # overlapping or overridden wording: the fact is still in the table
            pieces.append(str(escape(quote((cursor, a)))))
            pieces.append(self._figure_in_text(self.facts[f.id], quote(f.span)))
            cursor = b
        pieces.append(str(escape(quote((cursor, end)))))
        marked = Markup(readable("".join(pieces), self.briefing.document.path).strip())
        page = found[0].page
        return marked + (Markup(' <span class="page-ref">(p. {0} of the source)</span>')
                         .format(page) if page else "")

    def _figure_in_text(self, view: FactView, words: str) -> str:
        if self._appendix:
            return str(Markup('<a class="figure" href="#{0}" title="{1}">{2}</a>').format(
                view.anchor, view.display, words))
        if view.id in self._in_text:  # shown twice: only the first place is the anchor
            return str(Markup('<span class="figure">{0}</span>').format(words))
        self._in_text.add(view.id)
        return str(Markup('<a class="figure" id="{0}">{1}</a>').format(view.anchor, words))


def headline_cards(briefing: Briefing, facts: Mapping[str, FactView]) -> tuple[HeadlineCard, ...]:
    """The opening figures: the introduction's facts (else each section's first), by metric."""
    # thresholds and figures restated in another currency are never cards (the data layer's)
    eligible = {f.id for f in briefing.visible_facts if not (f.per_item or f.conversion_of)}
    usable = {i: v for i, v in facts.items() if i in eligible and not v.is_target}
    intro = [s for s in briefing.sections if s.number == 0]
    pool = [usable[i] for s in intro for i in s.fact_ids if i in usable]
    if not pool:
        pool = [next(iter(fs)) for s in briefing.sections
                if (fs := [usable[i] for i in s.fact_ids if i in usable])]
    groups: dict[tuple[str, str], list[FactView]] = {}
    for f in pool:
        groups.setdefault((f.metric, f.unit), []).append(f)
    cards = _distinct_figures([_card(group) for group in groups.values()])
    shown = {c.fact.id for c in cards}
    for tier in briefing.system:
        total = facts.get(tier.total_fact_id or "")
        if total is not None and total.id not in shown and not total.is_target:
            count = facts.get(tier.count_fact_id or "")
            name = f"{formatting.number(count.value)} {tier.name}" if count else tier.name
            cards.append(HeadlineCard(_label_text(name), total))
            shown.add(total.id)
    return tuple(cards[:MAX_HEADLINE_CARDS])


def _distinct_figures(cards: Sequence[HeadlineCard]) -> list[HeadlineCard]:
    """The cards without one whose figure an earlier card shows already (a headline's '45,000
    km' restated in the body under a longer name), as the deck's tiles never show a value twice."""
    seen: set[tuple[float, str]] = set()
    out = []
    for card in cards:
        key = (card.fact.value, card.fact.unit)
        if key not in seen:
            seen.add(key)
            out.append(card)
    return out


def _card(group: Sequence[FactView]) -> HeadlineCard:
    """A card for one metric: the latest year, compared with the earliest when there are two."""
    dated = sorted((f for f in group if f.year is not None), key=lambda f: (f.year, f.number))
    if len(dated) >= 2 and dated[0].year != dated[-1].year:
        old, new = dated[0], dated[-1]
        years = (new.year or 0) - (old.year or 0)
        growth = formatting.change(old.value, new.value) if new.unit != "percent" else ""
        rate = formatting.cagr(old.value, new.value, years) if new.unit != "percent" else ""
        return HeadlineCard(_label(new), new, old, growth, "" if rate == "n/a" else rate)
    exact = [f for f in group if f.year is None and f.qualifier == "exact"]
    # the same figure twice is a restatement, not a change ("+0% from 10,000 yuan")
    if len(exact) == 2 and exact[0].unit != "percent" and exact[0].value != exact[1].value:
        # "rose from A to B": the later mention is the newer figure; no years, so no CAGR
        old, new = sorted(exact, key=lambda f: f.number)
        return HeadlineCard(_label(new), new, old, formatting.change(old.value, new.value))
    latest = max(group, key=lambda f: (f.year or 0, f.number))
    return HeadlineCard(_label(latest), latest)


def _label(fact: FactView) -> str:
    return _label_text(fact.label)


def _label_text(text: str) -> str:
    return text[:1].upper() + text[1:]


def chapter_views(links: SourceLinks, charts: Sequence[ChartView],
                  exclude: ChartView | None) -> tuple[ChapterView, ...]:
    """One chapter per numbered section (the untitled introduction feeds 'At a glance')."""
    return tuple(_chapter(links, s, charts, exclude)
                 for s in links.briefing.sections if s.number > 0)


def _chapter(links: SourceLinks, section: Section, charts: Sequence[ChartView],
             exclude: ChartView | None) -> ChapterView:
    facts = links.facts
    in_points = {i for p in section.points for i in p.fact_ids}
    loose = [i for i in section.fact_ids if i not in in_points]
    found = links.briefing.finding_in(section.id)
    return ChapterView(
        id=section.id, number=section.number, title=section.title, anchor=f"ch-{section.id}",
        heading=(formatting.as_heading(found.text) if found else "") or section.title,
        sentences=links.sentences(loose),
        points=tuple(_point(links, p) for p in section.points),
        facts=tuple(sorted((facts[i] for i in section.fact_ids if i in facts),
                           key=lambda f: f.number)),
        charts=tuple(c for c in charts if c.section_id == section.id and c is not exclude),
    )


def _point(links: SourceLinks, point: Point) -> PointView:
    facts = links.facts
    in_topics = {i for t in point.topics for i in t.fact_ids}
    topics = tuple(
        TopicView(t.id, t.name, links.sentences(t.fact_ids),
                  tuple(facts[i] for i in t.fact_ids if i in facts))
        for t in point.topics
    )
    return PointView(
        id=point.id, ordinal=point.ordinal, title=point.title, anchor=f"pt-{point.id}",
        sentences=links.sentences([i for i in point.fact_ids if i not in in_topics]),
        topics=tuple(t for t in topics if t.facts),
        facts=tuple(facts[i] for i in point.fact_ids if i in facts),
        summary="" if point.fact_ids else point_summary(links.briefing, point),
    )


def point_summary(briefing: Briefing, point: Point, limit: int = 420) -> str:
    """A point's own words after its opening sentence, cut at a sentence near `limit`
    characters: what a part without figures achieved (its milestones)."""
    words = readable(briefing.excerpt(point.span), briefing.document.path).strip()
    body = words[len(point.title):].strip() if words.startswith(point.title) else words
    if len(body) <= limit:
        return body
    cut = body[:limit].rsplit(". ", 1)[0]
    return cut + "." if len(cut) > limit // 3 else body[:limit].rsplit(" ", 1)[0] + " …"


def tier_views(tiers: Sequence[SystemTier], facts: Mapping[str, FactView]) -> tuple[TierView, ...]:
    """The industrial system's tiers with their facts resolved (hidden facts left out)."""
    def one(fid: str | None) -> FactView | None:
        return facts.get(fid) if fid else None

    return tuple(
        TierView(
            id=t.id, name=t.name, count=one(t.count_fact_id), total=one(t.total_fact_id),
            members=tuple(
                MemberView(m.name, one(m.headline_fact_id),
                           tuple(facts[i] for i in m.fact_ids if i in facts),
                           tuple(facts[i] for i in m.target_fact_ids if i in facts))
                for m in t.members
            ),
        )
        for t in tiers
    )


def target_rows(briefing: Briefing, facts: Mapping[str, FactView]) -> tuple[TargetRow, ...]:
    """Every visible target with the latest actual figure and the yearly growth it needs."""
    rows = []
    for t in briefing.targets:
        target = facts.get(t.fact_id)
        if target is None:
            continue
        actual = facts.get(t.actual_fact_id) if t.actual_fact_id else None
        rows.append(TargetRow(topic=t.topic or "", metric=t.metric, target=target,
                              year=t.year or target.year, actual=actual,
                              growth_needed=formatting.yearly_growth(t.growth_needed)))
    return tuple(rows)


def keywords(briefing: Briefing, limit: int = 12) -> str:
    """PDF keywords: the system's tiers and members, then topics, without repeats."""
    words = [t.name for t in briefing.system] + [m.name for t in briefing.system for m in t.members]
    words += [tp.name for s in briefing.sections for p in s.points for tp in p.topics]
    return ", ".join(list(dict.fromkeys(w.strip() for w in words if w.strip()))[:limit])


def short_title(title: str, limit: int = 45) -> str:
    """`title` cut at a word boundary to fit a running header ('…' when cut)."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:–—-‘“'\"")
    return f"{cut}…"


long_date = formatting.long_date  # one way of writing a date for every output


def created_date(iso: str | None) -> str:
    """The PDF's creation date: the document's date, else SOURCE_DATE_EPOCH's, else ''."""
    if iso:
        try:
            return date.fromisoformat(iso).isoformat()
        except ValueError:
            pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    return ""
