"""WeasyPrint's import with the fast library lookup: the same libraries, one subprocess."""

from __future__ import annotations

import ctypes.util
import json
import subprocess
import sys

import pytest

from reportgen.render.briefing.weasy import _read_ldconfig, ldconfig_lookup

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux lookup")

NAMES = ("pango-1.0", "pangoft2-1.0", "gobject-2.0", "harfbuzz", "harfbuzz-subset",
         "fontconfig", "libpango-1.0-0", "pango-1.0-0", "harfbuzz-vector", "c", "m")


def test_the_fast_lookup_finds_what_ctypes_finds_in_the_ldconfig_cache():
    fast = ldconfig_lookup(_read_ldconfig())
    for name in NAMES:
        found = ctypes.util.find_library(name)
        # ctypes may also find a library through gcc or ld; the cache answers the rest alike
        assert fast(name) in (found, None), name
        if found and found.startswith("lib") and ".so" in found:
            assert fast(name) == found, name


CHILD = """
import ctypes.util, json, subprocess
spawned = []
original_popen = subprocess.Popen.__init__
def counting(self, args, *a, **k):
    spawned.append(args if isinstance(args, str) else list(args))
    original_popen(self, args, *a, **k)
subprocess.Popen.__init__ = counting
original_find = ctypes.util.find_library
from reportgen.render.briefing.weasy import load_weasyprint
weasyprint = load_weasyprint()
pdf = weasyprint.HTML(string="<p>reportgen</p>").write_pdf()
print(json.dumps({"spawned": spawned, "restored": ctypes.util.find_library is original_find,
                  "pdf": pdf.startswith(b"%PDF-")}))
"""


def test_weasyprint_loads_with_one_subprocess_and_leaves_find_library_as_it_was():
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                         check=True, timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["pdf"] and result["restored"]
    assert len(result["spawned"]) <= 1, result["spawned"]  # `ldconfig -p`, not ~60 of them
