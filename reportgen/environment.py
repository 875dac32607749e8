"""`reportgen check --env`: what this machine has of what reportgen needs (like `quarto check`).

One line per item: Python and the libraries reportgen imports (with their versions), the
system libraries WeasyPrint loads (Pango, HarfBuzz, HarfBuzz-Subset, fontconfig), fonts for
Latin and for Chinese text (from `fc-list`), and LibreOffice and Chromium when present, each
with what it is needed for and whether it was found. Nothing heavy is imported: versions come
from package metadata, libraries are opened with ctypes, programs are looked up on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

OK, MISSING, ABSENT = "ok", "MISSING", "absent"


@dataclass(frozen=True, slots=True)
class Finding:
    """One item checked: its name, what it is needed for, and what was found."""

    name: str
    needed_for: str
    found: bool
    detail: str
    required: bool = True

    @property
    def status(self) -> str:
        """'ok', 'MISSING' (required and not found) or 'absent' (optional and not found)."""
        return OK if self.found else MISSING if self.required else ABSENT

    def line(self, width: int = 24) -> str:
        """'[ok]      Pango 1.50.12  needed for: …' as printed by `check --env`."""
        return (f"[{self.status}]".ljust(10) + f"{self.name}".ljust(width) + f"{self.detail}"
                f" — {self.needed_for}")


LIBRARIES: tuple[tuple[str, str, bool], ...] = (
    ("weasyprint", "the PDF briefing", True),
    ("jinja2", "the briefing, deck and index templates", True),
    ("matplotlib", "the charts", True),
    ("python-pptx", "the PowerPoint deck", True),
    ("PyYAML", "deck.yaml, findings.yaml and overrides files", True),
    ("pillow", "images in the deck and charts", True),
    ("defusedxml", "reading Word and PowerPoint files safely", True),
    ("pypdf", "PDF sources", True),
    ("python-docx", "Word (.docx) sources", True),
    ("trafilatura", "saved web pages as sources", True),
    ("croniter", "reportgen schedule", True),
    ("watchfiles", "reportgen watch", True),
)
"""(distribution, needed for, required) for each library reportgen imports."""

SYSTEM_LIBRARIES: tuple[tuple[str, tuple[str, ...], str, str, bool], ...] = (
    ("Pango", ("libpango-1.0.so.0", "pango-1.0"), "pango_version_string",
     "WeasyPrint lays out the PDF's text with it (apt-get install libpango-1.0-0)", True),
    ("HarfBuzz", ("libharfbuzz.so.0", "harfbuzz"), "hb_version_string",
     "WeasyPrint shapes the PDF's text with it (apt-get install libharfbuzz0b)", True),
    ("HarfBuzz-Subset", ("libharfbuzz-subset.so.0", "harfbuzz-subset"), "hb_version_string",
     "WeasyPrint subsets the PDF's fonts with it, faster than without; WeasyPrint 70+ will "
     "require it (apt-get install libharfbuzz-subset0)", False),
    ("fontconfig", ("libfontconfig.so.1", "fontconfig"), "",
     "WeasyPrint finds fonts with it (apt-get install libfontconfig1)", True),
)
"""(name, library names to try, version function, needed for, required)."""

PROGRAMS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("LibreOffice", ("soffice", "libreoffice"),
     "optional: the tests render slides to images with it; opening decks to check them"),
    ("Chromium", ("chromium", "chromium-browser", "google-chrome"),
     "optional: the tests of reportgen watch in a real browser, and the docs' screenshots"),
)


def environment_report(which: Callable[[str], str | None] = shutil.which) -> list[Finding]:
    """One `Finding` per item: Python, libraries, system libraries, fonts, programs."""
    return [python_finding(), *library_findings(), *system_library_findings(),
            *font_findings(which), *program_findings(which)]


def python_finding() -> Finding:
    """Python's version: 3.11 or newer runs reportgen."""
    version = ".".join(map(str, sys.version_info[:3]))
    return Finding("Python", "runs reportgen (3.11 or newer)", sys.version_info >= (3, 11),
                   f"{version} ({sys.executable})")


def library_findings() -> list[Finding]:
    """Each library's installed version (from package metadata: nothing is imported)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name, needed_for, required in LIBRARIES:
        try:
            found.append(Finding(name, needed_for, True, version(name), required))
        except PackageNotFoundError:
            found.append(Finding(name, needed_for, False,
                                 f"not installed (pip install {name})", required))
    return found


def system_library_findings(libraries: Sequence[tuple[str, tuple[str, ...], str, str, bool]]
                            = SYSTEM_LIBRARIES) -> list[Finding]:
    """Whether each system library WeasyPrint needs opens, with its version where it says."""
    return [_open_library(*library) for library in libraries]


def _open_library(name: str, sonames: tuple[str, ...], version_function: str,
                  needed_for: str, required: bool) -> Finding:
    import ctypes
    import ctypes.util

    for soname in sonames:
        path = soname if ".so" in soname else ctypes.util.find_library(soname)
        if not path:
            continue
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        return Finding(name, needed_for, True, _library_version(library, version_function)
                       or path, required)
    return Finding(name, needed_for, False, "not found", required)


def _library_version(library: object, function: str) -> str:
    import ctypes

    call = getattr(library, function, None) if function else None
    if call is None:
        return ""
    call.restype = ctypes.c_char_p
    value = call()
    return value.decode() if isinstance(value, bytes) else ""


FONT_CHECKS: tuple[tuple[str, str, str, bool], ...] = (
    ("fonts, Latin", "en", "the text of every briefing and deck (apt-get install fonts-dejavu)",
     True),
    ("fonts, Chinese (CJK)", "zh", "Chinese names and characters in the PDF and charts; "
     "without one the build names the characters in a warning (apt-get install "
     "fonts-noto-cjk)", False),
)


def font_findings(which: Callable[[str], str | None] = shutil.which) -> list[Finding]:
    """Fonts that cover Latin and Chinese text, as `fc-list` lists them."""
    fc_list = which("fc-list")
    findings = []
    for name, language, needed_for, required in FONT_CHECKS:
        if fc_list is None:
            findings.append(Finding(name, needed_for, False, "cannot tell: fc-list not found "
                                    "(apt-get install fontconfig)", required))
            continue
        families = _families(fc_list, language)
        shown = ", ".join(families[:3]) + (f" and {len(families) - 3} more"
                                           if len(families) > 3 else "")
        findings.append(Finding(name, needed_for, bool(families),
                                shown or "none installed", required))
    return findings


def _families(fc_list: str, language: str) -> list[str]:
    """The font families `fc-list` names for `language`, sorted, once each."""
    try:
        done = subprocess.run([fc_list, f":lang={language}", "family"], capture_output=True,
                              text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    names = {line.split(",")[0].strip() for line in done.stdout.splitlines() if line.strip()}
    return sorted(names)


def program_findings(which: Callable[[str], str | None] = shutil.which) -> list[Finding]:
    """LibreOffice and Chromium: where they are, when they are."""
    findings = []
    for name, commands, needed_for in PROGRAMS:
        path = next((p for p in map(which, commands) if p), None)
        findings.append(Finding(name, needed_for, path is not None, path or "not found",
                                required=False))
    return findings


def missing_required(findings: Sequence[Finding]) -> int:
    """How many required items were not found."""
    return sum(1 for f in findings if f.status == MISSING)
