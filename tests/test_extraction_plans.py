"""Rules that plan and trade news needed: verbs of reaching a level, partitive number words,
deadlines shared by a sentence's targets, datelines without a year, from-values, share bases."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.extraction import extract_briefing
from reportgen.ingest import SourceDoc
from reportgen.model import Briefing, Fact

DATED = "Release (March 5, 2024)\n\n"  # the document date makes "last year" 2023


def briefing(text: str) -> Briefing:
    return extract_briefing(SourceDoc(Path("rule.txt"), text, "0" * 64, ".txt"))


def facts(body: str) -> dict[str, Fact]:
    return {f.text: f for f in briefing(DATED + body + "\n").facts}


@pytest.mark.parametrize(("verb", "qualifier"), [
    ("top", "more_than"), ("surpass", "more_than"), ("exceed", "more_than"), ("hit", "exact"),
    ("near", "about"), ("approach", "about"), ("break", "exact"), ("cross", "exact"),
    ("pass", "exact"), ("stand at", "exact"), ("total", "exact"),
])
def test_a_level_after_a_verb_of_reaching_it_is_a_fact(verb: str, qualifier: str) -> None:
    fact = facts(f"Output value will {verb} 700 billion yuan by 2026.")["700 billion yuan"]
    assert (fact.quantity.value, fact.quantity.qualifier.value) == (700e9, qualifier)
    assert (fact.year, fact.is_target) == (2026, True)


@pytest.mark.parametrize("body", [
    "It ranked among the top 10 cities.", "The country's top 10 makers are here.",
    "Its top 3 firms are listed.",
])
def test_top_before_a_number_is_still_a_rank(body: str) -> None:
    assert not [f for f in facts(body).values() if f.quantity.value in (10, 3)]


def test_a_present_tense_top_before_an_amount_is_a_verb() -> None:
    assert facts("Sales top 5 billion yuan.")["5 billion yuan"].quantity.qualifier.value \
        == "more_than"


def test_a_number_word_picking_some_out_of_a_group_counts_them() -> None:
    found = facts("Three of the country's top 10 NEV makers are based in Shenzhen.")
    assert list(found) == ["Three"]
    assert found["Three"].quantity.value == 3
    assert found["Three"].metric == "number of NEV makers based in Shenzhen"


def test_a_number_word_of_a_pronoun_is_no_fact() -> None:
    assert facts("Two of them were opened.") == {}


def test_a_figure_then_and_then_a_new_subject_names_the_new_subject() -> None:
    found = facts("The annual output will reach 3 million units and the industry's output "
                  "value will top 700 billion yuan by 2026.")
    assert found["700 billion yuan"].metric == "industry's output value"
    assert found["3 million units"].metric == "annual output"


TRADE_NEWS = ("Beijing's foreign trade hits record high in 2023\n\n"
              "BEIJING, Jan. 19 (Xinhua) -- Trade reached 3.65 trillion yuan in 2023.\n\n"
              "In December alone, the city's foreign trade reached 305.8 billion yuan.\n")


def test_a_yearless_january_dateline_follows_the_year_the_opening_reports_on() -> None:
    result = briefing(TRADE_NEWS)
    assert result.document.date == "2024-01-19"
    assert result.warnings == ()


def test_a_month_without_a_year_in_a_january_release_is_last_years_month() -> None:
    fact = {f.text: f for f in briefing(TRADE_NEWS).facts}["305.8 billion yuan"]
    assert (fact.year, fact.period) == (2023, "M12")


@pytest.mark.parametrize("text", [
    TRADE_NEWS.replace("Jan. 19", "Aug. 19"),  # later in the year: which year is unsure
    TRADE_NEWS.replace(" in 2023", ""),  # no year the opening reports on
])
def test_a_yearless_dateline_with_no_safe_year_leaves_the_date_empty_and_warns(text: str) -> None:
    result = briefing(text)
    assert result.document.date is None
    assert len(result.warnings) == 1 and "no year in the dateline" in result.warnings[0]
