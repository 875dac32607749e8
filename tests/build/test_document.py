"""One document's build: its outputs, manifest, changes.md and failures (fake stages)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

from build_fakes import calls

from reportgen.build import build_all
from reportgen.build.document import chart_files, redrawn_kinds
from reportgen.charts import ChartAsset


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


def test_strict_makes_warnings_fail_and_writes_nothing(proj):
    (proj.seeds / "release-0.txt").write_text("WARN 5\n")
    report = build_all(config=proj.config(), strict=True, check=False)
    assert [d.slug for d in report.failed] == ["release-0"]
    assert "--strict and 3 warnings" in report.failed[0].error
    assert not (proj.out / "release-0").exists()
    report = build_all(config=proj.config(), check=False)
    assert report.ok and report.documents[0].warnings


def test_stale_charts_are_removed_when_charts_are_redrawn(proj):
    build_all(config=proj.config())
    old = proj.out / "release-0" / "charts" / "gone.svg"
    old.write_text("<svg/>")
    build_all(config=replace(proj.config(), organisation="x"))
    assert not old.exists()


def test_a_document_that_cannot_be_written_fails_with_a_one_line_error(proj, monkeypatch):
    import errno

    from reportgen.build import document

    build_all(config=proj.config(), check=False)
    before = {p.name: p.read_bytes() for p in (proj.out / "release-0").iterdir() if p.is_file()}

    def disk_full(staged, name, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(staged / name))

    monkeypatch.setattr(document, "write_staged", disk_full)
    report = build_all(config=proj.config(), force=True, check=False)
    assert sorted(d.slug for d in report.failed) == ["release-0", "release-1"]
    assert "cannot write (No space left on device)" in report.failed[0].error
    assert "internal error" not in report.failed[0].error
    after = {p.name: p.read_bytes() for p in (proj.out / "release-0").iterdir() if p.is_file()}
    assert after == before  # the previous build is untouched
    assert [p.name for p in proj.out.iterdir() if p.name.startswith(".release")] == []


def test_chart_files_name_each_svg_and_each_png_that_was_drawn(synthetic):
    from reportgen.model import ChartSpec

    spec = ChartSpec(id="growth-a", kind="growth", title="A", unit="yuan", series=())
    other = ChartSpec(id="share-b", kind="share", title="B", unit="%", series=())
    files = chart_files((ChartAsset(spec, b"<svg/>", b"png"), ChartAsset(other, b"<svg/>", None)))
    assert files == {"charts/growth-a.svg": b"<svg/>", "charts/share-b.svg": b"<svg/>",
                     "charts/growth-a.png": b"png"}


def test_charts_are_redrawn_with_any_format_that_shows_them_and_not_with_json():
    assert redrawn_kinds(("json",)) == set()
    assert redrawn_kinds(("json", "html")) == {".svg", ".png"}


def test_a_release_rewritten_during_the_build_is_recorded_under_the_text_that_was_read(
        proj, monkeypatch):
    from build_fakes import fake_briefing

    from reportgen.build import stages
    from reportgen.build.document import build_document
    from reportgen.build.freshness import document_jobs

    config = proj.config(formats=("json",))
    source = proj.seeds / "release-0.txt"
    job = document_jobs([source], config)[0]  # planned on the full text

    def read_after_an_editor_saved(path, config, root=None, snapshot=None):
        path.write_text("Release 0: output 7 billion yuan.\n")  # shorter, saved meanwhile
        return fake_briefing(path, config, root)

    monkeypatch.setattr(stages, "load_briefing", read_after_an_editor_saved)
    build_document(job, config)
    monkeypatch.undo()
    manifest = json.loads((proj.out / "release-0" / "manifest.json").read_text())
    written = json.loads((proj.out / "release-0" / "data.json").read_text())
    assert written["document"] == manifest["document"]["sha256"]  # the bytes that were read
    assert document_jobs([source], config)[0].up_to_date  # and the plan agrees with them


def test_a_failing_format_keeps_its_previous_file_and_the_others_are_written(proj, monkeypatch):
    from build_fakes import fake_render

    from reportgen.build import stages

    build_all(config=proj.config(), check=False)
    folder = proj.out / "release-0"
    old_deck = (folder / "deck.pptx").read_bytes()

    def deck_breaks(fmt, briefing, charts, config):
        if fmt == "pptx":
            raise ValueError("a library's own failure")
        return fake_render(fmt, briefing, charts, config)

    monkeypatch.setattr(stages, "render", deck_breaks)
    (proj.seeds / "release-0.txt").write_text("Release 0: output 555 billion yuan.\n")
    report = build_all(config=proj.config(), check=False)
    failed = {d.slug: d for d in report.failed}
    assert set(failed) == {"release-0"}
    assert "deck.pptx could not be made (ValueError: a library's own failure)" in \
        failed["release-0"].error
    assert "pptx" not in failed["release-0"].formats
    assert (folder / "deck.pptx").read_bytes() == old_deck
    text = (proj.seeds / "release-0.txt").read_bytes()
    written = json.loads((folder / "data.json").read_text())
    assert written["document"] == hashlib.sha256(text).hexdigest()  # the new data.json
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["outputs"]["deck.pptx"]["sha256"] == hashlib.sha256(old_deck).hexdigest()


def test_warnings_are_cut_to_a_few_hundred_characters(proj, monkeypatch):
    from build_fakes import fake_render

    from reportgen.build import stages
    from reportgen.render import RenderResult

    def loud(fmt, briefing, charts, config):
        result = fake_render(fmt, briefing, charts, config)
        return RenderResult(result.data, ("refused data:" + "A" * 5_000_000,))

    monkeypatch.setattr(stages, "render", loud)
    build_all(config=proj.config(formats=("html",)), check=False)
    manifest = json.loads((proj.out / "release-0" / "manifest.json").read_text())
    assert [len(w) <= 300 for w in manifest["warnings"]] == [True]


def test_an_overrides_file_rewritten_during_the_build_is_recorded_under_the_bytes_applied(
        tmp_path, seed_path, monkeypatch):
    """Real extraction: the overrides are read once, applied from those bytes, and hashed."""
    import shutil

    from reportgen import overrides as overrides_module
    from reportgen.build.document import build_document
    from reportgen.build.freshness import document_jobs
    from reportgen.config import Config

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    source = seeds / "release.txt"
    shutil.copy(seed_path, source)
    fact_id = "industrial-added-value-2021"
    path = seeds / "release.overrides.yaml"
    path.write_text(f"facts:\n  {fact_id}:\n    label: First label\n")
    config = Config(seeds_dir=seeds, output_dir=tmp_path / "out",
                    project_templates_dir=tmp_path / "none", formats=("json",))
    job = document_jobs([source], config)[0]
    path.write_text(f"facts:\n  {fact_id}:\n    label: Second label\n")  # saved meanwhile
    original = overrides_module.read_overrides
    reads = []

    def counted(p):
        reads.append(p)
        return original(p)

    monkeypatch.setattr(overrides_module, "read_overrides", counted)
    build_document(job, config)
    assert reads == [path]  # read once
    written = (tmp_path / "out" / "release" / "data.json").read_text()
    assert "Second label" in written
    assert document_jobs([source], config)[0].up_to_date  # recorded under what was applied
