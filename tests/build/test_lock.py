"""One build per output folder: the lock, waiting and giving up."""

from __future__ import annotations

import json
import threading
import time

import pytest
from build_fakes import project, start_build

from reportgen.build import build_all
from reportgen.build.lock import LOCK_NAME, output_lock
from reportgen.errors import BuildError


def test_a_second_build_of_a_locked_output_folder_waits_then_stops_touching_nothing(proj):
    build_all(config=proj.config())
    (proj.seeds / "release-0.txt").write_text("Release 0: output 1 billion yuan.\n")
    before = (proj.out / "release-0" / "manifest.json").read_bytes()
    with output_lock(proj.out), pytest.raises(BuildError, match="another build is writing"):
        build_all(config=proj.config(), lock_timeout=0.2)
    assert (proj.out / "release-0" / "manifest.json").read_bytes() == before


def test_an_output_folder_that_cannot_be_written_is_a_one_line_error(proj):
    blocker = proj.root / "file-not-folder"
    blocker.write_text("")
    with pytest.raises(BuildError, match="file-not-folder: cannot write the output folder"):
        build_all(config=proj.config(output_dir=blocker))


def test_two_concurrent_builds_of_one_folder_run_one_after_the_other(tmp_path):
    proj = project(tmp_path, documents=2)
    first = start_build(proj, delay=0.3)
    time.sleep(0.3)
    second = start_build(proj, delay=0.3)
    assert first.wait(timeout=60) == 0
    assert second.wait(timeout=60) == 0
    # the second waited for the lock, re-planned, and found everything already built
    for manifest_path in proj.out.glob("*/manifest.json"):
        manifest = json.loads(manifest_path.read_text())
        built = {entry["built_at"] for entry in manifest["outputs"].values()}
        assert len(built) <= 2
    assert len(list(proj.out.glob("*/manifest.json"))) == 2


def test_the_lock_is_a_file_in_the_output_folder_and_is_released_after_the_block(tmp_path):
    with output_lock(tmp_path / "out") as path:
        assert path == tmp_path / "out" / LOCK_NAME and path.is_file()
    with output_lock(tmp_path / "out", timeout=0):  # free again at once
        pass


def test_a_waiting_build_gets_the_lock_as_soon_as_it_is_released(tmp_path):
    released = threading.Event()

    def hold() -> None:
        with output_lock(tmp_path):
            time.sleep(0.3)
        released.set()

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.05)
    try:
        with output_lock(tmp_path, timeout=5):
            assert released.is_set()
    finally:
        holder.join()
