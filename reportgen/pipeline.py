"""The front of the pipeline, shared by every command: sources → SourceDoc → Briefing
(+ overrides)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from reportgen.config import Limits
from reportgen.extraction import extract_briefing
from reportgen.extraction.findings import load_patterns, write_findings
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
                  findings: Path | None = None) -> Briefing:
    """The data layer of one source file, with `<stem>.overrides.yaml` applied when present
    (or the overrides `snapshot` the caller read), then its key findings written with the
    patterns in `findings` (default: the shipped ones)."""
    briefing = extract_briefing(read_release(path, limits, root))
    if overrides:
        briefing = _with_overrides(briefing, overrides_path_for(path), snapshot)
    return write_findings(briefing, load_patterns(findings))


def _with_overrides(briefing: Briefing, overrides_path: Path | None,
                    snapshot: OverridesSnapshot | None = None) -> Briefing:
    """The briefing corrected by its overrides file (or the `snapshot` of it the caller read),
    warned of charts a new label takes away."""
    corrected = (apply_overrides(briefing, *snapshot) if snapshot is not None
                 else apply_overrides(briefing, overrides_path))
    if snapshot is not None:
        overrides_path = snapshot[0]
    lost = relabelled_charts_lost(briefing, corrected)
    if not lost or overrides_path is None:
        return corrected
    warnings = tuple(f"{overrides_path}: {message}" for message in lost)
    return replace(corrected, warnings=corrected.warnings + warnings)


def relabelled_charts_lost(before: Briefing, after: Briefing) -> list[str]:
    """A warning for each chart that `label:` overrides took away: a figure with a new label no
    longer joins the figures that keep the old one, and the chart is not drawn."""
    earlier = {f.id: f for f in before.facts}
    relabelled = {f.id for f in after.facts
                  if (old := earlier.get(f.id)) and old.display_label != f.display_label}
    if not relabelled:
        return []
    from reportgen.charts.select import choose_charts  # chart selection only: no matplotlib

    kept = {c.id for c in choose_charts(after)}
    messages = []
    for chart in choose_charts(before):
        moved = [i for i in chart.fact_ids if i in relabelled]
        if chart.id in kept or not moved:
            continue
        others = ", ".join(i for i in chart.fact_ids if i not in relabelled) or "none"
        messages.append(
            f"chart {chart.id!r} is no longer drawn: the new label of {', '.join(moved)} "
            f"parts it from {others}; give them the same label, or drop the label")
    return messages



def load_briefings(paths: Iterable[Path], *, overrides: bool = True,
                   limits: Limits | None = None) -> list[Briefing]:
    """The data layer of every source named by `paths` (folders mean every source in them)."""
    return [load_briefing(p, overrides=overrides, limits=limits) for p in find_sources(paths)]
