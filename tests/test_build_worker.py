"""Child-process isolation: results, errors, crashes, time and memory limits."""

from __future__ import annotations

import os
import signal
import time

from reportgen.errors import InputError
from reportgen.worker import Background, Limits, run_isolated

LIMITS = Limits(seconds=2.0, memory_mb=400)


def test_each_task_runs_in_its_own_process_and_returns_its_value():
    results = {r.key: r for r in run_isolated([("a", os.getpid), ("b", os.getpid)], 2, LIMITS)}
    assert results["a"].ok and results["b"].ok
    assert len({results["a"].value, results["b"].value, os.getpid()}) == 3
    assert results["a"].peak_mb > 0


def test_a_user_error_is_its_message_and_a_bug_says_it_is_a_bug(capfd):
    def user() -> None:
        raise InputError("seeds/a.txt: not text")

    def bug() -> None:
        raise ZeroDivisionError("division by zero")

    results = {r.key: r for r in run_isolated([("u", user), ("b", bug)], 2, LIMITS)}
    assert results["u"].error == "seeds/a.txt: not text"
    assert results["b"].error.startswith("internal error (a bug, please report it): "
                                         "ZeroDivisionError")
    assert "Traceback" in capfd.readouterr().err


def test_a_crashing_child_is_reported_and_the_others_complete():
    def crash() -> None:  # what the kernel does to a worker that segfaults or is OOM-killed
        os.kill(os.getpid(), signal.SIGKILL)

    results = {r.key: r for r in run_isolated([("crash", crash), ("fine", lambda: 1)], 1,
                                              LIMITS)}
    assert results["fine"].value == 1
    assert "killed by SIGKILL" in results["crash"].error


def test_time_and_memory_limits_stop_a_child():
    def slow() -> None:
        time.sleep(30)

    def hungry() -> int:
        return len(bytearray(600 * 1024 * 1024))

    started = time.monotonic()
    results = {r.key: r for r in run_isolated([("slow", slow), ("hungry", hungry)], 2,
                                              Limits(seconds=1.0, memory_mb=300))}
    assert time.monotonic() - started < 10
    assert results["slow"].error.startswith("took longer than 1 s and was stopped")
    assert results["hungry"].error.startswith("ran out of memory (limit 300 MB")


def test_results_larger_than_a_pipe_buffer_arrive_whole():
    big = "x" * 5_000_000
    (result,) = run_isolated([("big", lambda: big)], 1, LIMITS)
    assert result.value == big


def test_background_returns_the_value_computed_in_another_process():
    assert Background(os.getpid, LIMITS).result() != os.getpid()
