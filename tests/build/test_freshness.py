"""What is rebuilt: each output's inputs hashed and compared with the manifest (fake stages)."""

from __future__ import annotations

import hashlib
import json

from build_fakes import calls

from reportgen.build import build_all
from reportgen.build.freshness import (
    DocumentJob,
    document_jobs,
    overrides_path,
    package_versions,
    stale_formats,
    template_digests,
)
from reportgen.config import Config


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


def test_two_sources_with_the_same_stem_get_two_folders(proj):
    (proj.seeds / "release-0.md").write_text("Output 7 billion yuan.\n")
    report = build_all(config=proj.config())
    assert sorted(d.slug for d in report.documents) == ["release-0-md", "release-0-txt",
                                                       "release-1"]


def test_two_sources_with_the_same_name_in_two_folders_get_two_folders(proj):
    other = proj.root / "other"
    other.mkdir()
    (other / "release-0.txt").write_text("Output 9 billion yuan.\n")
    report = build_all(documents=[proj.seeds / "release-0.txt", other / "release-0.txt"],
                       config=proj.config())
    slugs = [d.slug for d in report.documents]
    assert len(set(slugs)) == 2 and all(s.startswith("release-0-txt-") for s in slugs)
    assert all((proj.out / s / "manifest.json").is_file() for s in slugs)


def _hashes(**digests: str) -> dict[str, str]:
    return dict(digests)


def _entry(inputs: str, data: bytes) -> dict:
    return {"inputs": inputs, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def test_stale_formats_are_those_whose_entry_differs_or_whose_file_is_gone(tmp_path):
    (tmp_path / "briefing.pdf").write_bytes(b"12345")
    (tmp_path / "deck.pptx").write_bytes(b"123")
    (tmp_path / "manifest.json").write_text(json.dumps({"outputs": {
        "briefing.pdf": _entry("a", b"12345"),
        "deck.pptx": _entry("b", b"123" * 33),  # the file on disk has another size
        "data.json": _entry("old", b"1"),
    }}))
    hashes = _hashes(pdf="a", pptx="b", json="new", html="h")
    assert stale_formats(tmp_path, hashes) == ("pptx", "json", "html")


def test_an_output_whose_hash_differs_from_the_manifest_is_rebuilt_even_at_the_same_size(
        tmp_path):
    (tmp_path / "briefing.pdf").write_bytes(b"12345")
    (tmp_path / "data.json").write_bytes(b'{"v": 2}')
    (tmp_path / "manifest.json").write_text(json.dumps({"outputs": {
        "briefing.pdf": _entry("a", b"12345"),
        "data.json": _entry("j", b'{"v": 1}'),  # same size, edited since
    }}))
    assert stale_formats(tmp_path, _hashes(pdf="a", json="j")) == ("json",)


def test_a_manifest_of_the_wrong_shape_means_rebuild_not_a_crash(tmp_path):
    for text in ('{"outputs": []}', '{"outputs": {"data.json": 3}}', "[1]", "{", "null"):
        (tmp_path / "manifest.json").write_text(text)
        assert stale_formats(tmp_path, _hashes(pdf="a", json="j")) == ("pdf", "json")


def test_a_missing_chart_makes_every_chart_format_stale(tmp_path):
    (tmp_path / "briefing.pdf").write_bytes(b"12345")
    (tmp_path / "data.json").write_bytes(b"{}")
    (tmp_path / "manifest.json").write_text(json.dumps({"outputs": {
        "briefing.pdf": _entry("a", b"12345"),
        "data.json": _entry("j", b"{}"),
        "charts/growth.svg": _entry("", b"0123456789"),
    }}))
    assert stale_formats(tmp_path, _hashes(pdf="a", json="j")) == ("pdf",)


def test_template_digests_name_the_folders_role_and_read_only_the_formats_folders(tmp_path):
    staff = tmp_path / "staff"
    (staff / "deck").mkdir(parents=True)
    (staff / "deck" / "deck.yaml").write_text("slides: []\n")
    config = Config(templates_dir=staff, project_templates_dir=tmp_path / "none")
    deck = template_digests(config, ("deck",))
    assert "staff/deck/deck.yaml" in deck and "default/deck/deck.yaml" in deck
    assert not any(key.startswith("staff/") for key in template_digests(config, ("briefing",)))
    assert template_digests(config, ()) == {}


def test_document_jobs_hash_each_format_and_force_rebuilds_all(tmp_path):
    source = tmp_path / "Release One.txt"
    source.write_text("Output 3 billion yuan.\n")
    config = Config(output_dir=tmp_path / "out", project_templates_dir=tmp_path / "none",
                    formats=("json", "pdf"))
    (job,) = document_jobs([source], config)
    assert isinstance(job, DocumentJob)
    assert (job.slug, job.folder, job.overrides) == ("release-one", tmp_path / "out" /
                                                     "release-one", None)
    assert set(job.input_hashes) == {"json", "pdf"} and job.rebuild == ("json", "pdf")
    assert not job.up_to_date
    (override := tmp_path / "Release One.overrides.yaml").write_text("facts: {}\n")
    assert overrides_path(source) == override
    (again,) = document_jobs([source], config, force=True)
    assert again.input_hashes != job.input_hashes  # the overrides file is an input


def test_package_versions_are_read_without_importing_and_missing_ones_say_so():
    versions = package_versions(("reportgen", "no-such-distribution-xyz"))
    assert versions["no-such-distribution-xyz"] == "missing"
    from reportgen import __version__

    assert versions["reportgen"] == __version__


def test_a_shared_template_outside_the_format_folders_counts_for_every_templated_format(
        tmp_path):
    staff = tmp_path / "staff"
    (staff / "shared").mkdir(parents=True)
    (staff / "shared" / "footer.html.j2").write_text("v1")
    config = Config(templates_dir=staff, project_templates_dir=tmp_path / "none")
    briefing = template_digests(config, ("briefing",))
    assert "staff/shared/footer.html.j2" in briefing
    assert "staff/shared/footer.html.j2" in template_digests(config, ("deck",))
    (staff / "shared" / "footer.html.j2").write_text("v2")
    assert template_digests(config, ("briefing",)) != briefing
    assert template_digests(config, ()) == {}


def test_a_fifo_or_an_outside_link_among_the_templates_is_hashed_as_refused(tmp_path):
    import os

    staff = tmp_path / "staff"
    (staff / "briefing").mkdir(parents=True)
    os.mkfifo(staff / "briefing" / "pipe.css")
    (staff / "briefing" / "zero.svg").symlink_to("/dev/zero")
    config = Config(templates_dir=staff, project_templates_dir=tmp_path / "none")
    digests = template_digests(config, ("briefing",))
    assert digests["staff/briefing/pipe.css"].startswith("refused:")
    assert digests["staff/briefing/zero.svg"].startswith("refused:")


def test_a_job_rehashed_from_the_bytes_the_worker_read(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Output 3 billion yuan.\n")
    config = Config(output_dir=tmp_path / "out", project_templates_dir=tmp_path / "none",
                    formats=("json",))
    job = document_jobs([source], config)[0]
    assert job.with_source(job.source_sha256) is job
    source.write_text("Output 4 billion yuan.\n")  # rewritten after the plan
    read = hashlib.sha256(source.read_bytes()).hexdigest()
    assert job.with_source(read).input_hashes == document_jobs([source], config)[0].input_hashes
