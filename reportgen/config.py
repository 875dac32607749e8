"""Build configuration: one frozen value, validated once at load (see `load_config`).

The file is `reportgen.toml` (keys at the top level) or the `[tool.reportgen]` table of
`pyproject.toml`. The schema below is data: each key names its type and checks. Every problem
is collected and reported at once, naming the file, line, key, what was expected and what was
found; unknown keys are warnings. Command-line flags override the file. Relative paths are
resolved against the folder of the config file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from reportgen.envvars import expand_variables
from reportgen.errors import ConfigError
from reportgen.files import MAX_CONFIG_BYTES, read_text_file
from reportgen.formats import format_names
from reportgen.theme import DEFAULT_THEME, Theme

CONFIG_FILE = "reportgen.toml"
PYPROJECT_FILE = "pyproject.toml"


@dataclass(frozen=True, slots=True)
class Limits:
    """Sanity limits on inputs and on each document's build."""

    max_source_bytes: int = 5 * 1024 * 1024
    max_pdf_pages: int = 300
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_master_bytes: int = 50 * 1024 * 1024
    max_master_uncompressed_bytes: int = 200 * 1024 * 1024
    document_timeout_s: float = 300.0
    document_memory_mb: int = 1024
    max_output_bytes: int = 200 * 1024 * 1024
    max_html_bytes: int = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ChartChoices:
    """Staff's chart choices by chart id: add/drop and retitle."""

    drop: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a build needs to know besides the sources themselves."""

    seeds_dir: Path = Path("seeds")
    output_dir: Path = Path("output")
    templates_dir: Path | None = None
    project_templates_dir: Path = Path("templates")
    formats: tuple[str, ...] = format_names()
    jobs: int | None = None
    organisation: str = "Economic Affairs Office"
    author: str = "reportgen"
    pdf_variant: str | None = None
    pdf_tags: bool = True
    pdf_sources: bool = False
    chart_png: bool = False
    theme: Theme = DEFAULT_THEME
    charts: ChartChoices = field(default_factory=ChartChoices)
    limits: Limits = field(default_factory=Limits)
    source_path: Path | None = None
    warnings: tuple[str, ...] = ()


# --- the schema -----------------------------------------------------------------------------

Check = Callable[[Any], str | None]
"""Returns what was expected when the value is wrong, None when it is fine."""


@dataclass(frozen=True, slots=True)
class Option:
    """One config key: the Config field it sets, its check and its conversion."""

    target: str
    check: Check
    convert: Callable[[Any], Any] = lambda v: v
    doc: str = ""


def _is_str(v: Any) -> str | None:
    return None if isinstance(v, str) and v.strip() else "a non-empty string"


def _is_bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "true or false"


def _between(low: float, high: float, *, whole: bool = False) -> Check:
    """A check that the value is a (whole) number from `low` to `high` (finite: `inf` and
    `nan` are refused, and a 14-digit memory limit is out of range, not a crash later)."""

    def check(v: Any) -> str | None:
        number = isinstance(v, int) or (isinstance(v, float) and not whole)
        if number and not isinstance(v, bool) and low <= v <= high:
            return None
        kind = "a whole number" if whole else "a number"
        return f"{kind} from {_number(low)} to {_number(high)}"

    return check


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def _names(v: Any) -> str | None:
    ok = isinstance(v, list) and all(isinstance(s, str) and s.strip() for s in v)
    return None if ok else "a list of names (strings)"


def _formats(v: Any) -> str | None:
    known = format_names()
    ok = isinstance(v, list) and v and all(isinstance(f, str) and f in known for f in v)
    return None if ok else f"a non-empty list of {', '.join(map(repr, known))}"


def _string_list(v: Any) -> str | None:
    ok = isinstance(v, list) and all(isinstance(s, str) for s in v)
    return None if ok else "a list of chart ids (strings)"


def _string_table(v: Any) -> str | None:
    ok = isinstance(v, dict) and all(isinstance(s, str) for s in v.values())
    return None if ok else "a table of chart id = \"title\""


_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def _colour(v: Any) -> str | None:
    return None if isinstance(v, str) and _HEX.fullmatch(v) else "a colour like \"#1F4E79\""


def _palette(v: Any) -> str | None:
    ok = isinstance(v, list) and v and all(isinstance(c, str) and _HEX.fullmatch(c) for c in v)
    return None if ok else "a non-empty list of colours like \"#1F4E79\""


# WeasyPrint's variants (weasyprint.pdf.VARIANTS), listed here so loading a config stays cheap.
PDF_VARIANTS = ("pdf/a-1a", "pdf/a-1b", "pdf/a-2a", "pdf/a-2b", "pdf/a-2u", "pdf/a-3a",
                "pdf/a-3b", "pdf/a-3u", "pdf/a-4e", "pdf/a-4f", "pdf/a-4u", "pdf/ua-1",
                "pdf/ua-2", "pdf/x-1a", "pdf/x-3", "pdf/x-4", "pdf/x-5g")


def _pdf_variant(v: Any) -> str | None:
    return None if v in PDF_VARIANTS else f"one of {', '.join(map(repr, PDF_VARIANTS))}"


SCHEMA: dict[str, Option] = {
    "seeds": Option("seeds_dir", _is_str, Path, "folder of source documents"),
    "output": Option("output_dir", _is_str, Path, "folder the outputs go to"),
    "templates": Option("templates_dir", _is_str, Path, "staff template folder (searched first)"),
    "project_templates": Option("project_templates_dir", _is_str, Path,
                                "the project's template folder (searched second)"),
    "formats": Option("formats", _formats, lambda v: tuple(dict.fromkeys(v)),
                      "outputs to build"),
    "jobs": Option("jobs", _between(1, 256, whole=True),
                   doc="documents built at once (default: cores)"),
    "organisation": Option("organisation", _is_str, doc="name on the cover and slides"),
    "author": Option("author", _is_str, doc="author in PDF and deck metadata"),
    "pdf_variant": Option("pdf_variant", _pdf_variant, doc="PDF/A or PDF/UA variant"),
    "pdf_tags": Option("pdf_tags", _is_bool, doc="tagged (accessible) PDF"),
    "chart_png": Option("chart_png", _is_bool,
                        doc="also write each chart as PNG (2x) in charts/ beside its SVG"),
    "pdf_sources": Option("pdf_sources", _is_bool,
                          doc="the Sources appendix in the PDF too (the HTML always has it)"),
}
THEME_DOCS = {
    "palette": "chart series colours, in order", "accent": "highlight colour",
    "text": "body text colour", "muted": "secondary text colour", "grid": "chart grid lines",
    "background": "page and chart background", "font_family":
    "body font (PDF, HTML, charts; the deck's text takes its master's theme fonts)",
    "heading_font_family": "heading font", "base_font_size": "body size in points",
    "title_font_size": "title size in points",
    "latin_font_panose": "PANOSE class of the body font in a master made by tools/make_master.py",
    "east_asian_font_family": "East Asian font of a master made by tools/make_master.py",
    "complex_script_font_family": "complex-script font of a master made by "
                                  "tools/make_master.py",
}


def _theme_option(name: str, default: Any) -> Option:
    """The check for one Theme field, chosen from its default value's shape."""
    doc = THEME_DOCS.get(name, name.replace("_", " "))
    if isinstance(default, tuple) and all(str(v).startswith("#") for v in default):
        return Option(name, _palette, tuple, doc)
    if isinstance(default, tuple):
        return Option(name, _names, tuple, doc)
    if isinstance(default, str) and default.startswith("#"):
        return Option(name, _colour, doc=doc)
    if isinstance(default, str):
        return Option(name, _is_str, doc=doc)
    low, high = THEME_RANGES.get(name, (0.1, 100.0))
    return Option(name, _between(low, high), float, doc)


