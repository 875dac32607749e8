"""Compiled regular expressions kept between runs, as Python keeps compiled modules in .pyc files.

The extractor's ~250 patterns take ~30 ms to compile, a fifth of `reportgen extract`; the
compiled form is cheap to rebuild from the code `re` makes of a pattern. `load()` puts each
pattern of the cache file into the `re` module's own cache, so that `re.compile`, `re.search`
and the rest find it compiled; `save()` writes the patterns `re` holds at the end of a run when
any were compiled anew (at most `re`'s 512, so the file stays small).

It uses internals of CPython's `re` (its cache, its compiler, `_sre.compile`), keyed by the
interpreter's version and `_sre.MAGIC`; on any other interpreter, or should anything not be as
expected, nothing is cached and every pattern is compiled as usual. Like bytecode, nothing is
written when Python is told not to (`PYTHONDONTWRITEBYTECODE`).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What `_sre.compile` takes besides the pattern: flags, code, groups, group index by name, and
group names by index."""

_loaded: dict[tuple[str, int], Entry] = {}


def cache_file() -> Path | None:
    """Where this interpreter's compiled patterns are kept; None when it is not CPython."""
    if sys.implementation.name != "cpython":
        return None
    import _sre

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
    return Path(base) / "reportgen" / f"regex-{tag}.marshal"


def load(path: Path | None = None) -> int:
    """Put the patterns kept in `path` (default: `cache_file()`) into `re`'s cache; how many."""
    with contextlib.suppress(Exception):  # a missing or unreadable cache: compile as usual
        import _sre

        path = path or cache_file()
        if path is None:
            return 0
        entries: dict[tuple[str, int], Entry] = marshal.loads(path.read_bytes())
        for (pattern, flags), (all_flags, code, groups, by_name, names) in entries.items():
            compiled = _sre.compile(pattern, all_flags, code, groups, by_name, names)
            re._cache[(str, pattern, flags)] = compiled  # type: ignore[attr-defined]
        _loaded.update(entries)
        return len(entries)
    return 0


def save(path: Path | None = None) -> bool:
    """Write the string patterns `re` holds now to `path` (default: `cache_file()`) when some
    were compiled since `load()`; True when written."""
    with contextlib.suppress(Exception):  # the cache is only a head start
        path = path or cache_file()
        if path is None or sys.dont_write_bytecode:
            return False
        held = [(key[1], int(key[2])) for key in list(re._cache)  # type: ignore[attr-defined]
                if key[0] is str]
        if all(key in _loaded for key in held):
            return False
        entries = {key: _loaded.get(key) or _entry(*key) for key in held}
        path.parent.mkdir(parents=True, exist_ok=True)
        spare = path.with_name(f"{path.name}.{os.getpid()}")
        spare.write_bytes(marshal.dumps(entries))
        os.replace(spare, path)  # whole or not at all, should two runs write at once
        _loaded.update(entries)
        return True
    return False


def _entry(pattern: str, flags: int) -> Entry:
    """What `re` compiles `pattern` to, as `_sre.compile` takes it (re._compiler.compile)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed: Any = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    by_name = dict(parsed.state.groupdict)
    names: list[str | None] = [None] * parsed.state.groups
    for name, index in by_name.items():
        names[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, by_name, tuple(names)
