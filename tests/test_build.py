"""The build orchestrator: incremental, parallel, isolated, atomic (stages replaced by fakes)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from build_fakes import install, project

from reportgen.builder import DocumentsFailed, build_all
from reportgen.config import Limits
from reportgen.errors import BuildError
from reportgen.output import slug_for


@pytest.fixture
def proj(tmp_path, monkeypatch):
    calls = tmp_path / "calls.txt"
    install(monkeypatch, calls)
    p = project(tmp_path)
    p.calls = calls
    return p


def calls(proj) -> list[str]:
    text = proj.calls.read_text() if proj.calls.exists() else ""
    proj.calls.unlink(missing_ok=True)
    return sorted(text.split())


def test_a_build_writes_every_output_and_a_manifest_naming_them(proj):
    report = build_all(config=proj.config())
    assert report.ok and len(report.built) == 2
    folder = proj.out / "release-0"
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert names == ["briefing.html", "briefing.pdf", "charts/growth-output.svg", "data.json",
                     "deck.pptx", "manifest.json"]
    manifest = json.loads((folder / "manifest.json").read_text())
    for name, entry in manifest["outputs"].items():
        assert (folder / name).stat().st_size == entry["bytes"]
    assert manifest["document"]["slug"] == "release-0"
    assert manifest["facts"]["output-2021"]["value"] == 100e9


def test_a_second_build_with_nothing_changed_skips_every_document(proj):
    build_all(config=proj.config())
    calls(proj)
    report = build_all(config=proj.config())
    assert report.ok and report.built == ()
    assert all(d.skipped for d in report.documents)
    assert calls(proj) == []


def test_force_rebuilds_everything(proj):
    build_all(config=proj.config())
    calls(proj)
    report = build_all(config=proj.config(), force=True)
    assert len(report.built) == 2
    assert calls(proj) == sorted(["html", "pdf", "pptx", "json"] * 2)


def test_touching_a_deck_template_rebuilds_only_the_decks(proj):
    build_all(config=proj.config())
    calls(proj)
    (proj.templates / "deck" / "deck.yaml").write_text("slides: [title]\n")
    report = build_all(config=proj.config())
    assert calls(proj) == ["pptx", "pptx"]
    assert {d.formats for d in report.built} == {("pptx",)}


def test_touching_a_briefing_template_rebuilds_only_pdf_and_html_and_keeps_the_pngs(proj):
    build_all(config=proj.config(chart_png=True))
    calls(proj)
    (proj.templates / "briefing" / "style.css").write_text("body { color: navy }\n")
    build_all(config=proj.config(chart_png=True))
    assert calls(proj) == ["html", "html", "pdf", "pdf"]
    folder = proj.out / "release-0"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert "charts/growth-output.png" in manifest["outputs"]
    assert (folder / "charts" / "growth-output.png").is_file()


def test_chart_pngs_are_written_only_when_the_config_asks_and_removed_when_it_stops(proj):
    charts = proj.out / "release-0" / "charts"
    build_all(config=proj.config(formats=("pdf", "html"), chart_png=True))
    assert sorted(p.name for p in charts.iterdir()) == ["growth-output.png", "growth-output.svg"]
    build_all(config=proj.config(formats=("pdf", "html")))
    assert sorted(p.name for p in charts.iterdir()) == ["growth-output.svg"]
    manifest = json.loads((proj.out / "release-0" / "manifest.json").read_text())
    assert "charts/growth-output.png" not in manifest["outputs"]


def test_editing_one_source_rebuilds_only_that_document_and_reports_the_change(proj):
    build_all(config=proj.config())
    calls(proj)
    (proj.seeds / "release-1.txt").write_text("Release 1: output 150 billion yuan.\n")
    report = build_all(config=proj.config())
    assert [d.slug for d in report.built] == ["release-1"]
    assert report.built[0].changes == ("figure output (output-2021): 101 billion yuan → "
                                       "150 billion yuan",)
    changes = (proj.out / "release-1" / "changes.md").read_text()
    assert "101 billion yuan → 150 billion yuan" in changes
    assert not (proj.out / "release-0" / "changes.md").exists()


def test_an_overrides_file_is_an_input(proj):
    build_all(config=proj.config())
    (proj.seeds / "release-0.overrides.yaml").write_text("facts: {}\n")
    report = build_all(config=proj.config())
    assert [d.slug for d in report.built] == ["release-0"]


def test_a_config_change_that_affects_content_rebuilds_and_one_that_does_not_skips(proj):
    build_all(config=proj.config())
    assert build_all(config=proj.config(jobs=1)).built == ()
    assert len(build_all(config=proj.config(organisation="Port Authority")).built) == 2


def test_a_deleted_output_is_rebuilt(proj):
    build_all(config=proj.config())
    (proj.out / "release-0" / "deck.pptx").unlink()
    calls(proj)
    build_all(config=proj.config())
    assert calls(proj) == ["pptx"]
    assert (proj.out / "release-0" / "deck.pptx").is_file()


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
    import reportgen.builder as build

    def hungry(fmt, briefing, charts, config):
        return bytearray(400 * 1024 * 1024)

    monkeypatch.setattr(build, "render", hungry)
    config = proj.config(limits=Limits(document_memory_mb=300))
    report = build_all(config=config, check=False)
    assert len(report.failed) == 2
    assert "ran out of memory (limit 300 MB" in report.failed[0].error


def test_strict_makes_warnings_fail_and_writes_nothing(proj):
    (proj.seeds / "release-0.txt").write_text("WARN 5\n")
    report = build_all(config=proj.config(), strict=True, check=False)
    assert [d.slug for d in report.failed] == ["release-0"]
    assert "--strict and 3 warnings" in report.failed[0].error
    assert not (proj.out / "release-0").exists()
    report = build_all(config=proj.config(), check=False)
    assert report.ok and report.documents[0].warnings


def test_a_second_build_of_a_locked_output_folder_waits_then_stops_touching_nothing(proj):
    from reportgen.lock import output_lock

    build_all(config=proj.config())
    (proj.seeds / "release-0.txt").write_text("Release 0: output 1 billion yuan.\n")
    before = (proj.out / "release-0" / "manifest.json").read_bytes()
    with output_lock(proj.out), pytest.raises(BuildError, match="another build is writing"):
        build_all(config=proj.config(), lock_timeout=0.2)
    assert (proj.out / "release-0" / "manifest.json").read_bytes() == before


def test_leftover_temporary_files_are_cleaned_by_the_next_build(proj):
    build_all(config=proj.config())
    leftover = proj.out / "release-0" / ".deck.pptx.123.rgtmp"
    leftover.write_bytes(b"half")
    build_all(config=proj.config(), force=True)
    assert not leftover.exists()


def test_outputs_never_leave_the_output_folder_whatever_the_file_name(proj):
    (proj.seeds / "up..%2F..%2Fetc passwd.txt").write_text("Output 3 billion yuan.\n")
    report = build_all(config=proj.config())
    slugs = {d.slug for d in report.documents}
    assert "up..-2f..-2fetc-passwd" in slugs
    assert slug_for(Path("...txt")) == "document"
    assert all((proj.out / s).is_dir() for s in slugs)
    assert sorted(os.listdir(proj.root)) == ["calls.txt", "output", "seeds", "templates"]


def test_two_sources_with_the_same_stem_get_two_folders(proj):
    (proj.seeds / "release-0.md").write_text("Output 7 billion yuan.\n")
    report = build_all(config=proj.config())
    assert sorted(d.slug for d in report.documents) == ["release-0-md", "release-0-txt",
                                                       "release-1"]


def test_stale_charts_are_removed_when_charts_are_redrawn(proj):
    build_all(config=proj.config())
    old = proj.out / "release-0" / "charts" / "gone.svg"
    old.write_text("<svg/>")
    build_all(config=replace(proj.config(), organisation="x"))
    assert not old.exists()


def test_two_sources_with_the_same_name_in_two_folders_get_two_folders(proj):
    other = proj.root / "other"
    other.mkdir()
    (other / "release-0.txt").write_text("Output 9 billion yuan.\n")
    report = build_all(documents=[proj.seeds / "release-0.txt", other / "release-0.txt"],
                       config=proj.config())
    slugs = [d.slug for d in report.documents]
    assert len(set(slugs)) == 2 and all(s.startswith("release-0-txt-") for s in slugs)
    assert all((proj.out / s / "manifest.json").is_file() for s in slugs)


def test_an_output_folder_that_cannot_be_written_is_a_one_line_error(proj):
    blocker = proj.root / "file-not-folder"
    blocker.write_text("")
    with pytest.raises(BuildError, match="file-not-folder: cannot write the output folder"):
        build_all(config=proj.config(output_dir=blocker))


def test_a_document_that_cannot_be_written_fails_with_a_one_line_error(proj):
    (proj.out / "release-0").mkdir(parents=True)
    (proj.out / "release-0" / "charts").write_text("a file where a folder should be")
    report = build_all(config=proj.config(), check=False)
    assert [d.slug for d in report.failed] == ["release-0"]
    assert "cannot write" in report.failed[0].error
    assert "internal error" not in report.failed[0].error
