"""Run work in child processes with a time limit and a memory limit each.

`run_isolated` forks one child per task, at most `jobs` at a time. A child sets its own
address-space limit (`RLIMIT_AS`), asks the kernel to kill it if the build dies
(`PR_SET_PDEATHSIG`), sends its result back pickled through a pipe, flushes its output and
leaves with `os._exit` (skipping interpreter teardown, which costs ~0.2 s after heavy imports).
A child that raises, crashes, runs out of memory or out of time becomes a failed `TaskResult`;
the others carry on.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import selectors
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from reportgen.errors import ReportgenError

Task = tuple[str, Callable[[], Any]]


@dataclass(frozen=True, slots=True)
class ProcessLimits:
    """How long (seconds) and how much memory (MB) one child may use."""

    seconds: float
    memory_mb: int


@dataclass(frozen=True, slots=True)
class TaskResult:
    """What one child returned, or why it failed; `peak_mb` is its peak resident memory."""

    key: str
    value: Any = None
    error: str | None = None
    seconds: float = 0.0
    peak_mb: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the child returned a value."""
        return self.error is None


@dataclass(slots=True)
class _Running:
    key: str
    pid: int
    fd: int
    started: float
    chunks: list[bytes]


def run_isolated(tasks: Iterable[Task], jobs: int, limits: ProcessLimits,
                 on_done: Callable[[TaskResult], None] | None = None) -> list[TaskResult]:
    """Each task's result, computed in its own child process, at most `jobs` at once."""
    pending = list(tasks)
    pending.reverse()
    running: dict[int, _Running] = {}
    results: list[TaskResult] = []
    selector = selectors.DefaultSelector()
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                child = _start(*pending.pop(), limits)
                running[child.fd] = child
                selector.register(child.fd, selectors.EVENT_READ)
            for fd in _ready(selector, running, limits):
                child = running.pop(fd)
                selector.unregister(fd)
                result = _finish(child, limits)
                results.append(result)
                if on_done:
                    on_done(result)
    finally:
        for child in running.values():  # interrupted: take the children down with us
            _kill(child)
        selector.close()
    return results


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cycle collector run less often in this process, and in the children it forks
    meanwhile (they inherit the setting): a young generation of 50,000 objects instead of 700.

    Importing WeasyPrint and matplotlib and laying out a briefing allocate millions of objects
    and free nearly all by reference counting; the collector's passes over them cost about a
    tenth of a cold build's CPU (~0.15 s in the worker that makes the PDF), and its peak memory
    grows by ~1 MB."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _ready(selector: selectors.BaseSelector, running: dict[int, _Running],
           limits: ProcessLimits) -> list[int]:
    """File descriptors of children that finished (EOF) or ran out of time."""
    now = time.monotonic()
    deadline = min(c.started + limits.seconds for c in running.values())
    done: list[int] = []
    for key, _ in selector.select(timeout=max(0.0, deadline - now)):
        chunk = os.read(key.fd, 1 << 16)  # type: ignore[arg-type]
        if chunk:
            running[key.fd].chunks.append(chunk)  # type: ignore[index]
        else:
            done.append(key.fd)  # type: ignore[arg-type]
    now = time.monotonic()
    late = [fd for fd, c in running.items() if now - c.started > limits.seconds and fd not in done]
    for fd in late:
        _kill(running[fd])
    return done + late


def _start(key: str, task: Callable[[], Any], limits: ProcessLimits) -> _Running:
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_fd)
        _child(task, write_fd, limits)
    os.close(write_fd)
    return _Running(key, pid, read_fd, time.monotonic(), [])


def _child(task: Callable[[], Any], write_fd: int, limits: ProcessLimits) -> None:
    code = 0
    try:
        _die_with_parent()
        set_memory_limit(limits.memory_mb)
        payload: dict[str, Any] = {"value": task()}
    except ReportgenError as exc:
        payload = {"error": str(exc)}
    except MemoryError:
        payload = {"error": _out_of_memory(limits)}
    except BaseException as exc:  # noqa: BLE001 — a bug in one document must not stop the rest
        traceback.print_exc()
        payload = {"error": f"internal error (a bug, please report it): "
                            f"{type(exc).__name__}: {exc}"}
    payload["peak_mb"] = peak_memory_mb()
    try:
        data = pickle.dumps(payload)
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(data)
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # noqa: BLE001
        code = 70
    os._exit(code)


