"""The shape of a press release: title, date, source URL, sentences, sections, points, topics.

Every span is a pair of character offsets into the decoded source text. Sections are numbered
headings on their own line ("1. …", "II. …", or Markdown "## …"); everything before the first is
section 0, the introduction. Points open a paragraph with an ordinal ("First, …"); topics open a
sentence inside a point with "In terms of X, …" (and the genre's other openers).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from reportgen.extraction import rules
from reportgen.extraction.identity import (
    dates_in,
    find_date,
    find_issuer,
    find_place,
    find_source_url,
    find_title,
)
from reportgen.extraction.ids import slug
from reportgen.model import Point, Section, Span, Topic


@dataclass(frozen=True, slots=True)
class Layout:
    """The structure of one document, before facts are attached."""

    title: str
    date: str | None
    source_url: str | None
    issuer: str | None
    place: str | None
    sentences: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    sections: tuple[Section, ...]

    def paragraph_index(self, pos: int) -> int | None:
        """The index of the first paragraph holding `pos`, by binary search (paragraphs are in
        order), or None; a scan over every paragraph for every sentence was quadratic."""
        i = bisect.bisect_right(self.paragraphs, pos, key=lambda p: p[0]) - 1
        if i > 0 and self.paragraphs[i - 1][1] >= pos:  # touching paragraphs: the first wins
            i -= 1
        if i < 0 or not self.paragraphs[i][0] <= pos <= self.paragraphs[i][1]:
            return None
        return i

    def paragraph_at(self, pos: int) -> Span | None:
        """The first paragraph holding `pos`, or None."""
        i = self.paragraph_index(pos)
        return None if i is None else self.paragraphs[i]


def read_layout(text: str, source_url: str | None = None,
                meta: Mapping[str, str] | None = None) -> Layout:
    """The title, date, source URL, sentences, paragraphs and sections of `text`; the title and
    date the file declares (`meta`, from a saved page's or a PDF's metadata) stand in when the
    text itself has none."""
    paragraphs = tuple(find_paragraphs(text))
    sentences = tuple(s for p in paragraphs for s in split_sentences(text, p))
    headings = find_headings(text, paragraphs)
    meta = meta or {}
    title = find_title(text) or meta.get("title", "")
    opening = " ".join(text[a:b] for a, b in sentences[:3])
    place = find_place(title, opening)
    return Layout(
        title=title,
        date=find_date(text) or _declared_date(meta),
        source_url=source_url or find_source_url(text),
        # no organisation named: the release speaks for the place it is about
        issuer=find_issuer(text) or place,
        place=place,
        sentences=sentences,
        paragraphs=paragraphs,
        sections=tuple(build_sections(text, paragraphs, sentences, headings)),
    )


def _declared_date(meta: Mapping[str, str]) -> str | None:
    """The publication date the file declares, when it is a real YYYY-MM-DD date."""
    declared = meta.get("date", "")
    try:
        return dt.date.fromisoformat(declared).isoformat() if declared else None
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Paragraphs and sentences


def find_paragraphs(text: str) -> list[Span]:
    """Each non-blank line of `text`, trimmed (press releases put one paragraph on a line)."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            trail = len(line) - len(line.rstrip())
            spans.append((match.start() + lead, match.end() - trail))
    return spans


_SENTENCE_END = re.compile(r"[.!?。！？][”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9])"
                           r"|[.!?。！？][”\"’')\]]*$")


_SPACES = re.compile(r"\s*")


def split_sentences(text: str, paragraph: Span) -> list[Span]:
    """The sentences of one paragraph, split at full stops that are not abbreviations."""
    start, end = paragraph
    chunk = text[start:end]
    spans: list[Span] = []
    cursor = 0
    for match in _SENTENCE_END.finditer(chunk):
        if _is_abbreviation(chunk, match.start(), cursor):
            continue
        stop = match.end()
        spans.append((start + cursor, start + stop))
        # the spaces after the stop, matched where they are: slicing the rest of the chunk for
        # every sentence made a long single line quadratic
        cursor = _SPACES.match(chunk, stop).end()  # type: ignore[union-attr]
    if cursor < len(chunk) and chunk[cursor:].strip():
        spans.append((start + cursor, end))
    return spans


