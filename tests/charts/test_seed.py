"""Charts of the bundled seed: chosen from its data, drawn legibly, and written by the CLI."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest

from reportgen.charts import draw_charts, plan_charts
from reportgen.charts.alt import value_text
from reportgen.cli import main
from reportgen.model import Briefing, ChartSpec

from .test_draw import legibility_problems


@pytest.fixture(scope="module")
def seed() -> Briefing:
    from conftest import SEED

    from reportgen.pipeline import load_briefing

    return load_briefing(SEED)


@pytest.fixture(scope="module")
def seed_charts(seed: Briefing) -> tuple[ChartSpec, ...]:
    return plan_charts(seed).charts


def test_seed_gets_growth_ranking_targets_and_system_charts(seed_charts):
    kinds = [c.kind for c in seed_charts]
    assert {"growth", "ranking", "targets", "system"} <= set(kinds)
    assert "industrial-system" in [c.id for c in seed_charts]


def test_every_plotted_value_is_the_value_of_its_fact(seed, seed_charts):
    for spec in seed_charts:
        for series in spec.series:
            for point in series.points:
                if point.fact_id is None:
                    assert math.isnan(point.value), (spec.id, point)
                else:
                    assert seed.fact(point.fact_id).value == point.value, (spec.id, point)


def test_growth_charts_run_from_the_first_to_the_last_year(seed, seed_charts):
    growth = [c for c in seed_charts if c.kind == "growth"]
    assert growth
    for spec in growth:
        years = [int(p.label) for p in spec.series[0].points]
        assert years == sorted(years) and len(set(years)) == len(years) >= 2
        assert spec.title.endswith(f"{years[0]}–{years[-1]}")
        assert "%" in spec.subtitle  # the change, as a percent


def test_targets_chart_holds_every_target_of_its_year(seed, seed_charts):
    spec = next(c for c in seed_charts if c.kind == "targets")
    target_ids = {t.fact_id for t in seed.targets if f"-{t.year}" in spec.id}
    assert {p.fact_id for p in spec.series[0].points} == target_ids


def test_system_chart_has_every_tier_and_member(seed, seed_charts):
    spec = next(c for c in seed_charts if c.kind == "system")
    assert len(spec.series) == len(seed.system)
    for series, tier in zip(spec.series, seed.system, strict=True):
        assert len(series.points) == len(tier.members)


def test_alt_text_holds_every_plotted_number(seed_charts):
    for spec in seed_charts:
        for series in spec.series[:1]:
            for point in series.points:
                if math.isfinite(point.value):
                    assert value_text(point, spec.unit) in spec.alt_text, (spec.id, point)


def test_seed_charts_are_byte_identical_run_to_run(seed):
    first, second = draw_charts(seed), draw_charts(seed)
    assert [(a.svg, a.png) for a in first] == [(a.svg, a.png) for a in second]


def test_no_seed_chart_text_is_clipped_or_overlapping(seed_charts):
    for spec in seed_charts:
        assert legibility_problems(spec) == [], spec.id


def test_charts_command_writes_svg_and_png_for_every_chart(tmp_path, seed_charts):
    from conftest import SEED

    out = io.StringIO()
    assert main(["charts", str(SEED), "--out", str(tmp_path)], stdout=out) == 0
    folder = tmp_path / SEED.stem
    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted(f"{c.id}.{ext}" for c in seed_charts for ext in ("png", "svg"))
    assert all((folder / name).stat().st_size > 1000 for name in written)
    lines = out.getvalue().splitlines()
    assert len([line for line in lines if line.startswith("wrote ")]) == len(written)


def test_charts_command_writes_only_the_format_asked(tmp_path):
    from conftest import SEED

    assert main(["charts", str(SEED), "--out", str(tmp_path), "--format", "svg"],
                stdout=io.StringIO()) == 0
    assert {p.suffix for p in (tmp_path / SEED.stem).iterdir()} == {".svg"}


def test_charts_command_on_a_missing_file_is_a_one_line_error(tmp_path, capsys):
    assert main(["charts", str(tmp_path / "nope.txt"), "--out", str(tmp_path)],
                stdout=io.StringIO()) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("reportgen: error:") and "nope.txt" in err and "\n" not in err
    assert not (tmp_path / "nope").exists()


def test_chart_files_replace_old_ones_without_leftovers(tmp_path):
    from conftest import SEED

    for _ in range(2):
        main(["charts", str(SEED), "--out", str(tmp_path)], stdout=io.StringIO())
    assert not [p for p in Path(tmp_path / SEED.stem).iterdir() if p.name.startswith(".")]
