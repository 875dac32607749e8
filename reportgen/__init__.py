"""reportgen: turn economic press releases into briefings (PDF, PowerPoint, HTML, JSON).

The Python API for other schedulers and notebooks:

    import reportgen
    briefing = reportgen.extract("seeds/release.txt")      # the data layer
    manifest = reportgen.build(seeds="seeds", out="output")  # every output, incrementally

Both raise `reportgen.errors.ReportgenError` subclasses for problems the user must fix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from reportgen.model import Briefing


def extract(path: Any, *, overrides: bool = True) -> Briefing:
    """The data layer of one source file (with its overrides applied)."""
    from pathlib import Path

    from reportgen.pipeline import load_briefing

    return load_briefing(Path(path), overrides=overrides)


def __getattr__(name: str) -> Any:
    """`reportgen.build`: the build package, imported on first use; it is callable, so
    `reportgen.build(seeds=..., out=...)` builds and returns the report (see `build_all`)."""
    if name == "build":
        import importlib

        return importlib.import_module("reportgen.build")
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")
