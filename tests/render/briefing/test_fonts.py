"""render/briefing/fonts.py: a font family that is not installed is named, not silently
replaced."""

from __future__ import annotations

from dataclasses import replace

from reportgen.render.briefing.fonts import css_families, font_warnings, missing_families
from reportgen.theme import DEFAULT_THEME


def test_the_first_family_of_each_declaration_is_the_one_meant() -> None:
    css = ("body { font-family: 'Nowhere Sans', serif; } h1 { font-family: var(--font); } "
           "p { font-family: sans-serif; } @font-face { font-family: Mine; } "
           "q { font-family: Mine, serif; }")
    assert css_families(css) == ["Nowhere Sans"]


def test_a_missing_family_in_the_css_or_the_theme_is_a_warning() -> None:
    theme = replace(DEFAULT_THEME, font_family="No Such Family 12345")
    warnings = font_warnings("body { font-family: 'Another Missing 6789'; }", theme)
    assert any("'Another Missing 6789'" in w for w in warnings)
    assert any("'No Such Family 12345'" in w and "theme.font_family" in w for w in warnings)


def test_installed_families_are_not_missing() -> None:
    assert missing_families(["DejaVu Sans"]) == []
