"""The `reportgen` command: a thin layer that parses arguments and calls one stage.

Each command imports what it needs inside its handler, so `reportgen extract` never loads
matplotlib, WeasyPrint or python-pptx. `ReportgenError` becomes one line on stderr and exit
code 1; anything else is a bug and says so.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reportgen.errors import ReportgenError

if TYPE_CHECKING:
    from reportgen.model import Briefing

Handler = Callable[[argparse.Namespace, TextIO], int]


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line `argv` (default: `sys.argv[1:]`); returns the exit code."""
    parser = build_parser()
    return _dispatch(parser, parser.parse_args(argv), stdout)


def run() -> None:
    """The `reportgen` script: `main()`, and after `extract` an exit that skips the
    interpreter's teardown (a last collection and the freeing of every module, ~20 ms of a
    0.15 s command). Other commands exit normally: they may leave threads or temporary folders
    for the teardown to finish."""
    parser = build_parser()
    args = parser.parse_args()
    code = _dispatch(parser, args)
    if getattr(args, "handler", None) is _run_extract:
        with contextlib.suppress(BrokenPipeError):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace,
              stdout: TextIO | None = None) -> int:
    from reportgen.verbosity import configure, describe_config

    out = configure(args.verbosity, stdout or sys.stdout)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(out)
        return 2
    try:
        if args.verbosity > 0 and hasattr(args, "config"):
            print(f"reportgen: {describe_config(args.config)}", file=sys.stderr)
        return handler(args, out)
    except ReportgenError as exc:
        print(f"reportgen: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("reportgen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="reportgen",
        description="Turn press releases into briefings: PDF, PowerPoint, HTML and JSON.",
    )
    parser.add_argument("--version", action="version", version=f"reportgen {_version()}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_extract(commands)
    _add_charts(commands)
    _add_build_commands(commands)
    _add_verbosity(parser, commands)
    return parser


def _add_verbosity(parser: argparse.ArgumentParser, commands: argparse._SubParsersAction,
                   ) -> None:
    """-q and -v on the top-level parser and on every command and sub-action."""
    from reportgen.verbosity import add_verbosity_options

    add_verbosity_options(parser, top=True)
    pending = list(commands.choices.values())
    while pending:
        sub = pending.pop()
        add_verbosity_options(sub)
        for action in sub._subparsers._group_actions if sub._subparsers else ():
            pending += list(getattr(action, "choices", {}).values())


def _version() -> str:
    from reportgen import __version__

    return __version__


def _add_extract(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("extract", help="print the facts of source documents")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="source file or folder")
    p.add_argument("--json", action="store_true",
                   help="print the reportgen.extract/1 JSON: one object for one file; for "
                        "several, JSON Lines (one object per line, the same shape)")
    p.add_argument("--no-overrides", action="store_true", help="ignore <stem>.overrides.yaml")
    p.set_defaults(handler=_run_extract)


def _run_extract(args: argparse.Namespace, out: TextIO) -> int:
    # A short command whose garbage reference counting frees: the cycle collector's passes
    # over the objects its imports create cost ~20 ms and would free a few hundred objects.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(args, out)
    finally:
        if enabled:
            gc.enable()


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen import regexcache

    regexcache.load()  # before the extractor's modules compile their patterns
    try:
        return _extract_all(args, out)
    finally:
        regexcache.save()


def _extract_all(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen.build.worker import Background, ProcessLimits, run_here
    from reportgen.config import load_config
    from reportgen.errors import OverridesError
    from reportgen.ingest import find_sources
    from reportgen.pipeline import load_briefing
    from reportgen.serialize import briefings_json, fact_table

    config = load_config()  # its [limits]: source size, time and memory, as in a build
    limits = ProcessLimits(config.limits.document_timeout_s, config.limits.document_memory_mb)

    def extract(path: Path, overrides: bool) -> Briefing | OverridesError:  # under the limits
        try:
            return load_briefing(path, overrides=overrides, limits=config.limits)
        except OverridesError as exc:  # handed back whole: the table is printed without it
            return exc

    def extract_within_limits(path: Path, overrides: bool = not args.no_overrides) -> Briefing:
        work = partial(extract, path, overrides)
        try:
            result = (run_here(work, limits) if _read_by_python(path)
                      else Background(work, limits).result())
        except ReportgenError as exc:  # a time or memory limit: say which file
            if str(path) in str(exc):
                raise
            raise ReportgenError(f"{path}: {exc}") from None
        if isinstance(result, OverridesError):
            raise result
        briefing: Briefing = result
        return briefing

    briefings, broken = [], []
    for source in find_sources(args.paths):
        try:
            briefings.append(extract_within_limits(source))
        except OverridesError as exc:
            # the table without the overrides still shows the ids the file should name
            broken.append(str(exc))
            if not args.json:
                briefings.append(extract_within_limits(source, overrides=False))
    if args.json and briefings:
        out.write(briefings_json(briefings))
    elif briefings:
        out.write("\n\n".join(fact_table(b) for b in briefings) + "\n")
        for warning in (w for b in briefings for w in b.warnings):
            print(f"reportgen: warning: {warning}", file=sys.stderr)
    for problem in broken:
        print(f"reportgen: error: {problem}", file=sys.stderr)
    if broken:
        shown = "" if args.json else "the table above leaves the broken file out; "
        print(f"reportgen: {shown}fix the overrides file, or run with --no-overrides to "
              "ignore overrides files", file=sys.stderr)
    return 1 if broken else 0


def _read_by_python(path: Path) -> bool:
    """Whether `path` is extracted in this process (`run_here`, no fork): plain text and
    Markdown are read by Python code alone, which the limits stop cleanly; the PDF, Word and
    web-page readers use C libraries, so those run in a child whose crash is only reported."""
    import threading

    from reportgen.ingest import READERS

    return (READERS.get(path.suffix.lower(), "plain") == "plain"
            and threading.current_thread() is threading.main_thread())


def _add_charts(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("charts", help="draw the charts of source documents")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--out", type=Path, default=Path("output/charts"), help="folder to write to")
    p.add_argument("--format", choices=["svg", "png", "both"], default="both")
    p.set_defaults(handler=_run_charts)


def _run_charts(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen.build.output import write_charts
    from reportgen.pipeline import load_briefings

    for briefing in load_briefings(args.paths):
        for line in write_charts(briefing, args.out, formats=args.format):
            print(line, file=out)
    return 0


def _add_build_commands(commands: argparse._SubParsersAction) -> None:
    # build, check, templates, watch and schedule are defined by reportgen.commands so that
    # this module stays small; importing it is cheap (argparse only).
    from reportgen.commands import add_build_commands

    add_build_commands(commands)


if __name__ == "__main__":
    run()
