"""Checks a PowerPoint master file is safe to open, before python-pptx ever touches it.

Everything here uses `zipfile` and `defusedxml` only: the file is read once through
`reportgen.files` (a regular file inside its template folder, size checked before reading),
sizes are taken from the zip directory (never by inflating members), and every XML part, known
by its content type or by its first bytes whatever its name, is parsed with DTDs and entities
forbidden, so a zip bomb or an entity-expansion part is refused with one line and no memory
blow-up. The package must hang together as python-pptx needs it: a presentation main part,
a slide master, and every internal relationship pointing to a part that is there.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from reportgen.config import Limits
from reportgen.errors import MasterError
from reportgen.files import read_file

_FIX = "replace it with a .pptx saved from PowerPoint, or delete it to use the shipped master"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_LAYOUT_PART = re.compile(r"^ppt/slideLayouts/slideLayout\d+\.xml$")
_OTHER_OFFICE = {
    "word/document.xml": "a Word document (.docx)",
    "xl/workbook.xml": "an Excel workbook (.xlsx)",
}


_MAIN_TYPES = tuple(f"application/vnd.{kind}.main+xml" for kind in (
    "openxmlformats-officedocument.presentationml.presentation",
    "openxmlformats-officedocument.presentationml.slideshow",
    "openxmlformats-officedocument.presentationml.template",
    "ms-powerpoint.presentation.macroEnabled", "ms-powerpoint.slideshow.macroEnabled",
    "ms-powerpoint.template.macroEnabled"))
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SLIDE_MASTER_REL = "/relationships/slideMaster"


def check_master(path: Path, limits: Limits, root: Path | None = None) -> tuple[str, ...]:
    """The names of the master's slide layouts; `MasterError` if the file is not a safe .pptx."""
    return read_master(path, limits, root)[1]


def read_master(path: Path, limits: Limits, root: Path | None = None,
                ) -> tuple[bytes, tuple[str, ...]]:
    """The master's bytes, read once, and its slide layouts' names; `MasterError` (one line
    naming the file and the fix) if it is not a safe, whole .pptx."""
    if not path.exists() and not path.is_symlink():
        raise MasterError(f"{path}: master not found; {_FIX}")
    data = read_file(path, limits.max_master_bytes, root=root, what="master (.pptx)",
                     limit_name="limits.max_master_bytes", error=MasterError)
    if not data:
        raise MasterError(f"{path}: the master is an empty (0-byte) file; {_FIX}")
    if not data.startswith(b"PK"):
        raise MasterError(f"{path}: not a .pptx file (it is not a zip archive); {_FIX}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            _check_members(path, members, limits)
            return data, _check_parts(path, archive, members)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise MasterError(f"{path}: not a readable .pptx ({exc}); {_FIX}") from None


def missing_layouts(available: tuple[str, ...], needed: list[str]) -> list[str]:
    """The layout names in `needed` that `available` lacks, in first-use order, no repeats."""
    have = {name.casefold() for name in available}
    return list(dict.fromkeys(n for n in needed if n.casefold() not in have))


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
    """Parse every XML part safely (by content type or content, not by name), check the package
    hangs together; return the slide layouts' names in part order."""
    layouts: list[tuple[int, str]] = []
    types = _content_types(path, archive)
    names = {m.filename for m in members}
    roots: dict[str, object] = {}
    for member in members:
        if member.is_dir():
            continue
        data = archive.read(member)  # bounded: sizes were checked against the limit above
        if not _is_xml(member.filename, data, types):
            continue
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
        roots[member.filename] = root
        if _LAYOUT_PART.match(member.filename):
            csld = root.find(f"{_P}cSld")
            name = csld.get("name", "") if csld is not None else ""
            number = int(re.sub(r"\D", "", member.filename.rsplit("/", 1)[1]))
            layouts.append((number, name))
    _check_package(path, types, names, roots)
    return tuple(name for _, name in sorted(layouts))


def _content_types(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    """'/part/name' (overrides) and 'ext' (defaults) → content type, from [Content_Types].xml."""
    try:
        root = fromstring(archive.read("[Content_Types].xml"), forbid_dtd=True)
    except DefusedXmlException:
        raise MasterError(f"{path}: part [Content_Types].xml has a DOCTYPE or entity "
                          f"declaration, which is refused for safety; {_FIX}") from None
    except Exception as exc:  # noqa: BLE001 — any parse failure means a damaged part
        raise MasterError(f"{path}: part [Content_Types].xml is not valid XML ({exc}); "
                          f"{_FIX}") from None
    types = {e.get("Extension", "").lower(): e.get("ContentType", "")
             for e in root.iter(f"{_CT}Default")}
    types.update({e.get("PartName", "").lower(): e.get("ContentType", "")
                  for e in root.iter(f"{_CT}Override")})
    return types


def _content_type(name: str, types: dict[str, str]) -> str:
    return types.get("/" + name.lower()) or types.get(name.rsplit(".", 1)[-1].lower(), "")


def _is_xml(name: str, data: bytes, types: dict[str, str]) -> bool:
    """True for a part whose content type is XML, or whose bytes look like XML whatever its
    name and type say (a renamed part is parsed all the same)."""
    kind = _content_type(name, types)
    if kind.endswith("xml") or name.endswith((".xml", ".rels")):
        return True
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") or head.startswith((b"\xff\xfe<", b"\xfe\xff\x00<"))


def _check_package(path: Path, types: dict[str, str], names: set[str],
                   roots: dict[str, object]) -> None:
    """Refuse a package python-pptx cannot open: the main part is not a presentation, there is
    no slide master, or an internal relationship points to a part that is missing."""
    main = _content_type("ppt/presentation.xml", types)
    if main not in _MAIN_TYPES:
        raise MasterError(f"{path}: its main part's content type is {main or 'missing'!r}, not "
                          f"a PowerPoint presentation; {_FIX}")
    masters = []
    for rels_name, rels in roots.items():
        if not rels_name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(rels_name))
        for rel in rels.iter(f"{_RELS}Relationship"):  # type: ignore[attr-defined]
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            part = posixpath.normpath(posixpath.join(folder, target)).lstrip("/") \
                if not target.startswith("/") else target.lstrip("/")
            if part not in names:
                raise MasterError(f"{path}: part {rels_name} refers to {target!r}, which is "
                                  f"missing (a damaged package); {_FIX}")
            if rels_name == "ppt/_rels/presentation.xml.rels" and \
                    rel.get("Type", "").endswith(_SLIDE_MASTER_REL):
                masters.append(part)
    if not masters:
        raise MasterError(f"{path}: has no slide master; {_FIX}")