_LAST_WORD = re.compile(r"(?<![A-Za-z0-9])([A-Za-z.]+)$")


def _is_abbreviation(chunk: str, dot: int, sentence_start: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or a heading number, not a sentence."""
    if chunk[dot] != ".":
        return False
    word = _LAST_WORD.search(chunk, sentence_start, dot)
    if word:
        token = word.group(1).lower().strip(".")
        if token in rules.ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return True
    head = chunk[sentence_start:dot].strip()
    return bool(re.fullmatch(r"[0-9]{1,2}|[IVX]{1,4}", head))  # "1. The construction …"


# ---------------------------------------------------------------------------------------------
# Title, date, source URL


# The two patterns below are compiled on first use: only a document without a full date needs
# them.


# ---------------------------------------------------------------------------------------------
# Sections, points, topics

_HEADING = re.compile(r"^(?:#{1,6}\s*)?(?:(?P<num>[0-9]{1,2}|[IVX]{1,4})[.、)]"
                      r"|Part\s+(?P<part>[0-9]{1,2})[.:])\s+(?P<title>\S.*)$")
_MD_HEADING = re.compile(r"^#{2,6}\s+(?P<title>\S.*)$")


def find_headings(text: str, paragraphs: tuple[Span, ...]) -> list[tuple[int, str, Span]]:
    """The section headings: (number, title, span of the heading line).

    Numbered headings ("1. …", "II. …", "## …") when the release has them; otherwise short
    title-like lines standing alone between paragraphs ("Review of 2023", "Main targets").
    """
    return _numbered_headings(text, paragraphs) or _plain_headings(text, paragraphs)


def _numbered_headings(text: str, paragraphs: tuple[Span, ...]) -> list[tuple[int, str, Span]]:
    headings: list[tuple[int, str, Span]] = []
    for start, end in paragraphs:
        line = text[start:end]
        match = _HEADING.match(line)
        if match and _looks_like_heading(match.group("title")):
            raw = match.group("num") or match.group("part")
            number = int(raw) if raw.isdigit() else rules.ROMAN_NUMERALS.get(raw, 0)
            if number == len(headings) + 1:
                headings.append((number, match.group("title").strip(), (start, end)))
            continue
        md = _MD_HEADING.match(line)
        if md and start > 0:
            headings.append((len(headings) + 1, md.group("title").strip(), (start, end)))
    return headings


def _looks_like_heading(title: str) -> bool:
    """A heading is short and ends neither a sentence nor a list item ("…;", "…,")."""
    return (len(title) <= 160 and len(title.split()) <= 22
            and not title.rstrip().endswith((".", ";", ",", "；", "，", "。")))


_PLAIN_HEADING_WORDS = 10


def _plain_headings(text: str, paragraphs: tuple[Span, ...]) -> list[tuple[int, str, Span]]:
    """Unnumbered headings: at least two short lines, each followed by a longer paragraph.

    The first line (the title) and lines holding a date, a URL or a list marker are not
    headings; a single such line is not structure either, so it takes two.
    """
    found: list[tuple[int, str, Span]] = []
    for (start, end), (next_start, next_end) in zip(paragraphs[1:], paragraphs[2:], strict=False):
        line = text[start:end]
        if _is_plain_heading(line) and len(text[next_start:next_end].split()) > len(line.split()):
            found.append((len(found) + 1, line.strip(), (start, end)))
    return found if len(found) >= 2 else []


def _is_plain_heading(line: str) -> bool:
    words = line.split()
    return (0 < len(words) <= _PLAIN_HEADING_WORDS and line[:1].isupper()
            and not re.search(r"[.;:,!?。；：，！？)）]$", line.strip())
            and not re.search(r"https?://|[0-9]{1,2}[.)、]\s", line)
            and not dates_in(line) and not re.search(r"[0-9][0-9,.]*\s*%|[0-9]{5,}", line))


def build_sections(text: str, paragraphs: tuple[Span, ...], sentences: tuple[Span, ...],
                   headings: list[tuple[int, str, Span]]) -> list[Section]:
    """Section 0 (the introduction) and one section per heading, with their points."""
    end = len(text.rstrip())
    starts = [h[2][0] for h in headings] + [end]
    sections = []
    intro_end = starts[0]
    if intro_end > 0 and text[:intro_end].strip():
        intro = (0, len(text[:intro_end].rstrip()))
        sections.append(Section("intro", 0, "Introduction", intro,
                                points=_points(text, paragraphs, sentences, intro, "intro")))
    for i, (number, title, heading) in enumerate(headings):
        span = (heading[0], len(text[:starts[i + 1]].rstrip()))
        sid = f"s{number}"
        sections.append(Section(sid, number, title, span,
                                points=_points(text, paragraphs, sentences, span, sid)))
    return sections


_ORDINAL_RE = re.compile(
    r"^(" + "|".join(sorted(rules.POINT_ORDINALS, key=len, reverse=True)) + r")\s*[,，:]\s*",
    re.IGNORECASE,
)


def _points(text: str, paragraphs: tuple[Span, ...], sentences: tuple[Span, ...],
            section: Span, section_id: str) -> tuple[Point, ...]:
    """The ordinal points ("First, …") inside a section, each with its topics."""
    inside = [p for p in paragraphs if section[0] <= p[0] and p[1] <= section[1]]
    opening = [(i, p) for i, p in enumerate(inside) if _ORDINAL_RE.match(text[p[0]:p[1]])]
    points = []
    for k, (i, para) in enumerate(opening):
        last = opening[k + 1][0] - 1 if k + 1 < len(opening) else i
        span = (para[0], inside[last][1])
        match = _ORDINAL_RE.match(text[para[0]:para[1]])
        assert match is not None
        ordinal = k + 1
        pid = f"{section_id}-p{ordinal}"
        first_sentence = next((s for s in sentences if s[0] == para[0]), para)
        title = _point_title(text[para[0] + match.end():first_sentence[1]])
        topics = _topics(text, sentences, span, pid)
        points.append(Point(pid, ordinal, span, title, topics=topics))
    return tuple(points)


def _point_title(sentence: str) -> str:
    """A point's title: its opening sentence without the ordinal, capitalised, no full stop."""
    title = sentence.strip().rstrip(".")
    return title[:1].upper() + title[1:]


_TOPIC_RE = re.compile(r"^(?:" + "|".join(re.escape(o) for o in rules.TOPIC_OPENERS)
                       + r")\s+(?:the\s+)?(?P<name>[^,，;]{2,80})[,，]")


def _topics(text: str, sentences: tuple[Span, ...], point: Span,
            point_id: str) -> tuple[Topic, ...]:
    """The "In terms of X, …" passages inside a point: each runs to the next topic or the end."""
    opens = []
    for s, e in sentences:
        if point[0] <= s < point[1]:
            match = _TOPIC_RE.match(text[s:e])
            if match:
                opens.append((s, match.group("name").strip()))
    topics = []
    seen: set[str] = set()
    for k, (s, name) in enumerate(opens):
        stop = opens[k + 1][0] if k + 1 < len(opens) else point[1]
        stop = len(text[:stop].rstrip())
        tid = f"{point_id}-{slug(name, 40)}"
        while tid in seen:
            tid += "-x"
        seen.add(tid)
        topics.append(Topic(tid, name, (s, stop)))
    return tuple(topics)
