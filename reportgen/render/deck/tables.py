"""Deck tables: rows made from the data layer (targets, sources, facts), paged to fit a slide.

A table longer than its box continues on the next slide with its header repeated; row heights
are estimated from the wrapped text of each cell, so a page never runs off the slide.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportgen import formatting
from reportgen.model import Briefing, Fact
from reportgen.render.deck.figures import figure_text
from reportgen.render.deck.layout import EMU_PER_PT, Rect
from reportgen.render.deck.text import LINE_SPACING, THEME_BODY_FONTS, wrap
from reportgen.text import readable

FONT_SIZE = 12.0
LARGE_FONT_SIZES = (18.0, 16.0, 14.0)  # for tables short enough to fit one slide at one of them
CELL_MARGIN_X = 7.2  # python-pptx / PowerPoint default: 0.1 in left and right
CELL_MARGIN_Y = 3.6  # 0.05 in top and bottom


@dataclass(frozen=True, slots=True)
class TableData:
    """A table's header and rows as text, the facts behind each row, relative column widths."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    fact_ids: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()

    def column_widths(self, total: int) -> list[int]:
        """Column widths in EMU summing to `total`."""
        weights = self.widths or tuple(1.0 for _ in self.header)
        sizes = [int(total * w / sum(weights)) for w in weights]
        sizes[-1] += total - sum(sizes)
        return sizes


def fact_label(fact: Fact, year: int | None = None) -> str:
    """A fact's label with its year (its own, else `year`) when the label lacks it."""
    label = fact.display_label
    label = label[:1].upper() + label[1:]
    year = fact.year or year
    return f"{label} ({year})" if year and str(year) not in label else label


def targets_table(briefing: Briefing) -> TableData:
    """One row per target: area, target figure, year, latest actual and the growth it needs.

    Columns that no row fills are left out (a release without actual figures has no
    "Latest actual" or "Growth needed").
    """
    by_id = {f.id: f for f in briefing.visible_facts}
    rows, ids = [], []
    for target in briefing.targets:
        fact = by_id.get(target.fact_id)
        if fact is None:
            continue
        actual = by_id.get(target.actual_fact_id or "")
        year = target.year or fact.year
        rows.append((
            target_area(target.topic or fact.topic, fact.label or target.metric or fact.metric),
            figure_text(fact),
            str(year or "—"),
            figure_text(actual) + (f" ({actual.year})" if actual.year else "") if actual else "—",
            formatting.yearly_growth(target.growth_needed, "—") if actual else "—",
        ))
        ids.append(tuple(i for i in (fact.id, actual.id if actual else None) if i))
    table = TableData(("Area", "Target", "By", "Latest actual", "Growth needed"), tuple(rows),
                      tuple(ids), (4.0, 2.2, 0.9, 2.6, 2.0))
    return _without_empty_columns(table)


def target_area(topic: str | None, label: str) -> str:
    """What a target is about: its label, with the topic in front when the label lacks it."""
    label = label.strip()
    topic = (topic or "").strip()
    text = label if not topic or topic.casefold() in label.casefold() else f"{topic}: {label}"
    return text[:1].upper() + text[1:] if text else "—"


def _without_empty_columns(table: TableData) -> TableData:
    """The table without the columns where every row shows '—'."""
    keep = [c for c in range(len(table.header))
            if c == 0 or any(row[c] != "—" for row in table.rows)]
    return TableData(tuple(table.header[c] for c in keep),
                     tuple(tuple(row[c] for c in keep) for row in table.rows), table.fact_ids,
                     tuple(table.widths[c] for c in keep))


def sources_table(briefing: Briefing) -> TableData:
    """Where the figures come from: the document, its issuer, date and address (the file and
    its checksum are in the notes and properties, not on a slide)."""
    doc = briefing.document
    shown = len(briefing.visible_facts)
    rows = [
        ("Document", doc.title),
        ("Issued by", doc.issuer or "—"),
        ("Date", formatting.long_date(doc.date) or "—"),
        ("Source", doc.source_url or "the release itself (file and checksum in the notes and "
                                     "the document properties)"),
        ("Figures", f"{shown} figures extracted; each slide's speaker notes quote the source "
                    "sentence of every figure on it"),
    ]
    return TableData(("Item", "Detail"), tuple(rows), tuple(() for _ in rows), (1.0, 5.0))


def figures_table(briefing: Briefing, shown: Sequence[tuple[str, str]] | None = None,
                  years: Mapping[str, int] | None = None) -> TableData:
    """The figures on the slides with their source sentences: a row per sentence.

    `shown` pairs each fact id with the title of the slide showing it, in deck order; without
    it every visible figure is listed. `years` gives years to facts a chart places in one.
    Each row names the figures taken from one sentence,
    the slides they are on, and quotes the sentence, so the deck can be checked without notes.
    """
    by_id = {f.id: f for f in briefing.visible_facts}
    pairs = list(shown) if shown is not None else [(f.id, "") for f in briefing.visible_facts]
    groups: dict[str, tuple[list[Fact], list[str]]] = {}
    for fact_id, title in pairs:
        fact = by_id.get(fact_id)
        if fact is None:
            continue
        sentence = readable(fact.sentence or fact.text, briefing.document.path)
        facts, titles = groups.setdefault(" ".join(sentence.split()), ([], []))
        if fact not in facts:
            facts.append(fact)
        if title and title not in titles:
            titles.append(title)
    rows = tuple(
        ("; ".join(f"{fact_label(f, (years or {}).get(f.id))}: {figure_text(f)}"
                   for f in facts),
         "; ".join(titles) or "—", f"“{sentence}”")
        for sentence, (facts, titles) in groups.items()
    )
    ids = tuple(tuple(f.id for f in facts) for facts, _ in groups.values())
    table = TableData(("Figures", "On slide", "Source sentence"), rows, ids, (3.2, 2.2, 5.6))
    return table if shown is not None else _without_empty_columns(table)


