"""The whole build of the bundled release gives exactly the golden outputs in tests/golden/.

A refactor must keep this green; an intended change to what readers see regenerates them with
`python tools/golden.py` in the same commit (and the diff of tests/golden/ shows the change).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def golden_tool():
    spec = importlib.util.spec_from_file_location("golden", ROOT / "tools" / "golden.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_bundled_release_builds_exactly_the_golden_outputs(tmp_path: Path) -> None:
    golden = golden_tool()
    built = golden.snapshot(golden.build(tmp_path))
    kept = {str(p.relative_to(golden.GOLDEN)): p.read_bytes()
            for p in sorted(golden.GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(built) == sorted(kept), "outputs added or gone: python tools/golden.py"
    changed = [name for name in kept if built[name] != kept[name]]
    assert changed == [], "outputs changed; if intended, run python tools/golden.py"