# Sizes a page or slide can show: 1e9-point type or a 1e6-inch chart is a typo, not a design.
THEME_RANGES = {"base_font_size": (4.0, 72.0), "title_font_size": (4.0, 144.0),
                "chart_width_in": (1.0, 40.0), "chart_height_in": (1.0, 40.0),
                "chart_dpi": (36.0, 1200.0), "png_scale": (0.5, 8.0),
                "chart_title_size": (4.0, 72.0), "chart_font_size": (4.0, 72.0),
                "chart_small_size": (3.0, 72.0)}


THEME_SCHEMA: dict[str, Option] = {
    f.name: _theme_option(f.name, getattr(DEFAULT_THEME, f.name)) for f in fields(Theme)
}
CHARTS_SCHEMA: dict[str, Option] = {
    "drop": Option("drop", _string_list, tuple, "chart ids not to draw"),
    "only": Option("only", _string_list, tuple, "draw only these chart ids"),
    "titles": Option("titles", _string_table, lambda v: tuple(sorted(v.items())),
                     "new titles by chart id"),
}
_GB = 1024 ** 3
LIMITS_SCHEMA: dict[str, Option] = {
    "max_source_bytes": Option("max_source_bytes", _between(1, 2 * _GB, whole=True),
                               doc="largest source file"),
    "max_pdf_pages": Option("max_pdf_pages", _between(1, 100_000, whole=True),
                            doc="most pages a PDF source may have (checked before reading)"),
    "max_unzipped_bytes": Option("max_unzipped_bytes", _between(1, 16 * _GB, whole=True),
                                 doc="largest .docx source once unzipped"),
    "max_master_bytes": Option("max_master_bytes", _between(1, 2 * _GB, whole=True),
                               doc="largest deck master"),
    "max_master_uncompressed_bytes": Option("max_master_uncompressed_bytes",
                                            _between(1, 16 * _GB, whole=True),
                                            doc="largest deck master once unzipped"),
    "document_timeout_s": Option("document_timeout_s", _between(1, 86_400), float,
                                 "seconds one document (or one check or extract) may take"),
    "document_memory_mb": Option("document_memory_mb", _between(64, 1_048_576, whole=True),
                                 doc="memory one document's worker may use (MB)"),
    "max_output_bytes": Option("max_output_bytes", _between(1024, 16 * _GB, whole=True),
                               doc="largest output file (PDF, deck, data.json, a chart)"),
    "max_html_bytes": Option("max_html_bytes", _between(1024, 4 * _GB, whole=True),
                             doc="largest briefing.html (charts and images are inside it)"),
}
TABLES: dict[str, dict[str, Option]] = {
    "theme": THEME_SCHEMA, "charts": CHARTS_SCHEMA, "limits": LIMITS_SCHEMA,
}


