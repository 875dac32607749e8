"""Quantity parser properties: only QuantityError escapes; format then parse keeps the value."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.errors import QuantityError
from reportgen.extraction.numbers import find_mentions, format_quantity, parse_quantity
from reportgen.model import Qualifier, Quantity

UNITS = ["yuan", "usd", "percent", "percentage points", "count", "tons", "km2", "hectares",
         "multiple", "yuan per person"]
GENRE_WORDS = st.sampled_from([
    "more than", "about", "billion", "trillion", "yuan", "US$", "RMB", "%", "percent", "per",
    "person", "one-third", "double", "times", "Forty-two", "1/5000", "2021", "No.", "5G", "-",
    ",", ".", " ", "nan", "1_000", "１２３", "in", "respectively", "the", "mark", "breaking",
])


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_a_quantity_or_a_quantity_error(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except QuantityError:
        return
    assert math.isfinite(quantity.value)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(GENRE_WORDS, st.from_regex(r"[0-9]{1,6}(\.[0-9]{1,3})?",
                                                     fullmatch=True)), max_size=12))
def test_genre_like_text_never_raises_anything_else(parts: list[str]) -> None:
    text = " ".join(parts)
    try:
        parse_quantity(text)
        mentions = find_mentions(text)
    except QuantityError:
        return
    for m in mentions:
        assert 0 <= m.span[0] < m.span[1] <= len(text)
        assert math.isfinite(m.value)


@settings(max_examples=150, deadline=None)
@given(
    value=st.one_of(st.integers(0, 10**15).map(float),
                    st.floats(1e-6, 1e15, allow_nan=False, allow_infinity=False)),
    unit=st.sampled_from(UNITS),
    qualifier=st.sampled_from(list(Qualifier)),
)
def test_formatted_quantity_parses_back_to_the_same_value(value: float, unit: str,
                                                          qualifier: Qualifier) -> None:
    quantity = Quantity(value, unit, qualifier)
    text = format_quantity(quantity)
    back = parse_quantity(text)
    assert back.value == value or math.isclose(back.value, value, rel_tol=1e-12)
    assert (back.unit, back.qualifier) == (unit, qualifier)
