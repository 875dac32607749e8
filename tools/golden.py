"""The golden whole-build outputs of the bundled release: compare a build with them, or
regenerate them after an intended change.

    python tools/golden.py            # regenerate tests/golden/ from a fresh build

What is kept, and compared byte for byte: `data.json`, `briefing.html`, every chart's SVG and
every slide's XML of the deck. The PDF is compared by its pages' text (its bytes depend on the
fonts a machine has). Builds are made with SOURCE_DATE_EPOCH fixed, so the same inputs give
the same outputs.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "shanghai-industrial-economy-2022-09-14.txt"
GOLDEN = ROOT / "tests" / "golden" / SEED.stem
EPOCH = "1663113600"  # the release's date, 2022-09-14


def build(workdir: Path) -> Path:
    """A fresh build of the bundled release in `workdir`; returns its output folder."""
    sys.path.insert(0, str(ROOT))
    from reportgen.build import build_all

    source = workdir / "seeds" / SEED.name
    source.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED, source)
    previous = os.environ.get("SOURCE_DATE_EPOCH"), Path.cwd()
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    os.chdir(workdir)  # no project config but the defaults
    try:
        # relative paths: the source's path is printed in the outputs (the sources list)
        build_all(documents=[source.relative_to(workdir)], out="output", jobs=1,
                  stream=io.StringIO())
    finally:
        os.chdir(previous[1])
        if previous[0] is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous[0]
    return workdir / "output" / SEED.stem.lower()


def snapshot(folder: Path) -> dict[str, bytes]:
    """The outputs of one document folder as the golden files they are kept as."""
    files = {"data.json": (folder / "data.json").read_bytes(),
             "briefing.html": (folder / "briefing.html").read_bytes()}
    for svg in sorted((folder / "charts").glob("*.svg")):
        files[f"charts/{svg.name}"] = svg.read_bytes()
    with zipfile.ZipFile(folder / "deck.pptx") as deck:
        for name in sorted(deck.namelist()):
            if name.startswith("ppt/slides/slide") and name.endswith(".xml"):
                files[f"deck/{Path(name).name}"] = deck.read(name)
    files["briefing.pdf.txt"] = pdf_text(folder / "briefing.pdf").encode("utf-8")
    return files


def pdf_text(path: Path) -> str:
    """The PDF's text, page by page."""
    from pypdf import PdfReader

    pages = PdfReader(path).pages
    return "".join(f"--- page {i}\n{p.extract_text()}\n" for i, p in enumerate(pages, 1))


def regenerate() -> None:
    """Write tests/golden/ anew from a fresh build."""
    with tempfile.TemporaryDirectory() as tmp:
        files = snapshot(build(Path(tmp)))
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for name, data in files.items():
        (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / name).write_bytes(data)
    print(f"{len(files)} golden files written to {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    regenerate()
