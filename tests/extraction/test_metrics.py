"""extraction/metrics: names a reader would put on a chart axis, never a fragment."""

from __future__ import annotations

from pathlib import Path

from reportgen.extraction import extract_briefing
from reportgen.pipeline import read_release


def facts_of(tmp_path: Path, body: str) -> dict:
    path = tmp_path / "r.txt"
    path.write_text("Trade report\n\n2023-07-20\n\n" + body + "\n", encoding="utf-8")
    return {f.text: f for f in extract_briefing(read_release(path)).facts}


def test_a_rate_after_a_participle_is_the_change_of_the_level_before_it(tmp_path: Path) -> None:
    facts = facts_of(tmp_path, "China-Russia trade reached $114.5 billion, marking an impressive "
                               "40.6% year-on-year growth.")
    assert facts["40.6%"].metric == "China-Russia trade growth"


def test_a_count_in_the_units_of_a_measure_is_that_measure(tmp_path: Path) -> None:
    facts = facts_of(tmp_path, "The province's automobile production reached 1.7 million "
                               "vehicles. Installed battery capacity hit 154.5 GWh.")
    assert "production" in facts["1.7 million vehicles"].metric
    assert not facts["154.5 GWh"].metric.startswith("number of")


def test_a_count_of_other_things_beside_a_measure_stays_a_count(tmp_path: Path) -> None:
    facts = facts_of(tmp_path, "Some 1,200 consumption events were held across 16 districts.")
    assert facts["16 districts"].metric.startswith("number of districts")
