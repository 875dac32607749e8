"""The output formats table: every row complete, and every list of formats derived from it."""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys

import pytest

from reportgen import formats
from reportgen.build.freshness import document_jobs
from reportgen.commands import _formats
from reportgen.config import Config, load_config
from reportgen.errors import ConfigError
from reportgen.formats import (
    FORMATS,
    OutputFormat,
    chart_formats,
    file_names,
    format_names,
    output_format,
    render_order,
    template_folders,
)

EXTRA = OutputFormat("txt", "briefing.txt", ("briefing",), ("jinja2",),
                     ("reportgen.render.briefing.html", "render_html"), render_order=3)


def test_every_row_is_complete_and_names_and_files_are_unique():
    assert format_names() == ("pdf", "html", "pptx", "json")
    assert len(set(file_names().values())) == len(FORMATS)
    for row in FORMATS:
        assert row.name and row.file_name and "/" not in row.file_name
        if row.renderer is None:  # written by the build itself
            assert row.render_order is None and row.name == "json"
        else:
            module, function = row.renderer
            assert function.startswith("render_")
            assert importlib.util.find_spec(module) is not None, module
            assert row.render_order is not None and row.libraries and row.template_folders
    orders = [r.render_order for r in FORMATS if r.render_order is not None]
    assert len(set(orders)) == len(orders)


def test_the_derived_lists():
    assert render_order(["json", "pptx", "pdf", "html", "pdf"]) == ["html", "pdf", "pptx"]
    assert chart_formats() == ("pdf", "html", "pptx")
    assert template_folders() == ("briefing", "findings", "deck")
    assert output_format("pptx").warm_modules == ("pptx", "reportgen.render.deck")
    assert output_format("json").warm_modules == ()
    with pytest.raises(KeyError, match="known: pdf, html, pptx, json"):
        output_format("docx")


def test_the_config_accepts_exactly_the_formats_in_the_table(tmp_path):
    assert Config().formats == format_names()
    assert load_config(None, {"formats": format_names()}).formats == format_names()
    with pytest.raises(ConfigError, match="'pdf', 'html', 'pptx', 'json'"):
        load_config(None, {"formats": ("pdf", "docx")})


def test_the_command_line_accepts_exactly_the_formats_in_the_table():
    assert _formats("PDF, json,pdf") == ("pdf", "json")
    with pytest.raises(argparse.ArgumentTypeError, match="choose from pdf,html,pptx,json"):
        _formats("docx")


def test_the_freshness_check_hashes_every_format_in_the_table(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Output 1 billion yuan.\n")
    config = Config(output_dir=tmp_path / "out", project_templates_dir=tmp_path / "none")
    (job,) = document_jobs([source], config)
    assert tuple(job.input_hashes) == format_names() == job.rebuild


def test_a_new_row_flows_into_the_command_line_the_config_and_the_freshness_check(
        monkeypatch, tmp_path):
    monkeypatch.setattr(formats, "FORMATS", (*FORMATS, EXTRA))
    from reportgen.cli import build_parser

    args = build_parser().parse_args(["build", "--formats", "txt,pdf"])
    assert args.formats == ("txt", "pdf")
    help_text = build_parser()._subparsers._group_actions[0].choices["build"].format_help()
    assert "pdf,html,pptx,json,txt" in help_text
    config = load_config(None, {"formats": ("txt",), "output": str(tmp_path / "out"),
                                "seeds": str(tmp_path)})
    source = tmp_path / "a.txt"
    source.write_text("Output 1 billion yuan.\n")
    (job,) = document_jobs([source], config)
    assert job.rebuild == ("txt",)
    assert render_order(["txt", "pptx"]) == ["pptx", "txt"]


def test_the_formats_table_imports_nothing_heavy():
    code = ("import sys, reportgen.formats; print(sorted(m for m in ('jinja2', 'matplotlib', "
            "'weasyprint', 'pptx', 'yaml') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "[]"
