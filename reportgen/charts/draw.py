"""Draw `ChartSpec`s with matplotlib's object API: one drawer per chart kind, in a registry.

matplotlib is imported inside the functions here, never at module import, so choosing charts
(and the `extract` command) stays light. Layout uses fixed margins computed from the text, in
inches, instead of `tight_layout` (which costs ~0.3 s per eight charts). Output is deterministic:
fixed `svg.hashsalt`, no dates or creator in the metadata.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from reportgen.charts.alt import value_text
from reportgen.charts.measure import (
    BOLD,
    MAX_HEIGHT_IN,
    PT,
    Frame,
    chart_height,
    chart_width,
    footer_extra,
    header_height,
    source_lines,
    text_width_in,
    wrap,
    wrap_whole,
)
from reportgen.errors import ChartError
from reportgen.formatting import change, number, scaled
from reportgen.model import ChartPoint, ChartSpec
from reportgen.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

Drawer = Callable[[ChartSpec, Theme], "Figure"]

MAX_ARROW_COLUMNS = 6
"""Beyond this many columns a change arrow crosses too many labels."""
MIN_BAR_HEIGHT_IN = 2.6
MIN_ROW_IN = 0.42
"""Few bars get rows this tall at most, so three bars do not fill a page."""
SVG_METADATA = {"Date": None, "Creator": None}
PNG_METADATA = {"Software": None}

# --- the frame shared by every chart: title, subtitle, source note ---------------------------


def new_figure(spec: ChartSpec, theme: Theme, height: float | None = None,
               bottom: float = 0.3) -> tuple[Figure, Frame]:
    """A figure with the spec's title, subtitle and source note drawn, and its free frame."""
    from matplotlib.figure import Figure

    width, height = chart_width(spec, theme), chart_height(spec, theme, height)
    fig = Figure(figsize=(width, height), dpi=theme.chart_dpi)
    y = height - 0.12
    text_w = width - 0.3
    title = wrap_whole(spec.title, text_w, theme.chart_title_size * BOLD)
    fig.text(0.15 / width, y / height, title, fontsize=theme.chart_title_size, weight="bold",
             va="top", ha="left", color=theme.text, family=_heading_families(theme))
    y -= (title.count("\n") + 1) * theme.chart_title_size * 1.25 * PT
    if spec.subtitle:
        fig.text(0.15 / width, y / height, wrap_whole(spec.subtitle, text_w,
                                                      theme.chart_font_size),
                 fontsize=theme.chart_font_size, va="top", ha="left", color=theme.muted)
    if spec.source_note:
        fig.text(0.15 / width, 0.07 / height, source_lines(spec, theme), linespacing=1.3,
                 fontsize=theme.chart_small_size, va="bottom", ha="left", color=theme.muted)
    return fig, Frame(width, height, header_height(spec, theme), bottom + footer_extra(spec, theme))


def _heading_families(theme: Theme) -> list[str]:
    """The heading font, then the fallbacks `house_style` found installed."""
    import matplotlib

    families = list(matplotlib.rcParams["font.family"])
    return [theme.heading_font_family, *families[1:]]


def _plain_axes(ax: Axes, theme: Theme) -> None:
    """No spines, no ticks: values are labelled on the marks themselves."""
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(length=0, labelsize=theme.chart_font_size, colors=theme.text)
    ax.set_facecolor(theme.background)


# --- growth: columns over years, the change and the annual rate -----------------------------


def draw_growth(spec: ChartSpec, theme: Theme, shared_high: float = 0.0) -> Figure:
    """Columns of one metric over years, the latest dark, an arrow carrying the change; the
    value axis reaches at least `shared_high`, the top of the other growth charts in its unit,
    so charts that sit side by side are drawn on one scale."""
    points = list(spec.series[0].points) if spec.series else []
    fig, frame = new_figure(spec, theme, bottom=0.55)
    ax = fig.add_axes(frame.axes_rect(0.25, 0.25))
    _plain_axes(ax, theme)
    values = [p.value if math.isfinite(p.value) else 0.0 for p in points]
    xs = list(range(len(points)))
    colours = [theme.light] * max(0, len(points) - 1) + [theme.colour(0)] * min(1, len(points))
    ax.bar(xs, values, width=0.6, color=colours, zorder=2)
    low, high = min(values + [0.0]), max(values + [0.0, shared_high])
    span = (high - low) or 1.0
    slot_in = (frame.width - 0.5) / max(1, len(points))
    _label_columns(ax, points, values, spec.unit, slot_in, theme)
    arrow = 2 <= len(points) <= MAX_ARROW_COLUMNS and min(values) > 0 and all(
        math.isfinite(p.value) for p in points)
    headroom = 0.45 if arrow else 0.22
    ax.set_ylim(low - (0.22 * span if low < 0 else 0), high + headroom * span)
    ax.set_xlim(-0.6, len(points) - 0.4)
    ax.set_xticks(xs, _thinned([p.label for p in points], slot_in, theme.chart_font_size))
    ax.set_yticks([])
    ax.axhline(0, color=theme.muted, linewidth=0.8, zorder=3)
    if arrow:
        _change_arrow(ax, values, span, _change_label(values[0], values[-1], spec.unit), theme)
    return fig


