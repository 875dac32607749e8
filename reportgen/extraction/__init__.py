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
from reportgen.extraction.ids import fact_slug, unique_ids
from reportgen.extraction.metrics import COMMON_HEADS, LIST_MARK
from reportgen.extraction.numbers import Mention, find_mentions
from reportgen.extraction.structure import Layout, read_layout, yearless_dateline
from reportgen.extraction.system import build_system, build_targets
from reportgen.ingest import SourceDoc
from reportgen.model import Briefing, Document, Fact, Point, Section, Span, Topic

__all__ = ["extract_briefing"]


def extract_briefing(doc: SourceDoc) -> Briefing:
    """The data layer of one source document: structure, facts, targets and industrial system."""
    layout = read_layout(doc.text, doc.source_url)
    document = Document(path=str(doc.path), sha256=doc.sha256, title=layout.title,
                        date=layout.date, source_url=layout.source_url, issuer=layout.issuer)
    facts = extract_facts(doc.text, layout)
    sections = attach_facts(layout.sections, facts)
    briefing = Briefing(document=document, text=doc.text, sections=sections, facts=facts,
                        warnings=_warnings(doc, layout, facts))
    return replace(briefing, targets=build_targets(briefing), system=build_system(briefing))


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
    return tuple(out)


def extract_facts(text: str, layout: Layout) -> tuple[Fact, ...]:
    """Every fact of `text`, in document order, with stable unique ids."""
    doc_year = int(layout.date[:4]) if layout.date else None
    doc_month = int(layout.date[5:7]) if layout.date and len(layout.date) >= 7 else None
    plan_year = goals_year_of(text, layout, doc_year)
    mentions = find_mentions(text)
    lowercase_words = set(re.findall(r"\b[a-z][a-z-]*\b", text))
    drafts: list[Fact] = []
    cursor = 0
    horizon: tuple[Span | None, int | None] = (None, None)  # a paragraph's "by 2026"
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
        in_goals, goals_year = _goals_list(text, layout, s_start, doc_year)
        readings = read_sentence(sentence, local, doc_year, topic=where[2],
                                 context_target=in_goals, context_year=goals_year,
                                 plan_year=_plan_year_here(text, layout, s_start, plan_year),
                                 doc_month=doc_month)
        paragraph = next((p for p in layout.paragraphs if p[0] <= s_start <= p[1]), None)
        readings, horizon = _paragraph_horizon(sentence, readings, paragraph, horizon)
        for mention, reading in zip(inside, readings, strict=True):
            drafts.append(Fact(
                id="", span=mention.span, text=text[mention.span[0]:mention.span[1]],
                quantity=mention.quantity(),
                metric=_sentence_case(reading.metric, lowercase_words), year=reading.year,
                is_target=reading.is_target, sentence=sentence, sentence_span=(s_start, s_end),
                section_id=where[0], point_id=where[1], topic=where[2], period=reading.period,
                written_as=mention.written_as,
            ))
    ids = unique_ids(fact_slug(f.metric, f.year) for f in drafts)
    return tuple(replace(f, id=i) for f, i in zip(drafts, ids, strict=True))


def _paragraph_horizon(sentence: str, readings: list[Reading], paragraph: Span | None,
                       horizon: tuple[Span | None, int | None],
                       ) -> tuple[list[Reading], tuple[Span | None, int | None]]:
    """The readings with yearless targets given the deadline that closes an earlier sentence of
    the same paragraph ("… will reach 3 million units by 2026. The city will build 1,000
    stations"), and the deadline this sentence leaves for the next ones. A deadline inside the
    sentence ("… by 2027, and we aim to attract 100 firms every year.") stays in its sentence."""
    year = horizon[1] if horizon[0] == paragraph else None
    out = [replace(r, year=year) if r.is_target and r.year is None and r.period is None
           and year is not None else r for r in readings]
    stated = [r.year for r in readings if r.is_target and r.year is not None
              and re.search(rf"\bby\s+(?:the\s+end\s+of\s+)?{r.year}[\s.;!”\"]*$", sentence)]
    return out, (paragraph, stated[-1] if stated else year)


def _sentence_case(metric: str, lowercase_words: set[str]) -> str:
    """`metric` with a capital that only opened its sentence made small ("Online sales")."""
    first, _, rest = metric.partition(" ")
    common = first.lower() in lowercase_words or first.lower() in COMMON_HEADS
    if first[:1].isupper() and first[1:].islower() and common:
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


_GOALS_YEAR = (
    re.compile(r"\b((?:19|20)[0-9]{2})\s+(?:(?:main|major|key|development|economic|annual)\s+)?"
               r"(?:goals|targets|tasks)\b", re.IGNORECASE),
    re.compile(r"\b(?:goals|targets|tasks)\s+(?:for|in|of)\s+((?:19|20)[0-9]{2})\b",
               re.IGNORECASE),
)
_GOALS_THIS_YEAR = re.compile(r"\b(?:(?:goals|targets|tasks)\s+for\s+(?:this|the)\s+year|"
                              r"this\s+year[’']s\s+(?:main\s+)?(?:goals|targets|tasks))\b",
                              re.IGNORECASE)


def goals_year_of(text: str, layout: Layout, doc_year: int | None) -> int | None:
    """The year a "goals for the year" document sets its goals for, from its title or a heading
    ("Hangzhou unveils 2024 goals …", "Main targets for 2024", "goals for this year")."""
    lines = [layout.title] + [text[a:b].strip() for a, b in layout.paragraphs
                              if len(text[a:b].split()) <= 12
                              and not text[a:b].rstrip().endswith(".")]
    for line in lines:
        for pattern in _GOALS_YEAR:
            match = pattern.search(line)
            if match:
                return int(match.group(1))
        if doc_year is not None and _GOALS_THIS_YEAR.search(line):
            return doc_year
    return None


def _plan_year_here(text: str, layout: Layout, pos: int, plan_year: int | None) -> int | None:
    """The goals year for the paragraph at `pos`; none where the paragraph sets a later horizon
    ("By 2025, the district will …": its yearless targets are not the year's goals)."""
    if plan_year is None:
        return None
    current = next((p for p in layout.paragraphs if p[0] <= pos <= p[1]), None)
    if current is None:
        return plan_year
    years = (int(y) for y in re.findall(r"\b((?:19|20)[0-9]{2})\b", text[current[0]:current[1]]))
    return None if any(y > plan_year for y in years) else plan_year


def _goals_list(text: str, layout: Layout, pos: int,
                doc_year: int | None) -> tuple[bool, int | None]:
    """Whether `pos` is an item of a goals list ("Main targets for 2024:" then "1) …" lines), and
    the year its heading names ("for 2024", "this year")."""
    current = next((p for p in layout.paragraphs if p[0] <= pos <= p[1]), None)
    if current is None or not LIST_MARK.match(text[current[0]:current[1]]):
        return False, None
    previous = [p for p in layout.paragraphs if p[1] <= current[0]]
    for start, end in reversed(previous[-12:]):
        line = text[start:end].strip()
        if LIST_MARK.match(line):
            continue
        lowered = line.lower()
        heading = line.endswith((":", "：")) or (len(line.split()) <= 12
                                                 and not line.endswith("."))
        if not heading or not re.search(r"\b(?:targets?|goals?|aims?|plans?|will|tasks?)\b",
                                        lowered):
            return False, None
        year = re.search(r"\b(?:for|in|of)\s+((?:19|20)[0-9]{2})\b", line)
        if year:
            return True, int(year.group(1))
        return True, doc_year if "this year" in lowered else None
    return False, None


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