# --- loading --------------------------------------------------------------------------------


def find_config_file(folder: Path | None = None) -> Path | None:
    """`reportgen.toml` in `folder` (default: the working folder), else a `pyproject.toml` with
    a `[tool.reportgen]` table, else the same in the nearest folder above (as git and Quarto
    find their projects from any subfolder), else None."""
    start = (folder or Path.cwd()).absolute()
    for place in (start, *start.parents):
        candidate = place / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = place / PYPROJECT_FILE
        if pyproject.is_file() and re.search(r"^\[tool\.reportgen(\.|\])", _read(pyproject),
                                             re.M):
            return pyproject
    return None


def load_config(path: Path | str | None = None, overrides: Mapping[str, Any] | None = None,
                ) -> Config:
    """The validated `Config` from `path` (or the one found in the working folder) with
    `overrides` (same keys as the file; None values ignored) applied on top.

    Raises `ConfigError` listing every problem, one per line.
    """
    file = Path(path) if path is not None else find_config_file()
    if path is not None and not file.exists() and not file.is_symlink():  # type: ignore[union-attr]
        raise ConfigError(f"{file}: config file not found")
    raw, lines = _read_table(file) if file is not None else ({}, [])
    flags = {k: v for k, v in (overrides or {}).items() if v is not None}
    errors: list[str] = []
    warnings: list[str] = []
    where = str(file) if file else "config"
    raw, unset = expand_variables(raw)
    errors += [f"{_at(where, lines, key)}: {key}: environment variable ${{{name}}} is not set; "
               f"set it, or write the value without it" for key, name in unset]
    values = _validate(raw, SCHEMA, "", where, lines, errors, warnings, tables=True)
    # flags are checked like the file's keys; their paths stay relative to the working folder
    from_flags = _validate(_flag_values(flags), SCHEMA, "", "command line", [], errors, [])
    if errors:
        raise ConfigError("\n".join(errors))
    base = file.parent if file is not None else Path.cwd()
    return replace(_make_config(values, base, file, tuple(warnings)), **from_flags)


def _flag_values(flags: Mapping[str, Any]) -> dict[str, Any]:
    """Command-line values in the file's shapes (paths as strings, formats as a list)."""
    shaped: dict[str, Any] = {}
    for key, value in flags.items():
        if isinstance(value, Path):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        shaped[key] = value
    return shaped


def _read(path: Path) -> str:
    return read_text_file(path, MAX_CONFIG_BYTES, what="config file", error=ConfigError)


