"""Fixtures of the ingest tests, built from the seed's own text (a module the tests import,
not a conftest.py: `conftest` is already the name of tests/conftest.py, which tests import)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .release_files import write_docx, write_pdf


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
