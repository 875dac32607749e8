"""extraction/metrics/kinds.py: names by kind of figure (shares, multiples, output, measures)."""

from __future__ import annotations

from pathlib import Path

from reportgen.extraction import extract_briefing
from reportgen.pipeline import read_release


def metrics(tmp_path: Path, body: str) -> dict[str, str]:
    path = tmp_path / "r.txt"
    path.write_text("City report\n\n2023-03-01\n\n" + body + "\n", encoding="utf-8")
    return {f.text: f.metric for f in extract_briefing(read_release(path)).facts}


def test_a_share_names_its_part_and_its_whole(tmp_path: Path) -> None:
    found = metrics(tmp_path, "Private firms contributed 445.3 billion yuan, accounting for "
                              "12.2 percent of total trade in 2022.")
    assert "share" in found["12.2 percent"] and "trade" in found["12.2 percent"]


def test_a_physical_quantity_names_what_it_measures(tmp_path: Path) -> None:
    found = metrics(tmp_path, "The city added 1,260 hectares of green space in 2022.")
    assert found["1,260 hectares"] == "green space"


def test_what_the_city_produced_is_named_its_production(tmp_path: Path) -> None:
    found = metrics(tmp_path, "The city produced 2.32 million vehicles in 2022.")
    assert "production" in found["2.32 million vehicles"]


def test_money_put_to_a_use_is_named_by_the_use(tmp_path: Path) -> None:
    found = metrics(tmp_path, "This year, the province has allocated 1 trillion yuan for key "
                              "construction projects and over 320 billion yuan for industrial "
                              "projects. The firm spent 26.4 billion yuan on research and "
                              "development in 2022.")
    assert found["1 trillion yuan"] == "funds allocated for key construction projects"
    assert found["26.4 billion yuan"] == "spending on research and development"
