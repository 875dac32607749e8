"""The seed's deck opens in LibreOffice: one PDF page per slide, each showing its title and figures.

Runs only where LibreOffice (`soffice`) is installed; it takes a few seconds.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from reportgen.config import Config
from reportgen.render.deck import render_deck

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]


def _seed_briefing(seed_path: Path):
    try:
        from reportgen.pipeline import load_briefing
    except ImportError as exc:  # the extraction stage is not importable in this checkout
        pytest.skip(f"extraction unavailable: {exc}")
    return load_briefing(seed_path)


def _convert(pptx: Path, out: Path) -> Path:
    profile = out / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(pptx)],
        check=True, capture_output=True, timeout=180,
    )
    return out / (pptx.stem + ".pdf")


def _flat(text: str) -> str:
    return "".join(text.split()).replace("-", "")


ROOT = Path(__file__).resolve().parents[3]
RELEASES = {
    "seed": None,  # the bundled release (conftest's seed_path)
    "ports": ROOT / "tests" / "corpus" / "dev" / "news-china-ports-h1-2023-ranking.txt",
}


@pytest.fixture(scope="module", params=sorted(RELEASES))
def converted(request: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    """A release's deck and the PDF LibreOffice made of it."""
    from conftest import SEED

    path = RELEASES[request.param] or SEED
    data = render_deck(_seed_briefing(path), [], Config()).data
    out = tmp_path_factory.mktemp(f"lo-{request.param}")
    deck = out / "deck.pptx"
    deck.write_bytes(data)
    return data, _convert(deck, out)


def test_deck_converts_to_one_pdf_page_per_slide_with_titles_and_figures(
        converted: tuple[bytes, Path]) -> None:
    from pypdf import PdfReader

    data, pdf = converted
    pages = PdfReader(pdf).pages
    slides = list(Presentation(io.BytesIO(data)).slides)
    assert len(pages) == len(slides)
    for slide, page in zip(slides, pages, strict=True):
        text = _flat(page.extract_text())
        if slide.shapes.title is not None:
            assert _flat(slide.shapes.title.text) in text
        for shape in slide.shapes:
            if shape.name.startswith("Figure "):  # figure tiles show their figure
                assert _flat(shape.text_frame.paragraphs[0].text) in text


EMU_PER_PT = 12700
SLACK_PT = 2.0
"""How far a glyph's box may reach past its shape: ascenders and descenders of a tight fit."""


def _boxes(slide: Any) -> list[tuple[float, float, float, float]]:
    """The rectangles (points, from the top left) of every shape on the slide, its layout and
    its master: any text LibreOffice draws belongs inside one of them."""
    layout = slide.slide_layout
    boxes = []
    for shapes in (slide.shapes, layout.shapes, layout.slide_master.shapes):
        for shape in shapes:
            if shape.left is None or shape.width is None:
                continue
            left, top = shape.left / EMU_PER_PT, shape.top / EMU_PER_PT
            boxes.append((left, top, left + shape.width / EMU_PER_PT,
                          top + shape.height / EMU_PER_PT))
    return boxes


def _outside(word: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    return not any(word["x0"] >= x0 - SLACK_PT and word["x1"] <= x1 + SLACK_PT
                   and word["top"] >= y0 - SLACK_PT and word["bottom"] <= y1 + SLACK_PT
                   for x0, y0, x1, y1 in boxes)


def test_no_text_lies_outside_its_box_when_libreoffice_draws_the_deck(
        converted: tuple[bytes, Path]) -> None:
    import pdfplumber

    data, pdf = converted
    slides = list(Presentation(io.BytesIO(data)).slides)
    overflow = []
    with pdfplumber.open(pdf) as document:
        for number, (slide, page) in enumerate(zip(slides, document.pages, strict=True), 1):
            boxes = _boxes(slide)
            words = page.extract_words()
            assert words, f"slide {number} shows no text"
            overflow += [f"slide {number}: {w['text']!r} at ({w['x0']:.0f}, {w['top']:.0f})"
                         for w in words if _outside(w, boxes)]
    assert overflow == []
