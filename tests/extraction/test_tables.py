"""extraction/tables.py: table rows read by their row label and column head."""

from __future__ import annotations

from pathlib import Path

from reportgen.extraction import extract_briefing
from reportgen.extraction.tables import table_text
from reportgen.pipeline import read_release

TEXT_TABLE = """Energy use by region, 2020

Regions | Change of energy use per 10,000 yuan GDP (±%) | Growth of total energy use (%) |
Beijing | -9.18 | -8.1 |
Hebei | −3.01 | 0.7 |
"""


def test_a_text_table_cell_is_named_by_its_row_and_column_and_keeps_its_sign(
        tmp_path: Path) -> None:
    path = tmp_path / "energy.txt"
    path.write_text(TEXT_TABLE, encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert (facts["-9.18"].value, facts["-9.18"].unit) == (-9.18, "percent")
    assert facts["-9.18"].metric == "Beijing: change of energy use per 10,000 yuan GDP"
    assert facts["−3.01"].value == -3.01
    assert facts["0.7"].metric == "Hebei: growth of total energy use"


def test_a_row_with_no_data_does_not_become_the_header_of_the_rows_below(
        tmp_path: Path) -> None:
    path = tmp_path / "energy.txt"
    path.write_text(TEXT_TABLE + "Tibet | | |\nShaanxi | -1.89 | 0.3 |\n", encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["0.3"].metric == "Shaanxi: growth of total energy use"


def test_an_html_table_row_reads_as_a_sentence_with_the_units_of_its_head() -> None:
    rows = [["Indicator", "Value (billion yuan)", "Growth (%)"], ["GDP", "499.6", "5.3"]]
    assert table_text(rows, "Major indicators, Q1 2024").split("\n\n")[-1] == (
        "GDP was 499.6 billion yuan in Q1 2024; GDP growth was 5.3 percent in Q1 2024.")


RANKED_TABLE = """Busiest ports, 2022

Rank | Port | Change (%) | Millions of TEUs |
---|---|---|---|
1 | Port A | 3.3 | 33.6 |
2 | Port B | -2.9 | 32.6 |
"""


def test_a_ranked_table_reads_no_rank_as_a_figure_and_scales_cells_by_the_column_head(
        tmp_path: Path) -> None:
    path = tmp_path / "ports.txt"
    path.write_text(RANKED_TABLE, encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert "1" not in facts and "2" not in facts  # ranks
    assert (facts["33.6"].value, facts["33.6"].unit) == (33.6e6, "teu")
    assert facts["33.6"].metric == "Port A container throughput"  # what TEUs measure
    assert (facts["-2.9"].value, facts["-2.9"].unit) == (-2.9, "percent")
    assert facts["-2.9"].metric == "Port B container throughput change"


def test_a_title_case_column_head_reads_in_lower_case_with_its_acronyms(tmp_path: Path) -> None:
    path = tmp_path / "energy.txt"
    path.write_text("Energy\n\nRegions | Growth Rate of Total Energy Use in GDP (%) | X (%) |\n"
                    "Beijing | -8.1 | 1.0 |\n", encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["-8.1"].metric == "Beijing: growth rate of total energy use in GDP"


def test_a_tables_number_its_head_row_and_short_years_are_no_figures(tmp_path: Path) -> None:
    path = tmp_path / "ports.txt"
    path.write_text("3-7 Top 10 World Container Ports: 2013\n\n"
                    "Rank | Port | '12-'13 change | Millions of TEUs |\n---|---|---|---|\n"
                    "1 | Shanghai | 3.3% | 33.6 |\n", encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    assert [f.text for f in briefing.facts] == ["3.3%", "33.6"]
    assert briefing.facts[0].metric == "Shanghai container throughput 2012-2013 change"
    assert briefing.document.title == "Top 10 World Container Ports: 2013"


ONE_CELL_PER_LINE = ("| \n Unit: 100 Million Yuan  | ||||\n| \n \n  | \n August  | \n Growth Rate "
                     "over Same Month of Previous Year  | \n| \n Total Retail Sales of Consumer "
                     "Goods  | \n 10115.6  | \n 15.4  | \n| \n By Location  | \n \n  | \n \n  | "
                     "\n| \n City  | \n 6934.8  | \n 15.3  | \n")


def test_a_table_laid_out_one_cell_per_line_reads_row_by_row_in_its_unit(tmp_path: Path) -> None:
    path = tmp_path / "retail.txt"
    path.write_text(ONE_CELL_PER_LINE, encoding="utf-8")
    briefing = extract_briefing(read_release(path))
    facts = {f.text: f for f in briefing.facts}
    assert sorted(facts) == ["10115.6", "15.3", "15.4", "6934.8"]  # not "100 Million Yuan"
    assert (facts["10115.6"].value, facts["10115.6"].unit) == (1011.56e9, "yuan")
    assert facts["10115.6"].metric == "Total Retail Sales of Consumer Goods: August"
    assert facts["15.4"].unit == "percent"
    assert facts["6934.8"].metric.startswith("Total Retail Sales of Consumer Goods, City")
    assert briefing.document.title == "Total Retail Sales of Consumer Goods"
    text = read_release(path).text
    assert len(text) == len(ONE_CELL_PER_LINE)  # one character for one


def test_a_table_whose_cells_carry_their_units_keeps_every_figure(tmp_path: Path) -> None:
    path = tmp_path / "retail.txt"
    path.write_text("Retail sales\n\n2009-09-11\n\nRegion | August | Jan-Aug |\n"
                    "City | 6934.8 billion yuan | 53561.9 billion yuan |\n", encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["6934.8 billion yuan"].metric == "City: August"
    assert facts["53561.9 billion yuan"].metric == "City: Jan-Aug"