def _label_columns(ax: Axes, points: Sequence[ChartPoint], values: Sequence[float], unit: str,
                   slot_in: float, theme: Theme) -> None:
    """Each column's value above it; when they cannot all fit, the first, last and largest."""
    size = theme.chart_font_size if slot_in > 1.2 else theme.chart_small_size
    labels = [_column_label(p, unit, slot_in, size) for p in points]
    widest = max([text_width_in(line, size) for lbl in labels for line in lbl.split("\n")] + [0])
    last = len(points) - 1
    shown = set(range(len(points)))
    align = dict.fromkeys(shown, "center")
    if widest > slot_in * 0.95:  # crowded: label the ends (kept inside the frame) and the peak
        shown = {0, last, max(range(len(points)), key=lambda i: values[i])}
        labels = [value_text(p, unit) for p in points]
        align.update({0: "left", last: "right"})
    for x in sorted(shown):
        v = values[x]
        shift = {"left": -0.3, "right": 0.3}.get(align[x], 0.0)
        ax.annotate(labels[x], (x + shift, v), xytext=(0, 4 if v >= 0 else -4),
                    textcoords="offset points", ha=align[x], va="bottom" if v >= 0 else "top",
                    fontsize=size, color=theme.text, zorder=3)


def _thinned(labels: list[str], slot_in: float, size: float) -> list[str]:
    """Axis labels with every k-th one kept (always the last) so that none overlap."""
    labels = [wrap(label, max(slot_in * 0.85, 0.5), size) for label in labels]
    widest = max([text_width_in(line, size) for lbl in labels for line in lbl.split("\n")]
                 + [0.0])
    step = max(1, math.ceil(widest * 1.15 / slot_in))
    last = len(labels) - 1
    return [lbl if (last - i) % step == 0 else "" for i, lbl in enumerate(labels)]


def _change_label(old: float, new: float, unit: str) -> str:
    """The change from the first to the last column: '+48.5%', or '+2.1 pp' for percent figures."""
    if unit == "percent":
        delta = new - old
        return f"{'+' if delta >= 0 else '−'}{number(abs(round(delta, 2)))} pp"
    return change(old, new)


def _column_label(point: ChartPoint, unit: str, slot_in: float, size: float) -> str:
    """The value over a column, shortened to its number when the full text is too wide."""
    text = value_text(point, unit)
    if text_width_in(text, size) <= slot_in * 0.95:
        return text
    if not math.isfinite(point.value):
        return "n/a"
    return wrap(text, slot_in * 0.95, size) if unit not in ("yuan", "usd") else scaled(point.value)


def _change_arrow(ax: Axes, values: Sequence[float], span: float, label: str,
                  theme: Theme) -> None:
    """A curved arrow from above the first column's label to above the last one's, the change
    written over it; the plot grows upward to hold them (twice: growing moves the points)."""
    first, last = 0, len(values) - 1
    for _ in range(2):
        lo, hi = ax.get_ylim()
        box = ax.get_position()
        per_in = (hi - lo) / (box.height * ax.figure.get_figheight())  # data units per inch
        width_in = box.width * ax.figure.get_figwidth() * (last - first) / float(
            ax.get_xlim()[1] - ax.get_xlim()[0])
        lift = (6 + theme.chart_font_size * 1.3) * PT * per_in  # clear of the column's label
        start, end = values[first] + lift, values[last] + lift
        top = max(start, end) + (0.125 * width_in + 3 * PT) * per_in  # over the arc's crest
        needed = top + theme.chart_title_size * 1.4 * PT * per_in
        if needed <= hi:
            break
        ax.set_ylim(lo, needed)
    ax.annotate("", xy=(last, end), xytext=(first, start),
                arrowprops={"arrowstyle": "-|>", "color": theme.accent, "linewidth": 1.2,
                            "connectionstyle": "arc3,rad=-0.25", "shrinkA": 0, "shrinkB": 0},
                zorder=4)
    ax.text((first + last) / 2, top, label, ha="center", va="bottom",
            fontsize=theme.chart_title_size, weight="bold", color=theme.accent, zorder=4)


