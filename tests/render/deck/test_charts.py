"""Native deck charts read back with python-pptx: series colours from the theme, the title and
subtitle runs, and charts built from specs alone (no PNG needed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reportgen.charts import ChartAsset, draw_charts, plan_for
from reportgen.config import Config
from reportgen.model import Briefing, ChartPoint, ChartSeries, ChartSpec
from reportgen.render.deck.charts import (
    NumberStyle,
    chart_table,
    chart_type_for,
    label_texts,
    number_style,
)
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


def test_a_growth_spec_with_a_series_per_year_is_turned_so_years_run_along_the_axis() -> None:
    spec = ChartSpec("g", "growth", "Output", "yuan", (
        ChartSeries("2020", (ChartPoint("A", 1e9, "a-2020"), ChartPoint("B", 2e9))),
        ChartSeries("2021", (ChartPoint("A", 3e9),)),
    ))
    table = chart_table(spec)
    assert table.categories == ("2020", "2021")
    assert table.series == (("A", (1e9, 3e9)), ("B", (2e9, None)))
    ranking = replace(spec, kind="ranking")  # other kinds keep their series as given
    assert chart_table(ranking).categories == ("A", "B")
    assert chart_table(ranking).series == (("2020", (1e9, 2e9)), ("2021", (3e9, None)))


@pytest.mark.parametrize(("unit", "values", "code", "label"), [
    ("yuan", [1.5e9, 2e9], "#,##0.00,,,", "billion yuan"),
    ("yuan", [723.1e9, 1073.9e9], "#,##0.0,,,", "billion yuan"),
    ("percent", [12.5, 30.0], '0.0"%"', "%"),
    ("percent", [12.0, 30.0], '0"%"', "%"),
    ("count", [3.0, 4.0], "#,##0", ""),
    ("count", [3e6, 4e6], "#,##0,,", "million"),
])
def test_the_number_format_scales_the_figures_for_reading(unit: str, values: list[float],
                                                          code: str, label: str) -> None:
    assert number_style(unit, values) == NumberStyle(code, label)


def test_a_kind_without_a_native_form_has_no_chart_type() -> None:
    spec = ChartSpec("m", "map", "Parks", "count", (ChartSeries("parks", (ChartPoint("P", 1.0),)),))
    assert chart_type_for(spec, chart_table(spec)) is None


def test_native_chart_labels_print_each_figure_as_the_pdf_does(synthetic: Briefing) -> None:
    from reportgen.formatting import fact_figure

    prs = build(synthetic)
    specs = {c.id: c for c in plan_for(synthetic).charts}
    seen = 0
    for shape in (s for slide in prs.slides for s in slide.shapes if s.has_chart):
        spec = specs[shape.name.removeprefix("Chart ")]
        table = chart_table(spec)
        plot = shape.chart.plots[0]
        for series, texts in zip(plot.series, label_texts(spec, table), strict=True):
            for index, text in enumerate(texts):
                if text is None:
                    continue
                label = series.points[index].data_label
                assert label.has_text_frame and label.text_frame.text == text
                seen += 1
        for point in (p for s in spec.series for p in s.points if p.fact_id):
            shown = {series.points[i].data_label.text_frame.text for series in plot.series
                     for i in range(len(table.categories))
                     if series.points[i].data_label.has_text_frame}
            assert fact_figure(synthetic.fact(point.fact_id)) in " ".join(shown), point
    assert seen >= 6
    growth = next(s for s in specs.values() if s.kind == "growth")
    assert "1.0739 trillion yuan" in label_texts(growth, chart_table(growth))[0]  # not 1,073.9


def test_native_targets_are_hatched_outlines_and_actuals_solid(synthetic: Briefing) -> None:
    from pptx.enum.dml import MSO_FILL

    prs = build(synthetic)
    charts = {s.name.removeprefix("Chart "): s.chart for slide in prs.slides
              for s in slide.shapes if s.has_chart}
    targets = next(c for i, c in charts.items() if i.startswith("targets"))
    goals = targets.plots[0].series[0]
    assert goals.format.fill.type == MSO_FILL.PATTERNED
    assert all(s.format.fill.type == MSO_FILL.SOLID for s in list(targets.plots[0].series)[1:])
    ranking = next(c for i, c in charts.items() if i.startswith("ranking"))
    assert ranking.plots[0].series[0].format.fill.type == MSO_FILL.SOLID
