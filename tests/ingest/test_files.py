"""ingest/files.py: a source's bytes read safely and decoded into the text spans point into."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import InputError
from reportgen.ingest.files import decode_text, normalise_newlines, read_bytes


def test_utf8_with_a_bom_and_utf16_decode_to_the_same_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    assert decode_text("\ufeffGDP grew 5%".encode(), path) == "GDP grew 5%"
    assert decode_text("GDP grew 5%".encode("utf-16"), path) == "GDP grew 5%"


def test_binary_data_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    with pytest.raises(InputError, match=r"a\.txt: binary data, not text"):
        decode_text(b"\x00\x01\x02" * 100, path)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 100)
    with pytest.raises(InputError, match="over the .* limit"):
        read_bytes(path, 10)


def test_line_endings_are_normalised() -> None:
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