# --- horizontal bars: rankings, targets, shares -------------------------------------------------


@dataclass(frozen=True, slots=True)
class BarRow:
    """One labelled row of a horizontal bar chart and its bars (value, colour, text)."""

    label: str
    bars: tuple[tuple[float, str, str], ...]
    outlined: int = 0
    """How many of the first bars are goals, drawn outlined and hatched, not solid."""


@dataclass(frozen=True, slots=True)
class BarPlan:
    """The rows a bar chart shows (cut to fit the page), their wrapped labels and its height."""

    rows: list[BarRow]
    labels: list[str]
    label_w: float
    height: float


def _bar_plan(spec: ChartSpec, theme: Theme, rows: list[BarRow]) -> BarPlan:
    """The rows that fit `MAX_HEIGHT_IN` (one more says how many are left out) and the height."""
    size = theme.chart_font_size
    labels, label_w = _row_labels(rows, theme)
    lines = max([lbl.count("\n") + 1 for lbl in labels] + [1])
    row_in = max(0.26 * max([len(r.bars) for r in rows] + [1]), lines * size * 1.35 * PT + 0.08)
    head = header_height(spec, theme)
    fits = max(1, int((MAX_HEIGHT_IN - head - 0.45) / row_in))
    hidden = len(rows) - fits + 1 if len(rows) > fits else 0  # one row says how many more
    if hidden:
        rows = rows[:fits - 1]
        labels, label_w = _row_labels([*rows, BarRow(f"… {hidden} more not shown", ())], theme)
    height = max(MIN_BAR_HEIGHT_IN, head + 0.45 + max(row_in * len(labels), MIN_ROW_IN * 3))
    return BarPlan(rows, labels, label_w, height)


def _bar_layout(spec: ChartSpec, theme: Theme, rows: list[BarRow],
                track: float | None = None) -> tuple[Figure, Axes, list[BarRow]]:
    """A figure sized for `rows` with labels left and values at the bar ends."""
    size = theme.chart_font_size
    plan = _bar_plan(spec, theme, rows)
    rows, labels, label_w = plan.rows, plan.labels, plan.label_w
    fig, frame = new_figure(spec, theme, height=plan.height, bottom=0.35)
    ax = fig.add_axes(frame.axes_rect(0.2 + label_w, 0.15))
    _plain_axes(ax, theme)
    _draw_bar_rows(ax, rows, theme, track)
    value_w = max([text_width_in(text, size) for r in rows for _, _, text in r.bars] + [0.3])
    _set_value_limits(ax, rows, (value_w + 0.1) / (frame.width - 0.35 - label_w), track)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xticks([])
    return fig, ax, rows


def _row_labels(rows: list[BarRow], theme: Theme) -> tuple[list[str], float]:
    """The row labels wrapped to at most 36 % of the width, and the width they need (inches)."""
    size, most = theme.chart_font_size, 0.36 * theme.chart_width_in
    needed = max([text_width_in(line, size) for r in rows
                  for line in wrap(r.label, most, size).split("\n")] + [0.3])
    width = min(most, needed)
    return [wrap(r.label, width, size) for r in rows], width


def _draw_bar_rows(ax: Axes, rows: list[BarRow], theme: Theme, track: float | None) -> None:
    """The bars of every row (a pale track to `track` behind each, for shares) and their values."""
    size = theme.chart_font_size
    for y, row in enumerate(rows):
        k = len(row.bars)
        thick = 0.62 / k
        for j, (value, colour, text) in enumerate(row.bars):
            yy = y + (j - (k - 1) / 2) * thick
            if track is not None:
                ax.barh(yy, track, height=thick * 0.9, color=theme.track, zorder=1)
            if not math.isfinite(value):
                _value_label(ax, 0.0, yy, text, theme.muted, size)
                continue
            shown = min(max(value, 0.0), track) if track is not None else value
            if j < row.outlined:  # a goal: an outline to be filled, so never read as achieved
                ax.barh(yy, shown, height=thick * 0.9, facecolor=theme.background,
                        edgecolor=colour, hatch="////", linewidth=1.0, zorder=2)
            else:
                ax.barh(yy, shown, height=thick * 0.9, color=colour, zorder=2)
            end = track if track is not None else value
            _value_label(ax, end, yy, text, theme.text, size, left=value < 0 and track is None)
    ax.axvline(0, color=theme.muted, linewidth=0.8, zorder=3)


