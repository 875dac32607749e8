"""Extraction benchmark: `reportgen extract --json` on the seed; medians of several runs.

    python3 benchmarks/bench_extract.py [--runs 9]

Prints, each the median of `--runs` fresh processes (wall time):
1. `python -c pass` (the interpreter's floor on this machine);
2. `reportgen extract --json SEED` (budget: well under 0.3 s);
and, in one process after a warm-up, the median time of `extract_briefing` alone.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))


def wall(argv: list[str], runs: int) -> float:
    """The median wall time of running `argv` `runs` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    floor = wall([sys.executable, "-c", "pass"], runs)
    extract = wall([sys.executable, "-m", "reportgen.cli", "extract", "--json", str(SEED)], runs)
    print(f"python -c pass              {floor:.3f} s")
    print(f"reportgen extract --json    {extract:.3f} s  ({extract / floor:.1f} x pass; "
          f"budget < 0.3 s: {'ok' if extract < 0.3 else 'OVER'})")
    print(f"extract_briefing (warm)     {in_process(runs):.3f} s")


if __name__ == "__main__":
    main()
