"""`reportgen extract` on a text release imports none of the PDF, Word or web-page libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pypdf", "pdfplumber", "pdfminer", "docx", "trafilatura", "htmldate", "lxml",
         "justext")
CODE = """
import contextlib, io, json, sys
from reportgen.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["extract", "--json", sys.argv[1]])
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


def test_extracting_a_text_release_imports_no_document_library(seed_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CODE, str(seed_path)], capture_output=True,
                          text=True, env=env, check=True, timeout=60)
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert not loaded & set(HEAVY)
