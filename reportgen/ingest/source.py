"""What every reader returns: the decoded source, and the shapes of a reader and a table writer."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from reportgen.config import Limits

# A table's rows (cells as text) and its caption → the lines that stand for it in the text
TableWriter = Callable[[list[list[str]], str], str]


def _no_meta() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Reading:
    """What a reader found: the text, and where it knows them, the canonical URL, the offsets in
    the text where each page begins, and the metadata the file declares (`title`, `date` as
    YYYY-MM-DD, `site_name`)."""

    text: str
    source_url: str | None = None
    page_starts: tuple[int, ...] = ()
    meta: Mapping[str, str] = field(default_factory=_no_meta)


# A reader: the file's bytes, its path, a table writer and the input limits → what it read
Reader = Callable[[bytes, Path, TableWriter, Limits], Reading]


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One source file: its path, decoded text (what spans point into), hash and kind; for paged
    sources the offsets where each page begins, and the metadata the file declares."""

    path: Path
    text: str
    sha256: str
    suffix: str
    source_url: str | None = None
    page_starts: tuple[int, ...] = ()
    meta: Mapping[str, str] = field(default_factory=_no_meta)

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding character `offset`, or None for a source without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))


def cells_as_lines(rows: list[list[str]], caption: str = "") -> str:
    """A table as its caption and non-empty cells, one per paragraph (no reading of figures)."""
    cells = [c for row in rows for c in row if c]
    return "\n\n".join(([caption] if caption else []) + cells)
