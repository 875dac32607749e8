"""Build the bundled release as the files staff receive: a printed PDF, a .docx, a saved web page.

Shared by the ingest tests and `benchmarks/bench_ingest.py`; every fixture is made here, from the
seed's own text, so no binary file is checked in.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "shanghai-industrial-economy-2022-09-14.txt"
HEADING = re.compile(r"^[0-9]{1,2}\. ")


def seed_lines() -> list[str]:
    """The seed's non-blank lines (the title first), without its site's "| 中文版 |" bar."""
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [ln for ln in lines if not ln.startswith("|")]


# --- PDF: printed with running headers, page numbers and hyphenation -----------------------------

PRINT_CSS = """
@page { size: A4; margin: 22mm 18mm;
  @top-left { content: "Shanghai Municipal Commission of Economy and Informatization";
              font-size: 8pt; }
  @top-right { content: "Press release No. 37 / 2022"; font-size: 8pt; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }
body { font-family: serif; font-size: 11pt; line-height: 1.35; }
p { text-align: justify; hyphens: auto; margin: 0 0 6pt 0; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; }
.cols { columns: 2; column-gap: 10mm; }
table { border-collapse: collapse; margin: 8pt 0; }
td, th { border: 0.5pt solid #444; padding: 2pt 6pt; }
"""


def print_html(lines: list[str], *, columns: int = 1, repeat: int = 1,
               table: list[list[str]] | None = None) -> str:
    """The release as a printable HTML page (optionally in two columns, its body repeated)."""
    title, rest = lines[0], lines[1:]
    body: list[str] = []
    for _ in range(repeat):
        for line in rest:
            tag = "h2" if HEADING.match(line) else "p"
            body.append(f"<{tag}>{html.escape(line)}</{tag}>")
    if table:
        cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                        for row in table)
        body.append(f"<table>{cells}</table>")
    cls = ' class="cols"' if columns == 2 else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{PRINT_CSS}'
            f"</style></head><body><h1>{html.escape(title)}</h1><div{cls}>{''.join(body)}</div>"
            "</body></html>")


def write_pdf(path: Path, lines: list[str] | None = None, **options: object) -> Path:
    """`path`, now the release printed to PDF by WeasyPrint (options as for `print_html`)."""
    from reportgen.render.briefing.weasy import load_weasyprint

    html_page = print_html(lines or seed_lines(), **options)  # type: ignore[arg-type]
    load_weasyprint().HTML(string=html_page).write_pdf(path)
    return path


# --- DOCX -------------------------------------------------------------------------------------


def write_docx(path: Path, lines: list[str] | None = None, *,
               table: list[list[str]] | None = None, bullets: list[str] | None = None) -> Path:
    """`path`, now the release as a Word file: title, numbered headings as headings, paragraphs."""
    import docx

    lines = lines or seed_lines()
    document = docx.Document()
    document.core_properties.title = lines[0]
    document.add_heading(lines[0], level=0)
    for line in lines[1:]:
        if HEADING.match(line):
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    for item in bullets or []:
        document.add_paragraph(item, style="List Bullet")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.save(str(path))
    return path


# --- A web page saved from a browser, with its site's furniture --------------------------------

FURNITURE_TOP = """
<div id="cookie-banner" class="cookie">We use 3 kinds of cookies to improve your visit.
  <button>Accept all 3</button></div>
<header class="site-header"><a href="/">Shanghai Municipal People's Government</a>
  <nav class="menu"><ul><li><a href="/news">News</a></li><li><a href="/gov">Government</a></li>
  <li><a href="/data">Data: 2,350 open data sets</a></li><li><a href="/services">Services</a></li>
  <li><a href="/en">English</a></li></ul></nav>
  <form class="search"><input type="text" placeholder="Search 120,000 pages"></form></header>
<nav class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt;
  <a href="/news/pressconferences">Press conferences</a></nav>
"""
FURNITURE_SIDE = """
<aside class="sidebar"><h3>Most read</h3><ul>
  <li><a href="/n/1">Shanghai GDP grew 8.1% in 2021</a></li>
  <li><a href="/n/2">Port throughput hits 47.03 million TEU</a></li>
  <li><a href="/n/3">Retail sales reached 1.8 trillion yuan in 2021</a></li>
  <li><a href="/n/4">999 new foreign firms registered</a></li></ul></aside>
"""
FURNITURE_BOTTOM = """
<footer class="site-footer"><p>Copyright © 2022 Shanghai Municipal People's Government.
  ICP No. 12345678-9. Visitors: 88,888,888.</p>
  <p><a href="/sitemap">Sitemap</a> | <a href="/contact">Contact us: 021-12345</a></p></footer>
<script>var visits = 123456789; window.dataLayer = [{"growth": "45.6%"}];</script>
"""


def saved_page_html(lines: list[str] | None = None, *, date: str = "2022-09-14") -> str:
    """The release as a browser saves a news page: site furniture around the article, metadata
    in `<head>` (title, date, site name)."""
    lines = lines or seed_lines()
    title, rest = lines[0], lines[1:]
    paras = "".join(f"<h2>{html.escape(ln)}</h2>" if HEADING.match(ln)
                    else f"<p>{html.escape(ln)}</p>" for ln in rest)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | english.shanghai.gov.cn</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="Shanghai Municipal People's Government">
<meta property="article:published_time" content="{date}T16:30:00+08:00">
<link rel="canonical" href="https://english.shanghai.gov.cn/en-Latest-WorkReports/20220914/a.html">
<style>body {{ font-family: sans-serif; }}</style>
<script>console.log("analytics 2022");</script></head>
<body>{FURNITURE_TOP}<div class="layout">{FURNITURE_SIDE}
<main><article><h1>{html.escape(title)}</h1>
<div class="article-body">{paras}</div></article></main></div>{FURNITURE_BOTTOM}</body></html>"""
