"""pipeline.py: the front every command shares, source file to data layer with overrides."""

from __future__ import annotations

from pathlib import Path

from reportgen.pipeline import load_briefing, load_briefings, read_release


def test_an_html_table_reaches_the_extractor_as_sentences(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    page.write_text("<p>2024-01-20</p><table><tr><th>Indicator</th><th>Value (billion yuan)"
                    "</th></tr><tr><td>GDP</td><td>499.6</td></tr></table>", encoding="utf-8")
    assert "GDP was 499.6 billion yuan." in read_release(page).text


def test_overrides_beside_a_release_are_applied_unless_switched_off(tmp_path: Path) -> None:
    release = tmp_path / "r.txt"
    release.write_text("Report\n\n2024-01-20\n\nIn 2023, GDP reached 4.72 trillion yuan.\n",
                       encoding="utf-8")
    fact_id = load_briefing(release, overrides=False).facts[0].id
    (tmp_path / "r.overrides.yaml").write_text(f"facts:\n  {fact_id}:\n    hidden: true\n",
                                               encoding="utf-8")
    assert load_briefing(release).visible_facts == ()
    assert len(load_briefing(release, overrides=False).visible_facts) == 1
    assert [b.document.path for b in load_briefings([tmp_path])] == [str(release)]
