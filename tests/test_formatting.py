"""Reader-facing number formatting shared by charts, templates and the deck."""

from __future__ import annotations

import math

import pytest

from reportgen import formatting as fmt


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1.0739e12, "yuan", "1.07 trillion yuan"),
        (723.1e9, "yuan", "723 billion yuan"),
        (52.3e9, "usd", "US$52.3 billion"),
        (40.6, "percent", "40.6%"),
        (1000, "count", "1,000"),
        (1.2e6, "count", "1.2 million"),
        (2, "multiple", "2×"),
        (400000, "yuan per person", "400,000 yuan per person"),
        (8e9, "yuan per km2", "8 billion yuan per km2"),
    ],
)
def test_quantity_prints_each_unit_the_way_a_briefing_reads(value, unit, expected):
    assert fmt.quantity(value, unit) == expected


def test_change_and_cagr_of_industrial_added_value_2011_to_2021():
    assert fmt.change(723.1e9, 1.0739e12) == "+48.5%"
    assert fmt.cagr(723.1e9, 1.0739e12, 10) == "4% a year"
    assert fmt.cagr_rate(723.1e9, 1.0739e12, 10) == pytest.approx(4.035, abs=1e-3)


def test_undefined_growth_is_not_a_number_but_says_so():
    assert fmt.change(0, 5) == "n/a"
    assert fmt.cagr(0, 5, 3) == "n/a"
    assert fmt.cagr(5, 10, 0) == "n/a"
    assert fmt.number(math.nan) == "n/a"
    assert fmt.percent(math.inf) == "n/a"


def test_decline_uses_a_true_minus_sign():
    assert fmt.change(100, 58) == "−42%"


def test_figure_keeps_the_precision_and_words_the_source_wrote():
    from reportgen.formatting import figure

    assert figure(1.65, "percent") == "1.65%"
    assert figure(1.0739e12, "yuan") == "1.0739 trillion yuan"
    assert figure(305.6e9, "yuan") == "305.6 billion yuan"
    assert figure(33.33, "percent", words="one-third") == "one-third"
    assert figure(2.87e12, "yuan", "more_than") == "more than 2.87 trillion yuan"


def test_figure_prints_an_amount_per_item_as_a_threshold():
    from reportgen.formatting import figure

    assert figure(1e10, "yuan", "more_than", each=True) == "more than 10 billion yuan each"


def test_units_known_in_capitals_print_in_capitals_at_the_source_precision():
    assert fmt.figure(3.22e6, "teu") == "3.22 million TEU"
    assert fmt.figure(1.5e9, "kwh", "more_than") == "more than 1.5 billion kWh"
    assert fmt.figure(5.26e6, "tons") == "5.26 million tons"


def test_rupees_in_lakh_and_crore_print_in_the_scale_their_readers_count_in(tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.formatting import fact_figure
    from reportgen.pipeline import read_release

    path = tmp_path / "india.txt"
    path.write_text("India GDP\n\n2023-08-31\n\nReal GDP was estimated at ₹40.37 lakh crore in Q1. "
                    "Spending reached Rs 2,000 crore.\n", encoding="utf-8")
    facts = extract_briefing(read_release(path)).facts
    assert [fact_figure(f) for f in facts] == ["₹40.37 lakh crore", "₹2,000 crore"]
    assert facts[0].value == 40.37e12  # the data layer keeps base units
