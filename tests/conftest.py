"""Shared fixtures: a private copy of the bundled release and a hand-built briefing.

Tests never read the working `seeds/` folder itself: staff add releases and overrides files
there (as the README says to), and that must not change what the tests see. `SEED` is a copy
of the bundled release in a folder of its own, made once per run, with no overrides file.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "seeds" / "shanghai-industrial-economy-2022-09-14.txt"
_COPIES = Path(tempfile.mkdtemp(prefix="reportgen-tests-"))
atexit.register(shutil.rmtree, _COPIES, ignore_errors=True)
SEED = Path(shutil.copy(BUNDLED, _COPIES / BUNDLED.name))
sys.path.insert(0, str(Path(__file__).parent))


def copy_seed(folder: Path) -> Path:
    """`folder` (made if needed) holding only a copy of the bundled release; returns the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(SEED, folder / SEED.name))


@pytest.fixture(autouse=True)
def _no_log_timestamps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build output without timestamps, so tests compare lines exactly (test_build_progress
    checks the timestamps themselves)."""
    monkeypatch.setenv("REPORTGEN_LOG_TIMESTAMPS", "0")


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def synthetic():
    from synthetic import synthetic_briefing

    return synthetic_briefing()
