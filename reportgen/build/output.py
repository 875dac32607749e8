"""Writing outputs safely: each file goes to a temporary name in its folder, then is renamed.

A build killed at any moment leaves every output either the complete old file or the complete
new one; `manifest.json` is written last, so it never names a file that is not there.
Leftover temporary files (a build killed mid-write) are removed by the next build.
The output folder names (`slug_for`) and the `reportgen charts` command's files are made here too.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportgen.config import Config
    from reportgen.model import Briefing

TEMP_SUFFIX = ".rgtmp"
MANIFEST = "manifest.json"
_SLUG_UNSAFE = re.compile(r"[^a-z0-9._-]+")
CHART_FILE_KINDS = {"svg": ("svg",), "png": ("png",), "both": ("svg", "png")}


def slug_for(source: Path) -> str:
    """A folder name made from the source's file stem: lowercase letters, digits, '.', '_', '-'."""
    slug = _SLUG_UNSAFE.sub("-", source.stem.lower()).strip(".-_")
    return slug or "document"


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers only ever see the old or the new complete file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut after a rename can otherwise lose it)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def inside(folder: Path, relative: str) -> Path:
    """`folder / relative`, refusing any name that would land outside `folder`."""
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise ValueError(f"refusing to write outside {folder}: {relative}")
    return target


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of an output folder, or None when it is missing or unreadable."""
    try:
        data = json.loads((folder / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_manifest(folder: Path, manifest: Mapping[str, Any]) -> None:
    """Write `manifest.json` (sorted keys, stable) atomically; call it after every output."""
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write(folder / MANIFEST, text.encode("utf-8"))


def remove_stale(folder: Path, keep: Iterable[str], under: str) -> list[str]:
    """Delete files in `folder/under` that `keep` (paths relative to `folder`) does not name."""
    wanted = set(keep)
    removed: list[str] = []
    sub = folder / under
    if not sub.is_dir():
        return removed
    for path in sorted(sub.iterdir()):
        name = f"{under}/{path.name}"
        if path.is_file() and name not in wanted and not path.name.endswith(TEMP_SUFFIX):
            path.unlink()
            removed.append(name)
    return removed


def remove_temporaries(folder: Path) -> list[Path]:
    """Delete temporary files a killed build left anywhere under `folder`; returns them."""
    if not folder.is_dir():
        return []
    leftovers = sorted(folder.rglob(f"*{TEMP_SUFFIX}"))
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers


def write_charts(briefing: Briefing, out: Path, formats: str = "both",
                 config: Config | None = None) -> Iterator[str]:
    """Write each chart to `out/<document slug>/<id>.svg|png` (`reportgen charts`); yields one
    line per file written or chart skipped."""
    from reportgen.charts import draw_plan, plan_for

    wanted = CHART_FILE_KINDS.get(formats, ("svg", "png"))
    folder = out / slug_for(Path(briefing.document.path))
    assets, skipped = draw_plan(plan_for(briefing, config), config, png="png" in wanted)
    folder.mkdir(parents=True, exist_ok=True)
    for asset in assets:
        for ext in wanted:
            data = asset.svg if ext == "svg" else asset.png
            if data is None:
                continue
            path = folder / f"{asset.id}.{ext}"
            atomic_write(path, data)
            yield f"wrote {path} ({len(data) / 1024:.0f} KB) — {asset.spec.title}"
    for decision in skipped:
        yield str(decision)
