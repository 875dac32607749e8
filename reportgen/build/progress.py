"""Build progress: a self-updating line on a terminal, plain timestamped lines otherwise (clean
cron logs)."""

from __future__ import annotations

import os
import threading
import time
from datetime import datetime
from typing import TextIO

TICK_S = 0.5


class Progress:
    """Reports documents as they finish; `done()` returns nothing and clears the live line."""

    def __init__(self, total: int, stream: TextIO, *, live: bool | None = None) -> None:
        self.total = total
        self.stream = stream
        self.live = stream.isatty() if live is None else live
        self.finished = 0
        self.started = time.monotonic()
        self.what = "starting"
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        if self.live and total:
            self._status()
            # the line shows time passing while the first (slow) documents are still building
            threading.Thread(target=self._tick, daemon=True).start()

    def document(self, slug: str, ok: bool, detail: str) -> None:
        """Record one finished document."""
        with self.lock:
            self.finished += 1
            line = f"{'built' if ok else 'FAILED'} {slug}: {detail}"
            if self.live:
                self.stream.write("\r\033[K" + line + "\n")
                self.what = f"{self.total - self.finished} to go"
                if self.finished < self.total:
                    self._status()
            else:
                self.stream.write(timestamped(line) + "\n")
            self.stream.flush()

    def done(self) -> None:
        """Stop the ticking and clear the live status line."""
        self.stopped.set()
        if self.live:
            with self.lock:
                self.stream.write("\r\033[K")
                self.stream.flush()

    def _tick(self) -> None:
        while not self.stopped.wait(TICK_S):
            with self.lock:
                if self.stopped.is_set() or self.finished >= self.total:
                    return
                self._status()

    def _status(self) -> None:
        elapsed = time.monotonic() - self.started
        bar_width = 20
        filled = bar_width * self.finished // max(1, self.total)
        bar = "#" * filled + "-" * (bar_width - filled)
        self.stream.write(f"\r\033[K[{bar}] {self.finished}/{self.total} documents, {self.what} "
                          f"({elapsed:.1f} s)")
        self.stream.flush()


def timestamped(line: str) -> str:
    """`line` after the local time (ISO 8601, seconds) for a log, unless the process that runs
    us adds its own (`REPORTGEN_LOG_TIMESTAMPS=0`, as `schedule` and `watch` do)."""
    if os.environ.get("REPORTGEN_LOG_TIMESTAMPS") == "0":
        return line
    return f"{datetime.now().astimezone().isoformat(timespec='seconds')} {line}"
