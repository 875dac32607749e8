"""Evaluating deck.yaml: texts rendered by the sandboxed environment, entries turned into slide
plans (repeat, when, charts, tables, tiles), and the facts each plan shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reportgen.charts import plan_for
from reportgen.config import Config
from reportgen.errors import TemplateError
from reportgen.model import Briefing
from reportgen.render.deck.plan import SlidePlan, deck_environment, plan_slides, shown_fact_ids
from reportgen.render.deck.spec import parse_deck_spec
from reportgen.templating import template_roots


def test_deck_texts_are_compiled_once_and_then_read_from_the_bytecode_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    from reportgen.render.deck.plan import render_text
    from reportgen.templating import make_environment, template_roots

    def environment() -> Any:
        env = make_environment(template_roots(), html=False)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(tmp_path))
        return env

    source = "{{ name | upper }} and {% if n > 1 %}many{% endif %}"
    assert render_text(environment(), source, {"name": "a", "n": 2}, "x") == "A and many"
    assert len(list(tmp_path.iterdir())) == 1
    later = environment()
    monkeypatch.setattr(later, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert render_text(later, source, {"name": "b", "n": 1}, "x") == "B and "
    with pytest.raises(TemplateError, match="x: expected token"):
        render_text(environment(), "{{ name | }}", {"name": "a"}, "x")


def test_repeat_and_when_give_one_plan_per_section_that_has_charts(synthetic: Briefing) -> None:
    roots = template_roots()
    spec = parse_deck_spec(
        "slides:\n  - layout: Title\n    title: '{{ document.title }}'\n"
        "  - layout: Chart\n    repeat: numbered_sections\n    as: section\n"
        "    when: charts_in(section.id)\n    title: '{{ loop_index }}. {{ section.title }}'\n"
        "    charts: '{{ charts_in(section.id) }}'\n", "deck.yaml")
    specs = plan_for(synthetic).charts
    plans = plan_slides(spec, deck_environment(tuple(roots)), synthetic, specs, Config())
    with_charts = [s for s in synthetic.sections
                   if s.number > 0 and any(c.section_id == s.id and c.kind != "system"
                                           for c in specs)]
    assert [p.title for p in plans] == [synthetic.document.title] + [
        f"{i}. {s.title}" for i, s in enumerate(
            (s for s in synthetic.sections if s.number > 0), start=1) if s in with_charts]
    assert all(p.charts and p.layout == "Chart" for p in plans[1:])
    assert plans[0].where == "deck.yaml:2" and plans[1].where == "deck.yaml:4"


def test_a_plan_shows_the_facts_its_text_charts_and_tiles_name(synthetic: Briefing) -> None:
    chart = plan_for(synthetic).charts[0]
    plan = SlidePlan(where="deck.yaml:1", layout="Chart", charts=[chart],
                     tiles=[synthetic.fact("metaverse-scale-2025")],
                     fact_ids=["industrial-added-value-2021"])
    ids = shown_fact_ids(plan, synthetic)
    assert ids[0] == "industrial-added-value-2021"
    assert set(chart.fact_ids) <= set(ids) and "metaverse-scale-2025" in ids
    assert len(ids) == len(set(ids))


def test_an_unknown_chart_id_names_the_line_and_the_charts_there_are(synthetic: Briefing) -> None:
    spec = parse_deck_spec("slides:\n  - layout: Chart\n    chart: no-such-chart\n", "deck.yaml")
    with pytest.raises(TemplateError, match="deck.yaml:3: unknown chart id 'no-such-chart'"):
        plan_slides(spec, deck_environment(tuple(template_roots())), synthetic, [], Config())
