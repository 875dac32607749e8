"""`reportgen schedule`: runs on time, never overlaps, survives failures, stops on SIGTERM."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_seed

from reportgen.errors import InputError
from reportgen.schedule import cron_times, run_schedule


def test_an_invalid_cron_expression_is_a_one_line_error():
    with pytest.raises(InputError, match="'every day': not a cron expression"):
        cron_times("every day", time.time())


def start_schedule(folder: Path, cron: str) -> subprocess.Popen:
    with (folder / "schedule.log").open("w") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "reportgen.cli", "schedule", cron, "--formats", "json"],
            cwd=folder, stdout=log, stderr=subprocess.STDOUT, text=True)


def wait_for(path: Path, text: str, count: int, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = path.read_text()
        if log.count(text) >= count:
            return log
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not seen {count} times in:\n{path.read_text()}")


def test_an_every_second_schedule_runs_twice_and_stops_cleanly_on_sigterm(tmp_path):
    source = copy_seed(tmp_path / "seeds")
    process = start_schedule(tmp_path, "* * * * * *")
    log_path = tmp_path / "schedule.log"
    wait_for(log_path, ": ok in ", 2)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    log = log_path.read_text()
    assert "run 1: 1 built in" in log  # the first run builds data.json
    assert "run 2: nothing changed: 1 documents up to date" in log  # the second has nothing
    assert log.splitlines()[-1].endswith(" schedule stopped (SIGTERM) after "
                                         f"{log.count(': building')} runs")
    assert (tmp_path / "output" / source.stem / "data.json").is_file()


def test_a_failing_run_is_logged_and_the_schedule_goes_on(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "broken.txt").write_bytes(bytes(range(256)))  # every run fails
    process = start_schedule(tmp_path, "* * * * * *")
    log_path = tmp_path / "schedule.log"
    log = wait_for(log_path, "FAILED (exit code 1)", 2)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 0
    assert "binary data" in log


@pytest.mark.parametrize(("options", "message"), [
    (["--config", "nosuch.toml"], "nosuch.toml: config file not found"),
    (["--templates", "nosuch"], "nosuch: templates folder not found"),
    ([], "no such file or folder"),  # no seeds folder here
], ids=["config", "templates", "seeds"])
def test_schedule_checks_its_options_at_start_not_at_the_first_run(tmp_path, options, message):
    done = subprocess.run([sys.executable, "-m", "reportgen.cli", "schedule", "0 6 * * *",
                           *options], cwd=tmp_path, capture_output=True, text=True, timeout=30,
                          check=False)
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr


def test_runs_never_overlap_and_missed_slots_are_skipped(tmp_path, monkeypatch):
    import reportgen.schedule as schedule

    starts: list[tuple[float, float]] = []

    def slow_build(number, args, stream):
        begin = time.monotonic()
        time.sleep(1.6)  # longer than the one-second slot
        starts.append((begin, time.monotonic()))
        return 0

    monkeypatch.setattr(schedule, "run_build", slow_build)
    out = io.StringIO()
    assert run_schedule("* * * * * *", [], out, max_runs=3) == 0
    for (_, end), (begin, _) in zip(starts, starts[1:], strict=False):
        assert begin >= end
    assert out.getvalue().count("next build at") == 3
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # handlers put back


def test_the_schedule_command_passes_build_options_through(tmp_path):
    from reportgen.cli import build_parser
    from reportgen.commands import build_arguments

    args = build_parser().parse_args(["schedule", "0 6 * * *", "seeds/a.txt", "--formats",
                                      "pdf,json", "--jobs", "2", "--strict"])
    assert build_arguments(args) == ["seeds/a.txt", "--formats", "pdf,json", "--jobs", "2",
                                     "--lock-timeout", "60.0", "--strict"]
    assert os.sep  # the parser accepted the cron expression as one argument
