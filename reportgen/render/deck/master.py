"""Checks a PowerPoint master file is safe to open, before python-pptx ever touches it.

Everything here uses `zipfile` and `defusedxml` only: sizes are taken from the zip directory
(never by inflating members), and every XML part is parsed with DTDs and entities forbidden,
so a zip bomb or an entity-expansion part is refused with one line and no memory blow-up.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from reportgen.config import Limits
from reportgen.errors import MasterError

_FIX = "replace it with a .pptx saved from PowerPoint, or delete it to use the shipped master"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_LAYOUT_PART = re.compile(r"^ppt/slideLayouts/slideLayout\d+\.xml$")
_OTHER_OFFICE = {
    "word/document.xml": "a Word document (.docx)",
    "xl/workbook.xml": "an Excel workbook (.xlsx)",
}


def check_master(path: Path, limits: Limits) -> tuple[str, ...]:
    """The names of the master's slide layouts; `MasterError` if the file is not a safe .pptx."""
    _check_file(path, limits)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_members(path, members, limits)
            return _check_parts(path, archive, members)
    except zipfile.BadZipFile as exc:
        raise MasterError(f"{path}: not a readable .pptx ({exc}); {_FIX}") from None


def missing_layouts(available: tuple[str, ...], needed: list[str]) -> list[str]:
    """The layout names in `needed` that `available` lacks, in first-use order, no repeats."""
    have = {name.casefold() for name in available}
    return list(dict.fromkeys(n for n in needed if n.casefold() not in have))


def _check_file(path: Path, limits: Limits) -> None:
    """Refuse what is not a non-empty, not-too-big zip file."""
    if not path.exists():
        raise MasterError(f"{path}: master not found; {_FIX}")
    if not path.is_file():
        raise MasterError(f"{path}: is a directory, not a .pptx file; {_FIX}")
    size = path.stat().st_size
    if size == 0:
        raise MasterError(f"{path}: the master is an empty (0-byte) file; {_FIX}")
    if size > limits.max_master_bytes:
        raise MasterError(
            f"{path}: the master is {size:,} bytes, over the limit of "
            f"{limits.max_master_bytes:,} (limits.max_master_bytes); use a smaller master"
        )
    if not zipfile.is_zipfile(path):
        raise MasterError(f"{path}: not a .pptx file (it is not a zip archive); {_FIX}")


def _check_members(path: Path, members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse archives whose declared uncompressed size is over the limit (zip bombs)."""
    total = sum(m.file_size for m in members)
    if total > limits.max_master_uncompressed_bytes:
        biggest = max(members, key=lambda m: m.file_size)
        raise MasterError(
            f"{path}: the master unpacks to {total:,} bytes (largest part {biggest.filename!r}), "
            f"over the limit of {limits.max_master_uncompressed_bytes:,} "
            "(limits.max_master_uncompressed_bytes); this looks like a zip bomb"
        )
    names = {m.filename for m in members}
    for part, what in _OTHER_OFFICE.items():
        if part in names and "ppt/presentation.xml" not in names:
            raise MasterError(f"{path}: is {what}, not a PowerPoint file; {_FIX}")
    for required in ("[Content_Types].xml", "ppt/presentation.xml"):
        if required not in names:
            raise MasterError(f"{path}: not a PowerPoint file (no {required} inside); {_FIX}")


def _check_parts(
    path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]
) -> tuple[str, ...]:
    """Parse every XML part safely; return the slide layouts' names in part order."""
    layouts: list[tuple[int, str]] = []
    for member in members:
        if not member.filename.endswith((".xml", ".rels")):
            continue
        data = archive.read(member)  # bounded: sizes were checked against the limit above
        try:
            root = fromstring(data, forbid_dtd=True)
        except DefusedXmlException as exc:
            raise MasterError(
                f"{path}: part {member.filename} has a DOCTYPE or entity declaration "
                f"({type(exc).__name__}), which is refused for safety; {_FIX}"
            ) from None
        except Exception as exc:  # noqa: BLE001 — any parse failure means a damaged part
            raise MasterError(
                f"{path}: part {member.filename} is not valid XML ({exc}); {_FIX}"
            ) from None
        if _LAYOUT_PART.match(member.filename):
            csld = root.find(f"{_P}cSld")
            name = csld.get("name", "") if csld is not None else ""
            number = int(re.sub(r"\D", "", member.filename.rsplit("/", 1)[1]))
            layouts.append((number, name))
    return tuple(name for _, name in sorted(layouts))
