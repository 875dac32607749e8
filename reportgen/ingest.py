"""Read source documents: find them, check them, decode them into the text every span points into.

A `SourceDoc.text` is *the* decoded source text of the whole pipeline:

- `.txt` and `.md`: the file decoded (UTF-8, UTF-8 with BOM, or UTF-16 with BOM), the BOM dropped,
  line endings normalised to `\\n`. Markdown is kept as written; headings keep their `#`.
- `.html` / `.htm`: the visible text of the page, extracted first (scripts, styles and tags
  dropped, entities decoded, block elements separated by blank lines). Spans point into that
  plain text, not into the HTML markup; `SourceDoc.source_url` keeps a canonical URL if the page
  declares one.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.config import Limits
from reportgen.errors import InputError

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")
OVERRIDES_SUFFIX = ".overrides.yaml"


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One source file: its path, decoded text (what spans point into), hash and kind."""

    path: Path
    text: str
    sha256: str
    suffix: str
    source_url: str | None = None


# Marks a reader should not see in a quoted sentence: a bullet at a line's start in any
# release, and Markdown's heading, list and emphasis marks in a Markdown one
_BULLETS = re.compile(r"(?m)^[ \t]*[•·▪●◆■][ \t]*")
_MARKDOWN_MARKS = re.compile(r"(?m)^[ \t]*(?:#{1,6}|[-*+])[ \t]+|\*{1,3}"
                             r"|(?<!\w)_{1,3}(?=\w)|(?<=\w)_{1,3}(?!\w)")


def readable(text: str, path: str) -> str:
    """`text` of the source at `path` as a reader should see it: bullets at line starts dropped,
    and a Markdown release's heading, list and emphasis marks."""
    text = _BULLETS.sub("", text)
    if not path.lower().endswith((".md", ".markdown")):
        return text
    return without_markdown(text)


def without_markdown(text: str) -> str:
    """`text` without Markdown's heading and list marks at line starts and emphasis marks
    ("## Lasers", "- **Lasers.** Sales" → "Lasers", "Lasers. Sales"); snake_case stays."""
    return _MARKDOWN_MARKS.sub("", text)


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


def read_source(path: Path, limits: Limits | None = None) -> SourceDoc:
    """The checked, decoded source document at `path`; `InputError` naming the file otherwise."""
    limits = limits or Limits()
    raw = _read_bytes(path, limits.max_source_bytes)
    text = normalise_newlines(decode_text(raw, path))
    suffix = path.suffix.lower()
    source_url = None
    if suffix in (".html", ".htm"):
        text, source_url = html_to_text(text)
    if not text.strip():
        raise InputError(f"{path}: file has no text; put the press release in it")
    return SourceDoc(path=path, text=text, sha256=hashlib.sha256(raw).hexdigest(),
                     suffix=suffix, source_url=source_url)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, refusing folders, missing files and files over `max_bytes`."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; name a .txt, .md or .html file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
            "for a source; split it or raise limits.max_source_bytes"
        )
    try:
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    if len(raw) > max_bytes:  # the file grew between stat and read
        raise InputError(f"{path}: file is over the {max_bytes / 1e6:.1f} MB limit for a source")
    if not raw.strip():
        raise InputError(f"{path}: file is empty; put the press release in it")
    return raw


