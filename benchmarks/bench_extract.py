"""Extraction benchmark: `reportgen extract --json` on the seed; medians of several runs.

    python3 benchmarks/bench_extract.py [--runs 9]

Prints, each the median of `--runs` fresh processes (wall and CPU time, bytecode cached):
1. `python -c pass` (the interpreter's floor on this machine);
2. `reportgen extract --json SEED` (budget: well under 0.3 s);
and, in one process after a warm-up, the median time of `extract_briefing` alone.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Bytecode is cached (in a temporary folder) as on a normal install, even where the environment
# sets PYTHONDONTWRITEBYTECODE; otherwise every run would recompile all sources.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bench-pycache-")
SEED = next((ROOT / "seeds").glob("*.txt"))


def wall(argv: list[str], runs: int) -> tuple[float, float]:
    """The median wall time and median CPU time (user + system) of running `argv`."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def in_process(runs: int) -> float:
    """The median time of `extract_briefing` on the seed, warm."""
    from reportgen.extraction import extract_briefing
    from reportgen.ingest import read_source

    doc = read_source(SEED)
    extract_briefing(doc)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        extract_briefing(doc)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    wall([sys.executable, "-m", "reportgen.cli", "extract", "--json", str(SEED)], 1)  # warm-up
    floor, floor_cpu = wall([sys.executable, "-c", "pass"], runs)
    extract, extract_cpu = wall([sys.executable, "-m", "reportgen.cli", "extract", "--json",
                                 str(SEED)], runs)
    print(f"python -c pass              {floor:.3f} s wall, {floor_cpu:.3f} s CPU")
    print(f"reportgen extract --json    {extract:.3f} s wall, {extract_cpu:.3f} s CPU "
          f"({extract / floor:.1f} x pass; budget < 0.3 s: {'ok' if extract < 0.3 else 'OVER'})")
    print(f"extract_briefing (warm)     {in_process(runs):.3f} s")


if __name__ == "__main__":
    main()
