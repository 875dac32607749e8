"""The industrial system and the targets table, from the genre's general patterns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportgen.extraction import extract_briefing
from reportgen.model import Briefing
from reportgen.pipeline import read_release as read_source

GENRE = Path(__file__).resolve().parents[1] / "genre"
SHARED_STRUCTURE = (Path(__file__).resolve().parents[3] / "shared" / "eval"
                    / "shanghai-industrial-economy-2022-09-14.structure.json")


def tiers(b: Briefing) -> dict[str, list[str]]:
    return {t.name: [m.name for m in t.members] for t in b.system}


def test_seed_system_has_leading_clusters_growth_and_future_tiers(seed_path: Path) -> None:
    b = extract_briefing(read_source(seed_path))
    assert list(tiers(b)) == ["leading industries", "key industrial clusters", "new growth areas",
                              "future-oriented industries"]
    leading = b.system[0]
    assert b.fact(leading.count_fact_id).value == 3
    assert b.fact(leading.total_fact_id).value == 1.27e12
    headlines = [b.fact(m.headline_fact_id).value for m in leading.members]
    assert headlines == [250e9, 700e9, 305.6e9]
    growth = b.system[2]
    assert [[(b.fact(i).value, b.fact(i).year) for i in m.target_fact_ids]
            for m in growth.members] == [[(500e9, 2025)], [(350e9, 2025)], [(700e9, 2025)], []]
    assert growth.members[3].name == "digital economy"  # listed with the others, no target


def test_seed_system_agrees_with_the_readers_summary(seed_path: Path) -> None:
    if not SHARED_STRUCTURE.is_file():
        pytest.skip(f"needs the readers' hand-written summary of the bundled release, kept "
                    f"outside the repository at {SHARED_STRUCTURE} (CI has ../shared)")
    summary = json.loads(SHARED_STRUCTURE.read_text(encoding="utf-8"))
    found = tiers(extract_briefing(read_source(seed_path)))
    assert found["leading industries"] == [m["name"] for m in summary["leading_industries"]]
    assert found["key industrial clusters"] == [m["name"] for m in summary["key_clusters"]]
    assert found["future-oriented industries"] == summary["future_industries"]
    tracks = [m["name"] for m in summary["new_tracks"]]
    assert [n.replace(" development", "") for n in found["new growth areas"]] == tracks


def test_another_citys_release_gives_the_same_tiers() -> None:
    b = extract_briefing(read_source(GENRE / "hefei-industrial-system-2023.txt"))
    assert tiers(b) == {
        "strategic emerging industries": ["new displays", "integrated circuits",
                                          "new energy vehicles", "photovoltaics"],
        "new growth areas": ["quantum information", "hydrogen energy"],
        "future-oriented industries": ["future-oriented networks",
                                       "future-oriented manufacturing",
                                       "future-oriented materials"],
    }
    assert b.fact(b.system[0].total_fact_id).value == 800e9


def test_targets_table_links_the_latest_actual_of_the_same_metric(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Plan (Jan. 5, 2024)\n\nIn 2022, the city's GDP reached 4.5 trillion yuan. "
                    "In 2023, the city's GDP reached 4.7 trillion yuan. "
                    "The city's GDP will reach 5.5 trillion yuan in 2027.\n", encoding="utf-8")
    b = extract_briefing(read_source(path))
    assert [(t.fact_id, t.metric, t.year, t.actual_fact_id) for t in b.targets] == [
        ("gdp-2027", "GDP", 2027, "gdp-2023")]


def test_a_count_followed_by_its_names_is_a_tier(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Plan (Jan. 5, 2024)\n\nThe district backs three pillar industries: "
                    "biomedicine, new materials and smart equipment. It also runs 2 labs.\n",
                    encoding="utf-8")
    b = extract_briefing(read_source(path))
    assert tiers(b) == {"pillar industries": ["biomedicine", "new materials", "smart equipment"]}
    assert b.fact(b.system[0].count_fact_id).value == 3


def test_a_two_item_list_is_two_names(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Plan (Jan. 5, 2024)\n\nThe district backs two pillar industries: "
                    "biomedicine and new materials. It also runs 2 labs.\n", encoding="utf-8")
    b = extract_briefing(read_source(path))
    assert tiers(b) == {"pillar industries": ["biomedicine", "new materials"]}


def test_split_list_keeps_and_inside_a_name() -> None:
    from reportgen.extraction.system import split_list

    assert split_list("biomedicine and new materials") == ["biomedicine", "new materials"]
    assert split_list("research and development") == ["research and development"]
    assert split_list("A, B and C") == ["A", "B", "C"]


def test_growth_needed_is_the_yearly_growth_from_the_latest_actual_to_the_target() -> None:
    from reportgen.extraction.system import growth_needed
    from reportgen.model import Fact, Quantity

    def f(value: float, year: int, unit: str = "yuan") -> Fact:
        return Fact(id=f"f{year}", span=(0, 1), text="x", quantity=Quantity(value, unit),
                    metric="scale", year=year)

    assert round(growth_needed(f(150e9, 2021), f(350e9, 2025)) or 0, 2) == 23.59
    assert growth_needed(f(150e9, 2021), f(350e9, 2021)) is None  # no years between
    assert growth_needed(f(5.0, 2021, "percent"), f(7.0, 2025, "percent")) is None
    assert growth_needed(None, f(350e9, 2025)) is None
