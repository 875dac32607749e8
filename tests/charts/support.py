"""Briefings made in a test for the chart tests: facts, sections and targets by hand."""


from __future__ import annotations

import re
from dataclasses import replace

from reportgen.extraction.system import build_targets
from reportgen.model import (
    Briefing,
    Document,
    Fact,
    Point,
    Quantity,
    Section,
    SystemTier,
    Target,
    Topic,
)


def fact(fid: str, value: float, unit: str, metric: str, *, year: int | None = None,
         target: bool = False, topic: str | None = None, point: str | None = None,
         sentence: tuple[int, int] | None = None) -> Fact:
    """A fact with just the fields chart selection reads."""
    return Fact(id=fid, span=(0, 1), text=str(value), quantity=Quantity(value, unit),
                metric=metric, year=year, is_target=target, topic=topic, point_id=point,
                sentence_span=sentence, section_id="s1")


def briefing(*facts: Fact, sections: tuple[Section, ...] = (),
             targets: tuple[Target, ...] | None = None,
             system: tuple[SystemTier, ...] = ()) -> Briefing:
    """A briefing holding `facts` and nothing else the charts would read; its targets paired
    with their latest actual figures by the data layer's rule unless given."""
    doc = Document(path="seeds/other-city.txt", sha256="0" * 64, title="Other city",
                   date="2023-01-20", issuer="Statistics Bureau")
    made = Briefing(document=doc, text="", facts=facts, sections=sections, system=system)
    return replace(made, targets=build_targets(made) if targets is None else targets)


def topics_point(pid: str, facts: list[Fact]) -> Section:
    """A section with one point whose topics each hold one of `facts`."""
    topics = tuple(Topic(f"{pid}-{f.topic}", f.topic or "", (0, 1), (f.id,)) for f in facts)
    point = Point(pid, 1, (0, 1), "First, several sectors.", topics=topics,
                  fact_ids=tuple(f.id for f in facts))
    return Section("s1", 1, "Sectors", (0, 1), points=(point,))


def by_id(specs: tuple) -> dict:
    return {s.id: s for s in specs}


def spanned(text: str, quote: str, fid: str, value: float, metric: str,
            year: int | None = None) -> Fact:
    """A fact whose span and sentence span point into `text`."""
    start = text.index(quote)
    ends = [m.end() for m in re.finditer(r"\.(\s|$)", text)]  # a full stop, then space or end
    sentence = (max([e for e in ends if e <= start] + [0]), min(e for e in ends if e > start))
    return Fact(id=fid, span=(start, start + len(quote)), text=quote,
                quantity=Quantity(value, "yuan"), metric=metric, year=year,
                sentence_span=sentence)
