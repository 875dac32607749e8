"""The data layer: typed, frozen values that every stage reads. No I/O happens here.

Everything a later stage needs is in a `Briefing`: the source document's metadata and text,
its structure (sections → points → topics), every quantitative `Fact` with the span it came
from, the targets, the industrial system the document lays out, and the chart specs chosen
from the data. Collections are tuples so a `Briefing` can be hashed, shared and cached safely.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

SCHEMA = "reportgen.extract/1"

Span = tuple[int, int]
"""Character offsets `[start, end)` into the decoded source text."""


class Qualifier(StrEnum):
    """How exactly the source states a figure ("more than 1,000" is `MORE_THAN`)."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    ABOUT = "about"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    UP_TO = "up_to"


# Currencies other than the yuan, the dollar and the euro, by their ISO code: a figure's unit is
# the code in lower case ("ron"), and pages print the code ("402.678 billion RON")
ISO_CURRENCY_CODES = ("GBP", "JPY", "RON", "CHF", "AUD", "CAD", "KRW", "INR", "RUB", "BRL",
                      "ZAR", "SGD", "MYR", "THB", "IDR", "VND", "PHP", "TRY", "MXN", "SEK",
                      "NOK", "DKK", "PLN", "CZK", "HUF", "NZD", "TWD", "SAR", "AED", "MOP")

@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in base units: yuan not billions, a percent as its number (40.6)."""

    value: float
    unit: str
    qualifier: Qualifier = Qualifier.EXACT


@dataclass(frozen=True, slots=True)
class Fact:
    """One quantitative statement of the source, with the exact place it came from."""

    id: str
    span: Span
    text: str
    quantity: Quantity
    metric: str
    year: int | None = None
    is_target: bool = False
    sentence: str = ""
    sentence_span: Span | None = None
    section_id: str | None = None
    point_id: str | None = None
    topic: str | None = None
    label: str | None = None
    period: str | None = None
    written_as: str = "digits"
    per_item: bool = False
    conversion_of: str | None = None
    """The id of the figure this one restates in another currency ("(about US$170 billion)")."""
    overridden: bool = False
    hidden: bool = False
    page: int | None = None  # the source's page (1-based) for paged sources (PDF), else None

    @property
    def value(self) -> float:
        """The figure's value in base units."""
        return self.quantity.value

    @property
    def unit(self) -> str:
        """The figure's unit (`yuan`, `percent`, `count`, …)."""
        return self.quantity.unit

    @property
    def qualifier(self) -> Qualifier:
        """How exactly the figure is stated."""
        return self.quantity.qualifier

    @property
    def display_label(self) -> str:
        """The label staff gave the fact, else its metric; a target's without the word "target"
        its name ends with, since every page marks targets as such ("GDP growth" with a target
        tag, not "GDP growth target target")."""
        if self.label:
            return self.label
        if self.is_target and " target" in self.metric:
            base, comma, period = self.metric.partition(", ")
            return base.removesuffix(" target") + comma + period
        return self.metric


@dataclass(frozen=True, slots=True)
class Topic:
    """An "In terms of X, …" passage inside a point."""

    id: str
    name: str
    span: Span
    fact_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Point:
    """An ordinal point ("First, …") inside a section; its title is its opening sentence."""

    id: str
    ordinal: int
    span: Span
    title: str
    topics: tuple[Topic, ...] = ()
    fact_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section ("1. …") of the source; number 0 is the untitled introduction."""

    id: str
    number: int
    title: str
    span: Span
    points: tuple[Point, ...] = ()
    fact_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Target:
    """A goal for the future, with the latest actual figure of the same metric if the text has
    one."""

    fact_id: str
    topic: str | None
    metric: str
    year: int | None
    actual_fact_id: str | None = None
    growth_needed: float | None = None
    """The compound yearly growth (percent) from the latest actual to the target; None where
    the units, the years or the values do not allow it (a percent target, no actual year)."""


@dataclass(frozen=True, slots=True)
class SystemMember:
    """One industry or cluster of the industrial system, with the facts the text gives for it."""

    name: str
    topic_id: str | None = None
    headline_fact_id: str | None = None
    fact_ids: tuple[str, ...] = ()
    target_fact_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SystemTier:
    """One tier of the industrial system ("leading industries", "key industrial clusters", …)."""

    id: str
    name: str
    point_id: str | None = None
    count_fact_id: str | None = None
    total_fact_id: str | None = None
    members: tuple[SystemMember, ...] = ()


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One plotted value and the fact it came from."""

    label: str
    value: float
    fact_id: str | None = None
    value_text: str = ""
    """The value as readers see it ("more than 2.87 trillion yuan"); empty: format `value`."""


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """A named run of points sharing one unit."""

    name: str
    points: tuple[ChartPoint, ...]
    note: str = ""
    """A figure for the whole series (a tier's total in the industrial-system diagram)."""


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """What to draw, independent of how: the PDF's matplotlib chart and the deck's native chart."""

    id: str
    kind: str
    title: str
    unit: str
    series: tuple[ChartSeries, ...]
    subtitle: str = ""
    source_note: str = ""
    alt_text: str = ""
    section_id: str | None = None

    @property
    def fact_ids(self) -> tuple[str, ...]:
        """Every fact id behind a plotted point, in order."""
        return tuple(p.fact_id for s in self.series for p in s.points if p.fact_id)


