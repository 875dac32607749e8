"""Child processes: isolation (results, errors, crashes, time and memory limits) and the
single-document helper (`Companion`: early start, streamed results, errors); the same limits in
this process (`run_here`)."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import time
from collections.abc import Iterator

import pytest

from reportgen.build.worker import Background, Companion, ProcessLimits, run_here, run_isolated
from reportgen.errors import InputError, ReportgenError

LIMITS = ProcessLimits(seconds=2.0, memory_mb=400)


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
                                              ProcessLimits(seconds=1.0, memory_mb=300))}
    assert time.monotonic() - started < 10
    assert results["slow"].error.startswith("took longer than 1 s and was stopped")
    assert results["hungry"].error.startswith("ran out of memory (limit 300 MB")


def test_results_larger_than_a_pipe_buffer_arrive_whole():
    big = "x" * 5_000_000
    (result,) = run_isolated([("big", lambda: big)], 1, LIMITS)
    assert result.value == big


def test_background_returns_the_value_computed_in_another_process():
    assert Background(os.getpid, LIMITS).result() != os.getpid()


# --- the single-document helper ------------------------------------------------------------

HELPER_LIMITS = ProcessLimits(seconds=5.0, memory_mb=400)


def test_a_helper_prepares_before_its_input_and_streams_each_result_as_it_is_made():
    def work(numbers: list[int]) -> Iterator[object]:
        yield os.getpid()
        yield sum(numbers)
        time.sleep(0.5)  # the first results arrive before this ends
        yield "last"

    helper = Companion(lambda: time.sleep(0.2), work, HELPER_LIMITS)
    try:
        helper.send([1, 2, 3])
        started = time.monotonic()
        assert helper.next() not in (os.getpid(), None)  # another process
        assert helper.next() == 6
        assert time.monotonic() - started < 0.45
        assert helper.next() == "last"
    finally:
        helper.close()


def test_a_third_process_can_hand_the_helper_its_input():
    helper = Companion(lambda: None, lambda text: iter([text.upper()]), HELPER_LIMITS)
    fd = helper.input_fd()

    def write() -> str:
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(pickle.dumps("from the loader"))
        return "written"

    loader = Background(write, HELPER_LIMITS)
    os.close(fd)  # the helper reads once the loader's copy is closed too
    try:
        assert loader.result() == "written"
        assert helper.next() == "FROM THE LOADER"
    finally:
        helper.close()


def test_a_helper_error_is_raised_with_its_message_and_a_bug_says_it_is_a_bug(capfd):
    def user(_: object) -> Iterator[object]:
        yield 1
        raise InputError("seeds/a.txt: not text")

    helper = Companion(lambda: None, user, HELPER_LIMITS)
    helper.send(None)
    assert helper.next() == 1
    with pytest.raises(ReportgenError, match=r"^seeds/a.txt: not text$"):
        helper.next()

    def bug(_: object) -> Iterator[object]:
        yield 1 / 0

    helper = Companion(lambda: None, bug, HELPER_LIMITS)
    helper.send(None)
    with pytest.raises(ReportgenError, match="internal error .*ZeroDivisionError"):
        helper.next()
    assert "Traceback" in capfd.readouterr().err


def test_a_failing_prepare_is_only_a_lost_head_start():
    def prepare() -> None:
        raise ImportError("no such renderer")

    helper = Companion(prepare, lambda x: iter([x * 2]), HELPER_LIMITS)
    try:
        helper.send(21)
        assert helper.next() == 42
    finally:
        helper.close()


def test_a_helper_that_dies_or_runs_too_long_is_reported_and_reaped():
    def die(_: object) -> Iterator[object]:
        os.kill(os.getpid(), 9)
        yield None

    helper = Companion(lambda: None, die, HELPER_LIMITS)
    helper.send(None)
    with pytest.raises(ReportgenError, match="died without a result"):
        helper.next()

    def slow(_: object) -> Iterator[object]:
        time.sleep(30)
        yield None

    helper = Companion(lambda: None, slow, ProcessLimits(seconds=0.5, memory_mb=400))
    pid = helper.pid
    helper.send(None)
    started = time.monotonic()
    with pytest.raises(ReportgenError, match="took longer than 0.5 s"):
        helper.next()
    assert time.monotonic() - started < 3
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped, not a zombie


def test_closing_a_helper_that_still_works_stops_it():
    def forever(_: object) -> Iterator[object]:
        yield "started"
        time.sleep(30)
        yield "never"

    helper = Companion(lambda: None, forever, HELPER_LIMITS)
    helper.send(None)
    assert helper.next() == "started"
    pid = helper.pid
    helper.close()
    helper.close()  # twice is harmless
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def _limits_now() -> tuple[object, ...]:
    import resource

    return (resource.getrlimit(resource.RLIMIT_AS), resource.getrlimit(resource.RLIMIT_CPU),
            signal.getsignal(signal.SIGALRM), signal.getitimer(signal.ITIMER_REAL))


def _address_space_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(x for x in status if x.startswith("VmSize:"))
    return int(line.split()[1]) // 1024


def test_run_here_returns_the_value_computed_in_this_process_and_lifts_its_limits():
    before = _limits_now()
    assert run_here(os.getpid, LIMITS) == os.getpid()
    assert _limits_now() == before


def test_run_here_stops_work_at_the_time_limit_even_where_it_catches_exceptions():
    def stubborn() -> None:
        with contextlib.suppress(Exception):  # the time limit must not end here
            time.sleep(30)
        time.sleep(30)

    before, started = _limits_now(), time.monotonic()
    with pytest.raises(ReportgenError, match=r"took longer than 1 s .*document_timeout_s"):
        run_here(stubborn, ProcessLimits(seconds=1.0, memory_mb=LIMITS.memory_mb))
    assert time.monotonic() - started < 10
    assert _limits_now() == before


def test_run_here_caps_memory_then_lifts_the_cap():
    room = _address_space_mb() + 200
    before = _limits_now()
    with pytest.raises(ReportgenError, match=rf"ran out of memory \(limit {room} MB"):
        run_here(lambda: len(bytearray((room + 400) * 1024 * 1024)),
                 ProcessLimits(seconds=30.0, memory_mb=room))
    assert _limits_now() == before
    assert len(bytearray((room + 400) * 1024 * 1024)) > 0  # no cap left behind

