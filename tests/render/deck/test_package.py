"""The deck's package bytes: written once as save-then-normalise would write them, fixed dates."""

from __future__ import annotations

import io
import sys
import zipfile

import pytest
from pptx import Presentation

from reportgen.config import Config
from reportgen.model import Briefing
from reportgen.render.deck import render_deck


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
