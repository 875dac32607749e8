"""Extraction on hand-annotated mini releases of the genre (other cities, GDP, trade, goals, Q&A).

Each `tests/genre/X.txt` has `X.gold.json` in the scorer's format, checked by hand. Every gold fact
must be found (span overlapping the quote, value within 0.5 %) with the right unit, year, target
flag and qualifier, nothing else may be extracted, and metric names must share words with gold.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportgen.extraction import extract_briefing
from reportgen.model import Fact
from reportgen.pipeline import read_release as read_source

GENRE = Path(__file__).resolve().parents[1] / "genre"
CASES = sorted(p.stem for p in GENRE.glob("*.txt"))
UNIT_ALIASES = {"yuan": "yuan", "usd": "usd", "percent": "percent", "count": "count",
                "tons": "tons"}
STOP = {"the", "of", "a", "an", "and", "in", "to", "s", "city", "total", "for", "by", "with", "its"}


def unit_class(unit: str) -> str:
    unit = unit.lower()
    return unit[len("other:"):] if unit.startswith("other:") else UNIT_ALIASES.get(unit, unit)


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP}


def locate(text: str, start: str, quote: str, taken: set[tuple[int, int]]) -> tuple[int, int]:
    """Where the gold quote is: the first free occurrence after its sentence start."""
    pos = text.find(start)
    q = text.find(quote, pos)
    while (q, q + len(quote)) in taken:
        q = text.find(quote, q + 1)
    assert q >= 0, quote
    return q, q + len(quote)


def match(gold: dict, place: tuple[int, int], facts: list[Fact]) -> Fact | None:
    for fact in facts:
        overlaps = fact.span[0] < place[1] and place[0] < fact.span[1]
        if overlaps and abs(fact.value - gold["value"]) <= 0.005 * max(abs(gold["value"]), 1e-9):
            return fact
    return None


def test_there_are_six_genre_texts() -> None:
    assert CASES == ["city-gdp-2023", "district-goals-2024", "hangzhou-digital-2024",
                     "hefei-industrial-system-2023", "port-trade-2023", "qa-pudong-2023"]


@pytest.mark.parametrize("stem", CASES)
def test_genre_text_facts_match_the_hand_made_gold(stem: str) -> None:
    briefing = extract_briefing(read_source(GENRE / f"{stem}.txt"))
    gold = json.loads((GENRE / f"{stem}.gold.json").read_text(encoding="utf-8"))
    remaining = list(briefing.facts)
    taken: set[tuple[int, int]] = set()
    metric_hits = 0
    for g in gold["facts"]:
        place = locate(briefing.text, g["sentence_start"], g["quote"], taken)
        taken.add(place)
        fact = match(g, place, remaining)
        assert fact is not None, f"missed {g['quote']!r}"
        remaining.remove(fact)
        years = [g["year"], *g.get("year_alt", [])]
        assert (unit_class(fact.unit), fact.year in years, fact.is_target, fact.qualifier.value) \
            == (unit_class(g["unit"]), True, g["is_target"], g["qualifier"]), (g["quote"], fact)
        shared = words(g["metric"]) & words(fact.metric)
        metric_hits += len(shared) / max(1, len(words(g["metric"]))) >= 0.5
    assert remaining == [], f"spurious: {[f.text for f in remaining]}"
    assert metric_hits / len(gold["facts"]) >= 0.85


def facts_of(stem: str) -> dict[str, Fact]:
    briefing = extract_briefing(read_source(GENRE / f"{stem}.txt"))
    return {f.text: f for f in briefing.facts}


def test_respectively_list_names_each_figure_after_its_item() -> None:
    facts = facts_of("city-gdp-2023")
    assert [facts[q].metric for q in ("2.1%", "4.9%", "4.5%")] == [
        "added value of primary industries growth", "added value of secondary industries growth",
        "added value of tertiary industries growth"]


def test_relative_years_and_first_half_period_follow_the_document_date() -> None:
    facts = facts_of("city-gdp-2023")  # dated 2024-01-25
    assert facts["2.46 trillion yuan"].year == 2023  # "last year"
    retail = facts["491.5 billion yuan"]
    assert (retail.year, retail.period) == (2024, "H1")  # "In the first half of this year"


def test_from_a_in_one_year_to_b_in_another() -> None:
    facts = facts_of("port-trade-2023")
    assert facts["20.6 million TEUs"].year == 2015
    assert facts["35.3 million TEUs"].year == 2023


def test_goals_list_items_are_targets_and_rise_by_to_no_fewer_than() -> None:
    facts = facts_of("district-goals-2024")
    assert all(facts[q].is_target for q in ("5.5 percent", "4.2%", "18,000 new urban jobs"))
    assert facts["20"].display_label == "increase in number of high-tech enterprises"
    assert facts["80"].qualifier.value == "at_least"
    assert not facts["302.5 billion yuan"].is_target


def test_bare_first_half_in_an_answer_takes_the_document_year() -> None:
    facts = facts_of("qa-pudong-2023")
    assert (facts["801.3 billion yuan"].year, facts["801.3 billion yuan"].period) == (2023, "H1")
