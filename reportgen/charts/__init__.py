"""Charts: choose `ChartSpec`s from the data layer (`select`), draw them with matplotlib (`draw`).

`choose_charts` imports nothing heavy; `draw_charts` imports matplotlib on first use.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from reportgen.charts.alt import alt_text
from reportgen.charts.select import choose_charts, plan_charts
from reportgen.charts.select.common import MAX_PLOTTABLE, ChartDecision, ChartPlan, plottable
from reportgen.config import Config
from reportgen.model import Briefing, ChartSpec

__all__ = [
    "ChartAsset", "ChartDecision", "ChartPlan", "chart_placeholders", "choose_charts",
    "draw_charts", "draw_plan",
    "draw_svg_then_png", "plan_charts", "plan_for",
]


@dataclass(frozen=True, slots=True)
class ChartAsset:
    """One drawn chart: its spec, SVG for print and HTML, PNG (2×) for image fallbacks."""

    spec: ChartSpec
    svg: bytes
    png: bytes | None = None

    @property
    def id(self) -> str:
        """The chart's id, also its file stem in `charts/`."""
        return self.spec.id


def plan_for(briefing: Briefing, config: Config | None = None) -> ChartPlan:
    """The briefing's own chart specs if it carries some, else those chosen from its data."""
    if briefing.charts:  # chosen earlier (or by staff); give any without alt text its own
        return ChartPlan(tuple(replace(s, alt_text=s.alt_text or alt_text(s))
                               for s in briefing.charts))
    return plan_charts(briefing, (config or Config()).charts)


def draw_charts(briefing: Briefing, config: Config | None = None, *,
                png: bool = True) -> tuple[ChartAsset, ...]:
    """Every chosen chart of the briefing drawn as SVG (and 2× PNG) in the config's theme.

    The PNG is the deck's image fallback and costs about three times the SVG; pass
    `png=False` when nothing will use it. Charts that cannot be drawn are left out;
    `draw_plan` returns the reasons with the charts.
    """
    assets, _ = draw_plan(plan_for(briefing, config), config, png=png)
    return assets


def draw_plan(plan: ChartPlan, config: Config | None = None, *, png: bool = True
              ) -> tuple[tuple[ChartAsset, ...], tuple[ChartDecision, ...]]:
    """The drawn charts of `plan` and every "not charted" decision (the plan's and new ones)."""
    from reportgen.charts.draw import house_style, render

    theme = (config or Config()).theme
    assets: list[ChartAsset] = []
    skipped = list(plan.skipped)
    tops = growth_tops(plan.charts)
    with house_style(theme):
        for spec in plan.charts:
            problem = drawing_problem(spec)
            if problem:
                skipped.append(ChartDecision(spec.id, problem))
                continue
            svg, raster = render(spec, theme, png=png, shared_high=tops.get(spec.unit, 0.0))
            assets.append(ChartAsset(spec, svg, raster))
    return tuple(assets), tuple(skipped)


def growth_tops(specs: Sequence[ChartSpec]) -> dict[str, float]:
    """The highest value of the growth charts of each unit: pages show them side by side, and
    a 1.07 trillion column must never stand taller than a 3.38 trillion one beside it."""
    tops: dict[str, float] = {}
    for spec in specs:
        if spec.kind == "growth":
            values = [p.value for s in spec.series for p in s.points if math.isfinite(p.value)]
            tops[spec.unit] = max([tops.get(spec.unit, 0.0), *values])
    return tops


def draw_svg_then_png(briefing: Briefing, config: Config | None = None,
                      ) -> Iterator[tuple[ChartAsset, ...]]:
    """The charts as SVG; then, when asked for the next value, the same charts with their PNGs.

    Each figure is built once and kept in between, so the PNGs (for `charts/`) cost only
    their rasterising, and a caller can use the SVGs first.
    """
    from reportgen.charts.draw import draw_figure, house_style, png_bytes, svg_bytes

    theme = (config or Config()).theme
    specs = drawable_specs(briefing, config)
    tops = growth_tops(specs)
    with house_style(theme):
        figures = [draw_figure(spec, theme, tops.get(spec.unit, 0.0)) for spec in specs]
        svgs = [svg_bytes(fig) for fig in figures]
        yield tuple(ChartAsset(spec, svg) for spec, svg in zip(specs, svgs, strict=True))
        yield tuple(ChartAsset(spec, svg, png_bytes(fig, theme))
                    for spec, svg, fig in zip(specs, svgs, figures, strict=True))


def chart_placeholders(briefing: Briefing, config: Config | None = None,
                       ) -> tuple[ChartAsset, ...]:
    """The charts `draw_charts` will draw, each as an empty SVG of the chart's size.

    A renderer can lay out its pages with these while the charts are drawn (matplotlib is not
    imported); `render_pdf(drawn_later=...)` then draws the real ones in their place.
    """
    from reportgen.charts.draw import figure_size

    theme = (config or Config()).theme
    specs = drawable_specs(briefing, config)
    return tuple(ChartAsset(spec, _empty_svg(*figure_size(spec, theme))) for spec in specs)


def _empty_svg(width_in: float, height_in: float) -> bytes:
    """An SVG root with matplotlib's size attributes for a figure of this size."""
    w, h = (f"{v * 72:f}".rstrip("0").rstrip(".") for v in (width_in, height_in))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" '
            f'viewBox="0 0 {w} {h}"></svg>').encode("ascii")


def drawable_specs(briefing: Briefing, config: Config | None = None) -> list[ChartSpec]:
    """The specs of the charts `draw_charts` draws, in order (those with a drawing problem are
    left out, as `draw_plan` leaves them out)."""
    return [s for s in plan_for(briefing, config).charts if drawing_problem(s) is None]


def drawing_problem(spec: ChartSpec) -> str | None:
    """Why `spec` cannot make a readable chart (no finite value to show), or None."""
    values = [p.value for s in spec.series for p in s.points]
    if spec.kind == "system":
        return None if any(s.points or s.note for s in spec.series) else "no tier to show"
    if any(math.isfinite(v) and not plottable(v) for v in values):
        return f"a value is larger than {MAX_PLOTTABLE:.0e} in size"
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return "no finite value to plot" if values else "no values"
    if all(v == 0 for v in finite):
        return "every value is zero"
    return None
