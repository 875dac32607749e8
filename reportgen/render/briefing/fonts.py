"""Font families a stylesheet or the theme names that are not installed (WeasyPrint and
matplotlib fall back to another font without a word; the build and `check` say so instead)."""

from __future__ import annotations

import functools
import html
import re
import subprocess
from collections.abc import Callable, Iterable

from reportgen.theme import Theme

GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "emoji",
           "math", "fangsong", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded",
           "inherit", "initial", "unset", "revert", "revert-layer"}
_DECLARATION = re.compile(r"font-family\s*:\s*([^;}{]+)", re.I)
_FONT_FACE = re.compile(r"@font-face\s*{[^}]*?font-family\s*:\s*([^;}]+)", re.I | re.S)


@functools.cache
def installed_families() -> frozenset[str] | None:
    """The installed font families, casefolded (fontconfig's `fc-list`); None if unknown."""
    try:
        listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                                 timeout=10, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(name.strip().casefold() for line in listing.splitlines()
                     for name in line.split(",") if name.strip())


def css_families(css: str) -> list[str]:
    """The first family of each `font-family` declaration in `css` (the one the author means;
    the rest are fallbacks), in order, no repeats; families declared by `@font-face`, generic
    names and `var()` (the theme's font) left out."""
    declared = {_name(n) for m in _FONT_FACE.finditer(css) for n in m.group(1).split(",")}
    found: list[str] = []
    for match in _DECLARATION.finditer(css):
        first = _name(match.group(1).split(",")[0])
        if first.startswith("var("):  # the theme's font, checked as the theme's
            continue
        if first and first.casefold() not in GENERIC and first not in declared:
            found.append(first)
    return list(dict.fromkeys(found))


def missing_families(names: Iterable[str]) -> list[str]:
    """The families of `names` that are not installed (none when that cannot be told)."""
    installed = installed_families()
    if installed is None:
        return []
    return [n for n in dict.fromkeys(names) if n.casefold() not in installed]


def font_warnings(css: str, theme: Theme, where: str = "PDF") -> list[str]:
    """One warning per missing family the stylesheets or the theme name."""
    lines = [f"{where}: the stylesheet names font family {name!r}, which is not installed; "
             "another font is used instead (install it, or name an installed one)"
             for name in missing_families(css_families(css))]
    theme_names = (theme.font_family, theme.heading_font_family)
    lines += [f"{where}: the theme's font family {name!r} (theme.font_family or "
              "heading_font_family) is not installed; another font is used instead"
              for name in missing_families(theme_names)]
    return lines


_LINK = re.compile(r"<link\b[^>]*\brel=[\"']?stylesheet[^>]*>", re.I)
_HREF = re.compile(r"\bhref=[\"']([^\"']+)[\"']", re.I)


def page_css(markup: str, resolve: Callable[[str], bytes]) -> str:
    """The page's own styles and the stylesheets it links (read through `resolve`, the
    build's restricted resolver; one it refuses is left out: the fetcher reports it)."""
    sheets = [markup]
    for link in _LINK.findall(markup):
        href = _HREF.search(link)
        if href:
            try:
                sheets.append(resolve(html.unescape(href.group(1))).decode("utf-8", "replace"))
            except Exception:  # noqa: BLE001, S112 — refused or unreadable: reported elsewhere
                continue
    return "\n".join(sheets)


def _name(text: str) -> str:
    return text.strip().strip("\"'").strip()
