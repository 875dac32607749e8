"""`${VAR}` in config values: read from the environment when the config is loaded.

Servers keep paths and names in the environment (`output = "${BRIEFINGS_DIR}/output"`). Only
string values are expanded (in tables and lists too); `$${` writes a literal `${`. An unset
variable is reported by the config loader with its key and line, never left in a path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

_VARIABLE = re.compile(r"\$(\$)?\{([A-Za-z_][A-Za-z0-9_]*)\}")


def expand_variables(raw: Mapping[str, Any], environ: Mapping[str, str] | None = None,
                     ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """`raw` with every `${VAR}` in its string values replaced from `environ` (default: the
    process environment), and the (dotted key, variable) pairs of variables that are unset.

    A key holding an unset variable is left out of the result, so that the unset variable is
    the one problem reported for it (not also a malformed value)."""
    env = os.environ if environ is None else environ
    unset: list[tuple[str, str]] = []
    expanded = _expand_table(raw, "", env, unset)
    for key, _ in unset:
        table, _, name = key.rpartition(".")
        (expanded.get(table, {}) if table else expanded).pop(name, None)
    return expanded, unset


def _expand_table(table: Mapping[str, Any], prefix: str, env: Mapping[str, str],
                  unset: list[tuple[str, str]]) -> dict[str, Any]:
    return {key: _expand(value, f"{prefix}{key}", env, unset) for key, value in table.items()}


def _expand(value: Any, key: str, env: Mapping[str, str], unset: list[tuple[str, str]]) -> Any:
    if isinstance(value, dict):
        return _expand_table(value, f"{key}.", env, unset)
    if isinstance(value, list):
        return [_expand(item, key, env, unset) for item in value]
    if not isinstance(value, str):
        return value

    def replace(match: re.Match[str]) -> str:
        escaped, name = match.groups()
        if escaped:
            return "${" + name + "}"
        if name not in env:
            unset.append((key, name))
            return match.group(0)
        return env[name]

    return _VARIABLE.sub(replace, value)
