"""Writing outputs safely: a document's outputs are published together, in one rename.

A document is built into a fresh folder beside its folder (`.<slug>.<pid>.rgnew`): the outputs
that are still good are hard-linked in from the previous folder, the new ones written, the
manifest last; then the two folders are exchanged in one `renameat2(RENAME_EXCHANGE)` and the
old one is removed. At every instant `<slug>/` holds one complete build whose manifest matches
every file; a build killed at any moment leaves the previous folder as it was. Leftovers of a
killed build are removed by the next one, but only folders and files reportgen made: staging
folders that carry its mark or manifest, temporaries with its name pattern in document folders
that hold its manifest.
The output folder names (`slug_for`) and the `reportgen charts` command's files are made here too.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportgen.config import Config
    from reportgen.model import Briefing

TEMP_SUFFIX = ".rgtmp"
MANIFEST = "manifest.json"
MANIFEST_SCHEMA = "reportgen.manifest/1"
STAGING_MARK = ".reportgen-staging"  # in a staging folder until its manifest is written
_LEFTOVER = re.compile(r"^\.[a-z0-9._-]+\.\d+\.rg(new|old)$")
_TEMPORARY = re.compile(rf"^\..+\.\d+{re.escape(TEMP_SUFFIX)}$")
_SLUG_UNSAFE = re.compile(r"[^a-z0-9._-]+")
CHART_FILE_KINDS = {"svg": ("svg",), "png": ("png",), "both": ("svg", "png")}


def slug_for(source: Path) -> str:
    """A folder name made from the source's file stem: lowercase letters, digits, '.', '_', '-',
    at most 200 characters."""
    slug = _SLUG_UNSAFE.sub("-", source.stem.lower()).strip(".-_")
    # at most 200 characters: the staging folder's name adds ~20 to it, and 255 is the limit
    return slug[:200].rstrip(".-_") or "document"


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


MAX_MANIFEST_BYTES = 16 * 1024 * 1024


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of an output folder, or None when it is missing, unreadable or not shaped
    like one (`{"outputs": []}`, a folder, a FIFO: all mean "rebuild", never a crash)."""
    from reportgen.errors import ReportgenError
    from reportgen.files import read_file

    try:
        data = json.loads(read_file(folder / MANIFEST, MAX_MANIFEST_BYTES, root=folder))
    except (OSError, ValueError, RecursionError, ReportgenError):
        return None
    if not isinstance(data, dict):
        return None
    outputs = data.get("outputs", {})
    if not isinstance(outputs, dict) or not all(
            isinstance(k, str) and isinstance(v, dict) for k, v in outputs.items()):
        return None
    facts = data.get("facts", {})
    if not isinstance(facts, dict) or not all(isinstance(v, dict) for v in facts.values()):
        data = {k: v for k, v in data.items() if k != "facts"}  # no changes.md from a bad one
    return data


def made_by_reportgen(folder: Path) -> bool:
    """True when `folder` holds a manifest reportgen wrote (its schema named)."""
    manifest = read_manifest(folder)
    return manifest is not None and manifest.get("schema") == MANIFEST_SCHEMA


def staging_folder(folder: Path) -> Path:
    """A fresh, empty folder beside `folder` to build its next version in (marked as ours)."""
    staged = folder.parent / f".{folder.name}.{os.getpid()}.rgnew"
    if staged.is_dir() and not staged.is_symlink():
        shutil.rmtree(staged)  # ours: the name holds our pid, and the lock is held
    staged.mkdir(parents=True)
    (staged / STAGING_MARK).write_bytes(b"")
    return staged


def write_staged(staged: Path, name: str, data: bytes) -> None:
    """Write one output into a staging folder (flushed to disk before it is published)."""
    path = inside(staged, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def link_previous(previous: Path, staged: Path, names: Iterable[str]) -> None:
    """Hard-link (or copy, where links are not possible) `names` from `previous` into `staged`."""
    for name in names:
        source, target = previous / name, inside(staged, name)
        if not source.is_file() or source.is_symlink() or target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


def publish(staged: Path, folder: Path) -> None:
    """Put `staged` in the place of `folder` in one step; the old folder is then removed."""
    (staged / STAGING_MARK).unlink(missing_ok=True)
    _fsync_folder(staged)
    retired = folder.parent / f".{folder.name}.{os.getpid()}.rgold"
    if not folder.exists():
        os.rename(staged, folder)
    elif _exchange(staged, folder):
        os.rename(staged, retired)  # the previous build, under a name only it can have
    else:  # no RENAME_EXCHANGE here: two renames, the old folder kept until the second
        os.rename(folder, retired)
        os.rename(staged, folder)
    _fsync_folder(folder.parent)
    shutil.rmtree(retired, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux `renameat2` with RENAME_EXCHANGE); False if unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if done == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this filesystem cannot
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def has_leftovers(output_dir: Path) -> bool:
    """True when `output_dir` holds a staging folder a killed build left (a cheap listing)."""
    try:
        return any(_LEFTOVER.match(name) for name in os.listdir(output_dir))
    except OSError:
        return False


def remove_leftovers(output_dir: Path) -> list[Path]:
    """Delete what killed builds left, and only what reportgen made: previous builds being
    removed (`.<slug>.<pid>.rgold`), staging folders (`.rgnew`) that carry its mark or
    manifest or are empty, and temporaries named
    `.<file>.<pid>.rgtmp` in document folders whose manifest it wrote; returns them."""
    if not output_dir.is_dir() or output_dir.is_symlink():
        return []
    removed: list[Path] = []
    for entry in sorted(output_dir.iterdir()):
        if entry.is_symlink() or not entry.is_dir():
            continue
        match = _LEFTOVER.match(entry.name)
        if match:  # .rgold: only ever a previous build renamed by `publish`
            if match.group(1) == "old" or (entry / STAGING_MARK).is_file() \
                    or made_by_reportgen(entry) or not any(entry.iterdir()):
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry)
        elif made_by_reportgen(entry):
            removed += remove_temporaries(entry)
    return removed


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
    """Delete the temporary files (`.<name>.<pid>.rgtmp`, ours) a killed build left in a
    document folder and its `charts/`; returns them."""
    if not folder.is_dir():
        return []
    leftovers = sorted(p for sub in (folder, folder / "charts") if sub.is_dir()
                       and not sub.is_symlink() for p in sub.iterdir()
                       if _TEMPORARY.match(p.name) and p.is_file() and not p.is_symlink())
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
