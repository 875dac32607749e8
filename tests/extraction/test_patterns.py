"""Pattern shortcuts taken for speed give exactly what the plain patterns give."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.extraction import identity, rules
from reportgen.extraction.metrics import phrases

TEXTS = sorted((Path(__file__).parents[1] / "heldout").glob("*.txt")) + sorted(
    (Path(__file__).parents[1] / "genre").glob("*.txt")) + [SEED]


def strip_qualifier_plainly(before: str) -> str:
    """The reference: the qualifier tail removed by a search over the whole text."""
    return phrases._QUALIFIER_TAIL.sub("", before.rstrip()).rstrip() + " "


def test_strip_qualifier_matches_the_plain_pattern_before_every_word_of_the_texts() -> None:
    checked = 0
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            for word in re.finditer(r"\S+", line):
                before = line[:word.start()]
                assert phrases.strip_qualifier(before) == strip_qualifier_plainly(before)
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
    assert phrases.strip_qualifier(before) == strip_qualifier_plainly(before)


NAV_CLASS = re.compile(r"[|\s\W\u4e00-\u9fff]")


def test_nav_line_test_accepts_exactly_the_characters_of_the_old_pattern_class() -> None:
    every = "".join(map(chr, range(0x110000)))
    in_class = {m.start() for m in NAV_CLASS.finditer(every)}
    accepted = {code for code, char in enumerate(every) if identity._is_nav_line(char)}
    assert accepted == in_class


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("| -—_a1\u4e00\u9fff\u3000\u00a0\n#.中文é٣"), max_size=8))
def test_nav_line_test_matches_the_old_pattern_on_any_line(line: str) -> None:
    old = re.compile(r"^[|\s\W\u4e00-\u9fff]*$").match(line)
    assert identity._is_nav_line(line) == bool(old)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("-*•()（）.)）1a9zZ \t\n"), max_size=6))
def test_list_mark_matches_what_the_goals_list_pattern_matched(line: str) -> None:
    old = re.compile(r"^(?:[-*•]|\(?[0-9a-z]{1,2}[.)）])\s*").match(line)
    new = phrases.LIST_MARK.match(line)
    assert (old and old.span()) == (new and new.span())
