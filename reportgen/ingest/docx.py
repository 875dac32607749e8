"""The reader for Word releases (`.docx`), with python-docx: headings, paragraphs, list items and
tables, in document order.

Each paragraph, heading and list item is one paragraph of the text (blank lines between, as in a
`.txt` release); each table's rows go through the `TableWriter`, as in the HTML reader. The file
is a zip: its directory is checked before anything is unpacked, so a zip bomb (an entry that
unpacks to gigabytes) is refused by its declared sizes, and a file that is not a Word document
(renamed, cut short, random bytes) gets one line saying so. The title in the document's
properties is passed on as metadata; its dates are not (they say when the file was saved, not
when the release was published).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from reportgen.config import Limits
from reportgen.errors import InputError
from reportgen.ingest.source import Reading, TableWriter

_NOT_WORD = "not a Word (.docx) file"
_FIX = "open it in Word and save it as .docx again"


def read(raw: bytes, path: Path, tables: TableWriter, limits: Limits) -> Reading:
    """The text of the Word document in `raw` and the title its properties declare."""
    _check_zip(raw, path, limits)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
        blocks = list(_blocks(document, tables))
        title = document.core_properties.title or ""
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path}: {_NOT_WORD} ({exc}); {_FIX}") from exc
    except Exception as exc:  # broken XML inside the zip: lxml and python-docx raise many kinds
        raise InputError(f"{path}: damaged Word file ({type(exc).__name__}); {_FIX}") from exc
    meta = {"title": " ".join(title.split())} if title.strip() else {}
    return Reading("\n\n".join(blocks) + "\n" if blocks else "", meta=meta)


def _check_zip(raw: bytes, path: Path, limits: Limits) -> None:
    """Refuse what is not a zip, or unpacks beyond `limits.max_unzipped_bytes` by its directory."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise InputError(f"{path}: {_NOT_WORD} (not a zip archive: renamed, cut short or "
                         f"damaged); {_FIX}") from exc
    if not any(e.filename == "word/document.xml" for e in entries):
        raise InputError(f"{path}: {_NOT_WORD} (no word/document.xml inside); {_FIX}")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > limits.max_unzipped_bytes:
        raise InputError(f"{path}: unpacks to {unpacked / 1e6:.0f} MB, over the "
                         f"{limits.max_unzipped_bytes / 1e6:.0f} MB limit (a zip bomb?); save it "
                         "again from Word, or raise limits.max_unzipped_bytes")


def _blocks(document: Any, tables: TableWriter) -> Any:
    """Each paragraph's text, and each table laid out by `tables`, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = " ".join(Paragraph(child, document).text.split())
            if text:
                yield text
        elif tag == "tbl":
            rows = [[" ".join(cell.text.split()) for cell in _unique(row.cells)]
                    for row in Table(child, document).rows]
            laid_out = tables([r for r in rows if any(r)], "").strip()
            if laid_out:
                yield laid_out


def _unique(cells: list[Any]) -> list[Any]:
    """A row's cells with merged cells once (python-docx repeats a cell spanning columns)."""
    seen: list[Any] = []
    for cell in cells:
        if not any(cell._tc is s._tc for s in seen):
            seen.append(cell)
    return seen
