"""Overlapping one document's slow parts: when a helper is started, and what render_all returns
(stages replaced by fakes)."""

from __future__ import annotations

from dataclasses import replace

from build_fakes import fake_briefing, fake_charts

from reportgen.build.overlap import process_limits, render_all, start_helper, with_pngs
from reportgen.config import Config, Limits


def test_no_helper_without_a_deck_or_with_the_deck_alone():
    config = Config()
    assert start_helper(("pdf", "html", "json"), config) is None
    assert start_helper(("pptx",), config) is None
    assert start_helper(("pptx", "json"), config) is None  # json is not rendered beside it


def test_process_limits_come_from_the_configs_document_limits():
    limits = process_limits(Config(limits=Limits(document_timeout_s=7.5, document_memory_mb=900)))
    assert (limits.seconds, limits.memory_mb) == (7.5, 900)


def test_with_pngs_gives_each_chart_the_png_drawn_for_its_id(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Output 5 billion yuan.\n")
    (chart,) = fake_charts(fake_briefing(source, None), None, png=False)
    (again,) = with_pngs((chart,), {chart.id: b"png bytes"})
    assert again.png == b"png bytes" and again.svg == chart.svg
    assert with_pngs((chart,), {})[0].png is None


def test_render_all_renders_the_wanted_formats_in_the_tables_order(proj, tmp_path):
    source = proj.seeds / "release-0.txt"
    config = replace(proj.config(), chart_png=False)
    briefing = fake_briefing(source, config)
    rendered, charts, failures = render_all(("json", "pptx", "pdf", "html"), briefing, config,
                                            False)
    assert failures == {}
    assert [fmt for fmt, _ in rendered] == ["html", "pdf", "pptx"]
    assert [c.id for c in charts] == ["growth-output"] and charts[0].png is None
    assert render_all(("json",), briefing, config, False) == ([], (), {})