def _value_label(ax: Axes, x: float, y: float, text: str, colour: str, size: float,
                 left: bool = False) -> None:
    """`text` just beyond the bar end at `x` (before it, for a negative bar)."""
    ax.annotate(text, (x, y), xytext=(-4 if left else 4, 0), textcoords="offset points",
                va="center", ha="right" if left else "left", fontsize=size, color=colour,
                zorder=3)


def _set_value_limits(ax: Axes, rows: list[BarRow], label_frac: float,
                      track: float | None) -> None:
    """x limits leaving `label_frac` of the width for value labels beyond the longest bars."""
    values = [v for r in rows for v, _, _ in r.bars if math.isfinite(v)]
    if track is not None:
        values.append(track)
    high, low = max(values + [0.0]), min(values + [0.0])
    if high == low:
        high = 1.0
    label_frac = min(label_frac, 0.45)
    right = label_frac if high > 0 else 0.02
    left = label_frac if low < 0 else 0.0
    total = (high - low) / max(0.1, 1 - left - right)
    ax.set_xlim(low - left * total, high + right * total)


def _ranking_rows(spec: ChartSpec, theme: Theme) -> list[BarRow]:
    points = spec.series[0].points if spec.series else ()
    return [BarRow(p.label, ((p.value, theme.colour(0), value_text(p, spec.unit)),))
            for p in points]


def draw_ranking(spec: ChartSpec, theme: Theme) -> Figure:
    """Horizontal bars, largest first, each labelled with its value."""
    fig, _, _ = _bar_layout(spec, theme, _ranking_rows(spec, theme))
    return fig


def _target_rows(spec: ChartSpec, theme: Theme) -> list[BarRow]:
    targets = spec.series[0].points if spec.series else ()
    actual = {p.label: p for p in spec.series[1].points} if len(spec.series) > 1 else {}
    rows = []
    for p in targets:
        bars = [(p.value, theme.series_colour("targets", 0), value_text(p, spec.unit))]
        a = actual.get(p.label)
        if a is not None:
            bars.append((a.value, theme.series_colour("targets", 1), value_text(a, spec.unit)))
        rows.append(BarRow(p.label, tuple(bars), outlined=1))
    return rows


def draw_targets(spec: ChartSpec, theme: Theme) -> Figure:
    """Each target as an outlined, hatched bar labelled "target …" (a goal, not an achievement),
    the latest actual figure as a solid bar beneath it."""
    from matplotlib.patches import Patch

    actual = len(spec.series) > 1 and bool(spec.series[1].points)
    fig, ax, _ = _bar_layout(spec, theme, _target_rows(spec, theme))
    if actual:  # alone, each goal's label says "target"; beside actuals a legend tells them apart
        colour = theme.series_colour("targets", 0)
        handles = [Patch(facecolor=theme.background, edgecolor=colour, hatch="////",
                         label=spec.series[0].name),
                   Patch(color=theme.series_colour("targets", 1), label=spec.series[1].name)]
        ax.legend(handles=handles, loc="lower right", frameon=False, ncol=2,
                  fontsize=theme.chart_small_size, handlelength=1.6, borderaxespad=0.1)
    return fig


def _share_rows(spec: ChartSpec, theme: Theme) -> list[BarRow]:
    points = spec.series[0].points if spec.series else ()
    return [BarRow(p.label, ((p.value, theme.colour(i), value_text(p, "percent")),))
            for i, p in enumerate(points)]


def draw_shares(spec: ChartSpec, theme: Theme) -> Figure:
    """Each share as a bar against a pale track to 100%."""
    fig, _, _ = _bar_layout(spec, theme, _share_rows(spec, theme), track=100.0)
    return fig


# --- the industrial system: tiers as columns of boxes -------------------------------------------


MAX_COLUMN_IN = 2.2
"""Tier columns no wider than this: two tiers make two modest columns, not two slabs."""
MAX_MEMBERS = 7
"""Members shown per tier; more become a '+N more' box."""


@dataclass(frozen=True, slots=True)
class TierText:
    """The wrapped text of one tier: its header and one entry per member box."""

    name: str
    note: str
    members: tuple[str, ...]
    more: int


