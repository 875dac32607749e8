"""ingest/source.py: what every reader returns, and the plain table writer."""

from __future__ import annotations

from pathlib import Path

from reportgen.ingest.source import SourceDoc, cells_as_lines


def test_the_plain_table_writer_keeps_the_caption_and_each_cell_on_its_own() -> None:
    assert cells_as_lines([["GDP", "499.6"], ["", "5.3"]], "Indicators") == \
        "Indicators\n\nGDP\n\n499.6\n\n5.3"


def test_a_source_knows_the_page_of_an_offset() -> None:
    doc = SourceDoc(Path("r.pdf"), "page one\npage two\n", "0" * 64, ".pdf",
                    page_starts=(0, 9))
    assert (doc.page_at(3), doc.page_at(12)) == (1, 2)
    assert SourceDoc(Path("r.txt"), "text", "0" * 64, ".txt").page_at(2) is None
