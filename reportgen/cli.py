"""The `reportgen` command: a thin layer that parses arguments and calls one stage.

Each command imports what it needs inside its handler, so `reportgen extract` never loads
matplotlib, WeasyPrint or python-pptx. `ReportgenError` becomes one line on stderr and exit
code 1; anything else is a bug and says so.
"""

from __future__ import annotations

import argparse
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
    out = stdout or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(out)
        return 2
    try:
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
    return parser


def _version() -> str:
    from reportgen import __version__

    return __version__


def _add_extract(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("extract", help="print the facts of source documents")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="source file or folder")
    p.add_argument("--json", action="store_true", help="print the reportgen.extract/1 JSON")
    p.add_argument("--no-overrides", action="store_true", help="ignore <stem>.overrides.yaml")
    p.set_defaults(handler=_run_extract)


def _run_extract(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen.build.overlap import process_limits
    from reportgen.build.worker import Background
    from reportgen.config import load_config
    from reportgen.ingest import find_sources
    from reportgen.pipeline import load_briefing
    from reportgen.serialize import briefings_json, fact_table

    config = load_config()  # its [limits]: source size, time and memory, as in a build

    def extract(path: Path) -> Briefing:  # in a child, with one document's limits
        return load_briefing(path, overrides=not args.no_overrides, limits=config.limits)

    def extract_within_limits(path: Path) -> Briefing:
        try:
            briefing: Briefing = Background(partial(extract, path), process_limits(config)).result()
        except ReportgenError as exc:  # a time or memory limit: say which file
            if str(path) in str(exc):
                raise
            raise ReportgenError(f"{path}: {exc}") from None
        return briefing

    briefings = [extract_within_limits(p) for p in find_sources(args.paths)]
    if args.json:
        out.write(briefings_json(briefings))
    else:
        out.write("\n\n".join(fact_table(b) for b in briefings) + "\n")
        for warning in (w for b in briefings for w in b.warnings):
            print(f"reportgen: warning: {warning}", file=sys.stderr)
    return 0


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
    sys.exit(main())
