"""Build progress: a self-updating line on a terminal, plain lines otherwise (clean cron logs)."""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """Reports documents as they finish; `done()` returns nothing and clears the live line."""

    def __init__(self, total: int, stream: TextIO, *, live: bool | None = None) -> None:
        self.total = total
        self.stream = stream
        self.live = stream.isatty() if live is None else live
        self.finished = 0
        self.started = time.monotonic()
        if self.live and total:
            self._status("starting")

    def document(self, slug: str, ok: bool, detail: str) -> None:
        """Record one finished document."""
        self.finished += 1
        line = f"{'built' if ok else 'FAILED'} {slug}: {detail}"
        if self.live:
            self.stream.write("\r\033[K" + line + "\n")
            if self.finished < self.total:
                self._status(f"{self.total - self.finished} to go")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def done(self) -> None:
        """Clear the live status line."""
        if self.live:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _status(self, what: str) -> None:
        elapsed = time.monotonic() - self.started
        bar_width = 20
        filled = bar_width * self.finished // max(1, self.total)
        bar = "#" * filled + "-" * (bar_width - filled)
        self.stream.write(f"\r\033[K[{bar}] {self.finished}/{self.total} documents, {what} "
                          f"({elapsed:.1f} s)")
        self.stream.flush()
