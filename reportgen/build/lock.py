"""One build per output folder at a time: an exclusive lock on `<output>/.reportgen.lock`.

A second build waits up to a timeout, then stops with a `BuildError` and touches nothing.
The lock is an `flock`, so the system releases it when the holder dies, even by SIGKILL.
It is taken with `fcntl` directly: reportgen's workers fork, so it runs where `flock` does,
and the `filelock` package cost a build 30 ms of imports for these few lines.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportgen.errors import BuildError

LOCK_NAME = ".reportgen.lock"
POLL_S = 0.05


@contextmanager
def output_lock(output_dir: Path, timeout: float = 60.0) -> Iterator[Path]:
    """Hold the output folder's lock for the `with` block; `BuildError` after `timeout` seconds."""
    import fcntl

    path = output_dir / LOCK_NAME
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise BuildError(f"{output_dir}: cannot write the output folder ({exc.strerror}); "
                         "choose another with --out") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BuildError(
                        f"{output_dir}: another build is writing this folder (lock {path} held "
                        f"for more than {timeout:g} s); try again when it ends, or use "
                        "--lock-timeout") from None
                time.sleep(POLL_S)
        yield path
    finally:
        os.close(fd)  # closing the file releases the lock
