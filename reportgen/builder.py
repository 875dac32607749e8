"""The build: every source → `output/<slug>/` {briefing.pdf, briefing.html, deck.pptx, data.json,
charts/, changes.md, manifest.json}, incrementally, in parallel, safely.

`build_all` plans (content hashes, no heavy import), takes the output folder's lock, and runs
`build_document` for each stale document in its own child process. `build_document` reads like
the pipeline: extract → charts → render → write. Outputs are rendered in memory first and
written atomically afterwards, `manifest.json` last.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reportgen.changes import changes_markdown, compare, fact_summary
from reportgen.config import Config, load_config
from reportgen.errors import BuildError
from reportgen.output import (
    atomic_write,
    inside,
    read_manifest,
    remove_stale,
    remove_temporaries,
    write_manifest,
)
from reportgen.plan import CHART_FORMATS, OUTPUT_FILES, DocumentPlan, plan_documents

if TYPE_CHECKING:
    from reportgen.charts import ChartAsset
    from reportgen.model import Briefing
    from reportgen.render import RenderResult
    from reportgen.worker import Companion, Limits, TaskResult

MANIFEST_SCHEMA = "reportgen.manifest/1"
RENDER_ORDER = ("html", "pdf", "pptx")  # json is written from the data layer itself
RENDERERS: dict[str, tuple[str, str]] = {
    "html": ("reportgen.render.html", "render_html"),
    "pdf": ("reportgen.render.pdf", "render_pdf"),
    "pptx": ("reportgen.render.deck", "render_deck"),
}
HEAVY_MODULES: dict[str, tuple[str, ...]] = {
    "charts": ("reportgen.charts.draw",),
    "html": ("reportgen.render.html",),
    "pdf": ("reportgen.render.pdf",),
    "pptx": ("pptx", "reportgen.render.deck"),
}


class DocumentsFailed(BuildError):
    """One or more documents failed; `report` holds every document's result."""

    def __init__(self, report: BuildReport) -> None:
        names = ", ".join(d.slug for d in report.failed)
        super().__init__(f"{len(report.failed)} of {len(report.documents)} documents failed: "
                         f"{names}")
        self.report = report


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What happened to one document: the outputs written, its warnings, or its error."""

    slug: str
    source: str
    formats: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()
    seconds: float = 0.0
    peak_mb: float = 0.0
    error: str | None = None

    @property
    def skipped(self) -> bool:
        """True when the document was already up to date."""
        return not self.formats and self.error is None


@dataclass(frozen=True, slots=True)
class BuildReport:
    """The result of a build: one `DocumentResult` per source, and the time it took."""

    output_dir: Path
    documents: tuple[DocumentResult, ...]
    seconds: float
    manifests: dict[str, dict[str, Any]] = field(default_factory=dict)
    config_warnings: tuple[str, ...] = ()

    @property
    def failed(self) -> tuple[DocumentResult, ...]:
        """The documents that failed."""
        return tuple(d for d in self.documents if d.error is not None)

    @property
    def built(self) -> tuple[DocumentResult, ...]:
        """The documents that were (re)built."""
        return tuple(d for d in self.documents if d.formats and d.error is None)

    @property
    def ok(self) -> bool:
        """True when no document failed."""
        return not self.failed

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data (for a scheduler's task result)."""
        from dataclasses import asdict

        return {"output_dir": str(self.output_dir), "seconds": self.seconds, "ok": self.ok,
                "documents": [asdict(d) | {"skipped": d.skipped} for d in self.documents],
                "manifests": self.manifests}


# --- the whole build -------------------------------------------------------------------------