def _finish(child: _Running, limits: ProcessLimits) -> TaskResult:
    os.close(child.fd)
    _, status = os.waitpid(child.pid, 0)
    seconds = time.monotonic() - child.started
    try:
        payload = pickle.loads(b"".join(child.chunks))
    except Exception:  # noqa: BLE001 — no (whole) result: the child died or was stopped
        late = seconds > limits.seconds
        error = _too_late(limits) if late else _death(status, limits)
        return TaskResult(child.key, error=error, seconds=seconds)
    return TaskResult(child.key, payload.get("value"), payload.get("error"), seconds,
                      payload.get("peak_mb", 0.0))


def _death(status: int, limits: ProcessLimits) -> str:
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        return (f"worker was killed by {name} (out of memory? limit "
                f"{limits.memory_mb} MB, limits.document_memory_mb)")
    return f"worker exited with code {os.WEXITSTATUS(status)} without a result"


def _kill(child: _Running) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(child.pid, signal.SIGKILL)


def set_memory_limit(memory_mb: int) -> None:
    """Cap this process's address space at `memory_mb` megabytes (allocations beyond fail)."""
    import resource

    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def peak_memory_mb() -> float:
    """This process's peak resident memory in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this child when its parent dies, so a killed build stops at once."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG


class _OutOfTime(BaseException):
    """Raised by `run_here`'s timer: not an `Exception`, so that no handler in the work
    swallows it."""


def _alarm(signum: int, frame: object) -> None:
    raise _OutOfTime


def run_here(function: Callable[[], Any], limits: ProcessLimits) -> Any:
    """`function()` run in this process under `limits`, as `Background` runs it in a child but
    without forking and pickling the result back (~15 ms of `reportgen extract`'s 0.2 s).

    A timer stops the work at the time limit and an address-space cap fails allocations beyond
    the memory limit, each a `ReportgenError` worded as a child's; a CPU-time cap just above
    the time limit kills the process should the work hang in C code that never returns to
    Python. Both caps are lifted afterwards. Only for Python code, in the main thread: a crash
    in a C library ends this process, where a child's crash is reported.
    """
    import resource

    saved = {r: resource.getrlimit(r) for r in (resource.RLIMIT_AS, resource.RLIMIT_CPU)}
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        set_memory_limit(limits.memory_mb)
        _set_cpu_limit(limits.seconds + 2)
        signal.setitimer(signal.ITIMER_REAL, limits.seconds)
        return function()
    except _OutOfTime:
        raise ReportgenError(_too_late(limits)) from None
    except MemoryError:
        raise ReportgenError(_out_of_memory(limits)) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        for which, limit in saved.items():
            resource.setrlimit(which, limit)


def _set_cpu_limit(seconds: float) -> None:
    """Let this process use `seconds` more CPU time; past that the kernel stops it."""
    import math
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(used.ru_utime + used.ru_stime + seconds)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _too_late(limits: ProcessLimits) -> str:
    return (f"took longer than {limits.seconds:g} s and was stopped (raise "
            "limits.document_timeout_s in the config)")


def _out_of_memory(limits: ProcessLimits) -> str:
    return (f"ran out of memory (limit {limits.memory_mb} MB: raise limits.document_memory_mb "
            "in the config)")


class Background:
    """A function running in a forked child; `result()` waits for and returns its value."""

    def __init__(self, function: Callable[[], Any], limits: ProcessLimits) -> None:
        self._child = _start("background", function, limits)
        self._limits = limits

    def result(self) -> Any:
        """The function's return value; its error re-raised as a `ReportgenError`."""
        selector = selectors.DefaultSelector()
        selector.register(self._child.fd, selectors.EVENT_READ)
        running = {self._child.fd: self._child}
        try:
            while not _ready(selector, running, self._limits):
                pass
        finally:
            selector.close()
        outcome = _finish(self._child, self._limits)
        if outcome.error:
            raise ReportgenError(outcome.error)
        return outcome.value


class Companion:
    """A forked helper that gets ready at once (`prepare`, e.g. heavy imports) while this
    process works, then runs `work` on one value sent later, sending back each value `work`
    yields as soon as it is made (`next()`).

    It lets a stage that needs data this process has yet to compute start its imports early,
    and lets this process go on as soon as the first of several results is ready.
    """

    def __init__(self, prepare: Callable[[], object], work: Callable[[Any], Iterable[Any]],
                 limits: ProcessLimits) -> None:
        self._limits = limits
        to_child, self._to_child = os.pipe()
        self._from_child, from_child = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        self._pid = os.fork()
        if self._pid == 0:  # the child: never returns
            os.close(self._to_child)
            os.close(self._from_child)
            _companion(prepare, work, to_child, from_child, limits)
        os.close(to_child)
        os.close(from_child)
        self._started = time.monotonic()
        self._buffer = b""
        self._closed = False

    def send(self, value: Any) -> None:
        """Give the helper its input (once)."""
        data = pickle.dumps(value)
        fd, self._to_child = self._to_child, -1
        # a helper that died is reported by next()
        with contextlib.suppress(BrokenPipeError), os.fdopen(fd, "wb") as pipe:
            pipe.write(data)

    @property
    def pid(self) -> int:
        """The helper's process id."""
        return self._pid

    def input_fd(self) -> int:
        """The write end of the helper's input, handed over (instead of `send`): whoever holds
        it writes the pickled input; the helper reads it when every copy is closed."""
        fd, self._to_child = self._to_child, -1
        return fd

    def next(self) -> Any:
        """The next value the helper yielded; its error re-raised as a `ReportgenError`."""
        while len(self._buffer) < 8 or len(self._buffer) < 8 + _size(self._buffer):
            left = self._started + self._limits.seconds - time.monotonic()
            ready, _, _ = select.select([self._from_child], [], [], max(0.0, left))
            chunk = os.read(self._from_child, 1 << 16) if ready else None
            if not chunk:
                self.close()
                raise ReportgenError(self._failure(timed_out=chunk is None))
            self._buffer += chunk
        size = _size(self._buffer)
        frame, self._buffer = self._buffer[8:8 + size], self._buffer[8 + size:]
        payload = pickle.loads(frame)
        if "error" in payload:
            self.close()
            raise ReportgenError(payload["error"])
        return payload["value"]

    def close(self) -> None:
        """Stop the helper if it still runs and reap it."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)
        os.close(self._from_child)
        if self._to_child >= 0:
            os.close(self._to_child)

    def _failure(self, *, timed_out: bool) -> str:
        if timed_out:
            return _too_late(self._limits)
        return "a helper process died without a result (out of memory? limit " \
               f"{self._limits.memory_mb} MB, limits.document_memory_mb)"


def _size(buffer: bytes) -> int:
    return int.from_bytes(buffer[:8], "big")


def _companion(prepare: Callable[[], object], work: Callable[[Any], Iterable[Any]],
               read_fd: int, write_fd: int, limits: ProcessLimits) -> None:
    with contextlib.suppress(BrokenPipeError), os.fdopen(write_fd, "wb") as out:
        def send(payload: dict[str, Any]) -> None:
            data = pickle.dumps(payload)
            out.write(len(data).to_bytes(8, "big") + data)
            out.flush()

        try:
            _die_with_parent()
            set_memory_limit(limits.memory_mb)
            with contextlib.suppress(Exception):  # only a head start: `work` meets it again
                prepare()
            with os.fdopen(read_fd, "rb") as pipe:
                data = pipe.read()
            if not data:  # the parent gave up before sending anything
                os._exit(0)
            for value in work(pickle.loads(data)):
                send({"value": value})
        except ReportgenError as exc:
            send({"error": str(exc)})
        except MemoryError:
            send({"error": _out_of_memory(limits)})
        except BaseException as exc:  # noqa: BLE001 — reported by the parent, not a traceback
            traceback.print_exc()
            send({"error": f"internal error (a bug, please report it): "
                           f"{type(exc).__name__}: {exc}"})
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
    os._exit(0)
