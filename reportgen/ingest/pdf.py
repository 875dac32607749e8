"""The reader for PDF releases (`.pdf`, text PDFs as government sites publish them).

Two well-kept libraries, each for what it does best (measured on the bundled release printed by
WeasyPrint to 20 pages with running headers, page numbers and hyphenation, on this 2-core
machine; `benchmarks/bench_ingest.py`, docs/sources.md): pypdf opens and checks the file (a PDF,
encrypted or not, its page count before any page is read, its metadata) and PDFium (pypdfium2)
reads each page's text runs with their places and font sizes, in about 0.1 s for the 20 pages
where pypdf's own text extraction took 1.3 s and pdfplumber 3.3 s. All three give the same words.

How the text is rebuilt from the lines pypdf reports, page by page:
- Running headers and footers: a line in the top or bottom 12 % of a page whose text, digits
  aside, comes back on another page's margin; page numbers ("3", "Page 3 of 7", "- 3 -", "3/7")
  in those bands on any page.
- Two columns: a page where several lines start right of the middle is read left column, then
  right column; lines above (a title across both columns) come first, lines below last.
- Paragraphs: a line starts a new paragraph after a gap taller than the usual line spacing, at a
  change of font size (headings), or after a short line ending a sentence. A paragraph that runs
  on over a column or page break is joined.
- Hyphenation: a line ending in a soft hyphen (U+2010, U+00AD) is joined to the next without it;
  with "-", the hyphen is kept after a digit ("250-"), inside a compound ("250-billion-yuan"),
  or when the document writes the word with its hyphen elsewhere ("high-end"), and dropped
  otherwise ("eco-" + "nomy").
- Tables: consecutive lines split into cells by wide gaps are a table; its rows go through the
  `TableWriter`, as in the HTML reader.
- JavaScript, forms and embedded files are never run or read: only the pages' text is used.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.config import Limits
from reportgen.errors import InputError
from reportgen.ingest.source import Reading, TableWriter

MARGIN_BAND = 0.12  # top and bottom share of a page where running headers and footers sit
_PAGE_NUMBER = re.compile(r"(?:page\s*)?#(?:\s*(?:of|/)\s*#)?|[-–—]\s*#\s*[-–—]|#\s*/\s*#",
                          re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;。”\"’)]$")
_SOFT_HYPHENS = ("\u2010", "\u00ad")


@dataclass(slots=True)
class Line:
    """One line of text on a page: where it starts, its font size, and its cells (one cell for
    a line of prose; several, split at wide gaps, for a table row)."""

    x: float
    y: float
    size: float
    cells: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The line's text, cells joined by a space."""
        return " ".join(self.cells)


def read(raw: bytes, path: Path, tables: TableWriter, limits: Limits) -> Reading:
    """The text of the PDF in `raw`, page furniture removed, with the offset where each page
    begins; `InputError` for an encrypted, scanned, oversized or broken PDF."""
    reader = _open(raw, path, limits)
    pages = _page_lines(raw, path)
    if not any(pages):
        raise InputError(f"{path}: no text layer: OCR is not supported; ask the publisher for a "
                         "text PDF or the release as text")
    furniture = _running_lines(pages)
    body = [[ln for ln in page if not _is_furniture(ln, furniture, height)]
            for page, height in zip(pages, _heights(reader), strict=True)]
    text, starts = _join(body, tables, _words(body))
    return Reading(text, page_starts=starts, meta=_meta(reader))


def _open(raw: bytes, path: Path, limits: Limits) -> Any:
    """A pypdf reader over `raw`, checked: a PDF, not encrypted, within the page cap."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not raw.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"{path}: not a PDF (no %PDF header); give the release as PDF, .docx, "
                         ".html or .txt")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise InputError(f"{path}: encrypted PDF; save a copy without a password and use "
                             "that")
        count = _page_count(reader)
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError) as exc:
        raise InputError(f"{path}: not a readable PDF ({_reason(exc)}); it may be damaged or "
                         "cut short: download it again") from exc
    if count > limits.max_pdf_pages:
        raise InputError(f"{path}: PDF has {count} pages, over the limit of "
                         f"{limits.max_pdf_pages}; split it or raise limits.max_pdf_pages")
    if count == 0:
        raise InputError(f"{path}: PDF has no pages; download it again")
    return reader


def _opens_without_password(reader: Any) -> bool:
    """True when an encrypted PDF opens with the empty password (readable, only restricted)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # pypdf raises several kinds (a missing cipher, a bad key)
        return False


def _page_count(reader: Any) -> int:
    """The page count the document declares, read before any page (else the page tree's)."""
    try:
        declared = reader.trailer["/Root"]["/Pages"]["/Count"]
        if isinstance(declared, int) and declared >= 0:
            return int(declared)
    except (KeyError, TypeError, AttributeError):
        pass
    return len(reader.pages)


