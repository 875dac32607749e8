"""The whole build (`build_all`): formats, failures, limits (stages replaced by fakes)."""

from __future__ import annotations

import pytest

from reportgen.build import DocumentsFailed, build_all, stages
from reportgen.config import Limits


def test_formats_limit_what_is_built(proj):
    report = build_all(config=proj.config(formats=("json",)))
    assert {d.formats for d in report.built} == {("json",)}
    assert not (proj.out / "release-0" / "briefing.pdf").exists()
    assert not (proj.out / "release-0" / "charts").exists()


def test_a_failing_document_is_reported_and_the_others_still_build(proj):
    (proj.seeds / "release-1.txt").write_text("FAIL\n")
    with pytest.raises(DocumentsFailed) as caught:
        build_all(config=proj.config())
    report = caught.value.report
    assert [d.slug for d in report.failed] == ["release-1"]
    assert "planted to fail" in report.failed[0].error
    assert (proj.out / "release-0" / "briefing.pdf").is_file()
    assert not (proj.out / "release-1").exists()
    assert str(caught.value) == "1 of 2 documents failed: release-1"


def test_a_document_over_its_time_limit_is_stopped_and_reported(proj):
    (proj.seeds / "release-1.txt").write_text("SLEEP 30\n")
    config = proj.config(limits=Limits(document_timeout_s=1.0))
    report = build_all(config=config, check=False)
    assert [d.slug for d in report.failed] == ["release-1"]
    assert "took longer than 1 s" in report.failed[0].error
    assert report.failed[0].seconds < 5


def test_a_document_over_its_memory_limit_is_stopped_and_reported(proj, monkeypatch):
    def hungry(fmt, briefing, charts, config):
        return bytearray(400 * 1024 * 1024)

    monkeypatch.setattr(stages, "render", hungry)
    config = proj.config(limits=Limits(document_memory_mb=300))
    report = build_all(config=config, check=False)
    assert len(report.failed) == 2
    assert "ran out of memory (limit 300 MB" in report.failed[0].error


def test_a_missing_staff_template_folder_is_a_config_error(proj):
    from reportgen.errors import ConfigError

    with pytest.raises(ConfigError, match="templates folder not found"):
        build_all(config=proj.config(templates_dir=proj.root / "typo"))


def test_a_document_can_be_named_by_its_stem_in_the_seeds_folder(proj):
    report = build_all(documents=["release-1"], config=proj.config())
    assert [d.slug for d in report.documents] == ["release-1"]


def test_the_report_as_plain_data_marks_skipped_documents(proj):
    build_all(config=proj.config())
    data = build_all(config=proj.config()).as_dict()
    assert data["ok"] is True
    assert [d["skipped"] for d in data["documents"]] == [True, True]
    assert set(data["manifests"]) == {"release-0", "release-1"}


def test_a_manifest_of_the_wrong_shape_is_rebuilt_not_a_crash(proj):
    from reportgen.build import build_all

    build_all(config=proj.config(), check=False)
    for text in ('{"outputs": []}', '{"outputs": {}, "facts": [1, 2]}', "[]", "{"):
        (proj.out / "release-0" / "manifest.json").write_text(text)
        report = build_all(config=proj.config(), check=False)
        assert report.ok and [d.slug for d in report.built] == ["release-0"], text
