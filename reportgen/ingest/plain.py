"""The reader for plain text and Markdown releases (`.txt`, `.md`): the file decoded as written."""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.config import Limits
from reportgen.ingest.files import decode_text, normalise_newlines
from reportgen.ingest.source import Reading, TableWriter


def read(raw: bytes, path: Path, tables: TableWriter, limits: Limits) -> Reading:
    """The decoded text of a plain or Markdown release (it has no tables to lay out, no URL)."""
    return Reading(unwrap_hard_lines(rejoin_table_rows(normalise_newlines(decode_text(raw, path)))))


# A line that ends a sentence or a heading-like label: its break is a real one
_ENDS_LINE = re.compile(r"[.!?:;\"”’)\]|]\s*$")  # "|": a table row ends its line
_WRAP_WIDTH = 100  # wire copy is wrapped at 60–80 characters; prose lines run far longer
_WRAPPED_SHARE = 0.5


def unwrap_hard_lines(text: str) -> str:
    """`text` with the breaks of hard-wrapped prose made spaces ("… reached 7.1682 trillion
    yuan\\n(866 billion US dollars) in …"), so a sentence is read whole. Only in a text wrapped
    at a fixed width: every line short, and most full lines ending mid-sentence. One character
    for one, so every position in the source stays where it was."""
    lines = text.split("\n")
    widths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(widths) < 8 or max(widths) > _WRAP_WIDTH:
        return text
    full = [line for line in lines if len(line.rstrip()) >= 0.75 * max(widths)]
    open_ended = [line for line in full if not _ENDS_LINE.search(line)]
    if len(open_ended) < _WRAPPED_SHARE * len(full):
        return text
    out = []
    for line, nxt in zip(lines, [*lines[1:], ""], strict=True):
        joins = line.strip() and nxt.strip() and not _ENDS_LINE.search(line)
        out.append(line + (" " if joins else "\n"))
    return "".join(out)[:len(text)]


# A line that holds only a table's bar: a row of a table laid out one cell per line starts
_ROW_START = re.compile(r"^\|[ \t]*$")  # at the line's start: an empty cell's end is "  |"


def rejoin_table_rows(text: str) -> str:
    """`text` with the rows of a "|" table laid out one cell per line ("|\n Total Retail Sales
    |\n 10115.6 |\n …") joined back into one line each, so each row reads as a row. Only where
    such rows are many; one character for one, so every position stays where it was."""
    lines = text.split("\n")
    starts = [k for k, line in enumerate(lines) if _ROW_START.match(line)]
    if len(starts) < 3:
        return text
    joined = set()
    for first, nxt in zip(starts, [*starts[1:], len(lines)], strict=True):
        last = nxt - 1 if nxt < len(lines) else _row_end(lines, first)
        joined.update(range(first, last))  # the break after each of these lines is in the row
    out = "".join(line + (" " if k in joined else "\n") for k, line in enumerate(lines))
    return out[:len(text)]


def _row_end(lines: list[str], first: int) -> int:
    """The last line of the last row: the last line ending with a bar after `first`."""
    last = first
    for k in range(first + 1, len(lines)):
        if not lines[k].rstrip().endswith("|"):
            break
        last = k
    return last