def decode_text(raw: bytes, path: Path) -> str:
    """`raw` decoded as UTF-8 (BOM or not) or BOM-marked UTF-16; `InputError` for anything else."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: broken UTF-16 text; save it as UTF-8") from exc
        return _check_text(text.lstrip("\ufeff"), path)
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary data, not text; give a .txt, .md or .html press release")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
        ) from exc
    return _check_text(text, path)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _check_text(text: str, path: Path) -> str:
    """`text` unless it is mostly control characters (binary data that happens to decode)."""
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{path}: binary data, not text; give a .txt, .md or .html press release")
    return text


def normalise_newlines(text: str) -> str:
    """`text` with Windows and old-Mac line endings turned into `\\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------------------------
# HTML → plain text

_BLOCK_TAGS = frozenset(
    [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "title"
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer",
                        "aside", "form", "button", "select", "iframe"})


def _text_extractor() -> Any:
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
                self.parts.append("\n\n" + table_text(self.rows, self.caption) + "\n\n")
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


_CELL_NUMBER = re.compile(r"[+\-−]?[0-9][0-9,]*(?:\.[0-9]+)?")
_UNIT_NOTE = re.compile(r"\s*[(（]\s*(?P<unit>[^()（）]{1,30}?)\s*[)）]\s*$")


@functools.cache
def _caption_time() -> re.Pattern[str]:
    """The time a table's caption names: "Q1 2024", "first half of 2024", "2023" (the period
    words are the extractor's; compiled when a table is first met)."""
    from reportgen.extraction.rules import PERIODS

    periods = "|".join(re.escape(p) for p, _ in PERIODS)
    return re.compile(rf"(?:\b(?:{periods})\s+(?:of\s+)?)?\b(?:19|20)[0-9]{{2}}\b(?![-–][0-9])",
                      re.IGNORECASE)

_PLAIN_HEADERS = frozenset({"value", "amount", "total", "figure", "number", "data", "indicator",
                            "item", "quantity", "volume"})


def table_text(rows: list[list[str]], caption: str = "") -> str:
    """A table as lines a reader (and the extractor) can read: each data row becomes "<label>
    was <value> <unit>; <label> <column> was <value> <unit>." with units from the row label's or
    the column head's "(billion yuan)", "(%)", and the time the caption names ("Major
    indicators, Q1 2024": "… in Q1 2024"). A table without figures keeps its cells as lines."""
    rows = [r for r in rows if any(r)]
    if not rows:
        return ""
    head = rows[0] if len(rows) > 1 and not any(_CELL_NUMBER.fullmatch(c) for c in rows[0]) \
        else []
    body = rows[1:] if head else rows
    if not any(_CELL_NUMBER.fullmatch(c) for row in body for c in row[1:]):
        return "\n\n".join(c for r in rows for c in r if c)
    when = _caption_time().search(caption) if caption else None
    lines = [line for line in (_row_text(row, head, when.group(0) if when else "")
                               for row in body) if line]
    return "\n\n".join(([" / ".join(c for c in head if c)] if head else []) + lines)


def _row_text(row: list[str], head: list[str], when: str) -> str:
    if len(row) < 2 or not row[0] or _CELL_NUMBER.fullmatch(row[0]):
        return " ".join(c for c in row if c)
    label, label_unit = _split_unit(row[0])
    parts = []
    for column, cell in enumerate(row[1:], start=1):
        if not _CELL_NUMBER.fullmatch(cell):
            continue
        name, unit = _split_unit(head[column]) if column < len(head) else ("", "")
        unit = unit or label_unit
        words = "" if name.lower() in _PLAIN_HEADERS or name.lower() in label.lower() \
            else name.lower()
        parts.append(" ".join(p for p in (label, words, "was", cell, unit,
                                          f"in {when}" if when else "") if p))
    if not parts:
        return " ".join(c for c in row if c)
    return "; ".join(parts) + "."


def _split_unit(text: str) -> tuple[str, str]:
    """ "GDP (billion yuan)" → ("GDP", "billion yuan"); "Growth (%)" → ("Growth", "percent")."""
    note = _UNIT_NOTE.search(text)
    if not note or not _is_unit(note.group("unit")):
        return text, ""
    unit = note.group("unit").strip()
    return text[:note.start()].strip(), "percent" if unit == "%" else unit


def _is_unit(words: str) -> bool:
    """True when the extractor reads "1 <words>" as one money, percent or measure figure
    ("billion yuan", "%", "tons"), not a count of things ("Indicator")."""
    from reportgen.extraction.numbers import find_mentions

    text = f"1 {words}"
    found = find_mentions(text)
    return len(found) == 1 and found[0].kind != "count" and found[0].span == (0, len(text))


def html_to_text(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page (blocks separated by blank lines) and its canonical URL."""
    parser = _text_extractor()
    parser.feed(html)
    parser.close()
    body = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in body.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = " ".join("".join(parser.title).split())
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return (text + "\n" if text else ""), parser.url
