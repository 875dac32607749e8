"""The deck's package bytes: written once as save-then-normalise would write them, fixed dates."""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from dataclasses import replace

import pytest
from pptx import Presentation

from reportgen.config import Config
from reportgen.model import Briefing
from reportgen.render.deck import render_deck
from reportgen.render.deck.package import build_time, normalise_package


def test_the_package_is_written_once_as_save_then_normalise_would_write_it(
        synthetic: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportgen.render.deck.package import normalise_package, package_bytes

    prs = Presentation(io.BytesIO(render_deck(synthetic, [], Config()).data))
    saved = io.BytesIO()
    prs.save(saved)
    expected = normalise_package(saved.getvalue())
    assert any(n.endswith(".xlsx") for n in zipfile.ZipFile(io.BytesIO(expected)).namelist())
    assert package_bytes(prs) == expected
    monkeypatch.setitem(sys.modules, "pptx.opc.serialized", None)  # a python-pptx without it
    assert package_bytes(prs) == expected


def test_normalising_fixes_every_entry_date_and_the_dates_inside_embedded_workbooks() -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as workbook:
        workbook.writestr("docProps/core.xml", "<dcterms:created x=\"1\">2024-05-06T07:08:09Z"
                                               "</dcterms:created>")
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as package:
        package.writestr(zipfile.ZipInfo("ppt/embeddings/book.xlsx", (2024, 5, 6, 7, 8, 10)),
                         inner.getvalue())
        package.writestr(zipfile.ZipInfo("ppt/slides/slide1.xml", (2024, 5, 6, 7, 8, 10)), "<a/>")
    fixed = zipfile.ZipFile(io.BytesIO(normalise_package(outer.getvalue())))
    assert [i.date_time for i in fixed.infolist()] == [(1980, 1, 1, 0, 0, 0)] * 2
    assert fixed.read("ppt/slides/slide1.xml") == b"<a/>"
    book = zipfile.ZipFile(io.BytesIO(fixed.read("ppt/embeddings/book.xlsx")))
    assert book.read("docProps/core.xml") == (b'<dcterms:created x="1">2000-01-01T00:00:00Z'
                                              b"</dcterms:created>")
    assert normalise_package(normalise_package(outer.getvalue())) == \
        normalise_package(outer.getvalue())


def test_the_deck_is_dated_source_date_epoch_else_the_document_date_else_2000(
        synthetic: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_time(synthetic) == dt.datetime(2023, 11, 14, 22, 13, 20)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    dated = replace(synthetic, document=replace(synthetic.document, date="2022-09-14"))
    assert build_time(dated) == dt.datetime(2022, 9, 14)
    undated = replace(synthetic, document=replace(synthetic.document, date=None))
    assert build_time(undated) == dt.datetime(2000, 1, 1)
