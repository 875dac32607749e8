"""Writing the slides: a chart kind without a native form becomes its PNG, drawn here when none
was passed, or is left out with one warning."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation

from reportgen.charts import ChartAsset, plan_for
from reportgen.model import Briefing, ChartPoint, ChartSeries, ChartSpec
from reportgen.render.deck import render_deck
from reportgen.render.deck.slides import source_lines, tiers_from_spec

from .support import build, staff_deck


def test_a_kind_without_native_form_is_drawn_as_a_png_when_none_was_passed(
        tmp_path: Path, synthetic: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    import reportgen.render.deck.charts as deck_charts

    monkeypatch.setattr(deck_charts, "chart_type_for", lambda spec, table: None)
    spec = next(c for c in plan_for(synthetic).charts if c.kind == "ranking")
    config = staff_deck(tmp_path, f"slides:\n  - layout: Chart\n    chart: {spec.id}\n")
    slide = build(synthetic, config, (ChartAsset(spec, b"<svg/>"),)).slides[0]
    pictures = [s for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    assert pictures[0]._element.xpath("./*[1]/p:cNvPr")[0].get("descr") == spec.alt_text


def test_a_kind_that_cannot_be_drawn_at_all_is_left_out_with_one_warning(
        tmp_path: Path, synthetic: Briefing) -> None:
    spec = ChartSpec("map-of-parks", "map", "Industrial parks", "count",
                     (ChartSeries("parks", (ChartPoint("Pudong", 53.0),)),))
    config = staff_deck(tmp_path, "slides:\n  - layout: Chart\n    title: Parks\n"
                                  "    chart: map-of-parks\n")
    result = render_deck(synthetic, [ChartAsset(spec, b"<svg/>")], config)
    assert len(result.warnings) == 1
    assert "'map-of-parks' (map) has no native form and no PNG" in result.warnings[0]
    slide = Presentation(io.BytesIO(result.data)).slides[0]
    assert not [s for s in slide.shapes if s.shape_type == 13 or s.has_chart]


def test_notes_quote_each_source_sentence_once_with_the_figures_taken_from_it(
        synthetic: Briefing) -> None:
    lines = source_lines(synthetic, ["industrial-added-value-2021", "industrial-added-value-2011",
                                     "industrial-added-value-2021", "no-such-fact"])
    assert lines == ["• “Industrial added value has increased from 723.1 billion yuan in 2011 to "
                     "1.0739 trillion yuan in 2021.” (1.0739 trillion yuan, 723.1 billion yuan)"]


def test_a_system_chart_spec_reads_back_as_a_tier_per_series() -> None:
    spec = ChartSpec("system", "system", "System", "count", (
        ChartSeries("leading", (ChartPoint("chips", 1.0, "chips-scale"), ChartPoint("AI", 1.0))),
        ChartSeries("emerging", ()),
    ))
    tiers = tiers_from_spec(spec)
    assert [(t.id, t.name) for t in tiers] == [("system-0", "leading"), ("system-1", "emerging")]
    chips, ai = tiers[0].members
    assert (chips.name, chips.headline_fact_id, chips.fact_ids) == ("chips", "chips-scale",
                                                                  ("chips-scale",))
    assert (ai.headline_fact_id, ai.fact_ids) == (None, ())
