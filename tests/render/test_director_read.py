"""Real releases of the genre built for real and read back as a director reads them: a short
release's findings page is not left mostly empty, a targets table has no all-dash column, and
charts side by side on a slide in one unit share their scale, with room for their labels."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from reportgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "corpus" / "dev"
SEED = next((ROOT / "seeds").glob("*.txt"))
RELEASES = {
    "railway": DEV / "news-china-railway-2023.txt",  # a short news item, no chapters
    "taiyuan": DEV / "stat-taiyuan-economy-2020-h1.txt",  # declines
    "lingang": DEV / "plan-lingang-2023-goals.txt",  # targets without a year of their own
    "seed": SEED,  # chapters, a system, a pair of growth charts in yuan
    "energy": DEV / "news-energy-consumption-by-region-2020.txt",  # a table, one figure twice
}

pytestmark = pytest.mark.slow


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each release's output folder, built with the command staff run."""
    root = tmp_path_factory.mktemp("director")
    for path in RELEASES.values():
        shutil.copy(path, root / path.name)
    out = io.StringIO()
    code = main(["build", *(str(root / p.name) for p in RELEASES.values()),
                 "--out", str(root / "output"), "--formats", "pdf,html,pptx"], stdout=out)
    assert code == 0, out.getvalue()
    return {name: root / "output" / path.stem for name, path in RELEASES.items()}


def _pages(folder: Path) -> list[str]:
    from pypdf import PdfReader

    return [_flat(page.extract_text()) for page in PdfReader(folder / "briefing.pdf").pages]


def test_a_release_without_chapters_has_at_a_glance_on_its_findings_page_and_no_contents(
        built: dict[str, Path]) -> None:
    pages = _pages(built["railway"])
    findings_page = next(p for p in pages if "Key findings" in p)
    assert "At a glance" in findings_page
    assert "Contents" not in " ".join(pages)
    # the cards follow the findings on that page: the first card's figure is there
    assert "45,000 km" in findings_page.split("At a glance", 1)[1]


def test_a_release_with_chapters_keeps_its_contents_and_its_own_at_a_glance_page(
        built: dict[str, Path]) -> None:
    pages = _pages(built["seed"])
    summary = next(p for p in pages if "Key findings" in p)
    assert "Contents" in summary
    assert not summary.split("Contents", 1)[0].count("At a glance")


def test_a_targets_table_without_any_year_has_no_year_column(built: dict[str, Path]) -> None:
    pages = _pages(built["lingang"])
    targets = next(p for p in pages if "Targets Topic" in p)
    header = targets.split("Targets Topic", 1)[1][:40]
    assert header.lstrip().startswith("Target")
    assert "Year" not in header


def test_no_at_a_glance_card_repeats_a_figure_another_card_shows(built: dict[str, Path]
                                                                  ) -> None:
    """The railway item states '45,000 km' in its headline and again in its first sentence."""
    for folder in built.values():
        html = (folder / "briefing.html").read_text(encoding="utf-8")
        cards = re.findall(r'<p class="card-value">(.*?)</p>', html, re.S)
        figures = [_flat(re.sub(r"<[^>]+>", "", card)) for card in cards]
        assert cards and len(figures) == len(set(figures)), figures


def test_a_card_never_shows_a_figure_changing_to_itself(built: dict[str, Path]) -> None:
    """The energy table's '10,000 yuan' (of GDP) is written twice: no '+0% from 10,000 yuan'."""
    for folder in built.values():
        html = (folder / "briefing.html").read_text(encoding="utf-8")
        changes = re.findall(r'<p class="card-change">(.*?)</p>', html, re.S)
        assert not any(_flat(re.sub(r"<[^>]+>", "", c)).startswith(("+0%", "−0%", "-0%"))
                       for c in changes), changes


def _charts_by_slide(folder: Path) -> list[list[object]]:
    from pptx import Presentation

    prs = Presentation(str(folder / "deck.pptx"))
    return [[shape.chart for shape in slide.shapes if shape.has_chart] for slide in prs.slides]


def test_two_charts_in_one_unit_side_by_side_share_one_value_scale(
        built: dict[str, Path]) -> None:
    pairs = [charts for charts in _charts_by_slide(built["seed"]) if len(charts) == 2]
    assert pairs
    for left, right in pairs:
        assert left.value_axis.maximum_scale == right.value_axis.maximum_scale  # type: ignore[attr-defined]
        assert left.value_axis.minimum_scale == right.value_axis.minimum_scale == 0  # type: ignore[attr-defined]
    growth = next(p for p in pairs if "COLUMN" in str(p[0].chart_type))  # type: ignore[attr-defined]
    tallest = max(v for chart in growth for v in chart.plots[0].series[0].values)  # type: ignore[attr-defined]
    assert growth[0].value_axis.maximum_scale > tallest  # room above the tallest for its label


def test_a_chart_of_declines_leaves_room_past_the_deepest_for_its_label(
        built: dict[str, Path]) -> None:
    charts = [c for cs in _charts_by_slide(built["taiyuan"]) for c in cs]
    declines = [c for c in charts if min(v for s in c.plots[0].series for v in s.values  # type: ignore[attr-defined]
                                         if v is not None) < 0]
    assert declines
    for chart in declines:
        deepest = min(v for s in chart.plots[0].series for v in s.values if v is not None)  # type: ignore[attr-defined]
        assert chart.value_axis.minimum_scale < deepest * 1.5  # type: ignore[attr-defined]


def test_the_seeds_three_row_targets_table_is_set_large_not_in_a_quarter_of_its_slide(
        built: dict[str, Path]) -> None:
    from pptx import Presentation
    from pptx.util import Pt

    prs = Presentation(str(built["seed"] / "deck.pptx"))
    slide = next(s for s in prs.slides if s.shapes.title is not None
                 and s.shapes.title.text.startswith("Targets"))
    table = next(shape for shape in slide.shapes if shape.has_table)
    sizes = {run.font.size for row in table.table.rows for cell in row.cells
             for p in cell.text_frame.paragraphs for run in p.runs}
    assert sizes == {Pt(18)}


def test_chapters_run_on_so_no_chapter_page_is_left_mostly_empty(
        built: dict[str, Path]) -> None:
    pages = _pages(built["seed"])
    chapters = [k for k, p in enumerate(pages) if re.search(r"\b[1-9] [A-Z][^.]{10,}", p)
                and "Key figures" in p and k < len(pages) - 1]
    # the seed's four chapters share pages: chapter 3 and 4 on one, chapter 2 after 1's end
    opens = [k for k, p in enumerate(pages) for n in "234" if re.search(
        rf"(?:^|\s){n} (?:R&D|Software|Total investment)", p)]
    assert len(set(opens)) < 3, opens
    assert all(len(pages[k]) > 900 for k in chapters)
