"""Time to draw every chart of the seed (SVG, SVG + 2× PNG) and the cold import of matplotlib.

Run: python3 benchmarks/bench_charts.py [SOURCE] [--runs N]
Medians of N runs (default 7) in one process after one warm-up; the cold import is measured in
fresh interpreters. Falls back to the synthetic briefing in tests/ if the seed cannot be read.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "shanghai-industrial-economy-2022-09-14.txt"


def load(source: Path):  # -> Briefing
    """The seed's briefing, or the synthetic one when extraction is not available."""
    try:
        from reportgen.pipeline import load_briefing

        return load_briefing(source), source.name
    except Exception as exc:  # noqa: BLE001 - a benchmark falls back rather than stops
        sys.path.insert(0, str(ROOT / "tests"))
        from synthetic import synthetic_briefing

        return synthetic_briefing(), f"synthetic briefing ({type(exc).__name__} on the seed)"


def median_time(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """The median and the minimum seconds of `runs` calls of `action`, after one warm-up."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def cold_import(module: str, runs: int) -> float:
    """The median seconds a fresh interpreter spends importing `module` (minus `pass`)."""
    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = statistics.median(once("pass") for _ in range(runs))
    full = statistics.median(once(f"import {module}") for _ in range(runs))
    return full - bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from reportgen.charts import draw_plan, plan_charts

    briefing, label = load(args.source)
    plan = plan_charts(briefing)
    rows = [
        ("choose charts (pure)", *median_time(lambda: plan_charts(briefing), args.runs)),
        ("draw all, SVG only", *median_time(lambda: draw_plan(plan, png=False), args.runs)),
        ("draw all, SVG + PNG 2x", *median_time(lambda: draw_plan(plan), args.runs)),
    ]
    for spec in plan.charts:
        one = type(plan)((spec,))
        rows.append((f"  {spec.id} (SVG)", *median_time(lambda o=one: draw_plan(o, png=False),
                                                         args.runs)))
    print(f"charts of {label}: {len(plan.charts)} drawn, {len(plan.skipped)} not charted; "
          f"{args.runs} runs after a warm-up")
    print(f"{'what':<44} {'median s':>9} {'min s':>9}")
    for name, med, low in rows:
        print(f"{name:<44} {med:>9.3f} {low:>9.3f}")
    print(f"{'cold import matplotlib.figure (fresh process)':<44} "
          f"{cold_import('matplotlib.figure', 5):>9.3f}")
    print(f"{'cold import matplotlib.backends.backend_svg':<44} "
          f"{cold_import('matplotlib.backends.backend_svg', 5):>9.3f}")


if __name__ == "__main__":
    main()