def build_all(*, documents: Sequence[str | Path] = (), seeds: str | Path | None = None,
              out: str | Path | None = None, templates: str | Path | None = None,
              formats: Sequence[str] | None = None, jobs: int | None = None,
              force: bool = False, strict: bool = False, config: Config | str | Path | None = None,
              lock_timeout: float = 60.0, stream: TextIO | None = None, check: bool = True,
              ) -> BuildReport:
    """Build every stale output of `documents` (default: every source in the seeds folder);
    returns the report. Raises `DocumentsFailed` when a document failed (unless `check` is
    False), `BuildError` when the output folder stays locked, `ConfigError`, `InputError`."""
    started = time.monotonic()
    cfg = config if isinstance(config, Config) else load_config(config, {
        "seeds": seeds, "output": out, "templates": templates,
        "formats": tuple(formats) if formats else None, "jobs": jobs})
    from reportgen.preflight import strict_config

    strict_config(cfg, strict=strict)  # an unknown key under --strict is a mistake
    check_folders(cfg)
    sources = _find_sources([_document_path(d, cfg.seeds_dir) for d in documents]
                            or [cfg.seeds_dir])
    plans = plan_documents(sources, cfg, force=force)
    if any(not p.up_to_date for p in plans):  # only a build that writes takes the lock
        with _output_lock(cfg.output_dir, lock_timeout):
            remove_temporaries(cfg.output_dir)
            plans = plan_documents(sources, cfg, force=force)
            results = run_documents(plans, cfg, strict=strict, stream=stream)
    else:
        results = [DocumentResult(p.slug, str(p.source)) for p in plans]
    report = BuildReport(cfg.output_dir, tuple(results), time.monotonic() - started,
                         {p.slug: read_manifest(p.folder) or {} for p in plans}, cfg.warnings)
    if check and not report.ok:
        raise DocumentsFailed(report)
    return report


def check_folders(config: Config) -> None:
    """`ConfigError` when the staff template folder is named but missing (a typo would
    otherwise silently build with the shipped templates)."""
    from reportgen.errors import ConfigError

    folder = config.templates_dir
    if folder is not None and not folder.is_dir():
        raise ConfigError(f"{folder}: templates folder not found; create it with "
                          f"'reportgen templates init {folder}' or fix the path")


def _document_path(document: str | Path, seeds_dir: Path) -> Path:
    """The path of a document given as a path or by its name in the seeds folder
    ('shanghai-industrial-economy-2022-09-14' → seeds/shanghai-….txt)."""
    from reportgen.ingest import SOURCE_SUFFIXES

    path = Path(document)
    if path.exists() or path.parent != Path("."):
        return path
    named = sorted(p for p in seeds_dir.glob(f"{path.name}.*")
                   if p.suffix.lower() in SOURCE_SUFFIXES)
    return named[0] if named else path


def _find_sources(paths: list[Path]) -> list[Path]:
    from reportgen.ingest import find_sources

    return sorted(find_sources(paths))


def _output_lock(output_dir: Path, timeout: float) -> Any:
    from reportgen.lock import output_lock

    return output_lock(output_dir, timeout)


def run_documents(plans: list[DocumentPlan], config: Config, *, strict: bool = False,
                  stream: TextIO | None = None) -> list[DocumentResult]:
    """Each plan's result, stale documents built in child processes (`config.jobs` at once)."""
    from reportgen.progress import Progress
    from reportgen.worker import Limits, run_isolated

    stale = [p for p in plans if not p.up_to_date]
    jobs = max(1, min(config.jobs or os.cpu_count() or 1, len(stale) or 1))
    many = len(stale) > 1
    if many:  # import the renderers once; every forked child then shares them
        warm_up(config.formats)
    spare_cores = not many and (os.cpu_count() or 1) > 1
    progress = Progress(len(stale), stream) if stream is not None else None
    by_slug = {p.slug: p for p in plans}
    limits = Limits(config.limits.document_timeout_s, config.limits.document_memory_mb)

    def task(plan: DocumentPlan) -> Callable[[], DocumentResult]:
        return lambda: build_document(plan, config, strict=strict, parallel=spare_cores)

    def report(outcome: TaskResult) -> None:
        if progress is not None:
            result = _as_result(outcome, by_slug[outcome.key])
            progress.document(result.slug, result.error is None, _detail(result))

    outcomes = run_isolated([(p.slug, task(p)) for p in stale], jobs, limits, report)
    if progress is not None:
        progress.done()
    done = {o.key: _as_result(o, by_slug[o.key]) for o in outcomes}
    return [done.get(p.slug) or DocumentResult(p.slug, str(p.source)) for p in plans]


