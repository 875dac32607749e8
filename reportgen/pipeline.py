"""The front of the pipeline, shared by every command: sources → SourceDoc → Briefing
(+ overrides)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportgen.config import Limits
from reportgen.extraction import extract_briefing
from reportgen.extraction.tables import table_text
from reportgen.ingest import SourceDoc, find_sources, read_source
from reportgen.model import Briefing
from reportgen.overrides import apply_overrides, overrides_path_for


def read_release(path: Path, limits: Limits | None = None, root: Path | None = None,
                 ) -> SourceDoc:
    """The source at `path` as the extractor reads it: its tables' rows written as sentences."""
    return read_source(path, limits, tables=table_text, root=root)


OverridesSnapshot = tuple[Path | None, bytes | None]
"""An overrides file and the bytes read from it once (the build hashes those bytes); (None,
None) when the build planned without one."""


def load_briefing(path: Path, *, overrides: bool = True, limits: Limits | None = None,
                  root: Path | None = None, snapshot: OverridesSnapshot | None = None,
                  ) -> Briefing:
    """The data layer of one source file, with `<stem>.overrides.yaml` applied when present
    (or the overrides `snapshot` the caller read)."""
    briefing = extract_briefing(read_release(path, limits, root))
    if not overrides:
        return briefing
    if snapshot is not None:
        return apply_overrides(briefing, *snapshot)
    return apply_overrides(briefing, overrides_path_for(path))


def load_briefings(paths: Iterable[Path], *, overrides: bool = True,
                   limits: Limits | None = None) -> list[Briefing]:
    """The data layer of every source named by `paths` (folders mean every source in them)."""
    return [load_briefing(p, overrides=overrides, limits=limits) for p in find_sources(paths)]
