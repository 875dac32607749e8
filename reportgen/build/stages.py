"""The pipeline's stages as the build calls them, each imported at call time.

Extraction, charts and the renderers load matplotlib, WeasyPrint or python-pptx; the build
looks each stage up here, when it runs, so a no-op build imports none of them and a child
process loads only what its formats need. The rest of `reportgen.build` calls these through
the module (`stages.render(...)`), so tests can swap a stage for a fast stand-in.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.config import Config
from reportgen.errors import InputError, ReportgenError
from reportgen.formats import chart_formats, output_format
from reportgen.templating import template_search_path
from reportgen.text import clip

if TYPE_CHECKING:
    from reportgen.charts import ChartAsset
    from reportgen.model import Briefing
    from reportgen.render import RenderResult

CHART_MODULES = ("reportgen.charts.draw",)


def load_briefing(path: Path, config: Config, root: Path | None = None,
                  snapshot: tuple[Path | None, bytes | None] | None = None) -> Briefing:
    """The data layer of one source with its overrides (`snapshot`: the overrides file and the
    bytes the build read from it); the source is read once (inside `root` when given) and its
    `document.sha256` is the hash of the bytes read."""
    from reportgen.pipeline import load_briefing as load

    try:
        return load(path, limits=config.limits, root=root, snapshot=snapshot,
                    findings=findings_patterns(config))
    except (ReportgenError, MemoryError):
        raise
    except RecursionError:
        raise InputError(f"{path}: nested too deeply to read (RecursionError); simplify the "
                         "file's structure or save it as plain text") from None
    except Exception as exc:  # noqa: BLE001 — a reader library's failure is the file's problem
        raise InputError(f"{path}: cannot be read ({type(exc).__name__}: "
                         f"{clip(str(exc), 160)}); save it again or as plain text") from None


def findings_patterns(config: Config) -> Path | None:
    """The findings patterns the template search path gives (`findings/findings.yaml`, the
    staff's first), or None for the shipped default."""
    from reportgen.templating import template_search_path

    for role, root in template_search_path(config.templates_dir, config.project_templates_dir):
        candidate = root / "findings" / "findings.yaml"
        if role != "default" and candidate.is_file():
            return candidate
    return None


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
    """One output rendered in memory by the renderer its format's row names."""
    import importlib

    renderer = output_format(fmt).renderer
    if renderer is None:
        raise ValueError(f"format {fmt!r} has no renderer: the build writes it itself")
    module, name = renderer
    function = getattr(importlib.import_module(module), name)
    try:
        return function(briefing, charts, config)  # type: ignore[no-any-return]
    except (ReportgenError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 — mapped to one line naming what to fix
        raise ReportgenError(render_failure(fmt, exc, config)) from None


def render_failure(fmt: str, exc: BaseException, config: Config) -> str:
    """One line saying which output failed, on what, and what to do: a library's exception
    (WeasyPrint on extreme CSS, python-pptx on a damaged master) is the templates' problem."""
    row = output_format(fmt)
    folders = [str(p / f) for _, p in template_search_path(config.templates_dir,
                                                            config.project_templates_dir)
               for f in row.template_folders if (p / f).is_dir()][:1]
    where = folders[0] if folders else "the templates"
    what = {"pdf": "the custom CSS or HTML (extreme values such as columns: 1000 or "
                   "letter-spacing: 1e9px, or deeply nested elements)",
            "html": "the templates (deeply nested elements or very large values)",
            "pptx": "deck.yaml and master.pptx"}.get(fmt, "the templates")
    reason = ("nested too deeply" if isinstance(exc, RecursionError)
              else f"{type(exc).__name__}: {clip(str(exc), 160)}")
    return (f"{where}: {row.file_name} could not be made ({reason}); check {what}, or remove "
            "the staff copy to use the shipped one")


def warm_up(formats: Sequence[str], *, charts: bool = True) -> None:
    """Import the stages `formats` need (matplotlib, WeasyPrint, python-pptx) in this process."""
    modules = [m for f in formats for m in output_format(f).warm_modules]
    if charts and set(formats) & set(chart_formats()):
        modules[:0] = CHART_MODULES
    preload(modules)
    if "pdf" in formats:
        # WeasyPrint, imported without its slow library search; its first document loads the
        # system's fonts (~0.1 s): do it once, here.
        with contextlib.suppress(Exception):
            from reportgen.render.briefing.weasy import load_weasyprint

            load_weasyprint().HTML(string="<p>reportgen</p>").render()


def preload(modules: Sequence[str]) -> None:
    """Import `modules` in this process, ignoring failures (the stage meets them again)."""
    import importlib

    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # no BLAS threads across fork()
    # Only a head start: any failure here is met again, and reported, by the stage itself.
    for name in modules:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


def warm_charts(config: Config) -> None:
    """Import matplotlib and draw a tiny figure in the house style, so that its font cache and
    SVG backend are loaded (~0.5 s) before the first real chart."""
    import gc
    import io

    preload(CHART_MODULES)
    from matplotlib.figure import Figure

    from reportgen.charts.draw import house_style

    with house_style(config.theme):
        figure = Figure(figsize=(1, 1))
        figure.text(0.5, 0.5, "0")
        figure.savefig(io.BytesIO(), format="svg")
    # matplotlib's import leaves ~80,000 objects that live as long as this process: keep the
    # garbage collector from walking them again while the charts and the deck are made
    gc.freeze()
