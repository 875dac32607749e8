"""The checks a build makes before it starts, for commands that start builds later.

`reportgen schedule` and `reportgen watch` run their builds in other processes, often hours
after they start; a typo in `--config` or a missing folder must stop them at once, with the
message `reportgen build` would give, not at 06:00.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportgen.config import Config, load_config
from reportgen.errors import ConfigError


def checked_config(options: Mapping[str, Any]) -> Config:
    """The config `reportgen build` would use with these `build_all` keyword `options`, after
    the checks it makes before building; raises `ConfigError`/`InputError` like the build."""
    from reportgen.builder import _document_path, _find_sources, check_folders

    formats = options.get("formats")
    cfg = load_config(options.get("config"), {
        "output": options.get("out"), "templates": options.get("templates"),
        "formats": tuple(formats) if formats else None, "jobs": options.get("jobs")})
    strict_config(cfg, strict=bool(options.get("strict")))
    check_folders(cfg)
    documents = [_document_path(Path(d), cfg.seeds_dir) for d in options.get("documents") or ()]
    _find_sources(documents or [cfg.seeds_dir])
    return cfg


def strict_config(config: Config, *, strict: bool) -> None:
    """`ConfigError` listing the config's warnings (unknown keys) when `strict`."""
    if strict and config.warnings:
        raise ConfigError("\n".join([*config.warnings,
                                     "--strict: fix the config warnings above, or build "
                                     "without --strict"]))
