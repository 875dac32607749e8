"""The one way the build opens a file it reads: confined, regular, and bounded before reading.

Sources, overrides, templates and their assets, the deck master and `deck.yaml`, the config and
manifests all go through `read_file` (or `file_digest`, which streams, for the freshness hash).
Each file must be

- inside its root when one is given, after following symlinks (a template partial linked to
  `/etc/passwd`, or a linked folder, is refused; a link that stays inside is fine);
- a regular file: folders, FIFOs, devices and sockets are refused before anything is opened,
  and the opened descriptor is checked again (a file swapped for a FIFO meanwhile is refused,
  and opening never blocks);
- no bigger than its limit, checked with `stat` before a byte is read, and read with a bound
  (a file growing meanwhile is refused too).

Each refusal is the caller's error type with one line naming the file and what to do.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from reportgen.errors import InputError, ReportgenError

CHUNK = 1 << 20
MAX_OVERRIDES_BYTES = 1024 * 1024  # an overrides file is a short list
MAX_RESOURCE_BYTES = 20 * 1024 * 1024  # an image, font or stylesheet a template refers to
MAX_TEMPLATE_BYTES = 2 * 1024 * 1024  # a template is a page of markup, not a data file
MAX_CONFIG_BYTES = 1024 * 1024
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    """What a non-regular file is, in the reader's words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def checked_stat(path: Path, *, root: Path | None = None, what: str = "file",
                 error: type[ReportgenError] = InputError) -> os.stat_result:
    """`path`'s stat when it is a regular file (inside `root`, links followed); `error` else."""
    try:
        path.lstat()
    except FileNotFoundError:
        raise error(f"{path}: no such file; check the path") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror}); check its permissions") from None
    if root is not None:  # links followed all the way: a linked folder counts too
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise error(f"{path}: a symbolic link that points to nothing; remove it or "
                        f"replace it with the {what} itself") from None
        if not real.is_relative_to(root.resolve()):
            raise error(f"{path}: a link to a file outside {root}, which is refused; copy the "
                        f"{what} into {root} instead")
    try:
        info = path.stat()
    except (OSError, RuntimeError):
        raise error(f"{path}: a symbolic link that points to nothing; remove it or replace it "
                    f"with the {what} itself") from None
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{path}: is {_kind(info.st_mode)}, not a {what}; name a regular file")
    return info


def read_file(path: Path, max_bytes: int, *, root: Path | None = None, what: str = "file",
              limit_name: str = "", error: type[ReportgenError] = InputError) -> bytes:
    """The bytes of `path`, a regular file inside `root` of at most `max_bytes`; `error` (one
    line naming the file, and `limit_name` the config key that raises the cap) otherwise."""
    info = checked_stat(path, root=root, what=what, error=error)
    if info.st_size > max_bytes:
        raise error(_too_big(path, info.st_size, max_bytes, what, limit_name))
    try:
        # O_NONBLOCK: a file swapped for a FIFO since the check must not block the open
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror}); check its permissions") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or opened.st_ino != info.st_ino:
            raise error(f"{path}: changed while being opened; try again")
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(CHUNK, left))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror}); check its permissions") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # it grew between the check and the read
        raise error(_too_big(path, len(data), max_bytes, what, limit_name))
    return data


def read_text_file(path: Path, max_bytes: int, *, root: Path | None = None, what: str = "file",
                   limit_name: str = "", error: type[ReportgenError] = InputError) -> str:
    """`read_file` decoded as UTF-8 (a BOM dropped); `error` when it is not UTF-8 text."""
    data = read_file(path, max_bytes, root=root, what=what, limit_name=limit_name, error=error)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (bad byte at offset {exc.start}); save it as "
                    "UTF-8") from None


def file_digest(path: Path, max_bytes: int, *, root: Path | None = None, what: str = "file",
                error: type[ReportgenError] = InputError) -> str:
    """The SHA-256 of `path`, read in chunks (never whole); the same checks as `read_file`."""
    info = checked_stat(path, root=root, what=what, error=error)
    if info.st_size > max_bytes:
        raise error(_too_big(path, info.st_size, max_bytes, what, ""))
    digest = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror}); check its permissions") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise error(f"{path}: changed while being opened; try again")
        read = 0
        while chunk := os.read(fd, CHUNK):
            read += len(chunk)
            if read > max_bytes:
                raise error(_too_big(path, read, max_bytes, what, ""))
            digest.update(chunk)
    finally:
        os.close(fd)
    return digest.hexdigest()


def safe_digest(path: Path, max_bytes: int, *, root: Path | None = None) -> str:
    """`file_digest`, or a marker naming the refusal (the stage that reads the file reports it;
    a plan must not stop on a file a format may not even use)."""
    try:
        return file_digest(path, max_bytes, root=root)
    except ReportgenError as exc:
        return "refused:" + hashlib.sha256(str(exc).encode("utf-8")).hexdigest()


def _too_big(path: Path, size: int, limit: int, what: str, limit_name: str) -> str:
    fix = f"raise {limit_name}" if limit_name else "use a smaller file"
    return f"{path}: file is {_size(size)}, over the {_size(limit)} limit for a {what}; {fix}"


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count:,} bytes"
