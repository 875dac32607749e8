"""The whole build: find the sources, see what is stale, and build each stale document in a
child process of its own, under the output folder's lock; returns a `BuildReport`."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reportgen.build import stages
from reportgen.build.document import DocumentResult, build_document
from reportgen.build.freshness import DocumentJob, document_jobs
from reportgen.build.output import has_leftovers, read_manifest, remove_leftovers
from reportgen.config import Config, load_config, strict_config
from reportgen.errors import BuildError, ConfigError

if TYPE_CHECKING:
    from reportgen.build.worker import TaskResult


class DocumentsFailed(BuildError):
    """One or more documents failed; `report` holds every document's result."""

    def __init__(self, report: BuildReport) -> None:
        names = ", ".join(d.slug for d in report.failed)
        super().__init__(f"{len(report.failed)} of {len(report.documents)} documents failed: "
                         f"{names}")
        self.report = report


@dataclass(frozen=True, slots=True)
class BuildReport:
    """The result of a build: one `DocumentResult` per source, and the time it took."""

    output_dir: Path
    documents: tuple[DocumentResult, ...]
    seconds: float
    manifests: dict[str, dict[str, Any]] = field(default_factory=dict)
    config_warnings: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    """Output folders removed because their sources are gone (see `build.stale`)."""

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


def build_all(*, documents: Sequence[str | Path] = (), seeds: str | Path | None = None,
              out: str | Path | None = None, templates: str | Path | None = None,
              formats: Sequence[str] | None = None, jobs: int | None = None,
              force: bool = False, strict: bool = False, config: Config | str | Path | None = None,
              lock_timeout: float = 60.0, stream: TextIO | None = None, check: bool = True,
              keep_stale: bool = False) -> BuildReport:
    """Build every stale output of `documents` (default: every source in the seeds folder);
    returns the report. A build of the whole seeds folder removes the output folders of sources
    that are gone, unless `keep_stale`. Raises `DocumentsFailed` when a document failed (unless
    `check` is False), `BuildError` when the output folder stays locked, `ConfigError`,
    `InputError`."""
    started = time.monotonic()
    cfg = config if isinstance(config, Config) else load_config(config, {
        "seeds": seeds, "output": out, "templates": templates,
        "formats": tuple(formats) if formats else None, "jobs": jobs})
    strict_config(cfg, strict=strict)  # an unknown key under --strict is a mistake
    check_folders(cfg)
    sources = _find_sources([_document_path(d, cfg.seeds_dir) for d in documents]
                            or [cfg.seeds_dir])
    todo = document_jobs(sources, cfg, force=force)
    prune = not documents and not keep_stale  # named documents leave the others alone
    removed: list[str] = []
    if (any(not job.up_to_date for job in todo) or has_leftovers(cfg.output_dir)
            or (prune and _stale(cfg, todo))):
        # only a build that writes (or cleans what a killed one left) takes the lock
        with _output_lock(cfg.output_dir, lock_timeout):
            remove_leftovers(cfg.output_dir)
            todo = document_jobs(sources, cfg, force=force)  # another build may have run
            results = run_documents(todo, cfg, strict=strict, stream=stream)
            removed = _remove_stale(cfg, todo) if prune else []
            index_problems = _write_index(cfg)
    else:
        results = [DocumentResult(job.slug, str(job.source)) for job in todo]
        index_problems = _write_index(cfg, only_if_missing=True)
    report = BuildReport(cfg.output_dir, tuple(results), time.monotonic() - started,
                         {job.slug: read_manifest(job.folder) or {} for job in todo},
                         (*cfg.warnings, *index_problems), tuple(removed))
    if check and not report.ok:
        raise DocumentsFailed(report)
    return report


def _stale(config: Config, todo: list[DocumentJob]) -> list[Path]:
    from reportgen.build.stale import stale_folders

    return stale_folders(config.output_dir, (job.slug for job in todo))


def _remove_stale(config: Config, todo: list[DocumentJob]) -> list[str]:
    from reportgen.build.stale import remove_folders

    return remove_folders(_stale(config, todo))


def _write_index(config: Config, *, only_if_missing: bool = False) -> tuple[str, ...]:
    """Write `output/index.html` (see `build.index`); returns a warning when its template is
    broken (the briefings are built all the same)."""
    from reportgen.build.index import INDEX_FILE, write_index
    from reportgen.errors import ReportgenError

    if only_if_missing and ((config.output_dir / INDEX_FILE).exists()
                            or not config.output_dir.is_dir()):
        return ()
    try:
        write_index(config)
    except (ReportgenError, OSError) as exc:
        return (f"{config.output_dir / INDEX_FILE} not written: {exc}",)
    return ()


