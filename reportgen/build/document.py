"""One document's build: extract → charts → render in memory → write, manifest last.

Everything is rendered in memory first; nothing is written if any step fails (or, with
`strict`, if there are warnings), so a failed document keeps its previous outputs. The
manifest records each output's size, hash and input hash (what `freshness` compares next time)
and a summary of the figures, from which `changes.md` is made when they change.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.build import stages
from reportgen.build.changes import changes_markdown, compare, fact_summary
from reportgen.build.freshness import DocumentJob
from reportgen.build.output import atomic_write, inside, read_manifest, remove_stale, write_manifest
from reportgen.build.overlap import load_beside, render_all, start_helper
from reportgen.config import Config
from reportgen.errors import BuildError
from reportgen.formats import chart_formats, file_names

if TYPE_CHECKING:
    from reportgen.charts import ChartAsset
    from reportgen.model import Briefing

MANIFEST_SCHEMA = "reportgen.manifest/1"


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


def build_document(job: DocumentJob, config: Config, *, strict: bool = False,
                   parallel: bool = False) -> DocumentResult:
    """Build the stale outputs of one document; returns what was written and its warnings.

    With `parallel` (one document on a machine with cores to spare), charts and the deck are
    made in second processes beside the renderers' imports and the PDF (`overlap`).
    """
    helper = start_helper(job.rebuild, config) if parallel else None
    try:
        if helper is None:
            briefing = stages.load_briefing(job.source, config)
        else:
            briefing = load_beside(helper, job, config)
        names = file_names()
        files: dict[str, bytes] = {}
        if "json" in job.rebuild:  # written from the data layer itself, not by a renderer
            files[names["json"]] = stages.serialize(briefing)
        rendered, charts = render_all(job.rebuild, briefing, config, parallel, helper)
    finally:
        if helper is not None:
            helper.close()
    files.update({names[fmt]: result.data for fmt, result in rendered})
    warnings = (*briefing.warnings, *(w for _, result in rendered for w in result.warnings))
    if strict and warnings:
        raise BuildError(f"{job.source}: --strict and {len(warnings)} warnings: {warnings[0]}")
    try:
        changes = write_document(job, briefing, files, charts, warnings)
    except OSError as exc:  # disk full, permissions: the user's to fix, and nothing half-written
        raise BuildError(f"{exc.filename or job.folder}: cannot write ({exc.strerror}); free "
                         "space or choose another output folder with --out") from None
    return DocumentResult(job.slug, str(job.source), job.rebuild, tuple(files), warnings,
                          tuple(changes))


def write_document(job: DocumentJob, briefing: Briefing, files: dict[str, bytes],
                   charts: tuple[ChartAsset, ...], warnings: tuple[str, ...]) -> list[str]:
    """Write the outputs, `changes.md` when figures changed, then `manifest.json`; returns the
    change lines."""
    previous = read_manifest(job.folder) or {}
    built_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    facts = fact_summary(briefing)
    changes = compare(previous["facts"], facts) if "facts" in previous else []
    files.update(chart_files(charts))
    if changes:
        text = changes_markdown(briefing.document.title, str(job.source), built_at, changes)
        files["changes.md"] = text.encode("utf-8")
    for name, data in files.items():
        atomic_write(inside(job.folder, name), data)
    redrawn = redrawn_kinds(job.rebuild)
    manifest = _manifest(job, briefing, files, previous, redrawn, built_at, warnings, facts)
    write_manifest(job.folder, manifest)
    if redrawn:
        remove_stale(job.folder, manifest["outputs"], "charts")
    return [c.line for c in changes]


def chart_files(charts: tuple[ChartAsset, ...]) -> dict[str, bytes]:
    """`charts/<id>.svg` (and `.png` when drawn) for each chart."""
    files = {f"charts/{c.id}.svg": c.svg for c in charts}
    files.update({f"charts/{c.id}.png": c.png for c in charts if c.png is not None})
    return files


def redrawn_kinds(formats: tuple[str, ...]) -> set[str]:
    """The chart file suffixes a build of `formats` redraws (or, for PNGs the config no longer
    asks for, removes): both with any format that shows charts."""
    return {".svg", ".png"} if set(formats) & set(chart_formats()) else set()


def _manifest(job: DocumentJob, briefing: Briefing, files: dict[str, bytes],
              previous: dict[str, Any], redrawn: set[str], built_at: str,
              warnings: tuple[str, ...], facts: dict[str, Any]) -> dict[str, Any]:
    """The manifest: previous entries still valid, plus one entry per file written now."""
    import hashlib

    from reportgen import __version__

    formats = {name: fmt for fmt, name in file_names().items()}
    outputs = {name: entry for name, entry in previous.get("outputs", {}).items()
               if name not in files and (job.folder / name).is_file()
               and not (name.startswith("charts/") and Path(name).suffix in redrawn)}
    for name, data in files.items():
        fmt = formats.get(name, "chart" if name.startswith("charts/") else "changes")
        outputs[name] = {"format": fmt, "bytes": len(data), "built_at": built_at,
                         "sha256": hashlib.sha256(data).hexdigest(),
                         "inputs": job.input_hashes.get(fmt)}
    return {
        "schema": MANIFEST_SCHEMA, "reportgen": __version__, "built_at": built_at,
        "document": {"source": str(job.source), "slug": job.slug,
                     "title": briefing.document.title, "date": briefing.document.date,
                     "sha256": briefing.document.sha256},
        "inputs": {"overrides": str(job.overrides) if job.overrides else None,
                   "formats": job.input_hashes},
        "outputs": dict(sorted(outputs.items())), "warnings": list(warnings), "facts": facts,
    }
