"""Native, editable PowerPoint charts built from a `ChartSpec`, and shape-drawn figures.

A chart is built from the spec's own series (python-pptx's `CategoryChartData` writes both the
cached values and the embedded workbook from the same numbers, so "Edit Data" shows them).
Values stay in base units; the number format scales them for reading (`#,##0.0,,,` shows
1073900000000 as 1,073.9 with the axis titled "billion yuan"). The industrial system is drawn
with grouped, editable boxes, and figure tiles with text shapes. python-pptx is imported by the
caller (`reportgen.render.deck`) before any function here runs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportgen import formatting
from reportgen.model import Briefing, ChartSpec, Fact, SystemMember, SystemTier
from reportgen.render.deck_text import LINE_SPACING, Box, fit_size, wrap
from reportgen.theme import Theme

EMU_PER_PT = 12700
_YEAR = re.compile(r"^(19|20)\d\d$")
_SCALES = ((1e12, "trillion", ",,,,"), (1e9, "billion", ",,,"), (1e6, "million", ",,"))


@dataclass(frozen=True, slots=True)
class Rect:
    """A box on the slide in EMU."""

    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """How a chart shows its numbers: an Excel number format and the unit for the axis title."""

    code: str
    unit_label: str


@dataclass(frozen=True, slots=True)
class ChartTable:
    """The spec's data laid out as categories × series (None where a series lacks a category)."""

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]


def chart_table(spec: ChartSpec) -> ChartTable:
    """The spec's series aligned on one category list; growth specs get years as categories."""
    labels = list(dict.fromkeys(p.label for s in spec.series for p in s.points))
    names = [s.name for s in spec.series]
    years_are_series = (
        spec.kind == "growth" and len(names) > 1 and all(_YEAR.match(n) for n in names)
        and not all(_YEAR.match(lbl) for lbl in labels)
    )
    if years_are_series:  # one series per year: turn it round so that years run along the axis
        values = {(s.name, p.label): p.value for s in spec.series for p in s.points}
        return ChartTable(tuple(names), tuple(
            (label, tuple(values.get((n, label)) for n in names)) for label in labels
        ))
    return ChartTable(tuple(labels), tuple(
        (s.name, tuple(next((p.value for p in s.points if p.label == lbl), None) for lbl in labels))
        for s in spec.series
    ))


def number_style(unit: str, values: Sequence[float]) -> NumberStyle:
    """The number format and axis unit for `values` in `unit`."""
    present = [abs(v) for v in values if v is not None and math.isfinite(v) and v != 0]
    if unit == "percent":
        return NumberStyle('0.0"%"' if _has_fraction(values, 0) else '0"%"', "%")
    smallest = min(present, default=0.0)
    scale, word, commas = next(((s, w, c) for s, w, c in _SCALES if smallest >= s), (1, "", ""))
    scaled = [v / scale for v in present]
    decimals = 0 if not _has_fraction(scaled, 0) else (2 if max(scaled, default=0) < 10 else 1)
    code = "#,##0" + ("." + "0" * decimals if decimals else "") + commas
    unit_words = formatting.money(1, unit).split(" ", 1)[-1] if unit in ("yuan", "usd") else unit
    label = f"{word} {unit_words}".strip() if unit != "count" else word
    return NumberStyle(code, label)


def _has_fraction(values: Sequence[float | None], decimals: int) -> bool:
    """Whether any value needs more than `decimals` decimals."""
    return any(v is not None and round(v, decimals) != round(v, decimals + 3) for v in values)


def chart_type_for(spec: ChartSpec, table: ChartTable) -> Any:
    """The `XL_CHART_TYPE` for a spec, or None when the kind has no native form."""
    from pptx.enum.chart import XL_CHART_TYPE

    if spec.kind == "growth":
        by_year = all(_YEAR.match(c) for c in table.categories)
        if by_year and len(table.categories) >= 4:
            return XL_CHART_TYPE.LINE_MARKERS
        return XL_CHART_TYPE.COLUMN_CLUSTERED
    if spec.kind in ("ranking", "targets"):
        return XL_CHART_TYPE.BAR_CLUSTERED
    if spec.kind == "shares":
        values = [v for _, vals in table.series for v in vals if v is not None]
        whole = len(table.series) == 1 and spec.unit == "percent" and abs(sum(values) - 100) < 1.5
        return XL_CHART_TYPE.DOUGHNUT if whole else XL_CHART_TYPE.BAR_CLUSTERED
    return None


