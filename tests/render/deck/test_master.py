"""Bad PowerPoint masters are refused with one clear line before python-pptx opens them."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

from reportgen.config import Config, Limits
from reportgen.errors import MasterError
from reportgen.render.deck.master import check_master, missing_layouts
from reportgen.templating import DEFAULTS_DIR

SHIPPED = DEFAULTS_DIR / "deck" / "master.pptx"
LAYOUTS = ("Title", "Section", "Title and Content", "Chart", "Two Content", "Table", "Closing")


def _one_line_error(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(MasterError) as caught:
        check_master(path, limits or Limits())
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_shipped_master_passes_and_lists_its_layouts() -> None:
    assert sorted(check_master(SHIPPED, Limits())) == sorted(LAYOUTS)


def test_zero_byte_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "master.pptx"
    path.write_bytes(b"")
    assert "empty (0-byte)" in _one_line_error(path)


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "master.pptx"
    path.write_bytes(bytes(range(256)) * 40)
    assert "not a zip archive" in _one_line_error(path)


def test_renamed_docx_is_named_as_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "master.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert "Word document" in _one_line_error(path)


def test_missing_path_is_refused(tmp_path: Path) -> None:
    assert "not found" in _one_line_error(tmp_path / "nowhere.pptx")


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "master.pptx"
    folder.mkdir()
    assert "is a directory" in _one_line_error(folder)


def test_zip_bomb_is_refused_from_the_directory_without_inflating(tmp_path: Path) -> None:
    path = tmp_path / "master.pptx"
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(SHIPPED) as shipped:
            for info in shipped.infolist():
                archive.writestr(info.filename, shipped.read(info))
        with archive.open("ppt/media/padding.bin", "w") as member:
            for _ in range(48):
                member.write(chunk)
    assert path.stat().st_size < 1024 * 1024  # 48 MB of zeros compress to almost nothing
    limits = Limits(max_master_uncompressed_bytes=16 * 1024 * 1024)
    tracemalloc.start()
    message = _one_line_error(path, limits)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "zip bomb" in message and "padding.bin" in message
    assert peak < 4 * 1024 * 1024


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "master.pptx"
    path.write_bytes(SHIPPED.read_bytes())
    assert "max_master_bytes" in _one_line_error(path, Limits(max_master_bytes=1000))


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE x [<!ENTITY lol "lol">]>',
    '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
])
def test_xml_part_with_doctype_or_entity_is_refused(tmp_path: Path, declaration: str) -> None:
    path = tmp_path / "master.pptx"
    with zipfile.ZipFile(path, "w") as archive, zipfile.ZipFile(SHIPPED) as shipped:
        for info in shipped.infolist():
            data = shipped.read(info)
            if info.filename == "ppt/presentation.xml":
                head, _, rest = data.partition(b"?>")
                data = head + b"?>" + declaration.encode() + rest
            archive.writestr(info.filename, data)
    message = _one_line_error(path)
    assert "ppt/presentation.xml" in message and "DOCTYPE or entity" in message


def test_missing_layouts_lists_each_name_once_in_first_use_order() -> None:
    needed = ["Title", "Agenda", "Chart", "Agenda", "Appendix"]
    assert missing_layouts(LAYOUTS, needed) == ["Agenda", "Appendix"]
    assert missing_layouts(LAYOUTS, ["title and content", "CHART"]) == []


def test_render_deck_refuses_a_bad_staff_master_before_opening_it(tmp_path: Path,
                                                                  synthetic) -> None:
    from reportgen.render.deck import render_deck

    deck_dir = tmp_path / "deck"
    deck_dir.mkdir()
    (deck_dir / "master.pptx").write_bytes(b"")
    with pytest.raises(MasterError, match="empty"):
        render_deck(synthetic, [], Config(templates_dir=tmp_path))
