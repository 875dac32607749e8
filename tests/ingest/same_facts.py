"""What "the same facts as the .txt" means: values, units, metric names and years, and the date."""

from __future__ import annotations

from pathlib import Path

from reportgen.extraction import extract_briefing
from reportgen.model import Briefing
from reportgen.pipeline import read_release

from .release_files import SEED

Key = tuple[float, str, str, int | None, bool]


def briefing_of(path: Path) -> Briefing:
    """The data layer of the source at `path`."""
    return extract_briefing(read_release(path))


def fact_keys(briefing: Briefing) -> list[Key]:
    """The briefing's facts as sortable (value, unit, metric, year, target) rows."""
    return sorted((f.value, f.unit, f.metric, f.year, f.is_target) for f in briefing.facts)


def assert_same_as_seed(path: Path) -> Briefing:
    """The briefing of `path`, after checking its facts, title and date match the seed's."""
    seed, other = briefing_of(SEED), briefing_of(path)
    assert fact_keys(other) == fact_keys(seed)
    assert other.document.date == seed.document.date == "2022-09-14"
    assert other.document.title == seed.document.title
    for fact in other.facts:  # every span still points at its words
        assert other.text[fact.span[0]:fact.span[1]] == fact.text
    return other
