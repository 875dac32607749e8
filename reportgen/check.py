"""`reportgen check`: find every problem in config, overrides and templates before a build.

It checks the config (schema), each source and its overrides (against the real data), the
Jinja syntax of every template file, the CSS (parsed the way WeasyPrint will), and renders
the briefing and the deck against each source's real data, so a misspelt name, a missing
layout in the master or an unknown placeholder is found with its file and line (or slide and
shape). Each problem is one line; the exit code is 1 when there is any (for CI).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.build.batch import check_folders
from reportgen.config import Config, load_config
from reportgen.errors import ReportgenError, TemplateError
from reportgen.files import MAX_RESOURCE_BYTES, MAX_TEMPLATE_BYTES, read_text_file
from reportgen.formats import FORMATS
from reportgen.templating import make_environment, override_roots, template_roots
from reportgen.text import clip

if TYPE_CHECKING:
    from reportgen.model import Briefing

TEMPLATE_SUFFIXES = (".j2", ".jinja", ".html")


def run_check(documents: Sequence[Path] = (), *, templates: Path | None = None,
              config: Path | None = None) -> list[str]:
    """Every problem found, one line each (empty when everything checks out).

    A broken config does not hide the rest: its errors are listed, then the templates and
    overrides are checked with the default settings."""
    problems: list[str] = []
    try:
        cfg = load_config(config, {"templates": templates})
    except ReportgenError as exc:
        problems += str(exc).splitlines()
        cfg = fallback_config(config, templates)
    problems += [f"warning: {w}" for w in cfg.warnings]
    _attempt(problems, partial(check_folders, cfg))
    problems += _within_limits(cfg, partial(_check_everything, documents, cfg))
    # one line per problem (an overrides file's mistakes come as one error of several lines)
    return list(dict.fromkeys(clip(line) for p in problems for line in p.splitlines()))


def _check_everything(documents: Sequence[Path], cfg: Config) -> list[str]:
    """The template, CSS and rendering problems (run in a child with the build's limits)."""
    problems = check_template_syntax(cfg)
    problems += check_css(cfg)
    problems += check_fonts(cfg)
    by_release: dict[str, list[str]] = {}
    for source in _sources(documents, cfg, problems):
        briefing = _attempt(problems, partial(_load, source, cfg))
        if briefing is not None:
            for problem in check_rendering(briefing, cfg):
                by_release.setdefault(problem, []).append(source.stem)
    problems += [_with_releases(problem, releases) for problem, releases in by_release.items()]
    return list(dict.fromkeys(problems))


def _within_limits(cfg: Config, step: Callable[[], list[str]]) -> list[str]:
    """`step()` run in a child process with one document's time and memory limits (a template
    with a runaway loop is stopped, as in a build); its failure is one problem line."""
    from reportgen.build.overlap import process_limits
    from reportgen.build.worker import Background

    try:
        found: list[str] = Background(step, process_limits(cfg)).result()
    except ReportgenError as exc:
        return [f"check: {exc} (a template with a runaway loop?)"]
    return found


def fallback_config(path: Path | None, templates: Path | None) -> Config:
    """The default settings for a project whose config file is broken: folders relative to the
    config file's folder, the --templates folder if given."""
    from dataclasses import replace

    from reportgen.config import find_config_file

    file = Path(path) if path is not None else find_config_file()
    base = file.parent if file is not None else Path.cwd()
    defaults = Config()
    return replace(defaults, templates_dir=templates,
                   seeds_dir=base / defaults.seeds_dir, output_dir=base / defaults.output_dir,
                   project_templates_dir=base / defaults.project_templates_dir)


def _with_releases(problem: str, releases: list[str]) -> str:
    """`problem` naming the releases whose data it was found with (a fact id that one release
    has may be missing from another)."""
    return f"{problem} (release {', '.join(releases)})"


def _sources(documents: Sequence[Path], config: Config, problems: list[str]) -> list[Path]:
    from reportgen.ingest import find_sources

    found = _attempt(problems, lambda: find_sources(list(documents) or [config.seeds_dir]))
    return list(found or [])


def _load(source: Path, cfg: Config) -> Briefing:
    from reportgen.build.stages import load_briefing

    return load_briefing(source, cfg)


def _render_problems(render: Callable[[], Any]) -> tuple[Any, list[str]]:
    """`render()`'s result (None when it failed) and every problem met: each undefined name
    with its file and line, then the error that stopped it, if any."""
    from reportgen.templating import collect_undefined

    problems: list[str] = []
    with collect_undefined() as undefined:
        result = _attempt(problems, render)
    return result, [*dict.fromkeys(undefined), *problems]


def _attempt(problems: list[str], step: Callable[[], Any]) -> Any:
    """`step()`'s value, or None with its one-line error appended to `problems`."""
    try:
        return step()
    except ReportgenError as exc:
        problems.append(str(exc))
        return None


def template_files(config: Config) -> list[Path]:
    """Every template file in the staff and project folders (the shipped ones are ours)."""
    roots = override_roots(config.templates_dir, config.project_templates_dir)
    return sorted({p for root in roots for p in root.rglob("*")
                   if p.name.endswith(TEMPLATE_SUFFIXES) and (p.is_file() or p.is_symlink())})


def _root_of(path: Path, config: Config) -> Path | None:
    roots = override_roots(config.templates_dir, config.project_templates_dir)
    return next((r for r in roots if path.absolute().is_relative_to(r)), None)


def check_template_syntax(config: Config) -> list[str]:
    """'file:line: message' for each template that Jinja cannot parse."""
    import jinja2

    env = make_environment(template_roots(config.templates_dir, config.project_templates_dir))
    problems = []
    for path in template_files(config):
        try:
            text = read_text_file(path, MAX_TEMPLATE_BYTES, root=_root_of(path, config),
                                  what="template", error=TemplateError)
            env.parse(text, path.name, str(path))
        except TemplateError as exc:
            problems.append(str(exc))
        except jinja2.TemplateSyntaxError as exc:
            problems.append(f"{_shown(path)}:{exc.lineno}: {exc.message}")
        except Exception as exc:  # noqa: BLE001 — e.g. RecursionError on absurd nesting
            problems.append(f"{_shown(path)}: cannot be parsed ({type(exc).__name__}); "
                            "simplify it")
    return problems


def check_css(config: Config) -> list[str]:
    """'file:line:column: message' for each CSS rule or declaration WeasyPrint would ignore."""
    roots = override_roots(config.templates_dir, config.project_templates_dir)
    sheets = sorted({p for root in roots for p in root.rglob("*.css")
                     if p.is_file() or p.is_symlink()})
    if not sheets:
        return []
    from reportgen.render.briefing.fonts import font_warnings
    from reportgen.render.briefing.weasy import load_weasyprint
    from reportgen.theme import Theme

    CSS = load_weasyprint().CSS  # noqa: N806 — WeasyPrint's class

    problems: list[str] = []
    for path in sheets:
        try:
            text = read_text_file(path, MAX_RESOURCE_BYTES, root=_root_of(path, config),
                                  what="stylesheet", error=TemplateError)
        except TemplateError as exc:
            problems.append(str(exc))
            continue
        with _captured("weasyprint") as messages:
            try:
                CSS(string=text, base_url=str(path))
            except Exception as exc:  # noqa: BLE001 — any parse failure is the author's
                messages.append(str(exc))
        problems += [_css_problem(path, m) for m in messages]
        problems += [f"warning: {_shown(path)}: {line.removeprefix('CSS: ')}"
                     for line in font_warnings(text, Theme(), "CSS")
                     if "stylesheet" in line]
    return problems


def check_fonts(config: Config) -> list[str]:
    """A warning for each font family the theme names that is not installed."""
    from reportgen.render.briefing.fonts import font_warnings

    where = str(config.source_path) if config.source_path else "theme"
    return [f"warning: {line}" for line in font_warnings("", config.theme, where)]


def _css_problem(path: Path, message: str) -> str:
    """'file:line:col: message' from WeasyPrint's 'Ignored … at 3:5, reason.'"""
    import re

    found = re.search(r" at (\d+):(\d+)", message)
    where = f"{_shown(path)}:{found.group(1)}:{found.group(2)}" if found else _shown(path)
    text = re.sub(r" at \d+:\d+", "", message.splitlines()[0])
    return f"{where}: {text}"


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _captured:
    """Collect the warnings a logger emits inside the `with` block (and keep them quiet)."""

    def __init__(self, name: str) -> None:
        self.logger = logging.getLogger(name)
        self.handler = _Collector()

    def __enter__(self) -> list[str]:
        self.propagate = self.logger.propagate
        self.logger.propagate = False
        self.logger.addHandler(self.handler)
        return self.handler.messages

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.propagate = self.propagate


def check_rendering(briefing: Briefing, config: Config) -> list[str]:
    """Problems met rendering the formats marked `checked` in `reportgen.formats` (the HTML
    briefing and the deck) with this briefing's real data: undefined names (file:line), unknown
    fact or chart ids, layouts missing from the master, unknown placeholders (slide, shape).
    Render warnings are listed as warnings."""
    from reportgen.build import stages

    problems: list[str] = []
    charts = _attempt(problems, lambda: stages.draw_charts(briefing, config)) or ()
    for fmt in (f for f in FORMATS if f.checked):
        render = partial(stages.render, fmt.name, briefing, charts, config)
        if "briefing" in fmt.template_folders:
            # every undefined name of the briefing's template files, each with file:line
            result, found = _render_problems(render)
        else:  # deck.yaml names its first undefined name with its own line
            found = []
            result = _attempt(found, render)
        problems += found
        if result is not None and not found:  # a lenient render's warnings are not the build's
            problems += [f"warning: {w}" for w in result.warnings]
    return problems


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def count_failures(problems: Sequence[str]) -> int:
    """How many of `problems` are errors (not warnings)."""
    return sum(1 for p in problems if not p.startswith("warning: "))
