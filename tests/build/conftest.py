"""A small project whose builds run the real build with fake stages (see `build_fakes`)."""

from __future__ import annotations

import pytest
from build_fakes import install, project


@pytest.fixture
def proj(tmp_path, monkeypatch):
    calls = tmp_path / "calls.txt"
    install(monkeypatch, calls)
    p = project(tmp_path)
    p.calls = calls
    return p
