"""`reportgen schedule "CRON"`: run builds on a cron schedule, in the foreground.

Made for a service manager: each run is a separate `reportgen build` process (a crash or leak
in one run cannot harm the next), runs never overlap (a run that overruns its slot skips the
missed slots), a failing run is logged and the schedule goes on, and SIGINT/SIGTERM stop the
schedule cleanly, after the running build (if any) has finished.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from types import FrameType
from typing import TextIO

from reportgen.errors import InputError

POLL_S = 0.1


class Stopper:
    """Turns SIGINT and SIGTERM into a flag the schedule checks between waits."""

    def __init__(self) -> None:
        self.stopping = False
        self.signal_name = ""

    def install(self) -> None:
        """Handle SIGINT and SIGTERM until `restore`."""
        self._previous = {s: signal.signal(s, self._handle)
                          for s in (signal.SIGINT, signal.SIGTERM)}

    def restore(self) -> None:
        """Put back the handlers that were there before `install`."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True
        self.signal_name = signal.Signals(signum).name


def cron_times(expression: str, start: float) -> object:
    """A croniter over `expression` from `start`; `InputError` when the expression is invalid."""
    from croniter import croniter

    if not croniter.is_valid(expression):
        raise InputError(f"{expression!r}: not a cron expression; use five fields "
                         "(minute hour day month weekday, e.g. \"0 6 * * 1-5\") or six with "
                         "seconds last")
    return croniter(expression, start)


def run_schedule(expression: str, build_args: Sequence[str], stream: TextIO,
                 *, max_runs: int | None = None) -> int:
    """Run `reportgen build build_args` at every time of `expression` until stopped; returns 0."""
    times = cron_times(expression, time.time())
    stopper = Stopper()
    stopper.install()
    log(stream, f"schedule {expression!r} started: reportgen build {' '.join(build_args)}")
    runs = 0
    try:
        while not stopper.stopping and (max_runs is None or runs < max_runs):
            due = _next_after(times, time.time())
            log(stream, f"next build at {_when(due)}")
            if not _wait_until(due, stopper):
                break
            runs += 1
            run_build(runs, build_args, stream)
    finally:
        stopper.restore()
    log(stream, f"schedule stopped ({stopper.signal_name or 'done'}) after {runs} runs")
    return 0


def _next_after(times: object, now: float) -> float:
    """The first scheduled time after `now` (slots missed while a run overran are skipped)."""
    due: float = times.get_next(float)  # type: ignore[attr-defined]
    while due <= now:
        due = times.get_next(float)  # type: ignore[attr-defined]
    return due


def _wait_until(due: float, stopper: Stopper) -> bool:
    """Sleep until `due`; False if a stop signal came first."""
    while not stopper.stopping:
        left = due - time.time()
        if left <= 0:
            return True
        time.sleep(min(POLL_S, left))
    return False


def run_build(number: int, build_args: Sequence[str], stream: TextIO,
              lines: list[str] | None = None) -> int:
    """One build in its own process; logs its outcome (and appends its output's lines to
    `lines`, when given) and returns its exit code."""
    started = time.monotonic()
    log(stream, f"run {number}: building")
    command = [sys.executable, "-m", "reportgen.cli", "build", *build_args]
    env = {**os.environ, "REPORTGEN_LOG_TIMESTAMPS": "0"}  # our log lines carry them
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, env=env,
                                   start_new_session=True)  # a Ctrl-C reaches us, not the build
    except OSError as exc:
        log(stream, f"run {number}: could not start the build: {exc}")
        return 1
    try:
        output, _ = process.communicate()
    except BaseException:
        # we are being stopped mid-build (watch on SIGTERM): stop the build and its workers
        stop_build(process)
        log(stream, f"run {number}: stopped")
        raise
    seconds = time.monotonic() - started
    for line in output.splitlines():
        log(stream, f"run {number}: {line}")
    if lines is not None:
        lines += output.splitlines()
    outcome = "ok" if process.returncode == 0 else f"FAILED (exit code {process.returncode})"
    log(stream, f"run {number}: {outcome} in {seconds:.1f} s")
    return process.returncode


def stop_build(process: subprocess.Popen[str], grace_s: float = 5.0) -> None:
    """SIGTERM to the build's process group (the build and its workers), SIGKILL if it is still
    there after `grace_s` seconds."""
    for signum, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, grace_s)):
        try:
            os.killpg(process.pid, signum)
        except (ProcessLookupError, PermissionError):
            return
        try:
            process.wait(timeout=wait_s)
            return
        except subprocess.TimeoutExpired:
            continue


def log(stream: TextIO, message: str) -> None:
    """Write one timestamped log line and flush it (service managers read it live)."""
    stream.write(f"{datetime.now().astimezone().isoformat(timespec='seconds')} {message}\n")
    stream.flush()


def _when(due: float) -> str:
    return datetime.fromtimestamp(due).astimezone().isoformat(timespec="seconds")
