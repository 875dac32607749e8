"""deck.yaml loaded and checked: entries with their lines; one-line errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import TemplateError
from reportgen.render.deck.spec import display_path, load_deck_spec, parse_deck_spec


def test_entries_keep_their_values_and_the_lines_they_were_written_on() -> None:
    spec = parse_deck_spec("slides:\n  - layout: Title\n    title: Hello\n"
                           "  - layout: Chart\n    body: [one, two]\n", "deck.yaml")
    assert len(spec.slides) == 2
    first, second = spec.slides
    assert (first.line, first.get("title").value, first.get("title").line) == (2, "Hello", 3)
    assert second.get("body").value == ["one", "two"]
    assert second.get("notes") is None
    assert spec.at(5) == "deck.yaml:5"


@pytest.mark.parametrize(("text", "message"), [
    ("slides:\n  - layout: Title\n    titel: Hi\n",
     "deck.yaml:3: unknown slide key 'titel'; did you mean 'title'?"),
    ("slides:\n  - title: Hi\n", "deck.yaml:2: slide entry without 'layout:'"),
    ("slides: []\n", "deck.yaml:1: 'slides' is empty"),
    ("slides: nothing\n", "deck.yaml:1: 'slides' must be a list of slide entries"),
    ("- layout: Title\n", "deck.yaml:1: expected a mapping with a 'slides:' list"),
    ("slides:\n  - layout: Title\n    chart: a\n    charts: [b]\n",
     "deck.yaml:4: use either 'chart' or 'charts'"),
    ("slides:\n  - &one {layout: Title}\n  - *one\n", "deck.yaml:2: YAML aliases"),
    ("slides:\n  - layout: [a, b]\n", "deck.yaml:2: 'layout' must be text"),
])
def test_a_bad_deck_yaml_is_one_line_naming_file_and_line(text: str, message: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_deck_spec(text, "deck.yaml")
    assert str(caught.value).startswith(message)


def test_a_missing_or_non_utf8_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="deck spec not found"):
        load_deck_spec(tmp_path / "deck.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("slides:\n  - layout: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(TemplateError, match="not UTF-8 text"):
        load_deck_spec(latin)


def test_display_path_is_relative_to_the_working_folder_when_under_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "deck" / "deck.yaml") == str(Path("deck") / "deck.yaml")
    assert display_path(Path("/elsewhere/deck.yaml")) == "/elsewhere/deck.yaml"


def test_a_python_object_tag_in_deck_yaml_is_refused_with_its_line() -> None:
    text = "slides:\n  - layout: Title\n    title: !!python/object/apply:os.system [id]\n"
    with pytest.raises(TemplateError) as caught:
        parse_deck_spec(text, "deck.yaml")
    assert str(caught.value).startswith("deck.yaml:3: tag ")
    assert "refused" in str(caught.value)


def test_a_deck_yaml_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "deck.yaml")
    with pytest.raises(TemplateError, match="named pipe"):
        load_deck_spec(tmp_path / "deck.yaml")
