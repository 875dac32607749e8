"""extraction/numbers/words.py: numbers written as words are figures too."""

from __future__ import annotations

import pytest

from reportgen.extraction.numbers import find_mentions


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("three leading industries", 3, "count"),
    ("twenty-five projects", 25, "count"),
    ("one-third of the output", 100 / 3, "percent"),
])
def test_number_words_and_fractions(text: str, value: float, unit: str) -> None:
    (mention,) = find_mentions(text)
    assert abs(mention.value - value) <= 0.005 * value  # within the scorer's tolerance
    assert (mention.unit, mention.written_as) == (unit, "words")


def test_doubling_is_a_multiple() -> None:
    (mention,) = find_mentions("The output will double by 2025.")
    assert (mention.value, mention.kind) == (2, "multiple")
