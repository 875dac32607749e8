"""Writing outputs: atomic files that survive SIGKILL, folder names, the manifest, leftovers."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import time
from pathlib import Path

import pytest
from build_fakes import project, start_build

from reportgen.build import build_all
from reportgen.build.output import (
    TEMP_SUFFIX,
    atomic_write,
    inside,
    read_manifest,
    remove_stale,
    remove_temporaries,
    slug_for,
    write_charts,
    write_manifest,
)


def wait_for_a_write(folder: Path, timeout: float) -> None:
    """Return as soon as a staging folder (a document being published) appears in `folder`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if any(name.endswith(".rgnew") for name in os.listdir(folder)):
                return
        time.sleep(0.001)


def published(folder: Path) -> list[Path]:
    """The document folders (not staging or retired ones, which a dying worker may still be
    removing) that hold a manifest."""
    return [d for d in folder.iterdir() if not d.name.startswith(".")
            and (d / "manifest.json").is_file()]


def complete_files(folder: Path) -> list[Path]:
    """The published files: document folders only, not staging folders or the lock."""
    return [p for d in published(folder) for p in d.rglob("*") if p.is_file()]


def assert_whole(path: Path) -> None:
    """Every output of the fakes is JSON (with padding) or a chart; truncation breaks them."""
    data = path.read_bytes()
    if path.suffix == ".svg":
        assert data.startswith(b"<svg") and data.endswith(b"</svg>"), path
    elif path.suffix == ".png":
        assert data == b"\x89PNG fake", path
    elif path.suffix == ".md":
        assert data.startswith(b"# Changes") and data.endswith(b"\n"), path
    else:
        json.loads(data)


def assert_one_build(document: Path) -> None:
    """The folder holds one complete build: its manifest names every file with its hash."""
    manifest = json.loads((document / "manifest.json").read_text())
    for name, entry in manifest["outputs"].items():
        data = (document / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], (document, name)


def test_sigkill_at_random_moments_never_leaves_a_mix_of_two_builds(tmp_path):
    proj = project(tmp_path, documents=4)
    rng = random.Random(6)
    interrupted_writes = 0
    for attempt in range(20):
        for i in range(4):  # every attempt has work to do
            (proj.seeds / f"release-{i}.txt").write_text(f"Release {i}: output {attempt}.{i}\n")
        process = start_build(proj)
        if attempt % 2:  # at a random moment
            time.sleep(rng.uniform(0.1, 1.2))
        else:  # the moment a document is being published (random moments can miss them)
            wait_for_a_write(proj.out, timeout=20)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        time.sleep(0.05)  # workers die with their parent (PR_SET_PDEATHSIG)
        interrupted_writes += any(p.name.endswith(".rgnew") for p in proj.out.iterdir())
        for path in complete_files(proj.out):
            assert_whole(path)
        for document in published(proj.out):
            assert_one_build(document)
    assert interrupted_writes >= 1  # the kills did land in the middle of publishing
    process = start_build(proj)
    assert process.wait(timeout=60) == 0, (proj.root / "build.log").read_text()
    assert not [p for p in proj.out.iterdir() if p.name.endswith((".rgnew", ".rgold"))]
    assert not list(proj.out.rglob(f"*{TEMP_SUFFIX}"))
    for document in published(proj.out):
        assert_one_build(document)


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


def test_slug_for_lowercases_the_stem_and_replaces_unsafe_characters():
    assert slug_for(Path("seeds/Shanghai Industrial_Economy 2022.txt")) == \
        "shanghai-industrial_economy-2022"
    assert slug_for(Path("上海.md")) == "document"
    assert slug_for(Path("-Report-.txt")) == "report"


def test_atomic_write_replaces_the_file_whole_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "deep" / "briefing.pdf"
    atomic_write(path, b"old")
    atomic_write(path, b"new contents")
    assert path.read_bytes() == b"new contents"
    assert [p.name for p in path.parent.iterdir()] == ["briefing.pdf"]


