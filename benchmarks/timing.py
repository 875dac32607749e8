"""Shared by the benchmark scripts: the seed's briefing, medians of repeated calls, cold imports,
and fresh processes of this checkout beside another, run as a user's install runs them."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reportgen.model import Briefing

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "shanghai-industrial-economy-2022-09-14.txt"


def load(source: Path) -> tuple[Briefing, str]:
    """The source's briefing (with overrides) and a label naming it."""
    from reportgen.pipeline import load_briefing

    return load_briefing(source), source.name


def median_time(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """The median and the minimum seconds of `runs` calls of `action`, after one warm-up."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def cold_import(code: str, runs: int) -> float:
    """The median seconds a fresh interpreter spends running `code` (or importing a module
    name), minus the median of `python -c pass` measured in the same run."""
    snippet = code if " " in code or code.startswith("import") else f"import {code}"

    def once(text: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", text], check=True)
        return time.perf_counter() - start

    bare = statistics.median(once("pass") for _ in range(runs))
    return statistics.median(once(snippet) for _ in range(runs)) - bare


def user_env(tree: Path) -> dict[str, str]:
    """The environment for running the checkout at `tree` as a regular install runs: its
    bytecode compiled once and kept (in a folder of its own, whatever PYTHONDONTWRITEBYTECODE
    says here), `tree` first on the path."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "reportgen-bench-pyc"
                                     / str(tree.resolve()).strip("/").replace("/", "-"))
    return env


def checkouts(against: Sequence[str]) -> dict[str, Path]:
    """Each checkout to compare with ('DIR' or 'LABEL=DIR', e.g. 'main fc8d729=/tmp/main'),
    then this one ('this'), by label."""
    trees = {}
    for given in against:
        label, _, folder = given.rpartition("=")
        tree = Path(folder)
        trees[label or f"{tree} ({_head(tree)})"] = tree
    return {**trees, f"this ({_head(ROOT)})": ROOT}


def _head(tree: Path) -> str:
    done = subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=False)
    return done.stdout.strip() or "not a git checkout"


def run_once(argv: Sequence[str], env: dict[str, str], cwd: Path | None = None,
             ) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, every process it started) of running `argv`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(list(argv), env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def interleaved(runs: int, commands: dict[str, Callable[[], tuple[float, float]]],
                ) -> dict[str, list[tuple[float, float]]]:
    """`runs` rounds of every command in turn (after one untimed round that compiles bytecode
    and fills caches), so that a busy moment of the machine hits each alike."""
    for command in commands.values():
        command()
    timed: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            timed[label].append(command())
    return timed


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: this machine's 2 cores are shared."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def summary(label: str, timed: list[tuple[float, float]], unit: str = "s") -> str:
    """One line: median wall time, the runs, median CPU time."""
    scale = 1000 if unit == "ms" else 1
    walls = [w * scale for w, _ in timed]
    return (f"{label}: median {statistics.median(walls):.3f} {unit} (runs "
            f"{', '.join(f'{w:.3f}' for w in walls)}), CPU median "
            f"{statistics.median(c for _, c in timed) * scale:.3f} {unit}")

