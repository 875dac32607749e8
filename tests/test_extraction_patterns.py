"""Pattern shortcuts taken for speed give exactly what the plain patterns give."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.extraction import metrics, rules

TEXTS = sorted((Path(__file__).parent / "heldout").glob("*.txt")) + sorted(
    (Path(__file__).parent / "genre").glob("*.txt")) + sorted(
    (Path(__file__).parent.parent / "seeds").glob("*.txt"))


def strip_qualifier_plainly(before: str) -> str:
    """The reference: the qualifier tail removed by a search over the whole text."""
    return metrics._QUALIFIER_TAIL.sub("", before.rstrip()).rstrip() + " "


def test_strip_qualifier_matches_the_plain_pattern_before_every_word_of_the_texts() -> None:
    checked = 0
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            for word in re.finditer(r"\S+", line):
                before = line[:word.start()]
                assert metrics._strip_qualifier(before) == strip_qualifier_plainly(before)
                checked += 1
    assert checked > 3_000


QUALIFIERS = [p for p, _ in rules.QUALIFIER_PHRASES]
PIECES = st.sampled_from([
    *QUALIFIERS, *(q.upper() for q in QUALIFIERS), *(q.title() for q in QUALIFIERS),
    " ", "  ", "\n", "\t", "\u00a0", "\u2003", "x", "a", "s", "\u017f", "\u212a", "-", ".",
    ",", "5", "%", "the", "sales", "reached", "UPTO", "ABOUT\n", "é", "ı", "İ",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_strip_qualifier_matches_the_plain_pattern_on_any_text(before: str) -> None:
    assert metrics._strip_qualifier(before) == strip_qualifier_plainly(before)
