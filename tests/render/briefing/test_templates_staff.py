"""Changes staff make without code — colour, logo, order, a sentence — each shown in the output."""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from pathlib import Path

import pytest
from render_support import (
    config,
    flat,
    inflated_streams,
    outline_pages,
    page_texts,
    synthetic_charts,
    toc_entries,
)
from synthetic import synthetic_briefing

from reportgen.errors import TemplateError
from reportgen.render.briefing.html import render_html
from reportgen.render.briefing.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[3]
EXTENDS = '{% extends "default/briefing/briefing.html.j2" %}\n'
STAFF_LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40">'
              b'<text x="0" y="30" font-family="DejaVu Sans" font-size="20">STAFFLOGO</text></svg>')


def _staff(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A staff template folder holding `files` (paths relative to it)."""
    for name, content in files.items():
        path = tmp_path / "staff" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return tmp_path / "staff"


def _rgb_operators(pdf: bytes) -> list[tuple[float, float, float]]:
    """Every fill or stroke colour set in the PDF's content streams."""
    found = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", inflated_streams(pdf))
    return [(float(r), float(g), float(b)) for r, g, b in found]


def _uses_colour(pdf: bytes, hex_colour: str) -> bool:
    want = tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return any(all(abs(a - b) < 0.003 for a, b in zip(c, want, strict=True))
               for c in _rgb_operators(pdf))


def test_accent_colour_and_logo_change_through_css_and_assets(tmp_path):
    staff = _staff(tmp_path, {
        "briefing/custom.css": ":root { --accent: #0A7D48; }\n",
        "briefing/assets/logo.svg": STAFF_LOGO,
    })
    # no industrial system: its tiers take the palette, whose second colour is the accent's red
    briefing = replace(synthetic_briefing(), system=())
    default = render_pdf(briefing, [], config()).data
    changed = render_pdf(briefing, [], config(templates_dir=staff)).data
    assert _uses_colour(default, "#C8102E") and not _uses_colour(default, "#0A7D48")
    assert _uses_colour(changed, "#0A7D48") and not _uses_colour(changed, "#C8102E")
    assert "STAFFLOGO" in page_texts(changed)[0]
    assert "STAFFLOGO" not in page_texts(default)[0]


def test_the_html_takes_the_same_staff_css_and_logo(tmp_path):
    staff = _staff(tmp_path, {
        "briefing/custom.css": ":root { --accent: #0A7D48; }\n",
        "briefing/assets/logo.svg": STAFF_LOGO,
    })
    page = render_html(synthetic_briefing(), [], config(templates_dir=staff)).data.decode()
    assert "--accent: #0A7D48" in page
    logo = re.search(r'class="logo" src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert logo and base64.b64decode(logo.group(1)) == STAFF_LOGO


def test_a_block_moved_puts_targets_before_the_chapters(tmp_path):
    staff = _staff(tmp_path, {"briefing/briefing.html.j2": EXTENDS + (
        "{% block body %}\n"
        "{{ self.cover() }}{{ self.toc() }}{{ self.glance() }}{{ self.targets() }}\n"
        "{{ self.system() }}{{ self.chapters() }}{{ self.sources() }}\n"
        "{% endblock %}\n")})
    pdf = render_pdf(synthetic_briefing(), synthetic_charts(), config(templates_dir=staff)).data
    bookmarks = outline_pages(pdf)
    first_chapter = min(p for title, p in bookmarks.items() if "A new industrial system" in title)
    assert bookmarks["Targets"] < bookmarks["The industrial system"] < first_chapter
    assert toc_entries(pdf)["Targets"] == bookmarks["Targets"]


def test_a_sentence_added_by_staff_quotes_a_fact_by_id(tmp_path):
    staff = _staff(tmp_path, {"briefing/briefing.html.j2": EXTENDS + (
        "{% block glance %}{{ super() }}\n"
        "<p class=\"staff\">Industrial added value reached "
        "{{ fact('industrial-added-value-2021').value | money }} in "
        "{{ fact('industrial-added-value-2021').year }}, source "
        "[{{ fact('industrial-added-value-2021').number }}].</p>\n"
        "{% endblock %}\n")})
    pdf = render_pdf(synthetic_briefing(), [], config(templates_dir=staff)).data
    text = flat(" ".join(page_texts(pdf)))
    assert "Industrial added value reached 1.07 trillion yuan in 2021, source [2]." in text


def test_an_unknown_fact_id_names_the_template_line_and_the_closest_ids(tmp_path):
    staff = _staff(tmp_path, {"briefing/briefing.html.j2": EXTENDS + (
        "{% block glance %}\n{{ fact('industrial-added-value-2020').value | money }}\n"
        "{% endblock %}\n")})
    with pytest.raises(TemplateError, match=r"briefing\.html\.j2:3: unknown fact id "
                                            r"'industrial-added-value-2020'; closest: "
                                            r"industrial-added-value-2021"):
        render_html(synthetic_briefing(), [], config(templates_dir=staff))


def test_the_project_template_example_extends_the_default(tmp_path):
    example = ROOT / "templates" / "briefing" / "briefing.html.j2"
    assert example.read_text(encoding="utf-8").count('{% extends "default/briefing/') == 1
    page = render_html(synthetic_briefing(), [],
                       config(ROOT / "templates")).data.decode()
    assert "At a glance" in page and "Sources" in page


def test_the_staff_folder_wins_over_the_project_folder(tmp_path):
    project = _staff(tmp_path / "p", {"briefing/custom.css": ":root { --accent: #111111; }"})
    staff = _staff(tmp_path / "s", {"briefing/custom.css": ":root { --accent: #222222; }"})
    page = render_html(synthetic_briefing(), [],
                       config(project, templates_dir=staff)).data.decode()
    assert "--accent: #222222" in page and "#111111" not in page


def test_every_default_template_file_is_declared_as_package_data():
    import glob
    import tomllib

    package = ROOT / "reportgen"
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["reportgen"]
    shipped = {Path(p) for pattern in patterns
               for p in glob.glob(str(package / pattern), recursive=True)}
    defaults = [p for p in (package / "defaults" / "briefing").rglob("*") if p.is_file()]
    assert len(defaults) >= 10
    assert all(p in shipped for p in defaults), sorted(set(defaults) - shipped)


def test_an_edited_staff_template_shows_at_once_despite_compiled_template_cache(tmp_path):
    staff = _staff(tmp_path, {"briefing/briefing.html.j2": EXTENDS + (
        "{% block glance %}<p>first wording</p>{% endblock %}\n")})
    first = render_html(synthetic_briefing(), [], config(templates_dir=staff)).data.decode()
    (staff / "briefing" / "briefing.html.j2").write_text(
        EXTENDS + "{% block glance %}<p>second wording</p>{% endblock %}\n", encoding="utf-8")
    second = render_html(synthetic_briefing(), [], config(templates_dir=staff)).data.decode()
    assert "first wording" in first and "second wording" in second
    assert "first wording" not in second


def test_a_compiled_template_cache_others_can_write_to_is_not_used(tmp_path, monkeypatch):
    from reportgen import templating

    shared = tmp_path / "cache"
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(shared))
    templating._bytecode_cache.cache_clear()
    try:
        assert templating._bytecode_cache("html") is not None
        folder = next(shared.iterdir())
        folder.chmod(0o777)
        templating._bytecode_cache.cache_clear()
        assert templating._bytecode_cache("html") is None
    finally:
        templating._bytecode_cache.cache_clear()


def test_a_staff_folder_that_does_not_exist_is_a_one_line_error(tmp_path):
    from reportgen.errors import ConfigError

    with pytest.raises(ConfigError, match=r"templates folder '.*nowhere' does not exist"):
        render_html(synthetic_briefing(), [], config(templates_dir=tmp_path / "nowhere"))
