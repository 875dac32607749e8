"""The reader for HTML releases (`.html`, `.htm`): the visible text of the page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reportgen.config import Limits
from reportgen.ingest.files import decode_text, normalise_newlines
from reportgen.ingest.source import Reading, TableWriter, cells_as_lines


def read(raw: bytes, path: Path, tables: TableWriter, limits: Limits) -> Reading:
    """The visible text of the HTML page in `raw` and the canonical URL it declares."""
    return Reading(*html_to_text(normalise_newlines(decode_text(raw, path)), tables))


_BLOCK_TAGS = frozenset(
    [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "title"
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer",
                        "aside", "form", "button", "select", "iframe"})


def _text_extractor(tables: TableWriter) -> Any:
    """An HTML parser that collects visible text and a canonical URL (html.parser loaded lazily)."""
    from html.parser import HTMLParser

    class TextExtractor(HTMLParser):
        """Collects visible text, blank lines between blocks, and a canonical URL if declared."""

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip_depth = 0
            self.title: list[str] = []
            self.in_title = False
            self.url: str | None = None

            self.rows: list[list[str]] | None = None  # the table being read, row by row
            self.cell: list[str] | None = None
            self.caption = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            """Note a canonical URL, enter skipped elements, break lines at blocks."""
            a = dict(attrs)
            if tag == "table" and not self.skip_depth:
                self.rows = []
            elif tag == "tr" and self.rows is not None:
                self.rows.append([])
            elif tag in ("td", "th", "caption") and self.rows is not None:
                self.cell = []
                return
            if tag == "link" and (a.get("rel") or "").lower() == "canonical" and a.get("href"):
                self.url = self.url or a["href"]
            if tag == "meta" and (a.get("property") or "").lower() == "og:url" and a.get("content"):
                self.url = self.url or a["content"]
            if tag == "title":
                self.in_title = True
            elif tag in _SKIP_TAGS:
                self.skip_depth += 1
            if tag in _BLOCK_TAGS:
                self.parts.append("\n\n")

        def handle_endtag(self, tag: str) -> None:
            """Leave skipped elements and the title, break lines at blocks."""
            if tag == "caption" and self.rows is not None and self.cell is not None:
                self.caption = " ".join("".join(self.cell).split())
                self.parts.append("\n\n" + self.caption + "\n\n")
                self.cell = None
                return
            if tag in ("td", "th") and self.rows is not None and self.cell is not None:
                if not self.rows:
                    self.rows.append([])
                self.rows[-1].append(" ".join("".join(self.cell).split()))
                self.cell = None
                return
            if tag == "table" and self.rows is not None:
                self.parts.append("\n\n" + tables(self.rows, self.caption) + "\n\n")
                self.rows, self.caption = None, ""
                return
            if tag == "title":
                self.in_title = False
            elif tag in _SKIP_TAGS and self.skip_depth:
                self.skip_depth -= 1
            if tag in _BLOCK_TAGS:
                self.parts.append("\n\n")

        def handle_data(self, data: str) -> None:
            """Keep visible text (and the title apart)."""
            if self.in_title:
                self.title.append(data)
            elif self.skip_depth:
                return
            elif self.cell is not None:
                self.cell.append(data)
            elif self.rows is None:
                self.parts.append(data)  # (a caption or stray text inside a table is dropped)

    return TextExtractor()


def html_to_text(html: str, tables: TableWriter = cells_as_lines) -> tuple[str, str | None]:
    """The visible text of an HTML page (blocks separated by blank lines) and its canonical URL."""
    parser = _text_extractor(tables)
    parser.feed(html)
    parser.close()
    body = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in body.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = " ".join("".join(parser.title).split())
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return (text + "\n" if text else ""), parser.url
