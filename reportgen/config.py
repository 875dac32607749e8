"""Build configuration: one frozen value, validated once at load (see `load_config`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.theme import DEFAULT_THEME, Theme

ALL_FORMATS = ("pdf", "html", "pptx", "json")


@dataclass(frozen=True, slots=True)
class Limits:
    """Sanity limits on inputs and on each document's build."""

    max_source_bytes: int = 5 * 1024 * 1024
    max_master_bytes: int = 50 * 1024 * 1024
    max_master_uncompressed_bytes: int = 200 * 1024 * 1024
    document_timeout_s: float = 300.0
    document_memory_mb: int = 1024


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
    formats: tuple[str, ...] = ALL_FORMATS
    jobs: int | None = None
    organisation: str = "Economic Affairs Office"
    author: str = "reportgen"
    pdf_variant: str | None = None
    pdf_tags: bool = True
    theme: Theme = DEFAULT_THEME
    charts: ChartChoices = field(default_factory=ChartChoices)
    limits: Limits = field(default_factory=Limits)
    source_path: Path | None = None
