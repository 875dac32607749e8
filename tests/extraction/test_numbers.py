"""The quantity parser: one small text per rule of the genre, checked value by value."""

from __future__ import annotations

import pytest

from reportgen.errors import QuantityError
from reportgen.extraction.numbers import digits_value, find_mentions, parse_quantity
from reportgen.model import Qualifier


def figures(text: str) -> list[tuple[str, float, str, str]]:
    """(quoted text, value, unit, qualifier) of every figure found in `text`."""
    return [(text[m.span[0]:m.span[1]], m.value, m.unit, m.qualifier.value)
            for m in find_mentions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Exports reached US$52.3 billion.", [("US$52.3 billion", 52.3e9, "usd", "exact")]),
    ("It attracted US$ 3.2 billion, a 10-fold rise.",
     [("US$ 3.2 billion", 3.2e9, "usd", "exact"), ("10-fold", 10, "multiple", "exact")]),
    ("Funds of RMB12.5 billion were raised.", [("RMB12.5 billion", 12.5e9, "yuan", "exact")]),
    ("Retail sales hit 3 trln yuan.", [("3 trln yuan", 3e12, "yuan", "exact")]),
    ("Trade rose to 2.9 trillion yuan (about 410.2 billion U.S. dollars).",
     [("2.9 trillion yuan", 2.9e12, "yuan", "exact"),
      ("410.2 billion U.S. dollars", 410.2e9, "usd", "about")]),
    ("GDP grew 5.2 percent, exports 3 per cent and imports 1.5%.",
     [("5.2 percent", 5.2, "percent", "exact"), ("3 per cent", 3, "percent", "exact"),
      ("1.5%", 1.5, "percent", "exact")]),
    ("The share rose 1.2 percentage points.",
     [("1.2 percentage points", 1.2, "percentage points", "exact")]),
    ("Output was 2.4 times that of 2012.", [("2.4 times", 2.4, "multiple", "exact")]),
    ("The count will rise by 20 to no fewer than 80 hospitals.",
     [("20", 20, "count", "exact"), ("80 hospitals", 80, "count", "at_least")]),
    ("Revenue rose by 8 to 260 billion yuan.",
     [("8", 8e9, "yuan", "exact"), ("260 billion yuan", 260e9, "yuan", "exact")]),
    ("The rate rose by 0.3 to 5.2 percent.",
     [("0.3", 0.3, "percentage points", "exact"), ("5.2 percent", 5.2, "percent", "exact")]),
    ("R&D centers rose by 8 to 260.", [("8", 8, "count", "exact"), ("260", 260, "count", "exact")]),
    ("Map coverage reached 1/5000 scale.", [("1/5000", 0.02, "percent", "exact")]),
    ("Forty-two new projects started.", [("Forty-two new projects", 42, "count", "exact")]),
    ("The park covers 12.5 hectares and 3.2 square kilometers.",
     [("12.5 hectares", 12.5, "hectares", "exact"),
      ("3.2 square kilometers", 3.2, "km2", "exact")]),
    ("Throughput was 47.3 million tons.", [("47.3 million tons", 47.3e6, "tons", "exact")]),
    ("Revenue tops 200 billion yuan.", [("200 billion yuan", 200e9, "yuan", "more_than")]),
    ("Capacity was 1.1 million 8-inch wafers per month.",
     [("1.1 million 8-inch wafers per month", 1.1e6, "wafers per month", "exact")]),
    ("Income exceeds 80,000 yuan per person.",
     [("80,000 yuan per person", 80000, "yuan per person", "more_than")]),
    ("Talent accounts for one-third of the total and half of the rest.",
     [("one-third", 33.3, "percent", "exact"), ("half", 50, "percent", "exact")]),
    ("Revenue will double.", [("double", 2, "multiple", "exact")]),
    ("Output topped 4 trillion yuan, breaking the 4 trillion-yuan mark.",
     [("4 trillion yuan", 4e12, "yuan", "more_than"),
      ("4 trillion-yuan", 4e12, "yuan", "more_than")]),
    ("Nearly 300 firms and up to 5,000 jobs.",
     [("300 firms", 300, "count", "about"), ("5,000 jobs", 5000, "count", "up_to")]),
    ("GDP grew -0.2% in 2022.", [("-0.2%", -0.2, "percent", "exact")]),
    ("Growth of 5-5.5% is expected.",
     [("5", 5, "percent", "at_least"), ("5.5%", 5.5, "percent", "up_to")]),
])
def test_genre_figures_are_read_with_value_unit_and_qualifier(text: str, expected: list) -> None:
    found = figures(text)
    assert [(q, u, ql) for q, _, u, ql in found] == [(q, u, ql) for q, _, u, ql in expected]
    for (_, value, _, _), (_, want, _, _) in zip(found, expected, strict=True):
        assert value == pytest.approx(want, rel=1e-9)


