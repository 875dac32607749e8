"""-q and -v on every command: -q keeps only what needs attention (warnings, errors, changed
figures, removed folders, failed runs), -v names the config used."""

from __future__ import annotations

import io

import pytest
from build_fakes import install, project

from reportgen.cli import build_parser, main
from reportgen.verbosity import QUIET, QuietStream


@pytest.fixture
def proj(tmp_path, monkeypatch):
    install(monkeypatch)
    p = project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return p


def commands(parser) -> list[list[str]]:
    """Every command line that names a command (and sub-action), e.g. ['templates', 'init']."""
    found = []
    for action in parser._subparsers._group_actions:
        for name, sub in action.choices.items():
            found.append([name])
            if sub._subparsers:
                found += [[name, *rest] for rest in commands(sub)]
    return found


def test_every_command_takes_q_and_v():
    parser = build_parser()
    names = commands(parser)
    assert ["build"] in names and ["templates", "init"] in names and ["new"] in names
    for argv in names:
        sub = parser
        for name in argv:
            sub = next(a for a in sub._subparsers._group_actions).choices[name]
        flags = {s for a in sub._actions for s in a.option_strings}
        assert {"-q", "--quiet", "-v", "--verbose"} <= flags, argv


def test_quiet_build_prints_nothing_when_all_is_well_and_warnings_when_not(proj):
    out = io.StringIO()
    assert main(["build", "-q"], stdout=out) == 0
    assert out.getvalue() == ""
    (proj.seeds / "release-0.txt").write_text("Release 0: WARN output 7 billion yuan.\n")
    out = io.StringIO()
    assert main(["-q", "build"], stdout=out) == 0
    lines = out.getvalue().splitlines()
    assert set(lines[:-1]) == {"warning: release-0: figure x has no year"}
    assert lines[-1:] == ["changed: release-0: figure output (output-2021): 100 billion yuan → "
                         "7 billion yuan"]


def test_verbose_names_the_config_file_and_its_folders(proj, capsys):
    (proj.root / "reportgen.toml").write_text('formats = ["json"]\n')
    assert main(["build", "-v"], stdout=io.StringIO()) == 0
    err = capsys.readouterr().err
    assert f"reportgen: config: {proj.root / 'reportgen.toml'} (seeds: {proj.seeds}, " \
           f"output: {proj.out})" in err


def test_the_quiet_stream_passes_whole_lines_that_need_attention():
    target = io.StringIO()
    quiet = QuietStream(target)
    quiet.write("built a: pdf\nwarning: a: no ye")
    quiet.write("ar\nrun 2: FAILED (exit code 1)\r2026-01-02T06:00:00+00:00 nothing changed: 1 "
                "documents up to date\n2026-01-02T06:00:00+00:00 run 3: error: x\n")
    assert target.getvalue() == ("warning: a: no year\nrun 2: FAILED (exit code 1)\n"
                                 "2026-01-02T06:00:00+00:00 run 3: error: x\n")
    assert not quiet.isatty() and QUIET < 0
