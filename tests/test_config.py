"""Config: loaded from reportgen.toml or pyproject.toml, validated once, flags on top."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.config import SCHEMA, Config, config_reference, load_config
from reportgen.errors import ConfigError


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_no_config_file_gives_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.formats == ("pdf", "html", "pptx", "json")
    assert config.source_path is None and config.warnings == ()


def test_reportgen_toml_values_reach_the_config_with_paths_relative_to_the_file(tmp_path):
    path = write(tmp_path, "reportgen.toml", 'seeds = "in"\nformats = ["pdf", "json"]\n'
                 'organisation = "Harbour Office"\n[theme]\naccent = "#112233"\n'
                 '[limits]\ndocument_timeout_s = 30\n')
    config = load_config(path)
    assert config.seeds_dir == tmp_path / "in"
    assert config.output_dir == tmp_path / "output"
    assert config.formats == ("pdf", "json")
    assert config.organisation == "Harbour Office"
    assert config.theme.accent == "#112233"
    assert config.limits.document_timeout_s == 30.0


def test_pyproject_tool_reportgen_table_is_found_in_the_working_folder(tmp_path, monkeypatch):
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.reportgen]\njobs = 3\n'
          '[tool.reportgen.charts]\ndrop = ["growth-1"]\n')
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.jobs == 3
    assert config.charts.drop == ("growth-1",)
    assert config.source_path == tmp_path / "pyproject.toml"


def test_every_error_is_reported_at_once_with_file_line_key_expected_and_found(tmp_path):
    path = write(tmp_path, "reportgen.toml", 'formats = ["pdf", "docx"]\njobs = 0\n'
                 '[theme]\naccent = "red"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    lines = str(caught.value).splitlines()
    assert lines == [
        f"{path}:1: formats: expected a non-empty list of 'pdf', 'html', 'pptx', 'json', "
        "found ['pdf', 'docx']",
        f"{path}:2: jobs: expected a whole number from 1 to 256, found 0",
        f'{path}:4: theme.accent: expected a colour like "#1F4E79", found "red"',
    ]


def test_pyproject_errors_point_at_the_line_inside_tool_reportgen(tmp_path):
    path = write(tmp_path, "pyproject.toml", '[tool.other]\njobs = "x"\n[tool.reportgen]\n'
                 'jobs = "many"\n')
    with pytest.raises(ConfigError, match=rf"^{path}:4: jobs: expected .* found \"many\"$"):
        load_config(path)


def test_unknown_keys_warn_and_do_not_fail(tmp_path):
    path = write(tmp_path, "reportgen.toml", "jobs = 2\ncolour = 1\n")
    config = load_config(path)
    assert config.jobs == 2
    assert len(config.warnings) == 1
    assert config.warnings[0].startswith(f"{path}:2: unknown key 'colour' ignored")


def test_toml_syntax_error_names_the_file_and_line(tmp_path):
    path = write(tmp_path, "reportgen.toml", 'jobs = 2\nformats = [pdf]\n')
    with pytest.raises(ConfigError, match=rf"^{path}:2: not valid TOML"):
        load_config(path)


def test_command_line_flags_override_the_file_and_stay_relative_to_the_working_folder(tmp_path):
    path = write(tmp_path, "reportgen.toml", 'output = "site"\nformats = ["pdf"]\njobs = 4\n')
    config = load_config(path, {"output": Path("elsewhere"), "formats": ("json",), "jobs": None})
    assert config.output_dir == Path("elsewhere")
    assert config.formats == ("json",)
    assert config.jobs == 4


def test_a_bad_flag_value_is_a_config_error_naming_the_command_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="^command line: formats: expected"):
        load_config(None, {"formats": ("docx",)})


def test_a_named_config_file_that_is_missing_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_the_schema_sets_real_config_fields_and_the_reference_lists_every_key():
    targets = {option.target for option in SCHEMA.values()}
    assert targets <= set(Config.__dataclass_fields__)
    reference = config_reference()
    for key in [*SCHEMA, "theme.accent", "limits.document_memory_mb", "charts.titles"]:
        assert f"| `{key}` |" in reference


def test_the_docs_config_reference_lists_every_key_with_its_current_default():
    docs = Path(__file__).resolve().parent.parent / "docs" / "config.md"
    assert config_reference() in docs.read_text(encoding="utf-8")


def test_the_pdf_variants_accepted_are_the_ones_weasyprint_knows():
    from weasyprint.pdf import VARIANTS

    from reportgen.config import PDF_VARIANTS

    assert set(PDF_VARIANTS) == set(VARIANTS) - {"debug"}


def test_every_number_is_range_checked_at_load_with_the_line_that_set_it(tmp_path):
    path = write(tmp_path, "reportgen.toml",
                 "[theme]\nbase_font_size = 1e9\n[limits]\ndocument_timeout_s = inf\n"
                 "document_memory_mb = 99999999999999\nmax_source_bytes = -1\n"
                 "max_html_bytes = 10\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).splitlines() == [
        f"{path}:2: theme.base_font_size: expected a number from 4 to 72, found 1000000000.0",
        f"{path}:4: limits.document_timeout_s: expected a number from 1 to 86,400, found inf",
        f"{path}:5: limits.document_memory_mb: expected a whole number from 64 to 1,048,576, "
        "found 99999999999999",
        f"{path}:6: limits.max_source_bytes: expected a whole number from 1 to 2,147,483,648, "
        "found -1",
        f"{path}:7: limits.max_html_bytes: expected a whole number from 1,024 to 4,294,967,296, "
        "found 10",
    ]


def test_a_config_file_that_is_a_fifo_is_refused_without_blocking(tmp_path):
    import os

    os.mkfifo(tmp_path / "reportgen.toml")
    with pytest.raises(ConfigError, match="named pipe"):
        load_config(tmp_path / "reportgen.toml")
