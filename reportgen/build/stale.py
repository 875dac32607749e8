"""Outputs of removed sources: the folders a build made for sources that are gone.

A folder is ours when it sits directly in the output folder (not a link out of it) and holds a
`manifest.json` of our schema; anything else there (a README, a folder staff made, the index)
is never touched. A build of the whole seeds folder removes our folders whose source it no
longer finds, unless `--keep-stale`; a build of named documents removes nothing, since the
documents it was not given are not gone.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from reportgen.build.output import MANIFEST, read_manifest

MANIFEST_SCHEMAS = ("reportgen.manifest/1",)


def managed_folders(output_dir: Path) -> list[Path]:
    """The folders directly in `output_dir` that a build made (they hold our manifest), sorted."""
    if not output_dir.is_dir():
        return []
    root = output_dir.resolve()
    found = []
    for folder in sorted(output_dir.iterdir()):
        if folder.is_symlink() or not folder.is_dir() or not (folder / MANIFEST).is_file():
            continue
        if folder.resolve().parent != root:  # only folders of this output folder itself
            continue
        manifest = read_manifest(folder) or {}
        if manifest.get("schema") in MANIFEST_SCHEMAS:
            found.append(folder)
    return found


def stale_folders(output_dir: Path, current: Iterable[str]) -> list[Path]:
    """Our folders in `output_dir` whose slug is not among `current` (this build's documents)."""
    keep = set(current)
    return [folder for folder in managed_folders(output_dir) if folder.name not in keep]


def remove_folders(folders: Iterable[Path]) -> list[str]:
    """Delete each folder with everything in it; returns their names (a folder that cannot be
    removed is left and not named, and the next build tries again)."""
    removed = []
    for folder in folders:
        try:
            shutil.rmtree(folder)
        except OSError:
            continue
        removed.append(folder.name)
    return removed

