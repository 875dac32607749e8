"""What every reader returns: the decoded source, and the shapes of a reader and a table writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# A table's rows (cells as text) and its caption → the lines that stand for it in the text
TableWriter = Callable[[list[list[str]], str], str]
# A reader: the file's bytes, its path and a table writer → (decoded text, canonical URL)
Reader = Callable[[bytes, Path, TableWriter], tuple[str, str | None]]


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One source file: its path, decoded text (what spans point into), hash and kind."""

    path: Path
    text: str
    sha256: str
    suffix: str
    source_url: str | None = None


def cells_as_lines(rows: list[list[str]], caption: str = "") -> str:
    """A table as its caption and non-empty cells, one per paragraph (no reading of figures)."""
    cells = [c for row in rows for c in row if c]
    return "\n\n".join(([caption] if caption else []) + cells)
