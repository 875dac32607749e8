"""`reportgen check --env`: each item with what it is for and whether it is found, on this
machine and on one where things are missing."""

from __future__ import annotations

import io
import shutil
import sys

from reportgen.cli import main
from reportgen.environment import (
    ABSENT,
    MISSING,
    OK,
    Finding,
    environment_report,
    font_findings,
    missing_required,
    program_findings,
    system_library_findings,
)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def test_check_env_names_python_libraries_system_libraries_fonts_and_programs():
    code, text = run("check", "--env")
    names = [line[10:].split("  ")[0] for line in text.splitlines()[:-1]]
    assert names[:2] == ["Python", "weasyprint"]
    for name in ("python-pptx", "matplotlib", "Pango", "HarfBuzz", "HarfBuzz-Subset",
                 "fonts, Latin", "fonts, Chinese (CJK)", "LibreOffice", "Chromium"):
        assert name in names, name
    python = text.splitlines()[0]
    assert python.startswith("[ok]") and sys.version.split()[0] in python
    assert " — runs reportgen (3.11 or newer)" in python
    assert code == (1 if "[MISSING]" in text else 0)


def test_versions_come_from_the_installed_libraries():
    from importlib.metadata import version

    found = {f.name: f for f in environment_report()}
    assert found["weasyprint"].detail == version("weasyprint")
    assert found["python-pptx"].found and found["python-pptx"].detail == version("python-pptx")


def test_pango_opens_with_its_version_and_a_library_that_is_not_there_is_missing():
    pango, nowhere, optional = system_library_findings((
        ("Pango", ("libpango-1.0.so.0",), "pango_version_string", "layout", True),
        ("Nowhere", ("libreportgen-nowhere.so.9", "reportgen-nowhere"), "", "nothing", True),
        ("Extra", ("libreportgen-extra.so.1",), "", "speed", False),
    ))
    assert pango.status == OK and pango.detail[0].isdigit() and pango.detail.count(".") == 2
    assert (nowhere.status, nowhere.detail) == (MISSING, "not found")
    assert optional.status == ABSENT
    assert missing_required([pango, nowhere, optional]) == 1


def test_fonts_are_read_from_fc_list_and_without_it_the_check_says_so():
    latin, cjk = font_findings()
    if shutil.which("fc-list"):
        assert latin.found and "DejaVu Sans" in latin.detail
    blind = font_findings(which=lambda name: None)
    assert [f.detail for f in blind] == ["cannot tell: fc-list not found "
                                         "(apt-get install fontconfig)"] * 2
    assert [f.status for f in blind] == [MISSING, ABSENT]  # CJK fonts are optional
    assert "fonts-noto-cjk" in cjk.needed_for


def test_libreoffice_and_chromium_are_optional_and_found_on_path():
    absent = program_findings(which=lambda name: None)
    assert [(f.name, f.status) for f in absent] == [("LibreOffice", ABSENT),
                                                     ("Chromium", ABSENT)]
    found = program_findings(which=lambda name: f"/opt/bin/{name}")
    assert [f.detail for f in found] == ["/opt/bin/soffice", "/opt/bin/chromium"]


def test_a_missing_required_item_is_a_failure_line_and_exit_code_1(monkeypatch):
    import reportgen.environment as environment

    broken = Finding("Pango", "layout", False, "not found")
    monkeypatch.setattr(environment, "system_library_findings", lambda: [broken])
    code, text = run("check", "--env")
    assert code == 1
    assert "[MISSING] Pango" in text and text.splitlines()[-1] == "1 required item missing"
