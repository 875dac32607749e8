"""Drawing charts: every kind renders, deterministic output, literal text, degenerate data."""

from __future__ import annotations

import io
import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from PIL import Image

from reportgen.charts import ChartAsset, draw_charts, draw_plan, draw_svg_then_png
from reportgen.charts.draw import DRAWERS, figure_size, house_style, render, wrap
from reportgen.charts.measure import NARROW_GROWTH
from reportgen.charts.select import choose_charts
from reportgen.charts.select.common import ChartPlan
from reportgen.config import Config
from reportgen.errors import ChartError
from reportgen.model import ChartPoint, ChartSeries, ChartSpec
from reportgen.theme import Theme

SVG = "{http://www.w3.org/2000/svg}"


def spec(kind: str, points: list[tuple[str, float]], *, unit: str = "yuan",
         title: str = "A chart", actual: list[tuple[str, float]] | None = None) -> ChartSpec:
    """A chart spec built by hand, as staff or another stage could pass one."""
    series = [ChartSeries("Values", tuple(ChartPoint(label, v) for label, v in points))]
    if actual is not None:
        series.append(ChartSeries("Latest actual", tuple(ChartPoint(lb, v) for lb, v in actual)))
    return ChartSpec(id=f"test-{kind}", kind=kind, title=title, unit=unit, series=tuple(series),
                     subtitle="Subtitle", source_note="Source: test")


