"""The shipped master is exactly what tools/make_master.py generates: 16:9, theme colours and
fonts, seven plainly named layouts."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

from pptx import Presentation
from pptx.util import Inches

from reportgen.templating import DEFAULTS_DIR
from reportgen.theme import DEFAULT_THEME

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
SHIPPED = DEFAULTS_DIR / "deck" / "master.pptx"


def test_shipped_master_is_byte_identical_to_a_fresh_generation() -> None:
    from make_master import build_master

    assert build_master() == SHIPPED.read_bytes(), "run: python tools/make_master.py"


def test_master_is_16_by_9_with_the_plain_layout_names_in_order() -> None:
    prs = Presentation(str(SHIPPED))
    assert round(prs.slide_width / Inches(1), 3) == 13.333
    assert prs.slide_height == Inches(7.5)
    assert [layout.name for layout in prs.slide_layouts] == [
        "Title", "Section", "Title and Content", "Chart", "Two Content", "Table", "Closing",
    ]
    assert len(prs.slides) == 0


def test_master_theme_has_the_house_palette_and_fonts() -> None:
    with zipfile.ZipFile(SHIPPED) as package:
        theme = package.read("ppt/theme/theme1.xml").decode()
    for colour in DEFAULT_THEME.palette[:6]:
        assert f'val="{colour.lstrip("#").upper()}"' in theme
    assert f'<a:latin typeface="{DEFAULT_THEME.font_family}"' in theme


def test_master_theme_sets_latin_and_east_asian_fonts_for_headings_and_body() -> None:
    """An Office machine without DejaVu substitutes by the PANOSE class; Chinese text takes the
    theme's East Asian font, not a serif fallback by script."""
    with zipfile.ZipFile(SHIPPED) as package:
        theme = package.read("ppt/theme/theme1.xml").decode()
    for part in ("majorFont", "minorFont"):
        fonts = re.search(rf"<a:{part}>(.*?)</a:{part}>", theme, re.S).group(1)  # type: ignore[union-attr]
        assert (f'<a:latin typeface="{DEFAULT_THEME.font_family}" '
                f'panose="{DEFAULT_THEME.latin_font_panose}"') in fonts
        assert f'<a:ea typeface="{DEFAULT_THEME.east_asian_font_family}"/>' in fonts
        assert f'<a:font script="Hans" typeface="{DEFAULT_THEME.east_asian_font_family}"/>' in fonts


def test_master_entries_have_fixed_dates() -> None:
    with zipfile.ZipFile(io.BytesIO(SHIPPED.read_bytes())) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
