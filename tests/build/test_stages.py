"""The stages as the build calls them: looked up by format in `reportgen.formats`, imported late."""

from __future__ import annotations

import json
import sys

import pytest

from reportgen import formats
from reportgen.build import stages
from reportgen.config import Config
from reportgen.formats import FORMATS, OutputFormat
from reportgen.render import RenderResult


def fake_renderer(briefing, charts, config) -> RenderResult:
    return RenderResult(f"{briefing.document.title}: {len(charts)} charts".encode())


def test_render_calls_the_renderer_its_formats_row_names(monkeypatch, synthetic):
    row = OutputFormat("txt", "briefing.txt", (), (), (__name__, "fake_renderer"), render_order=3)
    monkeypatch.setattr(formats, "FORMATS", (*FORMATS, row))
    assert stages.render("txt", synthetic, (), Config()).data == b"Sample release: 0 charts"


def test_a_format_without_a_renderer_cannot_be_rendered(synthetic):
    with pytest.raises(ValueError, match="no renderer"):
        stages.render("json", synthetic, (), Config())


def test_warm_up_imports_the_modules_a_formats_row_names_and_ignores_failures(monkeypatch):
    sys.modules.pop("colorsys", None)
    row = OutputFormat("txt", "briefing.txt", (), (), None,
                       preload=("no_such_module_reportgen_test", "colorsys"))
    monkeypatch.setattr(formats, "FORMATS", (*FORMATS, row))
    stages.warm_up(["txt"])
    assert "colorsys" in sys.modules


def test_serialize_is_the_data_layer_as_json(synthetic):
    data = json.loads(stages.serialize(synthetic))
    assert data["schema"] == "reportgen.extract/1"
    assert {f["id"] for f in data["facts"]} >= {f.id for f in synthetic.visible_facts}


def test_load_briefing_reads_the_source(seed_path):
    briefing = stages.load_briefing(seed_path, Config())
    assert briefing.document.path.endswith(seed_path.name) and briefing.facts
