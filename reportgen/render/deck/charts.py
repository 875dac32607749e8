"""Native, editable PowerPoint charts built from a `ChartSpec`.

A chart is built from the spec's own series (python-pptx's `CategoryChartData` writes both the
cached values and the embedded workbook from the same numbers, so "Edit Data" shows them).
Values stay in base units; each data label is the figure as the shared formatter prints it
("1.0739 trillion yuan", as in the PDF), and the number format scales the workbook's numbers for
reading (`#,##0.0,,,` shows 1073900000000 as 1,073.9). python-pptx is imported by the caller
(`slides`) before any function here runs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportgen import formatting
from reportgen.model import ChartSpec
from reportgen.render.deck.layout import Rect
from reportgen.theme import Theme

_YEAR = re.compile(r"^(19|20)\d\d$")
_SCALES = ((1e12, "trillion", ",,,,"), (1e9, "billion", ",,,"), (1e6, "million", ",,"))


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


def use_theme_fonts(font: Any) -> None:
    """Point a python-pptx `Font` at the theme's body fonts (+mn-lt, +mn-ea, +mn-cs), not at a
    named face, so the chart's text follows the master's theme on any machine."""
    from pptx.oxml.xmlchemy import OxmlElement

    font.name = "+mn-lt"
    latin = font._rPr.latin
    for tag, face in (("a:cs", "+mn-cs"), ("a:ea", "+mn-ea")):  # each lands right after latin
        element = OxmlElement(tag)
        element.set("typeface", face)
        latin.addnext(element)


def _style_chart(chart: Any, spec: ChartSpec, table: ChartTable, style: NumberStyle,
                 theme: Theme) -> None:
    """Colours, fonts, labels and axes in the house style."""
    from pptx.enum.chart import XL_LABEL_POSITION, XL_LEGEND_POSITION
    from pptx.util import Pt

    font = chart.font  # each `.font` looks its element up again: once is enough
    font.size = Pt(12)
    use_theme_fonts(font)
    font.color.rgb = rgb(theme.text)
    is_doughnut = "DOUGHNUT" in str(chart.chart_type)
    # the labels name their unit ("1.0739 trillion yuan"); a doughnut's keep the number format
    _set_title(chart, _title_with_unit(spec.title, style) if is_doughnut else spec.title,
               spec.subtitle, theme)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = style.code, False
    labels.font.size = Pt(12)
    chart_type = str(chart.chart_type)  # worked out from the chart's XML on each look: once
    if is_doughnut:
        _colour_points(plot, table, theme)
        chart.has_legend = True
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.RIGHT, False
        return
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    _label_points(plot, spec, table, theme)
    if hasattr(plot, "gap_width"):
        plot.gap_width = 60
    for index, series in enumerate(plot.series):
        colour = theme.series_colour(spec.kind, index)  # as the matplotlib chart
        if "LINE" in chart_type:  # a line chart stays one whatever its series look like
            series.format.line.color.rgb = rgb(colour)
            series.smooth = False
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = rgb(colour)
            series.marker.format.line.color.rgb = rgb(colour)
        elif spec.kind == "targets" and index == 0:  # goals hatched and outlined, as in the PDF
            _hatch(series.format, colour, theme.background)
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = rgb(colour)
    chart.has_legend = len(table.series) > 1
    if chart.has_legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    _style_axes(chart, spec, theme)


def label_texts(spec: ChartSpec, table: ChartTable) -> list[list[str | None]]:
    """Each cell's label as every output prints the figure ('1.0739 trillion yuan', not
    '1,073.9'), series by series in the table's order; None where the cell is empty."""
    texts: dict[tuple[str, str], str] = {}
    for series in spec.series:
        for p in series.points:
            text = p.value_text or formatting.figure(p.value, spec.unit)
            texts[(series.name, p.label)] = texts[(p.label, series.name)] = text
    return [[texts.get((name, category)) if v is not None else None
             for category, v in zip(table.categories, values, strict=True)]
            for name, values in table.series]


