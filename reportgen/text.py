"""Text as a reader sees it: shared by extraction (metric names) and render (quoted sentences).

Below every stage: it imports nothing of reportgen's.
"""

from __future__ import annotations

import re

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
    if not any(mark in text for mark in "#*_-+>`"):
        return text  # most phrases hold no mark: no pattern to run
    return _MARKDOWN_MARKS.sub("", text)


# Characters that are never part of a release's words: NUL and other C0 controls but tab and
# newlines, DEL, and invisible ones (zero-width space, joiners, word joiner, a BOM inside text)
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")


def without_invisible(text: str) -> str:
    """`text` without NUL, control and zero-width characters (kept: tab, newlines)."""
    return _INVISIBLE.sub("", text)


def clip(text: str, limit: int = 300) -> str:
    """`text` on one line and at most `limit` characters ('…' and the count cut when longer)."""
    head = text[: limit * 4]  # a 50 MB message is cut before it is looked at
    flat = " ".join(head.split()) if "\n" in head or "\r" in head else head
    if len(flat) <= limit and len(head) == len(text):
        return flat
    return f"{flat[: limit - 30]}… ({len(text) - limit + 30:,} characters cut)"
