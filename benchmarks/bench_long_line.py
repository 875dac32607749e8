"""Extraction on one very long line: `reportgen extract --json` must stay linear.

    python3 benchmarks/bench_long_line.py [--runs 3] [--sizes 1,4] [--against [LABEL=]DIR ...]

Writes, for each size in MB, a single-line release made of the seed's sentences joined with
spaces (repeated to the size), and times `reportgen extract --json` on it in a fresh process,
as a user's install runs it (bytecode compiled once), interleaved with each `--against`
checkout (median of `--runs`). Budget, for this checkout: a 1 MB release extracts in at most
2 s; the time per MB at the largest size stays within 1.5 × that at 1 MB (linear, not
quadratic). Before the first fix (issue 14) the 1 MB line took 6.1 s and the 4 MB line 124 s.
Exit code 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

from timing import SEED, checkouts, interleaved, load_average, run_once, summary, user_env

BUDGET_1MB_S = 2.0


def long_line(size: int) -> str:
    """The seed's sentences joined with spaces on one line, repeated to about `size` bytes."""
    text = " ".join(SEED.read_text(encoding="utf-8").split())
    line = " ".join(re.split(r"(?<=[.!?])\s+", text))
    repeated = (line + " ") * (size // len(line) + 1)
    return repeated[:size].rsplit(" ", 1)[0] + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1,4", help="sizes in MB, comma separated")
    parser.add_argument("--against", action="append", default=[], metavar="[LABEL=]DIR",
                        help="another checkout to time side by side (repeatable)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    trees = checkouts(args.against)
    this = next(reversed(trees))
    print(f"load average {load_average()}")
    per_mb: dict[float, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-long-line-") as folder:
        for mb in sizes:
            path = Path(folder) / f"line-{mb:g}mb.txt"
            path.write_text(long_line(int(mb * 1_000_000)), encoding="utf-8")
            argv = [sys.executable, "-m", "reportgen.cli", "extract", "--json", str(path)]
            timed = interleaved(args.runs, {
                label: lambda tree=tree, argv=argv: run_once(argv, user_env(tree),
                                                             cwd=Path(folder))
                for label, tree in trees.items()})
            for label, runs in timed.items():
                print(summary(f"{mb:g} MB single line, {label}", runs))
            median = statistics.median(w for w, _ in timed[this])
            per_mb[mb] = median / mb
            for label in list(trees)[:-1]:
                other = statistics.median(w for w, _ in timed[label])
                print(f"{mb:g} MB, this / {label}: {median / other:.2f} ×")
    ok = True
    if 1.0 in per_mb:
        ok &= per_mb[1.0] <= BUDGET_1MB_S
        verdict = "met" if per_mb[1.0] <= BUDGET_1MB_S else "MISSED"
        print(f"1 MB budget ≤ {BUDGET_1MB_S} s: {verdict} ({per_mb[1.0]:.2f} s)")
    if len(per_mb) > 1:
        small, large = min(per_mb), max(per_mb)
        ratio = per_mb[large] / per_mb[small]
        ok &= ratio <= 1.5
        print(f"time per MB, {large:g} MB vs {small:g} MB: {ratio:.2f} × (linear: ≤ 1.5 ×)")
    print(f"load average {load_average()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
