"""What a newcomer meets correcting figures: ids printed in full, a broken overrides file still
shows the table, a `label:` that takes a chart away says so, and the documented "quote a
figure by id" example works for every release."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

from render_support import config

from reportgen.cli import main
from reportgen.pipeline import load_briefing
from reportgen.render.briefing.html import render_html

ROOT = Path(__file__).resolve().parent.parent
OTHER_RELEASE = ("Trade in 2023 (Jan. 20, 2024)\n\nThe city's exports reached 2.1 trillion "
                 "yuan in 2023, up 5 percent year-on-year.\n")


def _release(seed_path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(seed_path, folder / seed_path.name))


def test_extract_prints_every_id_in_full(seed_path: Path) -> None:
    out = io.StringIO()
    assert main(["extract", str(seed_path)], stdout=out) == 0
    ids = [f.id for f in load_briefing(seed_path).visible_facts]
    assert max(len(i) for i in ids) > 44  # the old cut
    first_column = {line.split("  ")[0] for line in out.getvalue().splitlines()}
    assert set(ids) <= first_column
    assert "…" not in "".join(first_column)


def test_a_broken_overrides_file_still_prints_the_table_and_hints_no_overrides(
        seed_path: Path, tmp_path: Path) -> None:
    source = _release(seed_path, tmp_path)
    broken = source.with_name(f"{source.stem}.overrides.yaml")
    broken.write_text("facts:\n  no-such-id:\n    hidden: true\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "reportgen.cli", "extract", str(source)],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 1
    assert "industrial-added-value-2021" in done.stdout  # the ids the file should name
    assert f"{broken}:2: unknown fact id 'no-such-id'" in done.stderr
    assert "--no-overrides" in done.stderr and "Traceback" not in done.stderr


def test_a_label_override_that_takes_a_chart_away_says_so(seed_path: Path,
                                                          tmp_path: Path) -> None:
    source = _release(seed_path, tmp_path)
    source.with_name(f"{source.stem}.overrides.yaml").write_text(
        "facts:\n  industrial-added-value-2021:\n    label: Value added by industry\n",
        encoding="utf-8")
    warnings = [w for w in load_briefing(source).warnings if "no longer drawn" in w]
    assert len(warnings) == 1
    assert "chart 'growth-industrial-added-value'" in warnings[0]
    assert "industrial-added-value-2011" in warnings[0] and ".overrides.yaml" in warnings[0]


def test_a_label_override_that_keeps_the_charts_warns_of_nothing(seed_path: Path,
                                                                 tmp_path: Path) -> None:
    source = _release(seed_path, tmp_path)
    source.with_name(f"{source.stem}.overrides.yaml").write_text(
        "facts:\n  industrial-added-value-2021:\n    label: Industrial added value\n",
        encoding="utf-8")
    assert not [w for w in load_briefing(source).warnings if "no longer drawn" in w]


def _documented_example(doc: Path, fact_id: str) -> str:
    """The docs' "quote a figure by id" example with `fact_id` where it says ID."""
    text = doc.read_text(encoding="utf-8")
    example = next(block for block in re.findall(r"```jinja\n(.*?)```", text, re.S)
                   if "has_fact('ID')" in block)
    example = example.split("{# Add a sentence", 1)[-1].split("#}", 1)[-1]
    return example.replace("'ID'", repr(fact_id))


def test_the_documented_quote_by_id_example_works_for_every_release(
        seed_path: Path, tmp_path: Path) -> None:
    for doc in (ROOT / "docs" / "templates.md", ROOT / "templates" / "README.md"):
        staff = tmp_path / doc.parent.name / "briefing"
        staff.mkdir(parents=True)
        example = _documented_example(doc, "industrial-added-value-2021")
        if "{% block" not in example:  # docs/templates.md shows the sentence alone
            example = "{% block glance %}{{ super() }}" + example + "{% endblock %}\n"
        (staff / "briefing.html.j2").write_text(
            '{% extends "default/briefing/briefing.html.j2" %}\n' + example, encoding="utf-8")
        other = tmp_path / "other.txt"
        other.write_text(OTHER_RELEASE, encoding="utf-8")
        cfg = config(templates_dir=staff.parent)
        with_id = render_html(load_briefing(seed_path), [], cfg).data.decode()
        without = render_html(load_briefing(other), [], cfg).data.decode()
        assert "Industrial added value reached" in with_id, doc
        assert "Industrial added value reached" not in without, doc


def test_check_names_the_release_that_lacks_a_quoted_id(seed_path: Path, tmp_path: Path,
                                                        monkeypatch) -> None:
    _release(seed_path, tmp_path / "seeds")
    (tmp_path / "seeds" / "trade.txt").write_text(OTHER_RELEASE, encoding="utf-8")
    partial = tmp_path / "mine" / "briefing" / "briefing.html.j2"
    partial.parent.mkdir(parents=True)
    partial.write_text('{% extends "default/briefing/briefing.html.j2" %}\n'
                       "{% block glance %}{{ cite(fact('industrial-added-value-2021')) }}"
                       "{% endblock %}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert main(["check", "--templates", "mine"], stdout=out) == 1
    problems = [line for line in out.getvalue().splitlines() if "unknown fact id" in line]
    assert len(problems) == 1 and problems[0].endswith("(release trade)"), problems
