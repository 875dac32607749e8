"""Ingest benchmark: reading a PDF, a .docx and a saved web page; medians of several runs.

    python3 benchmarks/bench_ingest.py [--runs 7]

Builds its inputs from the seed (tests/ingest/release_files.py): the release printed by
WeasyPrint to a 20-page PDF (running headers, page numbers, hyphenation), as a .docx and as a
saved web page with site furniture. Prints, each the median of `--runs` calls in one process
after a warm-up (imports paid once, as in a build that reads several files):
`read_release` on each (budgets: 20-page PDF ≤ 1 s, .docx and saved page ≤ 0.2 s), and the two
PDF libraries compared on the same PDF (pypdf with positions, as our reader uses it, and
pdfplumber's words). The load average is printed first and last: this machine's speed varies.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "ingest"))
sys.path.insert(0, str(ROOT))

from release_files import saved_page_html, write_docx, write_pdf  # noqa: E402

from reportgen.pipeline import read_release  # noqa: E402


def median(action: Callable[[], object], runs: int) -> float:
    """The median seconds of `runs` calls of `action`, after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def twenty_page_pdf(folder: Path) -> Path:
    """The seed printed to a PDF of exactly 20 pages (the body repeated, the tail trimmed)."""
    from pypdf import PdfReader, PdfWriter

    long = write_pdf(folder / "long.pdf", repeat=4)
    writer = PdfWriter(clone_from=PdfReader(long))
    while len(writer.pages) > 20:
        writer.remove_page(len(writer.pages) - 1)
    path = folder / "release-20.pdf"
    with path.open("wb") as f:
        writer.write(f)
    return path


def main() -> None:
    """Print the medians as a table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    folder = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    pdf = twenty_page_pdf(folder)
    docx = write_docx(folder / "release.docx")
    page = folder / "release.html"
    page.write_text(saved_page_html(), encoding="utf-8")

    def pypdf_positions() -> None:
        from pypdf import PdfReader

        for p in PdfReader(pdf).pages:
            p.extract_text(visitor_text=lambda *args: None)

    def pdfplumber_words() -> None:
        import pdfplumber

        with pdfplumber.open(pdf) as document:
            for p in document.pages:
                p.extract_words()

    rows = [
        ("read_release, 20-page PDF", median(lambda: read_release(pdf), runs), "≤ 1 s"),
        ("read_release, .docx", median(lambda: read_release(docx), runs), "≤ 0.2 s"),
        ("read_release, saved web page", median(lambda: read_release(page), runs), "≤ 0.2 s"),
        ("pypdf, text with positions, 20 pages", median(pypdf_positions, runs), ""),
        ("pdfplumber, words, 20 pages", median(pdfplumber_words, max(3, runs // 2)), ""),
    ]
    print("| what | median | budget |\n|---|---|---|")
    for what, seconds, budget in rows:
        print(f"| {what} | {seconds:.3f} s | {budget} |")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
