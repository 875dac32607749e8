"""The reader for plain text and Markdown releases (`.txt`, `.md`): the file decoded as written."""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.config import Limits
from reportgen.ingest.files import decode_text, normalise_newlines
from reportgen.ingest.source import Reading, TableWriter


def read(raw: bytes, path: Path, tables: TableWriter, limits: Limits) -> Reading:
    """The decoded text of a plain or Markdown release (it has no tables to lay out, no URL)."""
    return Reading(unwrap_hard_lines(normalise_newlines(decode_text(raw, path))))


# A line that ends a sentence or a heading-like label: its break is a real one
_ENDS_LINE = re.compile(r"[.!?:;\"”’)\]]\s*$")
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
