"""Alt text for charts, written from the data: what is compared, the extremes, the change, targets.

Pure functions of a `ChartSpec`; no matplotlib. Screen-reader users get the numbers a sighted
reader takes from the picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportgen import formatting
from reportgen.model import ChartPoint, ChartSpec

MAX_LISTED = 12
"""Beyond this many values the alt text names the extremes only."""


def alt_text(spec: ChartSpec) -> str:
    """A few sentences describing the chart `spec` with its numbers."""
    describe = _DESCRIBERS.get(spec.kind, _describe_bars)
    return " ".join(part for part in (describe(spec), spec.source_note + ".") if part != ".")


def value_text(point: ChartPoint, unit: str) -> str:
    """The point's value as readers see it: its own text, else its value in `unit`."""
    if point.value_text:
        return point.value_text
    return formatting.quantity(point.value, unit) if math.isfinite(point.value) else "no figure"


def _finite(points: tuple[ChartPoint, ...]) -> list[ChartPoint]:
    return [p for p in points if math.isfinite(p.value)]


def _listing(points: list[ChartPoint], unit: str) -> str:
    """'label: value; …' for the first MAX_LISTED points."""
    shown = points[:MAX_LISTED]
    text = "; ".join(f"{p.label}: {value_text(p, unit)}" for p in shown)
    more = len(points) - len(shown)
    return text + (f"; and {more} more" if more > 0 else "")


def _describe_growth(spec: ChartSpec) -> str:
    """The years compared, the first and last figures, the peak and the change."""
    points = _finite(spec.series[0].points) if spec.series else []
    if len(points) < 2:
        return f"Chart: {spec.title}. {_listing(points, spec.unit)}."
    first, last = points[0], points[-1]
    text = (f"Column chart: {spec.title}. {value_text(first, spec.unit)} in {first.label}, "
            f"{value_text(last, spec.unit)} in {last.label}")
    if len(points) > 2:
        high = max(points, key=lambda p: p.value)
        text += f"; highest {value_text(high, spec.unit)} in {high.label}"
    return text + (f". Change: {spec.subtitle}." if spec.subtitle else ".")


def _describe_bars(spec: ChartSpec) -> str:
    """What is compared, the highest and lowest, (for shares) the total, then every value."""
    points = _finite(spec.series[0].points) if spec.series else []
    if not points:
        return f"Chart: {spec.title}. No figures."
    high = max(points, key=lambda p: p.value)
    low = min(points, key=lambda p: p.value)
    order = "" if spec.kind == "shares" else ", largest first"
    # The subtitle names what the bars share ('Investment in digital projects') or the total.
    about = f" ({spec.subtitle})" if spec.subtitle and spec.kind == "ranking" else ""
    text = (f"Bar chart: {spec.title}{about}, {len(points)} "
            f"{'values' if len(points) != 1 else 'value'}{order}. Highest: {high.label} at "
            f"{value_text(high, spec.unit)}")
    if low is not high:
        text += f"; lowest: {low.label} at {value_text(low, spec.unit)}"
    if spec.kind == "shares":
        total = sum(p.value for p in points)
        text += f"; together {formatting.percent(total)}"
    return text + f". Values: {_listing(points, spec.unit)}."


def _describe_targets(spec: ChartSpec) -> str:
    """Each target with the actual figure beside it where there is one."""
    if not spec.series:
        return f"Chart: {spec.title}. No figures."
    targets = spec.series[0]
    actuals = {p.label: p for p in spec.series[1].points} if len(spec.series) > 1 else {}
    parts = []
    for point in targets.points[:MAX_LISTED]:
        part = f"{point.label}: {value_text(point, spec.unit)}"
        actual = actuals.get(point.label)
        if actual is not None and math.isfinite(actual.value):
            part += f" — latest actual {value_text(actual, spec.unit)}"
        parts.append(part)
    more = len(targets.points) - MAX_LISTED
    listing = "; ".join(parts) + (f"; and {more} more" if more > 0 else "")
    goals = "goal" if len(targets.points) == 1 else "goals"
    return f"Bar chart: {spec.title}, {len(targets.points)} {goals}, largest first. {listing}."


def _describe_system(spec: ChartSpec) -> str:
    """The tiers in order, each with its total and its members' figures."""
    tiers = []
    for series in spec.series:
        members = "; ".join(
            p.label + (f": {value_text(p, spec.unit)}" if math.isfinite(p.value) else "")
            for p in series.points[:MAX_LISTED])
        more = len(series.points) - MAX_LISTED
        members += f"; and {more} more" if more > 0 else ""
        note = f" — {series.note}" if series.note else ""
        tiers.append(f"{series.name}{note}. Members: {members or 'none named'}")
    return (f"Diagram of the industrial system in {len(spec.series)} tiers, "
            f"{' → '.join(s.name for s in spec.series)}. " + ". ".join(tiers) + ".")


_DESCRIBERS: dict[str, Callable[[ChartSpec], str]] = {
    "growth": _describe_growth,
    "ranking": _describe_bars,
    "shares": _describe_bars,
    "targets": _describe_targets,
    "system": _describe_system,
}
