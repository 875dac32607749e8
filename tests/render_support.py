"""Helpers for the briefing render tests: hand-made chart assets and ways to read a PDF back."""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import IndirectObject

from reportgen.charts import ChartAsset
from reportgen.config import Config
from reportgen.model import Briefing, ChartPoint, ChartSeries, ChartSpec


def tiny_svg(marker: str, colour: str = "#1F4E79") -> bytes:
    """A small SVG chart whose text `marker` can be found in the PDF's text."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240">'
        f'<rect x="20" y="60" width="80" height="160" fill="{colour}"/>'
        f'<rect x="120" y="120" width="80" height="100" fill="{colour}"/>'
        f'<text x="240" y="120" font-family="DejaVu Sans" font-size="22">{marker}</text></svg>'
    ).encode()


def chart_asset(chart_id: str, section_id: str | None, marker: str,
                kind: str = "bar") -> ChartAsset:
    """A hand-made chart for `section_id` whose SVG carries the text `marker`."""
    spec = ChartSpec(
        id=chart_id, kind=kind, title=f"Chart {chart_id}", unit="yuan",
        series=(ChartSeries("s", (ChartPoint("a", 1.0), ChartPoint("b", 2.0))),),
        alt_text=f"Bar chart {chart_id}", section_id=section_id,
    )
    return ChartAsset(spec, tiny_svg(marker))


def synthetic_charts() -> list[ChartAsset]:
    """One chart per synthetic chapter and a system diagram."""
    return [
        chart_asset("system", None, "SYSTEMMARK", kind="system_diagram"),
        chart_asset("leading-scale", "s1", "CHARTMARKONE"),
        chart_asset("innovation-share", "s2", "CHARTMARKTWO"),
    ]


def config(tmp: Path | None = None, **changes: object) -> Config:
    """A config whose project templates folder does not exist unless `tmp` is given."""
    base = Config(project_templates_dir=(tmp or Path("/nonexistent-reportgen-templates")))
    return replace(base, **changes)  # type: ignore[arg-type]


def page_texts(pdf: bytes) -> list[str]:
    """The extracted text of every page."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """`text` with runs of whitespace as one space (PDF text breaks lines anywhere)."""
    return re.sub(r"\s+", " ", text)


def squash(text: str) -> str:
    """`text` without any whitespace: compares text that PDF extraction broke at hyphens."""
    return re.sub(r"\s+", "", text)


def inflated_streams(pdf: bytes) -> bytes:
    """Every stream of the PDF, decompressed, joined: what a search for leaked bytes must read."""
    out = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            out.append(match.group(1))
    return b"\n".join(out)


def outline_pages(pdf: bytes) -> dict[str, int]:
    """Top-level bookmark title → 1-based page number."""
    reader = PdfReader(io.BytesIO(pdf))
    return {item.title: reader.get_destination_page_number(item) + 1
            for item in reader.outline if not isinstance(item, list)}


def toc_entries(pdf: bytes) -> dict[str, int]:
    """The contents page's entries: title → the page number printed after the dot leader."""
    for text in page_texts(pdf):
        if "Contents" in text:
            found = re.findall(r"^(.+?)\s*\.{3,}\s*(\d+)\s*$", text, re.M)
            if found:
                return {title.strip(): int(page) for title, page in found}
    return {}


def resolve(obj: object) -> object:
    """The object behind an indirect reference."""
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def with_text(briefing: Briefing, **document_changes: str) -> Briefing:
    """`briefing` with its document metadata changed."""
    return replace(briefing, document=replace(briefing.document, **document_changes))
