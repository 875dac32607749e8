"""The shipped findings patterns written in Python (`extraction.wording`): the same sentences
as findings.yaml through Jinja, for every value set and empty, without importing either."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.extraction.findings import DEFAULT_PATTERNS, PATTERN_NAMES, _Writer, load_patterns

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))

# Values for each pattern, every optional one both set and empty: the shipped functions of
# `wording` must write what findings.yaml writes through Jinja.
_SAMPLES = {
    "change": dict(metric="industrial added value", direction="rose", earlier="1 trillion yuan",
                   earlier_year=(2011, None), later="2 trillion yuan", later_year=(2021, None),
                   change="+48.5%", growth=("4.0%", "")),
    "level": dict(metric="GDP", figure="4.47 trillion yuan", when=("in 2022", ""),
                  growth=("7.5%", ""), growth_up=(True, False)),
    "rate": dict(metric="GDP", figure="5.5%", when=("in 2022", ""), up=(True, False)),
    "system": dict(group="three leading industries", members=(["a", "b"], []),
                   total="1.4 trillion yuan", when=("in 2021", "")),
    "target_gap": dict(metric="GDP", target="5 trillion yuan", year=(2025, None),
                       actual="4 trillion yuan", actual_year=(2021, None),
                       growth=("5.7%", "")),
    "targets": dict(year=(2025, None), items=(["GDP 5 trillion yuan", "R&D 4%"], [])),
    "title": dict(place=("Shanghai", ""), subject="industrial added value",
                  figure="1.07 trillion yuan", change=("48.5%", ""), direction=("up", ""),
                  period=("2011–2021", "")),
    "title_short": dict(place=("Shanghai", ""), subject="industrial added value",
                        figure="x", change="", direction="", period=("2011–2021", "")),
}


def _combinations(sample: dict) -> list[dict]:
    choices = [v if isinstance(v, tuple) else (v,) for v in sample.values()]
    return [dict(zip(sample, combo, strict=True)) for combo in itertools.product(*choices)]


@pytest.mark.parametrize("name", sorted(_SAMPLES))
def test_shipped_patterns_write_what_the_yaml_patterns_write_through_jinja(tmp_path, name):
    assert set(_SAMPLES) == set(PATTERN_NAMES)
    staff = tmp_path / "findings.yaml"  # the shipped file, as if staff had copied it
    staff.write_text(DEFAULT_PATTERNS.read_text(encoding="utf-8"), encoding="utf-8")
    through_jinja, shipped = _Writer(load_patterns(staff)), _Writer(load_patterns())
    assert name in through_jinja.patterns.patterns and not shipped.patterns.patterns
    for values in _combinations(_SAMPLES[name]):
        assert shipped.write(name, **values) == through_jinja.write(name, **values), values
    assert load_patterns(staff).max_findings == load_patterns().max_findings


def test_shipped_patterns_need_neither_yaml_nor_jinja():
    code = ("import sys; from reportgen.pipeline import load_briefing; "
            f"b = load_briefing(__import__('pathlib').Path({str(SEED)!r})); "
            "assert b.findings and b.analytic_title; "
            "print(sorted({'jinja2', 'yaml'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"
