"""A release written in Markdown reads as prose in every output: no '**', '##' or '- ' marks."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from render_support import config, flat, page_texts

from reportgen.text import readable

RELEASE = Path(__file__).parent / "data" / "wuhan-optics-2024.md"
MARKS = re.compile(r"\*\*|(?:^|\s)#{1,6}\s|(?:^|\n)\s*[-*+]\s")


def test_readable_drops_heading_list_and_emphasis_marks_only_from_markdown():
    text = "## Lasers\n\n- **Lasers.** Sales rose 12.5 percent to 38 billion yuan."
    plain = "Lasers\n\nLasers. Sales rose 12.5 percent to 38 billion yuan."
    assert readable(text, "seeds/a.md") == plain
    assert readable(text, "seeds/a.txt") == text
    assert readable("• Hotel occupancy averaged 82 percent.", "seeds/a.txt") == \
        "Hotel occupancy averaged 82 percent."


@pytest.fixture(scope="module")
def drawn():
    from reportgen.charts import draw_charts
    from reportgen.pipeline import load_briefing

    briefing = load_briefing(RELEASE)
    return briefing, draw_charts(briefing, config(), png=False)


@pytest.mark.slow
def test_the_pdf_of_a_markdown_release_shows_no_markdown_marks(drawn):
    from reportgen.render.briefing.pdf import render_pdf

    briefing, charts = drawn
    text = "\n".join(page_texts(render_pdf(briefing, charts, config(pdf_sources=True)).data))
    assert "Laser equipment sales rose" in flat(text)
    assert not MARKS.search(text), MARKS.search(text)


@pytest.mark.slow
def test_the_deck_of_a_markdown_release_quotes_its_sentences_without_marks(drawn):
    from pptx import Presentation

    from reportgen.render.deck import render_deck

    briefing, charts = drawn
    deck = Presentation(io.BytesIO(render_deck(briefing, charts, config()).data))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes
             if shape.has_text_frame]
    texts += [cell.text for slide in deck.slides for shape in slide.shapes if shape.has_table
              for row in shape.table.rows for cell in row.cells]
    texts += [slide.notes_slide.notes_text_frame.text for slide in deck.slides
              if slide.has_notes_slide]
    quoted = "\n".join(texts)
    assert "Laser equipment sales rose" in quoted
    assert "**" not in quoted and "##" not in quoted
