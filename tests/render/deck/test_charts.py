"""Native deck charts read back with python-pptx: series colours from the theme, the title and
subtitle runs, and charts built from specs alone (no PNG needed)."""

from __future__ import annotations

from pathlib import Path

from reportgen.charts import ChartAsset, draw_charts, plan_for
from reportgen.config import Config
from reportgen.model import Briefing, ChartPoint, ChartSeries, ChartSpec
from reportgen.theme import Theme

from .support import build, chart_on, staff_deck


def test_series_colours_are_the_theme_colours_of_the_matplotlib_charts(
        tmp_path: Path, synthetic: Briefing) -> None:
    theme = Config().theme
    spec = ChartSpec("targets-vs-latest", "targets", "Targets and latest figures", "yuan", (
        ChartSeries("2025 target", (ChartPoint("Metaverse", 350e9), ChartPoint("Terminals", 7e11))),
        ChartSeries("2021", (ChartPoint("Metaverse", 150e9), ChartPoint("Terminals", 4e11))),
    ))
    config = staff_deck(tmp_path, "slides:\n  - layout: Chart\n    chart: targets-vs-latest\n")
    chart = chart_on(build(synthetic, config, (ChartAsset(spec, b"<svg/>"),)))
    fills = [str(s.format.fill.fore_color.rgb) for s in chart.plots[0].series]
    assert fills == [theme.series_colour("targets", i).lstrip("#").upper() for i in range(2)]
    assert fills[1] == theme.light.lstrip("#").upper() != theme.accent.lstrip("#").upper()


def test_every_default_chart_series_takes_its_kind_colour_from_the_theme(
        synthetic: Briefing) -> None:
    theme = Theme()
    kinds = {f"Chart {c.id}": c.kind for c in plan_for(synthetic).charts}
    checked = 0
    for slide in build(synthetic).slides:
        for shape in slide.shapes:
            if shape.has_chart and "DOUGHNUT" not in str(shape.chart.chart_type):
                for i, series in enumerate(shape.chart.plots[0].series):
                    expected = theme.series_colour(kinds[shape.name], i).lstrip("#").upper()
                    assert str(series.format.fill.fore_color.rgb) == expected
                    checked += 1
    assert checked >= 3


def test_chart_subtitle_is_a_regular_muted_run_under_a_bold_title(synthetic: Briefing) -> None:
    theme = Theme()
    checked = 0
    for slide in build(synthetic).slides:
        for shape in slide.shapes:
            if not shape.has_chart:
                continue
            spec = next(c for c in plan_for(synthetic).charts if shape.name == f"Chart {c.id}")
            title, *rest = shape.chart.chart_title.text_frame.paragraphs
            assert title.runs[0].font.bold is True
            assert str(title.runs[0].font.color.rgb) == theme.text.lstrip("#").upper()
            if spec.subtitle:
                run = rest[0].runs[0]
                assert run.text == spec.subtitle
                assert run.font.bold is False
                assert str(run.font.color.rgb) == theme.muted.lstrip("#").upper()
                checked += 1
    assert checked >= 2


def test_charts_drawn_without_png_need_none(synthetic: Briefing) -> None:
    charts = draw_charts(synthetic, Config(), png=False)
    assert charts and all(c.png is None for c in charts)
    prs = build(synthetic, charts=charts)
    assert not [s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]
    assert len([s for slide in prs.slides for s in slide.shapes if s.has_chart]) >= 3
