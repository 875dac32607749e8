"""`output/index.html`: every briefing with its date, title, findings count and links; rebuilt
with every build, written by a no-op build when missing, restyled from the template path."""

from __future__ import annotations

import json

import pytest
from build_fakes import install, project

from reportgen.build import build_all
from reportgen.build.index import index_entries, render_index


@pytest.fixture
def proj(tmp_path, monkeypatch):
    install(monkeypatch)
    return project(tmp_path)


def test_a_real_build_lists_the_analytic_title_date_findings_and_every_output(tmp_path,
                                                                             seed_path):
    import shutil

    from reportgen.config import Config

    (tmp_path / "seeds").mkdir()
    shutil.copy(seed_path, tmp_path / "seeds")
    config = Config(seeds_dir=tmp_path / "seeds", output_dir=tmp_path / "out",
                    formats=("json", "html"))
    build_all(config=config)
    data = json.loads(next((tmp_path / "out").glob("*/data.json")).read_text())
    [entry] = index_entries(tmp_path / "out")
    assert entry.title == data["analytic_title"] and entry.title.startswith("Shanghai")
    assert entry.release_title == data["document"]["title"]
    assert entry.date == "2022-09-14" and entry.findings == len(data["findings"]) > 0
    assert [label for label, _ in entry.links] == ["HTML", "Data"]  # only what was built
    page = (tmp_path / "out" / "index.html").read_text()
    assert f'<td class="findings">{entry.findings}</td>' in page
    assert f'href="{entry.slug}/briefing.html"' in page and f'href="{entry.slug}/data.json"' in page
    assert "2022-09-14" in page and "Shanghai&#39;s" in page


def test_entries_are_newest_first_and_folders_not_made_by_a_build_are_left_out(proj):
    build_all(config=proj.config(formats=("json", "pdf")))
    for slug, date in (("release-0", "2023-01-05"), ("release-1", "2024-06-30")):
        manifest_path = proj.out / slug / "manifest.json"
        manifest = json.loads(manifest_path.read_text())
        manifest["document"]["date"] = date
        manifest_path.write_text(json.dumps(manifest))
    (proj.out / "notes").mkdir()
    entries = index_entries(proj.out)
    assert [e.slug for e in entries] == ["release-1", "release-0"]
    assert entries[0].findings is None  # the fake data.json has no findings
    assert [label for label, _ in entries[0].links] == ["PDF", "Data"]
    assert entries[0].href == "release-1/briefing.pdf"


def test_every_build_that_writes_rewrites_the_index_and_a_removed_source_leaves_it(proj):
    build_all(config=proj.config(formats=("json",)))
    page = (proj.out / "index.html").read_text()
    assert 'id="release-0"' in page and 'id="release-1"' in page
    (proj.seeds / "release-1.txt").unlink()
    build_all(config=proj.config(formats=("json",)))
    page = (proj.out / "index.html").read_text()
    assert 'id="release-0"' in page and 'id="release-1"' not in page
    assert not list(proj.out.glob("*.rgtmp")) and not list(proj.out.glob(".*.rgtmp"))


def test_a_no_op_build_writes_the_index_only_when_it_is_missing(proj):
    build_all(config=proj.config(formats=("json",)))
    index = proj.out / "index.html"
    index.write_text("kept")
    report = build_all(config=proj.config(formats=("json",)))
    assert not report.built and index.read_text() == "kept"
    index.unlink()
    build_all(config=proj.config(formats=("json",)))
    assert "<h1>Briefings</h1>" in index.read_text()


def test_the_project_templates_restyle_the_index(proj):
    page = proj.templates / "index" / "index.html.j2"
    page.parent.mkdir(parents=True)
    page.write_text("{% for e in entries %}[{{ e.title }}|{{ e.date or '-' }}]{% endfor %}\n")
    build_all(config=proj.config(formats=("json",)))
    assert (proj.out / "index.html").read_text() == "[Release-0|-][Release-1|-]"


def test_a_broken_index_template_is_a_warning_with_its_line_and_the_briefings_still_build(proj):
    page = proj.templates / "index" / "index.html.j2"
    page.parent.mkdir(parents=True)
    page.write_text("<ul>\n{% for e in entries %}\n")
    report = build_all(config=proj.config(formats=("json",)))
    assert report.ok and len(report.built) == 2
    [warning] = report.config_warnings
    assert "index.html not written" in warning and "index.html.j2:2" in warning
    assert not (proj.out / "index.html").exists()


def test_an_empty_output_folder_says_how_to_add_briefings(proj):
    from reportgen.config import Config

    assert "run\n<code>reportgen build</code>" in render_index([], Config())
