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
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from reportgen.build.output import read_manifest, slug_for
from reportgen.config import Config
from reportgen.formats import chart_formats, output_format
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

    @property
    def up_to_date(self) -> bool:
        """True when no output of this document needs building."""
        return not self.rebuild


def document_jobs(sources: list[Path], config: Config, *, force: bool = False,
                  ) -> list[DocumentJob]:
    """A job for every source: each wanted format is rebuilt unless its manifest entry matches
    its input hash and its file is still there with the recorded size (or `force`)."""
    shared = {fmt: _shared_inputs(fmt, config) for fmt in config.formats}
    jobs: list[DocumentJob] = []
    for source, slug in _slugs(sources):
        folder = config.output_dir / slug
        overrides = overrides_path(source)
        own = _file_digest(source) + ":" + (_file_digest(overrides) if overrides else "-")
        hashes = {fmt: _digest(f"{own}:{shared[fmt]}") for fmt in config.formats}
        stale = tuple(hashes) if force else stale_formats(folder, hashes)
        jobs.append(DocumentJob(source, slug, folder, overrides, hashes, stale))
    return jobs


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
    is gone (in `hashes`' order)."""
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
    try:
        return (folder / name).stat().st_size == entry.get("bytes")
    except OSError:
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
    holds deck files leaves the briefing's hash unchanged."""
    digests: dict[str, str] = {}
    search_path = template_search_path(config.templates_dir, config.project_templates_dir)
    for role, root in search_path:
        for folder in folders:
            for path in sorted(_files_under(root / folder)):
                digests[f"{role}/{path.relative_to(root).as_posix()}"] = _file_digest(path)
    return digests


def _files_under(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [Path(d) / name for d, _, names in os.walk(folder) for name in names
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


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