def _as_result(outcome: TaskResult, plan: DocumentPlan) -> DocumentResult:
    if outcome.ok and isinstance(outcome.value, DocumentResult):
        value: DocumentResult = outcome.value
        return DocumentResult(value.slug, value.source, value.formats, value.outputs,
                              value.warnings, value.changes, outcome.seconds, outcome.peak_mb)
    return DocumentResult(plan.slug, str(plan.source), formats=plan.rebuild,
                          seconds=outcome.seconds, error=outcome.error or "no result")


def _detail(result: DocumentResult) -> str:
    if result.error:
        return result.error
    warned = f", {len(result.warnings)} warnings" if result.warnings else ""
    return f"{', '.join(result.formats)} ({result.seconds:.1f} s{warned})"


def warm_up(formats: Sequence[str], *, charts: bool = True) -> None:
    """Import the stages `formats` need (matplotlib, WeasyPrint, python-pptx) in this process."""
    import importlib

    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # no BLAS threads across fork()
    stages = list(formats)
    if charts and set(formats) & set(CHART_FORMATS):
        stages.insert(0, "charts")
    # Only a head start: any failure here is met again, and reported, by the stage itself.
    for name in (m for s in stages for m in HEAVY_MODULES.get(s, ())):
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    if "pdf" in formats:
        # WeasyPrint, imported without its slow library search; its first document loads the
        # system's fonts (~0.1 s): do it once, here.
        with contextlib.suppress(Exception):
            from reportgen.render.weasy import load_weasyprint

            load_weasyprint().HTML(string="<p>reportgen</p>").render()


# --- one document ----------------------------------------------------------------------------


def build_document(plan: DocumentPlan, config: Config, *, strict: bool = False,
                   parallel: bool = False) -> DocumentResult:
    """Build the stale outputs of one document; returns what was written and its warnings.

    Everything is rendered in memory first; nothing is written if any step fails (or, with
    `strict`, if there are warnings), so a failed document keeps its previous outputs. With
    `parallel` (one document on a machine with cores to spare), charts and the deck are made
    in second processes beside the renderers' imports and the PDF.
    """
    helper = start_helper(plan.rebuild, config) if parallel else None
    try:
        if helper is None:
            briefing = load_briefing(plan.source, config)
        else:
            briefing = _load_beside(helper, plan, config)
        files: dict[str, bytes] = {}
        warnings = list(briefing.warnings)
        if "json" in plan.rebuild:
            files["data.json"] = serialize(briefing)
        rendered, charts = render_all(plan.rebuild, briefing, config, parallel, helper)
    finally:
        if helper is not None:
            helper.close()
    for fmt, result in rendered:
        files[OUTPUT_FILES[fmt]] = result.data
        warnings.extend(result.warnings)
    if strict and warnings:
        raise BuildError(f"{plan.source}: --strict and {len(warnings)} warnings: {warnings[0]}")
    try:
        changes = write_document(plan, briefing, files, charts, tuple(warnings))
    except OSError as exc:  # disk full, permissions: the user's to fix, and nothing half-written
        raise BuildError(f"{exc.filename or plan.folder}: cannot write ({exc.strerror}); free "
                         "space or choose another output folder with --out") from None
    return DocumentResult(plan.slug, str(plan.source), plan.rebuild, tuple(files),
                          tuple(warnings), tuple(changes))


Rendered = list[tuple[str, "RenderResult"]]


def start_helper(formats: tuple[str, ...], config: Config) -> Companion | None:
    """With the deck and another format to build: a second process that imports matplotlib
    while this one reads the source, then draws the SVG charts (sent back at
    once), the deck and the PNGs of `charts/`; None when there is no deck or nothing beside it.
    """
    wanted = [f for f in RENDER_ORDER if f in formats]
    if "pptx" not in wanted or len(wanted) < 2:
        return None
    from reportgen.worker import Companion

    return Companion(lambda: warm_charts(config),
                     lambda briefing: _charts_deck_pngs(briefing, config), _limits(config))


def _load_beside(helper: Companion, plan: DocumentPlan, config: Config) -> Briefing:
    """The briefing, read in a third process that also hands it to `helper`, while this one
    imports the renderers of the other formats (WeasyPrint): three things at once, not two
    after one."""
    import pickle

    from reportgen.worker import Background

    fd = helper.input_fd()

    def load() -> Briefing:
        briefing = load_briefing(plan.source, config)
        with contextlib.suppress(BrokenPipeError), os.fdopen(fd, "wb") as pipe:
            pipe.write(pickle.dumps(briefing))
        return briefing

    loader = Background(load, _limits(config))
    os.close(fd)  # the loader holds the only copy now: the helper starts when it is closed
    warm_up([f for f in RENDER_ORDER if f in plan.rebuild and f != "pptx"], charts=False)
    briefing: Briefing = loader.result()
    return briefing


