"""Overlapping the slow parts of one document's build across processes.

A cold build of one document spends most of its time importing matplotlib, WeasyPrint and
python-pptx. With cores to spare, `start_helper` forks a helper that imports matplotlib at
once, then draws the charts and makes the deck, while this process reads the source
(`load_beside`, in a third process) and imports and runs the other renderers (`render_all`).
Without a helper the formats are rendered one after another in this process.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from reportgen.build import stages
from reportgen.config import Config
from reportgen.errors import ReportgenError
from reportgen.formats import render_order

if TYPE_CHECKING:
    from pathlib import Path

    from reportgen.build.freshness import DocumentJob
    from reportgen.build.worker import Companion, ProcessLimits
    from reportgen.charts import ChartAsset
    from reportgen.model import Briefing
    from reportgen.render import RenderResult

Rendered = list[tuple[str, "RenderResult"]]
HELPER_FORMAT = "pptx"  # the deck: made in the helper, which has matplotlib warm for its charts


def process_limits(config: Config) -> ProcessLimits:
    """The time and memory one document's processes may use, from the config's limits."""
    from reportgen.build.worker import ProcessLimits  # forking machinery: only when used

    return ProcessLimits(config.limits.document_timeout_s, config.limits.document_memory_mb)


def start_helper(formats: tuple[str, ...], config: Config) -> Companion | None:
    """With the deck and another format to build: a second process that imports matplotlib
    while this one reads the source, then draws the SVG charts (sent back at
    once), the deck and the PNGs of `charts/`; None when there is no deck or nothing beside it.
    """
    wanted = render_order(formats)
    if HELPER_FORMAT not in wanted or len(wanted) < 2:
        return None
    from reportgen.build.worker import Companion

    return Companion(lambda: stages.warm_charts(config),
                     lambda briefing: _charts_deck_pngs(briefing, config), process_limits(config))


def load_beside(helper: Companion, job: DocumentJob, config: Config,
                snapshot: tuple[Path | None, bytes | None] | None = None) -> Briefing:
    """The briefing, read in a third process that also hands it to `helper`, while this one
    imports the renderers of the other formats (WeasyPrint): three things at once, not two
    after one."""
    import pickle

    from reportgen.build.worker import Background

    fd = helper.input_fd()

    def load() -> Briefing:
        briefing = stages.load_briefing(job.source, config, job.seeds_dir, snapshot)
        with contextlib.suppress(BrokenPipeError), os.fdopen(fd, "wb") as pipe:
            pipe.write(pickle.dumps(briefing))
        return briefing

    loader = Background(load, process_limits(config))
    os.close(fd)  # the loader holds the only copy now: the helper starts when it is closed
    stages.warm_up([f for f in render_order(job.rebuild) if f != HELPER_FORMAT], charts=False)
    briefing: Briefing = loader.result()
    return briefing


def _charts_deck_pngs(briefing: Briefing, config: Config) -> Iterator[Any]:
    """The SVG charts; then the deck and each chart's PNG by id (for `charts/`)."""
    from reportgen.charts import draw_svg_then_png

    drawing = draw_svg_then_png(briefing, config)
    charts = next(drawing)
    yield charts
    # draws a PNG only for non-native kinds
    try:
        deck = stages.render(HELPER_FORMAT, briefing, charts, config)
    except (ReportgenError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 — one line for the report, not a bug report
        raise ReportgenError(stages.render_failure(HELPER_FORMAT, exc, config)) from None
    yield deck, {c.id: c.png for c in next(drawing)} if config.chart_png else {}


def render_all(formats: tuple[str, ...], briefing: Briefing, config: Config, parallel: bool,
               helper: Companion | None = None,
               ) -> tuple[Rendered, tuple[ChartAsset, ...], dict[str, str]]:
    """Each wanted format rendered in memory, the charts drawn for them, and the one-line error
    of each format that failed (the others are still rendered and written).

    The PNGs of `charts/` (three times the cost of the SVGs) are drawn only with the config's
    `chart_png`: no output uses them. With a `helper` (`start_helper`), it draws the SVG
    charts, then makes the deck and the PNGs, while this process lays out the PDF (before the
    charts arrive) and renders the HTML. Without one but with `parallel`, the charts are drawn
    in a second process while this one imports the renderers.
    """
    wanted = render_order(formats)
    failures: dict[str, str] = {}
    if not wanted:
        return [], (), failures
    others = [f for f in wanted if f != HELPER_FORMAT]
    results: Rendered = []
    if helper is not None:  # it has the briefing and draws the charts; the renderers are warm
        drawn = helper.next
        charts_later: Callable[[], tuple[ChartAsset, ...]] = functools.cache(
            lambda: tuple(drawn()))  # the helper's first value, asked for once
        for fmt in sorted(others, key=lambda f: f != "pdf"):  # the PDF first: it need not wait
            _attempt(results, failures, fmt,
                     functools.partial(_render_beside, fmt, briefing, charts_later, config),
                     config)
        try:
            charts = charts_later()
            deck_result, pngs = helper.next()
            results.append((HELPER_FORMAT, deck_result))
        except ReportgenError as exc:
            failures[HELPER_FORMAT] = str(exc)
            charts, pngs = _or_none(charts_later), {}
        return results, with_pngs(charts, pngs), failures
    # no helper: one format, or no deck (`start_helper`), or several documents at once
    try:
        charts = _charts(briefing, config, png=config.chart_png, parallel=parallel,
                         formats=wanted)
    except ReportgenError as exc:
        return [], (), {fmt: str(exc) for fmt in wanted}
    for fmt in wanted:
        _attempt(results, failures, fmt,
                 functools.partial(stages.render, fmt, briefing, charts, config), config)
    return results, charts, failures


def _attempt(results: Rendered, failures: dict[str, str], fmt: str,
             render: Callable[[], RenderResult], config: Config) -> None:
    """Append `fmt`'s rendering to `results`, or its one-line error to `failures` (what a
    library raises, e.g. WeasyPrint on `letter-spacing: 1e9px`, mapped to a line to act on)."""
    try:
        results.append((fmt, render()))
    except ReportgenError as exc:
        failures[fmt] = str(exc)
    except MemoryError:
        raise  # the worker reports the memory limit
    except Exception as exc:  # noqa: BLE001 — one output's failure must not lose the others
        failures[fmt] = stages.render_failure(fmt, exc, config)


def _or_none(charts: Callable[[], tuple[ChartAsset, ...]]) -> tuple[ChartAsset, ...]:
    try:
        return charts()
    except ReportgenError:
        return ()


def _render_beside(fmt: str, briefing: Briefing, charts: Callable[[], tuple[ChartAsset, ...]],
                   config: Config) -> RenderResult:
    """`fmt` rendered with the charts a helper draws: the PDF lays out its pages with
    placeholders of the charts' sizes meanwhile, and takes the charts only to draw them."""
    if fmt != "pdf":
        return stages.render(fmt, briefing, charts(), config)
    from reportgen.charts import chart_placeholders
    from reportgen.render.briefing.pdf import render_pdf

    return render_pdf(briefing, chart_placeholders(briefing, config), config, drawn_later=charts)


def with_pngs(charts: tuple[ChartAsset, ...], pngs: dict[str, bytes | None],
              ) -> tuple[ChartAsset, ...]:
    """`charts` (as the other outputs show them) with the PNG of the same chart from `pngs`."""
    from dataclasses import replace

    return tuple(replace(c, png=pngs.get(c.id)) for c in charts)


def _charts(briefing: Briefing, config: Config, *, png: bool, parallel: bool,
            formats: list[str]) -> tuple[ChartAsset, ...]:
    """The drawn charts; with `parallel`, drawn in a second process while this one imports the
    renderers of `formats` (the matplotlib and WeasyPrint imports overlap)."""
    if not parallel:
        return stages.draw_charts(briefing, config, png=png)
    from reportgen.build.worker import Background

    drawing = Background(lambda: stages.draw_charts(briefing, config, png=png),
                         process_limits(config))
    stages.warm_up(formats, charts=False)
    return tuple(drawing.result())
