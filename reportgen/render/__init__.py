"""Renderers: the data layer and its charts → HTML, PDF and PPTX, in memory.

Each renderer returns a `RenderResult`; writing files is the build's job (`reportgen.build.output`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RenderResult:
    """The bytes of one rendered output and the warnings met while rendering it."""

    data: bytes
    warnings: tuple[str, ...] = ()
