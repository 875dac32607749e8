"""Read source documents: find them, check them, decode them into the text every span points into.

A `SourceDoc.text` is *the* decoded source text of the whole pipeline. Each source format has one
reader module in `READERS` (keyed by file suffix): adding a format is one module and one row.

- `.txt` and `.md` (`plain`): the file decoded (UTF-8, UTF-8 with BOM, or UTF-16 with BOM), the
  BOM dropped, line endings normalised to `\\n`. Markdown is kept as written; headings keep `#`.
- `.html` / `.htm` (`webpage`): a page saved whole from a browser gives its main text
  (trafilatura) and its title, date (htmldate) and site name as `SourceDoc.meta`; a plain
  fragment gives its visible text (`html`: scripts, styles and tags dropped, entities decoded,
  block elements separated by blank lines). Spans point into that plain text, not into the
  markup; `SourceDoc.source_url` keeps a canonical URL if the page declares one.
- `.pdf` (`pdf`, pypdf): the pages' text without running headers, footers and page numbers,
  hyphenation joined, columns in reading order; `SourceDoc.page_starts` says where each page
  begins.
- `.docx` (`docx`, python-docx): headings, paragraphs, list items and tables in order.

Tables are laid out by the `TableWriter` the caller passes (the pipeline passes the extractor's,
which reads each row as a sentence); the default keeps each cell as a line. The PDF, Word and
web-page libraries are imported only inside their readers, when such a file is read.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterable
from pathlib import Path

from reportgen.config import Limits
from reportgen.errors import InputError
from reportgen.ingest.files import read_bytes
from reportgen.ingest.source import Reader, Reading, SourceDoc, TableWriter, cells_as_lines
from reportgen.text import without_invisible

__all__ = ["OVERRIDES_SUFFIX", "READERS", "SOURCE_SUFFIXES", "Reading", "SourceDoc", "TableWriter",
           "find_sources", "read_source"]

# Suffix → the reader module in this package (imported when a file of its kind is read)
READERS: dict[str, str] = {
    ".txt": "plain",
    ".md": "plain",
    ".html": "webpage",
    ".htm": "webpage",
    ".pdf": "pdf",
    ".docx": "docx",
}


def reader_for(suffix: str) -> Reader:
    """The `read` function of the reader module for files ending in `suffix` (plain text when
    the suffix is none of `READERS`')."""
    module = importlib.import_module(f"reportgen.ingest.{READERS.get(suffix, 'plain')}")
    read: Reader = module.read
    return read
SOURCE_SUFFIXES = tuple(READERS)
OVERRIDES_SUFFIX = ".overrides.yaml"


def find_sources(paths: Iterable[Path]) -> list[Path]:
    """Every source file named by `paths`: files as given, folders expanded to their sources."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder; check the path")
        if path.is_dir():
            inside = _sources_in(path)
            if not inside:
                kinds = ", ".join(SOURCE_SUFFIXES)
                raise InputError(f"{path}: folder holds no source files ({kinds}); add one")
            found.extend(inside)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _sources_in(folder: Path) -> list[Path]:
    """The source files directly inside `folder`, sorted by name."""
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
        and not p.name.endswith(OVERRIDES_SUFFIX) and not p.name.startswith(".")
    )


def read_source(path: Path, limits: Limits | None = None, *,
                tables: TableWriter = cells_as_lines, root: Path | None = None) -> SourceDoc:
    """The checked, decoded source document at `path` (a regular file, inside `root` when
    given); `InputError` naming the file otherwise."""
    return source_from_bytes(path, read_bytes(path, (limits or Limits()).max_source_bytes, root),
                             limits, tables=tables)


def source_from_bytes(path: Path, raw: bytes, limits: Limits | None = None, *,
                      tables: TableWriter = cells_as_lines) -> SourceDoc:
    """The source document read from `raw`, the bytes of `path` read once (its `sha256` is
    theirs, so a file rewritten meanwhile cannot be recorded under another text's hash)."""
    limits = limits or Limits()
    suffix = path.suffix.lower()
    reader = reader_for(suffix)
    found = reader(raw, path, tables, limits)
    text, page_starts = _visible(found.text, found.page_starts)
    if not text.strip():
        raise InputError(f"{path}: file has no text; put the press release in it")
    return SourceDoc(path=path, text=text, sha256=hashlib.sha256(raw).hexdigest(),
                     suffix=suffix, source_url=found.source_url, page_starts=page_starts,
                     meta=found.meta)


def _visible(text: str, page_starts: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """`text` without NUL, control and zero-width characters, and its pages' new offsets."""
    if not page_starts:
        return without_invisible(text), ()
    bounds = [*page_starts, len(text)]
    pieces = [without_invisible(text[:bounds[0]])]
    starts = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        starts.append(sum(map(len, pieces)))
        pieces.append(without_invisible(text[start:end]))
    return "".join(pieces), tuple(starts)
