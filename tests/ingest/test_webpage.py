"""Saved web pages: the main text and metadata of a whole page; fragments keep our reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import InputError
from reportgen.ingest import read_source
from reportgen.ingest.webpage import is_saved_page

from .release_files import SEED, saved_page_html
from .same_facts import assert_same_as_seed, briefing_of

ROOT = Path(__file__).resolve().parents[2]


def test_saved_page_gives_the_seeds_facts_and_none_of_the_furniture(tmp_path: Path) -> None:
    path = tmp_path / "release.html"
    path.write_text(saved_page_html(), encoding="utf-8")
    briefing = assert_same_as_seed(path)
    for furniture in ("cookies", "Most read", "Copyright", "Breadcrumb", "Home", "47.03",
                      "120,000", "88,888,888"):
        assert furniture not in briefing.text
    assert briefing.document.source_url and briefing.document.source_url.startswith("https://")


def test_declared_title_and_date_are_used_when_the_text_has_none(tmp_path: Path) -> None:
    lines = [ln for ln in SEED.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("|")]
    body = [ln for ln in lines[2:] if "2022.09.14" not in ln]  # no dateline in the text
    page = saved_page_html(["Shanghai's industrial economy", *body], date="2022-09-14")
    page = page.replace("(Sept. 14, 2022)", "")
    path = tmp_path / "undated.html"
    path.write_text(page, encoding="utf-8")
    doc = read_source(path)
    assert doc.meta["date"] == "2022-09-14"
    assert doc.meta["site_name"] == "Shanghai Municipal People's Government"
    assert briefing_of(path).document.date == "2022-09-14"


def test_fragments_keep_our_reader() -> None:
    for fragment in (ROOT / "tests" / "data" / "hangzhou-q1-2024.html",
                     ROOT / "tests" / "heldout" / "gz-biomed.html"):
        assert not is_saved_page(fragment.read_text(encoding="utf-8"))
    assert is_saved_page(saved_page_html())


def test_page_with_no_main_text(tmp_path: Path) -> None:
    links = "".join(f'<li><a href="/n/{i}">Item {i}</a></li>' for i in range(30))
    path = tmp_path / "menu.html"
    path.write_text(f"<html><body><nav><ul>{links}</ul></nav><footer>© 2024</footer>"
                    "<script>var x = 1;</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_source(path)
    message = str(caught.value)
    assert "\n" not in message and "web page with no main text" in message
    assert str(path) in message