def _reason(exc: BaseException) -> str:
    """The first line of an exception's message, short."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def _heights(reader: Any) -> list[float]:
    """The height of each page in points."""
    return [float(page.mediabox.height) for page in reader.pages]


def _page_lines(raw: bytes, path: Path) -> list[list[Line]]:
    """The lines of each page in reading order (columns one after the other), read with PDFium
    (pypdfium2): ten times faster than pypdf's own text extraction on the same pages."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(raw)
        return [_reading_order(_lines(_runs(page.get_textpage())), float(page.get_width()))
                for page in document]
    except pdfium.PdfiumError as exc:
        raise InputError(f"{path}: a page cannot be read ({_reason(exc)}); it may be damaged: "
                         "download it again") from exc


def _runs(textpage: Any) -> list[tuple[float, float, float, str, float]]:
    """The page's text runs in content order: (left, baseline, font size, text, right), the
    baseline and size those of the run's first letter (a run's box grows with its letters'
    ascenders and descenders; an opening quote mark may come from another font)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    runs = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left, bottom, right, top)
        if not text.strip():
            continue
        char = _first_letter(textpage, _index_in(textpage, left, bottom, right, top))
        if char is not None and char >= 0 \
                and pdfium_c.FPDFText_GetCharOrigin(textpage.raw, char, x, y):
            baseline, size = y.value, float(pdfium_c.FPDFText_GetFontSize(textpage.raw, char))
        else:
            baseline, size = bottom, top - bottom
        # PDFium marks a hyphen that ends a line as \x02: the joiner decides whether it stays
        text = text.replace("\x02", "-").replace("\ufffe", "-")
        runs.append((left, baseline, size, text.replace("\r", "").replace("\n", ""), right))
    return runs


def _index_in(textpage: Any, left: float, bottom: float, right: float,
              top: float) -> int | None:
    """The index of a character inside the run's box, tried from its left end inwards (a small
    opening quote mark may not lie under the first point tried)."""
    middle = (bottom + top) / 2
    for x in (left + 0.5, left + 3, left + (right - left) * 0.1, (left + right) / 2):
        index = textpage.get_index(x, middle, 2.0, 2.0)
        if index is not None and index >= 0:
            return int(index)
    return None


def _first_letter(textpage: Any, index: int | None) -> int | None:
    """The index of the first letter or digit at or after `index` (within three characters)."""
    if index is None or index < 0:
        return None
    for step in range(3):
        if textpage.get_text_range(index + step, 1).isalnum():
            return index + step
    return index


def _lines(fragments: list[tuple[float, float, float, str, float]]) -> list[Line]:
    """Runs in content order gathered into lines (same baseline), cells split at wide gaps."""
    lines: list[Line] = []
    end = 0.0  # where the last run ends
    for x, y, size, text, right in fragments:
        last = lines[-1] if lines else None
        if last is not None and abs(last.y - y) < max(1.0, 0.3 * size) and x >= last.x:
            if x - end > 1.5 * size:
                last.cells.append(text.strip())
            else:
                last.cells[-1] += text
        else:
            last = Line(x, y, size, [text])
            lines.append(last)
        end = right
    for line in lines:
        line.cells = [" ".join(c.split()) for c in line.cells if c.strip()]
    return [ln for ln in lines if ln.cells]


def _reading_order(lines: list[Line], width: float) -> list[Line]:
    """The lines in reading order: one column top to bottom, or two columns one after the other
    with lines above and below them (a title, a footer) in place."""
    middle = width / 2
    right = [ln for ln in lines if ln.x >= middle * 0.95 and len(ln.cells) == 1]
    left = [ln for ln in lines if ln.x < middle * 0.95]
    if len(right) < 3 or len(left) < 3:
        return lines
    top, bottom = max(ln.y for ln in right), min(ln.y for ln in right)
    # baselines of the two columns need not line up: a line's height of slack either way
    above = [ln for ln in left if ln.y > top + ln.size]
    below = [ln for ln in left if ln.y < bottom - 2 * ln.size]
    beside = [ln for ln in left if ln not in above and ln not in below]
    others = [ln for ln in lines if ln not in right and ln not in left]

    def down(group: list[Line]) -> list[Line]:
        return sorted(group, key=lambda ln: -ln.y)
    return down(above) + down(beside) + down(right) + down(below) + others


def _furniture_key(text: str) -> str:
    """A line's text with each number replaced by '#' (page 2's header matches page 3's)."""
    return re.sub(r"[0-9]+", "#", " ".join(text.split()).lower())


def _in_margin(line: Line, height: float) -> bool:
    return line.y > height * (1 - MARGIN_BAND) or line.y < height * MARGIN_BAND


def _running_lines(pages: list[list[Line]]) -> set[str]:
    """The keys of lines that come back on more than one page (running headers and footers)."""
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_furniture_key(ln.text) for ln in page}:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def _is_furniture(line: Line, running: set[str], height: float) -> bool:
    """True for a running header or footer, or a page number, in a page's top or bottom band."""
    if not _in_margin(line, height):
        return False
    key = _furniture_key(line.text)
    return key in running or bool(_PAGE_NUMBER.fullmatch(key))


