"""The build: every source → `output/<slug>/` {briefing.pdf, briefing.html, deck.pptx, data.json,
charts/, changes.md, manifest.json}, incrementally, in parallel, safely.

- `batch`: `build_all`, the whole build: sources → stale jobs → one child per document → report.
- `freshness`: which outputs are stale (content hashes of their inputs against the manifest).
- `document`: one document: extract → charts → render in memory → write, manifest last.
- `overlap`: one document's slow parts (imports, charts, deck) overlapped in helper processes.
- `stages`: the pipeline's stages, imported when called (so a no-op build imports none).
- `output`, `lock`, `worker`, `progress`, `changes`: atomic writes and the manifest, the output
  folder's lock, child processes with limits, the progress line, the figures that changed.

`reportgen.build(...)`, the public API, is this package called like a function: the same as
`reportgen.build.build_all(...)`.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportgen.build.batch import BuildReport, DocumentsFailed, build_all
    from reportgen.build.document import DocumentResult

__all__ = ["BuildReport", "DocumentResult", "DocumentsFailed", "build_all"]

# The batch is imported when first named: a command that only needs a worker or the index
# (`reportgen extract` runs under the build's limits) does not load the whole build.
_LAZY = {"BuildReport": "batch", "DocumentsFailed": "batch", "build_all": "batch",
         "DocumentResult": "document"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"reportgen.build.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'reportgen.build' has no attribute {name!r}")


class _CallableModule(types.ModuleType):
    """This package, callable: importing `reportgen.build` makes it the attribute `build` of
    `reportgen`, where the documented `reportgen.build(...)` is called."""

    def __call__(self, **options: Any) -> BuildReport:
        """Build every output for the sources; returns the build report (see `build_all`)."""
        from reportgen.build.batch import build_all

        return build_all(**options)


sys.modules[__name__].__class__ = _CallableModule
