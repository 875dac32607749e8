"""Read a source file's bytes safely and decode them into text."""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.errors import InputError


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, refusing folders, missing files and files over `max_bytes`."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; name a .txt, .md, .html, .pdf or .docx file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
            "for a source; split it or raise limits.max_source_bytes"
        )
    try:
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    if len(raw) > max_bytes:  # the file grew between stat and read
        raise InputError(f"{path}: file is over the {max_bytes / 1e6:.1f} MB limit for a source")
    if not raw.strip():
        raise InputError(f"{path}: file is empty; put the press release in it")
    return raw


def decode_text(raw: bytes, path: Path) -> str:
    """`raw` decoded as UTF-8 (BOM or not) or BOM-marked UTF-16; `InputError` for anything else."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: broken UTF-16 text; save it as UTF-8") from exc
        return _check_text(text.lstrip("\ufeff"), path)
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary data, not text; {_KINDS}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
        ) from exc
    return _check_text(text, path)


_KINDS = "give a .txt, .md, .html, .pdf or .docx press release"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _check_text(text: str, path: Path) -> str:
    """`text` unless it is mostly control characters (binary data that happens to decode)."""
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{path}: binary data, not text; {_KINDS}")
    return text


def normalise_newlines(text: str) -> str:
    """`text` with Windows and old-Mac line endings turned into `\\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n")

