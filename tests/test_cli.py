"""cli.py: a thin layer; user errors are one line on stderr, exit code 1, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reportgen.cli import main


def test_no_command_prints_the_help_and_exits_2() -> None:
    out = io.StringIO()
    assert main([], out) == 2
    assert "build" in out.getvalue() and "extract" in out.getvalue()


def test_a_missing_file_is_one_line_naming_it(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["extract", str(missing)], io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(missing) in err and "Traceback" not in err
