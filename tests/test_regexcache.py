"""Compiled patterns kept between runs (`reportgen.regexcache`): the same patterns back, a bad
file ignored, nothing written where Python writes no bytecode, and the same extraction."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen import regexcache

SAMPLES = [
    (r"(?P<num>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>billion|trillion)\b", re.IGNORECASE, "1.5 Trillion"),
    (r"(?<![A-Za-z])(?:one|two)(?![A-Za-z])", re.ASCII | re.IGNORECASE, "ONE or two"),
    (r"^\s*\d+\.\s+(.+)$", re.MULTILINE, "intro\n1. Scale\n2. Growth"),
]


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(regexcache, "_loaded", {})


def test_patterns_come_back_compiled_as_re_compiles_them(tmp_path: Path, writable: None) -> None:
    cache = tmp_path / "regex.marshal"
    expected = {(p, f): re.compile(p, f) for p, f, _ in SAMPLES}
    assert regexcache.save(cache) and cache.is_file()
    re.purge()
    assert regexcache.load(cache) >= len(SAMPLES)
    for pattern, flags, text in SAMPLES:
        got, want = re.compile(pattern, flags), expected[(pattern, flags)]
        assert got is not want  # rebuilt from the file, not the same object
        assert (got.pattern, got.flags, got.groups, got.groupindex) == \
            (want.pattern, want.flags, want.groups, want.groupindex)
        assert [m.groups() + (m.span(),) for m in got.finditer(text)] == \
            [m.groups() + (m.span(),) for m in want.finditer(text)]
    assert not regexcache.save(cache)  # nothing new: not written again


def test_a_damaged_cache_is_ignored(tmp_path: Path, writable: None) -> None:
    cache = tmp_path / "regex.marshal"
    cache.write_bytes(b"\x00not marshal data")
    assert regexcache.load(cache) == 0
    assert regexcache.load(tmp_path / "missing.marshal") == 0
    assert re.compile(SAMPLES[0][0], SAMPLES[0][1]).search("7 billion")


def test_nothing_is_written_where_python_writes_no_bytecode(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    re.compile(r"a pattern only this test compiles [0-9]{7}")
    assert not regexcache.save(tmp_path / "regex.marshal")
    assert not (tmp_path / "regex.marshal").exists()


def test_extract_gives_the_same_json_with_the_cache_written_and_read(
        tmp_path: Path, seed_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pyc")  # bytecode too, but not in the sources

    def extract() -> str:
        return subprocess.run([sys.executable, "-m", "reportgen.cli", "extract", "--json",
                               str(seed_path)], env=env, capture_output=True, text=True,
                              check=True).stdout

    first = extract()  # compiles every pattern and writes the cache
    kept = list((tmp_path / "reportgen").glob("regex-*.marshal"))
    assert len(kept) == 1
    written = kept[0].stat().st_mtime_ns
    assert extract() == first  # reads the cache
    assert kept[0].stat().st_mtime_ns == written  # the same patterns: not written again
