"""The deck's text names the theme's fonts, never a face: an Office machine without DejaVu Sans
shows it in the fonts the master's theme sets for Latin, East Asian and complex-script text."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from pptx import Presentation

from reportgen.config import Config
from reportgen.render.deck import render_deck

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def seed_deck() -> bytes:
    """The bundled release's deck, as the build writes it."""
    from conftest import SEED

    from reportgen.pipeline import load_briefing

    result = render_deck(load_briefing(SEED), [], Config())
    assert result.warnings == ()
    return result.data


def _parts(deck: bytes, folder: str) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        return {name: package.read(name).decode("utf-8") for name in package.namelist()
                if name.startswith(folder) and name.endswith(".xml")}


def test_no_slide_or_chart_names_a_font_face_only_theme_font_references(seed_deck: bytes
                                                                         ) -> None:
    parts = {**_parts(seed_deck, "ppt/slides/"), **_parts(seed_deck, "ppt/charts/")}
    assert any(name.startswith("ppt/charts/") for name in parts)
    for name, xml in parts.items():
        faces = set(re.findall(r'<a:(?:latin|ea|cs) typeface="([^"]*)"', xml))
        assert all(face.startswith("+") for face in faces), f"{name} names {faces}"
        assert "DejaVu" not in xml, name


def test_tiles_tables_and_charts_use_the_body_theme_fonts_for_latin_east_asian_and_cs(
        seed_deck: bytes) -> None:
    prs = Presentation(io.BytesIO(seed_deck))
    tile_runs = [run for slide in prs.slides for shape in slide.shapes
                 if shape.name.startswith("Figure ") for p in shape.text_frame.paragraphs
                 for run in p.runs]
    table_runs = [run for slide in prs.slides for shape in slide.shapes if shape.has_table
                  for row in shape.table.rows for cell in row.cells
                  for p in cell.text_frame.paragraphs for run in p.runs]
    assert tile_runs and table_runs
    for run in [*tile_runs, *table_runs]:
        props = run.font._rPr
        assert run.font.name == "+mn-lt"
        assert props.find(f"{A}ea").get("typeface") == "+mn-ea"
        assert props.find(f"{A}cs").get("typeface") == "+mn-cs"
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert charts
    for chart in charts:
        assert chart.font.name == "+mn-lt"
        assert chart.font._rPr.find(f"{A}ea").get("typeface") == "+mn-ea"


def test_the_theme_sets_latin_east_asian_and_complex_script_faces_for_headings_and_body(
        seed_deck: bytes) -> None:
    from reportgen.theme import DEFAULT_THEME

    theme = _parts(seed_deck, "ppt/theme/theme1.xml")["ppt/theme/theme1.xml"]
    for part in ("majorFont", "minorFont"):
        fonts = re.search(rf"<a:{part}>(.*?)</a:{part}>", theme, re.S)
        assert fonts is not None
        faces = dict(re.findall(r'<a:(latin|ea|cs) typeface="([^"]*)"', fonts.group(1)))
        assert faces == {"latin": DEFAULT_THEME.font_family,
                         "ea": DEFAULT_THEME.east_asian_font_family,
                         "cs": DEFAULT_THEME.complex_script_font_family}


def test_titles_and_body_text_inherit_the_heading_and_body_theme_fonts(seed_deck: bytes) -> None:
    master = _parts(seed_deck, "ppt/slideMasters/")["ppt/slideMasters/slideMaster1.xml"]
    title_style = re.search(r"<p:titleStyle>.*?</p:titleStyle>", master, re.S)
    body_style = re.search(r"<p:bodyStyle>.*?</p:bodyStyle>", master, re.S)
    other_style = re.search(r"<p:otherStyle>.*?</p:otherStyle>", master, re.S)
    assert title_style and body_style and other_style
    for ref in ("+mj-lt", "+mj-ea", "+mj-cs"):
        assert f'typeface="{ref}"' in title_style.group(0)
    for style in (body_style, other_style):
        for ref in ("+mn-lt", "+mn-ea", "+mn-cs"):
            assert f'typeface="{ref}"' in style.group(0)

