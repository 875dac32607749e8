"""Shape-drawn figures: a box is the XML python-pptx's setters would write."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pptx import Presentation

from reportgen.model import Briefing
from reportgen.render.deck.layout import EMU_PER_PT, Rect
from reportgen.render.deck.shapes import describe_system, text_room, tile_sizes
from reportgen.render.deck.text import Box


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
        run.font.size, run.font.name = Pt(sizes[index]), "+mn-lt"
        run.font.bold = index == 0
        run.font.color.rgb = RGBColor.from_string("1A1A1A")
        _add_theme_ea_cs(run.font)
    return shape


def _add_theme_ea_cs(font: Any) -> None:
    """The East Asian and complex-script theme font references python-pptx has no setter for."""
    from pptx.oxml.xmlchemy import OxmlElement

    for tag, face in (("a:cs", "+mn-cs"), ("a:ea", "+mn-ea")):
        element = OxmlElement(tag)
        element.set("typeface", face)
        font._rPr.latin.addnext(element)


@pytest.mark.parametrize(("lines", "outline"), [
    (["Integrated circuits", "250 billion yuan"], "1F4E79"),
    (["R&D <spending> \"quoted\"", "bell\x07 and tab\there"], None),
    ([], None),
])
def test_a_box_is_the_xml_python_pptx_setters_write(lines: list[str], outline: str | None
                                                    ) -> None:
    from lxml import etree
    from pptx.enum.shapes import MSO_SHAPE

    from reportgen.render.deck.layout import Rect
    from reportgen.render.deck.shapes import _box

    prs = Presentation()
    shapes = prs.slides.add_slide(prs.slide_layouts[6]).shapes
    sizes = [15.5, 9.5][: len(lines)]
    ours = _box(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, Rect(0, 0, 2_000_000, 1_000_000), lines,
                fill="#EEF2F6", text_colour="#1A1A1A",
                outline=f"#{outline}" if outline else None, bold_first=True, sizes=sizes)
    theirs = _box_through_proxies(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, lines, sizes, outline)
    strip = re.compile(rb' (id|name)="[^"]*"')
    assert strip.sub(b"", etree.tostring(ours._element)) == \
        strip.sub(b"", etree.tostring(theirs._element))


def test_a_tile_keeps_a_short_figure_on_one_line_at_a_large_size() -> None:
    room = text_room(Rect(0, 0, 3_000_000, 1_500_000))
    assert tile_sizes("350 billion yuan", "Metaverse industry scale (2025)", room) == (23.0, 14.0)
    figure, label = tile_sizes("260 units per 10,000 people", "Robot density", room)
    assert 14.0 <= figure < 23.0 and label <= figure


def test_text_room_keeps_clear_of_a_rounded_box_corners() -> None:
    rect = Rect(0, 0, 100 * EMU_PER_PT, 60 * EMU_PER_PT)
    square, rounded = text_room(rect), text_room(rect, rounded=True)
    assert square == Box((100 - 8) * 0.94, (60 - 8) * 0.94)
    assert rounded.width < square.width and rounded.height < square.height


def test_the_system_diagram_alt_text_names_each_tier_and_its_members(synthetic: Briefing) -> None:
    text = describe_system(synthetic, synthetic.system)
    assert text.startswith("Diagram of the industrial system. leading industries: ")
    assert "integrated circuits, biopharmaceuticals, artificial intelligence" in text
