"""Extraction benchmark: `reportgen extract --json` on the seed, whole process; medians.

    python3 benchmarks/bench_extract.py [--runs 15] [--against [LABEL=]DIR ...]

Runs as a user's install runs (bytecode compiled once, whatever PYTHONDONTWRITEBYTECODE says;
the first, untimed round also writes the compiled-pattern cache), interleaved round by round
with `python -c pass` and with each `--against` checkout, so that a busy moment of this shared
2-core machine hits each alike. Prints, each the median of `--runs` fresh processes:
1. `python -c pass` (the interpreter's floor on this machine);
2. `reportgen extract --json SEED`, wall and CPU (budget: at most 0.15 s, this checkout);
3. inside a fresh process, `import reportgen.pipeline`, then `load_briefing(SEED)`, and both
   together: the start-up cost every `reportgen build` and `reportgen extract` pays;
and, in one process after a warm-up, the median time of `extract_briefing` alone. The load
average is printed first and last. Exit code 1 when the budget is missed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

from timing import ROOT, SEED, checkouts, interleaved, load_average, run_once, summary, user_env

BUDGET_S = 0.15

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
        out = subprocess.run([sys.executable, "-c", code], check=True, env=user_env(ROOT),
                             capture_output=True, text=True).stdout.split()
        imported, loaded = float(out[0]), float(out[1])
        imports.append(imported)
        loads.append(loaded)
        totals.append(imported + loaded)
    return statistics.median(imports), statistics.median(loads), statistics.median(totals)


def in_process(runs: int) -> float:
    """The median time of `extract_briefing` on the seed, warm."""
    import time

    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    doc = read_release(SEED)
    extract_briefing(doc)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        extract_briefing(doc)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--against", action="append", default=[], metavar="[LABEL=]DIR",
                        help="another checkout to time side by side (repeatable)")
    args = parser.parse_args()
    print(f"load average {load_average()}")
    trees = checkouts(args.against)
    argv = [sys.executable, "-m", "reportgen.cli", "extract", "--json", str(SEED)]
    commands = {"python -c pass": lambda: run_once([sys.executable, "-c", "pass"],
                                                   user_env(ROOT))}
    for label, tree in trees.items():
        commands[label] = lambda tree=tree: run_once(argv, user_env(tree), cwd=ROOT.parent)
    timed = interleaved(args.runs, commands)
    for label, runs in timed.items():
        print(summary(f"{label:28}", runs, "ms"))
    this = next(reversed(trees))
    median = statistics.median(w for w, _ in timed[this])
    for label in list(trees)[:-1]:
        other = statistics.median(w for w, _ in timed[label])
        print(f"this / {label}: {median / other:.2f} ×")
    verdict = "met" if median <= BUDGET_S else "MISSED"
    print(f"reportgen extract --json, this checkout: {median:.3f} s (budget ≤ {BUDGET_S} s: "
          f"{verdict})")
    imported, loaded, total = fresh_load(max(5, args.runs // 2))
    print(f"import reportgen.pipeline   {imported * 1000:.1f} ms (fresh process)")
    print(f"+ load_briefing(SEED)       {loaded * 1000:.1f} ms (right after the import)")
    print(f"= import + load_briefing    {total * 1000:.1f} ms (median of the sums)")
    print(f"extract_briefing (warm)     {in_process(args.runs):.3f} s")
    print(f"load average {load_average()}")
    return 0 if median <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
