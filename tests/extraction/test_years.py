"""extraction/years.py: when a figure is for, decided once in the data layer."""

from __future__ import annotations

import re

from reportgen.extraction.years import level_changes
from reportgen.model import Fact, LevelChange, Quantity


def fact(text: str, quote: str, fid: str, value: float, metric: str,
         year: int | None = None) -> Fact:
    """A fact whose span and sentence span point into `text`."""
    start = text.index(quote)
    ends = [0] + [m.end() for m in re.finditer(r"\.(?:\s+(?=[A-Z])|$)|\n+", text)]
    sentence = next((a, b) for a, b in zip(ends, ends[1:], strict=False) if a <= start < b)
    return Fact(id=fid, span=(start, start + len(quote)), text=quote,
                quantity=Quantity(value, "yuan"), metric=metric, year=year,
                sentence_span=sentence)


def test_from_to_without_years_takes_the_years_of_the_change_stated_earlier_in_the_paragraph():
    text = ("Exports rose from 1.2 billion yuan in 2015 to 2.5 billion yuan in 2020. "
            "Imports grew from 3.1 billion yuan to 4.4 billion yuan.\n\nNext paragraph.")
    facts = (fact(text, "1.2 billion yuan", "e1", 1.2e9, "exports", 2015),
             fact(text, "2.5 billion yuan", "e2", 2.5e9, "exports", 2020),
             fact(text, "3.1 billion yuan", "i1", 3.1e9, "imports"),
             fact(text, "4.4 billion yuan", "i2", 4.4e9, "imports"))
    assert level_changes(text, facts) == (LevelChange("i1", "i2", 2015, 2020),)


def test_from_to_with_no_dated_change_in_its_paragraph_has_no_years():
    text = ("Exports hit 9 billion yuan in 2015.\n\n"
            "Imports grew from 3.1 billion yuan to 4.4 billion yuan.")
    facts = (fact(text, "9 billion yuan", "e1", 9e9, "exports", 2015),
             fact(text, "3.1 billion yuan", "i1", 3.1e9, "imports"),
             fact(text, "4.4 billion yuan", "i2", 4.4e9, "imports"))
    assert level_changes(text, facts) == (LevelChange("i1", "i2", None, None),)


def test_two_figures_of_one_metric_not_written_from_to_are_no_change():
    text = "Imports were 3.1 billion yuan and 4.4 billion yuan."
    facts = (fact(text, "3.1 billion yuan", "i1", 3.1e9, "imports"),
             fact(text, "4.4 billion yuan", "i2", 4.4e9, "imports"))
    assert level_changes(text, facts) == ()


def test_period_words_say_a_code_as_a_reader_would() -> None:
    from reportgen.extraction.years import period_words

    assert [period_words(c) for c in ("H1", "Q2", "Q1-Q3", "M1-M7", "M4", "M3-M5", None)] == [
        "first half", "second quarter", "first three quarters", "first seven months", "April",
        "March-May", ""]


def test_a_part_year_figure_carries_its_period_in_its_name_but_not_in_its_id(tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    path = tmp_path / "r.txt"
    path.write_text("Beijing's GDP up 5.5 pct in H1\n\n2023-07-19\n\n"
                    "Beijing's GDP reached 2.06 trillion yuan. Exports rose 3 percent in 2022.\n",
                    encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["2.06 trillion yuan"].metric == "GDP, first half"
    assert facts["2.06 trillion yuan"].id == "gdp"
    assert facts["3 percent"].period is None  # the sentence names its own year


def _facts(tmp_path, text: str) -> dict:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return {f.text: f for f in extract_briefing(read_release(path)).facts}


def test_the_reporting_period_a_lede_sentence_opens_with_is_the_releases(tmp_path) -> None:
    facts = _facts(tmp_path, (
        "Xi'an keeps its economy stable\n\n2021-12-20\n\n"
        "The city maintained stable economic conditions in November. From January to November, "
        "the city's industries engaged in brisk development. Exports reached 255.1 billion yuan, "
        "up 17.8 percent. Retail sales fell 7.1 percent, 1.4 percentage points more than that "
        "from January to October.\n"))
    assert facts["255.1 billion yuan"].period == "M1-M11"
    # the period is said as the release says it, and a comparison's months are not the figure's
    assert facts["255.1 billion yuan"].metric == "exports, January-November"
    assert facts["7.1 percent"].period == "M1-M11"


def test_a_period_stated_before_the_figure_in_its_sentence_is_its_period(tmp_path) -> None:
    facts = _facts(tmp_path, (
        "Press conference\n\n2020-03-12\n\nAffected by the Spring Festival, from January to "
        "February, the total import and export volume was 4.12 trillion yuan. Consumer prices in "
        "the first 10 months rose 2.1 percent.\n"))
    assert facts["4.12 trillion yuan"].period == "M1-M2"
    assert facts["2.1 percent"].metric.lower() == "consumer prices rise, first 10 months"


def test_rose_by_is_no_deadline_that_keeps_the_release_period_away(tmp_path) -> None:
    facts = _facts(tmp_path, "Economy in H1\n\n2023-07-19\n\nIn the first half, output grew "
                             "steadily. Investment increased by 13.1 percent.\n")
    assert facts["13.1 percent"].period == "H1"


def test_the_period_a_paragraph_opens_with_holds_for_its_later_sentences(tmp_path) -> None:
    facts = _facts(tmp_path, (
        "Anhui's NEV cluster\n\n2023-10-12\n\nOn October 12th, the government held a press "
        "conference. The cluster has grown. Its firms are many. Its plans are bold."
        "\n\nIn the first three quarters of this year, automobile production reached "
        "1.699 million vehicles. The production of NEVs reached 606,000 vehicles, up 76.6%. "
        "Anhui now has 544,000 NEVs in use.\n\nExports rose 5 percent.\n"))
    assert (facts["606,000 vehicles"].year, facts["606,000 vehicles"].period) == (2023, "Q1-Q3")
    assert facts["606,000 vehicles"].metric.endswith(", first three quarters")
    assert facts["544,000 NEVs"].period is None  # a stock now, not a flow of the period
    assert facts["5 percent"].period is None  # another paragraph, and not the release's period

