"""Deck tables: rows made from the data layer (targets, sources, facts), paged to fit a slide.

A table longer than its box continues on the next slide with its header repeated; row heights
are estimated from the wrapped text of each cell, so a page never runs off the slide.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportgen.model import Briefing, Fact
from reportgen.render.deck_charts import EMU_PER_PT, Rect, figure_text
from reportgen.render.deck_text import LINE_SPACING, wrap

FONT_SIZE = 12.0
LARGE_FONT_SIZE = 14.0  # for tables short enough to fit one slide at it
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


def fact_label(fact: Fact) -> str:
    """A fact's label with its year when the label lacks it."""
    label = fact.display_label
    label = label[:1].upper() + label[1:]
    return f"{label} ({fact.year})" if fact.year and str(fact.year) not in label else label


def targets_table(briefing: Briefing) -> TableData:
    """One row per target: area, goal, target figure, year, and the latest actual when known."""
    by_id = {f.id: f for f in briefing.visible_facts}
    rows, ids = [], []
    for target in briefing.targets:
        fact = by_id.get(target.fact_id)
        if fact is None:
            continue
        actual = by_id.get(target.actual_fact_id or "")
        area = (target.topic or fact.topic or "").strip()
        rows.append((
            area[:1].upper() + area[1:] if area else "—",
            (target.metric or fact.metric)[:1].upper() + (target.metric or fact.metric)[1:],
            figure_text(fact),
            str(target.year or fact.year or "—"),
            figure_text(actual) + (f" ({actual.year})" if actual and actual.year else "")
            if actual else "—",
        ))
        ids.append(tuple(i for i in (fact.id, actual.id if actual else None) if i))
    table = TableData(("Area", "Goal", "Target", "By", "Latest"), tuple(rows), tuple(ids),
                      (2.2, 3.6, 2.2, 0.9, 2.2))
    return table if any(r[-1] != "—" for r in rows) else _without_last_column(table)


def _without_last_column(table: TableData) -> TableData:
    """The table without its last column (a "latest" column no row fills)."""
    return TableData(table.header[:-1], tuple(r[:-1] for r in table.rows), table.fact_ids,
                     table.widths[:-1])


def sources_table(briefing: Briefing) -> TableData:
    """Where the figures come from: the document, its issuer, date, address and checksum."""
    doc = briefing.document
    shown = len(briefing.visible_facts)
    rows = [
        ("Document", doc.title),
        ("Issued by", doc.issuer or "—"),
        ("Date", doc.date or "—"),
        ("Source", doc.source_url or doc.path),
        ("SHA-256", doc.sha256[:16] + "…"),
        ("Figures", f"{shown} figures extracted; each slide's speaker notes quote the source "
                    "sentence of every figure on it"),
    ]
    return TableData(("Item", "Detail"), tuple(rows), tuple(() for _ in rows), (1.0, 5.0))


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
    """The font size for a table: larger when all of it fits one slide at that size."""
    return LARGE_FONT_SIZE if len(paginate(table, rect, LARGE_FONT_SIZE)) == 1 else FONT_SIZE


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
              font_name: str, size: float = FONT_SIZE) -> Any:
    """A native table of the header and the given rows, in `rect`, row heights fitted."""
    from pptx.util import Emu, Pt

    widths = table.column_widths(rect.width)
    heights = [row_height(table.header, widths, size, bold=True)] + [
        row_height(table.rows[i], widths, size) for i in rows
    ]
    total = int(sum(heights) * EMU_PER_PT)
    frame = shapes.add_table(len(rows) + 1, len(table.header), rect.left, rect.top,
                             rect.width, total)
    frame.name = "Table"
    grid = frame.table
    for col, width in enumerate(widths):
        grid.columns[col].width = Emu(width)
    for r, height in enumerate(heights):
        grid.rows[r].height = Emu(int(height * EMU_PER_PT))
    for r, cells in enumerate([table.header, *(table.rows[i] for i in rows)]):
        for c, text in enumerate(cells):
            frame_ = grid.cell(r, c).text_frame
            frame_.word_wrap = True
            run = frame_.paragraphs[0].add_run()
            run.text = text
            run.font.size, run.font.name = Pt(size), font_name
            run.font.bold = r == 0
    return frame