def warm_charts(config: Config) -> None:
    """Import matplotlib and draw a tiny figure in the house style, so that its font cache and
    SVG backend are loaded (~0.5 s) before the first real chart."""
    import gc
    import io

    warm_up(["charts"], charts=False)
    from matplotlib.figure import Figure

    from reportgen.charts.draw import house_style

    with house_style(config.theme):
        figure = Figure(figsize=(1, 1))
        figure.text(0.5, 0.5, "0")
        figure.savefig(io.BytesIO(), format="svg")
    # matplotlib's import leaves ~80,000 objects that live as long as this process: keep the
    # garbage collector from walking them again while the charts and the deck are made
    gc.freeze()


def _charts_deck_pngs(briefing: Briefing, config: Config) -> Iterator[Any]:
    """The SVG charts; then the deck and each chart's PNG by id (for `charts/`)."""
    from reportgen.charts import draw_svg_then_png

    drawing = draw_svg_then_png(briefing, config)
    charts = next(drawing)
    yield charts
    deck = render("pptx", briefing, charts, config)  # draws a PNG only for non-native kinds
    yield deck, {c.id: c.png for c in next(drawing)} if config.chart_png else {}


def render_all(formats: tuple[str, ...], briefing: Briefing, config: Config, parallel: bool,
               helper: Companion | None = None) -> tuple[Rendered, tuple[ChartAsset, ...]]:
    """Each wanted format rendered in memory, and the charts drawn for them.

    The PNGs of `charts/` (three times the cost of the SVGs) are drawn only with the config's
    `chart_png`: no output uses them. With a `helper` (`start_helper`), it draws the SVG
    charts, then makes the deck and the PNGs, while this process lays out the PDF (before the
    charts arrive) and renders the HTML. Without one but with `parallel`, the charts are drawn
    in a second process while this one imports the renderers.
    """
    wanted = [f for f in RENDER_ORDER if f in formats]
    if not wanted:
        return [], ()
    others = [f for f in wanted if f != "pptx"]
    if helper is not None:  # it has the briefing and draws the charts; the renderers are warm
        drawn = helper.next
        charts_later: Callable[[], tuple[ChartAsset, ...]] = functools.cache(
            lambda: tuple(drawn()))  # the helper's first value, asked for once
        results = [(fmt, _render_beside(fmt, briefing, charts_later, config)) for fmt in
                   sorted(others, key=lambda f: f != "pdf")]  # the PDF first: it need not wait
        deck_result, pngs = helper.next()
        return [*results, ("pptx", deck_result)], with_pngs(charts_later(), pngs)
    # no helper: one format, or no deck (`start_helper`), or several documents at once
    charts = _charts(briefing, config, png=config.chart_png, parallel=parallel, formats=wanted)
    return [(fmt, render(fmt, briefing, charts, config)) for fmt in wanted], charts


def _render_beside(fmt: str, briefing: Briefing, charts: Callable[[], tuple[ChartAsset, ...]],
                   config: Config) -> RenderResult:
    """`fmt` rendered with the charts a helper draws: the PDF lays out its pages with
    placeholders of the charts' sizes meanwhile, and takes the charts only to draw them."""
    if fmt != "pdf":
        return render(fmt, briefing, charts(), config)
    from reportgen.charts import chart_placeholders
    from reportgen.render.pdf import render_pdf

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
        return draw_charts(briefing, config, png=png)
    from reportgen.worker import Background

    drawing = Background(lambda: draw_charts(briefing, config, png=png), _limits(config))
    warm_up(formats, charts=False)
    return tuple(drawing.result())


def _limits(config: Config) -> Limits:
    from reportgen.worker import Limits

    return Limits(config.limits.document_timeout_s, config.limits.document_memory_mb)


