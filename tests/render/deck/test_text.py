"""`{{ }}` filled inside PowerPoint runs (also split across runs), and text sized to fit."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.util import Inches, Pt

from reportgen.render.deck import text as deck_text
from reportgen.render.deck.text import (
    Box,
    fill_paragraph,
    fit_size,
    fits,
    split_to_fit,
    text_width,
    wrap,
)


def _paragraph_with_runs(*pieces: tuple[str, bool, float]):
    """A real python-pptx paragraph whose runs hold `pieces` (text, bold, size in pt)."""
    prs = Presentation()
    box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(0, 0, Inches(4), Inches(1))
    paragraph = box.text_frame.paragraphs[0]
    for text, bold, size in pieces:
        run = paragraph.add_run()
        run.text, run.font.bold, run.font.size = text, bold, Pt(size)
    return paragraph


def _render(expression: str) -> str:
    return {"organisation": "Economic Office", "year": "2022"}[expression.strip("{} ")]


def test_expression_inside_one_run_keeps_that_runs_formatting() -> None:
    paragraph = _paragraph_with_runs(("By {{ organisation }}", True, 20), (" in print", False, 12))
    assert fill_paragraph(paragraph, _render)
    assert [r.text for r in paragraph.runs] == ["By Economic Office", " in print"]
    assert paragraph.runs[0].font.bold and paragraph.runs[0].font.size == Pt(20)


def test_braces_split_across_runs_are_merged_into_the_first_run() -> None:
    paragraph = _paragraph_with_runs(
        ("Made by {", True, 20), ("{ organ", False, 11), ("isation }", False, 11),
        ("} in {{ year }}!", False, 14),
    )
    assert fill_paragraph(paragraph, _render)
    texts = [r.text for r in paragraph.runs]
    assert "".join(texts) == "Made by Economic Office in 2022!"
    assert texts[0] == "Made by Economic Office in 2022!"[: len(texts[0])]
    assert paragraph.runs[0].font.bold and paragraph.runs[0].font.size == Pt(20)
    assert len(paragraph.runs) == 1


def test_paragraph_without_expressions_is_left_alone() -> None:
    paragraph = _paragraph_with_runs(("plain {", False, 12), ("text", True, 12))
    assert not fill_paragraph(paragraph, _render)
    assert [r.text for r in paragraph.runs] == ["plain {", "text"]


def test_wrap_breaks_at_words_within_the_width() -> None:
    lines = wrap("industrial added value increased from 723.1 billion yuan", 120, 12)
    assert len(lines) > 1
    assert " ".join(lines) == "industrial added value increased from 723.1 billion yuan"


def test_fit_size_shrinks_long_text_until_it_fits_and_never_below_the_floor() -> None:
    box = Box(width=300, height=60)
    long_text = ["The construction of a new industrial system has opened a new chapter " * 2]
    size = fit_size(long_text, box, 28, 10)
    assert size is not None and size < 28
    assert fits(long_text, box, size) and not fits(long_text, box, size + 0.5)
    assert fit_size(long_text * 20, box, 28, 10) is None


def test_split_to_fit_keeps_order_and_each_group_fits() -> None:
    box = Box(width=400, height=100)
    paragraphs = [f"Point number {i} of the section, with its figure" for i in range(12)]
    groups = split_to_fit(paragraphs, box, 14)
    assert [p for g in groups for p in g] == paragraphs
    assert len(groups) > 1 and all(fits(g, box, 14) for g in groups)


def test_a_word_wider_than_the_line_is_cut_and_counted_as_several_lines() -> None:
    path = "seeds/shanghai-industrial-economy-2022-09-14.txt"
    lines = wrap(path, 60, 12)
    assert len(lines) > 2 and "".join(lines) == path


def _wrap_measuring_whole_lines(text: str, width: float, size: float, bold: bool) -> list[str]:
    """The greedy wrap as it was before widths were summed: every candidate line measured."""
    lines: list[str] = []
    for hard_line in text.split("\n"):
        line = ""
        for word in deck_text._cut_long_words(hard_line.split(" "), width, size, bold):
            candidate = f"{line} {word}" if line else word
            if not line or text_width(candidate, bold) * size <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


_SAMPLES = [
    "In 2021, Shanghai’s industrial added value reached 1,073.9 billion yuan — up 11.2% on "
    "2020 — and the output of its “3+6” new industrial system was 3.7 trillion yuan.",
    "AVAILABLE  double  spaces, W. A. Tyler’s “quotes”, fi fl ffi, 中文版 and a "
    "verylongwordthatcannotfitonanylineatallwithoutbeingcut",
    "Point one\nPoint two of the section, with its figure (305.6 billion yuan)",
]


@pytest.mark.parametrize("bold", [False, True])
def test_wrap_breaks_where_measuring_each_whole_line_would(bold: bool) -> None:
    for text in _SAMPLES:
        for width in (40, 95.5, 120, 233.3, 300, 512):
            for size in (7, 9.5, 12, 14, 18, 28):
                assert wrap(text, width, size, bold) == \
                    _wrap_measuring_whole_lines(text, width, size, bold), (text, width, size)


def test_a_space_adds_exactly_its_own_width_between_two_words() -> None:
    # what lets `wrap` add a line's width up from its words (and keep its slack as a guard)
    for left, right in [("AV", "AV"), ("T.", "“Yo"), ("f", "j"), ("1,073.9", "yuan—")]:
        for bold in (False, True):
            whole = deck_text._units(f"{left} {right}", bold)
            parts = (deck_text._units(left, bold) + deck_text._units(" ", bold)
                     + deck_text._units(right, bold))
            assert whole == parts


def test_a_line_close_to_the_limit_is_measured_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    measured: list[str] = []
    real = deck_text.text_width.__wrapped__

    def spy(text: str, bold: bool = False) -> float:
        measured.append(text)
        return real(text, bold)

    monkeypatch.setattr(deck_text, "text_width", spy)
    text = "industrial added value increased"
    exact = real(text) * 12
    assert deck_text._wrap.__wrapped__(text, exact, 12, False) == (text,)
    assert text in measured
    assert deck_text._wrap.__wrapped__(text, exact - 0.01, 12, False) != (text,)
