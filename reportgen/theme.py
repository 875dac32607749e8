"""The house style shared by matplotlib charts, the briefing's CSS and the deck's native charts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours (hex, '#RRGGBB'), fonts and chart sizes used by every renderer."""

    palette: tuple[str, ...] = (
        "#1F4E79", "#C8102E", "#2E8B57", "#E8A33D", "#6A4C93", "#3A9AD9", "#7F7F7F", "#B5651D",
    )
    accent: str = "#C8102E"
    text: str = "#1A1A1A"
    muted: str = "#6B6B6B"
    grid: str = "#D9D9D9"
    background: str = "#FFFFFF"
    light: str = "#A9C4DE"
    """A pale partner of the first palette colour: actual figures beside targets, share tracks."""
    track: str = "#EDEDED"
    """The unfilled part of a share bar and the fill of diagram boxes."""
    font_family: str = "DejaVu Sans"
    fallback_font_families: tuple[str, ...] = ("Noto Sans CJK SC",)
    """Fonts for glyphs the main font lacks (Chinese names in a release), used when installed."""
    heading_font_family: str = "DejaVu Sans"
    latin_font_panose: str = "020B0603030804020204"
    """The PANOSE class of the Latin font (DejaVu Sans: a sans of Verdana's proportions): an
    Office machine without the font substitutes the nearest font of this class."""
    east_asian_font_family: str = "Microsoft YaHei"
    """The deck theme's font for Chinese, Japanese and Korean text: a sans every Windows Office
    has (LibreOffice substitutes the installed CJK sans, such as Noto Sans CJK SC)."""
    complex_script_font_family: str = "Arial"
    """The deck theme's font for complex scripts (Arabic, Hebrew, …): one every Office has."""
    base_font_size: float = 10.0
    title_font_size: float = 13.0
    chart_width_in: float = 6.3
    """Chart width in inches: the text column of an A4 page; a 16:9 slide scales it up."""
    chart_height_in: float = 3.4
    chart_dpi: float = 100.0
    """The nominal resolution; PNG fallbacks are written at `png_scale` × this."""
    png_scale: float = 2.0
    chart_title_size: float = 11.0
    chart_font_size: float = 8.5
    chart_small_size: float = 7.0

    def colour(self, index: int) -> str:
        """The palette colour for series or bar `index`, cycling."""
        return self.palette[index % len(self.palette)]

    def series_colour(self, kind: str, index: int) -> str:
        """The colour of series `index` in a chart of `kind`, the same in matplotlib and the deck.

        A targets chart draws its goals dark and the latest actual figures pale beside them;
        other kinds take the palette in order.
        """
        if kind == "targets" and index > 0:
            return self.light
        return self.colour(index)

    @property
    def png_dpi(self) -> float:
        """The resolution of PNG fallbacks (2× the nominal one by default)."""
        return self.chart_dpi * self.png_scale

    def matplotlib_rc(self, installed: frozenset[str] | None = None) -> dict[str, object]:
        """matplotlib rcParams for this style: fonts, colours, literal text, deterministic SVG.

        `installed` names the font families present; fallbacks missing from it are left out so
        that matplotlib does not log a "font not found" for each chart.
        """
        fallbacks = [f for f in self.fallback_font_families
                     if installed is None or f in installed]
        return {
            "font.family": [self.font_family, *fallbacks],
            "font.size": self.chart_font_size,
            "text.color": self.text,
            "text.usetex": False,
            "text.parse_math": False,  # a "$" in a label prints as "$"
            "axes.edgecolor": self.grid,
            "axes.labelcolor": self.text,
            "axes.unicode_minus": True,
            "xtick.color": self.muted,
            "ytick.color": self.muted,
            "figure.facecolor": self.background,
            "savefig.facecolor": self.background,
            "svg.fonttype": "none",  # text stays text: searchable and small in the PDF
            "svg.hashsalt": "reportgen",  # stable clip-path ids, hence byte-identical SVG
            "svg.id": "chart",
            "path.simplify": True,
        }


DEFAULT_THEME = Theme()
