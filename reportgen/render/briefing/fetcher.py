"""The restricted resource resolver behind WeasyPrint: template files and this build's charts only.

Templates and stylesheets refer to resources through two virtual bases:

- `file:///reportgen-templates/<path>` — a file under the template roots, looked up in the same
  search order as the templates (staff folder → project `templates/` → shipped defaults);
  `file:///reportgen-templates/default/<path>` always names the shipped file.
- `file:///reportgen-charts/<id>.svg` — a chart drawn for this build, served from memory.

`data:` URLs are decoded; a real `file://` URL is allowed only when it resolves inside a template
root. Everything else (http, https, ftp, `file://` elsewhere, `../`, `%2F` or symlink escapes) is
refused with a `ResourceRefused` whose message is one line for the build's report. No network
request is ever made: nothing here opens a socket.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from reportgen.errors import ReportgenError
from reportgen.files import MAX_RESOURCE_BYTES, read_file

TEMPLATE_BASE = "file:///reportgen-templates/"
CHART_BASE = "file:///reportgen-charts/"
DEFAULT_PREFIX = "default"
REFUSED_MARKER = "[reportgen refused]"

_MIME_FALLBACK = {".svg": "image/svg+xml", ".css": "text/css", ".woff2": "font/woff2",
                  ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf"}


class ResourceRefused(ValueError):
    """A resource the renderer may not load; `str(error)` is the one-line reason."""


@dataclass(frozen=True, slots=True)
class Resource:
    """The bytes of one allowed resource and its media type."""

    url: str
    data: bytes
    mime_type: str


@dataclass(slots=True)
class ResourceResolver:
    """Serves template files (in search order) and chart bytes; refuses everything else."""

    roots: Sequence[Path]
    defaults_root: Path
    charts: Mapping[str, bytes] = field(default_factory=dict)

    def resolve(self, url: str) -> Resource:
        """The resource named by `url`; `ResourceRefused` (one line) when it is not allowed."""
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return _decode_data_url(url)
        if scheme != "file":
            raise ResourceRefused(f"refused {_short(url)}: only template files and this build's "
                                  "charts may be loaded (no network access)")
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise ResourceRefused(f"refused {_short(url)}: file URLs on other hosts are refused")
        if url.startswith(CHART_BASE):
            return self._chart(url, unquote(parts.path[len("/reportgen-charts/"):]))
        if url.startswith(TEMPLATE_BASE):
            return self._template_file(url, unquote(parts.path[len("/reportgen-templates/"):]))
        return self._real_file(url, Path(unquote(parts.path)))

    def _chart(self, url: str, name: str) -> Resource:
        data = self.charts.get(name)
        if data is None:
            raise ResourceRefused(f"refused {_short(url)}: no chart {name!r} in this build")
        return Resource(url, data, _mime(name))

    def _template_file(self, url: str, relative: str) -> Resource:
        rel = _safe_relative(url, relative)
        roots: Sequence[Path] = self.roots
        if rel.parts and rel.parts[0] == DEFAULT_PREFIX:
            rel, roots = PurePosixPath(*rel.parts[1:]), [self.defaults_root]
        for root in roots:
            found = _inside(root, root.joinpath(*rel.parts))
            if found is not None:
                return Resource(url, _read(url, found), _mime(found.name))
        raise ResourceRefused(f"refused {_short(url)}: {rel} is not a file inside any "
                              "template folder (links out of the folder do not count)")

    def _real_file(self, url: str, path: Path) -> Resource:
        _safe_relative(url, str(path).lstrip("/"))
        for root in self.roots:
            found = _inside(root, path)
            if found is not None:
                return Resource(url, _read(url, found), _mime(found.name))
        raise ResourceRefused(f"refused {_short(url)}: only files inside the template folders "
                              "may be loaded")


def _safe_relative(url: str, relative: str) -> PurePosixPath:
    """`relative` as a clean relative path; refuses '..', backslashes and NUL (after decoding)."""
    if "\x00" in relative or "\\" in relative:
        raise ResourceRefused(f"refused {_short(url)}: malformed path")
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise ResourceRefused(f"refused {_short(url)}: paths may not leave the template folder")
    return rel


def _inside(root: Path, candidate: Path) -> Path | None:
    """`candidate` resolved (symlinks followed) if it is a file inside `root`, else None."""
    try:
        real = candidate.resolve(strict=True)
        real.relative_to(root.resolve())
    except (OSError, ValueError, RuntimeError):
        return None
    return real if real.is_file() else None


def _read(url: str, path: Path) -> bytes:
    """The bytes of a resource through `reportgen.files` (regular file, bounded, no FIFO)."""
    if path.stat().st_size > MAX_RESOURCE_BYTES:
        raise ResourceRefused(f"refused {_short(url)}: larger than "
                              f"{MAX_RESOURCE_BYTES // (1024 * 1024)} MB")
    try:
        return read_file(path, MAX_RESOURCE_BYTES)
    except ReportgenError as exc:
        raise ResourceRefused(f"refused {_short(url)}: {exc}") from None


def _decode_data_url(url: str) -> Resource:
    """The bytes of a `data:` URL (RFC 2397)."""
    header, sep, payload = url[5:].partition(",")
    if not sep:
        raise ResourceRefused(f"refused {_short(url)}: malformed data URL")
    mime = header.split(";", 1)[0] or "text/plain"
    raw = unquote_to_bytes(payload)
    if header.endswith(";base64"):
        try:
            raw = base64.b64decode(raw, validate=False)
        except ValueError as exc:
            raise ResourceRefused(f"refused {_short(url)}: bad base64 ({exc})") from None
    return Resource(url, raw, mime)


def _mime(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return _MIME_FALLBACK.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _short(url: str, limit: int = 90) -> str:
    """`url` on one line, cut to `limit` characters for a readable warning."""
    flat = re.sub(r"\s+", " ", url)
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def data_url(resource: Resource) -> str:
    """`resource` as a base64 `data:` URL, for the self-contained HTML."""
    return f"data:{resource.mime_type};base64,{base64.b64encode(resource.data).decode('ascii')}"


def weasyprint_fetcher(resolver: ResourceResolver, warnings: list[str]) -> Any:
    """A WeasyPrint `URLFetcher` that serves only what `resolver` allows; refusals go to `warnings`.

    Imports WeasyPrint, so call it only from the PDF stage.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class RestrictedFetcher(URLFetcher):  # type: ignore[misc]
        """Never opens a socket or a file outside the template roots; no redirects."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=(), allow_redirects=False)

        def fetch(self, url: str, headers: Any = None) -> Any:
            try:
                resource = resolver.resolve(url)
            except ResourceRefused as exc:
                line = f"PDF: {exc}"
                if line not in warnings:
                    warnings.append(line)
                raise ResourceRefused(f"{REFUSED_MARKER} {exc}") from None
            return URLFetcherResponse(url, resource.data, {"Content-Type": resource.mime_type})

    return RestrictedFetcher()
