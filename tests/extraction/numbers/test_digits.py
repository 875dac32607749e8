"""extraction/numbers/digits.py: digits that are figures, their signs, and digits that are not."""

from __future__ import annotations

import pytest

from reportgen.extraction.numbers import find_mentions


def values(text: str) -> list[float]:
    return [m.value for m in find_mentions(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("The balance was -5 billion yuan.", -5e9),
    ("The balance was −3.2 billion yuan.", -3.2e9),
    ("Region | -9.18 |", -9.18),
    ("Prices grew -0.2% in May.", -0.2),
])
def test_a_minus_sign_glued_to_a_figure_is_kept(text: str, value: float) -> None:
    assert value in values(text)


def test_a_range_is_two_figures_not_a_negative_one() -> None:
    assert values("Growth of 3-5% is expected.") == [3.0, 5.0]


@pytest.mark.parametrize("text", ["The 5G network grew.", "A 14nm chip line opened.",
                                  "In 2023 the city grew.", "Call 12345 for help."])
def test_years_codes_and_serial_numbers_are_not_figures(text: str) -> None:
    assert values(text) == []


def test_a_currency_prefix_gives_the_unit() -> None:
    (mention,) = find_mentions("Exports hit US$12 billion.")
    assert (mention.value, mention.unit) == (12e9, "usd")


@pytest.mark.parametrize("text", ["1 Min Read", "Phone 0551-65179860-203", "© 2019 Daily Group",
                                  "The city rose 12 places higher", "energy per 10,000 yuan of GDP",
                                  "one in every 4 vehicles",
                                  "Decrease of Energy Consumption in 10,000 yuan GDP (±%)"])
def test_page_furniture_ranks_and_denominators_are_not_figures(text: str) -> None:
    assert [m for m in find_mentions(text) if m.value in (1, 203, 2019, 12, 10000, 4)
            and text[m.span[0]:m.span[1]][:1].isdigit()] == []


def test_a_figure_in_a_title_case_headline_is_a_figure() -> None:
    (mention,) = find_mentions("Regional GDP Reaches 7.39192 Trillion Yuan in 2021")
    assert (mention.value, mention.unit) == (7.39192e12, "yuan")


@pytest.mark.parametrize(("text", "why"), [
    ("output of 1_000 units", "'_'"), ("revenue of 1.234,56 yuan", "decimal comma"),
    ("revenue of 1 234,56 yuan", "decimal comma"), ("a loss of (1,234) million yuan", "bracket"),
    ("output of ２０２３ units", "fullwidth"), ("exports of ١٢٣ million yuan", "Arabic-Indic"),
])
def test_odd_number_forms_are_flagged_never_misread(text: str, why: str) -> None:
    from reportgen.extraction.numbers import odd_number_forms

    assert find_mentions(text) == []
    ((_, _, reason),) = odd_number_forms(text)
    assert why in reason


@pytest.mark.parametrize("space", ["\u200b", "\u2009", "\u202f", "\t", "\u00a0"])
def test_any_space_between_a_number_and_its_unit_is_a_space(space: str) -> None:
    (mention,) = find_mentions(f"It reached 3.2{space}billion yuan and grew 5{space}%.")[:1]
    assert mention.value == 3.2e9


def test_a_deficit_is_a_negative_balance() -> None:
    (mention,) = find_mentions("The trade deficit of 5 billion yuan narrowed.")
    assert mention.value == -5e9


@pytest.mark.parametrize("text", [
    "Wind power cheaper than coalGMT 14:36 2018 Sunday ,14 January",
    "Source:Haibao News 11-16-2023 17:05:00",
    "04-16 21315227 Processing",
    'Shandong will form a "3830" cluster development pattern.',
    "Home>2018 Zhejiang Two Sessions",
])
def test_timestamps_codes_and_named_numbers_are_not_figures(text: str) -> None:
    assert values(text) == []


def test_a_figure_beside_a_masked_one_is_still_read() -> None:
    assert values("On Sunday, 14 January, exports reached 0.5 billion yuan, up 04 percent.") \
        == [0.5e9]


def test_a_number_word_in_a_title_case_headline_is_still_a_count() -> None:
    assert values("Shanghai Adds Three New Industrial Parks In Pudong") == [3.0]


def test_bare_numbers_listed_before_a_unit_take_its_unit_and_scale() -> None:
    mentions = find_mentions("Output was 3, 4 and 5 billion yuan; rates rose 4.1, 2.6 and 0.5 "
                             "percentage points.")
    assert [(m.value, m.unit) for m in mentions] == [
        (3e9, "yuan"), (4e9, "yuan"), (5e9, "yuan"), (4.1, "percentage points"),
        (2.6, "percentage points"), (0.5, "percentage points")]


@pytest.mark.parametrize("text", [
    "20:25 UTC+8, 2024-06-16       0\n",
    "02-29 02131558 Received\n11-14 02131556 Received\n",
    "3-7 Top 10 World Container Ports: 2013", "Rank | Port | '12-'13 change |",
    "2018 achievements", "ranked among the top 10 cities",
])
def test_time_zones_lone_counters_table_numbers_ranks_and_short_years_are_no_figures(
        text: str) -> None:
    assert values(text) == []


def test_a_capitalised_verb_opening_a_list_item_is_no_name_before_its_count() -> None:
    text = "Enterprises:\n- Created 11 R&D institutions\n- Approved 91 national enterprises\n"
    assert values(text) == [11.0, 91.0]
    assert values("exports top 5 trillion yuan") == [5e12]  # "top" a verb, not a rank


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("GDP was 403 billion RON in current prices", "ron", 403e9),
    ("GDP was RON 402.678 billion in current prices", "ron", 402.678e9),
    ("revenue of GBP 5 million", "gbp", 5e6),
])
def test_a_currency_by_its_iso_code_before_or_after_the_number(text: str, unit: str,
                                                               value: float) -> None:
    (mention,) = find_mentions(text)
    assert (mention.unit, mention.value, mention.kind) == (unit, value, "amount")


@pytest.mark.parametrize(("text", "value"), [
    ("real GDP of ₹40.37 lakh crore", 40.37e12), ("Rs 70.67 lakh crore", 70.67e12),
    ("Rs. 2,000 crore", 2e10), ("spent 500 crore rupees", 5e9),
])
def test_rupees_in_lakh_and_crore_are_read_to_their_value(text: str, value: float) -> None:
    (mention,) = find_mentions(text)
    assert (mention.unit, mention.value) == ("inr", pytest.approx(value))


def test_pp_is_percentage_points() -> None:
    (mention,) = find_mentions("contributed +0.1 pp to GDP growth")
    assert mention.unit == "percentage points"
