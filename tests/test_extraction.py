"""extraction/__init__.py: a decoded source in, its data layer out, with warnings for gaps."""

from __future__ import annotations

from pathlib import Path

from reportgen.extraction import extract_briefing
from reportgen.ingest import SourceDoc


def doc(text: str) -> SourceDoc:
    return SourceDoc(Path("r.txt"), text, "0" * 64, ".txt")


def test_facts_have_stable_unique_ids_and_spans_into_the_text() -> None:
    text = ("Report\n\n2024-01-20\n\n"
            "In 2023, GDP reached 4.72 trillion yuan and 4.7 trillion yuan.\n")
    first, second = extract_briefing(doc(text)), extract_briefing(doc(text))
    assert [f.id for f in first.facts] == [f.id for f in second.facts]
    assert len({f.id for f in first.facts}) == len(first.facts) == 2
    assert all(text[f.span[0]:f.span[1]] == f.text for f in first.facts)


def test_a_release_without_a_date_or_figures_says_so_in_its_warnings() -> None:
    warnings = extract_briefing(doc("A note\n\nNothing to count here.\n")).warnings
    assert any("no date found" in w for w in warnings)
    assert any("no figures found" in w for w in warnings)


def test_staff_are_warned_of_odd_numbers_unnamed_figures_and_thresholds() -> None:
    text = ("Report\n\n2024-01-20\n\nOutput reached 1_000 units in 2023. The city offers up to "
            "5 million yuan to each project.\n")
    warnings = "\n".join(extract_briefing(doc(text)).warnings)
    assert "r.txt:5: '1_000' is not read as a figure" in warnings
    assert "amounts per item" in warnings
