"""`reportgen check`: planted mistakes in templates, CSS, deck and config are found, located."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import copy_seed

from reportgen.cli import main
from reportgen.starter import init_templates

SEED_STEM = "shanghai-industrial-economy-2022-09-14"


@pytest.fixture
def staff(tmp_path, monkeypatch):
    copy_seed(tmp_path / "seeds")
    init_templates(tmp_path / "mine")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "mine"


def check(*argv: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = main(["check", "--templates", "mine", *argv], stdout=out)
    return code, out.getvalue().splitlines()


def plant(path: Path, line: int, text: str) -> None:
    """Insert `text` so that it becomes line `line` of the file."""
    lines = path.read_text().splitlines()
    lines.insert(line - 1, text)
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.slow
def test_an_untouched_copy_of_the_templates_checks_out(staff):
    assert check() == (0, ["everything checks out"])


@pytest.mark.slow
def test_a_misspelt_name_is_found_with_its_file_and_line_by_rendering_the_real_data(staff):
    plant(staff / "briefing" / "partials" / "glance.html.j2", 3, "{{ headlines[0] }}")
    code, lines = check()
    assert code == 1
    assert (f"mine/briefing/partials/glance.html.j2:3: 'headlines' is undefined "
            f"(release {SEED_STEM})") in lines
    assert lines[-1] == "1 problem, 0 warnings"


@pytest.mark.slow
def test_a_jinja_syntax_error_is_found_with_its_file_and_line(staff):
    plant(staff / "briefing" / "partials" / "cover.html.j2", 2, "<p>{{ title }</p>")
    code, lines = check()
    assert code == 1
    assert any(line.startswith("mine/briefing/partials/cover.html.j2:2: unexpected '}'")
               for line in lines), lines


@pytest.mark.slow
def test_css_that_would_be_ignored_is_reported_with_line_and_column(staff):
    (staff / "briefing" / "custom.css").write_text("p {\n  colr: red;\n}\n")
    code, lines = check()
    assert code == 1
    assert "mine/briefing/custom.css:2:3: Ignored `colr: red`, unknown property." in lines


@pytest.mark.slow
def test_a_layout_missing_from_the_master_is_reported(staff):
    deck = staff / "deck" / "deck.yaml"
    text = deck.read_text()
    assert text.count("  - layout: Title\n") == 1  # the cover's entry, on a layout of its own
    deck.write_text(text.replace("  - layout: Title\n", "  - layout: Farewell\n"))
    code, lines = check()
    assert code == 1
    assert any("lacks the layout(s) 'Farewell'" in line for line in lines), lines


def test_a_bad_config_is_reported_with_its_key_first(staff):
    (staff.parent / "reportgen.toml").write_text('jobs = "two"\n')
    code, lines = check()
    assert code == 1
    assert lines[0].endswith('reportgen.toml:1: jobs: expected a whole number from 1 to 256, '
                             'found "two"')


@pytest.mark.slow
def test_a_bad_config_does_not_hide_template_and_overrides_mistakes(staff):
    (staff.parent / "reportgen.toml").write_text('jobs = "two"\n')
    plant(staff / "briefing" / "partials" / "cover.html.j2", 2, "<p>{{ title }</p>")
    (staff.parent / "seeds" / f"{SEED_STEM}.overrides.yaml").write_text(
        "facts:\n  no-such-fact:\n    hidden: true\n")
    code, lines = check()
    assert code == 1
    assert "jobs: expected a whole number" in lines[0]
    assert any(line.startswith("mine/briefing/partials/cover.html.j2:2:") for line in lines)
    assert any("no-such-fact" in line and "overrides.yaml:2" in line for line in lines), lines


@pytest.mark.slow
def test_every_misspelt_name_in_every_template_is_reported_in_one_run(staff):
    plant(staff / "briefing" / "partials" / "glance.html.j2", 3, "{{ headlines[0] }}")
    plant(staff / "briefing" / "partials" / "cover.html.j2", 2, "<p>{{ subtitel }}</p>")
    plant(staff / "briefing" / "partials" / "cover.html.j2", 4, "{% if orgnisation %}x{% endif %}")
    code, lines = check()
    assert code == 1
    release = f"(release {SEED_STEM})"
    assert f"mine/briefing/partials/glance.html.j2:3: 'headlines' is undefined {release}" in lines
    assert f"mine/briefing/partials/cover.html.j2:2: 'subtitel' is undefined {release}" in lines
    assert f"mine/briefing/partials/cover.html.j2:4: 'orgnisation' is undefined {release}" in lines
    assert lines[-1] == "3 problems, 0 warnings"


@pytest.mark.slow
def test_every_mistake_in_an_overrides_file_is_reported_with_its_line(staff):
    (staff.parent / "seeds" / f"{SEED_STEM}.overrides.yaml").write_text(
        "facts:\n  no-such-fact:\n    hidden: true\n"
        "  industrial-added-value-2021:\n    hiden: true\n    year: 1066\n"
        "add:\n  - value: 3\n"
        "colour: red\n")
    code, lines = check()
    assert code == 1
    path = f"seeds/{SEED_STEM}.overrides.yaml"
    found = [line.split(path, 1)[1] for line in lines if path in line]
    assert [line.split(":")[1] for line in found] == ["2", "5", "6", "8", "9"], lines
    assert f"lists every id of release {SEED_STEM}" in found[0]


@pytest.mark.slow
def test_an_overrides_file_naming_an_unknown_fact_is_reported(staff):
    stem = next((staff.parent / "seeds").glob("*.txt")).stem
    (staff.parent / "seeds" / f"{stem}.overrides.yaml").write_text(
        "facts:\n  no-such-fact:\n    hide: true\n")
    code, lines = check()
    assert code == 1
    assert any("no-such-fact" in line and "overrides.yaml" in line for line in lines), lines


@pytest.mark.slow
def test_an_unknown_name_in_deck_yaml_is_found_with_its_line(staff):
    deck = staff / "deck" / "deck.yaml"
    lines = deck.read_text().splitlines()
    # the Sources slide: on every deck, so its title is always filled
    number = next(i for i, line in enumerate(lines, 1) if line.strip() == "title: Sources")
    lines[number - 1] = lines[number - 1].replace("Sources", '"{{ agenda_title }}"')
    deck.write_text("\n".join(lines) + "\n")
    code, found = check()
    assert code == 1
    assert (f"mine/deck/deck.yaml:{number}: 'agenda_title' is undefined "
            f"(release {SEED_STEM})") in found