def add_native_chart(shapes: Any, spec: ChartSpec, rect: Rect, theme: Theme) -> Any | None:
    """A native chart of `spec` added to `shapes` in `rect`; None if the kind has no native form."""
    from pptx.chart.data import CategoryChartData

    table = chart_table(spec)
    chart_type = chart_type_for(spec, table)
    if chart_type is None or not table.categories:
        return None
    values = [v for _, vals in table.series for v in vals if v is not None]
    style = number_style(spec.unit, values)
    data = CategoryChartData(number_format=style.code)
    data.categories = table.categories
    for name, vals in table.series:
        data.add_series(name, vals, number_format=style.code)
    frame = shapes.add_chart(chart_type, rect.left, rect.top, rect.width, rect.height, data)
    frame.name = f"Chart {spec.id}"
    set_alt_text(frame, spec.alt_text or describe_chart(spec, table, style))
    _style_chart(frame.chart, spec, table, style, theme)
    return frame


def describe_chart(spec: ChartSpec, table: ChartTable, style: NumberStyle) -> str:
    """A plain-language description of a chart's data, for alt text when the spec has none."""
    parts = []
    for name, vals in table.series:
        shown = ", ".join(
            f"{cat} {formatting.quantity(v, spec.unit)}"
            for cat, v in zip(table.categories, vals, strict=True) if v is not None
        )
        parts.append(f"{name}: {shown}" if len(table.series) > 1 else shown)
    return f"{spec.title}. " + "; ".join(parts) + "."


