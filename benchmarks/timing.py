"""Shared by the benchmark scripts: the seed's briefing, medians of repeated calls, cold imports."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
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
