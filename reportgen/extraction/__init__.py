"""Extraction: a decoded source document in, its data layer (`Briefing`) out.

    structure  title, date, source URL, sentences, sections → points → topics
    numbers    every figure with its span, value in base units, unit and qualifier
    facts      year, period and target flag of each figure, read from its sentence
    metrics    what each figure measures, as a short noun phrase from its sentence
    ids        stable fact ids from metric and year
    system     the industrial system's tiers and the targets table
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.extraction.facts import Reading, read_sentence
from reportgen.extraction.headlines import (
    choose_headlines,
    conversions,
    is_per_item,
    is_size_threshold,
)
from reportgen.extraction.identity import yearless_dateline
from reportgen.extraction.ids import fact_slug, unique_ids
from reportgen.extraction.metrics import with_target
from reportgen.extraction.metrics.clauses import is_noun_phrase
from reportgen.extraction.metrics.fragments import is_fragment
from reportgen.extraction.metrics.owners import owner_of, with_owner
from reportgen.extraction.metrics.phrases import COMMON_HEADS
from reportgen.extraction.numbers import Mention, find_mentions, odd_number_forms
from reportgen.extraction.numbers.mention import significant
from reportgen.extraction.rules import UNIT_MEASURES
from reportgen.extraction.structure import Layout, read_layout
from reportgen.extraction.system import build_system, build_targets
from reportgen.extraction.tables import cell_metric, text_table_rows
from reportgen.extraction.years import (
    goals_list,
    goals_year_of,
    in_release_period,
    leading_year,
    level_changes,
    paragraph_horizon,
    period_wording,
    plan_year_here,
    release_period,
    with_period,
)
from reportgen.ingest import SourceDoc
from reportgen.model import Briefing, Document, Fact, Point, Section, Span, Topic

__all__ = ["extract_briefing"]


def extract_briefing(doc: SourceDoc) -> Briefing:
    """The data layer of one source document: structure, facts, targets and industrial system."""
    layout = read_layout(doc.text, doc.source_url, doc.meta)
    document = Document(path=str(doc.path), sha256=doc.sha256, title=layout.title,
                        date=layout.date, source_url=layout.source_url, issuer=layout.issuer,
                        place=layout.place)
    facts = extract_facts(doc.text, layout)
    if doc.page_starts:  # each figure's page, decided once from where its words are
        facts = tuple(replace(f, page=doc.page_at(f.span[0])) for f in facts)
    sections = attach_facts(layout.sections, facts)
    briefing = Briefing(document=document, text=doc.text, sections=sections, facts=facts,
                        warnings=_warnings(doc, layout, facts))
    return replace(briefing, targets=build_targets(briefing), system=build_system(briefing),
                   level_changes=level_changes(doc.text, facts),
                   headlines=choose_headlines(doc.text, layout.title, facts))


def _warnings(doc: SourceDoc, layout: Layout, facts: tuple[Fact, ...]) -> tuple[str, ...]:
    """What a reader of the data layer should know about gaps in it."""
    out = []
    if layout.date is None and yearless_dateline(doc.text) is not None:
        out.append(f"{doc.path}: no year in the dateline and none the opening reports on; "
                   "'last year' and 'this year' are left without a year (add the year to the "
                   "dateline)")
    elif layout.date is None:
        out.append(f"{doc.path}: no date found; 'last year' and 'this year' are left without "
                   "a year (add a dateline such as 2024-01-25)")
    if not facts:
        out.append(f"{doc.path}: no figures found")
    for at, form, why in odd_number_forms(doc.text):
        line = doc.text.count("\n", 0, at) + 1
        out.append(f"{doc.path}:{line}: '{form}' is not read as a figure ({why}); write it as "
                   "a plain number such as 1,234.5, or add the figure in the overrides file")
    out += _unclear(doc, facts)
    return tuple(out)


def _unclear(doc: SourceDoc, facts: tuple[Fact, ...]) -> list[str]:
    """Warnings for figures staff should check: no clear name, or an amount per item."""
    out = []
    unnamed = [f.id for f in facts if is_fragment(f.metric.split(",")[0])]
    if unnamed:
        out.append(f"{doc.path}: {len(unnamed)} figure(s) have no clear name ({_listed(unnamed)});"
                   " name them with 'metric:' in the overrides file")
    per_item = [f.id for f in facts if f.per_item]
    if per_item:
        out.append(f"{doc.path}: {len(per_item)} figure(s) read as amounts per item, thresholds "
                   f"rather than totals ({_listed(per_item)}); check them")
    return out


def _listed(ids: list[str], most: int = 5) -> str:
    return ", ".join(ids[:most]) + (f" and {len(ids) - most} more" if len(ids) > most else "")


def extract_facts(text: str, layout: Layout) -> tuple[Fact, ...]:
    """Every fact of `text`, in document order, with stable unique ids."""
    doc_year = int(layout.date[:4]) if layout.date else None
    doc_month = int(layout.date[5:7]) if layout.date and len(layout.date) >= 7 else None
    plan_year = goals_year_of(text, layout, doc_year)
    opening = text[slice(*layout.sentences[0])] if layout.sentences else ""
    # the lede may open with the reporting period a sentence or two down ("From January to
    # November, the city's industries …"): the release's period when title and opening lack one
    lede = [text[slice(*span)] for span in layout.sentences[1:4]]
    period = release_period(layout.title, opening, *lede)
    mentions = find_mentions(text)
    lowercase_words = set(re.findall(r"\b[a-z][a-z-]*\b", text))
    drafts: list[Fact] = []
    cursor = 0
    horizon: tuple[Span | None, int | None] = (None, None)  # a paragraph's "by 2026"
    table_rows = text_table_rows(text)
    # the levels a paragraph has named so far: "the capacity" in a later sentence is one of them
    said: tuple[Span | None, list[str]] = (None, [])
    rate = ""  # the growth rate named last: "our target this year is 5%" is its target
    led: tuple[Span | None, int | None, str | None] = (None, None, None)  # paragraph's period
    stated: tuple[int | None, str | None] = (None, None)  # the last period a figure was given
    for s_start, s_end in layout.sentences:
        inside: list[Mention] = []
        while cursor < len(mentions) and mentions[cursor].span[0] < s_end:
            if mentions[cursor].span[0] >= s_start:
                inside.append(mentions[cursor])
            cursor += 1
        if not inside:
            continue
        sentence = text[s_start:s_end]
        where = _place(layout.sections, s_start)
        local = [(m, (m.span[0] - s_start, m.span[1] - s_start)) for m in inside]
        in_goals, goals_year = goals_list(text, layout, s_start, doc_year)
        paragraph = layout.paragraph_at(s_start)
        if paragraph != said[0]:  # "That's up 35.2 percent" opening the next one: the last
            said = (paragraph, said[1][:1])
        led = _paragraph_period(sentence, paragraph, led, doc_year)
        readings = read_sentence(sentence, local, doc_year, topic=where[2],
                                 context_target=in_goals, context_year=goals_year,
                                 plan_year=plan_year_here(text, layout, s_start, plan_year),
                                 doc_month=doc_month, earlier=tuple(said[1]))
        said[1].extend(r.metric for r, m in zip(readings, inside, strict=True)
                       if (m.kind in ("amount", "measure") or m.kind == "count" and m.value >= 1000)
                       and is_noun_phrase(r.metric))
        readings, horizon = paragraph_horizon(sentence, readings, paragraph, horizon)
        readings = [replace(r, metric=with_owner(r.metric, owner_of(sentence, span[0],
                                                                    layout.place)))
                    for r, (_, span) in zip(readings, local, strict=True)]
        readings, rate = _bare_targets(readings, inside, rate)
        for mention, reading in zip(inside, readings, strict=True):
            line = text.rfind("\n", s_start, mention.span[0]) + 1 or s_start
            row = table_rows.get(line)  # a "|" table's row is a line, however sentences run
            if row is not None:  # a "|" table's cell: its row and column name it
                metric, unit = cell_metric(row, text[line:s_end], mention.span[0] - line)
                if unit == "rank":
                    continue  # the row's rank or label, not one of the table's figures
                reading = replace(reading, metric=metric)
                mention = _in_column_unit(mention, unit)
            reading = _in_its_period(reading, sentence, doc_year, led, period)
            reading, stated = _in_the_period(reading, sentence, stated)
            drafts.append(Fact(
                id="", span=mention.span, text=text[mention.span[0]:mention.span[1]],
                quantity=mention.quantity(),
                metric=_sentence_case(reading.metric, lowercase_words), year=reading.year,
                is_target=reading.is_target, sentence=sentence, sentence_span=(s_start, s_end),
                section_id=where[0], point_id=where[1], topic=where[2], period=reading.period,
                written_as=mention.written_as, per_item=is_per_item(text, mention.span),
            ))
    return _finished(drafts, text)


def _bare_targets(readings: list[Reading], inside: list[Mention], rate: str,
                  ) -> tuple[list[Reading], str]:
    """The readings with a target named by no measure ("Our target this year is 5%") named as
    the target of `rate`, the growth rate named before it; and the rate to carry on."""
    readings = [replace(r, metric=f"{rate} target") if rate and m.unit == "percent"
                and _BARE_TARGET.fullmatch(r.metric) else r
                for r, m in zip(readings, inside, strict=True)]
    rate = next((r.metric for r, m in zip(reversed(readings), reversed(inside), strict=True)
                 if m.unit == "percent" and r.metric.endswith(" growth")), rate)
    return readings, rate


# A target named by no measure: "Our target this year is 5%", "the goal is around 6 percent"
_BARE_TARGET = re.compile(r"(?:(?:our|the|its|their|this year's|annual)\s+)?(?:target|goal|"
                          r"objective|aim)s?(?:\s+(?:this|for this|for the)\s+year)?"
                          r"(?:\s+target)?", re.IGNORECASE)


# "… during the period", "in the same period": the period last stated (not "the same period
# last year", which is what a rate compares with)
_THE_PERIOD = re.compile(r"\b(?:during|in|over|for)\s+(?:the\s+)?(?:same\s+)?period\b"
                         r"(?!\s+(?:of\s+)?(?:the\s+)?(?:last|previous|prior|a)\s+year)"
                         r"(?!\s+(?:a\s+)?year\s+(?:earlier|ago|before))", re.IGNORECASE)


def _in_the_period(reading: Reading, sentence: str, stated: tuple[int | None, str | None],
                   ) -> tuple[Reading, tuple[int | None, str | None]]:
    """The reading in the period last stated when its sentence speaks of "the period"; and the
    period to carry on."""
    if reading.period is not None:
        return reading, (reading.year, reading.period)
    if stated[1] and reading.year in (None, stated[0]) and not reading.is_target \
            and _THE_PERIOD.search(sentence):
        return replace(reading, year=stated[0], period=stated[1]), stated
    return reading, stated


def _in_its_period(reading: Reading, sentence: str, doc_year: int | None,
                   led: tuple[Span | None, int | None, str | None],
                   period: str | None) -> Reading:
    """The reading with the period its paragraph opened with ("In the first three quarters,
    …. The production of NEVs reached …"), else the release's, when its sentence states no
    time of its own and speaks of no stock "now"."""
    own_time = not in_release_period(sentence, reading.year, doc_year,
                                     reading.is_target) or _STOCK_NOW.search(sentence)
    if reading.period is not None or own_time:
        return reading
    if led[2]:
        return replace(reading, year=reading.year or led[1], period=led[2])
    return replace(reading, period=period) if period else reading


def _named_from_neighbours(drafts: list[Fact]) -> list[Fact]:
    """The drafts with a name that is no name ("exception", "It ranked first") given the
    measure its unit implies (TEU: container throughput), else the measure of the figure in the
    same unit stated just before it in its sentence."""
    out: list[Fact] = []
    for fact in drafts:
        if is_fragment(fact.metric) and len(fact.metric.split()) <= 3:
            implied = UNIT_MEASURES.get(fact.unit.rstrip("s"), "")
            near = next((f.metric.rpartition(": ")[2] for f in reversed(out)
                         if f.unit == fact.unit and f.sentence_span == fact.sentence_span
                         and not is_fragment(f.metric)), "")
            if implied or near:
                fact = replace(fact, metric=implied or near)
        out.append(fact)
    return out


def _finished(drafts: list[Fact], text: str) -> tuple[Fact, ...]:
    """The drafts with ids, names that say their target, threshold and period, and the figure
    each currency conversion restates."""
    drafts = _named_from_neighbours(drafts)
    # ids come from the metric without its period: adding the period to names kept them
    ids = unique_ids(fact_slug(_SPAN_OF_YEARS.sub("", f.metric), f.year) for f in drafts)
    # the release's own words for its periods; only a release with part-year figures needs them
    wording = period_wording(text) if any(f.period for f in drafts) else {}
    named = tuple(replace(f, id=i, metric=with_period(
        _as_threshold(with_target(f.metric, f.is_target and not f.per_item), f, text),
        f.period, wording))
                  for f, i in zip(drafts, ids, strict=True))
    restated = conversions(text, named)
    return tuple(replace(f, conversion_of=restated.get(f.id)) for f in named)


# "Pudong now hosts 410 regional headquarters": a stock today, not a flow of the period
_STOCK_NOW = re.compile(r"\b(?:now|currently|at present|so far|to date|as of now)\b",
                        re.IGNORECASE)


def _in_column_unit(mention: Mention, unit: str) -> Mention:
    """A bare number in a table cell, in the unit and scale its column head gives ("33.6"
    under "Millions of TEUs": 33.6 million TEUs; "3.3" under "Growth (%)": 3.3 percent)."""
    if mention.kind != "count" or mention.noun or not unit:
        return mention
    found = find_mentions(unit if unit[:1].isdigit() else f"1 {unit}")  # "100 million yuan"
    if len(found) != 1 or found[0].kind == "count":
        return mention
    scale = found[0]
    return replace(mention, value=significant(mention.value * scale.value, 12), unit=scale.unit,
                   kind=scale.kind)


def _paragraph_period(sentence: str, paragraph: Span | None,
                      led: tuple[Span | None, int | None, str | None], doc_year: int | None,
                      ) -> tuple[Span | None, int | None, str | None]:
    """The period the sentence's paragraph opened with, or the one this sentence opens with
    ("In the first three quarters of this year, …")."""
    if paragraph != led[0]:
        led = (paragraph, None, None)
    year, period = leading_year(sentence, doc_year)
    return (paragraph, year, period) if period else led


_SPAN_OF_YEARS = re.compile(r", over the past \w+ years$")  # a label's, no part of an id


def _as_threshold(metric: str, fact: Fact, text: str) -> str:
    """A size that defines a kind of firm is named as the threshold it is ("annual turnover
    threshold"), never as a measured figure."""
    if not fact.per_item or "threshold" in metric or not is_size_threshold(text, fact.span):
        return metric
    base, comma, rest = metric.partition(" in ")  # "annual turnover in US dollars"
    return f"{base} threshold" + (f" in {rest}" if comma else "")


def _sentence_case(metric: str, lowercase_words: set[str]) -> str:
    """`metric` with a capital that only opened its sentence made small ("Online sales")."""
    first, _, rest = metric.partition(" ")
    common = first.lower() in lowercase_words or first.lower() in COMMON_HEADS
    title_case = rest[:1].isupper() and not rest.split()[0].isupper()  # "Gross Domestic Product"
    if first[:1].isupper() and first[1:].islower() and common and not title_case:
        return f"{first.lower()} {rest}".strip()
    return metric


def _place(sections: tuple[Section, ...], pos: int) -> tuple[str | None, str | None, str | None]:
    """The section id, point id and topic name that hold position `pos`."""
    for section in sections:
        if section.span[0] <= pos <= section.span[1]:
            for point in section.points:
                if point.span[0] <= pos <= point.span[1]:
                    topic = next((t.name for t in point.topics if t.span[0] <= pos <= t.span[1]),
                                 None)
                    return section.id, point.id, topic
            return section.id, None, None
    return None, None, None


def attach_facts(sections: tuple[Section, ...], facts: tuple[Fact, ...]) -> tuple[Section, ...]:
    """The sections with each section, point and topic listing the ids of the facts inside it."""
    return tuple(_attach_section(s, facts) for s in sections)


def _within(span: Span, fact: Fact) -> bool:
    return span[0] <= fact.span[0] and fact.span[1] <= span[1]


def _attach_section(section: Section, facts: tuple[Fact, ...]) -> Section:
    points = tuple(_attach_point(p, facts) for p in section.points)
    ids = tuple(f.id for f in facts if _within(section.span, f))
    return replace(section, points=points, fact_ids=ids)


def _attach_point(point: Point, facts: tuple[Fact, ...]) -> Point:
    topics = tuple(_attach_topic(t, facts) for t in point.topics)
    ids = tuple(f.id for f in facts if _within(point.span, f))
    return replace(point, topics=topics, fact_ids=ids)


def _attach_topic(topic: Topic, facts: tuple[Fact, ...]) -> Topic:
    return replace(topic, fact_ids=tuple(f.id for f in facts if _within(topic.span, f)))