def facts_table(briefing: Briefing) -> TableData:
    """Every visible figure: label, value, year, and the section it is in."""
    titles = {s.id: s.title for s in briefing.sections}
    rows, ids = [], []
    for fact in briefing.visible_facts:
        rows.append((fact_label(fact), figure_text(fact), str(fact.year or "—"),
                     titles.get(fact.section_id or "", "—")))
        ids.append((fact.id,))
    return TableData(("Figure", "Value", "Year", "Section"), tuple(rows), tuple(ids),
                     (4.0, 2.2, 0.9, 3.0))


TABLES: dict[str, Callable[[Briefing], TableData]] = {
    "targets": targets_table,
    "sources": sources_table,
    "facts": facts_table,
    "figures": figures_table,
}


def rows_table(rows: Sequence[Sequence[str]]) -> TableData:
    """A table from literal rows written in deck.yaml (the first row is the header)."""
    header = tuple(rows[0])
    body = tuple(tuple(r) + ("",) * (len(header) - len(r)) for r in rows[1:])
    return TableData(header, tuple(r[: len(header)] for r in body), ())


def row_height(cells: Sequence[str], widths: Sequence[int], size: float = FONT_SIZE,
               bold: bool = False) -> float:
    """The height in points a row needs: its tallest wrapped cell plus the cell margins."""
    lines = max(
        len(wrap(text, w / EMU_PER_PT - 2 * CELL_MARGIN_X, size, bold))
        for text, w in zip(cells, widths, strict=True)
    )
    return lines * size * LINE_SPACING + 2 * CELL_MARGIN_Y


def table_size(table: TableData, rect: Rect) -> float:
    """The font size for a table: the largest at which all of it fits one slide (a three-row
    targets table reads across the room instead of filling a quarter of its slide)."""
    return next((size for size in LARGE_FONT_SIZES if len(paginate(table, rect, size)) == 1),
                FONT_SIZE)


def paginate(table: TableData, rect: Rect, size: float = FONT_SIZE) -> list[list[int]]:
    """Row indices for each page, so that header plus rows fit the height of `rect`."""
    widths = table.column_widths(rect.width)
    room = rect.height / EMU_PER_PT - row_height(table.header, widths, size, bold=True)
    pages: list[list[int]] = [[]]
    used = 0.0
    for index, row in enumerate(table.rows):
        height = row_height(row, widths, size)
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(index)
        used += height
    return pages


def add_table(shapes: Any, table: TableData, rows: Sequence[int], rect: Rect,
              size: float = FONT_SIZE) -> Any:
    """A native table of the header and the given rows, in `rect`, row heights fitted.

    python-pptx adds the table; its column widths, rows and cells are then written as the XML
    python-pptx's setters write (one proxy per property cost more than the rest of the deck's
    tables), and the frame is as tall as its rows, as python-pptx makes it when a row changes.
    """
    from pptx.oxml.ns import qn
    from pptx.util import Emu

    widths = table.column_widths(rect.width)
    heights = [row_height(table.header, widths, size, bold=True)] + [
        row_height(table.rows[i], widths, size) for i in rows
    ]
    total = int(sum(heights) * EMU_PER_PT)
    frame = shapes.add_table(len(rows) + 1, len(table.header), rect.left, rect.top,
                             rect.width, total)
    frame.name = "Table"
    grid = next(frame._element.iter(qn("a:tbl")))
    for column, width in zip(grid.iter(qn("a:gridCol")), widths, strict=True):
        column.set("w", str(Emu(width)))
    row_emus = [int(height * EMU_PER_PT) for height in heights]
    texts = [table.header, *(table.rows[i] for i in rows)]
    for old, cells, emu, bold in zip(list(grid.iter(qn("a:tr"))), texts, row_emus,
                                     [True] + [False] * len(rows), strict=True):
        grid.replace(old, _table_row(cells, len(widths), emu, size, bold))
    frame.height = Emu(sum(row_emus))
    return frame


def _table_row(cells: Sequence[str], columns: int, height: int, size: float, bold: bool) -> Any:
    """A table row element: a wrapped cell of one run per text, at `size`, bold or not, in the
    theme's body fonts; columns past the texts keep python-pptx's empty cell."""
    from pptx.oxml import parse_xml
    from pptx.oxml.ns import nsdecls, qn
    from pptx.util import Pt

    cell = (f'<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/><a:p><a:r>'
            f'<a:rPr sz="{Pt(size).centipoints}" b="{int(bold)}">{THEME_BODY_FONTS}</a:rPr><a:t/>'
            "</a:r></a:p></a:txBody><a:tcPr/></a:tc>")
    empty = "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p/></a:txBody><a:tcPr/></a:tc>"
    xml = cell * len(cells) + empty * (columns - len(cells))
    row = parse_xml(f'<a:tr {nsdecls("a")} h="{height}">{xml}</a:tr>')
    for run, text in zip(row.iter(qn("a:r")), cells, strict=True):
        run.text = text  # python-pptx's setter: it escapes control characters as _x000B_
    return row
