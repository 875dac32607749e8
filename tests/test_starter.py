"""`reportgen templates init DIR`: a full copy of the defaults plus a README of every file."""

from __future__ import annotations

import io

import pytest

from reportgen.cli import main
from reportgen.errors import InputError
from reportgen.starter import FILE_ROLES, init_templates, shipped_files
from reportgen.templating import DEFAULTS_DIR


def test_init_copies_every_shipped_template_byte_for_byte(tmp_path):
    folder = tmp_path / "mine"
    init_templates(folder)
    names = shipped_files()
    assert "briefing/briefing.html.j2" in names and "deck/master.pptx" in names
    for name in names:
        assert (folder / name).read_bytes() == (DEFAULTS_DIR / name).read_bytes()


def test_the_readme_says_what_every_copied_file_controls(tmp_path):
    init_templates(tmp_path / "mine")
    readme = (tmp_path / "mine" / "README.md").read_text()
    for name in shipped_files():
        assert f"| `{name}` |" in readme
    assert "reportgen build --templates" in readme and "reportgen check" in readme


def test_every_shipped_file_has_a_written_description():
    assert set(shipped_files()) <= set(FILE_ROLES)


def test_init_refuses_to_overwrite_edits_unless_forced(tmp_path):
    folder = tmp_path / "mine"
    init_templates(folder)
    (folder / "briefing" / "custom.css").write_text(":root { --accent: #123456; }\n")
    with pytest.raises(InputError, match="already holds .*; choose an empty folder"):
        init_templates(folder)
    assert "123456" in (folder / "briefing" / "custom.css").read_text()
    init_templates(folder, overwrite=True)
    assert "123456" not in (folder / "briefing" / "custom.css").read_text()


def test_the_command_reports_what_it_wrote(tmp_path):
    out = io.StringIO()
    assert main(["templates", "init", str(tmp_path / "t")], stdout=out) == 0
    assert out.getvalue().startswith(f"wrote {len(shipped_files()) + 1} files to ")
