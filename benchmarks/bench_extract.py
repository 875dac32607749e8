"""Extraction benchmark: `reportgen extract --json` on the seed; medians of several runs.

    python3 benchmarks/bench_extract.py [--runs 9]

Prints, each the median of `--runs` fresh processes (wall and CPU time, bytecode cached):
1. `python -c pass` (the interpreter's floor on this machine);
2. `reportgen extract --json SEED` (budget: well under 0.3 s);
3. inside a fresh process, `import reportgen.pipeline`, then `load_briefing(SEED)`, and both
   together: the start-up cost every `reportgen build` and `reportgen extract` pays (patterns
   compiled lazily move cost from the import to the extraction, so compare the sum);
and, in one process after a warm-up, the median time of `extract_briefing` alone. The load
average is printed first and last: this machine's speed varies by ±15 %.
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


# Timed inside the child, so that interpreter start-up and exit do not blur the figure.
FRESH_LOAD = """
import time
start = time.perf_counter()
import reportgen.pipeline
imported = time.perf_counter()
reportgen.pipeline.load_briefing(__import__("pathlib").Path({seed!r}))
print(imported - start, time.perf_counter() - imported)
"""


def fresh_load(runs: int) -> tuple[float, float, float]:
    """The median seconds of importing `reportgen.pipeline`, of `load_briefing(SEED)` right
    after, and of both together, each in a fresh process (the median of the sums, not the sum
    of the medians)."""
    code = FRESH_LOAD.format(seed=str(SEED))
    imports, loads, totals = [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], check=True, env=ENV,
                             capture_output=True, text=True).stdout.split()
        imported, loaded = float(out[0]), float(out[1])
        imports.append(imported)
        loads.append(loaded)
        totals.append(imported + loaded)
    return statistics.median(imports), statistics.median(loads), statistics.median(totals)


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, for judging how noisy a run was."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def in_process(runs: int) -> float:
    """The median time of `extract_briefing` on the seed, warm."""
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release as read_source

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
    print(f"load average {load_average()}")
    wall([sys.executable, "-m", "reportgen.cli", "extract", "--json", str(SEED)], 1)  # warm-up
    floor, floor_cpu = wall([sys.executable, "-c", "pass"], runs)
    extract, extract_cpu = wall([sys.executable, "-m", "reportgen.cli", "extract", "--json",
                                 str(SEED)], runs)
    print(f"python -c pass              {floor:.3f} s wall, {floor_cpu:.3f} s CPU")
    print(f"reportgen extract --json    {extract:.3f} s wall, {extract_cpu:.3f} s CPU "
          f"({extract / floor:.1f} x pass; budget < 0.3 s: {'ok' if extract < 0.3 else 'OVER'})")
    imported, loaded, total = fresh_load(runs)
    print(f"import reportgen.pipeline   {imported * 1000:.1f} ms (fresh process)")
    print(f"+ load_briefing(SEED)       {loaded * 1000:.1f} ms (right after the import)")
    print(f"= import + load_briefing    {total * 1000:.1f} ms (median of the sums)")
    print(f"extract_briefing (warm)     {in_process(runs):.3f} s")
    print(f"load average {load_average()}")


if __name__ == "__main__":
    main()
