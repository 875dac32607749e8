"""PDF releases: the printed seed gives the seed's facts, with pages; bad PDFs get one line."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from reportgen.config import Limits
from reportgen.errors import InputError
from reportgen.extraction.tables import table_text
from reportgen.ingest import read_source
from reportgen.serialize import briefing_to_dict

from .ingest_fixtures import printed_pdf, two_column_pdf
from .release_files import write_pdf
from .same_facts import assert_same_as_seed

__all__ = ["printed_pdf", "two_column_pdf"]  # fixtures


def test_printed_release_gives_the_seeds_facts_and_date(printed_pdf: Path) -> None:
    assert_same_as_seed(printed_pdf)


def test_two_columns_are_read_in_order(two_column_pdf: Path) -> None:
    assert_same_as_seed(two_column_pdf)


def test_headers_footers_and_page_numbers_are_gone(printed_pdf: Path) -> None:
    text = read_source(printed_pdf).text
    assert "Page 2 of" not in text
    assert "Press release No. 37" not in text
    assert "Informatization\n" not in text.split("\n\n")[0]


def test_line_end_hyphenation_is_joined(printed_pdf: Path) -> None:
    text = read_source(printed_pdf).text
    assert "\u2010" not in text and "\u00ad" not in text
    assert "250-billion-yuan" in text  # a real compound keeps its hyphens
    assert "industrial economy" in text and "eco nomy" not in text


def test_each_fact_knows_its_page(printed_pdf: Path) -> None:
    briefing = assert_same_as_seed(printed_pdf)
    pages = [f.page for f in briefing.facts]
    assert pages[0] == 1 and all(isinstance(p, int) for p in pages)
    assert pages == sorted(pages) and pages[-1] > 3
    data = briefing_to_dict(briefing)
    assert all("page" in f for f in data["facts"])
    json.dumps(data)


def test_plain_text_facts_have_no_page(seed_path: Path) -> None:
    from reportgen.pipeline import load_briefing

    data = briefing_to_dict(load_briefing(seed_path))
    assert all("page" not in f for f in data["facts"])


def test_tables_are_read_as_rows(tmp_path: Path) -> None:
    table = [["Indicator", "2021", "2022"], ["Exports (billion yuan)", "812.3", "905.1"]]
    path = write_pdf(tmp_path / "t.pdf", ["Trade of the city (2023-01-05)",
                                         "Exports grew strongly in 2022."], table=table)
    text = read_source(path, tables=table_text).text
    assert "Exports" in text and "905.1" in text


def test_provenance_names_the_page(printed_pdf: Path) -> None:
    from reportgen.pipeline import load_briefing
    from reportgen.render.deck.slides import source_lines

    briefing = load_briefing(printed_pdf)
    lines = source_lines(briefing, [f.id for f in briefing.facts[:3]])
    assert "p. 1 of the source" in lines[0]


# --- bad input: one line naming the file and the fix ------------------------------------------


def one_line(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(InputError) as caught:
        read_source(path, limits)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


def test_encrypted_pdf(printed_pdf: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(printed_pdf))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as f:
        writer.write(f)
    assert "encrypted PDF" in one_line(path)


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as f:
        writer.write(f)
    assert "no text layer: OCR is not supported" in one_line(path)


@pytest.mark.parametrize("kind", ["renamed", "random", "truncated"])
def test_not_a_pdf(kind: str, printed_pdf: Path, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.pdf"
    if kind == "renamed":
        path.write_text("Exports rose 3% in 2023.\n")
    elif kind == "random":
        path.write_bytes(os.urandom(4096))
    else:
        path.write_bytes(printed_pdf.read_bytes()[:3000])
    message = one_line(path)
    assert "PDF" in message


def test_page_cap_is_checked_before_reading(printed_pdf: Path) -> None:
    message = one_line(printed_pdf, Limits(max_pdf_pages=2))
    assert "over the limit of 2" in message and "limits.max_pdf_pages" in message


def test_javascript_and_attachments_are_ignored(printed_pdf: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(printed_pdf))
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject("app.alert('GDP grew 99.9% in 2030');")})
    writer.add_attachment("extra.txt", b"Exports reached 999 billion yuan in 2022.")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "active.pdf"
    path.write_bytes(buffer.getvalue())
    text = read_source(path).text
    assert "99.9" not in text and "999 billion" not in text
    assert_same_as_seed(path)
