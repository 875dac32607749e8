"""`reportgen extract`: JSON contract, table, several files, clean errors, light imports."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.cli import main

RELEASE = ("City releases 2023 figures (Jan. 20, 2024)\n\nThe city's GDP reached 4.72 trillion "
           "yuan in 2023, up 5 percent year-on-year.\n")


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, stdout=out), out.getvalue()


def test_json_follows_the_extract_contract(seed_path: Path) -> None:
    code, out = run(["extract", "--json", str(seed_path)])
    data = json.loads(out)
    assert code == 0
    assert data["schema"] == "reportgen.extract/1"
    assert data["document"]["date"] == "2022-09-14"
    assert len(data["document"]["sha256"]) == 64
    assert [s["number"] for s in data["sections"]] == [0, 1, 2, 3, 4]
    fact = next(f for f in data["facts"] if f["text"] == "1.0739 trillion yuan")
    assert fact | {"sentence": ""} == fact | {
        "id": "industrial-added-value-2021", "value": 1073900000000.0, "unit": "yuan",
        "qualifier": "exact", "year": 2021, "is_target": False,
        "metric": "industrial added value", "sentence": "", "section": "Introduction",
        "topic": None, "overridden": False}
    source = seed_path.read_text(encoding="utf-8")
    assert all(source[f["span"][0]:f["span"][1]] == f["text"] for f in data["facts"])


def test_ids_are_identical_across_runs(seed_path: Path) -> None:
    first = json.loads(run(["extract", "--json", str(seed_path)])[1])
    second = json.loads(run(["extract", "--json", str(seed_path)])[1])
    assert [f["id"] for f in first["facts"]] == [f["id"] for f in second["facts"]]
    assert len({f["id"] for f in first["facts"]}) == len(first["facts"])


def test_table_lists_ids_values_and_metrics(seed_path: Path) -> None:
    code, out = run(["extract", str(seed_path)])
    assert code == 0
    assert "industrial-added-value-2021" in out and "1.07 trillion yuan" in out


def test_several_files_give_json_lines_of_the_one_file_shape(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Trade\n\nExports rose 3% in 2023.\n", encoding="utf-8")
    code, out = run(["extract", "--json", str(tmp_path)])
    documents = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [Path(d["document"]["path"]).name for d in documents] == ["a.txt", "b.md"]
    one = json.loads(run(["extract", "--json", str(tmp_path / "a.txt")])[1])
    assert documents[0] == one  # the same object, with `facts` at the top level
    assert all(d["schema"] == "reportgen.extract/1" and "facts" in d for d in documents)


def test_extract_help_says_which_json_shape_comes_out(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "one object for one file" in help_text and "JSON Lines" in help_text


def test_file_without_numbers_has_an_empty_fact_list(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("A release\n\nThe city held a meeting on growth.\n", encoding="utf-8")
    code, out = run(["extract", "--json", str(path)])
    data = json.loads(out)
    assert code == 0 and data["facts"] == []
    assert [w.split(": ", 1)[1][:13] for w in data["warnings"]] == ["no date found",
                                                                    "no figures fo"]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"  \n", "file is empty"),
    ("blob.txt", bytes(range(256)), "binary data"),
    ("latin.txt", "Caf\u00e9 5%".encode("latin-1"), "not UTF-8 text"),
    ("huge.txt", b"x" * (10 * 1024 * 1024), "over the"),
], ids=["empty", "binary", "latin-1", "10-MB"])
def test_bad_input_is_one_line_naming_the_file_and_exit_1(tmp_path: Path, name: str, data: bytes,
                                                          message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "reportgen.cli", "extract", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and message in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_missing_path_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "reportgen.cli", "extract",
                             str(tmp_path / "gone.txt")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert "gone.txt: no such file" in result.stderr and "Traceback" not in result.stderr


def test_extract_imports_no_chart_pdf_deck_template_or_yaml_library(seed_path: Path) -> None:
    code = (
        "import io, sys\n"
        "from reportgen.cli import main\n"
        f"rc = main(['extract', '--json', {str(seed_path)!r}], stdout=io.StringIO())\n"
        "heavy = [m for m in ('matplotlib', 'weasyprint', 'pptx', 'jinja2', 'yaml')\n"
        "         if m in sys.modules]\n"
        "print(rc, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "0 []"


def test_the_script_prints_everything_before_its_quick_exit(seed_path: Path) -> None:
    import gc

    code, expected = run(["extract", "--json", str(seed_path)])
    assert gc.isenabled()  # paused during the command only
    result = subprocess.run([sys.executable, "-m", "reportgen.cli", "extract", "--json",
                             str(seed_path)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (code, expected)
    piped = subprocess.run(f"{sys.executable} -m reportgen.cli extract {seed_path} | head -1",
                           shell=True, capture_output=True, text=True, check=True)
    assert piped.stdout and "Traceback" not in piped.stderr


def test_table_prints_the_briefings_warnings_to_stderr(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Trade news\n\nExports rose 3 percent last year.\n", encoding="utf-8")
    code, out = run(["extract", str(path)])
    err = capsys.readouterr().err
    assert code == 0
    assert "exports-growth" in out and "no date found" not in out
    assert err.startswith("reportgen: warning: ") and f"{path}: no date found" in err
