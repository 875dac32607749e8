"""extraction/metrics/lists.py: each figure of a "respectively" list takes its own item."""

from __future__ import annotations

from pathlib import Path

from reportgen.extraction import extract_briefing
from reportgen.pipeline import read_release


def test_respectively_gives_each_figure_its_item(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Trade report\n\n2024-01-20\n\nIn 2023, exports and imports grew 3.2 percent "
                    "and 5.1 percent, respectively.\n", encoding="utf-8")
    found = {f.text: f.metric for f in extract_briefing(read_release(path)).facts}
    assert "export" in found["3.2 percent"] and "import" not in found["3.2 percent"]
    assert "import" in found["5.1 percent"]


def test_a_list_of_examples_names_each_figure_after_its_example(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Trade report\n\n2020-03-12\n\nThe import and export with traditional markets "
                    "such as the United States, the European Union, and Japan fell by 19.6%, "
                    "14.2%, and 15.3% respectively.\n", encoding="utf-8")
    found = {f.text: f.metric for f in extract_briefing(read_release(path)).facts}
    assert found["19.6%"] == "decline in imports and exports with United States"
    assert found["15.3%"] == "decline in imports and exports with Japan"


def test_a_measure_to_a_list_of_places_names_each_figure_after_its_place() -> None:
    from reportgen.extraction.metrics import name_metrics
    from reportgen.extraction.numbers import find_mentions

    sentence = ("Exports to the EU, the United States and Japan grew 3.5 percent, 4.1 percent "
                "and -2.3 percent respectively.")
    mentions = [(m, m.span) for m in find_mentions(sentence)]
    assert name_metrics(sentence, mentions, None) == [
        "exports to EU growth", "exports to United States growth", "exports to Japan growth"]