@pytest.mark.parametrize("text", [
    "Sept. 14, 2022", "2022.09.14", "date 2023-07-20", "In 2021 and in the 1990s",
    "No.1 nationwide", "No. 1 in China", "the 14th Five-Year Plan", "the 12th Congress",
    "14nm chips, 5G, 8K, 6G and 12-inch wafers", "the C919 jet and ARJ21", "COVID-19",
    "7x24 service and 24/7 help", "the Xuelong 2 icebreaker", "it joined the Global 500 companies",
    "over the past 10 years", "in the next five years", "in the next 5-10 years",
    "a Three-year Action Plan", "a five-in-one layout", "zero-carbon parks",
    "one of the country's first", "one should stand", "the first half of the year",
    "a number of firms, many times, a batch of products", "https://example.gov/2023/05/1234.html",
    "1. The construction of a new system",
    "the Double First-Class plan and double carbon goals", "they met twice a year",
    "at 3 pm and 4 p.m.", "the top ten cities", "call 86-21-12345678",
    "E-mail a@b.com Phone 0551-65179860-203", "Pub Date:23-10-12 15:21 Source:news.example.cn",
])
def test_non_facts_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_consecutive_years_are_a_count_but_durations_are_not() -> None:
    found = figures("The fair was held for five consecutive years over the past five years.")
    assert found == [("five consecutive years", 5, "count", "exact")]


def test_counted_noun_with_quotes_and_rate_denominator() -> None:
    text = "262 national “little giant” enterprises; robot density is 260 units per 10,000 people."
    found = figures(text)
    assert found[0][:3] == ("262 national “little giant” enterprises", 262, "count")
    assert found[1][:3] == ("260 units per 10,000 people", 260, "units per 10,000 people")
    assert len(found) == 2  # the 10,000 belongs to the unit


def test_bare_billions_take_the_default_currency() -> None:
    assert figures("7 platforms with transaction value at 100 billion each.")[1][1:3] == (
        100e9, "yuan")


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("1.0739 trillion yuan", 1.0739e12, "yuan", Qualifier.EXACT),
    ("about 1.5 trillion yuan", 1.5e12, "yuan", Qualifier.ABOUT),
    ("more than 1,000 key enterprises", 1000, "count", Qualifier.MORE_THAN),
    ("40.6%", 40.6, "percent", Qualifier.EXACT),
    ("US$52.3 billion", 52.3e9, "usd", Qualifier.EXACT),
    ("one-fifth", 20, "percent", Qualifier.EXACT),
])
def test_parse_quantity_reads_one_phrase(text: str, value: float, unit: str,
                                         qualifier: Qualifier) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize("text", ["", "nan", "1_000", "１２３", "inf yuan", "2021",
                                  "5% and 6%", "growth was strong", "5G"])
def test_parse_quantity_refuses_what_is_not_one_quantity(text: str) -> None:
    with pytest.raises(QuantityError):
        parse_quantity(text)


@pytest.mark.parametrize("token", ["1_000", "nan", "inf", "１２３", "1e5", "-5", "1,00", " 1"])
def test_digits_are_validated_before_conversion(token: str) -> None:
    with pytest.raises(QuantityError):
        digits_value(token)


@pytest.mark.parametrize(("text", "quote", "value"), [
    ("One in five of them joined the platform.", "One in five", 20.0),
    ("About 1 in 10 firms exports.", "1 in 10", 10.0),
    ("Two out of every three buses are electric.", "Two out of every three", 66.7),
])
def test_one_in_n_is_a_share_in_percent(text: str, quote: str, value: float) -> None:
    found = [f for f in figures(text) if f[0] == quote]
    assert found and found[0][1] == pytest.approx(value) and found[0][2] == "percent"


def test_a_count_before_a_year_is_not_a_ratio() -> None:
    assert [f[0] for f in figures("The city opened 2 in 2023.")] == ["2"]


def test_a_counted_noun_stops_at_an_adverb_before_its_verb() -> None:
    assert figures("Nearly 2,000 parts suppliers now serve the industry.")[0][0] == (
        "2,000 parts suppliers")
