"""Slots of the master's layouts and the placeholders on a slide."""

from __future__ import annotations

from pptx import Presentation

from reportgen.render.deck.layout import EMU_PER_PT, Rect, Slot, layout_slots, text_box
from reportgen.render.deck.text import Box
from reportgen.templating import DEFAULTS_DIR


def test_placeholders_are_found_as_python_pptx_finds_them() -> None:
    from lxml import etree

    from reportgen.render.deck.layout import placeholder_shapes

    prs = Presentation(str(DEFAULTS_DIR / "deck" / "master.pptx"))
    for layout in prs.slide_layouts:
        slide = prs.slides.add_slide(layout)
        tree = slide.shapes._spTree
        tree.insert(2, etree.Comment("a comment among the shapes"))
        for shape in list(tree.iterchildren("{*}*"))[2:]:
            shape.insert(0, etree.Comment("a comment before the shape's properties"))
        assert placeholder_shapes(slide) == [
            (p.placeholder_format.idx, p._element) for p in slide.placeholders]


def test_the_shipped_layouts_offer_a_title_and_their_text_and_content_slots() -> None:
    prs = Presentation(str(DEFAULTS_DIR / "deck" / "master.pptx"))
    slots = {layout.name: layout_slots(layout) for layout in prs.slide_layouts}
    assert all(s.title is not None for s in slots.values())
    assert slots["Title"].subtitle is not None and slots["Chart"].subtitle is None
    assert (len(slots["Chart"].text), len(slots["Chart"].content)) == (1, 1)
    two = slots["Two Content"].content
    assert len(two) == 2 and two[0].rect.left < two[1].rect.left  # left to right
    assert slots["Title"].title.size == 36.0 and slots["Chart"].title.size == 28.0


def test_text_room_is_the_slot_in_points_less_the_insets_and_a_bullet_indent() -> None:
    rect = Rect(0, 0, 100 * EMU_PER_PT, 50 * EMU_PER_PT)
    assert text_box(Slot(1, rect, 18.0, bullets=True)) == Box(100 - 14.4, 50 - 7.2, 18.0)
    assert text_box(Slot(1, rect, 18.0, bullets=False)).indent == 0.0