def test_inside_refuses_a_name_that_leaves_the_folder(tmp_path):
    assert inside(tmp_path, "charts/a.svg") == (tmp_path / "charts" / "a.svg").resolve()
    with pytest.raises(ValueError, match="refusing to write outside"):
        inside(tmp_path, "../escape.txt")


def test_a_manifest_is_read_back_and_an_unreadable_one_is_none(tmp_path):
    write_manifest(tmp_path, {"outputs": {"data.json": {"bytes": 2}}, "schema": "x"})
    assert read_manifest(tmp_path) == {"outputs": {"data.json": {"bytes": 2}}, "schema": "x"}
    (tmp_path / "manifest.json").write_text("[1, 2")
    assert read_manifest(tmp_path) is None
    assert read_manifest(tmp_path / "missing") is None


def test_remove_stale_deletes_only_unnamed_files_and_temporaries_are_swept(tmp_path):
    charts = tmp_path / "doc" / "charts"
    charts.mkdir(parents=True)
    for name in ("keep.svg", "gone.svg", f".half.svg.1{TEMP_SUFFIX}"):
        (charts / name).write_text("x")
    assert remove_stale(tmp_path / "doc", ["charts/keep.svg"], "charts") == ["charts/gone.svg"]
    assert remove_temporaries(tmp_path / "doc") == [charts / f".half.svg.1{TEMP_SUFFIX}"]
    assert sorted(p.name for p in charts.iterdir()) == ["keep.svg"]


def test_write_charts_puts_each_chart_in_the_documents_slug_folder(tmp_path, synthetic):
    lines = list(write_charts(synthetic, tmp_path, formats="svg"))
    folder = tmp_path / slug_for(Path(synthetic.document.path))
    written = sorted(p.name for p in folder.iterdir())
    assert written and all(name.endswith(".svg") for name in written)
    assert sum(line.startswith("wrote ") for line in lines) == len(written)


def test_publish_swaps_the_whole_folder_in_one_step_and_keeps_nothing_of_the_old(tmp_path):
    from reportgen.build.output import publish, staging_folder, write_staged

    folder = tmp_path / "doc"
    folder.mkdir()
    (folder / "old.txt").write_text("old")
    staged = staging_folder(folder)
    write_staged(staged, "new.txt", b"new")
    publish(staged, folder)
    assert sorted(os.listdir(folder)) == ["new.txt"]
    assert sorted(os.listdir(tmp_path)) == ["doc"]  # no staging or retired folder left


def test_leftovers_are_removed_only_where_reportgen_made_them(tmp_path):
    from reportgen.build.output import MANIFEST_SCHEMA, STAGING_MARK, remove_leftovers

    ours = tmp_path / "doc"
    ours.mkdir()
    (ours / "manifest.json").write_text(json.dumps({"schema": MANIFEST_SCHEMA, "outputs": {}}))
    (ours / f".deck.pptx.12{TEMP_SUFFIX}").write_text("half")
    theirs = tmp_path / "notes"
    theirs.mkdir()
    (theirs / f".draft.docx.12{TEMP_SUFFIX}").write_text("someone else's")
    staged = tmp_path / ".doc.99.rgnew"
    staged.mkdir()
    (staged / STAGING_MARK).write_text("")
    lookalike = tmp_path / ".photos.99.rgnew"  # named like ours, but not made by reportgen
    lookalike.mkdir()
    (lookalike / "holiday.jpg").write_text("keep me")
    removed = remove_leftovers(tmp_path)
    assert {p.name for p in removed} == {".doc.99.rgnew", f".deck.pptx.12{TEMP_SUFFIX}"}
    assert (theirs / f".draft.docx.12{TEMP_SUFFIX}").exists()
    assert (lookalike / "holiday.jpg").exists()


def test_a_manifest_of_the_wrong_shape_reads_as_none(tmp_path):
    for text in ('{"outputs": []}', "[]", "{", '{"outputs": {"a": 1}}'):
        (tmp_path / "manifest.json").write_text(text)
        assert read_manifest(tmp_path) is None
