"""Glyph preflight: which characters of a text no installed font can draw.

WeasyPrint draws a character that no font covers as an empty box, without a word. We ask
fontconfig (in-process through ctypes; the `fc-list` command as a fallback) once per character
and process, and report the missing ones so that a build says so instead.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import html
import re
import subprocess
import unicodedata
from collections.abc import Iterable

_INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf", "Cs"}
_TAG = re.compile(r"<[^>]*>")
_STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)


def text_characters(markup: str) -> set[str]:
    """The distinct non-ASCII printable characters of an HTML page's text (not tags or CSS)."""
    text = html.unescape(_TAG.sub(" ", _STYLE.sub(" ", markup)))
    return {c for c in text if ord(c) > 127 and unicodedata.category(c) not in _INVISIBLE}


def missing_glyphs(chars: Iterable[str]) -> list[str]:
    """The characters of `chars` that no installed font covers, sorted by code point."""
    return sorted((c for c in set(chars) if not font_covers(c)), key=ord)


def glyph_warning(missing: Iterable[str], where: str = "PDF") -> str | None:
    """One warning line naming the characters no font covers, or None when there are none."""
    chars = sorted(set(missing), key=ord)
    if not chars:
        return None
    shown = " ".join(f"{c} (U+{ord(c):04X})" for c in chars[:12])
    more = f" and {len(chars) - 12} more" if len(chars) > 12 else ""
    return (f"{where}: no installed font has a glyph for {shown}{more}; they print as empty boxes "
            "— install a font that covers them (for Chinese, Japanese, Korean: fonts-noto-cjk)")


@functools.lru_cache(maxsize=4096)
def font_covers(char: str) -> bool:
    """Whether some installed font has a glyph for `char` (True when fontconfig is unavailable)."""
    fc = _fontconfig()
    if fc is not None:
        return _covers_ctypes(fc, ord(char))
    return _covers_fc_list(ord(char))


def _open_fontconfig() -> ctypes.CDLL | None:
    """fontconfig by its Linux soname first: `find_library` runs `ldconfig -p` (and more)."""
    with contextlib.suppress(OSError):
        return ctypes.CDLL("libfontconfig.so.1")
    name = ctypes.util.find_library("fontconfig")
    if name:
        with contextlib.suppress(OSError):
            return ctypes.CDLL(name)
    return None


@functools.lru_cache(maxsize=1)
def _fontconfig() -> ctypes.CDLL | None:
    lib = _open_fontconfig()
    if lib is None:
        return None
    try:
        lib.FcInit()
    except OSError:
        return None
    lib.FcCharSetCreate.restype = ctypes.c_void_p
    lib.FcCharSetAddChar.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    lib.FcCharSetDestroy.argtypes = [ctypes.c_void_p]
    lib.FcPatternCreate.restype = ctypes.c_void_p
    lib.FcPatternAddCharSet.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    lib.FcPatternDestroy.argtypes = [ctypes.c_void_p]
    lib.FcObjectSetCreate.restype = ctypes.c_void_p
    lib.FcObjectSetAdd.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.FcObjectSetDestroy.argtypes = [ctypes.c_void_p]
    lib.FcFontList.restype = ctypes.POINTER(_FcFontSet)
    lib.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    lib.FcFontSetDestroy.argtypes = [ctypes.POINTER(_FcFontSet)]
    return lib


class _FcFontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.c_void_p)]


def _covers_ctypes(fc: ctypes.CDLL, code: int) -> bool:
    """fontconfig's answer: does any font's charset hold `code`?"""
    charset = fc.FcCharSetCreate()
    pattern = fc.FcPatternCreate()
    objects = fc.FcObjectSetCreate()
    try:
        fc.FcCharSetAddChar(charset, code)
        fc.FcPatternAddCharSet(pattern, b"charset", charset)
        fc.FcObjectSetAdd(objects, b"family")
        fonts = fc.FcFontList(None, pattern, objects)
        if not fonts:
            return True  # fontconfig could not answer; do not cry wolf
        found = fonts.contents.nfont > 0
        fc.FcFontSetDestroy(fonts)
        return bool(found)
    finally:
        fc.FcObjectSetDestroy(objects)
        fc.FcPatternDestroy(pattern)
        fc.FcCharSetDestroy(charset)


def _covers_fc_list(code: int) -> bool:
    try:
        out = subprocess.run(["fc-list", f":charset={code:x}", "family"], capture_output=True,
                             text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(out.stdout.strip())
