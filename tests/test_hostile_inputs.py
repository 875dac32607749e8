"""Hostile and careless inputs, tried through the real `reportgen` command (issue 14).

Each test asserts what the issue asks for: one line naming the file and the fix, no traceback,
the other outputs of the document written, the previous outputs intact where the new one fails,
and nothing from outside the project in any output. Builds here are real (WeasyPrint,
python-pptx) but small: a one-paragraph release and only the formats a case needs.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from reportgen.cli import main

TESTS = Path(__file__).parent
RELEASE = (TESTS / "genre" / "city-gdp-2023.txt").read_text(encoding="utf-8")
SECRET = "SECRET-FROM-OUTSIDE-THE-PROJECT"


class Project:
    """A project folder (seeds/, templates/ from `templates init`) and a secret outside it."""

    def __init__(self, root: Path) -> None:
        self.root = root / "project"
        self.seeds = self.root / "seeds"
        self.templates = self.root / "templates"
        self.out = self.root / "output"
        self.seeds.mkdir(parents=True)
        (self.seeds / "city.txt").write_text(RELEASE, encoding="utf-8")
        self.secret = root / "secret.txt"
        self.secret.write_text(SECRET)
        assert self.run("templates", "init", str(self.templates))[0] == 0

    def run(self, *argv: str) -> tuple[int, str]:
        """Exit code and everything printed (stdout and stderr of this process)."""
        out = io.StringIO()
        code = main(list(argv), out)
        return code, out.getvalue()

    def build(self, *extra: str) -> tuple[int, str]:
        return self.run("build", "--templates", str(self.templates), "--jobs", "1", *extra)

    def outputs(self) -> dict[str, bytes]:
        folder = self.out / "city"
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    made = Project(tmp_path)
    monkeypatch.chdir(made.root)
    return made


def assert_one_clear_line(code: int, printed: str, capfd: pytest.CaptureFixture[str],
                          *needles: str) -> str:
    """The build failed with a line holding every needle; nothing looks like a bug report."""
    captured = capfd.readouterr()
    everything = printed + captured.out + captured.err
    assert code == 1, everything
    assert "Traceback" not in everything and "internal error" not in everything, everything
    lines = [line for line in printed.splitlines() if line.startswith("error: ")]
    assert lines, printed
    assert all(n in lines[0] for n in needles), lines[0]
    assert len(lines[0]) < 600
    return lines[0]


def assert_nothing_from_outside(project: Project) -> None:
    """No output holds the secret: not the HTML, the JSON, nor the PDF's or the deck's text."""
    from pypdf import PdfReader

    for name, data in project.outputs().items():
        assert SECRET.encode() not in data, name
        if name.endswith(".pdf"):
            text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
            assert SECRET not in text
        if name.endswith(".pptx"):
            with zipfile.ZipFile(io.BytesIO(data)) as deck:
                assert not any(SECRET.encode() in deck.read(n) for n in deck.namelist())


def test_a_template_partial_linked_outside_the_project_is_refused_by_build_and_check(
        project: Project, capfd: pytest.CaptureFixture[str]) -> None:
    partial = project.templates / "briefing" / "partials" / "toc.html.j2"
    partial.unlink()
    partial.symlink_to(project.secret)
    code, printed = project.build("--formats", "html,json")
    assert_one_clear_line(code, printed, capfd, str(partial), "outside", "copy the template")
    assert set(project.outputs()) >= {"data.json", "manifest.json"}  # the other output
    assert "briefing.html" not in project.outputs()
    assert_nothing_from_outside(project)
    code, printed = project.run("check", "--templates", str(project.templates))
    assert code == 1 and "outside" in printed and "everything checks out" not in printed


def test_a_linked_partials_folder_leaving_the_project_is_refused(
        project: Project, capfd: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (project.templates / "briefing" / "partials").rename(elsewhere)
    (elsewhere / "toc.html.j2").write_text(SECRET)
    (project.templates / "briefing" / "partials").symlink_to(elsewhere)
    code, printed = project.build("--formats", "html,json")
    assert_one_clear_line(code, printed, capfd, "outside")
    assert_nothing_from_outside(project)


def test_a_fifo_among_the_assets_does_not_hang_the_build(
        project: Project, capfd: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(project.templates / "briefing" / "assets" / "pipe.svg")
    code, printed = project.build("--formats", "html,json")
    assert code == 0, printed  # hashed as refused; no template uses it
    assert {"briefing.html", "data.json"} <= set(project.outputs())


@pytest.mark.parametrize("kind", ["fifo", "dangling link", "corrupt", "no slide master"])
def test_a_bad_master_fails_the_deck_alone_and_keeps_the_previous_deck(
        project: Project, capfd: pytest.CaptureFixture[str], kind: str) -> None:
    assert project.build("--formats", "pptx,json")[0] == 0
    before = project.outputs()
    master = project.templates / "deck" / "master.pptx"
    good = master.read_bytes()
    master.unlink()
    if kind == "fifo":
        os.mkfifo(master)
    elif kind == "dangling link":
        master.symlink_to(project.root / "gone.pptx")
    elif kind == "corrupt":
        master.write_bytes(good[: len(good) // 2])
    else:
        with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(master, "w") as dst:
            for name in src.namelist():
                data = src.read(name)
                if name == "ppt/_rels/presentation.xml.rels":
                    data = data.replace(b"relationships/slideMaster", b"relationships/x")
                dst.writestr(name, data)
    (project.seeds / "city.txt").write_text(RELEASE + "\nExports reached 7 billion yuan.\n",
                                            encoding="utf-8")
    code, printed = project.build("--formats", "pptx,json")
    assert_one_clear_line(code, printed, capfd, str(master))
    after = project.outputs()
    assert after["deck.pptx"] == before["deck.pptx"]  # the previous deck, intact
    assert after["data.json"] != before["data.json"]  # the other output was rebuilt
    manifest = json.loads(after["manifest.json"])
    for name, entry in manifest["outputs"].items():  # one build, as the manifest says
        assert hashlib.sha256(after[name]).hexdigest() == entry["sha256"]


def test_a_huge_sparse_release_is_refused_and_the_others_build(
        project: Project, capfd: pytest.CaptureFixture[str]) -> None:
    with (project.seeds / "huge.txt").open("wb") as f:
        f.truncate(12 * 1024 ** 3)  # 12 GB on paper
    code, printed = project.build("--formats", "json")
    line = assert_one_clear_line(code, printed, capfd, "huge.txt", "over the",
                                 "limits.max_source_bytes")
    assert "MemoryError" not in line
    assert "data.json" in project.outputs()


def test_max_source_bytes_in_reportgen_toml_is_obeyed_by_build_and_extract(
        project: Project, capfd: pytest.CaptureFixture[str]) -> None:
    (project.root / "reportgen.toml").write_text("[limits]\nmax_source_bytes = 100\n")
    code, printed = project.build("--formats", "json")
    assert_one_clear_line(code, printed, capfd, "city.txt", "limits.max_source_bytes")
    code = main(["extract", str(project.seeds / "city.txt")], io.StringIO())
    assert code == 1 and "max_source_bytes" in capfd.readouterr().err


@pytest.mark.parametrize("name", ["ctrl\x01char", "x" * 236])
def test_a_strange_file_name_still_gives_every_output(
        project: Project, capfd: pytest.CaptureFixture[str], name: str) -> None:
    (project.seeds / "city.txt").rename(project.seeds / f"{name}.txt")
    code, printed = project.build("--formats", "pptx,json")
    assert code == 0, printed
    assert "Traceback" not in capfd.readouterr().err
    folder = next(p for p in project.out.iterdir() if p.is_dir() and not p.name.startswith("."))
    assert {p.name for p in folder.iterdir()} >= {"deck.pptx", "data.json"}


def test_a_huge_number_in_a_template_is_one_line_naming_the_file(
        project: Project, capfd: pytest.CaptureFixture[str]) -> None:
    partial = project.templates / "briefing" / "partials" / "toc.html.j2"
    partial.write_text(partial.read_text() + "{{ 10**5000 }}\n")
    code, printed = project.build("--formats", "html,json")
    assert_one_clear_line(code, printed, capfd, ".html.j2", "smaller numbers")
    assert "data.json" in project.outputs()


@pytest.mark.parametrize("css", ["p { letter-spacing: 1e9px }", "NESTED"])
def test_extreme_css_or_nesting_fails_the_pdf_alone(
        project: Project, capfd: pytest.CaptureFixture[str], css: str) -> None:
    if css == "NESTED":
        partial = project.templates / "briefing" / "partials" / "toc.html.j2"
        partial.write_text(partial.read_text() + "<div>" * 500 + "x" + "</div>" * 500)
    else:
        (project.templates / "briefing" / "custom.css").write_text(css)
    code, printed = project.build("--formats", "pdf,html,json")
    assert_one_clear_line(code, printed, capfd, "briefing.pdf could not be made",
                          str(project.templates / "briefing"))
    assert {"briefing.html", "data.json"} <= set(project.outputs())
    assert "briefing.pdf" not in project.outputs()


def test_a_failed_huge_data_url_warning_is_cut_and_the_html_cap_holds(
        project: Project, capfd: pytest.CaptureFixture[str]) -> None:
    partial = project.templates / "briefing" / "partials" / "toc.html.j2"
    junk = "A" * 1_500_000  # not an image: WeasyPrint fails to load it and warns
    partial.write_text(partial.read_text() + f'<img src="data:image/png;base64,{junk}">')
    code, printed = project.build("--formats", "pdf,json")
    assert code == 0, printed[:2000]
    manifest = json.loads(project.outputs()["manifest.json"])
    assert manifest["warnings"] and all(len(w) <= 300 for w in manifest["warnings"])
    assert len(project.outputs()["manifest.json"]) < 100_000
    (project.root / "small.toml").write_text("[limits]\nmax_html_bytes = 100000\n")
    code, printed = project.build("--formats", "html,json", "--config",
                                  str(project.root / "small.toml"))
    assert_one_clear_line(code, printed, capfd, "briefing.html", "limits.max_html_bytes")
    assert "briefing.html" not in project.outputs()


def test_check_stops_a_runaway_template_at_the_time_limit(
        project: Project, capfd: pytest.CaptureFixture[str]) -> None:
    (project.root / "reportgen.toml").write_text("[limits]\ndocument_timeout_s = 2\n")
    partial = project.templates / "briefing" / "partials" / "toc.html.j2"
    partial.write_text("{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}"
                       "{% endfor %}{% endfor %}")
    code, printed = project.run("check", "--templates", str(project.templates))
    assert code == 1
    assert "took longer than 2 s" in printed and "document_timeout_s" in printed


def test_extract_has_the_builds_time_limit(
        project: Project, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        ) -> None:
    import time

    from reportgen import pipeline

    (project.root / "reportgen.toml").write_text("[limits]\ndocument_timeout_s = 1\n")
    monkeypatch.setattr(pipeline, "extract_briefing", lambda doc: time.sleep(30))
    started = time.monotonic()
    code = main(["extract", str(project.seeds / "city.txt")], io.StringIO())
    assert code == 1 and time.monotonic() - started < 10
    err = capfd.readouterr().err
    assert "city.txt: took longer than 1 s" in err and "document_timeout_s" in err


def test_extract_has_the_builds_memory_limit(
        project: Project, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        ) -> None:
    from reportgen import pipeline

    with open("/proc/self/status", encoding="ascii") as status:
        used_mb = int(next(x for x in status if x.startswith("VmSize:")).split()[1]) // 1024
    room = used_mb + 200
    (project.root / "reportgen.toml").write_text(f"[limits]\ndocument_memory_mb = {room}\n")
    monkeypatch.setattr(pipeline, "extract_briefing",
                        lambda doc: bytearray((room + 400) * 1024 * 1024))
    code = main(["extract", str(project.seeds / "city.txt")], io.StringIO())
    err = capfd.readouterr().err
    assert code == 1 and f"city.txt: ran out of memory (limit {room} MB" in err


def test_extract_reads_text_in_its_own_process_and_other_formats_in_a_child() -> None:
    from reportgen.cli import _read_by_python

    assert _read_by_python(Path("a.txt")) and _read_by_python(Path("b.MD"))
    assert not any(_read_by_python(Path(name)) for name in ("a.pdf", "a.docx", "a.html"))


@pytest.mark.parametrize(("line", "key"), [
    ("document_timeout_s = inf", "limits.document_timeout_s"),
    ("document_memory_mb = 99999999999999", "limits.document_memory_mb"),
])
def test_out_of_range_limits_are_refused_at_load_with_their_line(
        project: Project, capfd: pytest.CaptureFixture[str], line: str, key: str) -> None:
    (project.root / "reportgen.toml").write_text(f"# limits\n[limits]\n{line}\n")
    code, printed = project.build()
    err = capfd.readouterr().err
    assert code == 1 and f"reportgen.toml:3: {key}: expected" in err
    assert "Traceback" not in err and "internal error" not in err


def test_an_output_folder_holding_the_project_is_refused(
        project: Project, capfd: pytest.CaptureFixture[str]) -> None:
    (project.root / "reportgen.toml").write_text('output = "../.."\n')
    code, _ = project.build()
    err = capfd.readouterr().err
    assert code == 1 and "contains the project folder" in err


def test_a_missing_font_family_is_named_by_the_build_and_by_check(
        project: Project, capfd: pytest.CaptureFixture[str]) -> None:
    (project.templates / "briefing" / "custom.css").write_text(
        'h2 { font-family: "Comic Zans", serif }\n')
    code, printed = project.build("--formats", "pdf,json")
    assert code == 0, printed
    assert "font family 'Comic Zans', which is not installed" in printed
    code, printed = project.run("check", "--templates", str(project.templates))
    assert "custom.css: the stylesheet names font family 'Comic Zans'" in printed


def test_a_decompression_bomb_image_is_reported(
        project: Project, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        ) -> None:
    from PIL import Image

    Image.new("RGB", (64, 64), "white").save(project.templates / "briefing" / "assets" / "a.png")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 3000)  # 64 × 64 is "too big" here
    partial = project.templates / "briefing" / "partials" / "toc.html.j2"
    partial.write_text(partial.read_text() + '<img src="{{ asset(\'briefing/assets/a.png\') }}">')
    code, printed = project.build("--formats", "pdf,json")
    assert code == 0, printed
    assert "an image is too large to decode safely" in printed
