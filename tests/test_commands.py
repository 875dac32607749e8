"""`reportgen build` on the command line: summary, one line when nothing changed, exit codes,
and a no-op build that imports nothing heavy."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from build_fakes import install, project

from reportgen.cli import main


@pytest.fixture
def proj(tmp_path, monkeypatch):
    install(monkeypatch)
    p = project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return p


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def test_build_prints_a_summary_row_per_document_then_one_line_when_nothing_changed(proj):
    code, text = run("build", "--jobs", "2")
    assert code == 0
    lines = text.splitlines()
    assert all(line.startswith("built release-") for line in lines[:2])
    assert lines[2].split() == ["document", "outputs", "time", "warnings"]
    assert lines[3].split()[:5] == ["release-0", "pdf,", "html,", "pptx,", "json"]
    assert lines[-1].startswith("2 built in ")
    assert "built release-0: pdf, html, pptx, json" in text  # progress lines, not a tty
    code, text = run("build")
    assert code == 0
    assert text.count("\n") == 1
    assert text.startswith("nothing changed: 2 documents up to date in output ")


def test_build_options_choose_documents_formats_and_output_folder(proj):
    code, _ = run("build", "seeds/release-1.txt", "--formats", "json,pdf", "--out", "site")
    assert code == 0
    assert sorted(p.name for p in (proj.root / "site").iterdir()) == [".reportgen.lock",
                                                                      "index.html", "release-1"]
    assert (proj.root / "site" / "release-1" / "briefing.pdf").is_file()
    assert not (proj.root / "site" / "release-1" / "deck.pptx").exists()


def test_a_document_can_be_named_by_its_name_in_the_seeds_folder(proj):
    code, text = run("build", "release-1", "--formats", "json")
    assert code == 0
    assert (proj.root / "output" / "release-1" / "data.json").is_file()
    assert not (proj.root / "output" / "release-0").exists()


def test_an_unknown_document_name_is_one_error_line(proj, capsys):
    code, _ = run("build", "no-such-release")
    assert code == 1
    assert capsys.readouterr().err.strip().endswith("no such file or folder; check the path")


def test_a_failing_document_gives_exit_code_1_and_an_error_line(proj):
    (proj.seeds / "release-0.txt").write_text("FAIL\n")
    code, text = run("build")
    assert code == 1
    assert "error: release-0: " in text and "planted to fail" in text
    assert "1 built, 1 failed" in text


def test_an_unknown_format_is_a_usage_error(proj, capsys):
    with pytest.raises(SystemExit) as caught:
        run("build", "--formats", "pdf,docx")
    assert caught.value.code == 2
    assert "unknown format docx" in capsys.readouterr().err


def test_a_bad_config_file_is_one_error_message_and_exit_code_1(proj, capsys):
    (proj.root / "reportgen.toml").write_text('formats = "pdf"\n')
    code, _ = run("build")
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("reportgen: error: ")
    assert "reportgen.toml:1: formats: expected a non-empty list" in err


def test_a_no_op_build_imports_no_renderer(proj):
    assert run("build")[0] == 0
    code = (
        "import sys; from reportgen.cli import main; rc = main(['build']); "
        "heavy = sorted(m for m in ('matplotlib', 'weasyprint', 'pptx', 'jinja2', 'numpy', "
        "'PIL', 'yaml') if m in sys.modules); print(heavy); sys.exit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=proj.root, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [done.stdout.splitlines()[0], "[]"]
    assert done.stdout.startswith("nothing changed")


def test_a_missing_templates_folder_is_an_error_not_a_silent_fallback(proj, capsys):
    code, _ = run("build", "--templates", "our-templatse")
    assert code == 1
    assert capsys.readouterr().err == (
        "reportgen: error: our-templatse: templates folder not found; create it with "
        "'reportgen templates init our-templatse' or fix the path\n")


def test_strict_fails_on_an_unknown_config_key_and_builds_without_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Output reached 5 billion yuan in 2023.\n")
    (tmp_path / "reportgen.toml").write_text('colour = "red"\n')
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["build", "--strict", "--formats", "json"], stdout=io.StringIO()) == 1
    assert "reportgen.toml:1: unknown key 'colour'" in err.getvalue()
    assert "--strict" in err.getvalue()
    assert not (tmp_path / "output" / "a").exists()
    assert main(["build", "--formats", "json"], stdout=io.StringIO()) == 0
