"""One build per output folder at a time: an exclusive lock on `<output>/.reportgen.lock`.

A second build waits up to a timeout, then stops with a `BuildError` and touches nothing.
The lock is an `flock`, so the system releases it when the holder dies, even by SIGKILL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportgen.errors import BuildError

LOCK_NAME = ".reportgen.lock"


@contextmanager
def output_lock(output_dir: Path, timeout: float = 60.0) -> Iterator[Path]:
    """Hold the output folder's lock for the `with` block; `BuildError` after `timeout` seconds."""
    import filelock

    path = output_dir / LOCK_NAME
    lock = filelock.FileLock(str(path), timeout=timeout)
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except filelock.Timeout:  # (a subclass of OSError: catch it first)
        raise BuildError(
            f"{output_dir}: another build is writing this folder (lock {path} held for more "
            f"than {timeout:g} s); try again when it ends, or use --lock-timeout"
        ) from None
    except OSError as exc:
        raise BuildError(f"{output_dir}: cannot write the output folder ({exc.strerror}); "
                         "choose another with --out") from None
    try:
        yield path
    finally:
        lock.release()
