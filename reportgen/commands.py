"""Subcommands build, check, templates init, watch and schedule.

Parsing only: each handler imports its stage when it runs, so `reportgen build` with nothing to
do loads argparse, hashlib and json and little else.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reportgen.formats import format_names

if TYPE_CHECKING:
    from reportgen.build import BuildReport


def add_build_commands(commands: argparse._SubParsersAction) -> None:
    """Register the build-related subcommands on `commands`."""
    _add_build(commands)
    _add_check(commands)
    _add_templates(commands)
    _add_watch(commands)
    _add_schedule(commands)
    _add_new(commands)


# --- build -----------------------------------------------------------------------------------


def _build_options(p: argparse.ArgumentParser) -> None:
    """The options shared by build, watch and schedule."""
    p.add_argument("documents", nargs="*", type=Path, metavar="DOCUMENT",
                   help="source files or folders (default: the seeds folder)")
    p.add_argument("--formats", type=_formats, metavar="LIST",
                   help=f"comma-separated outputs: {','.join(format_names())} (default: all)")
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: output)")
    p.add_argument("--templates", type=Path, metavar="DIR", help="staff template folder")
    p.add_argument("--jobs", type=_positive, metavar="N",
                   help="documents built at once (default: the number of cores)")
    p.add_argument("--force", action="store_true", help="rebuild even what is up to date")
    p.add_argument("--strict", action="store_true", help="warnings fail the build")
    p.add_argument("--keep-stale", action="store_true",
                   help="keep the output folders of sources that are gone (default: a build "
                        "of the seeds folder removes them)")
    p.add_argument("--config", type=Path, metavar="FILE",
                   help="config file (default: reportgen.toml or pyproject.toml here)")
    p.add_argument("--lock-timeout", type=float, default=60.0, metavar="S",
                   help="seconds to wait for another build of the same folder (default: 60)")


def _formats(text: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(n.strip().lower() for n in text.split(",") if n.strip()))
    known = format_names()
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or repr(text)}; choose from {','.join(known)}")
    return names


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, found {text!r}")
    return value


def _add_build(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("build", help="build every output of the sources, incrementally")
    _build_options(p)
    p.set_defaults(handler=_run_build)


def _run_build(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen.build import build_all

    report = build_all(**build_options(args), stream=out, check=False)
    print_summary(report, out)
    return 0 if report.ok else 1


def build_options(args: argparse.Namespace) -> dict[str, Any]:
    """The `build_all` keyword arguments given by parsed command-line `args`."""
    return {
        "documents": args.documents, "formats": args.formats, "out": args.out,
        "templates": args.templates, "jobs": args.jobs, "force": args.force,
        "strict": args.strict, "config": args.config, "lock_timeout": args.lock_timeout,
        "keep_stale": args.keep_stale,
    }


def print_summary(report: BuildReport, out: TextIO) -> None:
    """A table of the documents built (outputs, time, warnings), failures and changed figures;
    one line when nothing changed."""
    for warning in report.config_warnings:
        print(f"reportgen: warning: {warning}", file=sys.stderr)
    if not report.built and report.ok and not report.removed:
        print(_logged(f"nothing changed: {len(report.documents)} documents up to date in "
                      f"{report.output_dir} ({report.seconds:.2f} s)", out), file=out)
        return
    rows = [("document", "outputs", "time", "warnings")]
    for doc in report.documents:
        outputs = ("up to date" if doc.skipped else ", ".join(doc.formats) if not doc.error
                   else f"{', '.join(doc.formats)}; others FAILED" if doc.formats else "FAILED")
        rows.append((doc.slug, outputs, f"{doc.seconds:.1f} s", str(len(doc.warnings))))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip(),
              file=out)
    for doc in report.documents:
        for warning in doc.warnings:
            print(f"warning: {doc.slug}: {warning}", file=out)
        for change in doc.changes:
            print(f"changed: {doc.slug}: {change}", file=out)
        if doc.error:
            print(f"error: {doc.slug}: {doc.error}", file=out)
    for slug in report.removed:
        print(f"removed: {slug}: its source is gone (--keep-stale keeps such folders)", file=out)
    failed = f", {len(report.failed)} failed" if report.failed else ""
    failed += f", {len(report.removed)} removed" if report.removed else ""
    print(_logged(f"{len(report.built)} built{failed} in {report.seconds:.1f} s → "
                  f"{report.output_dir}", out), file=out)


def _logged(line: str, out: TextIO) -> str:
    """`line` with a timestamp in front when it goes to a log (cron) rather than a terminal."""
    from reportgen.build.progress import timestamped

    return line if out.isatty() else timestamped(line)


# --- check, templates init -------------------------------------------------------------------


def _add_check(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("check", help="validate config, overrides and templates (for CI)")
    p.add_argument("documents", nargs="*", type=Path, metavar="DOCUMENT",
                   help="sources whose data the templates are checked against (default: seeds)")
    p.add_argument("--templates", type=Path, metavar="DIR", help="staff template folder")
    p.add_argument("--config", type=Path, metavar="FILE", help="config file")
    p.add_argument("--env", action="store_true",
                   help="check this machine instead: Python, libraries, WeasyPrint's system "
                        "libraries, fonts, LibreOffice and Chromium")
    p.set_defaults(handler=_run_check)


def _run_check(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen.check import count_failures, run_check

    if args.env:
        return _run_check_env(out)

    problems = run_check(args.documents, templates=args.templates, config=args.config)
    for problem in problems:
        print(problem, file=out)
    failures = count_failures(problems)
    warnings = len(problems) - failures
    summary = f"{_plural(failures, 'problem')}, {_plural(warnings, 'warning')}"
    print(summary if problems else "everything checks out", file=out)
    return 1 if failures else 0


def _run_check_env(out: TextIO) -> int:
    from reportgen.environment import environment_report, missing_required

    findings = environment_report()
    width = max(len(f.name) for f in findings) + 2
    for finding in findings:
        print(finding.line(width), file=out)
    missing = missing_required(findings)
    print(f"{_plural(missing, 'required item')} missing" if missing
          else "everything reportgen needs is here", file=out)
    return 1 if missing else 0


def _add_templates(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("templates", help="work with the staff's template folder")
    sub = p.add_subparsers(title="actions", metavar="ACTION")
    init = sub.add_parser("init", help="copy the default templates into DIR to edit")
    init.add_argument("folder", type=Path, metavar="DIR")
    init.add_argument("--force", action="store_true", help="overwrite files already in DIR")
    init.set_defaults(handler=_run_templates_init)
    p.set_defaults(handler=lambda args, out: (p.print_help(out), 2)[1])


def _run_templates_init(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen.starter import init_templates

    written = init_templates(args.folder, overwrite=args.force)
    print(f"wrote {len(written)} files to {args.folder}; read {args.folder / 'README.md'}, "
          f"then build with --templates {args.folder}", file=out)
    return 0


# --- watch, schedule -------------------------------------------------------------------------


def _add_watch(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("watch", help="rebuild on every change and serve a live preview")
    _build_options(p)
    p.add_argument("--port", type=int, default=8000, help="preview port (default: 8000)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to serve on (default: 127.0.0.1, this machine only; 0.0.0.0 "
                        "shows the preview to the network)")
    p.add_argument("--open", action="store_true", dest="open_browser",
                   help="open the preview in the browser")
    p.set_defaults(handler=_run_watch)


def _run_watch(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen.build.batch import checked_config
    from reportgen.watch import watch

    checked_config(build_options(args))
    return watch(build_options(args), build_arguments(args), port=args.port, stream=out,
                 host=args.host, open_browser=args.open_browser)


def _add_schedule(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("schedule", help="run builds on a cron schedule, in the foreground")
    p.add_argument("cron", metavar="CRON",
                   help='cron expression, e.g. "0 6 * * 1-5" (a 6th field means seconds)')
    _build_options(p)
    p.set_defaults(handler=_run_schedule)


def _run_schedule(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen.build.batch import checked_config
    from reportgen.schedule import cron_times, run_schedule

    cron_times(args.cron, 0.0)  # a bad expression or option stops us now, not at the first run
    checked_config(build_options(args))
    return run_schedule(args.cron, build_arguments(args), stream=out)


def _add_new(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("new", help="make a project folder that builds at once")
    p.add_argument("folder", type=Path, metavar="DIR", help="the new folder (must not exist, "
                   "or be empty)")
    p.set_defaults(handler=_run_new)


def _run_new(args: argparse.Namespace, out: TextIO) -> int:
    from reportgen.new import new_project

    written = new_project(args.folder)
    for path in written:
        print(f"wrote {path}", file=out)
    print(f"next: cd {args.folder} && reportgen build (or reportgen watch --open)", file=out)
    return 0


def build_arguments(args: argparse.Namespace) -> list[str]:
    """The `reportgen build` command-line arguments equivalent to parsed `args`."""
    argv = [str(d) for d in args.documents]
    for flag, value in (("--formats", ",".join(args.formats or ())), ("--out", args.out),
                        ("--templates", args.templates), ("--jobs", args.jobs),
                        ("--config", args.config)):
        if value:
            argv += [flag, str(value)]
    argv += ["--lock-timeout", str(args.lock_timeout)]
    flags = (("--force", args.force), ("--strict", args.strict),
             ("--keep-stale", args.keep_stale))
    return argv + [f for f, on in flags if on]


def _plural(count: int, noun: str) -> str:
    """'1 problem', '2 problems'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
