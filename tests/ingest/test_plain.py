"""ingest/plain.py: a text or Markdown release is its decoded text, as written."""

from __future__ import annotations

from pathlib import Path

from reportgen.config import Limits
from reportgen.ingest import plain
from reportgen.ingest.source import cells_as_lines


def test_markdown_is_kept_as_written_with_windows_line_endings_normalised() -> None:
    reading = plain.read(b"# Title\r\n\r\n**GDP** grew 5%.\r\n", Path("r.md"), cells_as_lines,
                         Limits())
    assert reading.text == "# Title\n\n**GDP** grew 5%.\n"
    assert (reading.source_url, reading.page_starts) == (None, ())


WIRE_COPY = (
    "China's gross domestic product (GDP) reached 7.1682 trillion yuan\n"
    "(866 billion US dollars) in the first three quarters of this year,\n"
    "up 7.9 percent year-on-year, figures released Wednesday by the\n"
    "National Bureau of Statistics (NBS) show.\n"
    "NBS Deputy Director Qiu Xiaohua told a press conference Wednesday\n"
    "morning that this growth rate was 0.3 percentage point higher\n"
    "year-on-year.\n"
    "During the period, China saw a total of 2.5838 trillion yuan (312\n"
    "billion dollars) in fixed asset investment, up 21.8 percent\n"
    "year-on-year. Investment in capital construction and in the real\n"
    "estate sector rose 24.6 percent and 29.4 percent, respectively.\n"
)


def test_hard_wrapped_wire_copy_is_read_as_whole_sentences_at_the_same_positions() -> None:
    reading = plain.read(WIRE_COPY.encode(), Path("r.txt"), cells_as_lines, Limits())
    assert len(reading.text) == len(WIRE_COPY)
    assert "7.1682 trillion yuan (866 billion US dollars) in the first three" in reading.text
    assert "(312 billion dollars)" in reading.text
    assert "(NBS) show.\nNBS Deputy" in reading.text  # a sentence's end keeps its break


def test_prose_with_long_lines_and_short_headings_keeps_its_line_breaks() -> None:
    text = ("Home > News\nShanghai's GDP grew 5 percent\n\n" + "Exports rose. " * 12 + "\n") * 3
    reading = plain.read(text.encode(), Path("r.txt"), cells_as_lines, Limits())
    assert reading.text == text


def test_the_rows_of_a_short_bar_table_are_never_unwrapped_into_one_line() -> None:
    from reportgen.ingest.plain import rejoin_table_rows, unwrap_hard_lines

    table = "".join(f"| Region {k} | {k}.5 | {k}.7 |\n" for k in range(10))
    assert unwrap_hard_lines(rejoin_table_rows(table)) == table
