"""Extraction never crashes: any text gives a briefing whose spans all point at their text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.extraction import extract_briefing
from reportgen.ingest import SourceDoc

PIECES = st.sampled_from([
    "1.", "First, ", "In terms of metaverse, ", "the city", " will reach ", "350 billion yuan",
    " in 2025", ". ", "\n\n", "more than ", "one-third", " of the total", "US$", "RMB", "5.2",
    "%", " respectively", ", ", "Forty-two ", "projects", "(Sept. 14, 2022)", "2022.09.14",
    "last year", "In the first half, ", "- ", "Main targets:", "\n", "(1) ", "twice", "No.1",
    "5G", "COVID-19", "“", "”", "such as future-oriented A, future-oriented B and ", "x",
])


def briefing_of(text: str):
    return extract_briefing(SourceDoc(Path("fuzz.txt"), text, "0" * 64, ".txt"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_genre_shaped_text_always_gives_consistent_spans(text: str) -> None:
    briefing = briefing_of(text)
    assert len({f.id for f in briefing.facts}) == len(briefing.facts)
    for fact in briefing.facts:
        assert text[fact.span[0]:fact.span[1]] == fact.text
        assert fact.metric


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    briefing = briefing_of(text)
    assert all(text[f.span[0]:f.span[1]] == f.text for f in briefing.facts)