def set_alt_text(shape: Any, text: str) -> None:
    """Set the shape's alt text (the `descr` PowerPoint reads aloud)."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def _style_chart(chart: Any, spec: ChartSpec, table: ChartTable, style: NumberStyle,
                 theme: Theme) -> None:
    """Colours, fonts, labels and axes in the house style."""
    from pptx.enum.chart import XL_LABEL_POSITION, XL_LEGEND_POSITION
    from pptx.util import Pt

    font = chart.font  # each `.font` looks its element up again: once is enough
    font.size = Pt(12)
    font.name = theme.font_family
    font.color.rgb = _rgb(theme.text)
    _set_title(chart, _title_with_unit(spec.title, style), spec.subtitle, theme)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = style.code, False
    labels.font.size = Pt(12)
    kind = chart.chart_type  # worked out from the chart's XML on each look: once here
    chart_type = str(kind)
    is_doughnut = kind is not None and "DOUGHNUT" in chart_type
    if is_doughnut:
        _colour_points(plot, table, theme)
        chart.has_legend = True
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.RIGHT, False
        return
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    if hasattr(plot, "gap_width"):
        plot.gap_width = 60
    for index, series in enumerate(plot.series):
        colour = theme.series_colour(spec.kind, index)  # as the matplotlib chart
        if "LINE" in chart_type:  # a line chart stays one whatever its series look like
            series.format.line.color.rgb = _rgb(colour)
            series.smooth = False
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(colour)
            series.marker.format.line.color.rgb = _rgb(colour)
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(colour)
    chart.has_legend = len(table.series) > 1
    if chart.has_legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    _style_axes(chart, spec, theme)


def _set_title(chart: Any, title: str, subtitle: str, theme: Theme) -> None:
    """A rich-text title: the title bold in the text colour, the subtitle regular and muted.

    Each run and its paragraph carry their own weight and colour, so no renderer has to
    guess (LibreOffice 7.4 still shows a whole chart title in its first run's format).
    """
    chart.has_title = True
    frame = chart.chart_title.text_frame
    frame.text = title
    _format_paragraph(frame.paragraphs[0], 14, bold=True, colour=theme.text)
    if subtitle:
        paragraph = frame.add_paragraph()
        paragraph.add_run().text = subtitle
        _format_paragraph(paragraph, 12, bold=False, colour=theme.muted)


def _format_paragraph(paragraph: Any, size: float, *, bold: bool, colour: str) -> None:
    """Size, weight and colour set on a paragraph's defaults and on each of its runs."""
    from pptx.util import Pt

    for font in (paragraph.font, *(run.font for run in paragraph.runs)):
        font.size, font.bold = Pt(size), bold
        font.color.rgb = _rgb(colour)


def _title_with_unit(title: str, style: NumberStyle) -> str:
    """The chart title with its unit when the numbers are scaled ('…, billion yuan')."""
    if style.unit_label and style.unit_label != "%" and style.unit_label not in title:
        return f"{title} ({style.unit_label})"
    return title


def _colour_points(plot: Any, table: ChartTable, theme: Theme) -> None:
    """Give each slice of a doughnut its own palette colour."""
    for index in range(len(table.categories)):
        point = plot.series[0].points[index]
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(theme.colour(index))


def _style_axes(chart: Any, spec: ChartSpec, theme: Theme) -> None:
    """Light axes: categories readable, the value axis hidden (the data labels carry values)."""
    from pptx.util import Pt

    category_axis, value_axis = chart.category_axis, chart.value_axis
    category_axis.tick_labels.font.size = Pt(12)
    category_axis.format.line.color.rgb = _rgb(theme.grid)
    category_axis.has_major_gridlines = False
    if spec.kind in ("ranking", "targets", "shares"):
        category_axis.reverse_order = True  # first item at the top, as the list reads
    value_axis.visible = False
    value_axis.has_major_gridlines = False
    negative = _any_negative(chart)
    value_axis.minimum_scale = 0 if not negative else None
    if negative:  # names at the left edge, not at zero across the declines' bars
        from pptx.enum.chart import XL_TICK_LABEL_POSITION

        category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW


def _any_negative(chart: Any) -> bool:
    """Whether any plotted value is below zero."""
    return any(v is not None and v < 0 for s in chart.plots[0].series for v in s.values)


def _rgb(colour: str) -> Any:
    """'#1F4E79' → an `RGBColor`."""
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


# ---- shape-drawn figures ---------------------------------------------------------------------


def add_system_diagram(shapes: Any, briefing: Briefing, rect: Rect, theme: Theme,
                       alt_text: str = "") -> tuple[Any, tuple[str, ...]]:
    """The industrial system as a group of editable boxes (a row per tier); and its fact ids."""
    from pptx.enum.shapes import MSO_SHAPE

    tiers = [t for t in briefing.system if t.members or t.count_fact_id or t.total_fact_id]
    drawn: list[Any] = []  # drawn on the slide, then grouped at once (python-pptx re-measures
    used: list[str] = []   # a group on every shape added to it)
    gap = 8 * EMU_PER_PT
    row_h = (rect.height - gap * (len(tiers) - 1)) // max(1, len(tiers))
    label_w = min(rect.width // 4, 3 * 914400)
    for row, tier in enumerate(tiers):
        top = rect.top + row * (row_h + gap)
        colour = theme.colour(row)
        head = _tier_heading(briefing, tier, used)
        drawn.append(_box(shapes, MSO_SHAPE.RECTANGLE, Rect(rect.left, top, label_w, row_h), head,
                          fill=colour, text_colour="#FFFFFF", theme=theme, bold_first=True))
        members = tier.members or ()
        if not members:
            continue
        left = rect.left + label_w + gap
        width = (rect.left + rect.width - left - gap * (len(members) - 1)) // len(members)
        boxes = [Rect(left + i * (width + gap), top, width, row_h) for i in range(len(members))]
        texts = [_member_lines(briefing, member, used) for member in members]
        size = min(fit_size(lines, text_room(box, rounded=True), 16, 7, bold=True) or 7
                   for lines, box in zip(texts, boxes, strict=True))  # one size per row
        for box, lines in zip(boxes, texts, strict=True):
            drawn.append(_box(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, box, lines, fill="#EEF2F6",
                              text_colour=theme.text, theme=theme, outline=colour,
                              bold_first=True, sizes=[size] * len(lines)))
    group = shapes.add_group_shape(drawn)
    group.name = "Industrial system"
    set_alt_text(group, alt_text or describe_system(briefing, tiers))
    return group, tuple(dict.fromkeys(used))


def _member_lines(briefing: Briefing, member: SystemMember, used: list[str]) -> list[str]:
    """A member box's text: its name, then its headline figure when the text gives one."""
    lines = [member.name[:1].upper() + member.name[1:]]
    figure = _fact_text(briefing, member.headline_fact_id, used)
    return [*lines, figure] if figure else lines


def _tier_heading(briefing: Briefing, tier: SystemTier, used: list[str]) -> list[str]:
    """A tier's box text: its name, then its total figure when the text gives one."""
    name = tier.name[:1].upper() + tier.name[1:]
    count = _fact_text(briefing, tier.count_fact_id, used, bare=True)
    total = _fact_text(briefing, tier.total_fact_id, used)
    lines = [f"{count} {tier.name}" if count and not tier.name[:1].isdigit() else name]
    if total:
        lines.append(total)
    return lines


def _fact_text(briefing: Briefing, fact_id: str | None, used: list[str], *,
               bare: bool = False) -> str:
    """A fact's figure as text ('250 billion yuan', 'in 2025: 350 billion yuan'); '' if none."""
    if not fact_id:
        return ""
    try:
        fact = briefing.fact(fact_id)
    except KeyError:
        return ""
    if fact.hidden:
        return ""
    used.append(fact.id)
    if bare:
        return formatting.number(fact.value)
    text = figure_text(fact)
    return f"{text} by {fact.year}" if fact.is_target and fact.year else text


def figure_text(fact: Fact) -> str:
    """A fact's figure for a slide: qualifier words and the value in its unit."""
    words = {"more_than": "over ", "about": "about ", "at_least": "at least ",
             "less_than": "under ", "up_to": "up to "}
    # four significant digits: the tile shows 305.6 billion as the chart's label does, not 306
    shown = (formatting.percent(fact.value, 2) if fact.unit == "percent"
             else formatting.quantity(fact.value, fact.unit, 4))
    return words.get(str(fact.qualifier), "") + shown


def describe_system(briefing: Briefing, tiers: Sequence[SystemTier]) -> str:
    """Alt text for the system diagram: each tier and its members."""
    parts = [
        f"{t.name}: {', '.join(m.name for m in t.members)}" if t.members else t.name for t in tiers
    ]
    return "Diagram of the industrial system. " + "; ".join(parts) + "."


def _box(shapes: Any, kind: Any, rect: Rect, lines: Sequence[str], *, fill: str,
         text_colour: str, theme: Theme, outline: str | None = None,
         bold_first: bool = False, sizes: Sequence[float] | None = None) -> Any:
    """An autoshape with `lines` fitted inside it (or set at `sizes`, one per line).

    python-pptx adds the shape (id, name, geometry, style); its fill, outline and text are then
    written in one piece, as the XML python-pptx's setters write: through its proxies, one
    property at a time, they cost more than all the rest of a figure.
    """
    from pptx.enum.shapes import MSO_SHAPE

    shape = shapes.add_shape(kind, rect.left, rect.top, rect.width, rect.height)
    box = text_room(rect, rounded=kind == MSO_SHAPE.ROUNDED_RECTANGLE)
    size = fit_size(lines, box, 16, 7, bold=bold_first) or 7
    sizes = sizes or [size] * len(lines)
    element = shape._element
    shape_format = _parsed(f"<p:spPr {_NSDECLS}>{_shape_format_xml(fill, outline)}</p:spPr>")
    element.spPr.extend(list(shape_format))
    runs = [(sizes[index], bold_first and index == 0) for index in range(len(lines))]
    text_body = _parsed(_text_body_xml(runs, text_colour))
    for run, line in zip(text_body.iter(_qn("a:r")), lines, strict=True):
        run.text = line  # python-pptx's setter: it escapes control characters as _x000B_
    for latin in text_body.iter(_qn("a:latin")):
        latin.set("typeface", theme.font_family)
    element.replace(element.txBody, text_body)
    return shape


_NSDECLS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)


def _parsed(xml: str) -> Any:
    """The XML parsed into python-pptx's element classes."""
    from pptx.oxml import parse_xml

    return parse_xml(xml)


def _qn(tag: str) -> str:
    """'a:r' → the Clark name lxml uses."""
    from pptx.oxml.ns import qn

    return str(qn(tag))


def _shape_format_xml(fill: str, outline: str | None) -> str:
    """A box's solid fill, outline (1.25 pt, or none) and no shadow, as python-pptx writes them."""
    from pptx.util import Pt

    line = (f'<a:ln w="{int(Pt(1.25))}"><a:solidFill><a:srgbClr val="{_rgb(outline)}"/>'
            "</a:solidFill></a:ln>" if outline else "<a:ln><a:noFill/></a:ln>")
    return f'<a:solidFill><a:srgbClr val="{_rgb(fill)}"/></a:solidFill>{line}<a:effectLst/>'


def _text_body_xml(runs: Sequence[tuple[float, bool]], colour: str) -> str:
    """A box's text body: wrapped, not autofitted, centred, 4 pt insets; a paragraph of one run
    (size, bold) per line, its text and typeface left empty for the caller to set."""
    from pptx.util import Pt

    inset = int(Pt(4))
    paragraphs = "".join(
        f'<a:p><a:pPr algn="ctr"/><a:r><a:rPr sz="{Pt(size).centipoints}" b="{int(bold)}">'
        f'<a:solidFill><a:srgbClr val="{_rgb(colour)}"/></a:solidFill><a:latin/></a:rPr>'
        "<a:t/></a:r></a:p>"
        for size, bold in runs
    ) or '<a:p><a:pPr algn="ctr"/></a:p>'
    return (f'<p:txBody {_NSDECLS}><a:bodyPr rtlCol="0" anchor="ctr" wrap="square" '
            f'lIns="{inset}" rIns="{inset}" tIns="{inset}" bIns="{inset}"><a:noAutofit/>'
            f"</a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody>")


def text_room(rect: Rect, *, rounded: bool = False) -> Box:
    """The room for text in a box shape, in points, with a margin for renderer differences.

    4 pt insets each side; a rounded rectangle also keeps its text clear of the corners
    (DrawingML insets it by 0.29 × the corner radius, 1/6 of the shorter side by default).
    """
    corner = 0.29289 * min(rect.width, rect.height) / 6 / EMU_PER_PT if rounded else 0.0
    width = rect.width / EMU_PER_PT - 8 - 2 * corner
    height = rect.height / EMU_PER_PT - 8 - 2 * corner
    return Box(width * 0.94, height * 0.94)


def add_figure_tiles(shapes: Any, facts: Sequence[Fact], rect: Rect, theme: Theme,
                     label: Callable[[Fact], str]) -> list[Any]:
    """Figure tiles (the figure large, its label under it) laid out in a grid in `rect`."""
    from pptx.enum.shapes import MSO_SHAPE

    if not facts:
        return []
    # columns that give tiles of about 1.6:1 in this box (3 × 2 across a slide, 2 × 2 in a half)
    cols = min(len(facts), max(1, round(math.sqrt(len(facts) * rect.width / rect.height / 1.6))))
    rows = math.ceil(len(facts) / cols)
    gap = 12 * EMU_PER_PT
    width = (rect.width - gap * (cols - 1)) // cols
    height = min((rect.height - gap * (rows - 1)) // rows, width * 3 // 4)
    boxes = [
        Rect(rect.left + col * (width + gap), rect.top + row * (height + gap), width, height)
        for row, col in (divmod(i, cols) for i in range(len(facts)))
    ]
    texts = [(figure_text(f), label(f)) for f in facts]
    sizes = [tile_sizes(figure, text, text_room(boxes[0])) for figure, text in texts]
    same = (min(s[0] for s in sizes), min(s[1] for s in sizes))  # one size for every tile
    tiles = []
    for fact, box, lines in zip(facts, boxes, texts, strict=True):
        tile = _box(shapes, MSO_SHAPE.RECTANGLE, box, lines, fill="#EEF2F6",
                    text_colour=theme.text, theme=theme, bold_first=True, sizes=same)
        tile.text_frame.paragraphs[0].runs[0].font.color.rgb = _rgb(theme.palette[0])
        tile.name = f"Figure {fact.id}"
        tiles.append(tile)
    return tiles


def tile_sizes(figure: str, label: str, box: Box) -> tuple[float, float]:
    """Sizes (pt) for a tile's figure (large) and label (wrapped, smaller) that fit.

    The figure keeps to one line down to 18 pt; a long one ("260 units per 10,000 people")
    then takes two lines rather than shrinking every tile's text to the smallest size.
    """
    tries = [(s, 1) for s in range(28, 17, -1)] + [(s, 2) for s in range(22, 13, -1)] + \
        [(s, 1) for s in range(17, 12, -1)]
    for size, lines in tries:
        if len(wrap(figure, box.width, size, bold=True)) <= lines:
            rest = Box(box.width, box.height - lines * size * LINE_SPACING - size * 0.5)
            label_size = fit_size([label], rest, min(14.0, float(size)), 10)
            if label_size:
                return float(size), label_size
    return 12.0, 8.0
