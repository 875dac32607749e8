"""A small hand-built Briefing shaped like the seed, for stages tested apart from extraction."""

from __future__ import annotations

import re

from reportgen.model import (
    Briefing,
    Document,
    Fact,
    Point,
    Qualifier,
    Quantity,
    Section,
    SystemMember,
    SystemTier,
    Target,
    Topic,
)

TEXT = (
    "Sample release (Sept. 14, 2022)\n\n"
    "Industrial added value has increased from 723.1 billion yuan in 2011 to 1.0739 trillion yuan "
    "in 2021. The total industrial output value has increased from 3.3834 trillion yuan in 2011 "
    "to 4.2014 trillion yuan in 2021.\n\n"
    "1. A new industrial system\n\n"
    "First, three leading industries. In terms of integrated circuits, the scale reached "
    "250 billion yuan. In terms of biopharmaceuticals, the scale reached 700 billion yuan. "
    "In terms of artificial intelligence, the scale hit 305.6 billion yuan.\n\n"
    "Second, new growth areas. In terms of metaverse, the scale will reach 350 billion yuan "
    "in 2025. In terms of smart terminals, the scale will reach 700 billion yuan in 2025.\n\n"
    "2. Innovation\n\n"
    "First, the strategic emerging industries accounted for 40.6% of output in 2021.\n"
)


def _sentence_around(start: int, end: int) -> tuple[int, int]:
    """The sentence holding `TEXT[start:end]`: it ends at '.' before a space and a capital or a
    newline."""
    bounds = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-Z0-9]|\s*\n)|\n\n", TEXT)]
    opening = max((b for b in bounds if b <= start), default=0)
    closing = min((b for b in bounds if b >= end), default=len(TEXT))
    while opening < start and TEXT[opening].isspace():
        opening += 1
    return opening, closing


def _fact(fid: str, quote: str, value: float, unit: str, metric: str, *, year: int | None = None,
          target: bool = False, section: str | None = None, point: str | None = None,
          topic: str | None = None, qualifier: Qualifier = Qualifier.EXACT) -> Fact:
    start = TEXT.index(quote)
    sentence_start, sentence_end = _sentence_around(start, start + len(quote))
    return Fact(
        id=fid, span=(start, start + len(quote)), text=quote,
        quantity=Quantity(value, unit, qualifier), metric=metric, year=year, is_target=target,
        sentence=TEXT[sentence_start:sentence_end], sentence_span=(sentence_start, sentence_end),
        section_id=section, point_id=point, topic=topic,
    )


