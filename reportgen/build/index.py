"""`output/index.html`: one page listing every briefing in the output folder, with links.

Each row is read from what the build wrote: the manifest (date, the release's title, the
files there) and `data.json` (the analytic title and the number of key findings). The page is
rendered with `index/index.html.j2` from the template search path, so staff restyle it like
the briefing, and written atomically after every build that writes (and by a no-op build when
it is missing).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.build.output import atomic_write, read_manifest
from reportgen.build.stale import managed_folders
from reportgen.formats import file_names

if TYPE_CHECKING:
    from reportgen.config import Config

INDEX_FILE = "index.html"
INDEX_TEMPLATE = "index/index.html.j2"
LINKS = (("pdf", "PDF"), ("pptx", "Deck"), ("html", "HTML"), ("json", "Data"))


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One briefing on the index page."""

    slug: str
    title: str
    release_title: str
    date: str | None
    findings: int | None
    links: tuple[tuple[str, str], ...]
    """(label, path relative to the index) of each output that is there."""
    href: str
    """Where the title links: the HTML briefing, else the PDF, else the folder."""
    warnings: int


def index_entries(output_dir: Path) -> list[IndexEntry]:
    """An entry per briefing folder in `output_dir`, newest release first, then by title."""
    entries = [_entry(folder) for folder in managed_folders(output_dir)]
    entries.sort(key=lambda e: (e.title.lower(), e.slug))
    entries.sort(key=lambda e: e.date or "", reverse=True)
    return entries


def _entry(folder: Path) -> IndexEntry:
    manifest = read_manifest(folder) or {}
    document = manifest.get("document") or {}
    data = _data(folder / file_names()["json"])
    release = str(document.get("title") or "")
    analytic = data.get("analytic_title")
    findings = data.get("findings")
    names = file_names()
    links = tuple((label, f"{folder.name}/{names[fmt]}") for fmt, label in LINKS
                  if (folder / names[fmt]).is_file())
    return IndexEntry(
        slug=folder.name,
        title=str(analytic or release or folder.name),
        release_title=release if analytic and release != analytic else "",
        date=document.get("date") if isinstance(document.get("date"), str) else None,
        findings=len(findings) if isinstance(findings, list) else None,
        links=links,
        href=next((path for label, path in links if label in ("HTML", "PDF")),
                  f"{folder.name}/"),
        warnings=len(manifest.get("warnings") or ()),
    )


def _data(path: Path) -> dict[str, Any]:
    """data.json's top level, or {} when it is missing or unreadable (a pdf-only build)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def render_index(entries: list[IndexEntry], config: Config) -> str:
    """The index page's HTML; `TemplateError` (file:line) when the template is broken."""
    from reportgen.templating import make_environment, render_template, template_roots

    env = make_environment(template_roots(config.templates_dir, config.project_templates_dir))
    context = {"entries": [asdict(e) for e in entries], "organisation": config.organisation,
               "count": len(entries)}
    return render_template(env, INDEX_TEMPLATE, context)


def write_index(config: Config) -> Path:
    """Render the index of `config.output_dir` and write it atomically; returns its path."""
    path = config.output_dir / INDEX_FILE
    html = render_index(index_entries(config.output_dir), config)
    atomic_write(path, html.encode("utf-8"))
    return path
