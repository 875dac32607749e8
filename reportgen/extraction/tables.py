"""HTML tables read as sentences: each data row becomes "<label> was <value> <unit>."

The ingest reader lays out a table with the writer it is given; the pipeline gives it
`table_text`, so a table's figures are read by the same rules as prose (units from the row
label's or the column head's "(billion yuan)", "(%)", the time from the caption).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from reportgen.extraction.numbers import find_mentions
from reportgen.extraction.rules import PERIODS, UNIT_MEASURES

_CELL_NUMBER = re.compile(r"[+\-−]?[0-9][0-9,]*(?:\.[0-9]+)?")
_UNIT_NOTE = re.compile(r"\s*[(（]\s*(?P<unit>[^()（）]{1,30}?)\s*[)）]\s*$")


@functools.cache
def _caption_time() -> re.Pattern[str]:
    """The time a table's caption names: "Q1 2024", "first half of 2024", "2023" (compiled when
    a table is first met)."""
    periods = "|".join(re.escape(p) for p, _ in PERIODS)
    return re.compile(rf"(?:\b(?:{periods})\s+(?:of\s+)?)?\b(?:19|20)[0-9]{{2}}\b(?![-–][0-9])",
                      re.IGNORECASE)

# A column head that is a scale and a unit: "Millions of TEUs", "Billion yuan"
_SCALE_HEAD = re.compile(r"(?:in\s+)?(?P<scale>thousand|million|billion|trillion)s?\s+(?:of\s+)?"
                         r"(?P<unit>[A-Za-z][\w ]{0,20})", re.IGNORECASE)

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
    """ "GDP (billion yuan)" → ("GDP", "billion yuan"); "Growth (%)" → ("Growth", "percent");
    "Millions of TEUs" → ("Millions of TEUs", "million TEUs")."""
    scale = _SCALE_HEAD.fullmatch(text.strip())
    if scale:
        unit = f"{scale.group('scale').lower()} {scale.group('unit')}"
        if _is_unit(unit):
            return text, unit
    note = _UNIT_NOTE.search(text)
    if note and note.group("unit").strip().strip("±+") == "%":
        return text[:note.start()].strip(), "percent"
    if not note or not _is_unit(note.group("unit")):
        return text, ""
    unit = note.group("unit").strip()
    return text[:note.start()].strip(), "percent" if unit.strip("±+") == "%" else unit


def _is_unit(words: str) -> bool:
    """True when the extractor reads "1 <words>" as one money, percent or measure figure
    ("billion yuan", "%", "tons"), not a count of things ("Indicator")."""
    text = f"1 {words}"
    found = find_mentions(text)
    return len(found) == 1 and found[0].kind != "count" and found[0].span == (0, len(text))



# ---------------------------------------------------------------------------------------------
# Tables written as text: "Region | GDP (billion yuan) | Growth (%) |" then one row per line


@dataclass(frozen=True, slots=True)
class TextTableRow:
    """A data row of a table written with "|" between cells: its label, each cell's column name
    and unit (from the head row's "(%)", "(billion yuan)", "Millions of TEUs"), and the cells
    that hold no figure of the table's: its label and its ranks."""

    label: str
    columns: tuple[tuple[str, str], ...]
    skip: frozenset[int] = frozenset()
    is_head: bool = False  # the head row: its numbers ("'12-'13 change") are no figures


_SEPARATOR = re.compile(r":?-{2,}:?")
_RANK_HEAD = re.compile(r"(?:rank|ranking|no\.?|#|order|place)", re.IGNORECASE)


def text_table_rows(text: str) -> dict[int, TextTableRow]:
    """Line start → its row, for every row of every "|" table in `text` (a row is a line; the
    first may be the one a title is read from)."""
    rows: dict[int, TextTableRow] = {}
    head: list[tuple[str, str]] | None = None
    unit, total, section = "", "", ""  # the table's "Unit:", its first row, a "By …" part
    if "|" not in text:
        return rows
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):  # blank lines part no table
        start = line.start()
        cells = _cells(line.group())
        noted = _UNIT_ROW.match(cells[0]) if cells else None
        if noted:  # "| Unit: 100 Million Yuan | ||||": the unit of every plain column below
            unit, head, total, section = noted.group(1).strip(), None, "", ""
            rows[start] = TextTableRow("", (), is_head=True)
            continue
        if len(cells) < 3:
            head, unit, total, section = None, "", "", ""
            continue
        if all(_SEPARATOR.fullmatch(c) for c in cells if c):
            continue  # "---|---|": the line under a Markdown table's head
        figures = any(_CELL_NUMBER.fullmatch(c) or _CELL_FIGURE.match(c) for c in cells[1:])
        if not figures:
            rows[start] = TextTableRow("", (), is_head=True)  # no figure of the table's
            if sum(1 for c in cells[1:] if c):  # "Tibet | | |": no data, no header
                head = [_with_table_unit(c, unit) for c in cells]
            elif total and _SECTION_ROW.match(cells[0]):
                section = cells[0]  # "By Location": the rows below break the total down
            continue
        if head is not None and cells[0]:
            row = _row(cells, head)
            total = total or row.label
            if section and row.label != total:  # "City" under "By Location": part of the total
                row = replace(row, label=f"{total}, {row.label}")
            rows[start] = row
    return rows


