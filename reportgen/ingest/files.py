"""Read a source file's bytes safely and decode them into text."""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.errors import InputError
from reportgen.files import read_file


def read_bytes(path: Path, max_bytes: int, root: Path | None = None) -> bytes:
    """The bytes of `path`, refusing what is not a regular file (inside `root` when given),
    files over `max_bytes` (checked before reading) and empty files."""
    raw = read_file(path, max_bytes, root=root, what="source file",
                    limit_name="limits.max_source_bytes")
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