def check_folders(config: Config) -> None:
    """`ConfigError` when the staff template folder is named but missing (a typo would
    otherwise silently build with the shipped templates), or when the output folder holds the
    project, the home folder or the filesystem root (`output = "../.."`)."""
    folder = config.templates_dir
    if folder is not None and not folder.is_dir():
        raise ConfigError(f"{folder}: templates folder not found; create it with "
                          f"'reportgen templates init {folder}' or fix the path")
    out = config.output_dir.resolve()
    project = (config.source_path.parent if config.source_path else Path.cwd()).resolve()
    guarded = {project: "the project folder", Path.home().resolve(): "your home folder",
               Path(out.anchor): "the filesystem root", config.seeds_dir.resolve(): "the seeds"}
    for place, what in guarded.items():
        if place.is_relative_to(out):
            where = f"{config.source_path}: output" if config.source_path else "--out"
            raise ConfigError(f"{where}: the output folder {out} contains {what}; choose a "
                              "folder of its own, such as output/")


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
    from reportgen.build.lock import output_lock

    return output_lock(output_dir, timeout)


def run_documents(todo: list[DocumentJob], config: Config, *, strict: bool = False,
                  stream: TextIO | None = None) -> list[DocumentResult]:
    """Each job's result, stale documents built in child processes (`config.jobs` at once)."""
    from reportgen.build.overlap import process_limits
    from reportgen.build.progress import Progress
    from reportgen.build.worker import fewer_collections, run_isolated

    stale = [job for job in todo if not job.up_to_date]
    jobs = max(1, min(config.jobs or os.cpu_count() or 1, len(stale) or 1))
    many = len(stale) > 1
    if many:  # import the renderers once; every forked child then shares them
        with fewer_collections():
            stages.warm_up(config.formats)
    spare_cores = not many and (os.cpu_count() or 1) > 1
    progress = Progress(len(stale), stream) if stream is not None else None
    by_slug = {job.slug: job for job in todo}

    def task(job: DocumentJob) -> Callable[[], DocumentResult]:
        return lambda: build_document(job, config, strict=strict, parallel=spare_cores)

    def report(outcome: TaskResult) -> None:
        if progress is not None:
            result = _as_result(outcome, by_slug[outcome.key])
            progress.document(result.slug, result.error is None, _detail(result))

    with fewer_collections():
        outcomes = run_isolated([(job.slug, task(job)) for job in stale], jobs,
                                process_limits(config), report)
    if progress is not None:
        progress.done()
    done = {o.key: _as_result(o, by_slug[o.key]) for o in outcomes}
    return [done.get(job.slug) or DocumentResult(job.slug, str(job.source)) for job in todo]


def _as_result(outcome: TaskResult, job: DocumentJob) -> DocumentResult:
    if outcome.ok and isinstance(outcome.value, DocumentResult):
        value: DocumentResult = outcome.value
        return DocumentResult(value.slug, value.source, value.formats, value.outputs,
                              value.warnings, value.changes, outcome.seconds, outcome.peak_mb,
                              value.error)
    return DocumentResult(job.slug, str(job.source), formats=job.rebuild,
                          seconds=outcome.seconds, error=outcome.error or "no result")


def _detail(result: DocumentResult) -> str:
    if result.error:
        return result.error
    warned = f", {len(result.warnings)} warnings" if result.warnings else ""
    return f"{', '.join(result.formats)} ({result.seconds:.1f} s{warned})"


def checked_config(options: Mapping[str, Any]) -> Config:
    """The config `reportgen build` would use with these `build_all` keyword `options`, after
    the checks it makes before building; raises `ConfigError`/`InputError` like the build.

    `reportgen schedule` and `watch` run their builds later, in other processes: a typo in
    `--config` or a missing folder must stop them at once, not at 06:00."""

    formats = options.get("formats")
    cfg = load_config(options.get("config"), {
        "output": options.get("out"), "templates": options.get("templates"),
        "formats": tuple(formats) if formats else None, "jobs": options.get("jobs")})
    strict_config(cfg, strict=bool(options.get("strict")))
    check_folders(cfg)
    documents = [_document_path(Path(d), cfg.seeds_dir) for d in options.get("documents") or ()]
    _find_sources(documents or [cfg.seeds_dir])
    return cfg