def _label_points(plot: Any, spec: ChartSpec, table: ChartTable, theme: Theme) -> None:
    """Each bar's or marker's label written out by the shared formatter (the values stay numbers
    in the workbook; a label staff want recomputed is reset with "Reset Label Text")."""
    from pptx.util import Pt

    for series, texts in zip(plot.series, label_texts(spec, table), strict=True):
        for index, text in enumerate(texts):
            if text is None:
                continue
            frame = series.points[index].data_label.text_frame
            frame.text = text
            run = frame.paragraphs[0].runs[0]
            run.font.size = Pt(12)
            run.font.color.rgb = rgb(theme.text)


def _hatch(fmt: Any, colour: str, background: str) -> None:
    """A series filled with diagonal hatching in `colour` on `background`, outlined in `colour`:
    a goal, so that it never reads as an achieved figure."""
    from pptx.enum.dml import MSO_PATTERN

    fmt.fill.patterned()
    fmt.fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
    fmt.fill.fore_color.rgb, fmt.fill.back_color.rgb = rgb(colour), rgb(background)
    fmt.line.color.rgb = rgb(colour)
    fmt.line.width = 12700  # 1 pt


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
        font.color.rgb = rgb(colour)


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
        point.format.fill.fore_color.rgb = rgb(theme.colour(index))


def _style_axes(chart: Any, spec: ChartSpec, theme: Theme) -> None:
    """Light axes: categories readable, the value axis hidden (the data labels carry values)."""
    from pptx.util import Pt

    category_axis, value_axis = chart.category_axis, chart.value_axis
    category_axis.tick_labels.font.size = Pt(12)
    category_axis.format.line.color.rgb = rgb(theme.grid)
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


LABEL_ROOM = {"bar": (1.4, 1.9), "column": (1.15, 1.3), "line": (1.15, 1.3)}
"""How far past its longest bar (first) and its deepest decline (second) a chart's value axis
runs, by direction, so that the value labels at the bars' ends stay inside the chart and clear
of the category names ('181.02 billion yuan' beside a horizontal bar needs more room than '20%'
above a column; a decline's label sits between its bar and the names)."""


def set_value_scale(charts: Sequence[tuple[Any, ChartSpec]]) -> None:
    """Fix the value axis of each chart on one slide: the same scale for charts in one unit side
    by side (a 1.07 trillion bar never stands taller than a 3.38 trillion one beside it), and
    room past the longest bar, and past the deepest decline, for the labels at their ends."""
    groups: dict[str, list[Any]] = {}
    for chart, spec in charts:
        direction = _direction(chart)
        if direction:
            groups.setdefault(f"{spec.unit}/{direction}", []).append(chart)
    for key, group in groups.items():
        values = [v for chart in group for s in chart.plots[0].series for v in s.values
                  if v is not None]
        if not values:
            continue
        room, deep = LABEL_ROOM[key.rsplit("/", 1)[1]]
        high, low = max(max(values), 0.0), min(min(values), 0.0)
        for chart in group:
            axis = chart.value_axis
            axis.maximum_scale = high * room if high > 0 else 0.0
            axis.minimum_scale = low * deep if low < 0 else 0.0


def _direction(chart: Any) -> str:
    """'bar' (horizontal), 'column' or 'line' for a chart with a value axis; '' for others."""
    kind = str(chart.chart_type)
    if "DOUGHNUT" in kind or "PIE" in kind:
        return ""
    if "LINE" in kind:
        return "line"
    return "bar" if "BAR" in kind else "column"


def _any_negative(chart: Any) -> bool:
    """Whether any plotted value is below zero."""
    return any(v is not None and v < 0 for s in chart.plots[0].series for v in s.values)


def rgb(colour: str) -> Any:
    """'#1F4E79' → an `RGBColor`."""
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())
