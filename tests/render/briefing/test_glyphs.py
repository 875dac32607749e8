"""The glyph pre-flight: a page's printable characters, and one warning naming those no font has."""

from __future__ import annotations

import pytest

from reportgen.render.briefing import glyphs


def test_the_text_characters_are_the_non_ascii_printable_ones_outside_tags_and_css() -> None:
    markup = ("<style>p::before { content: '→' }</style><p title='é'>Caf&eacute; 中文"
              "&nbsp;\u200b</p><script>var x = '✓';</script>")
    assert glyphs.text_characters(markup) == {"é", "中", "文"}


def test_missing_glyphs_are_the_uncovered_characters_sorted_by_code_point(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glyphs, "font_covers", lambda c: ord(c) < 0x2E80)
    assert glyphs.missing_glyphs(["文", "é", "中", "文"]) == ["中", "文"]


def test_the_warning_names_up_to_twelve_characters_and_counts_the_rest() -> None:
    assert glyphs.glyph_warning([]) is None
    line = glyphs.glyph_warning(["中"], "HTML")
    assert line is not None
    assert line.startswith("HTML: no installed font has a glyph for 中 (U+4E2D)")
    many = glyphs.glyph_warning(chr(0x4E00 + i) for i in range(15))
    assert many is not None and many.startswith("PDF: ") and " and 3 more;" in many
    assert "U+4E0B" in many and "U+4E0C" not in many