@dataclass(frozen=True, slots=True)
class Document:
    """The source document's identity and metadata."""

    path: str
    sha256: str
    title: str
    date: str | None = None
    source_url: str | None = None
    issuer: str | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class LevelChange:
    """One metric written "from A to B" in one sentence: its earlier and later level, and the
    years of the nearest dated change earlier in the paragraph when the sentence states none."""

    from_fact_id: str
    to_fact_id: str
    from_year: int | None = None
    to_year: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One sentence written from the data ("Industrial added value rose from … to …"), with the
    ids of the facts whose values it states."""

    text: str
    fact_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    """The whole data layer of one source document."""

    document: Document
    text: str
    sections: tuple[Section, ...] = ()
    facts: tuple[Fact, ...] = ()
    targets: tuple[Target, ...] = ()
    system: tuple[SystemTier, ...] = ()
    level_changes: tuple[LevelChange, ...] = ()
    headlines: tuple[str, ...] = ()
    charts: tuple[ChartSpec, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    findings: tuple[Finding, ...] = ()
    """The key findings, most important first, written after the overrides (see
    `reportgen.extraction.findings`)."""
    analytic_title: str = ""
    """A title that states place, subject and period (the release's own title is the subtitle);
    empty: use the release's title."""
    section_points: tuple[Finding, ...] = ()
    """For a numbered section no key finding speaks of, a sentence on its leading figure (its
    facts all in that section): what the section shows, for its heading."""

    @property
    def visible_facts(self) -> tuple[Fact, ...]:
        """Facts not hidden by an override."""
        return tuple(f for f in self.facts if not f.hidden)

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id; `KeyError` naming the id if there is none."""
        return _facts_by_id(self.facts)[fact_id]

    def facts_in(self, ids: Iterable[str]) -> tuple[Fact, ...]:
        """The visible facts with these ids, in the order given."""
        by_id = _facts_by_id(self.facts)
        return tuple(by_id[i] for i in ids if i in by_id and not by_id[i].hidden)

    def sentence_span_of(self, fact: Fact) -> Span:
        """Where the fact's sentence is in the source: its own sentence span, else the place its
        sentence text is found (a fact an override added), else the fact's own span."""
        if fact.sentence_span is not None:
            return fact.sentence_span
        start = self.text.find(fact.sentence) if fact.sentence else -1
        return fact.span if start < 0 else (start, start + len(fact.sentence))

    def excerpt(self, span: Span) -> str:
        """The source's words at `span` (what a quote of the release shows)."""
        return self.text[span[0]:span[1]]

    def section(self, section_id: str) -> Section:
        """The section with this id."""
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def finding_in(self, section_id: str) -> Finding | None:
        """The first key finding that states a figure of this section, else the section's own
        point (`section_points`): what the section shows."""
        inside = {i for s in self.sections if s.id == section_id for i in s.fact_ids}
        return next((f for f in (*self.findings, *self.section_points)
                     if inside & set(f.fact_ids)), None)

    def with_charts(self, charts: Iterable[ChartSpec]) -> Briefing:
        """A copy of this briefing carrying these chart specs."""
        return replace(self, charts=tuple(charts))


_last_index: tuple[tuple[Fact, ...], dict[str, Fact]] = ((), {})


def _facts_by_id(facts: tuple[Fact, ...]) -> dict[str, Fact]:
    """`facts` by id (ids are unique), kept for the last tuple asked about: findings look facts
    up one by one, and a scan or a new dict per look-up made long releases quadratic."""
    global _last_index
    last = _last_index  # read once: another thread may replace it meanwhile
    if last[0] is not facts:
        last = _last_index = (facts, {f.id: f for f in facts})
    return last[1]
