"""Kill safety and concurrency of real build processes (stages replaced by slowed-down fakes)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from build_fakes import project

from reportgen.output import TEMP_SUFFIX

TESTS = Path(__file__).parent


def start_build(proj, delay: float = 0.0) -> subprocess.Popen:
    arguments = (str(proj.seeds), str(proj.out), str(proj.templates), delay)
    code = (f"import sys; sys.path.insert(0, {str(TESTS)!r}); "
            f"from build_fakes import run_in_subprocess; sys.exit(run_in_subprocess{arguments!r})")
    log = proj.root / "build.log"
    with log.open("ab") as sink:
        return subprocess.Popen([sys.executable, "-c", code], start_new_session=True,
                                stdout=sink, stderr=sink)


def wait_for_a_write(folder: Path, timeout: float) -> None:
    """Return as soon as a temporary file (a write in progress) appears under `folder`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for document in folder.glob("*/") if folder.is_dir() else ():
            with contextlib.suppress(OSError):
                if any(name.endswith(TEMP_SUFFIX) for name in os.listdir(document)):
                    return
        time.sleep(0.001)


def complete_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(TEMP_SUFFIX)
            and p.name != ".reportgen.lock"]


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


def test_sigkill_at_random_moments_never_leaves_a_truncated_file_or_a_dangling_entry(tmp_path):
    proj = project(tmp_path, documents=4)
    rng = random.Random(6)
    interrupted_writes = 0
    for attempt in range(20):
        for i in range(4):  # every attempt has work to do
            (proj.seeds / f"release-{i}.txt").write_text(f"Release {i}: output {attempt}.{i}\n")
        process = start_build(proj)
        if attempt % 2:  # at a random moment
            time.sleep(rng.uniform(0.1, 1.2))
        else:  # the moment a file is being written (random moments can miss them on a busy host)
            wait_for_a_write(proj.out, timeout=20)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        time.sleep(0.05)  # workers die with their parent (PR_SET_PDEATHSIG)
        interrupted_writes += bool(list(proj.out.rglob(f"*{TEMP_SUFFIX}")))
        for path in complete_files(proj.out):
            assert_whole(path)
        for manifest_path in proj.out.glob("*/manifest.json"):
            manifest = json.loads(manifest_path.read_text())
            for name in manifest["outputs"]:
                assert (manifest_path.parent / name).is_file(), (attempt, name)
    assert interrupted_writes >= 1  # the kills did land in the middle of writing files
    process = start_build(proj)
    assert process.wait(timeout=60) == 0, (proj.root / "build.log").read_text()
    assert not list(proj.out.rglob(f"*{TEMP_SUFFIX}"))
    for manifest_path in proj.out.glob("*/manifest.json"):
        for name, entry in json.loads(manifest_path.read_text())["outputs"].items():
            data = (manifest_path.parent / name).read_bytes()
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]


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
