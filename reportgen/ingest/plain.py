"""The reader for plain text and Markdown releases (`.txt`, `.md`): the file decoded as written."""

from __future__ import annotations

from pathlib import Path

from reportgen.config import Limits
from reportgen.ingest.files import decode_text, normalise_newlines
from reportgen.ingest.source import Reading, TableWriter


def read(raw: bytes, path: Path, tables: TableWriter, limits: Limits) -> Reading:
    """The decoded text of a plain or Markdown release (it has no tables to lay out, no URL)."""
    return Reading(normalise_newlines(decode_text(raw, path)))
