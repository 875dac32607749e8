"""WeasyPrint, imported without its slow library search on Linux.

WeasyPrint's first import opens GObject, Pango, HarfBuzz and fontconfig by trying several names
for each library ('libpango-1.0-0', 'pango-1.0', 'libpango-1.0.so.0', …). For every name that
does not open directly, cffi asks `ctypes.util.find_library`, which on Linux runs `ldconfig -p`,
then gcc, then ld, each in a subprocess: about twenty such names cost 0.3–0.5 s, a third of
the import and of a cold build's critical path. During that import only, lookups are answered
from one reading of the `ldconfig -p` cache, with the pattern `ctypes.util` itself uses; the
names that work on Linux ('libpango-1.0.so.0') are opened by dlopen as before.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from collections.abc import Callable
from types import ModuleType

_LDCONFIG = ("/sbin/ldconfig", "-p")
# The ABI tags `ctypes.util` looks for in `ldconfig -p` (libc6 when the machine is not listed).
_ABI = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
        "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}


def load_weasyprint() -> ModuleType:
    """The `weasyprint` module, imported once (on Linux with the fast library lookup)."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        return _import_weasyprint()
    import ctypes.util

    original = ctypes.util.find_library
    setattr(ctypes.util, "find_library", ldconfig_lookup(_read_ldconfig()))  # noqa: B010
    try:
        return _import_weasyprint()
    finally:
        setattr(ctypes.util, "find_library", original)  # noqa: B010


def _import_weasyprint() -> ModuleType:
    # WeasyPrint 70 warns at import where the HarfBuzz-Subset library is missing, then subsets
    # fonts with fontTools as before; `reportgen check --env` names the library instead.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset will be required",
                                category=DeprecationWarning)
        import weasyprint

    return weasyprint


def ldconfig_lookup(cache: bytes) -> Callable[[str], str | None]:
    """A `find_library` that answers from `ldconfig -p` output: 'pango-1.0' → its soname."""
    bits = "-64" if sys.maxsize > 2**32 else "-32"
    abi = _ABI.get(os.uname().machine + bits, "libc6")

    def find_library(name: str) -> str | None:
        pattern = os.fsencode(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({abi}")
        found = re.search(pattern, cache)
        return os.fsdecode(found.group(1)) if found else None

    return find_library


def _read_ldconfig() -> bytes:
    """The library cache as `ldconfig -p` lists it; empty when there is no ldconfig."""
    try:
        return subprocess.run(_LDCONFIG, capture_output=True, check=False, timeout=10,
                              env={"LC_ALL": "C", "LANG": "C"}).stdout
    except (OSError, subprocess.SubprocessError):
        return b""
