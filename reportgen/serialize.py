"""The data layer as JSON (the `reportgen.extract/1` contract) and as a table for the terminal."""

from __future__ import annotations

import json
from typing import Any

from reportgen.formatting import quantity as format_quantity
from reportgen.model import SCHEMA, Briefing, Fact, Point, Section, SystemTier, Target, Topic


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """The `reportgen.extract/1` object of one briefing (see DESIGN.md)."""
    doc = briefing.document
    sections = {s.id: s.title for s in briefing.sections}
    visible = {f.id for f in briefing.visible_facts}
    return {
        "schema": SCHEMA,
        "document": {"path": doc.path, "sha256": doc.sha256, "title": doc.title,
                     "date": doc.date, "source_url": doc.source_url, "issuer": doc.issuer,
                     "place": doc.place},
        "sections": [_section(s) for s in briefing.sections],
        "facts": [_fact(f, sections) for f in briefing.facts if not f.hidden],
        "headlines": [i for i in briefing.headlines if i in visible],
        "analytic_title": briefing.analytic_title,
        "findings": [{"text": f.text, "fact_ids": list(f.fact_ids)} for f in briefing.findings],
        "section_points": [{"text": f.text, "fact_ids": list(f.fact_ids)}
                           for f in briefing.section_points],
        "targets": [_target(t) for t in briefing.targets],
        "system": [_tier(t) for t in briefing.system],
        "warnings": list(briefing.warnings),
    }


def _section(section: Section) -> dict[str, Any]:
    return {"id": section.id, "number": section.number, "title": section.title,
            "span": list(section.span), "fact_ids": list(section.fact_ids),
            "points": [_point(p) for p in section.points]}


def _point(point: Point) -> dict[str, Any]:
    return {"id": point.id, "ordinal": point.ordinal, "title": point.title,
            "span": list(point.span), "fact_ids": list(point.fact_ids),
            "topics": [_topic(t) for t in point.topics]}


def _topic(topic: Topic) -> dict[str, Any]:
    return {"id": topic.id, "name": topic.name, "span": list(topic.span),
            "fact_ids": list(topic.fact_ids)}


def _fact(fact: Fact, sections: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": fact.id, "span": list(fact.span), "text": fact.text, "value": fact.value,
        "unit": fact.unit, "qualifier": str(fact.qualifier), "year": fact.year,
        "period": fact.period, "is_target": fact.is_target, "metric": fact.metric,
        "sentence": fact.sentence,
        "section": sections.get(fact.section_id) if fact.section_id else None,
        "section_id": fact.section_id, "point_id": fact.point_id, "topic": fact.topic,
        "written_as": fact.written_as, "per_item": fact.per_item,
        "conversion_of": fact.conversion_of, "overridden": fact.overridden,
    }
    if fact.label:
        out["label"] = fact.label
    if fact.page is not None:  # only paged sources (PDF) have pages
        out["page"] = fact.page
    return out


def _target(target: Target) -> dict[str, Any]:
    return {"fact_id": target.fact_id, "topic": target.topic, "metric": target.metric,
            "year": target.year, "actual_fact_id": target.actual_fact_id}


def _tier(tier: SystemTier) -> dict[str, Any]:
    return {
        "id": tier.id, "name": tier.name, "point_id": tier.point_id,
        "count_fact_id": tier.count_fact_id, "total_fact_id": tier.total_fact_id,
        "members": [{"name": m.name, "topic_id": m.topic_id,
                     "headline_fact_id": m.headline_fact_id, "fact_ids": list(m.fact_ids),
                     "target_fact_ids": list(m.target_fact_ids)} for m in tier.members],
    }


def briefing_json(briefing: Briefing) -> str:
    """One briefing as indented JSON text (what `data.json` holds), ending in a newline."""
    return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def briefings_json(briefings: list[Briefing]) -> str:
    """Each briefing as its `data.json` object: one briefing gives the indented object that
    `data.json` holds; several give JSON Lines (one compact object per line, same shape), so
    every object has `facts` at its top level however many files were named."""
    if len(briefings) == 1:
        return briefing_json(briefings[0])
    return "".join(json.dumps(briefing_to_dict(b), ensure_ascii=False) + "\n" for b in briefings)


def fact_table(briefing: Briefing) -> str:
    """A readable table of the briefing's visible facts for the terminal."""
    doc = briefing.document
    head = [f"{doc.title or doc.path}", f"{doc.path} · {doc.date or 'undated'} · "
            f"{len(briefing.visible_facts)} facts"]
    rows = [("id", "value", "qualifier", "when", "target", "metric")]
    for f in briefing.visible_facts:
        when = " ".join(str(p) for p in (f.year, f.period) if p)
        rows.append((f.id, format_quantity(f.value, f.unit), "" if f.qualifier == "exact"
                     else str(f.qualifier), when, "target" if f.is_target else "",
                     f.display_label))
    caps = (None, 28, 9, 10, 6, 60)  # ids in full: staff copy them into overrides files
    widths = [min(max(len(r[i]) for r in rows), cap or 10_000) for i, cap in enumerate(caps)]
    lines = ["  ".join(_cell(r[i], widths[i]) for i in range(len(widths))).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(head + [""] + lines)


def _cell(text: str, width: int) -> str:
    return (text if len(text) <= width else text[:width - 1] + "…").ljust(width)
