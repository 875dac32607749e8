"""The template context on its own: numbering, headline cards, targets, lookups, dates."""

from __future__ import annotations

from dataclasses import replace

import pytest
from render_support import config
from synthetic import synthetic_briefing

from reportgen.model import Target
from reportgen.render.briefing.context import build_context, created_date, long_date, short_title


def _context(briefing):
    return build_context(briefing, [], config(), chart_src=lambda c: "", asset=lambda p: p,
                         output="html")


def test_sources_are_numbered_in_document_order_and_grouped_by_sentence():
    base = synthetic_briefing()
    old, new = base.fact("industrial-added-value-2011"), base.fact("industrial-added-value-2021")
    same = replace(new, sentence=old.sentence)  # both figures quoted from one sentence
    ctx = _context(replace(base, facts=tuple(same if f.id == new.id else f for f in base.facts)))
    numbers = [f.number for f in ctx["sources"]]
    assert numbers == list(range(1, len(numbers) + 1))
    assert [f.id for f in ctx["sources"]][:2] == [old.id, new.id]
    first = ctx["source_groups"][0]
    assert [f.id for f in first.facts] == ["industrial-added-value-2011",
                                           "industrial-added-value-2021"]


def test_headline_card_has_change_and_growth_rate_for_two_years():
    card = _context(synthetic_briefing())["headline"][0]
    assert card.fact.id == "industrial-added-value-2021"
    assert card.earlier.id == "industrial-added-value-2011"
    assert card.change == "+48.5%" and card.cagr == "4% a year"


def test_targets_show_the_yearly_growth_the_data_layer_worked_out():
    base = synthetic_briefing()
    actual = replace(base.fact("biopharmaceuticals-scale"), year=2021)
    facts = tuple(actual if f.id == actual.id else f for f in base.facts)
    briefing = replace(base, facts=facts, targets=(
        Target("smart-terminals-scale-2025", "smart terminals", "scale", 2025,
               actual_fact_id="biopharmaceuticals-scale", growth_needed=0.0),
        Target("metaverse-scale-2025", "metaverse", "scale", 2025),
    ))
    rows = _context(briefing)["targets"]
    assert rows[0].actual.id == "biopharmaceuticals-scale"
    assert rows[0].growth_needed == "0% a year"  # 700 → 700 billion yuan
    assert rows[1].actual is None and rows[1].growth_needed == ""


def test_fact_lookup_names_close_ids_and_says_when_a_fact_is_hidden():
    base = synthetic_briefing()
    hidden = replace(base.fact("metaverse-scale-2025"), hidden=True)
    briefing = replace(base, facts=tuple(hidden if f.id == hidden.id else f for f in base.facts))
    ctx = _context(briefing)
    assert ctx["fact"]("industrial-added-value-2021").display == "1.0739 trillion yuan"  # as stated
    with pytest.raises(LookupError, match="closest: industrial-added-value-2021"):
        ctx["fact"]("industrial-added-value-2022")
    with pytest.raises(LookupError, match="hidden by the overrides file"):
        ctx["fact"]("metaverse-scale-2025")
    assert "metaverse-scale-2025" not in {f.id for f in ctx["sources"]}


def test_dates_for_the_cover_and_the_pdf_metadata(monkeypatch):
    assert long_date("2022-09-14") == "14 September 2022"
    assert created_date("2022-09-14") == "2022-09-14"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1663113600")
    assert created_date(None) == "2022-09-14"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert created_date(None) == ""


def test_short_title_cuts_at_a_word():
    title = "Press release for Party Committee special-series press conference on the theme"
    short = short_title(title)
    assert len(short) <= 46 and short.endswith("…") and title.startswith(short[:-1])


def test_glance_cards_never_show_a_threshold_or_a_conversion(tmp_path) -> None:
    from pathlib import Path

    from reportgen.pipeline import load_briefing

    path = Path(tmp_path) / "zone.txt"
    path.write_text("Zone results\n\n2023-01-30\n\nIndustry enterprises above a designated size, "
                    "those with annual turnover of 20 million yuan ($3.1 million), grew 20 "
                    "percent. Output reached 300 billion yuan in 2022.\n", encoding="utf-8")
    shown = {card.fact.text for card in _context(load_briefing(path))["headline"]}
    assert "20 million yuan" not in shown and "$3.1 million" not in shown
    assert "300 billion yuan" in shown
