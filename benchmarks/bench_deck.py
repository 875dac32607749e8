"""Time to build the seed's deck (warm, in one process) and the cold import of python-pptx.

Run: python3 benchmarks/bench_deck.py [SOURCE] [--runs N]
Medians of N runs (default 7) after one warm-up; the split shows where the time goes: loading
and evaluating deck.yaml, opening the master, laying out the slides, saving and normalising the
zip. The cold import is measured in fresh interpreters. Falls back to the synthetic briefing in
tests/ if the seed cannot be read.
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


def load(source: Path):  # -> tuple[Briefing, str]
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


def cold_import(code: str, runs: int) -> float:
    """The median seconds a fresh interpreter spends running `code`, minus `pass`."""
    def once(snippet: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", snippet], check=True)
        return time.perf_counter() - start

    bare = statistics.median(once("pass") for _ in range(runs))
    return statistics.median(once(code) for _ in range(runs)) - bare


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
