"""text.py: source text as a reader sees it."""

from __future__ import annotations

from reportgen.text import readable, without_markdown


def test_markdown_marks_go_but_snake_case_stays() -> None:
    assert without_markdown("## Lasers\n- **Lasers.** Sales of laser_units") == \
        "Lasers\nLasers. Sales of laser_units"


def test_bullets_go_in_any_release_and_markdown_marks_only_in_a_markdown_one() -> None:
    assert readable("• Hotel occupancy averaged **82** percent", "r.txt") == \
        "Hotel occupancy averaged **82** percent"
    assert readable("• Hotel occupancy averaged **82** percent", "r.md") == \
        "Hotel occupancy averaged 82 percent"
