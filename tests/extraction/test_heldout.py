"""Releases annotated by hand *before* the extractor first ran on them (a regression set).

Each `tests/heldout/X.{txt,md,html}` has `X.gold.json` in the scorer's format. Their first scores
exposed rules the genre needed (months as periods, goal-list headings, datelines, "US$ 3.2
billion"); the rules were then written for the genre and these texts keep them honest. For HTML,
quotes refer to the plain text that ingest extracts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gold_scoring import score

from reportgen.extraction import extract_briefing
from reportgen.pipeline import read_release as read_source
from reportgen.serialize import briefing_to_dict

HELDOUT = Path(__file__).resolve().parents[1] / "heldout"
SOURCES = sorted(p for p in HELDOUT.iterdir() if p.suffix in (".txt", ".md", ".html"))
FLOORS = {"recall": 0.97, "precision": 0.97, "unit_accuracy": 0.95, "year_accuracy": 0.95,
          "target_accuracy": 0.97, "qualifier_accuracy": 0.90, "metric_overlap": 0.8}


def test_the_regression_set_covers_txt_markdown_and_html() -> None:
    assert {p.suffix for p in SOURCES} == {".txt", ".md", ".html"}
    assert len(SOURCES) == 15


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_heldout_release_meets_the_scorer_floors(source: Path) -> None:
    doc = read_source(source)
    gold = json.loads(source.with_suffix(".gold.json").read_text(encoding="utf-8"))
    extracted = json.loads(json.dumps(briefing_to_dict(extract_briefing(doc))))
    result = score(doc.text, gold, extracted)
    assert result["bad_spans"] == 0
    for key, floor in FLOORS.items():
        assert result[key] >= floor, (key, result[key], result["missed"], result["spurious"])