@dataclass(frozen=True, slots=True)
class SystemPlan:
    """The diagram's geometry in inches: columns, their texts, box heights and the height."""

    col_w: float
    left: float
    arrow_w: float
    texts: list[TierText]
    head_h: float
    box_h: list[float]
    gap: float
    height: float


def _system_plan(spec: ChartSpec, theme: Theme) -> SystemPlan:
    """Where the tiers go and how tall the diagram is (no renderer needed)."""
    tiers = spec.series
    n = max(1, len(tiers))
    arrow_w = 0.22
    col_w = min(MAX_COLUMN_IN, (theme.chart_width_in - 0.3 - arrow_w * (n - 1)) / n)
    left = (theme.chart_width_in - n * col_w - (n - 1) * arrow_w) / 2  # centred
    texts = [_tier_text(t.name, t.note, t.points, col_w - 0.1, theme) for t in tiers]
    small = theme.chart_small_size
    head_h = 0.16 + max([sum(_header_block(t, theme)) for t in texts] + [0.2])
    gap = 0.07
    # Boxes are as tall as the longest text in their own column: a column of bare names stays
    # compact beside one whose boxes carry figures.
    box_h = [0.12 + max([m.count("\n") + 1 for m in t.members] + [1]) * small * 1.35 * PT
             for t in texts]
    stack = max([(len(t.members) + (t.more > 0)) * (h + gap) for t, h in zip(texts, box_h,
                                                                           strict=True)] + [0.3])
    height = header_height(spec, theme) + head_h + 0.12 + stack + 0.3
    return SystemPlan(col_w, left, arrow_w, texts, head_h, box_h, gap,
                      max(MIN_BAR_HEIGHT_IN, height))


def draw_system(spec: ChartSpec, theme: Theme) -> Figure:
    """A diagram: one column per tier (header box, then a box per member with its figure)."""
    plan = _system_plan(spec, theme)
    n = max(1, len(spec.series))
    col_w, left, arrow_w, texts = plan.col_w, plan.left, plan.arrow_w, plan.texts
    head_h, box_h, gap = plan.head_h, plan.box_h, plan.gap
    fig, frame = new_figure(spec, theme, height=plan.height, bottom=0.3)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, frame.width)
    ax.set_ylim(0, frame.height)
    ax.set_axis_off()
    top = frame.height - frame.top
    for i, text in enumerate(texts):
        x = left + i * (col_w + arrow_w)
        _tier_column(ax, text, x, top, col_w, (head_h, box_h[i], gap), theme.colour(i), theme)
        if i < n - 1:
            ax.annotate("", xy=(x + col_w + arrow_w - 0.03, top - head_h / 2),
                        xytext=(x + col_w + 0.03, top - head_h / 2),
                        arrowprops={"arrowstyle": "-|>", "color": theme.muted, "linewidth": 1.2})
    return fig


def _tier_text(name: str, note: str, points: Sequence[ChartPoint], width: float,
               theme: Theme) -> TierText:
    """The tier's header and member texts wrapped to `width`, at most MAX_MEMBERS boxes."""
    size, small = theme.chart_font_size, theme.chart_small_size
    title = wrap(name, width, size * BOLD)
    figure = wrap(note, width, small) if note else ""
    shown = list(points[:MAX_MEMBERS])
    more = len(points) - len(shown)
    if more > 0:
        shown, more = shown[:-1], more + 1
    members = tuple(wrap(p.label, width, small) + ("\n" + wrap(p.value_text, width, small)
                                                    if p.value_text else "") for p in shown)
    return TierText(title, figure, members, more)


def _header_block(text: TierText, theme: Theme) -> tuple[float, float]:
    """The heights in inches of a tier header's name and note."""
    name = (text.name.count("\n") + 1) * theme.chart_font_size * 1.3 * PT
    note = (text.note.count("\n") + 1) * theme.chart_small_size * 1.4 * PT if text.note else 0.0
    return name, note


