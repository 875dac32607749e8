"""Time to build the seed's deck (warm, in one process) and the cold import of python-pptx.

Run: python3 benchmarks/bench_deck.py [SOURCE] [--runs N]
Medians of N runs (default 7) after one warm-up; the split shows where the time goes: loading
and evaluating deck.yaml, opening the master, laying out the slides, saving and normalising the
zip. The cold import is measured in fresh interpreters.
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

    from pptx import Presentation

    from reportgen.charts import plan_for
    from reportgen.config import Config
    from reportgen.render.deck import find_deck_file, normalise_package, plan_slides, render_deck
    from reportgen.render.deck_spec import load_deck_spec
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