def synthetic_briefing() -> Briefing:
    """A briefing with growth pairs, a ranking, targets, a share and a three-tier system."""
    facts = (
        _fact("industrial-added-value-2011", "723.1 billion yuan", 723.1e9, "yuan",
              "industrial added value", year=2011, section="intro"),
        _fact("industrial-added-value-2021", "1.0739 trillion yuan", 1.0739e12, "yuan",
              "industrial added value", year=2021, section="intro"),
        _fact("total-industrial-output-value-2011", "3.3834 trillion yuan", 3.3834e12, "yuan",
              "total industrial output value", year=2011, section="intro"),
        _fact("total-industrial-output-value-2021", "4.2014 trillion yuan", 4.2014e12, "yuan",
              "total industrial output value", year=2021, section="intro"),
        _fact("integrated-circuits-scale", "250 billion yuan", 250e9, "yuan",
              "integrated circuits industry scale", section="s1", point="s1-p1",
              topic="integrated circuits"),
        _fact("biopharmaceuticals-scale", "700 billion yuan", 700e9, "yuan",
              "biopharmaceuticals industry scale", section="s1", point="s1-p1",
              topic="biopharmaceuticals"),
        _fact("artificial-intelligence-scale", "305.6 billion yuan", 305.6e9, "yuan",
              "artificial intelligence industry scale", section="s1", point="s1-p1",
              topic="artificial intelligence"),
        _fact("metaverse-scale-2025", "350 billion yuan", 350e9, "yuan",
              "metaverse industry scale", year=2025, target=True, section="s1", point="s1-p2",
              topic="metaverse"),
        _fact("smart-terminals-scale-2025", "700 billion yuan in 2025", 700e9, "yuan",
              "smart terminals industry scale", year=2025, target=True, section="s1",
              point="s1-p2", topic="smart terminals"),
        _fact("strategic-emerging-share-2021", "40.6%", 40.6, "percent",
              "strategic emerging industries' share of output", year=2021, section="s2",
              point="s2-p1"),
    )
    def span_of(text: str) -> tuple[int, int]:
        start = TEXT.index(text)
        return (start, start + len(text))

    sections = (
        Section("intro", 0, "Introduction", (0, TEXT.index("1. A new")),
                fact_ids=tuple(f.id for f in facts[:4])),
        Section("s1", 1, "A new industrial system",
                span_of(TEXT[TEXT.index("1. A new"):TEXT.index("2. Innovation")]),
                points=(
                    Point("s1-p1", 1, span_of("First, three leading industries."),
                          "Three leading industries",
                          topics=(Topic("s1-p1-integrated-circuits", "integrated circuits",
                                        span_of("In terms of integrated circuits"),
                                        ("integrated-circuits-scale",)),
                                  Topic("s1-p1-biopharmaceuticals", "biopharmaceuticals",
                                        span_of("In terms of biopharmaceuticals"),
                                        ("biopharmaceuticals-scale",)),
                                  Topic("s1-p1-artificial-intelligence", "artificial intelligence",
                                        span_of("In terms of artificial intelligence"),
                                        ("artificial-intelligence-scale",))),
                          fact_ids=tuple(f.id for f in facts[4:7])),
                    Point("s1-p2", 2, span_of("Second, new growth areas."), "New growth areas",
                          topics=(Topic("s1-p2-metaverse", "metaverse",
                                        span_of("In terms of metaverse"),
                                        ("metaverse-scale-2025",)),
                                  Topic("s1-p2-smart-terminals", "smart terminals",
                                        span_of("In terms of smart terminals"),
                                        ("smart-terminals-scale-2025",))),
                          fact_ids=tuple(f.id for f in facts[7:9])),
                ), fact_ids=tuple(f.id for f in facts[4:9])),
        Section("s2", 2, "Innovation", span_of(TEXT[TEXT.index("2. Innovation"):]),
                points=(Point("s2-p1", 1, span_of("First, the strategic"),
                              "Strategic emerging industries",
                              fact_ids=("strategic-emerging-share-2021",)),),
                fact_ids=("strategic-emerging-share-2021",)),
    )
    system = (
        SystemTier("leading-industries", "leading industries", point_id="s1-p1", members=(
            SystemMember("integrated circuits", "s1-p1-integrated-circuits",
                         "integrated-circuits-scale",
                         ("integrated-circuits-scale",)),
            SystemMember("biopharmaceuticals", "s1-p1-biopharmaceuticals",
                         "biopharmaceuticals-scale",
                         ("biopharmaceuticals-scale",)),
            SystemMember("artificial intelligence", "s1-p1-artificial-intelligence",
                         "artificial-intelligence-scale", ("artificial-intelligence-scale",)),
        )),
        SystemTier("new-growth-areas", "new growth areas", point_id="s1-p2", members=(
            SystemMember("metaverse", "s1-p2-metaverse", "metaverse-scale-2025",
                         ("metaverse-scale-2025",), ("metaverse-scale-2025",)),
            SystemMember("smart terminals", "s1-p2-smart-terminals", "smart-terminals-scale-2025",
                         ("smart-terminals-scale-2025",), ("smart-terminals-scale-2025",)),
        )),
    )
    targets = (
        Target("metaverse-scale-2025", "metaverse", "metaverse industry scale", 2025),
        Target("smart-terminals-scale-2025", "smart terminals", "smart terminals industry scale",
               2025),
    )
    document = Document(path="seeds/sample.txt", sha256="0" * 64, title="Sample release",
                        date="2022-09-14", issuer="Sample Office")
    return Briefing(document=document, text=TEXT, sections=sections, facts=facts,
                    targets=targets, system=system)
