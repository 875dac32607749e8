"""extraction/rules.py: the genre's word lists are consistent with the rules that read them."""

from __future__ import annotations

from reportgen.extraction import rules
from reportgen.extraction.years import period_words


def test_every_period_phrase_has_a_code_a_reader_can_read_back() -> None:
    for phrase, code in rules.PERIODS:
        assert period_words(code), (phrase, code)


def test_every_unit_word_maps_to_a_short_lowercase_unit() -> None:
    for word, unit in rules.UNIT_WORDS:
        assert unit == unit.lower() and 0 < len(unit) <= 30, (word, unit)


def test_number_words_are_the_numbers_they_name() -> None:
    assert (rules.NUMBER_WORDS["three"], rules.NUMBER_WORDS["twelve"]) == (3, 12)
