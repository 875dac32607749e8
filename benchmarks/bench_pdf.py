"""PDF briefing benchmark: the seed's render time, its parts, peak memory and WeasyPrint's import.

    python3 benchmarks/bench_pdf.py            # 7 timed renders after a warm-up
    python3 benchmarks/bench_pdf.py --runs 15

Measures, on the seed with its real extraction and charts:
1. `render_pdf` wall time, median (and min) of N renders in one process after one warm-up;
   also its parts: template → HTML, WeasyPrint layout, PDF writing;
2. `import weasyprint` in a fresh process, median of 5;
3. in a fresh process that loads and charts the seed: the first render_pdf (with the WeasyPrint
   import, cold font caches) and the peak resident memory (ru_maxrss).
The whole cold build (PDF + deck) has a budget of 2.0 s (DESIGN.md), so the PDF step should be
about 1 s. The machine has 2 cores: run it when nothing else is busy, or the figures drift.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))

_CHILD_MEMORY = """
import json, resource, sys, time
from pathlib import Path
from reportgen.charts import draw_charts
from reportgen.config import Config
from reportgen.pipeline import load_briefing
from reportgen.render.briefing.pdf import render_pdf
briefing = load_briefing(Path(sys.argv[1]))
charts = draw_charts(briefing, Config())
started = time.perf_counter()
size = len(render_pdf(briefing, charts, Config()).data)
cold = time.perf_counter() - started
print(json.dumps({"cold_render_pdf_s (incl. import)": cold,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "bytes": size}))
"""

_CHILD_IMPORT = """
import time
started = time.perf_counter()
import weasyprint
print(time.perf_counter() - started)
"""


def render_times(runs: int) -> dict[str, float]:
    """Medians (seconds) of render_pdf and of its three parts, after one warm-up render."""
    import weasyprint

    from reportgen.charts import draw_charts
    from reportgen.config import Config
    from reportgen.pipeline import load_briefing
    from reportgen.render.briefing.fetcher import weasyprint_fetcher
    from reportgen.render.briefing.html import BASE_URL, briefing_markup
    from reportgen.render.briefing.pdf import render_pdf

    config = Config()
    briefing = load_briefing(SEED)
    charts = draw_charts(briefing, config)
    render_pdf(briefing, charts, config)  # warm-up: fonts, caches
    whole, cpu, markup_s, layout_s, write_s = [], [], [], [], []
    pages = 0
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        render_pdf(briefing, charts, config)
        whole.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    for _ in range(runs):
        t0 = time.perf_counter()
        markup = briefing_markup(briefing, charts, config, "pdf")
        t1 = time.perf_counter()
        fetcher = weasyprint_fetcher(markup.resolver, [])
        document = weasyprint.HTML(string=markup.html, base_url=BASE_URL,
                                   url_fetcher=fetcher).render(pdf_tags=True)
        t2 = time.perf_counter()
        document.write_pdf(pdf_tags=True)
        t3 = time.perf_counter()
        pages = len(document.pages)
        markup_s.append(t1 - t0)
        layout_s.append(t2 - t1)
        write_s.append(t3 - t2)
    return {
        "render_pdf_median_s": statistics.median(whole),
        "render_pdf_min_s": min(whole),
        "render_pdf_cpu_median_s": statistics.median(cpu),  # steadier when the machine is busy
        "template_html_median_s": statistics.median(markup_s),
        "weasyprint_layout_median_s": statistics.median(layout_s),
        "weasyprint_write_median_s": statistics.median(write_s),
        "pages": pages,
        "charts": len(charts),
    }


def import_time(runs: int = 5) -> float:
    """Median seconds of `import weasyprint` in a fresh interpreter."""
    times = [float(subprocess.run([sys.executable, "-c", _CHILD_IMPORT], capture_output=True,
                                  text=True, check=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def peak_memory() -> dict[str, float]:
    """Peak RSS (MB) of a fresh process that loads the seed, draws its charts and renders once."""
    done = subprocess.run([sys.executable, "-c", _CHILD_MEMORY, str(SEED)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed renders (default 7)")
    args = parser.parse_args()
    results = render_times(max(args.runs, 5))
    results["weasyprint_import_median_s"] = import_time()
    results.update(peak_memory())
    results["load_average_1min"] = os.getloadavg()[0]  # figures drift when the cores are busy
    width = max(len(k) for k in results)
    for key, value in results.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{key:<{width}}  {shown}")


if __name__ == "__main__":
    main()
