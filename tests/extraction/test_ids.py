"""Stable ids: slugs from metric and year, made unique in order and against ids already taken."""

from __future__ import annotations

from reportgen.extraction.ids import fact_slug, unique_ids


def test_fact_slug_is_the_metric_main_words_then_the_year():
    assert fact_slug("The industrial added value", 2021) == "industrial-added-value-2021"


def test_repeats_get_a_counter_and_never_collide_with_a_natural_id():
    assert unique_ids(["gdp", "gdp", "gdp-2", "gdp"]) == ["gdp", "gdp-2", "gdp-2-2", "gdp-3"]


def test_ids_already_taken_are_avoided():
    assert unique_ids(["gdp-2022"], taken={"gdp-2022", "gdp-2022-2"}) == ["gdp-2022-3"]
