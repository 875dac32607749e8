"""The config is found from any subfolder of the project (the nearest reportgen.toml or
pyproject.toml with [tool.reportgen] above), and its paths are relative to its own folder."""

from __future__ import annotations

import io

from build_fakes import install, project

from reportgen.cli import main
from reportgen.config import find_config_file, load_config


def test_the_nearest_config_above_the_working_folder_is_found(tmp_path, monkeypatch):
    (tmp_path / "reportgen.toml").write_text('output = "site"\n')
    deep = tmp_path / "seeds" / "2024" / "q1"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_config_file() == tmp_path / "reportgen.toml"
    config = load_config()
    assert config.output_dir == tmp_path / "site" and config.seeds_dir == tmp_path / "seeds"


def test_a_pyproject_without_a_reportgen_table_is_passed_by(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.reportgen]\nformats = [\"json\"]\n")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = \"x\"\n")
    assert find_config_file(inner / "sub" if (inner / "sub").mkdir() is None else inner) == \
        tmp_path / "pyproject.toml"


def test_the_nearest_file_wins_over_one_further_up(tmp_path):
    (tmp_path / "reportgen.toml").write_text("")
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "reportgen.toml").write_text("")
    assert find_config_file(tmp_path / "inner") == tmp_path / "inner" / "reportgen.toml"


def test_no_config_anywhere_above_gives_none(tmp_path):
    # tmp folders sit under the system's temporary folder, which holds no project
    assert find_config_file(tmp_path) is None


def test_build_from_a_subfolder_builds_the_project(tmp_path, monkeypatch):
    install(monkeypatch)
    proj = project(tmp_path)
    (tmp_path / "reportgen.toml").write_text('formats = ["json"]\n')
    monkeypatch.chdir(proj.seeds)
    out = io.StringIO()
    assert main(["build"], stdout=out) == 0
    assert (tmp_path / "output" / "release-0" / "data.json").is_file()
    assert not (proj.seeds / "output").exists()
