"""serialize.py: the `reportgen.extract/1` contract and the terminal table."""

from __future__ import annotations

import json

from reportgen.model import Briefing, Document, Fact, Quantity
from reportgen.serialize import SCHEMA, briefing_json, briefings_json, fact_table

FACT = Fact(id="gdp-2023", span=(4, 22), text="4.72 trillion yuan",
            quantity=Quantity(4.72e12, "yuan"), metric="GDP", year=2023)
BRIEFING = Briefing(Document("seeds/r.txt", "0" * 64, "GDP report", "2024-01-20"),
                    "GDP 4.72 trillion yuan.", facts=(FACT, ), headlines=("gdp-2023",))


def test_one_briefing_is_one_object_with_its_facts_spans_and_headlines() -> None:
    data = json.loads(briefing_json(BRIEFING))
    assert data["schema"] == SCHEMA
    (fact,) = data["facts"]
    assert (fact["id"], fact["span"], fact["value"], fact["unit"], fact["year"]) == (
        "gdp-2023", [4, 22], 4.72e12, "yuan", 2023)
    assert data["headlines"] == ["gdp-2023"]


def test_several_briefings_are_json_lines_of_the_same_shape_as_one() -> None:
    lines = briefings_json([BRIEFING, BRIEFING]).splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0]) == json.loads(briefing_json(BRIEFING))


def test_the_table_shows_ids_in_full_and_the_metric() -> None:
    table = fact_table(BRIEFING)
    assert "gdp-2023" in table and "GDP" in table and "2024-01-20" in table