def _words(pages: list[list[Line]]) -> set[str]:
    """Every lowercase word (with its inner hyphens) the document writes on one line."""
    return {w for page in pages for ln in page for w in re.findall(r"[a-z]+(?:-[a-z]+)*",
                                                                  ln.text.lower())}


def _join(pages: list[list[Line]], tables: TableWriter, words: set[str]) -> tuple[str, tuple[int,
                                                                                            ...]]:
    """The pages' lines as paragraphs separated by blank lines, and where each page begins."""
    out: list[str] = []  # finished paragraphs
    current = ""
    starts: list[int] = []
    rows: list[list[str]] = []
    previous: Line | None = None
    spacing = _line_spacing(pages)
    typical = _typical_length(pages)

    def offset() -> int:
        return sum(len(p) + 2 for p in out)

    def close() -> None:
        nonlocal current
        if rows:
            table = tables(rows, "").strip()
            if table:
                out.append(table)
            rows.clear()
        if current.strip():
            out.append(current.strip())
        current = ""

    for page in pages:
        page_started = False
        for line in page:
            if len(line.cells) > 1:  # a table row
                if current:
                    close()
                if not page_started:
                    starts.append(offset())
                    page_started = True
                rows.append(line.cells)
                previous = line
                continue
            if rows:
                close()
            if previous is not None and current and _new_paragraph(previous, line, spacing,
                                                                   typical):
                close()
            current = _join_line(current, line.text, words)
            if not page_started:  # the page begins where its first words are written
                starts.append(offset() + len(current.lstrip()) - len(line.text))
                page_started = True
            previous = line
        if not page_started:
            starts.append(offset() + len(current))
    close()
    return "\n\n".join(out) + "\n", tuple(starts)


def _join_line(current: str, nxt: str, words: set[str]) -> str:
    """`current` with the next line of its paragraph appended, hyphenation at the break joined."""
    if not current:
        return nxt
    if current.endswith(_SOFT_HYPHENS):
        return current[:-1] + nxt
    if current.endswith("-"):
        head = re.search(r"(-?)([A-Za-z0-9]+)-$", current)
        tail = re.match(r"[A-Za-z]+", nxt)
        # "250-billion-" + "yuan": the break falls inside a compound, whose hyphens are real
        compound = bool(head and head.group(1))
        if head and tail and not compound and head.group(2)[-1].isalpha() and nxt[0].islower():
            hyphenated = f"{head.group(2)}-{tail.group()}".lower()
            if hyphenated not in words and not _hyphenated_elsewhere(hyphenated, words):
                return current[:-1] + nxt  # "eco-" + "nomy": a break, not a hyphen
        return current + nxt  # "250-" + "billion", "high-" + "end"
    return f"{current} {nxt}"


def _hyphenated_elsewhere(word: str, words: set[str]) -> bool:
    """True when some word of the document holds `word` with its hyphen ("high-end" in
    "high-end-equipment")."""
    return any(word in w for w in words if "-" in w)


def _new_paragraph(previous: Line, line: Line, spacing: dict[float, float], typical: int) -> bool:
    """True when `line` starts a paragraph rather than continuing the one `previous` is in."""
    if abs(previous.size - line.size) > 0.5:
        return True  # a heading and the text after it
    ends_sentence = bool(_SENTENCE_END.search(previous.text))
    gap = previous.y - line.y
    usual = spacing.get(round(line.size, 1), line.size * 1.2)
    if 0 < gap < 6 * usual and abs(previous.x - line.x) < 3 * line.size:  # same column, near
        if gap > usual * 1.3:
            return True
        return ends_sentence and len(previous.text) < typical * 0.8
    # a column or page break: a short line ending a sentence ended its paragraph
    return ends_sentence and len(previous.text) < typical * 0.8


def _line_spacing(pages: list[list[Line]]) -> dict[float, float]:
    """The usual distance between consecutive lines of each font size."""
    gaps: dict[float, list[float]] = {}
    for page in pages:
        for a, b in zip(page, page[1:], strict=False):
            if abs(a.size - b.size) < 0.5 and 0 < a.y - b.y < 3 * a.size:
                gaps.setdefault(round(b.size, 1), []).append(a.y - b.y)
    return {size: statistics.median(found) for size, found in gaps.items()}


def _typical_length(pages: list[list[Line]]) -> int:
    """The usual number of characters on a full line of body text."""
    lengths = sorted(len(ln.text) for page in pages for ln in page if len(ln.cells) == 1)
    return lengths[int(len(lengths) * 0.75)] if lengths else 80


def _meta(reader: Any) -> dict[str, str]:
    """The title the PDF's document information declares, when it has one."""
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # a damaged info dictionary is not worth failing for
        return {}
    return {"title": " ".join(str(title).split())} if title and str(title).strip() else {}
