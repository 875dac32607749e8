"""extraction/metrics/fragments.py: what is no name, and how a fragment is replaced."""

from __future__ import annotations

import pytest

from reportgen.extraction.metrics.fragments import is_fragment


@pytest.mark.parametrize("name", ["marking impressive", "BEIJING", "this means that", "amount",
                                  "growth", "according to statistics", "decreasing"])
def test_fragments_are_not_names(name: str) -> None:
    assert is_fragment(name)


@pytest.mark.parametrize("name", ["GDP", "exports to Russia", "manufacturing output",
                                  "spending on research and development"])
def test_real_names_are_not_fragments(name: str) -> None:
    assert not is_fragment(name)


def test_a_label_names_the_figures_after_its_colon_and_a_conversion_its_currency(
        tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    path = tmp_path / "r.txt"
    path.write_text("Zone report\n\n2024-02-06\n\nKey data for 2023:\n\n- Regional GDP: 76.8 "
                    "billion yuan ($10.75 billion), up 8.1 percent year-on-year\n",
                    encoding="utf-8")
    found = {f.text: f.metric for f in extract_briefing(read_release(path)).facts}
    assert found["76.8 billion yuan"] == "Regional GDP"
    assert found["$10.75 billion"] == "Regional GDP in US dollars"
    assert found["8.1 percent"] == "Regional GDP growth"


def test_a_level_named_by_a_lead_in_takes_the_clause_after_it_and_its_rate_follows(
        tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    path = tmp_path / "r.txt"
    path.write_text("Trade report\n\n2023-07-20\n\nAccording to statistics from the customs, "
                    "trade between China and Russia reached $114.5 billion, marking an "
                    "impressive 40.6% year-on-year growth.\n", encoding="utf-8")
    found = {f.text: f.metric for f in extract_briefing(read_release(path)).facts}
    assert found["$114.5 billion"].startswith("trade between China and Russia")
    assert found["40.6%"].startswith("trade between China and Russia growth")


def test_another_figure_is_no_name() -> None:
    assert is_fragment("6.7 percent year on year")


def test_a_rate_the_same_measure_moved_from_is_named_as_that_measure() -> None:
    from reportgen.extraction.metrics import name_metrics
    from reportgen.extraction.numbers import find_mentions

    sentence = ("Industrial output grew 4.5 percent in August from a year earlier, accelerating "
                "from 3.7 percent in July.")
    mentions = [(m, m.span) for m in find_mentions(sentence)]
    assert name_metrics(sentence, mentions, None) == ["industrial output growth"] * 2


@pytest.mark.parametrize("name", ["country also", "this year just", "exception", "first quarter",
                                  "June"])
def test_names_ending_in_an_adverb_single_words_of_no_measure_and_times_are_fragments(
        name: str) -> None:
    assert is_fragment(name)
