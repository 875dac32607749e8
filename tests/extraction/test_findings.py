"""Key findings and the analytic title, written from the data layer with editable patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import TemplateError
from reportgen.extraction.findings import load_patterns, write_findings
from reportgen.formatting import fact_figure
from reportgen.model import Briefing
from reportgen.pipeline import load_briefing

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))
RELEASES = sorted([*(ROOT / "tests" / "corpus" / "dev").glob("*.txt"),
                   *(ROOT / "tests" / "heldout").glob("*.txt"),
                   *(ROOT / "tests" / "genre").glob("*.txt")])


def _states_its_facts(briefing: Briefing) -> None:
    """Every fact a finding names is printed in it as the one formatter prints it (or, for a
    count the source writes in words, in the source's words)."""
    for finding in briefing.findings:
        assert finding.fact_ids, finding.text
        for fact in briefing.facts_in(finding.fact_ids):
            shown = fact_figure(fact)
            assert shown in finding.text or fact.text.lower() in finding.text.lower(), (
                f"{fact.id}: {shown!r} not in {finding.text!r}")


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return load_briefing(SEED)


def test_bundled_release_has_three_to_six_findings_that_state_their_facts(seed):
    assert 3 <= len(seed.findings) <= 6
    _states_its_facts(seed)


def test_bundled_release_findings_lead_with_the_headline_change_and_mark_computed_rates(seed):
    first = seed.findings[0]
    assert first.text.startswith("Industrial added value rose from 723.1 billion yuan in 2011 "
                                 "to 1.0739 trillion yuan in 2021")
    assert "computed" in first.text
    assert set(first.fact_ids) == {"industrial-added-value-2011", "industrial-added-value-2021"}


def test_bundled_release_findings_never_state_a_threshold_or_a_conversion(seed):
    ids = {i for f in seed.findings for i in f.fact_ids}
    assert not any(seed.fact(i).per_item for i in ids)


def test_analytic_title_names_place_subject_and_period_within_90_characters(seed):
    title = seed.analytic_title
    assert len(title) <= 90
    assert title.startswith("Shanghai's industrial added value")
    assert "2011–2021" in title


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.stem)
def test_corpus_release_findings_state_their_facts_values(path):
    briefing = load_briefing(path)
    assert len(briefing.findings) <= 6
    _states_its_facts(briefing)
    assert len(briefing.analytic_title) <= 90


def test_most_corpus_releases_get_at_least_three_findings():
    counts = [len(load_briefing(p).findings) for p in RELEASES]
    assert sum(c >= 3 for c in counts) >= 0.7 * len(counts), counts


def test_staff_pattern_changes_the_wording_and_keeps_the_rest(tmp_path, seed):
    own = tmp_path / "findings.yaml"
    own.write_text("max_findings: 2\nchange: '{{ metric | upper_first }}: {{ later }}.'\n")
    written = write_findings(seed, load_patterns(own))
    assert len(written.findings) == 2
    assert written.findings[0].text == "Industrial added value: 1.0739 trillion yuan."
    assert written.analytic_title == seed.analytic_title  # the default title pattern is kept


def test_bad_pattern_is_one_line_naming_the_file_and_line(tmp_path, seed):
    own = tmp_path / "findings.yaml"
    own.write_text("max_findings: 3\nchange: '{{ nonsense }} rose'\n")
    with pytest.raises(TemplateError) as error:
        write_findings(seed, load_patterns(own))
    message = str(error.value)
    assert message.startswith(f"{own}:2: pattern 'change'") and "\n" not in message


def test_unknown_pattern_name_lists_the_known_ones(tmp_path):
    own = tmp_path / "findings.yaml"
    own.write_text("levels: 'x'\n")
    with pytest.raises(TemplateError, match=r"findings.yaml:1: unknown pattern 'levels'; known"):
        load_patterns(own)


def test_staff_patterns_are_filled_through_jinja_with_the_shipped_ones_beside(tmp_path, seed):
    own = tmp_path / "findings.yaml"
    own.write_text("title: 'Staff: {{ subject }}'\nlevel: 'Level {{ figure }}.'\n")
    written = write_findings(seed, load_patterns(own))
    assert written.analytic_title.startswith("Staff: ")
    assert all(f.text.startswith("Level ") for f in written.section_points)
    assert [f.text for f in written.findings if "rose from" in f.text] == \
        [f.text for f in seed.findings if "rose from" in f.text]  # 'change' stays the shipped


def test_each_numbered_section_gets_its_point_from_a_finding_or_its_leading_figure(seed):
    said = {i for f in seed.findings for i in f.fact_ids}
    for section in (s for s in seed.sections if s.number):
        point = seed.finding_in(section.id)
        assert point is not None, section.title  # every chapter of the bundled release
        if not said & set(section.fact_ids):  # no key finding speaks of it: its own point
            assert point in seed.section_points
            assert set(point.fact_ids) <= set(section.fact_ids)
    assert seed.section_points
    for point in seed.section_points:  # money and rates as the one formatter prints them
        fact = seed.fact(point.fact_ids[0])
        assert fact.unit in ("yuan", "usd", "percent") and not fact.is_target
        assert fact_figure(fact) in point.text


def test_a_level_with_its_decline_is_one_finding_that_says_down(tmp_path) -> None:
    from reportgen.pipeline import load_briefing
    path = tmp_path / "r.txt"
    path.write_text("Taiyuan's economy in H1\n\n2020-07-28\n\nIn the first half, Taiyuan's GDP "
                    "was 181.02 billion yuan, a year-on-year decrease of 3.9 percent, 2.8 "
                    "percentage points narrower than in the first quarter. From January to "
                    "November, exports rose 17.8 percent.\n", encoding="utf-8")
    texts = [f.text for f in load_briefing(path).findings]
    assert "GDP stood at 181.02 billion yuan in the first half of 2020, down 3.9%." in texts
    assert not any("percentage points" in t for t in texts)  # a gap explains; it is no finding
    assert "Exports grew 17.8% in January-November 2020." in texts


def test_one_industry_of_a_tier_whose_total_is_a_finding_gets_no_finding_of_its_own(seed):
    assert "scale-biopharma-industry" in seed.headlines  # on the cover
    assert not any(f.fact_ids == ("scale-biopharma-industry",) for f in seed.findings)
    assert any("biopharmaceuticals" in f.text for f in seed.findings)  # named in its tier's
