"""extraction/metrics/clause_words.py: the verbs and fillers a clause is read by."""

from __future__ import annotations

import re

import pytest

from reportgen.extraction.metrics import clause_words as vocab


def test_a_lazy_pattern_compiles_on_first_use_and_then_behaves_as_the_compiled_one() -> None:
    pattern = vocab.lazy(r"\bgrew\b", re.IGNORECASE)
    assert pattern._compiled is None
    assert pattern.search("Exports GREW 5%").group(0) == "GREW"
    assert pattern._compiled is not None and pattern.pattern == r"\bgrew\b"


@pytest.mark.parametrize(("text", "verb", "direction"), [
    ("Exports rose", "rose", "up"), ("Imports have declined", "declined", "down"),
    ("GDP Tops", "tops", "level"), ("output is expected to increase", "to increase", "up"),
    ("capacity includes", "includes", "parts"),
])
def test_verbs_say_which_way_a_figure_went(text: str, verb: str, direction: str) -> None:
    found = list(vocab.VERB.finditer(text))[-1]  # the last verb before the figure governs it
    assert found.group("verb").lower() == verb
    assert vocab.DIRECTION[verb] == direction


@pytest.mark.parametrize("noun", ["a continuous increase", "the total output", "a decline"])
def test_a_bare_change_noun_is_no_verb(noun: str) -> None:
    assert vocab.VERB.search(noun) is None
