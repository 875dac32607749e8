"""The deck's package bytes: reproducible dates and a zip written once with fixed entry dates.

python-pptx stamps core properties and zip entries with the time of saving, and xlsxwriter
stamps the workbooks embedded in charts; here every one of those is fixed, so two builds of the
same release give the same bytes. python-pptx is imported only inside `package_bytes`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportgen.model import Briefing

_FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def build_time(briefing: Briefing) -> dt.datetime:
    """The deck's created/modified time: SOURCE_DATE_EPOCH, else the document date, else 2000."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    try:
        return dt.datetime.fromisoformat(briefing.document.date or "")
    except ValueError:
        return dt.datetime(2000, 1, 1)


def normalise_package(data: bytes) -> bytes:
    """The same package with fixed zip dates and fixed dates inside embedded workbooks."""
    return normalise_package_with(data, normalise_member)


def normalise_member(name: str, blob: bytes) -> bytes:
    """A package member as `normalise_package` keeps it: embedded workbooks' dates fixed."""
    return _normalise_workbook(blob) if name.endswith(".xlsx") else blob


def _normalise_workbook(blob: bytes) -> bytes:
    """An embedded workbook with its created/modified stamps fixed (xlsxwriter uses 'now')."""
    def fix(name: str, text: bytes) -> bytes:
        if name != "docProps/core.xml":
            return text
        return re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z",
                      text)

    return normalise_package_with(blob, fix)


def normalise_package_with(data: bytes, fix: Callable[[str, bytes], bytes]) -> bytes:
    """A zip rewritten with fixed entry dates, each member passed through `fix(name, bytes)`."""
    source = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            write_fixed(target, info.filename, fix(info.filename, source.read(info)))
    return out.getvalue()


def write_fixed(target: zipfile.ZipFile, name: str, blob: bytes) -> None:
    """Add `blob` to `target` as `name`, deflated, with the fixed date and mode."""
    entry = zipfile.ZipInfo(name, _FIXED_ZIP_DATE)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    target.writestr(entry, blob)


def package_bytes(prs: Any) -> bytes:
    """The presentation's package with fixed dates: `normalise_package` of what `prs.save`
    writes, but with each part compressed once, not written, read back and compressed again.

    python-pptx's own package writer serialises the parts, in its order, into our zip; with a
    python-pptx whose writer differs, the package is saved and then normalised.
    """
    package = prs.part.package
    try:
        from pptx.opc.serialized import PackageWriter

        writer = PackageWriter(BytesIO(), package._rels, tuple(package.iter_parts()))
        steps: tuple[Callable[[Any], None], ...] = (
            writer._write_content_types_stream, writer._write_pkg_rels, writer._write_parts)
    except (ImportError, AttributeError, TypeError):
        buffer = BytesIO()
        prs.save(buffer)
        return normalise_package(buffer.getvalue())
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for step in steps:
            step(_FixedDateSink(target))
    return out.getvalue()


class _FixedDateSink:
    """What python-pptx's package writer writes to (`write(pack_uri, blob)`): our zip."""

    __slots__ = ("target",)

    def __init__(self, target: zipfile.ZipFile) -> None:
        self.target = target

    def write(self, pack_uri: Any, blob: bytes) -> None:
        """Add one part (or rels item) to the zip as `normalise_package` would."""
        name = str(pack_uri.membername)
        write_fixed(self.target, name, normalise_member(name, blob))
