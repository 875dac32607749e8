"""The house style shared by matplotlib charts, the briefing's CSS variables and the deck's native charts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours (hex, '#RRGGBB') and fonts used by every renderer."""

    palette: tuple[str, ...] = (
        "#1F4E79", "#C8102E", "#2E8B57", "#E8A33D", "#6A4C93", "#3A9AD9", "#7F7F7F", "#B5651D",
    )
    accent: str = "#C8102E"
    text: str = "#1A1A1A"
    muted: str = "#6B6B6B"
    grid: str = "#D9D9D9"
    background: str = "#FFFFFF"
    font_family: str = "DejaVu Sans"
    heading_font_family: str = "DejaVu Sans"
    base_font_size: float = 10.0
    title_font_size: float = 13.0

    def colour(self, index: int) -> str:
        """The palette colour for series or bar `index`, cycling."""
        return self.palette[index % len(self.palette)]


DEFAULT_THEME = Theme()
