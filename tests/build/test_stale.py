"""Removed sources: a build of the seeds folder removes the output folders it made for sources
that are gone, touches nothing else, keeps them with --keep-stale, and says so."""

from __future__ import annotations

import io
import json

import pytest
from build_fakes import install, project

from reportgen.build import build_all
from reportgen.build.stale import managed_folders, stale_folders
from reportgen.cli import main


@pytest.fixture
def proj(tmp_path, monkeypatch):
    install(monkeypatch)
    p = project(tmp_path, documents=3)
    monkeypatch.chdir(tmp_path)
    return p


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def test_a_removed_source_loses_its_output_folder_and_the_summary_says_so(proj):
    assert run("build", "--formats", "json")[0] == 0
    (proj.seeds / "release-1.txt").unlink()
    code, text = run("build", "--formats", "json")
    assert code == 0
    assert not (proj.out / "release-1").exists()
    assert (proj.out / "release-0" / "data.json").is_file()
    assert (proj.out / "release-2" / "data.json").is_file()
    assert "removed: release-1: its source is gone" in text
    assert text.splitlines()[-1].startswith("0 built, 1 removed in ")
    code, text = run("build", "--formats", "json")  # the next build has nothing to remove
    assert text.startswith("nothing changed: 2 documents up to date")


def test_keep_stale_keeps_the_folder_of_a_removed_source(proj):
    build_all(config=proj.config(formats=("json",)))
    (proj.seeds / "release-1.txt").unlink()
    code, text = run("build", "--formats", "json", "--keep-stale")
    assert code == 0
    assert (proj.out / "release-1" / "data.json").is_file()
    assert "removed" not in text


def test_only_folders_holding_our_manifest_are_ever_removed(proj):
    build_all(config=proj.config(formats=("json",)))
    (proj.seeds / "release-1.txt").unlink()
    staff = proj.out / "notes"  # a folder someone made by hand in the output folder
    staff.mkdir()
    (staff / "read-me.txt").write_text("keep")
    foreign = proj.out / "other-tool"  # a manifest that is not ours
    foreign.mkdir()
    (foreign / "manifest.json").write_text(json.dumps({"schema": "someone.else/1"}))
    outside = proj.root / "elsewhere"  # our manifest, but reached through a link
    outside.mkdir()
    (outside / "manifest.json").write_text(json.dumps({"schema": "reportgen.manifest/1"}))
    (proj.out / "linked").symlink_to(outside, target_is_directory=True)
    report = build_all(config=proj.config(formats=("json",)))
    assert report.removed == ("release-1",)
    assert (staff / "read-me.txt").read_text() == "keep"
    assert (foreign / "manifest.json").is_file()
    assert (outside / "manifest.json").is_file() and (proj.out / "linked").is_symlink()
    assert [f.name for f in managed_folders(proj.out)] == ["release-0", "release-2"]


def test_a_build_of_named_documents_removes_nothing(proj):
    build_all(config=proj.config(formats=("json",)))
    report = build_all(documents=[proj.seeds / "release-0.txt"],
                       config=proj.config(formats=("json",)), force=True)
    assert report.removed == ()
    assert (proj.out / "release-1").is_dir() and (proj.out / "release-2").is_dir()


def test_stale_folders_are_ours_whose_slug_this_build_does_not_have(proj):
    build_all(config=proj.config(formats=("json",)))
    stale = stale_folders(proj.out, ["release-0"])
    assert [f.name for f in stale] == ["release-1", "release-2"]
    assert stale_folders(proj.root / "missing", []) == []
