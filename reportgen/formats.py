"""The output formats, one row each: what a format is called, the file it writes, what it reads.

Every list of formats derives from `FORMATS`: the config's and the command line's choices, the
build's freshness hashes (template folders, library versions), the render order, the modules
warmed up before a batch, and what `reportgen check` renders. A new output format is one row
here and one renderer. Renderers are named by module path and loaded only when used, so this
module imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One output format: its name, file, inputs and renderer."""

    name: str
    """What the config and `--formats` call it ('pdf')."""
    file_name: str
    """The file it writes in a document's output folder ('briefing.pdf')."""
    template_folders: tuple[str, ...]
    """The template folders it reads (under each template root), whose files enter its hash."""
    libraries: tuple[str, ...]
    """Distributions whose installed versions enter its hash (they shape its bytes)."""
    renderer: tuple[str, str] | None = None
    """(module, function) that renders it in memory; None when the build writes it itself."""
    render_order: int | None = None
    """Its place when a document's formats are rendered one after another (lowest first)."""
    shows_charts: bool = False
    """True when its output shows the charts (charts are redrawn with it)."""
    preload: tuple[str, ...] = ()
    """Modules imported ahead of its renderer's module to warm a process up before forking."""
    checked: bool = False
    """True when `reportgen check` renders it against each source's real data."""

    @property
    def warm_modules(self) -> tuple[str, ...]:
        """The modules to import so that rendering this format starts warm."""
        return (*self.preload, self.renderer[0]) if self.renderer else self.preload


FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat("pdf", "briefing.pdf", ("briefing", "findings"),
                 ("weasyprint", "jinja2", "matplotlib"),
                 ("reportgen.render.briefing.pdf", "render_pdf"), render_order=1,
                 shows_charts=True),
    OutputFormat("html", "briefing.html", ("briefing", "findings"), ("jinja2", "matplotlib"),
                 ("reportgen.render.briefing.html", "render_html"), render_order=0,
                 shows_charts=True, checked=True),
    OutputFormat("pptx", "deck.pptx", ("deck", "findings"),
                 ("python-pptx", "jinja2", "matplotlib", "PyYAML"),
                 ("reportgen.render.deck", "render_deck"), render_order=2, shows_charts=True,
                 preload=("pptx",), checked=True),
    # data.json is written from the data layer itself, by the build
    OutputFormat("json", "data.json", ("findings",), ("jinja2", "PyYAML")),
)


def format_names() -> tuple[str, ...]:
    """Every format's name, in table order (the default `formats` of the config)."""
    return tuple(f.name for f in FORMATS)


def output_format(name: str) -> OutputFormat:
    """The row of the format called `name`; `KeyError` naming the known ones otherwise."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise KeyError(f"unknown output format {name!r}; known: {', '.join(format_names())}")


def render_order(names: tuple[str, ...] | list[str]) -> list[str]:
    """Those of `names` that a renderer renders, in render order."""
    rows = [output_format(n) for n in dict.fromkeys(names)]
    rendered = [r for r in rows if r.renderer is not None and r.render_order is not None]
    return [r.name for r in sorted(rendered, key=lambda r: r.render_order or 0)]


def chart_formats() -> tuple[str, ...]:
    """The names of the formats that show charts."""
    return tuple(f.name for f in FORMATS if f.shows_charts)


def file_names() -> dict[str, str]:
    """Format name → the file it writes."""
    return {f.name: f.file_name for f in FORMATS}


def template_folders() -> tuple[str, ...]:
    """Every template folder some format reads, once each, in table order."""
    return tuple(dict.fromkeys(folder for f in FORMATS for folder in f.template_folders))
