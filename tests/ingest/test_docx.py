"""Word releases: the seed as .docx gives the seed's facts; bad files get one line."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from reportgen.config import Limits
from reportgen.errors import InputError
from reportgen.extraction.tables import table_text
from reportgen.ingest import read_source

from .ingest_fixtures import word_file
from .release_files import write_docx
from .same_facts import assert_same_as_seed

__all__ = ["word_file"]  # fixtures


def test_word_release_gives_the_seeds_facts_and_date(word_file: Path) -> None:
    briefing = assert_same_as_seed(word_file)
    assert all(f.page is None for f in briefing.facts)


def test_headings_lists_and_tables_in_order(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "t.docx", ["Trade of the city (2023-01-05)", "1. Exports",
                                           "Exports grew strongly in 2022."],
                      bullets=["Imports rose 4.2% in 2022."],
                      table=[["Indicator", "2022"], ["Exports (billion yuan)", "905.1"]])
    text = read_source(path, tables=table_text).text
    order = [text.index(s) for s in ("Trade of the city", "1. Exports", "grew strongly",
                                     "Imports rose 4.2%", "905.1")]
    assert order == sorted(order)
    assert "1. Exports\n\n" in text


def one_line(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(InputError) as caught:
        read_source(path, limits)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


@pytest.mark.parametrize("kind", ["renamed", "random", "truncated", "other-zip"])
def test_not_a_word_file(kind: str, word_file: Path, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.docx"
    if kind == "renamed":
        path.write_text("Exports rose 3% in 2023.\n")
    elif kind == "random":
        path.write_bytes(os.urandom(4096))
    elif kind == "truncated":
        path.write_bytes(word_file.read_bytes()[:5000])
    else:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("notes.txt", "hello")
        path.write_bytes(buffer.getvalue())
    assert "not a Word (.docx) file" in one_line(path)


def test_zip_bomb_is_refused_from_the_directory(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 5_000_000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    message = one_line(path, Limits(max_unzipped_bytes=1_000_000))
    assert "zip bomb" in message and "limits.max_unzipped_bytes" in message
