"""`reportgen.files`: every file the build reads is confined to its root, a regular file, and
bounded before a byte is read; hashing streams."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from reportgen.errors import InputError, TemplateError
from reportgen.files import file_digest, read_file, read_text_file, safe_digest


def _refused(path: Path, **kwargs: object) -> str:
    with pytest.raises(InputError) as caught:
        read_file(path, 1000, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


def test_a_regular_file_inside_its_root_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"hello")
    assert read_file(tmp_path / "a.txt", 10, root=tmp_path) == b"hello"


def test_a_link_that_stays_inside_its_root_is_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"hello")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert read_file(tmp_path / "b.txt", 10, root=tmp_path) == b"hello"


def test_a_link_leaving_its_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("SECRET")
    (root / "partial.j2").symlink_to(tmp_path / "secret.txt")
    assert "a link to a file outside" in _refused(root / "partial.j2", root=root)


def test_a_linked_folder_leaving_its_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    root.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.j2").write_text("SECRET")
    (root / "partials").symlink_to(tmp_path / "elsewhere")
    assert "outside" in _refused(root / "partials" / "x.j2", root=root)


def test_a_dangling_link_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    assert "points to nothing" in _refused(tmp_path / "gone", root=tmp_path)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert "named pipe (FIFO)" in _refused(tmp_path / "pipe")
    assert safe_digest(tmp_path / "pipe", 1000).startswith("refused:")


def test_a_device_is_refused_before_reading(tmp_path: Path) -> None:
    (tmp_path / "zero.svg").symlink_to("/dev/zero")
    assert "is a device" in _refused(tmp_path / "zero.svg")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert "is a folder" in _refused(tmp_path)


def test_a_huge_sparse_file_is_refused_by_its_size_before_any_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # 12 GB on paper, a few bytes on disk
        f.truncate(12 * 1024 ** 3)
    message = _refused(huge)
    assert "12884.9 MB, over the" in message
    with pytest.raises(InputError, match="over the"):
        file_digest(huge, 1000)


def test_the_callers_error_type_and_limit_name_are_used(tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_bytes(b"x" * 50)
    with pytest.raises(TemplateError, match="raise limits.max_x"):
        read_file(tmp_path / "t.j2", 10, error=TemplateError, limit_name="limits.max_x")


def test_text_must_be_utf8(tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match="not UTF-8 text"):
        read_text_file(tmp_path / "t.j2", 100)


def test_the_digest_streams_and_matches_hashlib(tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 7)  # more than one chunk
    (tmp_path / "big.bin").write_bytes(data)
    assert file_digest(tmp_path / "big.bin", len(data)) == hashlib.sha256(data).hexdigest()
