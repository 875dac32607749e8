"""`-q` and `-v` on every command: how much a command prints.

`-q` keeps only the lines that need someone's attention (warnings, errors, failed runs) on
standard output; errors on standard error are never hidden, and the exit code says the rest.
`-v` adds which config file is used and the folders it names, and lets the libraries' own
log messages through (`-vv`: their debug messages too).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from typing import TextIO

QUIET, NORMAL, VERBOSE = -1, 0, 1
# after an optional timestamp and a schedule's 'run N: ': a warning, error, changed figure,
# removed folder, or a failed document or run
_ATTENTION = re.compile(r"^(\S+T\S+ )?(run \d+: )?(reportgen: )?(warning|error|changed|removed):"
                        r"|FAILED")


def add_verbosity_options(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """Add -q/--quiet and -v/--verbose to `parser` (a subcommand leaves an unset option to the
    top-level parser, so `reportgen -q build` and `reportgen build -q` both work)."""
    default = NORMAL if top else argparse.SUPPRESS
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", dest="verbosity", action="store_const", const=QUIET,
                       default=default, help="print only warnings and errors")
    group.add_argument("-v", "--verbose", dest="verbosity", action="count", default=default,
                       help="print more: the config file used, library messages (-vv: debug)")


class QuietStream(io.TextIOBase):
    """A text stream that passes on only whole lines needing attention (see `_ATTENTION`)."""

    def __init__(self, target: TextIO) -> None:
        self.target = target
        self.pending = ""

    def write(self, text: str) -> int:
        """Buffer `text`; pass on each finished line that needs attention; returns len(text)."""
        self.pending += text.replace("\r", "\n")
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if _ATTENTION.search(line):
                self.target.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        """Flush the target (an unfinished line waits for its end)."""
        self.target.flush()

    def isatty(self) -> bool:
        """False: quiet output is for logs, not for a progress line."""
        return False


def configure(verbosity: int, out: TextIO) -> TextIO:
    """Set up logging for `verbosity` and return the stream commands should print to."""
    if verbosity >= VERBOSE:
        import logging

        logging.basicConfig(level=logging.DEBUG if verbosity > VERBOSE else logging.INFO,
                            format="reportgen: %(name)s: %(message)s", stream=sys.stderr)
    return QuietStream(out) if verbosity <= QUIET else out


def describe_config(config_path: object) -> str:
    """'config: FILE (seeds: …, output: …)' for -v, or why no file is used."""
    from pathlib import Path

    from reportgen.config import find_config_file, load_config
    from reportgen.errors import ReportgenError

    file = Path(str(config_path)) if config_path else find_config_file()
    if file is None:
        return "config: no reportgen.toml here or above; defaults, folders relative to here"
    try:
        cfg = load_config(file)
    except ReportgenError:
        return f"config: {file} (has errors, listed below)"
    return f"config: {file} (seeds: {cfg.seeds_dir}, output: {cfg.output_dir})"
