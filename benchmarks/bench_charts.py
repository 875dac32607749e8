"""Time to draw every chart of the seed (SVG, SVG + 2× PNG) and the cold import of matplotlib.

Run: python3 benchmarks/bench_charts.py [SOURCE] [--runs N]
Medians of N runs (default 7) in one process after one warm-up; the cold import is measured in
fresh interpreters.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timing import SEED, cold_import, load, median_time


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
