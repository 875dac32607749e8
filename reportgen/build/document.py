"""One document's build: extract → charts → render in memory → publish, manifest last.

Everything is rendered in memory first, then published in one step (`output.publish`): the
new folder replaces the old one whole, so a reader never sees two builds mixed. An output that
fails keeps its previous file and the others are still written; nothing is written if the
source cannot be read (or, with `strict`, if there are warnings). The
manifest records each output's size, hash and input hash (what `freshness` compares next time)
and a summary of the figures, from which `changes.md` is made when they change.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.build import stages
from reportgen.build.changes import changes_markdown, compare, fact_summary
from reportgen.build.freshness import DocumentJob
from reportgen.build.output import (
    MANIFEST,
    MANIFEST_SCHEMA,
    TEMP_SUFFIX,
    link_previous,
    made_by_reportgen,
    publish,
    read_manifest,
    staging_folder,
    write_staged,
)
from reportgen.build.overlap import load_beside, render_all, start_helper
from reportgen.config import Config
from reportgen.errors import BuildError
from reportgen.formats import chart_formats, file_names
from reportgen.text import clip

if TYPE_CHECKING:
    from reportgen.charts import ChartAsset
    from reportgen.model import Briefing



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


MAX_WARNINGS = 200  # a template that warns on every fact must not fill the manifest


def build_document(job: DocumentJob, config: Config, *, strict: bool = False,
                   parallel: bool = False) -> DocumentResult:
    """Build the stale outputs of one document; returns what was written and its warnings.

    The source is read once; its input hashes are made from the bytes read. An output that
    fails (or is over its size cap) is reported in one line and keeps its previous file; the
    other outputs of the document are still written. With `parallel` (one document on a
    machine with cores to spare), charts and the deck are made in second processes beside the
    renderers' imports and the PDF (`overlap`).
    """
    snapshot = _overrides_snapshot(job)
    helper = start_helper(job.rebuild, config) if parallel else None
    try:
        if helper is None:
            briefing = stages.load_briefing(job.source, config, job.seeds_dir, snapshot)
        else:
            briefing = load_beside(helper, job, config, snapshot)
        raw = snapshot[1]
        job = job.with_source(briefing.document.sha256,
                              hashlib.sha256(raw).hexdigest() if raw is not None else "-")
        names = file_names()
        files: dict[str, bytes] = {}
        if "json" in job.rebuild:  # written from the data layer itself, not by a renderer
            files[names["json"]] = stages.serialize(briefing)
        rendered, charts, failures = render_all(job.rebuild, briefing, config, parallel, helper)
    finally:
        if helper is not None:
            helper.close()
    files.update({names[fmt]: result.data for fmt, result in rendered})
    failures.update(_over_cap(files, names, config))
    files = {name: data for name, data in files.items()
             if _format_of(name, names) not in failures}
    warnings = _clipped((*briefing.warnings, *(w for _, r in rendered for w in r.warnings)))
    if strict and warnings:
        raise BuildError(f"{job.source}: --strict and {len(warnings)} warnings: {warnings[0]}")
    built = tuple(f for f in job.rebuild if f not in failures)
    if failures and not any(_format_of(n, names) in built for n in files):
        raise BuildError(_failure_line(failures))
    try:
        changes = write_document(job, briefing, files, charts, warnings, built)
    except OSError as exc:  # disk full, permissions: the user's to fix, and nothing half-written
        raise BuildError(f"{exc.filename or job.folder}: cannot write ({exc.strerror}); free "
                         "space or choose another output folder with --out") from None
    return DocumentResult(job.slug, str(job.source), built, tuple(files), warnings,
                          tuple(changes), error=_failure_line(failures) if failures else None)


def _overrides_snapshot(job: DocumentJob) -> tuple[Path | None, bytes | None]:
    """The overrides file the plan saw and its bytes, read once here (None, None without one,
    or when it was removed since: the next plan sees that)."""
    if job.overrides is None or not (job.overrides.exists() or job.overrides.is_symlink()):
        return None, None
    from reportgen.overrides import read_overrides

    return job.overrides, read_overrides(job.overrides)


def _format_of(name: str, names: dict[str, str]) -> str:
    return next((fmt for fmt, file in names.items() if file == name), "")


def _over_cap(files: dict[str, bytes], names: dict[str, str], config: Config) -> dict[str, str]:
    """The one-line error of each output over its size cap (`limits.max_html_bytes` for the
    HTML, `limits.max_output_bytes` for any)."""
    limits = config.limits
    found: dict[str, str] = {}
    for fmt, name in names.items():
        data = files.get(name)
        cap, key = ((limits.max_html_bytes, "limits.max_html_bytes") if fmt == "html"
                    else (limits.max_output_bytes, "limits.max_output_bytes"))
        if data is not None and len(data) > cap:
            found[fmt] = (f"{name}: {len(data):,} bytes, over the {cap:,}-byte cap ({key}); "
                          "check the templates for runaway loops or huge images, or raise it")
    return found


def _clipped(warnings: tuple[str, ...]) -> tuple[str, ...]:
    """Each warning on one line of at most a few hundred characters, at most `MAX_WARNINGS`
    (a 50 MB `data:` URL in a warning is cut, not stored)."""
    unique = tuple(clip(w) for w in warnings)
    if len(unique) <= MAX_WARNINGS:
        return unique
    return (*unique[:MAX_WARNINGS], f"… and {len(unique) - MAX_WARNINGS} more warnings")


def _failure_line(failures: dict[str, str]) -> str:
    return "; ".join(dict.fromkeys(failures.values()))


def write_document(job: DocumentJob, briefing: Briefing, files: dict[str, bytes],
                   charts: tuple[ChartAsset, ...], warnings: tuple[str, ...],
                   built: tuple[str, ...] | None = None) -> list[str]:
    """Publish the document's new folder in one step: the outputs still good linked in from the
    previous folder, the new files, `changes.md` when figures changed, then `manifest.json`;
    returns the change lines."""
    if not _ours_or_new(job.folder):
        raise BuildError(f"{job.folder}: a folder reportgen did not make is in the way (it has "
                         "no reportgen manifest); move it away or choose another output folder")
    built = job.rebuild if built is None else built
    previous = read_manifest(job.folder) or {}
    built_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    facts = fact_summary(briefing)
    changes = compare(previous["facts"], facts) if "facts" in previous else []
    if set(built) & set(chart_formats()):
        files.update(chart_files(charts))
    if changes:
        text = changes_markdown(briefing.document.title, str(job.source), built_at, changes)
        files["changes.md"] = text.encode("utf-8")
    redrawn = redrawn_kinds(built)
    manifest = _manifest(job, briefing, files, previous, redrawn, built_at, warnings, facts)
    staged = staging_folder(job.folder)
    try:
        for name, data in files.items():
            write_staged(staged, name, data)
        link_previous(job.folder, staged, _carried(job.folder, manifest["outputs"], files,
                                                   redrawn))
        text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        write_staged(staged, MANIFEST, text.encode("utf-8"))
        publish(staged, job.folder)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return [c.line for c in changes]


def _ours_or_new(folder: Path) -> bool:
    """True when `folder` is missing, empty, made by reportgen, or holds only output names."""
    if not folder.exists():
        return True
    if folder.is_symlink() or not folder.is_dir():
        return False
    if made_by_reportgen(folder):
        return True
    known = {*file_names().values(), "charts", "changes.md", MANIFEST}
    return all(p.name in known or p.name.endswith(TEMP_SUFFIX) for p in folder.iterdir())


def _carried(folder: Path, outputs: dict[str, Any], files: dict[str, bytes],
             redrawn: set[str]) -> list[str]:
    """The previous folder's files the new one keeps: outputs not rebuilt, and files that are
    not outputs; not temporaries, nor charts a redraw replaced."""
    if not folder.is_dir():
        return []
    kept = []
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if not path.is_file() or path.is_symlink() or name in files or name == MANIFEST:
            continue
        if path.name.endswith(TEMP_SUFFIX) or (name.startswith("charts/") and redrawn
                                               and name not in outputs):
            continue
        kept.append(name)
    return kept


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
