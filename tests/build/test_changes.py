"""What changed in a document's figures: the manifest's fact summary compared with the new one."""

from __future__ import annotations

from reportgen.build.changes import Change, changes_markdown, compare, fact_summary

OLD = {
    "gdp-2023": {"value": 4.7, "unit": "trillion yuan", "year": 2023, "label": "GDP",
                 "text": "4.7 trillion yuan", "is_target": False},
    "exports-2023": {"value": 1.2, "unit": "trillion yuan", "year": 2023, "label": "Exports",
                     "text": "1.2 trillion yuan", "is_target": False},
    "rd-2025": {"value": 4.4, "unit": "%", "year": 2025, "label": "R&D share", "text": "4.4%",
                "is_target": True},
}


def test_compare_lists_changed_new_and_removed_facts_in_id_order():
    new = {k: dict(v) for k, v in OLD.items() if k != "exports-2023"}
    new["gdp-2023"] |= {"value": 4.8, "text": "4.8 trillion yuan"}
    new["imports-2023"] = {"value": 0.9, "unit": "trillion yuan", "year": 2023,
                           "label": "Imports", "text": "0.9 trillion yuan", "is_target": False}
    changes = compare(OLD, new)
    assert [c.line for c in changes] == [
        "removed figure Exports (exports-2023): was 1.2 trillion yuan",
        "figure GDP (gdp-2023): 4.7 trillion yuan → 4.8 trillion yuan",
        "new figure Imports (imports-2023): 0.9 trillion yuan",
    ]


def test_a_fact_whose_wording_changed_but_not_its_value_is_no_change():
    new = {k: dict(v) for k, v in OLD.items()}
    new["gdp-2023"]["text"] = "RMB 4.7 trillion"
    assert compare(OLD, new) == []


def test_changes_markdown_groups_figures_and_targets():
    changes = [Change("gdp-2023", "GDP", "4.7", "4.8"),
               Change("rd-2025", "R&D share", "4.4%", "4.5%", is_target=True)]
    text = changes_markdown("Shanghai GDP", "seeds/sh.txt", "2024-01-01T00:00:00Z", changes)
    assert text.splitlines()[:5] == ["# Changes in Shanghai GDP", "", "Source: `seeds/sh.txt`  ",
                                     "Built: 2024-01-01T00:00:00Z", ""]
    assert "## Figures\n\n- figure GDP (gdp-2023): 4.7 → 4.8\n" in text
    assert "## Targets\n\n- target R&D share (rd-2025): 4.4% → 4.5%\n" in text


def test_fact_summary_keeps_every_visible_fact_with_its_label(synthetic):
    summary = fact_summary(synthetic)
    assert set(summary) == {f.id for f in synthetic.visible_facts}
    fact = synthetic.visible_facts[0]
    assert summary[fact.id]["label"] == fact.display_label
    assert summary[fact.id]["value"] == fact.value
