"""Deck tables: the targets table's columns and rows, and the table XML `add_table` writes."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from pptx import Presentation

from reportgen import formatting
from reportgen.model import Briefing, Quantity, Target
from reportgen.render.deck.layout import EMU_PER_PT, Rect
from reportgen.render.deck.tables import (
    TableData,
    paginate,
    row_height,
    rows_table,
    table_size,
    targets_table,
)

from .support import build, slide_titled, with_sentences


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
    targets = (replace(briefing.targets[0], actual_fact_id="added-0",
                       growth_needed=formatting.cagr_rate(150e9, 350e9, 4)), briefing.targets[1])
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


def _table_through_proxies(shapes: Any, table: Any, rows: list[int], rect: Any,
                           size: float) -> Any:
    """A table set one property at a time through python-pptx, as `add_table` did before it
    wrote the rows' XML itself."""
    from pptx.util import Emu, Pt

    from reportgen.render.deck.layout import EMU_PER_PT
    from reportgen.render.deck.tables import row_height

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
            run.font.size, run.font.name = Pt(size), "+mn-lt"
            run.font.bold = r == 0
            _add_theme_ea_cs(run.font)
    return frame


def _add_theme_ea_cs(font: Any) -> None:
    """The East Asian and complex-script theme font references python-pptx has no setter for."""
    from pptx.oxml.xmlchemy import OxmlElement

    for tag, face in (("a:cs", "+mn-cs"), ("a:ea", "+mn-ea")):
        element = OxmlElement(tag)
        element.set("typeface", face)
        font._rPr.latin.addnext(element)


def test_a_table_is_the_xml_python_pptx_setters_write() -> None:
    from lxml import etree

    from reportgen.render.deck.layout import Rect
    from reportgen.render.deck.tables import TableData, add_table

    table = TableData(("Area", "Target & goal", "By"), (
        ("Green and low-carbon development industrial scale", "500 billion yuan", "2025"),
        ("Bell\x07 <metaverse>", "350 billion yuan", ""),
        ("Third", "1", "2030"),
    ), (), (4.0, 2.2, 0.9))
    prs = Presentation()
    shapes = prs.slides.add_slide(prs.slide_layouts[6]).shapes
    rect = Rect(548640, 1463040, 8_000_000, 3_000_000)
    ours = add_table(shapes, table, [0, 2], rect, 12.0)
    theirs = _table_through_proxies(shapes, table, [0, 2], rect, 12.0)
    strip = re.compile(rb' id="[^"]*"')
    assert strip.sub(b"", etree.tostring(ours._element)) == \
        strip.sub(b"", etree.tostring(theirs._element))


def test_rows_written_in_deck_yaml_are_padded_or_cut_to_the_header() -> None:
    table = rows_table([["Area", "Figure"], ["Chips"], ["AI", "12", "extra"]])
    assert table.header == ("Area", "Figure")
    assert table.rows == (("Chips", ""), ("AI", "12"))
    assert table.column_widths(1000) == [500, 500]


def test_a_long_table_is_paged_so_that_each_page_fits_its_box() -> None:
    table = TableData(("Area", "Figure"), tuple((f"row {i}", "x") for i in range(40)))
    rect = Rect(0, 0, 8_000_000, 3_000_000)
    pages = paginate(table, rect)
    assert [i for page in pages for i in page] == list(range(40))  # every row once, in order
    assert len(pages) > 1
    widths = table.column_widths(rect.width)
    room = rect.height / EMU_PER_PT - row_height(table.header, widths, bold=True)
    assert all(sum(row_height(table.rows[i], widths) for i in page) <= room for page in pages)
    assert table_size(table, rect) == 12.0
    assert table_size(TableData(("A",), (("one",),)), rect) == 18.0


def test_a_short_table_takes_the_largest_size_at_which_it_fits_one_slide() -> None:
    rect = Rect(0, 0, 8_000_000, 3_000_000)
    for rows, size in ((3, 18.0), (7, 18.0), (8, 14.0), (9, 12.0)):
        table = TableData(("Area", "Figure"), tuple((f"row {i}", "x") for i in range(rows)))
        assert table_size(table, rect) == size, rows
        assert len(paginate(table, rect, size)) == 1 or size == 12.0
