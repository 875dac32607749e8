"""extraction/metrics/phrases.py: the noun phrases around a figure, and their clean-up."""

from __future__ import annotations

from reportgen.extraction.metrics.phrases import (
    clean,
    find_subject,
    participle_after,
    singular,
    strip_qualifier,
    tidy,
    with_topic,
)


def test_the_subject_is_the_clause_before_its_verb() -> None:
    sentence = "The city's industrial added value reached 1.07 trillion yuan."
    assert find_subject(sentence, sentence.index("1.07")) == "industrial added value"


def test_a_qualifier_before_a_figure_is_not_part_of_the_phrase() -> None:
    assert strip_qualifier("exports reached more than ") == "exports reached "


def test_clean_drops_the_issuers_possessive() -> None:
    assert clean("the city's retail sales") == "retail sales"


def test_the_topic_is_added_when_the_phrase_lacks_it() -> None:
    assert with_topic("scale", "integrated circuits") == "integrated circuits scale"
    assert with_topic("integrated circuits scale", "integrated circuits") == \
        "integrated circuits scale"


def test_long_names_are_cut_to_twelve_words_and_plurals_made_singular() -> None:
    assert len(tidy(" ".join(["word"] * 20)).split()) == 12
    assert (singular("cities"), singular("districts"), singular("branches")) == (
        "city", "district", "branch")


def test_a_sentence_adverb_opening_the_clause_is_no_part_of_the_subject() -> None:
    sentence = "Furthermore, high-tech enterprises are projected to increase by 300."
    assert find_subject(sentence, sentence.index("300")) == "high-tech enterprises"


def test_an_ing_participle_after_a_count_says_which_ones_are_counted() -> None:
    assert participle_after(" attending the session were present.") == "attending session"
    assert participle_after(" including 20 new ones") == ""  # a list, not a description


def test_the_size_of_each_thing_counted_before_a_figure_is_a_scale_per_thing() -> None:
    from reportgen.extraction.metrics.phrases import size_per_thing

    assert size_per_thing("One enterprise with a scale of more than ") == "scale per enterprise"
    assert size_per_thing("and two enterprises of more than ") == "scale per enterprise"
    assert size_per_thing("more than 250 with a size of over ") == ""
    assert size_per_thing("exports of more than ") == ""  # no count: no thing counted
