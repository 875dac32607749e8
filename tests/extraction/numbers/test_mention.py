"""extraction/numbers/mention.py: a figure's unit, scale, qualifier and counted noun."""

from __future__ import annotations

import pytest

from reportgen.errors import QuantityError
from reportgen.extraction.numbers import find_mentions
from reportgen.extraction.numbers.mention import counted_noun, digits_value
from reportgen.model import Qualifier


@pytest.mark.parametrize(("text", "qualifier"), [
    ("over 10 billion yuan", Qualifier.MORE_THAN), ("about 5 percent", Qualifier.ABOUT),
    ("at least 20 firms", Qualifier.AT_LEAST), ("up to 3 million yuan", Qualifier.UP_TO),
    ("1.2 trillion yuan", Qualifier.EXACT),
])
def test_the_word_before_a_figure_is_its_qualifier_outside_its_span(
        text: str, qualifier: Qualifier) -> None:
    (mention,) = find_mentions(text)
    assert mention.qualifier == qualifier
    assert text[mention.span[0]:mention.span[1]][0].isdigit()


def test_scale_words_give_base_units() -> None:
    assert [m.value for m in find_mentions("1.0739 trillion yuan and 723.1 billion yuan")] == [
        1.0739e12, 723.1e9]


def test_the_counted_noun_follows_the_number() -> None:
    text = "60 smart factories opened"
    assert counted_noun(text, 2)[0] == "smart factories"


def test_digits_outside_the_strict_pattern_are_refused() -> None:
    with pytest.raises(QuantityError):
        digits_value("1_000")
