"""The bundled release built for real: findings first in the PDF, HTML and deck, the analytic
title in the metadata, the same fact printed the same way everywhere, a deck of at most 12
slides, and no file path or hash on the slides or the PDF's first pages."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from reportgen.cli import main
from reportgen.formatting import fact_figure
from reportgen.pipeline import load_briefing

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("findings")
    shutil.copy(SEED, root / SEED.name)
    out = io.StringIO()
    code = main(["build", str(root / SEED.name), "--out", str(root / "output")], stdout=out)
    assert code == 0, out.getvalue()
    return root / "output" / SEED.stem, load_briefing(SEED)


@pytest.fixture(scope="module")
def pdf_pages(built):
    from pypdf import PdfReader

    reader = PdfReader(built[0] / "briefing.pdf")
    return reader, [_flat(p.extract_text()) for p in reader.pages]


@pytest.fixture(scope="module")
def slides(built):
    from pptx import Presentation

    prs = Presentation(str(built[0] / "deck.pptx"))
    texts = []
    for slide in prs.slides:
        parts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        parts += [c.text for s in slide.shapes if s.has_table
                  for r in s.table.rows for c in r.cells]
        texts.append(_flat(" ".join(parts)))
    return prs, texts


@pytest.mark.slow
def test_findings_are_in_data_json_with_their_fact_ids(built):
    folder, briefing = built
    data = json.loads((folder / "data.json").read_text())
    assert data["findings"] == [{"text": f.text, "fact_ids": list(f.fact_ids)}
                                for f in briefing.findings]
    assert data["analytic_title"] == briefing.analytic_title


@pytest.mark.slow
def test_every_finding_is_on_the_pdfs_first_two_pages(built, pdf_pages):
    _, briefing = built
    first_two = " ".join(pdf_pages[1][:2])
    for finding in briefing.findings:
        assert _flat(finding.text)[:60] in first_two, finding.text


@pytest.mark.slow
def test_pdf_and_deck_carry_the_analytic_title_in_their_properties(built, pdf_pages, slides):
    _, briefing = built
    assert pdf_pages[0].metadata.title == briefing.analytic_title
    assert slides[0].core_properties.title == briefing.analytic_title
    assert briefing.analytic_title in pdf_pages[1][0]
    assert briefing.document.title[:40] in pdf_pages[1][0]  # the release's title as subtitle


@pytest.mark.slow
def test_findings_are_in_the_html(built):
    folder, briefing = built
    html = _flat((folder / "briefing.html").read_text().replace("&#39;", "'"))
    for finding in briefing.findings:
        assert _flat(finding.text) in html


@pytest.mark.slow
def test_deck_has_at_most_12_slides_and_findings_on_one_of_the_first_three(built, slides):
    _, briefing = built
    prs, texts = slides
    assert len(prs.slides) <= 12
    assert any(all(_flat(f.text)[:60] in t for f in briefing.findings) for t in texts[:3])
    assert not any("Thank you" in t for t in texts)


@pytest.mark.slow
def test_no_path_or_hash_on_any_slide_or_the_pdfs_first_pages(built, pdf_pages, slides):
    _, briefing = built
    doc = briefing.document
    marks = (doc.path, Path(doc.path).name, doc.sha256[:12], "SHA-256")
    for text in [*pdf_pages[1][:3], *slides[1]]:
        assert not any(mark in text for mark in marks), text[:200]


@pytest.mark.slow
def test_the_same_fact_prints_identically_in_pdf_html_and_deck(built, pdf_pages, slides):
    folder, briefing = built
    pdf = " ".join(pdf_pages[1])
    html = _flat((folder / "briefing.html").read_text())
    deck = " ".join(slides[1])
    for fact_id in ("industrial-added-value-2021",
                    "r-d-investment-intensity-industrial-enterprises",
                    "artificial-intelligence-industry-scale"):
        shown = fact_figure(briefing.fact(fact_id))
        assert shown in pdf and shown in html, shown
    headline = fact_figure(briefing.fact("industrial-added-value-2021"))
    assert headline in deck
    assert "1.65%" in pdf and "1.6%" not in pdf.replace("1.65%", "")
