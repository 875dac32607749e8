"""Tests see their own copy of the bundled release, never the working seeds/ folder."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, SEED


def test_the_seed_the_tests_use_is_a_private_copy_without_overrides(seed_path: Path) -> None:
    assert seed_path == SEED
    assert not seed_path.is_relative_to(ROOT / "seeds")
    assert sorted(p.name for p in seed_path.parent.iterdir()) == [seed_path.name]
    assert seed_path.read_bytes() == (ROOT / "seeds" / seed_path.name).read_bytes()


def test_no_test_module_reads_the_working_seeds_folder() -> None:
    # the repository's seeds/ reached from a test file: ROOT / "seeds", parent.parent / "seeds"
    working_seeds = re.compile(r'(ROOT|\.parent\.parent)\s*/\s*"seeds"')
    tests = Path(__file__).parent
    readers = [p.name for p in sorted(tests.glob("*.py"))
               if p.name not in ("conftest.py", Path(__file__).name)
               and working_seeds.search(p.read_text(encoding="utf-8"))]
    assert readers == []
