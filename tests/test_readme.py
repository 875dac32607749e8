"""The README's promises hold: its overrides example applies to the bundled seed as written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from reportgen.pipeline import load_briefing

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_overrides_example_applies_to_the_seed(seed_path: Path, tmp_path: Path):
    example = re.search(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert example, "README has no overrides example"
    source = tmp_path / seed_path.name
    shutil.copy(seed_path, source)
    source.with_suffix(".overrides.yaml").write_text(example.group(1), encoding="utf-8")
    briefing = load_briefing(source)
    assert briefing.fact("industrial-added-value-2021").label == "Industrial added value"
    assert briefing.fact("robot-density-relative-international-average").hidden
    added = [f for f in briefing.facts if f.metric == "GDP"]
    assert [(f.value, f.year, f.overridden) for f in added] == [(4.47e12, 2022, True)]


def test_the_readme_set_up_is_two_commands_and_ci_runs_its_test_command():
    text = README.read_text(encoding="utf-8")
    setup = text.split("## Set-up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    commands = [line.strip() for line in setup.splitlines() if line.startswith("    ")]
    assert len(commands) == 2 and "reportgen build" in commands[0]
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
