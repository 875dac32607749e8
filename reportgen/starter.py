"""`reportgen templates init DIR`: a copy of the shipped templates for staff to edit.

The copy goes into DIR with a README saying what each file controls. Existing files are never
overwritten unless asked, so running it twice cannot lose someone's work.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from reportgen.errors import InputError
from reportgen.formats import template_folders
from reportgen.templating import DEFAULTS_DIR

FILE_ROLES: dict[str, str] = {
    "briefing/briefing.html.j2": "the briefing page reportgen renders (thin: it extends "
                                 "base.html.j2; override single blocks here)",
    "briefing/base.html.j2": "the page's parts, in order, each a block: cover, toc, glance, "
                             "system, chapters, extra_charts, targets, sources",
    "briefing/style.css": "the look of the PDF and HTML: page size, margins, fonts, colours "
                          "(CSS variables at the top)",
    "briefing/custom.css": "your own CSS rules, loaded after style.css (empty to start with)",
    "briefing/assets/logo.svg": "the logo on the cover and page headers; replace it with "
                                "yours (same name, .svg or .png)",
    "briefing/partials/cover.html.j2": "the cover page: title, organisation, date, logo",
    "briefing/partials/toc.html.j2": "the table of contents",
    "briefing/partials/glance.html.j2": "\"At a glance\": the key figures",
    "briefing/partials/system.html.j2": "the industrial system diagram and its tiers",
    "briefing/partials/chapter.html.j2": "one chapter per numbered section of the release: "
                                         "its point, what it covers, charts, key figures",
    "briefing/partials/annotated.html.j2": "\"The release, annotated\": the release's own "
                                           "sentences, each figure marked",
    "briefing/partials/extra_charts.html.j2": "charts not placed in a chapter",
    "briefing/partials/targets.html.j2": "the table of targets (goal, year, latest figure)",
    "briefing/partials/sources.html.j2": "the appendix of source sentences every figure "
                                         "links to",
    "briefing/partials/macros.html.j2": "small reusable pieces (figure links, chart figures)",
    "findings/findings.yaml": "the wording of the key findings and of the analytic title, one "
                              "pattern per kind of finding",
    "index/index.html.j2": "the page output/index.html that lists every briefing with its "
                           "date, title, findings and links (its look is in its <style>)",
    "deck/deck.yaml": "the slide list: which layout, title, text, chart, table or tiles on "
                      "each slide, in order",
    "deck/master.pptx": "the PowerPoint master: open it in PowerPoint to change colours, "
                        "fonts, logo and layouts (keep the layout names deck.yaml uses)",
}

PAGE_FOLDERS = ("index",)
"""Template folders of pages the build writes beside the formats (`output/index.html`)."""

README = """# Your reportgen templates

This folder is a copy of the templates reportgen ships. Edit any file, then build with

    reportgen build --templates {folder}

(or put `templates = "{folder}"` in `reportgen.toml`). Check your edits before building:

    reportgen check --templates {folder}

and watch the result live in your browser while you edit:

    reportgen watch --templates {folder}

Files you delete here fall back to the shipped version, so keep only what you change.
A template can extend the file it replaces: `{{% extends "default/briefing/briefing.html.j2" %}}`.

## What each file controls

| file | what it controls |
| --- | --- |
{rows}

## Rules

- `{{{{ ... }}}}` fills in data: `{{{{ cite(fact('ID')) }}}}` with an id from
  `reportgen extract seeds/FILE` (guard it with `{{% if has_fact('ID') %}}`: ids belong to one
  release),
  `{{{{ document.title }}}}`, `{{{{ organisation }}}}`. A misspelt name is reported with its file
  and line by `reportgen check`.
- Templates cannot read files or reach the network; images and fonts must be in this folder.
"""


def init_templates(folder: Path, *, overwrite: bool = False) -> list[Path]:
    """Copy the shipped templates and a README into `folder`; returns the files written.

    Raises `InputError` naming the files that already exist (unless `overwrite`)."""
    files = shipped_files()
    targets = [folder / name for name in files] + [folder / "README.md"]
    existing = [t for t in targets if t.exists()]
    if existing and not overwrite:
        names = ", ".join(str(p) for p in existing[:3]) + (" …" if len(existing) > 3 else "")
        raise InputError(f"{folder}: already holds {names}; choose an empty folder or use "
                         "--force to overwrite")
    for name in files:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEFAULTS_DIR / name, target)
    (folder / "README.md").write_text(readme(folder, files), encoding="utf-8")
    return targets


def shipped_files() -> list[str]:
    """The shipped template files of every format's template folders and of the index page, as
    paths relative to the defaults folder."""
    folders = (*template_folders(), *PAGE_FOLDERS)
    files = (p for folder in folders for p in (DEFAULTS_DIR / folder).rglob("*"))
    return sorted(p.relative_to(DEFAULTS_DIR).as_posix() for p in files
                  if p.is_file() and "__pycache__" not in p.parts)


def readme(folder: Path, files: list[str]) -> str:
    """The starter README: how to use the folder and what each of `files` controls."""
    rows = "\n".join(f"| `{name}` | {FILE_ROLES.get(name, _guess(name))} |" for name in files)
    return README.format(folder=folder, rows=rows)


def _guess(name: str) -> str:
    if "/assets/" in name:
        return "an image or font the templates use"
    if name.endswith(".html.j2"):
        return "a part of the briefing page"
    return "a template file"
