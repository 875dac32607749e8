"""Ingest: finding sources, decoding them, and refusing bad input with one clear line."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reportgen.config import Limits
from reportgen.errors import InputError
from reportgen.ingest import find_sources, read_source
from reportgen.ingest.html import html_to_text

RELEASE = "Shanghai's GDP reached 4.47 trillion yuan in 2022.\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_utf8_text_is_read_with_sha256_of_the_raw_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", RELEASE)
    doc = read_source(path)
    assert doc.text == RELEASE
    assert doc.sha256 == hashlib.sha256(RELEASE.encode()).hexdigest()
    assert doc.suffix == ".txt"


def test_utf8_bom_is_dropped_so_spans_start_at_the_text(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + RELEASE.encode()))
    assert doc.text == RELEASE


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "a.txt", RELEASE.encode("utf-16")))
    assert doc.text == RELEASE


def test_windows_line_endings_become_newlines(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "a.txt", "Title\r\n\r\nBody 5 firms.\r\n"))
    assert doc.text == "Title\n\nBody 5 firms.\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_or_blank_file_is_refused_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(InputError, match=r"empty\.txt: file is empty"):
        read_source(path)


def test_binary_data_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "blob.txt", bytes(range(256)) * 4)
    with pytest.raises(InputError, match=r"blob\.txt: binary data, not text"):
        read_source(path)


def test_latin1_text_is_refused_as_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "old.txt", "Caf\u00e9 output rose 5%.".encode("latin-1"))
    with pytest.raises(InputError, match=r"old\.txt: not UTF-8 text .*save it as UTF-8"):
        read_source(path)


def test_ten_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", b"a" * (10 * 1024 * 1024))
    with pytest.raises(InputError, match=r"huge\.txt: file is 10\.5 MB, over the 5\.2 MB limit"):
        read_source(path)


def test_size_limit_comes_from_limits(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", RELEASE)
    with pytest.raises(InputError, match="limit"):
        read_source(path, Limits(max_source_bytes=10))


def test_missing_path_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(InputError, match=r"nope: no such file or folder"):
        find_sources([tmp_path / "nope"])


def test_folder_expands_to_sorted_sources_without_overrides(tmp_path: Path) -> None:
    for name in ["b.md", "a.txt", "c.html", "a.overrides.yaml", "notes.odt"]:
        write(tmp_path, name, RELEASE)
    assert [p.name for p in find_sources([tmp_path])] == ["a.txt", "b.md", "c.html"]


def test_folder_without_sources_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "readme.odt", RELEASE)
    with pytest.raises(InputError, match="folder holds no source files"):
        find_sources([tmp_path])


def test_html_becomes_visible_text_with_blocks_on_their_own_lines(tmp_path: Path) -> None:
    html = (
        "<html><head><title>GDP release</title><style>p{color:red}</style>"
        '<link rel="canonical" href="https://example.gov/gdp"></head>'
        "<body><h1>GDP release</h1><p>GDP rose 5.2%&nbsp;in 2023.</p>"
        "<script>var x = 99;</script><p>Trade hit 4 trillion yuan.</p></body></html>"
    )
    doc = read_source(write(tmp_path, "gdp.html", html))
    assert doc.text == "GDP release\n\nGDP rose 5.2% in 2023.\n\nTrade hit 4 trillion yuan.\n"
    assert doc.source_url == "https://example.gov/gdp"
    assert "99" not in doc.text


def test_html_navigation_and_footer_are_not_part_of_the_text() -> None:
    text, _ = html_to_text("<nav>Home | Page 1 of 5</nav><p>Exports rose 3%.</p>"
                           "<footer>ICP 12345678 (c) 2023</footer>")
    assert text == "Exports rose 3%.\n"


def test_html_title_is_kept_when_the_body_lacks_it() -> None:
    text, url = html_to_text("<title>Trade</title><p>Exports rose 3%.</p>")
    assert text.startswith("Trade\n\nExports rose 3%.")
    assert url is None


# --- HTML tables: each row read as a sentence with the units its label and heads give ----------


def test_a_table_row_reads_as_sentences_with_units_from_its_label_and_column_heads():
    from reportgen.extraction.tables import table_text

    rows = [["Indicator", "Value", "Growth (%)"], ["GDP (billion yuan)", "499.6", "5.3"],
            ["Fixed-asset investment growth", "—", "3.2"]]
    assert table_text(rows).split("\n\n") == [
        "Indicator / Value / Growth (%)",
        "GDP was 499.6 billion yuan; GDP growth was 5.3 percent.",
        "Fixed-asset investment growth was 3.2 percent.",
    ]
    dated = table_text(rows, "Major indicators, first half of 2024").split("\n\n")
    assert dated[1] == ("GDP was 499.6 billion yuan in first half of 2024; GDP growth was "
                        "5.3 percent in first half of 2024.")
    assert "in 2020" not in table_text(rows, "Indicators, 2020-2023")  # a span is no one time


def test_a_table_without_figures_keeps_its_cells_as_lines():
    from reportgen.extraction.tables import table_text

    assert table_text([["Name", "Role"], ["Li Wei", "Director"]]) == \
        "Name\n\nRole\n\nLi Wei\n\nDirector"


def test_figures_in_an_html_table_are_facts_named_by_their_row():
    from reportgen.pipeline import load_briefing

    briefing = load_briefing(Path(__file__).parent / "data" / "hangzhou-q1-2024.html")
    start, end = briefing.text.index("Major indic"), briefing.text.index("Outlook")
    table = {f.text: f for f in briefing.facts if start < f.span[0] < end}
    assert (table["499.6 billion yuan"].value, table["499.6 billion yuan"].metric) == (
        499.6e9, "GDP, first quarter")
    assert table["24,186 yuan"].metric == ("per capita disposable income of urban residents, "
                                           "first quarter")
    assert table["4.9 percent"].unit == "percent"
    assert {(f.year, f.period) for f in table.values()} == {(2024, "Q1")}  # from the caption
    assert "Major indicators, Q1 2024" in briefing.text  # the caption stays
    assert all(f.unit != "count" for f in table.values())  # no bare cell read as a count


def test_nul_bytes_after_the_first_8_kib_never_reach_the_text(tmp_path: Path) -> None:
    raw = ("GDP rose 5%. " * 1000).encode() + b"Output\x00 reached\x00 3 billion yuan.\n"
    doc = read_source(write(tmp_path, "nul.txt", raw))
    assert "\x00" not in doc.text and "Output reached 3 billion yuan." in doc.text


def test_a_double_bom_and_zero_width_spaces_are_dropped(tmp_path: Path) -> None:
    raw = "\ufeff\ufeffGDP\u200b report\n\nIndustrial\u200b added value rose 5%.\n"
    doc = read_source(write(tmp_path, "bom.txt", raw.encode("utf-8")))
    assert doc.text.startswith("GDP report") and "\u200b" not in doc.text


def test_a_source_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match=r"pipe\.txt: is a named pipe"):
        read_source(tmp_path / "pipe.txt")
