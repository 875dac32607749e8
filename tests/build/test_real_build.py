"""The whole build with the real stages: every output of the seed, readable, and incremental."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import copy_seed

from reportgen.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    copy_seed(root / "seeds")
    out = io.StringIO()
    code = main(["build", str(root / "seeds"), "--out", str(root / "output")], stdout=out)
    assert code == 0, out.getvalue()
    slug = next((root / "seeds").glob("*.txt")).stem
    return root, root / "output" / slug, out.getvalue()


@pytest.mark.slow
def test_every_output_is_written_and_readable(built):
    from pptx import Presentation
    from pypdf import PdfReader

    _, folder, _ = built
    manifest = json.loads((folder / "manifest.json").read_text())
    data = json.loads((folder / "data.json").read_text())
    assert data["schema"] == "reportgen.extract/1" and data["facts"]
    pdf_text = "".join(page.extract_text() for page in PdfReader(folder / "briefing.pdf").pages)
    first = data["facts"][0]
    assert first["text"].split()[0] in pdf_text
    assert len(Presentation(str(folder / "deck.pptx")).slides) > 3
    assert "<html" in (folder / "briefing.html").read_text()[:200].lower()
    charts = sorted(p.name for p in (folder / "charts").iterdir())
    assert any(name.endswith(".svg") for name in charts)
    for name, entry in manifest["outputs"].items():
        assert (folder / name).stat().st_size == entry["bytes"]
    assert set(manifest["inputs"]["formats"]) == {"pdf", "html", "pptx", "json"}


@pytest.mark.slow
def test_a_rebuild_with_nothing_changed_is_one_line(built):
    root, _, _ = built
    out = io.StringIO()
    assert main(["build", str(root / "seeds"), "--out", str(root / "output")], stdout=out) == 0
    assert out.getvalue().startswith("nothing changed: 1 documents up to date")


@pytest.mark.slow
def test_a_staff_deck_yaml_rebuilds_only_the_deck(built, monkeypatch):
    root, folder, _ = built
    before = {p: (folder / p).read_bytes() for p in ("briefing.pdf", "data.json")}
    staff = root / "staff" / "deck"
    staff.mkdir(parents=True)
    default = ROOT / "reportgen" / "defaults" / "deck"
    text = (default / "deck.yaml").read_text()
    (staff / "deck.yaml").write_text(text.replace("title: Agenda", "title: Our agenda"))
    out = io.StringIO()
    code = main(["build", str(root / "seeds"), "--out", str(root / "output"),
                 "--templates", str(root / "staff")], stdout=out)
    assert code == 0, out.getvalue()
    lines = out.getvalue().splitlines()
    assert any(line.split()[1:2] == ["pptx"] for line in lines if line.startswith(folder.name))
    for name, data in before.items():
        assert (folder / name).read_bytes() == data
    from pptx import Presentation

    titles = [s.shapes.title.text for s in Presentation(str(folder / "deck.pptx")).slides
              if s.shapes.title is not None]
    assert "Our agenda" in titles