def _read_table(file: Path) -> tuple[dict[str, Any], list[str]]:
    """The reportgen table of `file` and the file's lines (for line numbers in messages)."""
    import tomllib

    text = _read(file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+)", str(exc))
        line = f":{match.group(1)}" if match else ""
        message = re.sub(r"\s*\(at line.*\)", "", str(exc))
        raise ConfigError(f"{file}{line}: not valid TOML: {message}") from None
    if file.name == PYPROJECT_FILE:
        data = data.get("tool", {}).get("reportgen", {})
    return data, text.splitlines()


def _validate(raw: Mapping[str, Any], schema: Mapping[str, Option], prefix: str, where: str,
              lines: list[str], errors: list[str], warnings: list[str], *, tables: bool = False,
              ) -> dict[str, Any]:
    """The converted values of `raw` keyed by target; problems appended to errors/warnings."""
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = f"{prefix}{key}"
        if tables and key in TABLES:
            if not isinstance(value, dict):
                errors.append(_problem(where, lines, name, "a table", value))
                continue
            values[key] = _validate(value, TABLES[key], f"{key}.", where, lines, errors, warnings)
            continue
        option = schema.get(key)
        if option is None:
            known = ", ".join([*schema, *(TABLES if tables else ())])
            warnings.append(f"{_at(where, lines, name)}: unknown key {name!r} ignored "
                            f"(known keys: {known})")
            continue
        expected = option.check(value)
        if expected is not None:
            errors.append(_problem(where, lines, name, expected, value))
            continue
        values[option.target] = option.convert(value)
    return values


def _problem(where: str, lines: list[str], name: str, expected: str, found: Any) -> str:
    return f"{_at(where, lines, name)}: {name}: expected {expected}, found {_show(found)}"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _at(where: str, lines: list[str], name: str) -> str:
    """'file:line' of the key's first assignment, or just the file when it cannot be found."""
    table, _, key = name.rpartition(".")
    pattern = re.compile(rf"^\s*(\"?){re.escape(key)}\1\s*=")
    current = ""
    for number, line in enumerate(lines, start=1):
        header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            current = header.group(1)
            if current == "tool.reportgen" or current.startswith("tool.reportgen."):
                current = current.removeprefix("tool.reportgen").lstrip(".")
            continue
        if current == table and pattern.match(line):
            return f"{where}:{number}"
    return where


def _make_config(values: dict[str, Any], base: Path, file: Path | None,
                 warnings: tuple[str, ...]) -> Config:
    """A Config from validated values; relative paths resolved against `base`."""
    tables = {name: values.pop(name) for name in TABLES if name in values}
    for name in ("seeds_dir", "output_dir", "templates_dir", "project_templates_dir"):
        if name in values:
            values[name] = _resolve(values[name], base)
    config = Config(source_path=file, warnings=warnings, **values)
    if file is not None:  # defaults are relative to the project folder, not the working folder
        resolved: dict[str, Any] = {
            name: _resolve(getattr(config, name), base)
            for name in ("seeds_dir", "output_dir", "project_templates_dir") if name not in values
        }
        config = replace(config, **resolved)
    return replace(
        config,
        theme=replace(config.theme, **tables.get("theme", {})),
        charts=replace(config.charts, **tables.get("charts", {})),
        limits=replace(config.limits, **tables.get("limits", {})),
    )


def _resolve(path: Path, base: Path) -> Path:
    return path if path.is_absolute() else base / path


def config_reference() -> str:
    """A Markdown table of every key, its default and what it does (for the docs)."""
    rows = ["| key | default | what it sets |", "|---|---|---|"]
    defaults = Config()
    for key, option in SCHEMA.items():
        rows.append(f"| `{key}` | `{_default(getattr(defaults, option.target))}` | {option.doc} |")
    for table, schema in TABLES.items():
        owner = getattr(defaults, table)
        for key, option in schema.items():
            value = _default(getattr(owner, option.target))
            rows.append(f"| `{table}.{key}` | `{value}` | {option.doc} |")
    return "\n".join(rows)


def _default(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def config_fields() -> tuple[str, ...]:
    """The names of Config's fields (used by tests to prove the schema covers them)."""
    return tuple(f.name for f in fields(Config))


def strict_config(config: Config, *, strict: bool) -> None:
    """`ConfigError` listing the config's warnings (unknown keys) when `strict`."""
    if strict and config.warnings:
        raise ConfigError("\n".join([*config.warnings,
                                     "--strict: fix the config warnings above, or build "
                                     "without --strict"]))
