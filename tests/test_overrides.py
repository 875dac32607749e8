"""Overrides: staff fix values, rename metrics, hide and add facts; mistakes name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import OverridesError
from reportgen.extraction import extract_briefing
from reportgen.model import Briefing, Qualifier
from reportgen.overrides import apply_overrides, overrides_path_for
from reportgen.pipeline import load_briefing
from reportgen.pipeline import read_release as read_source
from reportgen.serialize import briefing_to_dict

RELEASE = (
    "Trade release (March 3, 2024)\n\n"
    "In 2023, the city's GDP reached 4.72 trillion yuan. Exports rose 5 percent.\n"
    "The city will raise R&D intensity to 4.4 percent in 2025.\n"
)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "trade.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return path


def overrides(source: Path, text: str) -> Path:
    path = source.with_name(f"{source.stem}.overrides.yaml")
    path.write_text(text, encoding="utf-8")
    return path


def briefing(source: Path) -> Briefing:
    return extract_briefing(read_source(source))


def test_ids_the_overrides_refer_to(source: Path) -> None:
    assert [f.id for f in briefing(source).facts] == [
        "gdp-2023", "exports-growth", "r-d-intensity-2025"]


def test_no_file_means_no_change(source: Path) -> None:
    assert overrides_path_for(source) is None
    b = briefing(source)
    assert apply_overrides(b, None) is b


def test_value_label_metric_year_and_hidden_are_applied_and_marked(source: Path) -> None:
    overrides(source, (
        "facts:\n"
        "  gdp-2023:\n"
        "    value: 4.8 trillion yuan\n"
        "    label: Gross domestic product\n"
        "    qualifier: about\n"
        "  exports-growth:\n"
        "    year: 2023\n"
        "    metric: export growth\n"
        "  r-d-intensity-2025:\n"
        "    hidden: true\n"
    ))
    b = load_briefing(source)
    gdp = b.fact("gdp-2023")
    assert (gdp.value, gdp.unit, gdp.qualifier, gdp.display_label, gdp.overridden) == (
        4.8e12, "yuan", Qualifier.ABOUT, "Gross domestic product", True)
    exports = b.fact("exports-growth")
    assert (exports.year, exports.metric) == (2023, "export growth")
    assert [f.id for f in b.visible_facts] == ["gdp-2023", "exports-growth"]
    assert b.targets == ()  # the hidden target leaves the targets table
    data = briefing_to_dict(b)
    assert [f["overridden"] for f in data["facts"]] == [True, True]
    assert data["facts"][0]["label"] == "Gross domestic product"


def test_plain_and_scientific_numbers_are_values(source: Path) -> None:
    overrides(source, "facts:\n  gdp-2023:\n    value: 4.8e12\n  exports-growth:\n    value: 5.5\n")
    b = load_briefing(source)
    assert (b.fact("gdp-2023").value, b.fact("exports-growth").value) == (4.8e12, 5.5)
    assert b.fact("exports-growth").unit == "percent"


def test_added_fact_gets_an_id_and_joins_the_targets(source: Path) -> None:
    overrides(source, (
        "add:\n"
        "  - metric: GDP\n"
        "    value: 5 trillion yuan\n"
        "    year: 2025\n"
        "    is_target: true\n"
    ))
    b = load_briefing(source)
    added = b.fact("gdp-2025")
    assert (added.value, added.unit, added.is_target, added.overridden) == (
        5e12, "yuan", True, True)
    assert any(t.fact_id == "gdp-2025" and t.actual_fact_id == "gdp-2023" for t in b.targets)


def test_unknown_fact_id_names_file_line_and_closest_ids(source: Path) -> None:
    path = overrides(source, "facts:\n  gdp-2032:\n    value: 1\n")
    with pytest.raises(OverridesError) as err:
        load_briefing(source)
    assert str(err.value).startswith(f"{path}:2: unknown fact id 'gdp-2032'; closest: gdp-2023")


def test_unknown_key_names_file_line_and_closest_keys(source: Path) -> None:
    path = overrides(source, "facts:\n  gdp-2023:\n    lable: GDP\n")
    with pytest.raises(OverridesError, match=rf"^{path}:3: unknown key 'lable' .*closest: label"):
        load_briefing(source)


def test_unknown_top_level_key_is_an_error(source: Path) -> None:
    path = overrides(source, "fact:\n  gdp-2023: {}\n")
    with pytest.raises(OverridesError, match=rf"^{path}:1: unknown key 'fact'; expected one of"):
        load_briefing(source)


@pytest.mark.parametrize(("body", "message"), [
    ("facts:\n  gdp-2023:\n    value: lots\n", r":3: 'value' 'lots' is not a quantity"),
    ("facts:\n  gdp-2023:\n    year: soon\n", r":3: 'year' must be a year"),
    ("facts:\n  gdp-2023:\n    hidden: maybe\n", r":3: 'hidden' must be true or false"),
    ("facts:\n  gdp-2023:\n    qualifier: roughly\n", r":3: unknown qualifier 'roughly'"),
    ("facts:\n  gdp-2023: [1, 2]\n", r":2: fact 'gdp-2023' must be a mapping"),
    ("add:\n  - value: 5\n", r":2: an added fact needs 'metric'"),
    ("facts:\n  gdp-2023:\n    value: [\n", r":\d+: invalid YAML"),
])
def test_bad_values_are_one_line_with_the_line_number(source: Path, body: str,
                                                      message: str) -> None:
    overrides(source, body)
    with pytest.raises(OverridesError, match=message):
        load_briefing(source)


def test_no_overrides_flag_ignores_the_file(source: Path) -> None:
    overrides(source, "facts:\n  nope: {}\n")
    assert load_briefing(source, overrides=False).fact("gdp-2023").overridden is False


def test_a_python_object_tag_is_refused_with_its_line(source: Path) -> None:
    fact_id = briefing(source).facts[0].id
    path = overrides(source, f"facts:\n  {fact_id}:\n"
                             "    label: !!python/object/apply:os.system [id]\n")
    with pytest.raises(OverridesError) as caught:
        apply_overrides(briefing(source), path)
    message = str(caught.value)
    assert message.startswith(f"{path}:3: tag 'tag:yaml.org,2002:python/object/apply:os.system'")
    assert "\n" not in message and "is refused" in message


def test_an_overrides_file_linked_out_of_its_folder_is_refused(source: Path, tmp_path: Path
                                                                ) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_text("facts: {}\n")
    source.with_name(f"{source.stem}.overrides.yaml").symlink_to(outside)
    with pytest.raises(OverridesError, match="a link to a file outside"):
        apply_overrides(briefing(source), source.with_name(f"{source.stem}.overrides.yaml"))
