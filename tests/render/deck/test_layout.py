"""Slots of the master's layouts and the placeholders on a slide."""

from __future__ import annotations

from pptx import Presentation

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
