"""Time to build the seed's deck (warm, in one process), its first render in a fresh process, and
the cold import of python-pptx.

Run: python3 benchmarks/bench_deck.py [SOURCE] [--runs N] [--fresh N] [--only-fresh]
                                       [--compare DIR]
Medians of N runs (default 7) after one warm-up; the split shows where the time goes: loading
and evaluating deck.yaml, opening the master, laying out the slides, saving and normalising the
zip. The cold import is measured in fresh interpreters.

"first render" repeats what the build's chart/deck helper does: in a fresh process, import
matplotlib and draw the charts, then render the deck (python-pptx and the deck modules are
imported by that first render). Its CPU seconds (user + system, `time.process_time`) are split
into the imports it triggers and the rest; "second render" is the same call again in that
process. Medians of `--fresh` processes (default 7), with the load average before and after:
this machine is shared and varies by ±15 %. With `--compare DIR` (a copy of the `reportgen`
package from before a change, as DIR/reportgen) the processes alternate between that copy and
this tree, so that both sides meet the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import ROOT, SEED, cold_import, load, median_time

_FIRST_RENDER = """
import json, sys, time
from pathlib import Path
from reportgen.build.stages import render, warm_charts
from reportgen.charts import draw_charts
from reportgen.config import Config
from reportgen.pipeline import load_briefing

config = Config()
warm_charts(config)
briefing = load_briefing(Path(sys.argv[1]))
charts = draw_charts(briefing, config, png=False)
start = time.process_time()
import pptx  # noqa: E401 — what the first render imports, timed apart from building
import reportgen.render.deck, reportgen.render.deck.slides
imported = time.process_time()
first = render("pptx", briefing, charts, config)
done = time.process_time()
second = render("pptx", briefing, charts, config)
assert first.data == second.data
print(json.dumps({"first": done - start, "imports": imported - start,
                  "build": done - imported, "second": time.process_time() - done,
                  "bytes": len(first.data)}))
"""


def first_render(source: Path, tree: Path) -> dict[str, float]:
    """CPU seconds of the first render (imports, build) and the second, in a fresh process
    importing `reportgen` from `tree`."""
    with tempfile.TemporaryDirectory() as folder:  # not ROOT: '' on sys.path would win
        out = subprocess.run([sys.executable, "-c", _FIRST_RENDER, str(source.resolve())],
                             check=True, capture_output=True, text=True, cwd=folder,
                             env={**os.environ, "PYTHONPATH": str(tree)})
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def print_first_renders(source: Path, runs: int, compare: Path | None) -> None:
    """Medians of the first render's CPU seconds in `runs` fresh processes per tree, with the
    load average; the trees' processes alternate."""
    trees = [ROOT] + ([compare] if compare else [])
    before = os.getloadavg()
    results: dict[Path, list[dict[str, float]]] = {tree: [] for tree in trees}
    for _ in range(runs):
        for tree in trees:
            results[tree].append(first_render(source, tree))
    after = os.getloadavg()
    print(f"first render in a fresh helper-like process ({runs} processes each, CPU s; load "
          f"average {before[0]:.2f} before, {after[0]:.2f} after)")
    for tree in trees:
        print(f"reportgen from {tree}")
        for key, name in (("first", "first render (imports + build)"),
                          ("imports", "  import pptx + deck modules"),
                          ("build", "  build"), ("second", "second render, same process")):
            values = sorted(r[key] for r in results[tree])
            print(f"{name:<44} {statistics.median(values):>9.3f}   "
                  + " ".join(f"{v:.3f}" for v in values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--fresh", type=int, default=7, help="fresh processes for first render")
    parser.add_argument("--only-fresh", action="store_true", help="only the first-render figures")
    parser.add_argument("--compare", type=Path, help="a folder holding an older reportgen copy")
    args = parser.parse_args()

    print_first_renders(args.source, args.fresh, args.compare)
    if args.only_fresh:
        return

    from pptx import Presentation

    from reportgen.charts import plan_for
    from reportgen.config import Config
    from reportgen.render.deck import find_deck_file, render_deck
    from reportgen.render.deck.package import normalise_package
    from reportgen.render.deck.plan import plan_slides
    from reportgen.render.deck.spec import load_deck_spec
    from reportgen.templating import make_environment, template_roots

    briefing, label = load(args.source)
    config = Config()
    specs = plan_for(briefing, config).charts
    roots = template_roots(None, config.project_templates_dir)
    master = find_deck_file(roots, "master.pptx")
    env = make_environment(roots, html=False)
    data = render_deck(briefing, [], config).data
    slides = len(Presentation(__import__("io").BytesIO(data)).slides)

    def plan() -> object:
        return plan_slides(load_deck_spec(find_deck_file(roots, "deck.yaml")), env, briefing,
                           specs, config)

    rows = [
        ("whole deck (render_deck)", *median_time(lambda: render_deck(briefing, [], config),
                                                   args.runs)),
        ("  load + evaluate deck.yaml", *median_time(plan, args.runs)),
        ("  open master with python-pptx", *median_time(lambda: Presentation(str(master)),
                                                        args.runs)),
        ("  normalise zip (dates)", *median_time(lambda: normalise_package(data), args.runs)),
    ]
    print(f"deck of {label}: {slides} slides, {len(specs)} chart specs; "
          f"{args.runs} runs after a warm-up; {len(data):,} bytes")
    print(f"{'what':<44} {'median s':>9} {'min s':>9}")
    for name, med, low in rows:
        print(f"{name:<44} {med:>9.3f} {low:>9.3f}")
    print(f"{'cold import pptx (fresh process)':<44} {cold_import('import pptx', 5):>9.3f}")
    print(f"{'cold import pptx + chart modules':<44} "
          f"{cold_import('import pptx, pptx.chart.data, pptx.chart.xlsx, xlsxwriter', 5):>9.3f}")
    print(f"{'cold import reportgen.render.deck (no pptx)':<44} "
          f"{cold_import('import reportgen.render.deck', 5):>9.3f}")


if __name__ == "__main__":
    main()
