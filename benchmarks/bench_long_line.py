"""Extraction on one very long line: `reportgen extract --json` must stay linear.

    python3 benchmarks/bench_long_line.py [--runs 3] [--sizes 1,4]

Writes, for each size in MB, a single-line release made of the seed's sentences joined with
spaces (repeated to the size), and times `reportgen extract --json` on it in a fresh process
(median of `--runs`). Budget: a 1 MB release extracts in at most 2 s; the time per MB at 4 MB
stays within 1.5 × that at 1 MB (linear, not quadratic). Before the fix (issue 14) the 1 MB line
took 6.1 s and the 4 MB line 124 s.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "shanghai-industrial-economy-2022-09-14.txt"
BUDGET_1MB_S = 2.0
CLI = "import sys; from reportgen.cli import main; sys.exit(main(sys.argv[1:]))"


def long_line(size: int) -> str:
    """The seed's sentences joined with spaces on one line, repeated to about `size` bytes."""
    text = " ".join(SEED.read_text(encoding="utf-8").split())
    line = " ".join(re.split(r"(?<=[.!?])\s+", text))
    repeated = (line + " ") * (size // len(line) + 1)
    return repeated[:size].rsplit(" ", 1)[0] + "\n"


def time_extract(path: Path) -> float:
    """Seconds for `reportgen extract --json path` in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", CLI, "extract", "--json", str(path)],
                   check=True, stdout=subprocess.DEVNULL, env=env, cwd=path.parent)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1,4", help="sizes in MB, comma separated")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    print(f"load average {os.getloadavg()[0]:.2f}")
    per_mb: dict[float, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-long-line-") as folder:
        for mb in sizes:
            path = Path(folder) / f"line-{mb:g}mb.txt"
            path.write_text(long_line(int(mb * 1_000_000)), encoding="utf-8")
            runs = [time_extract(path) for _ in range(args.runs)]
            median = statistics.median(runs)
            per_mb[mb] = median / mb
            print(f"{mb:g} MB single line: {median:.2f} s (runs: "
                  f"{', '.join(f'{r:.2f}' for r in runs)}), {per_mb[mb]:.2f} s/MB")
    ok = True
    if 1.0 in per_mb:
        ok &= per_mb[1.0] <= BUDGET_1MB_S
        verdict = "met" if per_mb[1.0] <= BUDGET_1MB_S else "MISSED"
        print(f"1 MB budget ≤ {BUDGET_1MB_S} s: {verdict}")
    if len(per_mb) > 1:
        small, large = min(per_mb), max(per_mb)
        ratio = per_mb[large] / per_mb[small]
        ok &= ratio <= 1.5
        print(f"time per MB, {large:g} MB vs {small:g} MB: {ratio:.2f} × (linear: ≤ 1.5 ×)")
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
