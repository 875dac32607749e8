"""What needs rebuilding: a content hash of each output's inputs, compared with the manifest.

An output's inputs are the source, its overrides file, the template files its format reads
(its row's template folders in `reportgen.formats`), the config and the versions of reportgen
and the libraries its row names. Versions are read from the installed package metadata, never
by importing the renderers, so a no-op build stays cheap: this module imports only hashlib,
json, os and pathlib (and reportgen's light config, formats and templating modules).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from reportgen.build.output import read_manifest, slug_for
from reportgen.config import Config
from reportgen.errors import ReportgenError
from reportgen.files import MAX_OVERRIDES_BYTES, MAX_RESOURCE_BYTES, file_digest, safe_digest
from reportgen.formats import chart_formats, output_format, template_folders
from reportgen.templating import template_search_path

ALWAYS = ("reportgen", "PyYAML")  # libraries whose versions enter every format's hash
# Config fields that say where or how fast to build, not what the outputs contain.
NOT_CONTENT = {"seeds_dir", "output_dir", "templates_dir", "project_templates_dir", "formats",
               "jobs", "source_path", "warnings", "limits"}


@dataclass(frozen=True, slots=True)
class DocumentJob:
    """One source document's build job: where its outputs go, their input hashes and which
    formats to rebuild."""

    source: Path
    slug: str
    folder: Path
    overrides: Path | None
    input_hashes: dict[str, str]
    rebuild: tuple[str, ...]
    source_sha256: str = ""
    overrides_sha256: str = "-"
    shared: dict[str, str] = field(default_factory=dict)
    seeds_dir: Path | None = None

    @property
    def up_to_date(self) -> bool:
        """True when no output of this document needs building."""
        return not self.rebuild

    def with_source(self, sha256: str, overrides_sha256: str | None = None) -> DocumentJob:
        """This job with its input hashes made from the bytes the worker read (the source's
        `sha256`, the overrides' when given): a release or overrides file rewritten between
        the plan and the read is recorded under what was read."""
        extra = self.overrides_sha256 if overrides_sha256 is None else overrides_sha256
        if (sha256, extra) == (self.source_sha256, self.overrides_sha256) or not self.shared:
            return self
        hashes = {fmt: _input_hash(sha256, extra, self.shared[fmt])
                  for fmt in self.input_hashes}
        return replace(self, input_hashes=hashes, source_sha256=sha256, overrides_sha256=extra)


def document_jobs(sources: list[Path], config: Config, *, force: bool = False,
                  ) -> list[DocumentJob]:
    """A job for every source: each wanted format is rebuilt unless its manifest entry matches
    its input hash and its file is still there with the recorded hash (or `force`)."""
    shared = {fmt: _shared_inputs(fmt, config) for fmt in config.formats}
    jobs: list[DocumentJob] = []
    for source, slug in _slugs(sources):
        folder = config.output_dir / slug
        overrides = overrides_path(source)
        own = safe_digest(source, config.limits.max_source_bytes, root=_root(source, config))
        extra = safe_digest(overrides, MAX_OVERRIDES_BYTES) if overrides else "-"
        hashes = {fmt: _input_hash(own, extra, shared[fmt]) for fmt in config.formats}
        stale = tuple(hashes) if force else stale_formats(folder, hashes)
        jobs.append(DocumentJob(source, slug, folder, overrides, hashes, stale, own, extra,
                                shared, _root(source, config)))
    return jobs


def _root(source: Path, config: Config) -> Path | None:
    """The seeds folder when `source` is in it (a link there may not lead out of it)."""
    try:
        return config.seeds_dir if source.absolute().parent == config.seeds_dir.absolute() \
            else None
    except OSError:
        return None


def _input_hash(source: str, overrides: str, shared: str) -> str:
    return _digest(f"{source}:{overrides}:{shared}")


def overrides_path(source: Path) -> Path | None:
    """The source's `<stem>.overrides.yaml` when it exists."""
    path = source.with_name(f"{source.stem}.overrides.yaml")
    return path if path.is_file() else None


def _slugs(sources: list[Path]) -> list[tuple[Path, str]]:
    """Each source with its output folder name: its stem, else its whole name (a.txt, a.md),
    else its name and a short hash of its path (two a.txt in two folders)."""
    named = [(source, slug_for(source)) for source in sources]
    for widen in (lambda p: slug_for(Path(p.name.replace(".", "-"))),
                  lambda p: f"{slug_for(Path(p.name.replace('.', '-')))}-{_path_tag(p)}"):
        seen: dict[str, int] = {}
        for _, slug in named:
            seen[slug] = seen.get(slug, 0) + 1
        named = [(p, widen(p) if seen[slug] > 1 else slug) for p, slug in named]
    return named


def _path_tag(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:8]


def stale_formats(folder: Path, hashes: dict[str, str]) -> tuple[str, ...]:
    """The formats of `hashes` whose manifest entry is missing, has other inputs, or whose file
    is gone or no longer has the recorded hash (in `hashes`' order)."""
    outputs = (read_manifest(folder) or {}).get("outputs", {})
    files = {fmt: output_format(fmt).file_name for fmt in hashes}
    stale = {fmt for fmt, digest in hashes.items()
             if outputs.get(files[fmt], {}).get("inputs") != digest
             or not _present(folder, outputs.get(files[fmt], {}), files[fmt])}
    charts_gone = any(not _present(folder, entry, name) for name, entry in outputs.items()
                      if name.startswith("charts/"))
    if charts_gone:  # charts are redrawn with any format that shows them
        stale |= {fmt for fmt in hashes if fmt in chart_formats()}
    return tuple(fmt for fmt in hashes if fmt in stale)


def _present(folder: Path, entry: dict[str, Any], name: str) -> bool:
    """True when `folder/name` is the file the manifest recorded: same size and SHA-256 (a
    same-size corruption or an edit is caught; hashing a few MB costs milliseconds)."""
    size, recorded = entry.get("bytes"), entry.get("sha256")
    if not isinstance(size, int) or not isinstance(recorded, str):
        return False
    try:
        return (folder / name).stat().st_size == size and \
            file_digest(folder / name, size, root=folder) == recorded
    except (OSError, ReportgenError):
        return False


def _shared_inputs(fmt: str, config: Config) -> str:
    """The hash of everything besides the source that the format's output depends on."""
    row = output_format(fmt)
    parts = {
        "format": fmt,
        "config": config_fingerprint(config),
        "versions": package_versions((*ALWAYS, *row.libraries)),
        "templates": template_digests(config, row.template_folders),
    }
    return _digest(json.dumps(parts, sort_keys=True))


def config_fingerprint(config: Config) -> str:
    """The config's content-affecting fields as stable text."""
    return repr({f.name: getattr(config, f.name) for f in fields(config)
                 if f.name not in NOT_CONTENT})


def template_digests(config: Config, folders: tuple[str, ...]) -> dict[str, str]:
    """'role/relative/path' → content hash for every file under the given template folders.

    Keys name the folder's role, not its place in the list, so adding a staff folder that only
    holds deck files leaves the briefing's hash unchanged.
    Files outside every format's folder (a shared footer or stylesheet that a template includes
    from `templates/shared/`) count for every format that has template folders. Files are
    hashed streaming; one that may not be read (a link out of the folder, a FIFO, too big)
    gets a marker, and the stage that reads it says why."""
    digests: dict[str, str] = {}
    if not folders:
        return digests
    own = set(template_folders())
    search_path = template_search_path(config.templates_dir, config.project_templates_dir)
    for role, root in search_path:
        shared = [root / name for name in _names(root) if name not in own]
        for top in [*(root / folder for folder in folders), *shared]:
            for path in sorted(_files_under(top)):
                digests[f"{role}/{path.relative_to(root).as_posix()}"] = safe_digest(
                    path, MAX_RESOURCE_BYTES, root=root)
    return digests


def _names(root: Path) -> list[str]:
    try:
        return sorted(n for n in os.listdir(root) if not n.startswith(".") and not
                      n.endswith("~"))
    except OSError:
        return []


def _files_under(top: Path) -> list[Path]:
    if top.is_symlink() or top.is_file():
        return [top]
    if not top.is_dir():
        return [top] if os.path.lexists(top) else []  # a FIFO or device: hashed as refused
    return [Path(d) / name for d, _, names in os.walk(top) for name in names
            if not name.startswith(".") and not name.endswith("~")]


def package_versions(names: tuple[str, ...]) -> dict[str, str]:
    """Installed versions of the named distributions, read from metadata (no import)."""
    return {name: _version(name) for name in sorted(set(names))}


@cache
def _version(name: str) -> str:
    if name == "reportgen":
        from reportgen import __version__

        return __version__
    return _installed().get(_normal(name), "missing")


@cache
def _installed() -> dict[str, str]:
    """Normalised distribution name → version, from the `*.dist-info` folder names on sys.path.

    A directory listing per path entry instead of `importlib.metadata`, whose import and
    lookups cost more than the rest of a no-op build together."""
    import sys

    found: dict[str, str] = {}
    for entry in reversed(sys.path):  # earlier entries win, as they do for imports
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            if folder.endswith(".dist-info") and "-" in folder:
                name, _, version = folder[: -len(".dist-info")].partition("-")
                found[_normal(name)] = version
    return found


def _normal(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
