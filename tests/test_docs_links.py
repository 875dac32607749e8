"""The docs name only what exists: every relative link and every `*.md` file they mention is in
the repository, and every config key the template READMEs mention is a real key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportgen.config import SCHEMA, TABLES
from reportgen.starter import readme

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_FILES = {"changes.md"}  # what a build writes, named in the docs but not in the repository
DOCS = [ROOT / "README.md", ROOT / "templates" / "README.md", *sorted((ROOT / "docs").glob("*.md")),
        ROOT / "benchmarks" / "README.md"]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_and_named_markdown_file_exists(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    targets = [m for m in re.findall(r"\]\(([^)#\s]+)", text) if "://" not in m]
    named = [n for n in re.findall(r"`([\w./-]+\.md)`", text)
             if n not in OUTPUT_FILES]
    missing = [t for t in targets if not (doc.parent / t).exists()]
    missing += [n for n in named if not (doc.parent / n).exists() and not (ROOT / n).exists()]
    assert missing == []


def _config_keys_named(text: str) -> list[str]:
    """Keys the text says are set in the config: `key` or `key = …` followed by 'in the config'."""
    return re.findall(r"`(\w+)(?: = [^`]*)?`(?: in the config| in `reportgen.toml`)", text)


def test_the_template_readmes_name_only_real_config_keys(tmp_path: Path) -> None:
    keys = {*SCHEMA, *TABLES}
    texts = [(ROOT / "templates" / "README.md").read_text(encoding="utf-8"),
             (ROOT / "docs" / "templates.md").read_text(encoding="utf-8"),
             readme(tmp_path, [])]
    named = [k for text in texts for k in _config_keys_named(text)]
    assert named, "no config key found to check"
    assert [k for k in named if k not in keys] == []
