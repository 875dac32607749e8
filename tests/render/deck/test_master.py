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
    assert "is a folder, not a master" in _one_line_error(folder)


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


def _rewritten(tmp_path: Path, change) -> Path:
    """A copy of the shipped master with each part passed through `change(name, data)`
    (returning None drops the part, a (name, data) pair renames or replaces it)."""
    path = tmp_path / "master.pptx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, \
            zipfile.ZipFile(SHIPPED) as shipped:
        for info in shipped.infolist():
            result = change(info.filename, shipped.read(info))
            if result is not None:
                archive.writestr(*result)
    return path


def test_a_fifo_as_master_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "master.pptx"
    os.mkfifo(fifo)
    assert "named pipe (FIFO)" in _one_line_error(fifo)


def test_a_dangling_link_as_master_is_one_line(tmp_path: Path) -> None:
    link = tmp_path / "master.pptx"
    link.symlink_to(tmp_path / "gone.pptx")
    assert "points to nothing" in _one_line_error(link)


def test_a_corrupt_deflate_stream_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "master.pptx"
    data = bytearray(SHIPPED.read_bytes())
    with zipfile.ZipFile(SHIPPED) as shipped:
        info = shipped.getinfo("ppt/presentation.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 4, start + min(info.compress_size, 60)):
        data[i] ^= 0x5A  # scramble the compressed bytes, keep the directory
    path.write_bytes(bytes(data))
    assert "not a readable .pptx" in _one_line_error(path)


def test_a_master_without_a_slide_master_is_refused(tmp_path: Path) -> None:
    import re

    def drop_master_rel(name: str, data: bytes):
        if name == "ppt/_rels/presentation.xml.rels":
            data = re.sub(rb'<Relationship [^>]*slideMaster"[^>]*/>', b"", data)
        return name, data

    assert "has no slide master" in _one_line_error(_rewritten(tmp_path, drop_master_rel))


def test_a_relationship_to_a_missing_part_is_refused(tmp_path: Path) -> None:
    path = _rewritten(tmp_path, lambda name, data: None if name.startswith(
        "ppt/slideLayouts/slideLayout1.xml") else (name, data))
    message = _one_line_error(path)
    assert "slideLayout1.xml" in message and "missing" in message


def test_a_main_part_that_is_not_a_presentation_is_refused(tmp_path: Path) -> None:
    def retype(name: str, data: bytes):
        if name == "[Content_Types].xml":
            data = data.replace(b"presentationml.presentation.main+xml",
                                b"wordprocessingml.document.main+xml")
        return name, data

    assert "not a PowerPoint presentation" in _one_line_error(_rewritten(tmp_path, retype))


@pytest.mark.parametrize("part", ["ppt/media/notes.dat", "ppt/theme/theme9.bin"])
def test_an_xml_part_is_parsed_safely_whatever_its_name(tmp_path: Path, part: str) -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>')

    def add_part(name: str, data: bytes):
        return name, data

    path = _rewritten(tmp_path, add_part)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(part, laughs)
    message = _one_line_error(path)
    assert part in message and "DOCTYPE or entity" in message


def test_a_part_with_an_xml_content_type_is_parsed_even_when_renamed(tmp_path: Path) -> None:
    def rename_theme(name: str, data: bytes):
        if name == "ppt/theme/theme1.xml":
            return "ppt/theme/theme1.dat", data.replace(b"<a:theme", b"<a:theme x='&undefined;'")
        if name.endswith(".rels") or name == "[Content_Types].xml":
            data = data.replace(b"theme1.xml", b"theme1.dat")
        return name, data

    message = _one_line_error(_rewritten(tmp_path, rename_theme))
    assert "ppt/theme/theme1.dat" in message and "not valid XML" in message


def test_read_master_returns_the_bytes_it_checked(tmp_path: Path) -> None:
    from reportgen.render.deck.master import read_master

    data, layouts = read_master(SHIPPED, Limits())
    assert data == SHIPPED.read_bytes() and sorted(layouts) == sorted(LAYOUTS)
