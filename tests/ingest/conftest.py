"""The ingest tests build their fixtures (PDF, .docx, saved page) from the seed's own text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from release_files import write_docx, write_pdf  # noqa: E402


@pytest.fixture(scope="session")
def printed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed printed to PDF: running headers, "Page N of M" footers, hyphenation."""
    return write_pdf(tmp_path_factory.mktemp("pdf") / "release.pdf")


@pytest.fixture(scope="session")
def two_column_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed printed to PDF in two columns."""
    return write_pdf(tmp_path_factory.mktemp("pdf2") / "release.pdf", columns=2)


@pytest.fixture(scope="session")
def word_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed as a Word file."""
    return write_docx(tmp_path_factory.mktemp("docx") / "release.docx")
