"""ingest/plain.py: a text or Markdown release is its decoded text, as written."""

from __future__ import annotations

from pathlib import Path

from reportgen.config import Limits
from reportgen.ingest import plain
from reportgen.ingest.source import cells_as_lines


def test_markdown_is_kept_as_written_with_windows_line_endings_normalised() -> None:
    reading = plain.read(b"# Title\r\n\r\n**GDP** grew 5%.\r\n", Path("r.md"), cells_as_lines,
                         Limits())
    assert reading.text == "# Title\n\n**GDP** grew 5%.\n"
    assert (reading.source_url, reading.page_starts) == (None, ())
