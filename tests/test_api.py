"""The Python API: `reportgen.build(...)` returns the report, `reportgen.extract(...)` the data
layer; both raise typed `ReportgenError`s."""

from __future__ import annotations

import json

import pytest
from build_fakes import install, project

import reportgen
from reportgen.errors import BuildError, ConfigError, InputError, ReportgenError
from reportgen.model import Briefing


@pytest.fixture
def proj(tmp_path, monkeypatch):
    install(monkeypatch)
    monkeypatch.chdir(tmp_path)
    return project(tmp_path)


def test_build_returns_the_report_with_each_documents_manifest(proj):
    report = reportgen.build(seeds="seeds", out="output", formats=["json", "html"], jobs=1)
    assert report.ok
    assert sorted(d.slug for d in report.built) == ["release-0", "release-1"]
    manifest = report.manifests["release-0"]
    assert sorted(manifest["outputs"]) == ["briefing.html", "charts/growth-output.svg",
                                           "data.json"]  # no PNG: only the deck uses them
    data = json.loads(json.dumps(report.as_dict()))
    assert sorted(data["documents"][0]["formats"]) == ["html", "json"]


def test_build_can_be_called_twice_in_one_process_and_skips_the_second_time(proj):
    reportgen.build()
    report = reportgen.build()
    assert report.built == () and all(d.skipped for d in report.documents)
    assert callable(reportgen.build)


def test_build_raises_a_typed_error_when_a_document_fails(proj):
    (proj.seeds / "release-1.txt").write_text("FAIL\n")
    with pytest.raises(BuildError) as caught:
        reportgen.build()
    assert isinstance(caught.value, ReportgenError)
    assert [d.slug for d in caught.value.report.failed] == ["release-1"]


def test_build_raises_config_error_for_a_bad_option(proj):
    with pytest.raises(ConfigError, match="formats: expected"):
        reportgen.build(formats=["docx"])


def test_build_raises_input_error_for_a_missing_seeds_folder(proj):
    with pytest.raises(InputError, match="no-such-folder: no such file or folder"):
        reportgen.build(seeds="no-such-folder")


def test_extract_returns_the_data_layer_of_a_source(seed_path):
    briefing = reportgen.extract(seed_path)
    assert isinstance(briefing, Briefing)
    assert briefing.facts
    for fact in briefing.facts[:20]:
        assert briefing.text[fact.span[0]:fact.span[1]] == fact.text


def test_extract_raises_input_error_for_a_missing_file(tmp_path):
    with pytest.raises(InputError):
        reportgen.extract(tmp_path / "missing.txt")


def test_the_build_package_is_reachable_and_callable_as_the_api(proj):
    import reportgen.build

    assert reportgen.build.build_all is reportgen.build.batch.build_all
    report = reportgen.build(seeds="seeds", out="output", formats=["json"], jobs=1)
    assert [d.formats for d in report.built] == [("json",), ("json",)]
