"""`${VAR}` in config values: expanded from the environment; an unset one is one line naming the
key, the line and the variable."""

from __future__ import annotations

import io

import pytest

from reportgen.cli import main
from reportgen.config import load_config
from reportgen.envvars import expand_variables
from reportgen.errors import ConfigError


def test_variables_in_strings_lists_and_tables_are_expanded_and_others_left_alone():
    raw = {"output": "${ROOT}/out", "formats": ["${FMT}"], "theme": {"accent": "${C}"},
           "jobs": 2, "author": "costs $${PRICE}, $5 and ${ROOT}"}
    expanded, unset = expand_variables(raw, {"ROOT": "/srv/b", "FMT": "pdf", "C": "#112233"})
    assert unset == []
    assert expanded == {"output": "/srv/b/out", "formats": ["pdf"],
                        "theme": {"accent": "#112233"}, "jobs": 2,
                        "author": "costs ${PRICE}, $5 and /srv/b"}


def test_unset_variables_are_named_with_their_dotted_key():
    expanded, unset = expand_variables({"seeds": "${A}/x", "jobs": 2,
                                        "theme": {"text": "${B}", "muted": "#000000"}}, {})
    assert unset == [("seeds", "A"), ("theme.text", "B")]
    assert expanded == {"jobs": 2, "theme": {"muted": "#000000"}}  # no second error for them


def test_a_config_path_from_the_environment_is_relative_to_the_config_folder(tmp_path,
                                                                              monkeypatch):
    monkeypatch.setenv("BRIEFINGS", "shared/briefings")
    (tmp_path / "reportgen.toml").write_text('output = "${BRIEFINGS}/output"\n')
    config = load_config(tmp_path / "reportgen.toml")
    assert config.output_dir == tmp_path / "shared" / "briefings" / "output"


def test_an_unset_variable_is_one_error_line_with_file_line_key_and_variable(tmp_path,
                                                                             monkeypatch):
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    (tmp_path / "reportgen.toml").write_text(
        'organisation = "Office"\n[theme]\naccent = "${NOT_SET_ANYWHERE}"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "reportgen.toml")
    assert str(caught.value) == (
        f"{tmp_path / 'reportgen.toml'}:3: theme.accent: environment variable "
        "${NOT_SET_ANYWHERE} is not set; set it, or write the value without it")


def test_the_build_command_reports_an_unset_variable_without_a_traceback(tmp_path, monkeypatch,
                                                                         capsys):
    monkeypatch.delenv("OUT_DIR_UNSET", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reportgen.toml").write_text('output = "${OUT_DIR_UNSET}"\n')
    assert main(["build"], stdout=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err == (f"reportgen: error: {tmp_path / 'reportgen.toml'}:1: output: environment "
                   "variable ${OUT_DIR_UNSET} is not set; set it, or write the value without "
                   "it\n")