def _tier_column(ax: Axes, text: TierText, x: float, top: float, width: float,
                 sizes: tuple[float, float, float], colour: str, theme: Theme) -> None:
    """One tier drawn at `x`: a filled header box, then outlined member boxes."""
    from matplotlib.patches import FancyBboxPatch

    head_h, member_h, gap = sizes
    small = theme.chart_small_size
    ax.add_patch(FancyBboxPatch((x, top - head_h), width, head_h, facecolor=colour,
                                boxstyle="round,pad=0,rounding_size=0.05", edgecolor="none"))
    name_h, note_h = _header_block(text, theme)
    middle = top - head_h / 2 + (name_h + note_h) / 2  # the block's top, centred in the box
    ax.text(x + width / 2, middle, text.name, ha="center", va="top", color="white",
            fontsize=theme.chart_font_size, weight="bold", linespacing=1.15)
    if text.note:
        ax.text(x + width / 2, middle - name_h, text.note, ha="center", va="top",
                color="white", fontsize=small, linespacing=1.2)
    y = top - head_h - 0.12
    for member in text.members:
        ax.add_patch(FancyBboxPatch((x, y - member_h), width, member_h,
                                    boxstyle="round,pad=0,rounding_size=0.04",
                                    facecolor=theme.track, edgecolor=colour, linewidth=0.8))
        ax.text(x + width / 2, y - member_h / 2, member, ha="center", va="center",
                fontsize=small, color=theme.text, linespacing=1.35)
        y -= member_h + gap
    if text.more:
        ax.text(x + width / 2, y - member_h / 2, f"+ {text.more} more", ha="center",
                va="center", fontsize=small, color=theme.muted)


# --- the registry and output ------------------------------------------------------------------


DRAWERS: dict[str, Drawer] = {
    "growth": draw_growth,
    "ranking": draw_ranking,
    "targets": draw_targets,
    "shares": draw_shares,
    "system": draw_system,
}
"""The drawer for each chart kind; the only place a kind is connected to its drawing."""

BAR_ROWS: dict[str, Callable[[ChartSpec, Theme], list[BarRow]]] = {
    "ranking": _ranking_rows, "targets": _target_rows, "shares": _share_rows,
}
"""The rows of each horizontal-bar kind, which set its height (`figure_size`)."""


def figure_size(spec: ChartSpec, theme: Theme = DEFAULT_THEME) -> tuple[float, float]:
    """The chart's width and height in inches as its drawer makes it, without drawing it
    (a renderer can lay out the page before the chart is drawn)."""
    drawer_for(spec)  # an unknown kind is the same error here as when drawing
    height: float | None = None
    if spec.kind in BAR_ROWS:
        height = _bar_plan(spec, theme, BAR_ROWS[spec.kind](spec, theme)).height
    elif spec.kind == "system":
        height = _system_plan(spec, theme).height
    return chart_width(spec, theme), chart_height(spec, theme, height)


def drawer_for(spec: ChartSpec) -> Drawer:
    """The drawer registered for `spec.kind`; `ChartError` listing the known kinds if none."""
    try:
        return DRAWERS[spec.kind]
    except KeyError:
        raise ChartError(f"chart {spec.id!r} has unknown kind {spec.kind!r}; "
                         f"known kinds: {', '.join(DRAWERS)}") from None


@contextmanager
def house_style(theme: Theme = DEFAULT_THEME) -> Iterator[None]:
    """matplotlib's rcParams set to the theme for the duration (read when drawing and saving)."""
    import matplotlib
    from matplotlib import font_manager

    installed = frozenset(f.name for f in font_manager.fontManager.ttflist)
    with matplotlib.rc_context(cast(Any, theme.matplotlib_rc(installed))):
        yield


def render(spec: ChartSpec, theme: Theme = DEFAULT_THEME, *, png: bool = True,
           shared_high: float = 0.0) -> tuple[bytes, bytes | None]:
    """The chart's SVG bytes and, if asked, its 2× PNG; call it inside `house_style`
    (`shared_high`: the top of a growth chart's value axis shared with its neighbours)."""
    fig = draw_figure(spec, theme, shared_high)
    return svg_bytes(fig), png_bytes(fig, theme) if png else None


def draw_figure(spec: ChartSpec, theme: Theme, shared_high: float = 0.0) -> Figure:
    """The chart's figure; a growth chart's value axis reaches `shared_high` (the top of the
    growth charts beside it in its unit)."""
    if spec.kind == "growth" and shared_high:
        return draw_growth(spec, theme, shared_high)
    return drawer_for(spec)(spec, theme)


def svg_bytes(fig: Figure) -> bytes:
    """The figure as SVG (text kept as text, no date: the same chart gives the same bytes)."""
    out = io.BytesIO()
    fig.savefig(out, format="svg", metadata=SVG_METADATA)
    return out.getvalue()


def png_bytes(fig: Figure, theme: Theme = DEFAULT_THEME) -> bytes:
    """The figure as PNG at the theme's PNG resolution (2× by default)."""
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=theme.png_dpi, metadata=PNG_METADATA)
    return out.getvalue()
