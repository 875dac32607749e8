"""extraction/metrics/owners.py: a figure of another named place or body says whose it is."""

from __future__ import annotations

from reportgen.extraction.metrics.owners import owner_of, with_owner


def test_a_named_subject_other_than_the_releases_place_owns_its_figures() -> None:
    sentence = "Shenzhen Port handled 13.53 million TEUs in the first half."
    assert owner_of(sentence, sentence.index("13.53"), "China") == "Shenzhen Port"
    assert with_owner("container throughput", "Shenzhen Port") == \
        "Shenzhen Port: container throughput"


def test_the_releases_own_place_and_a_capitalised_opening_word_own_nothing() -> None:
    sentence = "Shanghai's GDP reached 2.1 trillion yuan."
    assert owner_of(sentence, sentence.index("2.1"), "Shanghai") == ""
    exports = "Exports grew 3.2 percent."
    assert owner_of(exports, exports.index("3.2"), "Beijing") == ""


def test_another_places_possessive_owns_its_figure_but_a_country_before_its_place_does_not(
        ) -> None:
    from reportgen.extraction.metrics.owners import owner_of

    sentence = ("Jiangsu's GDP reached 12.29 trillion yuan, second only to Guangdong's 12.91 "
                "trillion yuan.")
    assert owner_of(sentence, sentence.find("12.29"), "China") == "Jiangsu"
    assert owner_of(sentence, sentence.find("12.91"), "China") == "Guangdong"
    assert owner_of(sentence, sentence.find("12.29"), "Jiangsu") == ""
    tianjin = "China's Tianjin targets 6 percent growth."
    assert owner_of(tianjin, tianjin.find("6"), "Tianjin") == ""
