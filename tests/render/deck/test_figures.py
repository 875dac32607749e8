"""The deck's choice of figures, read back with python-pptx: tiles from headline (not threshold)
facts with their labels, and the paged list of figures with their source sentences."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from reportgen import formatting
from reportgen.charts import plan_for
from reportgen.config import Config
from reportgen.model import Briefing, ChartPoint, ChartSeries, ChartSpec, Qualifier, Quantity
from reportgen.render.deck.figures import (
    TileCandidate,
    chart_years,
    figure_text,
    key_candidates,
    tile_label,
)
from reportgen.render.deck.plan import key_facts
from reportgen.templating import DEFAULTS_DIR

from .support import build, flat, slide_titled, staff_deck, with_sentences

DEFAULT_YAML = (DEFAULTS_DIR / "deck" / "deck.yaml").read_text(encoding="utf-8")

FIGURES_TITLE = "Sources of the figures"
# The list of figures is left out of the default deck (the notes quote the sources); staff add
# it back with this entry, as deck.yaml's comments show.
FIGURES_ENTRY = f"""
  - layout: Table
    title: {FIGURES_TITLE}
    table: figures
"""


def with_figures_list(tmp_path: Path) -> Config:
    """Templates whose deck.yaml is the default one with the list of figures added at the end."""
    return staff_deck(tmp_path, DEFAULT_YAML + FIGURES_ENTRY)


def tiles(slide: Any) -> dict[str, tuple[str, str]]:
    """Fact id → (figure, label) of each figure tile on the slide."""
    return {s.name.removeprefix("Figure "): (s.text_frame.paragraphs[0].text,
                                             s.text_frame.paragraphs[1].text)
            for s in slide.shapes if s.name.startswith("Figure ")}


WEAK = (
    ("The city built more than 30 projects with a size of over 90 billion yuan each.",
     "90 billion yuan", Quantity(90e12, "yuan", Qualifier.MORE_THAN), "size of projects", None),
    ("It adopted a new approach in 10 fields.", "10 fields", Quantity(10.0, "count"),
     "number of fields", None),
    ("It opened 6 laboratories.", "6 laboratories", Quantity(6.0, "count"),
     "number of laboratories", None),
    ("It held the fair for 12 consecutive years.", "12 consecutive years",
     Quantity(12.0, "count"), "consecutive years held the fair", None),
    ("It launched 12 key projects, each worth over 500 billion yuan.", "500 billion yuan",
     Quantity(500e12, "yuan", Qualifier.MORE_THAN), "value per key projects", 2021),
    ("Of that, 80% came from the park's operations in 2021.", "80%", Quantity(80.0, "percent"),
     "of which", 2021),
    ("The city's robotics industry scale has reached 90 trillion yuan in 2021.",
     "90 trillion yuan", Quantity(90e12, "yuan"), "city's robotics industry scale has", 2021),
)


# ---- tiles ---------------------------------------------------------------------------------------


def test_tiles_leave_out_thresholds_tiny_counts_counts_of_fields_or_years_and_cut_labels(
        synthetic: Briefing) -> None:
    briefing = with_sentences(synthetic, *WEAK)
    weak = {f"added-{i}" for i in range(len(WEAK))}
    assert briefing.fact("added-0").per_item
    assert briefing.fact("added-4").per_item  # "each worth over …"
    chosen = key_facts(briefing, 50)
    assert chosen and not weak & {f.id for f in chosen}
    shown = tiles(slide_titled(build(briefing), "At a glance"))
    assert shown and not weak & set(shown)


def test_tiles_put_money_and_shares_with_a_year_first_and_large_counts_after(
        synthetic: Briefing) -> None:
    briefing = with_sentences(synthetic, (
        "The city has 420,000 registered enterprises.", "420,000",
        Quantity(420000.0, "count"), "number of registered enterprises", None))
    order = [f.id for f in key_facts(briefing, 50)]
    money_with_year = [f.id for f in briefing.visible_facts if not f.is_target and f.year
                       and f.unit in ("yuan", "percent") and f.year == 2021]
    assert set(order[:len(money_with_year)]) == set(money_with_year)
    assert order.index("added-0") > max(order.index(i) for i in money_with_year)


def test_tile_labels_are_the_sentence_cased_label_with_year_and_change_since_before(
        synthetic: Briefing) -> None:
    slide = slide_titled(build(synthetic), "At a glance")
    shown = tiles(slide)
    assert shown
    for fact_id, (figure, label) in shown.items():
        fact = synthetic.fact(fact_id)
        assert figure == figure_text(fact)
        expected = fact.display_label[:1].upper() + fact.display_label[1:]
        assert flat(label).startswith(expected), label
        if fact.year:
            assert f"({fact.year})" in label
    old, new = synthetic.fact("industrial-added-value-2011"), synthetic.fact(
        "industrial-added-value-2021")
    assert flat(shown[new.id][1]) == (f"Industrial added value (2021), "
                                      f"{formatting.change(old.value, new.value)} on 2011")
    assert tile_label(new) == "Industrial added value (2021)"


def test_seed_tiles_show_no_threshold_no_count_under_ten_and_a_label_for_each(
        seed_path: Path) -> None:
    from reportgen.pipeline import load_briefing

    briefing = load_briefing(seed_path)
    prs = build(briefing)
    seen = 0
    for slide in prs.slides:
        for fact_id, (figure, label) in tiles(slide).items():
            fact = briefing.fact(fact_id)
            assert figure == figure_text(fact)
            seen += 1
            assert not fact.per_item, fact.sentence
            assert fact.unit != "count" or fact.value >= 10, fact_id
            assert not re.search(r"\b(fields|rounds|batches|years)\b",
                                 fact.display_label.split(", ")[0])  # a count of them
            assert label[:1].isupper() and fact.display_label[1:].lower() in label.lower()
    assert seen >= 10


# ---- sources of the figures ----------------------------------------------------------------------


def test_the_default_deck_has_no_list_of_figures(synthetic: Briefing) -> None:
    assert not any(s.shapes.title.text.startswith(FIGURES_TITLE) for s in build(synthetic).slides)


def test_every_figure_on_the_slides_is_listed_with_its_source_sentence(
        tmp_path: Path, synthetic: Briefing) -> None:
    prs = build(synthetic, with_figures_list(tmp_path))
    pages = [s for s in prs.slides if s.shapes.title.text.startswith(FIGURES_TITLE)]
    assert pages
    listed = ""
    for page in pages:
        table = next(s for s in page.shapes if s.has_table).table
        assert [c.text for c in table.rows[0].cells] == ["Figures", "On slide", "Source sentence"]
        listed += " ".join(flat(c.text) for r in list(table.rows)[1:] for c in r.cells)
    specs = {f"Chart {c.id}": c for c in plan_for(synthetic).charts}
    shown = {s.name.removeprefix("Figure ") for slide in prs.slides for s in slide.shapes
             if s.name.startswith("Figure ")}
    shown |= {i for slide in prs.slides for s in slide.shapes if s.name in specs
              for i in specs[s.name].fact_ids}
    assert len(shown) >= 6
    for fact_id in shown:
        fact = synthetic.fact(fact_id)
        assert f"“{flat(fact.sentence)}”" in listed, fact_id


def test_the_figures_list_pages_with_its_header_repeated(tmp_path: Path, seed_path: Path) -> None:
    from reportgen.pipeline import load_briefing

    prs = build(load_briefing(seed_path), with_figures_list(tmp_path))
    got = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None
           and s.shapes.title.text.startswith(FIGURES_TITLE)]
    assert len(got) >= 2
    assert got == [f"{FIGURES_TITLE} ({i} of {len(got)})" for i in range(1, len(got) + 1)]
    for slide in prs.slides:
        if slide.shapes.title.text in got:
            shape = next(s for s in slide.shapes if s.has_table)
            assert shape.table.rows[0].cells[2].text == "Source sentence"
            assert shape.top + sum(r.height for r in shape.table.rows) <= prs.slide_height


def test_a_staff_figures_slide_lists_only_what_the_other_slides_show(
        tmp_path: Path, synthetic: Briefing) -> None:
    config = staff_deck(tmp_path, "slides:\n  - layout: Chart\n    title: Value added\n"
                                  "    chart: growth-industrial-added-value\n"
                                  "  - layout: Table\n    title: Checked\n    table: figures\n")
    prs = build(synthetic, config)
    table = next(s for s in prs.slides[1].shapes if s.has_table).table
    rows = [[c.text for c in r.cells] for r in list(table.rows)[1:]]
    chart = next(c for c in plan_for(synthetic).charts if c.id == "growth-industrial-added-value")
    sentences = {flat(synthetic.fact(i).sentence) for i in chart.fact_ids}
    assert [flat(r[2]).strip("“”") for r in rows] == sorted(sentences, key=len)
    assert all(r[1] == "Value added" for r in rows)
    listed = " ".join(r[0] for r in rows)
    assert "723.1 billion yuan" in listed and "1.0739 trillion yuan" in listed
    assert "4.2014 trillion yuan" not in listed  # on no slide of this deck


# ---- years and candidates ------------------------------------------------------------------------


def test_a_growth_chart_lends_its_year_to_the_facts_it_places() -> None:
    spec = ChartSpec("g", "growth", "Output", "yuan", (
        ChartSeries("Output", (ChartPoint("2020", 1.0, "out-2020"), ChartPoint("2021", 2.0))),
        ChartSeries("2019", (ChartPoint("Chips", 3.0, "chips"),)),
    ))
    ranking = replace(spec, id="r", kind="ranking")
    assert chart_years([spec, ranking]) == {"out-2020": 2020, "chips": 2019}


def test_tile_candidates_come_best_first_with_their_year_and_earlier_figure(
        synthetic: Briefing) -> None:
    chosen = key_candidates(synthetic, 3, [])
    assert all(isinstance(c, TileCandidate) for c in chosen)
    first = chosen[0]
    assert (first.fact.id, first.year) == ("industrial-added-value-2021", 2021)
    assert (first.earlier.id, first.earlier_year) == ("industrial-added-value-2011", 2011)
    assert [c.rank for c in chosen] == sorted(c.rank for c in chosen)
    assert len({c.fact.metric for c in chosen}) == 3


def test_a_figure_reads_with_its_qualifier_at_the_precision_the_source_wrote(
        synthetic: Briefing) -> None:
    fact = synthetic.fact("industrial-added-value-2021")
    assert fact.text == "1.0739 trillion yuan"
    assert figure_text(fact) == "1.0739 trillion yuan"  # not rounded to 1.074 or 1.07
    assert figure_text(replace(fact, quantity=replace(fact.quantity,
                                                      qualifier=Qualifier.MORE_THAN))) == \
        "more than 1.0739 trillion yuan"
    share = replace(fact, quantity=Quantity(1.65, "percent"))
    assert figure_text(share) == "1.65%"  # not 1.6%
    for each in synthetic.visible_facts:  # the deck prints a figure as every output does
        assert figure_text(each) == formatting.fact_figure(each)
