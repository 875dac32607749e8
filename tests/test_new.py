"""`reportgen new DIR`: a project folder that builds at once, and never over someone's files."""

from __future__ import annotations

import io
import re
import tomllib

import pytest
from conftest import SEED

from reportgen.cli import main
from reportgen.config import SCHEMA, TABLES, load_config
from reportgen.new import EXAMPLE, EXAMPLES_DIR, config_text, new_project


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def test_the_shipped_example_is_the_bundled_release():
    assert (EXAMPLES_DIR / EXAMPLE).read_bytes() == SEED.read_bytes()


def test_new_writes_config_example_release_and_templates_readme(tmp_path):
    code, text = run("new", str(tmp_path / "briefings"))
    assert code == 0
    folder = tmp_path / "briefings"
    assert (folder / "seeds" / EXAMPLE).read_bytes() == SEED.read_bytes()
    assert "reportgen templates init templates" in (folder / "templates" / "README.md").read_text()
    assert (folder / ".gitignore").read_text() == "output/\n"
    assert "next: cd " in text.splitlines()[-1]
    config = load_config(folder / "reportgen.toml")
    assert config.warnings == ()
    assert config.seeds_dir == folder / "seeds" and config.output_dir == folder / "output"


def test_every_config_key_is_shown_with_what_it_does_and_uncommented_it_is_valid(tmp_path):
    text = config_text()
    for key, option in SCHEMA.items():
        assert f"# {option.doc}\n" in text and re.search(rf"^(# )?{key} = ", text, re.M), key
    for table, schema in TABLES.items():
        assert f"# [{table}]" in text
        assert all(f"# {key} = " in text for key in schema)
    # every commented-out key, uncommented, is a valid config with its default value
    setting = re.compile(r"^(?:# )?(\[[a-z]+\]|[a-z_]+ = .*?)(?:  # .*)?$")
    uncommented = "\n".join(m.group(1) for m in map(setting.match, text.splitlines()) if m)
    tomllib.loads(uncommented)
    (tmp_path / "reportgen.toml").write_text(uncommented)
    assert load_config(tmp_path / "reportgen.toml").warnings == ()


def test_an_existing_non_empty_folder_is_refused_with_one_line(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    code, _ = run("new", str(folder))
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "already exists and is not empty" in err
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_an_existing_empty_folder_is_used(tmp_path):
    (tmp_path / "empty").mkdir()
    assert len(new_project(tmp_path / "empty")) == 4


@pytest.mark.slow
def test_a_new_project_builds_at_once_into_a_readable_pdf_and_deck(tmp_path, monkeypatch):
    from pptx import Presentation
    from pypdf import PdfReader

    run("new", str(tmp_path / "briefings"))
    monkeypatch.chdir(tmp_path / "briefings")
    code, text = run("build")
    assert code == 0, text
    out = tmp_path / "briefings" / "output" / EXAMPLE.removesuffix(".txt")
    pdf = PdfReader(out / "briefing.pdf")
    assert len(pdf.pages) > 3 and "Shanghai" in pdf.pages[0].extract_text()
    assert len(Presentation(str(out / "deck.pptx")).slides) > 5
    assert (out / "data.json").is_file() and (out / "briefing.html").is_file()
