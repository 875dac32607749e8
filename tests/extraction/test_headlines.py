"""extraction/headlines.py: the cover figures are the release's subject, not its first numbers."""

from __future__ import annotations

from pathlib import Path

from reportgen.extraction import extract_briefing
from reportgen.pipeline import read_release

RELEASE = """Beijing's foreign trade hits record high of 3.65 trillion yuan in 2023

BEIJING, Jan. 19 (Xinhua) -- The city held 12 press events. The total value of Beijing's imports \
and exports reached 3.65 trillion yuan (about 513.4 billion U.S. dollars) in 2023, up 0.3 \
percent from the previous year, according to the Beijing customs.

The city plans to cultivate 50 enterprises with trade exceeding 100 million yuan each in 2024.
"""


def headline_texts(tmp_path: Path) -> list[str]:
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    return [briefing.fact(i).text for i in briefing.headlines]


def test_the_figure_in_the_title_comes_first_and_is_given_once(tmp_path: Path) -> None:
    texts = headline_texts(tmp_path)
    assert texts[0] == "3.65 trillion yuan"
    assert texts.count("3.65 trillion yuan") == 1


def test_conversions_thresholds_and_small_counts_are_never_headlines(tmp_path: Path) -> None:
    texts = headline_texts(tmp_path)
    assert "513.4 billion U.S. dollars" not in texts
    assert "100 million yuan" not in texts
    assert "12" not in texts


def test_an_amount_for_each_item_is_marked_per_item_in_the_data_layer(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["100 million yuan"].per_item
    assert not facts["3.65 trillion yuan"].per_item


def test_a_size_threshold_defining_a_kind_of_firm_is_per_item_never_a_headline(
        tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("Zone goals for 2023\n\n2023-01-30\n\nIndustry enterprises above a designated "
                    "size, those with annual turnover of 20 million yuan, grew output 20 percent "
                    "to 300 billion yuan in 2022.\n", encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    facts = {f.text: f for f in briefing.facts}
    assert facts["20 million yuan"].per_item
    assert facts["20 million yuan"].id not in briefing.headlines
    assert facts["20 million yuan"].metric == "annual turnover threshold"  # named as what it is


def test_a_figure_restated_in_another_currency_says_which_figure_it_restates(
        tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    usd = facts["513.4 billion U.S. dollars"]
    assert usd.conversion_of == facts["3.65 trillion yuan"].id
    assert facts["3.65 trillion yuan"].conversion_of is None


def test_the_first_sentence_with_figures_leads_the_cover(tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    path = tmp_path / "r.txt"
    path.write_text("Port report\n\n2023-07-20\n\nThe port group's throughput earned it 17.68 "
                    "billion yuan in the first half, up 1.2 percent. Shenzhen Port's operating "
                    "revenue reached 13.5 billion yuan, and its profits rose 6.1 percent.\n",
                    encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    first = [briefing.fact(i).text for i in briefing.headlines[:2]]
    assert first == ["17.68 billion yuan", "1.2 percent"]


def test_a_gap_in_percentage_points_is_never_a_cover_figure(tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    path = tmp_path / "r.txt"
    path.write_text("Taiyuan in H1\n\n2020-07-28\n\nThe city posted gross domestic product of "
                    "181.02 billion yuan, down 3.9 percent, 2.8 percentage points narrower than "
                    "in the first quarter.\n", encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    shown = [briefing.fact(i).text for i in briefing.headlines]
    assert shown[:2] == ["181.02 billion yuan", "3.9 percent"]
    assert "2.8 percentage points" not in shown
    assert briefing.fact(briefing.headlines[0]).metric == "gross domestic product, first half"


def test_a_plans_goal_counts_reach_the_cover_when_it_has_few_totals(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Province sets cluster goals\n\n2024-03-01\n\nBy 2025, the province will "
                    "build three world-class clusters and eight national clusters, with revenue "
                    "of the clusters to reach 2 trillion yuan.\n", encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    texts = [briefing.fact(i).text for i in briefing.headlines]
    assert texts[0] == "2 trillion yuan"  # the total first
    assert {"three world-class clusters", "eight national clusters"} <= set(texts)


def test_a_level_in_any_unit_comes_before_its_rate(tmp_path: Path) -> None:
    path = tmp_path / "ports.txt"
    path.write_text("Port report\n\n2024-03-01\n\nThe port's container throughput grew 3.3 "
                    "percent, and it handled 33.6 million TEUs.\n", encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    assert briefing.fact(briefing.headlines[0]).text == "33.6 million TEUs"


def test_a_cover_shows_the_whole_and_the_largest_part_of_a_breakdown_not_every_part(
        tmp_path: Path) -> None:
    path = tmp_path / "gdp.txt"
    path.write_text("City GDP grows\n\n2023-04-21\n\nThe city's GDP was 693.289 billion yuan in "
                    "the first quarter, up 4.7%. The added value of primary industry was 31.878 "
                    "billion yuan, secondary industry 259.015 billion yuan and tertiary industry "
                    "402.396 billion yuan. Fixed-asset investment fell 5.8%.\n", encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    texts = [briefing.fact(i).text for i in briefing.headlines]
    assert texts[:4] == ["693.289 billion yuan", "4.7%", "402.396 billion yuan", "5.8%"]


def test_the_three_sectors_stated_one_by_one_give_the_cover_only_the_largest(
        tmp_path: Path) -> None:
    path = tmp_path / "gdp.txt"
    path.write_text("City economy in H1\n\n2020-07-28\n\nThe city's GDP was 181.02 billion yuan in "
                    "the first half, down 3.9 percent. The added value of the primary industry "
                    "was 1.14 billion yuan. The added value of the secondary industry was 65.27 "
                    "billion yuan. The added value of the tertiary industry was 114.61 billion "
                    "yuan. Per capita disposable income was 16,368 yuan.\n", encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    texts = [briefing.fact(i).text for i in briefing.headlines]
    assert texts[:4] == ["181.02 billion yuan", "3.9 percent", "114.61 billion yuan",
                         "16,368 yuan"]
