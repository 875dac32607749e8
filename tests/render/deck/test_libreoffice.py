"""The seed's deck opens in LibreOffice: one PDF page per slide, each showing its title and figures.

Runs only where LibreOffice (`soffice`) is installed; it takes a few seconds.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

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


def test_seed_deck_converts_to_one_pdf_page_per_slide_with_titles_and_figures(
        tmp_path: Path, seed_path: Path) -> None:
    from pypdf import PdfReader

    data = render_deck(_seed_briefing(seed_path), [], Config()).data
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(data)
    pdf = _convert(deck, tmp_path)
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
