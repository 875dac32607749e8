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
    assert found["Three"].display_label == "number of NEV makers based in Shenzhen"


def test_a_number_word_of_a_pronoun_is_no_fact() -> None:
    assert facts("Two of them were opened.") == {}


def test_a_figure_then_and_then_a_new_subject_names_the_new_subject() -> None:
    found = facts("The annual output will reach 3 million units and the industry's output "
                  "value will top 700 billion yuan by 2026.")
    assert found["700 billion yuan"].display_label == "industry's output value"
    assert found["3 million units"].display_label == "annual output"


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


CONJOINED = ("Beijing plans to cultivate 50 new foreign trade enterprises with annual trade "
             "volume exceeding 100 million yuan each in 2024, and aims to increase the share of "
             "digital trade to 45 percent by 2025.")


@pytest.mark.parametrize(("quote", "year"), [
    ("50 new foreign trade enterprises", 2024), ("100 million yuan", 2024), ("45 percent", 2025),
])
def test_each_target_takes_the_nearest_deadline_after_it(quote: str, year: int) -> None:
    fact = facts(CONJOINED)[quote]
    assert (fact.year, fact.is_target) == (year, True)


def test_a_closing_deadline_covers_every_target_of_the_sentence() -> None:
    found = facts("Under the plan, the annual output will reach 3 million units and the "
                  "output value will top 700 billion yuan by 2026.")
    assert [(f.year, f.is_target) for f in found.values()] == [(2026, True), (2026, True)]


def test_a_closing_deadline_carries_to_the_next_targets_of_its_paragraph() -> None:
    found = facts("The output will reach 3 million units by 2026. The city will build 1,000 "
                  "supercharging stations.\n\nThe city will open 40 parks.")
    assert found["1,000 supercharging stations"].year == 2026
    assert found["40 parks"].year is None  # a new paragraph


def test_a_deadline_inside_a_sentence_does_not_carry_to_the_next() -> None:
    found = facts("We will lift output to 450 billion yuan by 2027, and we aim to attract 100 "
                  "new headquarters every year. The area will add 2,000 hectares of land.")
    assert found["2,000 hectares"].year is None


def test_from_a_to_b_in_a_plan_keeps_today_apart_from_the_target() -> None:
    found = facts("The number of public charging points will rise from 150,000 to 220,000 "
                  "by 2026.")
    assert (found["150,000"].is_target, found["150,000"].year) == (False, None)
    assert (found["220,000"].is_target, found["220,000"].year) == (True, 2026)


def test_from_a_in_one_year_to_b_in_another_keeps_both_years() -> None:
    found = facts("Output rose from 3 billion yuan in 2015 to 5 billion yuan in 2020.")
    assert [(f.year, f.is_target) for f in found.values()] == [(2015, False), (2020, False)]


def test_a_deadline_that_an_earlier_figure_owns_is_not_borrowed() -> None:
    found = facts("The city will raise output to 5 billion yuan, up from 3 billion yuan in 2020.")
    assert found["5 billion yuan"].year is None


@pytest.mark.parametrize(("body", "quote", "metric"), [
    ("Last year, the city produced 1.8 million NEVs, accounting for nearly 20% of the national "
     "total.", "20%", "NEV production share of national total"),
    ("Last year, the city produced 1.8 million NEVs, accounting for nearly 20% of the national "
     "total.", "1.8 million NEVs", "NEV production"),
    ("The province sold 40,000 electric buses.", "40,000 electric buses",
     "electric bus sales"),
    ("The plan also offers subsidies of up to 5 million yuan for key research projects.",
     "5 million yuan", "subsidies per key research project"),
    ("The fund provides grants of 2 million yuan for young scientists.", "2 million yuan",
     "grants for young scientists"),
    ("Beijing plans to cultivate 50 new foreign trade enterprises with annual trade volume "
     "exceeding 100 million yuan each in 2024.", "100 million yuan",
     "annual trade volume per new foreign trade enterprise"),
])
def test_metric_rules_for_plan_and_trade_news(body: str, quote: str, metric: str) -> None:
    assert facts(body)[quote].display_label == metric


def test_a_named_maker_keeps_its_own_name_as_the_metric() -> None:
    found = facts("BYD produced 3 million vehicles.")
    assert found["3 million vehicles"].metric != "vehicle production"


def test_a_fraction_opening_a_sentence_measures_what_its_group_does() -> None:
    found = facts("Half of the city's buses and all of its taxis already run on electricity.")
    assert found["Half"].metric == "share of city's buses that run on electricity"


def test_a_multiple_after_with_x_up_is_the_growth_of_x() -> None:
    found = facts("Sales of NEVs in the first two months rose 35.4 percent, with exports up "
                  "2.6 times.")
    assert found["2.6 times"].metric.startswith("growth multiple of exports of NEVs")


def test_top_after_to_without_an_amount_is_a_rank() -> None:
    assert facts("The city moved up to top 10 cities in the ranking.") == {}
