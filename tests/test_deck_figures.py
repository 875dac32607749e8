"""The deck's choice of figures and what it shows of them, read back with python-pptx: tiles
from headline (not threshold) facts, the targets table's columns, the paged list of figures with
their source sentences, chart colours and title formatting, and charts passed without PNGs."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from reportgen import formatting
from reportgen.charts import ChartAsset, draw_charts, plan_for
from reportgen.config import Config
from reportgen.model import (
    Briefing,
    ChartPoint,
    ChartSeries,
    ChartSpec,
    Fact,
    Qualifier,
    Quantity,
    Target,
)
from reportgen.render.deck import key_facts, render_deck
from reportgen.render.deck_charts import figure_text
from reportgen.render.deck_figures import is_per_item, tile_label
from reportgen.render.deck_tables import targets_table
from reportgen.theme import Theme

FIGURES_TITLE = "Sources of the figures"


def build(briefing: Briefing, config: Config | None = None,
          charts: tuple[ChartAsset, ...] = ()) -> Any:
    result = render_deck(briefing, list(charts), config or Config())
    assert result.warnings == ()
    return Presentation(io.BytesIO(result.data))


def staff_deck(tmp_path: Path, yaml_text: str) -> Config:
    deck = tmp_path / "staff" / "deck"
    deck.mkdir(parents=True)
    (deck / "deck.yaml").write_text(yaml_text, encoding="utf-8")
    return Config(templates_dir=tmp_path / "staff")


def slide_titled(prs: Any, title: str) -> Any:
    return next(s for s in prs.slides if s.shapes.title is not None
                and s.shapes.title.text == title)


def tiles(slide: Any) -> dict[str, tuple[str, str]]:
    """Fact id → (figure, label) of each figure tile on the slide."""
    return {s.name.removeprefix("Figure "): (s.text_frame.paragraphs[0].text,
                                             s.text_frame.paragraphs[1].text)
            for s in slide.shapes if s.name.startswith("Figure ")}


def flat(text: str) -> str:
    return " ".join(text.split())


def with_sentences(briefing: Briefing, *added: tuple[str, str, Quantity, str, int | None]
                   ) -> Briefing:
    """`briefing` with sentences appended to its text and a fact for each, in its intro.

    Each item: (sentence, the figure's text inside it, quantity, metric, year).
    """
    text, facts = briefing.text, list(briefing.facts)
    for number, (sentence, figure, quantity, metric, year) in enumerate(added):
        start = len(text) + 1
        text = f"{text} {sentence}"
        at = start + sentence.index(figure)
        facts.append(Fact(id=f"added-{number}", span=(at, at + len(figure)), text=figure,
                          quantity=quantity, metric=metric, year=year, sentence=sentence,
                          sentence_span=(start, start + len(sentence)), section_id="intro"))
    return replace(briefing, text=text, facts=tuple(facts))


WEAK = (
    ("The city built more than 30 projects with a size of over 90 billion yuan each.",
     "90 billion yuan", Quantity(90e12, "yuan", Qualifier.MORE_THAN), "size of projects", None),
    ("It adopted a new approach in 10 fields.", "10 fields", Quantity(10.0, "count"),
     "number of fields", None),
    ("It opened 6 laboratories.", "6 laboratories", Quantity(6.0, "count"),
     "number of laboratories", None),
    ("It held the fair for 12 consecutive years.", "12 consecutive years",
     Quantity(12.0, "count"), "consecutive years held the fair", None),
    ("It launched 12 key projects, each worth over 500 billion yuan.", "500 billion yuan",
     Quantity(500e12, "yuan", Qualifier.MORE_THAN), "value per key projects", 2021),
    ("Of that, 80% came from the park's operations in 2021.", "80%", Quantity(80.0, "percent"),
     "of which", 2021),
    ("The city's robotics industry scale has reached 90 trillion yuan in 2021.",
     "90 trillion yuan", Quantity(90e12, "yuan"), "city's robotics industry scale has", 2021),
)


# ---- tiles ---------------------------------------------------------------------------------------


def test_tiles_leave_out_thresholds_tiny_counts_counts_of_fields_or_years_and_cut_labels(
        synthetic: Briefing) -> None:
    briefing = with_sentences(synthetic, *WEAK)
    weak = {f"added-{i}" for i in range(len(WEAK))}
    assert is_per_item(briefing.fact("added-0"), briefing.text)
    assert is_per_item(briefing.fact("added-4"), briefing.text)  # "each worth over …"
    chosen = key_facts(briefing, 50)
    assert chosen and not weak & {f.id for f in chosen}
    shown = tiles(slide_titled(build(briefing), "At a glance"))
    assert shown and not weak & set(shown)


def test_tiles_put_money_and_shares_with_a_year_first_and_large_counts_after(
        synthetic: Briefing) -> None:
    briefing = with_sentences(synthetic, (
        "The city has 420,000 registered enterprises.", "420,000",
        Quantity(420000.0, "count"), "number of registered enterprises", None))
    order = [f.id for f in key_facts(briefing, 50)]
    money_with_year = [f.id for f in briefing.visible_facts if not f.is_target and f.year
                       and f.unit in ("yuan", "percent") and f.year == 2021]
    assert set(order[:len(money_with_year)]) == set(money_with_year)
    assert order.index("added-0") > max(order.index(i) for i in money_with_year)


def test_tile_labels_are_the_sentence_cased_label_with_year_and_change_since_before(
        synthetic: Briefing) -> None:
    slide = slide_titled(build(synthetic), "At a glance")
    shown = tiles(slide)
    assert shown
    for fact_id, (figure, label) in shown.items():
        fact = synthetic.fact(fact_id)
        assert figure == figure_text(fact)
        expected = fact.display_label[:1].upper() + fact.display_label[1:]
        assert flat(label).startswith(expected), label
        if fact.year:
            assert f"({fact.year})" in label
    old, new = synthetic.fact("industrial-added-value-2011"), synthetic.fact(
        "industrial-added-value-2021")
    assert flat(shown[new.id][1]) == (f"Industrial added value (2021), "
                                      f"{formatting.change(old.value, new.value)} on 2011")
    assert tile_label(new) == "Industrial added value (2021)"


def test_seed_tiles_show_no_threshold_no_count_under_ten_and_a_label_for_each(
        seed_path: Path) -> None:
    from reportgen.pipeline import load_briefing

    briefing = load_briefing(seed_path)
    prs = build(briefing)
    seen = 0
    for slide in prs.slides:
        for fact_id, (figure, label) in tiles(slide).items():
            fact = briefing.fact(fact_id)
            assert figure == figure_text(fact)
            seen += 1
            assert not is_per_item(fact, briefing.text), fact.sentence
            assert fact.unit != "count" or fact.value >= 10, fact_id
            assert not re.search(r"\b(fields|rounds|batches|years)\b", fact.display_label)
            assert label[:1].isupper() and fact.display_label[1:].lower() in label.lower()
    assert seen >= 10


# ---- targets table -------------------------------------------------------------------------------


def test_targets_table_has_area_target_and_year_without_a_goal_column_repeating_the_area(
        synthetic: Briefing) -> None:
    prs = build(synthetic)
    table = next(s for s in slide_titled(prs, "Targets").shapes if s.has_table).table
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Area", "Target", "By"]  # no actual figures: those columns are dropped
    assert rows[1:] == [["Metaverse industry scale", "350 billion yuan", "2025"],
                        ["Smart terminals industry scale", "700 billion yuan", "2025"]]


def test_targets_table_shows_latest_actual_and_the_yearly_growth_the_target_needs(
        synthetic: Briefing) -> None:
    briefing = with_sentences(synthetic, (
        "The metaverse industry reached 150 billion yuan in 2021.", "150 billion yuan",
        Quantity(150e9, "yuan"), "metaverse industry scale", 2021))
    targets = (replace(briefing.targets[0], actual_fact_id="added-0"), briefing.targets[1])
    briefing = replace(briefing, targets=targets)
    table = targets_table(briefing)
    assert table.header == ("Area", "Target", "By", "Latest actual", "Growth needed")
    assert table.rows[0] == ("Metaverse industry scale", "350 billion yuan", "2025",
                             "150 billion yuan (2021)", formatting.cagr(150e9, 350e9, 4))
    assert table.rows[1][3:] == ("—", "—")
    prs = build(briefing)
    shape = next(s for s in slide_titled(prs, "Targets").shapes if s.has_table)
    assert [c.text for c in shape.table.rows[1].cells][-1] == "23.6% a year"


def test_a_target_without_topic_in_its_label_names_the_topic_first(synthetic: Briefing) -> None:
    fact = replace(synthetic.fact("metaverse-scale-2025"), label="output value")
    facts = tuple(fact if f.id == fact.id else f for f in synthetic.facts)
    table = targets_table(replace(synthetic, facts=facts,
                                  targets=(Target(fact.id, "metaverse", "output value", 2025),)))
    assert table.rows[0][0] == "Metaverse: output value"


# ---- sources of the figures ----------------------------------------------------------------------


def test_every_figure_on_the_slides_is_listed_with_its_source_sentence(
        synthetic: Briefing) -> None:
    prs = build(synthetic)
    pages = [s for s in prs.slides if s.shapes.title.text.startswith(FIGURES_TITLE)]
    assert pages
    listed = ""
    for page in pages:
        table = next(s for s in page.shapes if s.has_table).table
        assert [c.text for c in table.rows[0].cells] == ["Figures", "On slide", "Source sentence"]
        listed += " ".join(flat(c.text) for r in list(table.rows)[1:] for c in r.cells)
    specs = {f"Chart {c.id}": c for c in plan_for(synthetic).charts}
    shown = {s.name.removeprefix("Figure ") for slide in prs.slides for s in slide.shapes
             if s.name.startswith("Figure ")}
    shown |= {i for slide in prs.slides for s in slide.shapes if s.name in specs
              for i in specs[s.name].fact_ids}
    assert len(shown) >= 6
    for fact_id in shown:
        fact = synthetic.fact(fact_id)
        assert f"“{flat(fact.sentence)}”" in listed, fact_id


def test_the_figures_list_pages_with_its_header_repeated(seed_path: Path) -> None:
    from reportgen.pipeline import load_briefing

    prs = build(load_briefing(seed_path))
    got = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None
           and s.shapes.title.text.startswith(FIGURES_TITLE)]
    assert len(got) >= 2
    assert got == [f"{FIGURES_TITLE} ({i} of {len(got)})" for i in range(1, len(got) + 1)]
    for slide in prs.slides:
        if slide.shapes.title.text in got:
            shape = next(s for s in slide.shapes if s.has_table)
            assert shape.table.rows[0].cells[2].text == "Source sentence"
            assert shape.top + sum(r.height for r in shape.table.rows) <= prs.slide_height


def test_a_staff_figures_slide_lists_only_what_the_other_slides_show(
        tmp_path: Path, synthetic: Briefing) -> None:
    config = staff_deck(tmp_path, "slides:\n  - layout: Chart\n    title: Value added\n"
                                  "    chart: growth-industrial-added-value\n"
                                  "  - layout: Table\n    title: Checked\n    table: figures\n")
    prs = build(synthetic, config)
    table = next(s for s in prs.slides[1].shapes if s.has_table).table
    rows = [[c.text for c in r.cells] for r in list(table.rows)[1:]]
    chart = next(c for c in plan_for(synthetic).charts if c.id == "growth-industrial-added-value")
    sentences = {flat(synthetic.fact(i).sentence) for i in chart.fact_ids}
    assert [flat(r[2]).strip("“”") for r in rows] == sorted(sentences, key=len)
    assert all(r[1] == "Value added" for r in rows)
    listed = " ".join(r[0] for r in rows)
    assert "723.1 billion yuan" in listed and "1.074 trillion yuan" in listed
    assert "4.201 trillion yuan" not in listed  # on no slide of this deck


# ---- charts --------------------------------------------------------------------------------------


def chart_on(prs: Any) -> Any:
    return next(s for slide in prs.slides for s in slide.shapes if s.has_chart).chart


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


def test_a_kind_without_native_form_is_drawn_as_a_png_when_none_was_passed(
        tmp_path: Path, synthetic: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    import reportgen.render.deck_charts as deck_charts

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


def _box_through_proxies(shapes: Any, kind: Any, lines: list[str], sizes: list[float],
                         outline: str | None) -> Any:
    """A box set one property at a time through python-pptx, as `_box` did before it wrote
    the XML itself."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Pt

    shape = shapes.add_shape(kind, 0, 0, 2_000_000, 1_000_000)
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string("EEF2F6")
    if outline:
        shape.line.color.rgb, shape.line.width = RGBColor.from_string(outline), Pt(1.25)
    else:
        shape.line.fill.background()
    shape.shadow.inherit = False
    frame = shape.text_frame
    frame.word_wrap, frame.auto_size = True, MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Pt(4)
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.CENTER
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.name = Pt(sizes[index]), "DejaVu Sans"
        run.font.bold = index == 0
        run.font.color.rgb = RGBColor.from_string("1A1A1A")
    return shape


@pytest.mark.parametrize(("lines", "outline"), [
    (["Integrated circuits", "250 billion yuan"], "1F4E79"),
    (["R&D <spending> \"quoted\"", "bell\x07 and tab\there"], None),
    ([], None),
])
def test_a_box_is_the_xml_python_pptx_setters_write(lines: list[str], outline: str | None
                                                    ) -> None:
    from lxml import etree
    from pptx.enum.shapes import MSO_SHAPE

    from reportgen.render.deck_charts import Rect, _box

    theme = Theme(font_family="DejaVu Sans", text="#1A1A1A")
    prs = Presentation()
    shapes = prs.slides.add_slide(prs.slide_layouts[6]).shapes
    sizes = [15.5, 9.5][: len(lines)]
    ours = _box(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, Rect(0, 0, 2_000_000, 1_000_000), lines,
                fill="#EEF2F6", text_colour="#1A1A1A", theme=theme,
                outline=f"#{outline}" if outline else None, bold_first=True, sizes=sizes)
    theirs = _box_through_proxies(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, lines, sizes, outline)
    strip = re.compile(rb' (id|name)="[^"]*"')
    assert strip.sub(b"", etree.tostring(ours._element)) == \
        strip.sub(b"", etree.tostring(theirs._element))


def _table_through_proxies(shapes: Any, table: Any, rows: list[int], rect: Any,
                           size: float) -> Any:
    """A table set one property at a time through python-pptx, as `add_table` did before it
    wrote the rows' XML itself."""
    from pptx.util import Emu, Pt

    from reportgen.render.deck_tables import EMU_PER_PT, row_height

    widths = table.column_widths(rect.width)
    heights = [row_height(table.header, widths, size, bold=True)] + [
        row_height(table.rows[i], widths, size) for i in rows]
    frame = shapes.add_table(len(rows) + 1, len(table.header), rect.left, rect.top,
                             rect.width, int(sum(heights) * EMU_PER_PT))
    frame.name = "Table"
    for col, width in enumerate(widths):
        frame.table.columns[col].width = Emu(width)
    for r, height in enumerate(heights):
        frame.table.rows[r].height = Emu(int(height * EMU_PER_PT))
    for r, cells in enumerate([table.header, *(table.rows[i] for i in rows)]):
        for c, text in enumerate(cells):
            text_frame = frame.table.cell(r, c).text_frame
            text_frame.word_wrap = True
            run = text_frame.paragraphs[0].add_run()
            run.text = text
            run.font.size, run.font.name = Pt(size), "DejaVu Sans"
            run.font.bold = r == 0
    return frame


def test_a_table_is_the_xml_python_pptx_setters_write() -> None:
    from lxml import etree

    from reportgen.render.deck_charts import Rect
    from reportgen.render.deck_tables import TableData, add_table

    table = TableData(("Area", "Target & goal", "By"), (
        ("Green and low-carbon development industrial scale", "500 billion yuan", "2025"),
        ("Bell\x07 <metaverse>", "350 billion yuan", ""),
        ("Third", "1", "2030"),
    ), (), (4.0, 2.2, 0.9))
    prs = Presentation()
    shapes = prs.slides.add_slide(prs.slide_layouts[6]).shapes
    rect = Rect(548640, 1463040, 8_000_000, 3_000_000)
    ours = add_table(shapes, table, [0, 2], rect, "DejaVu Sans", 12.0)
    theirs = _table_through_proxies(shapes, table, [0, 2], rect, 12.0)
    strip = re.compile(rb' id="[^"]*"')
    assert strip.sub(b"", etree.tostring(ours._element)) == \
        strip.sub(b"", etree.tostring(theirs._element))