def write_document(plan: DocumentPlan, briefing: Briefing, files: dict[str, bytes],
                   charts: tuple[ChartAsset, ...], warnings: tuple[str, ...]) -> list[str]:
    """Write the outputs, `changes.md` when figures changed, then `manifest.json`; returns the
    change lines."""
    previous = read_manifest(plan.folder) or {}
    built_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    facts = fact_summary(briefing)
    changes = compare(previous["facts"], facts) if "facts" in previous else []
    files.update(chart_files(charts))
    if changes:
        text = changes_markdown(briefing.document.title, str(plan.source), built_at, changes)
        files["changes.md"] = text.encode("utf-8")
    for name, data in files.items():
        atomic_write(inside(plan.folder, name), data)
    redrawn = redrawn_kinds(plan.rebuild)
    manifest = _manifest(plan, briefing, files, previous, redrawn, built_at, warnings, facts)
    write_manifest(plan.folder, manifest)
    if redrawn:
        remove_stale(plan.folder, manifest["outputs"], "charts")
    return [c.line for c in changes]


def chart_files(charts: tuple[ChartAsset, ...]) -> dict[str, bytes]:
    """`charts/<id>.svg` (and `.png` when drawn) for each chart."""
    files = {f"charts/{c.id}.svg": c.svg for c in charts}
    files.update({f"charts/{c.id}.png": c.png for c in charts if c.png is not None})
    return files


def redrawn_kinds(formats: tuple[str, ...]) -> set[str]:
    """The chart file suffixes a build of `formats` redraws (or, for PNGs the config no longer
    asks for, removes): both with any format that shows charts."""
    return {".svg", ".png"} if set(formats) & set(CHART_FORMATS) else set()


def _manifest(plan: DocumentPlan, briefing: Briefing, files: dict[str, bytes],
              previous: dict[str, Any], redrawn: set[str], built_at: str,
              warnings: tuple[str, ...], facts: dict[str, Any]) -> dict[str, Any]:
    """The manifest: previous entries still valid, plus one entry per file written now."""
    import hashlib

    from reportgen import __version__

    formats = {name: fmt for fmt, name in OUTPUT_FILES.items()}
    outputs = {name: entry for name, entry in previous.get("outputs", {}).items()
               if name not in files and (plan.folder / name).is_file()
               and not (name.startswith("charts/") and Path(name).suffix in redrawn)}
    for name, data in files.items():
        fmt = formats.get(name, "chart" if name.startswith("charts/") else "changes")
        outputs[name] = {"format": fmt, "bytes": len(data), "built_at": built_at,
                         "sha256": hashlib.sha256(data).hexdigest(),
                         "inputs": plan.input_hashes.get(fmt)}
    return {
        "schema": MANIFEST_SCHEMA, "reportgen": __version__, "built_at": built_at,
        "document": {"source": str(plan.source), "slug": plan.slug,
                     "title": briefing.document.title, "date": briefing.document.date,
                     "sha256": briefing.document.sha256},
        "inputs": {"overrides": str(plan.overrides) if plan.overrides else None,
                   "formats": plan.input_hashes},
        "outputs": dict(sorted(outputs.items())), "warnings": list(warnings), "facts": facts,
    }


# --- the stages (looked up at call time so each heavy library loads only where needed) -------


def load_briefing(path: Path, config: Config) -> Briefing:
    """The data layer of one source with its overrides."""
    from reportgen.pipeline import load_briefing as load

    return load(path)


def draw_charts(briefing: Briefing, config: Config, *, png: bool = True,
                ) -> tuple[ChartAsset, ...]:
    """The briefing's charts, drawn as SVG (and PNG when `png`)."""
    from reportgen.charts import draw_charts as draw

    return tuple(draw(briefing, config, png=png))


def serialize(briefing: Briefing) -> bytes:
    """`data.json`: the data layer in the reportgen.extract/1 shape."""
    from reportgen.serialize import briefing_json

    return briefing_json(briefing).encode("utf-8")


def render(fmt: str, briefing: Briefing, charts: tuple[ChartAsset, ...],
           config: Config) -> RenderResult:
    """One output rendered in memory by the format's renderer."""
    import importlib

    module, name = RENDERERS[fmt]
    renderer = getattr(importlib.import_module(module), name)
    return renderer(briefing, charts, config)  # type: ignore[no-any-return]
