"""The single-document helper process (`Companion`): early start, streamed results, errors."""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Iterator

import pytest

from reportgen.errors import InputError, ReportgenError
from reportgen.worker import Background, Companion, Limits

LIMITS = Limits(seconds=5.0, memory_mb=400)


def test_a_helper_prepares_before_its_input_and_streams_each_result_as_it_is_made():
    def work(numbers: list[int]) -> Iterator[object]:
        yield os.getpid()
        yield sum(numbers)
        time.sleep(0.5)  # the first results arrive before this ends
        yield "last"

    helper = Companion(lambda: time.sleep(0.2), work, LIMITS)
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
    helper = Companion(lambda: None, lambda text: iter([text.upper()]), LIMITS)
    fd = helper.input_fd()

    def write() -> str:
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(pickle.dumps("from the loader"))
        return "written"

    loader = Background(write, LIMITS)
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

    helper = Companion(lambda: None, user, LIMITS)
    helper.send(None)
    assert helper.next() == 1
    with pytest.raises(ReportgenError, match=r"^seeds/a.txt: not text$"):
        helper.next()

    def bug(_: object) -> Iterator[object]:
        yield 1 / 0

    helper = Companion(lambda: None, bug, LIMITS)
    helper.send(None)
    with pytest.raises(ReportgenError, match="internal error .*ZeroDivisionError"):
        helper.next()
    assert "Traceback" in capfd.readouterr().err


def test_a_failing_prepare_is_only_a_lost_head_start():
    def prepare() -> None:
        raise ImportError("no such renderer")

    helper = Companion(prepare, lambda x: iter([x * 2]), LIMITS)
    try:
        helper.send(21)
        assert helper.next() == 42
    finally:
        helper.close()


def test_a_helper_that_dies_or_runs_too_long_is_reported_and_reaped():
    def die(_: object) -> Iterator[object]:
        os.kill(os.getpid(), 9)
        yield None

    helper = Companion(lambda: None, die, LIMITS)
    helper.send(None)
    with pytest.raises(ReportgenError, match="died without a result"):
        helper.next()

    def slow(_: object) -> Iterator[object]:
        time.sleep(30)
        yield None

    helper = Companion(lambda: None, slow, Limits(seconds=0.5, memory_mb=400))
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

    helper = Companion(lambda: None, forever, LIMITS)
    helper.send(None)
    assert helper.next() == "started"
    pid = helper.pid
    helper.close()
    helper.close()  # twice is harmless
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