# a cell holding a figure with its unit ("6934.8 billion yuan", "5.3%")
_CELL_FIGURE = re.compile(r"[+\-−]?[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:%|[A-Za-z])")
_SECTION_ROW = re.compile(r"^(?:By|Of which|Among which|Including|Of this)\b|:$", re.IGNORECASE)
_UNIT_ROW = re.compile(r"^Unit\s*[:：]\s*(.+)$", re.IGNORECASE)
_RATE_HEAD = re.compile(r"\b(?:growth|rate|change|increase|decrease|yoy|y-o-y)\b|%", re.IGNORECASE)


def _with_table_unit(cell: str, unit: str) -> tuple[str, str]:
    """A column head's name and unit; a plain head takes the table's unit, a rate's head
    percent ("Growth Rate over Same Month of Previous Year")."""
    name, own = _split_unit(cell)
    if own or not cell:
        return name, own
    if _RATE_HEAD.search(name):
        return name, "percent" if unit else ""
    return name, unit.lower()


def _row(cells: list[str], head: list[tuple[str, str]]) -> TextTableRow:
    """A data row: labelled by its first cell of words ("1 | Shanghai | …": Shanghai, rank 1)."""
    ranks = {k for k, (name, _) in enumerate(head) if _RANK_HEAD.fullmatch(name.strip())}
    at = next((k for k, c in enumerate(cells) if c and not _CELL_NUMBER.fullmatch(c)), 0)
    return TextTableRow(cells[at], tuple(head), frozenset(ranks | {at}))


def _cells(line: str) -> list[str]:
    """The cells of a "|" row (an outer bar on either side is no cell)."""
    if line.count("|") < 2:
        return []
    parts = [c.strip() for c in line.strip().strip("|").split("|")]
    return parts if len(parts) >= 2 else []


def cell_metric(row: TextTableRow, line: str, offset: int) -> tuple[str, str]:
    """The metric and unit of the figure at `offset` in the row's line: "<label>: <column>";
    the unit "rank" for a figure that is the row's rank or label, no figure of the table's."""
    column = line[:offset].strip().lstrip("|").count("|")
    if column in row.skip or row.is_head:
        return row.label, "rank"
    if not 0 <= column < len(row.columns):
        return row.label, ""
    name, unit = row.columns[column]
    name = re.sub(r"\s*[(（][^()（）]*[)）]\s*", " ", name).strip()
    measure = _table_measure(row.columns)
    if unit and _unit_only(name, unit):
        # "Millions of TEUs": the head is the unit alone, the measure the unit's
        return f"{row.label} {measure}" if measure else row.label, unit
    name = _full_years(_head_in_lower_case(name))
    if measure and _CHANGE_HEAD.search(name):  # "'12-'13 change" beside the TEUs column
        return f"{row.label} {measure} {name}", unit
    return f"{row.label}: {name}" if name else row.label, unit


_CHANGE_HEAD = re.compile(r"\b(?:change|growth|increase|decrease|y-o-y|yoy)\b", re.IGNORECASE)


def _unit_only(name: str, unit: str) -> bool:
    return re.sub(r"\s+of\s+", " ", name.lower().replace("millions", "million")
                  .replace("billions", "billion").replace("thousands", "thousand")) == unit.lower()


def _table_measure(columns: tuple[tuple[str, str], ...]) -> str:
    """What a table's figures measure when a column head is a unit that implies it ("Millions
    of TEUs": container throughput)."""
    for name, unit in columns:
        measure = UNIT_MEASURES.get(unit.split()[-1].lower().rstrip("s"), "") if unit else ""
        if measure and _unit_only(name, unit):
            return measure
    return ""


def _full_years(head: str) -> str:
    """ "'12-'13 change" → "2012-2013 change"."""
    return re.sub(r"(?<![\w])['’]([0-9]{2})\b", r"20\1", head)


def _head_in_lower_case(head: str) -> str:
    """A column head as a name in running text: "Growth Rate of Total Energy Consumption" →
    "growth rate of total energy consumption" (acronyms kept: "GDP")."""
    return " ".join(w if (w.isupper() and len(w) > 1) or _MONTH_WORD.match(w) else w.lower()
                    for w in head.split())


# months keep their capital ("August", "Jan-Aug accumulated")
_MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
