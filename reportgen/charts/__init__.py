"""Charts: choose `ChartSpec`s from the data layer (`select`), draw them with matplotlib (`draw`).

`choose_charts` imports nothing heavy; `draw_charts` imports matplotlib on first use.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.model import ChartSpec


@dataclass(frozen=True, slots=True)
class ChartAsset:
    """One drawn chart: its spec, SVG for print and HTML, PNG (2×) for image fallbacks."""

    spec: ChartSpec
    svg: bytes
    png: bytes | None = None

    @property
    def id(self) -> str:
        """The chart's id, also its file stem in `charts/`."""
        return self.spec.id