def svg_texts(svg: bytes) -> list[str]:
    """Every text run in an SVG drawn with `svg.fonttype = none` (text stays text)."""
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def legibility_problems(chart: ChartSpec) -> list[str]:
    """Texts of the drawn chart that stick out of the figure or overlap another text."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    theme = Theme()
    with house_style(theme):
        fig = DRAWERS[chart.kind](chart, theme)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in fig.findobj(Text)
                 if t.get_visible() and t.get_text()]
    frame = fig.bbox
    problems = [f"clipped: {text!r}" for text, box in boxes
                if box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0
                or box.y1 > frame.y1]
    for i, (text, box) in enumerate(boxes):
        for other, other_box in boxes[i + 1:]:
            wide = min(box.x1, other_box.x1) - max(box.x0, other_box.x0)
            high = min(box.y1, other_box.y1) - max(box.y0, other_box.y0)
            if wide > 1 and high > 1:  # more than a pixel of shared area
                problems.append(f"overlap: {text!r} and {other!r}")
    return problems


def draw_one(chart: ChartSpec) -> ChartAsset:
    assets, skipped = draw_plan(ChartPlan((chart,)))
    assert skipped == ()
    return assets[0]


# --- every kind, from the synthetic briefing ----------------------------------------------------


def test_every_kind_is_registered():
    assert set(DRAWERS) == {"growth", "ranking", "targets", "shares", "system"}


def test_synthetic_charts_draw_as_svg_and_2x_png(synthetic):
    assets = draw_charts(synthetic, Config())
    assert [a.id for a in assets] == [c.id for c in choose_charts(synthetic)]
    theme = Theme()
    for asset in assets:
        root = ET.fromstring(asset.svg)
        assert root.tag == f"{SVG}svg"
        assert asset.png is not None
        image = Image.open(io.BytesIO(asset.png))
        assert image.format == "PNG"
        # the PNG is the chart at its drawn size, twice over: the text width, or about half of
        # it for a growth chart of two or three columns
        width_in = figure_size(asset.spec, theme)[0]
        assert image.size[0] == round(width_in * theme.png_dpi)
        assert width_in == (theme.chart_width_in if asset.spec.kind != "growth"
                            else pytest.approx(theme.chart_width_in * NARROW_GROWTH))


def test_svg_text_holds_reader_numbers_and_titles(synthetic):
    assets = {a.id: a for a in draw_charts(synthetic)}
    growth = svg_texts(assets["growth-industrial-added-value"].svg)
    assert "Industrial added value, 2011–2021" in " ".join(growth)  # wrapped on a narrow chart
    # figures as the source states them (723.1, 1.0739, 305.6), not rounded to 723, 1.07, 306
    assert {"723.1 billion yuan", "1.0739 trillion yuan", "+48.5%", "2011", "2021"} <= set(growth)
    ranking = svg_texts(assets["ranking-leading-industries"].svg)
    assert {"Biopharmaceuticals", "700 billion yuan", "305.6 billion yuan"} <= set(ranking)
    system = " ".join(svg_texts(assets["industrial-system"].svg))
    assert "Metaverse" in system and "350 billion yuan" in system
    assert "Targets for 2025" in system


def test_shares_chart_draws_each_share_with_its_percent():
    asset = draw_one(spec("shares", [("Primary", 0.2), ("Secondary", 26.5), ("Tertiary", 73.3)],
                          unit="percent"))
    assert {"Primary", "0.2%", "26.5%", "73.3%"} <= set(svg_texts(asset.svg))


def test_targets_chart_draws_actual_beside_target_with_a_legend():
    asset = draw_one(spec("targets", [("Vehicles", 1.2e6), ("Charging", 2e5)], unit="count",
                          actual=[("Vehicles", 6.7e5)]))
    texts = set(svg_texts(asset.svg))
    assert {"1.2 million", "670,000", "200,000", "Values", "Latest actual"} <= texts


# --- determinism ----------------------------------------------------------------------------------


def test_svg_first_then_png_gives_the_same_charts_as_drawing_both_at_once(synthetic):
    both = draw_charts(synthetic, png=True)
    drawing = draw_svg_then_png(synthetic)
    svg_only = next(drawing)
    assert [a.png for a in svg_only] == [None] * len(both)
    assert [(a.id, a.svg) for a in svg_only] == [(a.id, a.svg) for a in both]
    assert [(a.id, a.svg, a.png) for a in next(drawing)] == [(a.id, a.svg, a.png) for a in both]


def test_two_renders_are_byte_identical(synthetic):
    first = draw_charts(synthetic)
    second = draw_charts(synthetic)
    assert [a.svg for a in first] == [a.svg for a in second]
    assert [a.png for a in first] == [a.png for a in second]


def test_renders_in_separate_processes_are_byte_identical():
    code = ("import hashlib, sys; sys.path.insert(0, 'tests'); "
            "from synthetic import synthetic_briefing; from reportgen.charts import draw_charts; "
            "print(hashlib.sha256(b''.join(a.svg + a.png for a in "
            "draw_charts(synthetic_briefing()))).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2")}
    assert len(digests) == 1


def test_svg_has_no_date_or_creator_metadata(synthetic):
    svg = draw_charts(synthetic)[0].svg.decode()
    assert "<dc:date>" not in svg and "Matplotlib" not in svg


def test_drawing_leaves_global_matplotlib_settings_alone(synthetic):
    import matplotlib

    before = dict(matplotlib.rcParams)
    draw_charts(synthetic)
    assert dict(matplotlib.rcParams) == before


# --- literal text -------------------------------------------------------------------------------


def test_dollar_signs_print_literally_not_as_mathtext():
    label = "Costs $5 and $10"
    asset = draw_one(spec("ranking", [(label, 2.0), ("b", 1.0), ("c", 3.0)], title=label))
    assert svg_texts(asset.svg).count(label) == 2  # the title and the bar label


def test_long_label_is_wrapped_and_cut_with_an_ellipsis():
    label = "word " * 40
    asset = draw_one(spec("ranking", [(label, 2.0), ("b", 1.0), ("c", 3.0)]))
    drawn = [t for t in svg_texts(asset.svg) if t.startswith("word")]
    assert len(drawn) == 2  # two lines, one <text> each
    assert drawn[-1].endswith("…")
    assert sum(len(line) for line in drawn) < len(label)


def test_wrap_keeps_at_most_the_lines_asked():
    text = wrap("x" * 200, 1.0, 8.5, lines=2)
    assert text.count("\n") == 1 and text.endswith("…")


# --- degenerate data: a clear chart or a clear decision, never an exception ---------------------


@pytest.mark.parametrize("kind", ["growth", "ranking", "targets", "shares"])
@pytest.mark.parametrize("points", [
    [("2021", 5e9)],
    [("2020", 0.0), ("2021", 0.0)],
    [("2019", -3e9), ("2020", 2e9), ("2021", -1e9)],
    [("2020", math.nan), ("2021", 4e9)],
    [(f"District {i}", float(i)) for i in range(30)],
    [("x" * 200, 1.0), ("Costs $5 and $10", 2.0)],
], ids=["one-point", "zeros", "negatives", "nan", "thirty", "long-and-dollar"])
def test_degenerate_specs_give_a_legible_chart_or_a_decision(kind, points):
    chart = spec(kind, points, unit="percent" if kind == "shares" else "yuan")
    assets, skipped = draw_plan(ChartPlan((chart,)))
    if skipped:  # nothing worth drawing: a one-line reason instead of a chart
        assert assets == () and str(skipped[0]).startswith("not charted: test-")
        assert all(p[1] == 0 for p in points)
        return
    asset = assets[0]
    assert ET.fromstring(asset.svg).tag == f"{SVG}svg"
    assert legibility_problems(chart) == []
    texts = svg_texts(asset.svg)
    shown = points if len(points) <= 12 else points[-1:]  # crowded axes keep every k-th label
    for label, _ in shown:  # long labels are wrapped and cut (each line a <text>)
        assert any(label.startswith(t.rstrip("…")) for t in texts if t), label


def test_synthetic_charts_are_legible(synthetic):
    for chart in choose_charts(synthetic):
        assert legibility_problems(chart) == [], chart.id


def test_long_dollar_title_wraps_inside_the_figure():
    title = "Costs $5 and $10 " + "and a long title " * 12
    assert legibility_problems(spec("ranking", [("a", 1.0), ("b", 2.0)], title=title)) == []


def _has_cjk_font() -> bool:
    from matplotlib import font_manager

    return any("CJK" in f.name for f in font_manager.fontManager.ttflist)


@pytest.mark.skipif(not _has_cjk_font(), reason="no CJK font installed (apt-get install "
                    "fonts-noto-cjk; the README's optional step; .ci/run installs it)")
def test_chinese_names_draw_without_warnings_or_overflow():
    chart = spec("ranking", [("上海 Shanghai", 3.0), ("浦东新区", 2.0), ("Costs $5", 1.0)],
                 title="Districts 区")
    asset = draw_one(chart)  # pytest turns any warning (a missing glyph) into an error
    assert "浦东新区" in svg_texts(asset.svg)
    assert legibility_problems(chart) == []


def test_thirty_bars_make_a_taller_chart():
    short = draw_one(spec("ranking", [("a", 1.0), ("b", 2.0), ("c", 3.0)]))
    tall = draw_one(spec("ranking", [(f"District {i}", float(i)) for i in range(30)]))
    assert Image.open(io.BytesIO(tall.png)).size[1] > 2 * Image.open(io.BytesIO(short.png)).size[1]
    assert "District 29" in svg_texts(tall.svg)


def test_sixty_bars_stop_at_the_page_and_say_how_many_more():
    chart = spec("ranking", [(f"District {i}", float(60 - i)) for i in range(60)])
    texts = svg_texts(draw_one(chart).svg)
    more = [t for t in texts if t.endswith("more not shown")]
    assert len(more) == 1
    shown = int(more[0].split()[1])
    assert shown + len([t for t in texts if t.startswith("District ")]) == 60
    assert legibility_problems(chart) == []


def test_all_nan_is_a_not_charted_decision():
    assets, skipped = draw_plan(ChartPlan((spec("ranking", [("a", math.nan)]),)))
    assert assets == ()
    assert str(skipped[0]) == "not charted: test-ranking: no finite value to plot"


def test_briefing_charts_are_drawn_as_given_with_alt_text_filled_in(synthetic):
    given = spec("ranking", [("a", 1.0), ("b", 2.0), ("c", 3.0)])
    assets = draw_charts(synthetic.with_charts([given]))
    assert [a.id for a in assets] == ["test-ranking"]
    assert "c at 3 yuan" in assets[0].spec.alt_text


def test_absurdly_large_values_are_a_not_charted_decision():
    _, skipped = draw_plan(ChartPlan((spec("ranking", [("a", 1e300), ("b", 1.0)]),)))
    assert [str(d) for d in skipped] == [
        "not charted: test-ranking: a value is larger than 1e+18 in size"]


def test_all_zero_values_are_a_not_charted_decision():
    _, skipped = draw_plan(ChartPlan((spec("growth", [("2020", 0.0), ("2021", 0.0)]),)))
    assert [str(d) for d in skipped] == ["not charted: test-growth: every value is zero"]


def test_system_without_figures_still_draws_member_names():
    tiers = (ChartSeries("Future industries", (ChartPoint("Future health", math.nan),
                                               ChartPoint("Future energy", math.nan))),)
    chart = ChartSpec("industrial-system", "system", "The industrial system", "", tiers)
    texts = svg_texts(draw_one(chart).svg)
    assert "Future health" in texts and "Future industries" in texts


def test_system_with_many_members_shows_how_many_more():
    members = tuple(ChartPoint(f"Cluster {i}", float(i), value_text=f"{i} yuan") for i in range(12))
    chart = ChartSpec("industrial-system", "system", "System", "yuan",
                      (ChartSeries("Key clusters", members),))
    assert "+ 6 more" in svg_texts(draw_one(chart).svg)


def test_unknown_kind_is_an_error_listing_the_known_kinds():
    with pytest.raises(ChartError) as caught, house_style():
        render(spec("pie", [("a", 1.0)]))
    assert "'pie'" in str(caught.value)
    assert "growth, ranking, targets, shares, system" in str(caught.value)


# --- sizes known before drawing (the PDF lays out its pages while the charts are drawn) ---------


def _svg_size(svg: bytes) -> tuple[str | None, str | None, str | None]:
    root = ET.fromstring(svg)
    return root.get("width"), root.get("height"), root.get("viewBox")


def _release_briefings():
    from pathlib import Path

    from reportgen.pipeline import load_briefing

    tests = Path(__file__).parents[1]
    sources = [p for folder in ("heldout", "genre") for p in sorted((tests / folder).iterdir())
               if p.suffix in (".txt", ".md", ".html")]
    from conftest import SEED

    return [load_briefing(p) for p in [SEED, *sources]]


def test_placeholders_have_the_size_of_every_drawn_chart_of_every_release():
    from reportgen.charts import chart_placeholders

    compared = 0
    for briefing in _release_briefings():
        drawn = draw_charts(briefing, png=False)
        placeholders = chart_placeholders(briefing)
        assert [p.id for p in placeholders] == [d.id for d in drawn]
        for placeholder, chart in zip(placeholders, drawn, strict=True):
            assert _svg_size(placeholder.svg) == _svg_size(chart.svg), chart.id
            compared += 1
    assert compared > 30


@pytest.mark.parametrize("kind", ["growth", "ranking", "targets", "shares"])
@pytest.mark.parametrize("count", [1, 3, 30, 80])
def test_placeholder_size_matches_short_long_and_cut_bar_charts(kind, count, synthetic):
    from reportgen.charts import chart_placeholders

    points = [(f"District number {i} of the city" * (1 + i % 3), float(i + 1))
              for i in range(count)]
    chart = spec(kind, points, unit="percent" if kind == "shares" else "yuan")
    briefing = synthetic.with_charts([chart])
    drawn = draw_charts(briefing, png=False)
    assert _svg_size(chart_placeholders(briefing)[0].svg) == _svg_size(drawn[0].svg)


def svg_font_sizes(svg: bytes) -> list[float]:
    """The size of every text run of an SVG drawn with text kept as text (pt: 72 units an inch)."""
    return [float(m) for m in re.findall(rb"font-size: ([\d.]+)px", svg)]


def test_every_chart_text_is_at_least_7_pt_at_its_drawn_size(synthetic):
    assets = draw_charts(synthetic)
    for asset in assets:
        sizes = svg_font_sizes(asset.svg)
        assert sizes and min(sizes) >= 7.0, asset.id


def test_a_long_source_line_is_wrapped_whole_never_cut_and_the_chart_grows_for_it():
    words = " ".join(f"office{i}" for i in range(30))
    short = spec("ranking", [("A", 3e9), ("B", 2e9)])
    long = replace(short, source_note=f"Source: {words}, 14 September 2022")
    texts = " ".join(svg_texts(draw_one(long).svg))
    assert all(f"office{i}" in texts for i in range(30)) and "14 September 2022" in texts
    assert "…" not in texts
    assert figure_size(long)[1] > figure_size(short)[1]  # room for its further lines
    assert legibility_problems(long) == []


def test_targets_are_hatched_outlines_labelled_target_beside_solid_actuals(synthetic):
    targets = next(c for c in choose_charts(synthetic) if c.kind == "targets")
    texts = svg_texts(draw_one(targets).svg)
    labels = [p.value_text for p in targets.series[0].points]
    assert labels and all(t.startswith("target ") for t in labels)
    assert set(labels) <= set(texts)
    assert b"<pattern" in draw_one(targets).svg  # the hatching of the goals' bars
    ranking = next(c for c in choose_charts(synthetic) if c.kind == "ranking")
    assert b"<pattern" not in draw_one(ranking).svg  # achievements stay solid
