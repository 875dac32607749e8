"""Shared fixtures: the bundled seed's path and a hand-built briefing for stage tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "shanghai-industrial-economy-2022-09-14.txt"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def synthetic():
    from synthetic import synthetic_briefing

    return synthetic_briefing()
