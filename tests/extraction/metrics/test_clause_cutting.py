"""extraction/metrics/clause_cutting.py: a sentence cut into clauses, each with its subject,
verb and direction."""

from __future__ import annotations

from reportgen.extraction.metrics.clause_cutting import cut_clauses, subject_of
from reportgen.extraction.numbers import find_mentions


def clauses_of(sentence: str) -> list[tuple[str, str, str]]:
    mentions = [(m, m.span) for m in find_mentions(sentence)]
    return [(sentence[c.start:c.end].strip(), c.subject, c.direction)
            for c in cut_clauses(sentence, mentions)]


def test_a_clause_list_after_a_semicolon_has_its_own_subject_and_verb() -> None:
    found = clauses_of("Exports rose 4% to 1.2 billion yuan; imports fell 2% to 900 million yuan.")
    assert [(s, d) for _, s, d in found] == [("exports", "up"), ("imports", "down")]


def test_a_thousands_comma_and_brackets_are_no_clause_breaks() -> None:
    found = clauses_of("Output reached 1,234.5 billion yuan (about 180 billion dollars).")
    assert len(found) == 1 and found[0][1] == "output"


def test_a_relative_clause_between_commas_is_an_aside_to_its_subject() -> None:
    found = clauses_of("Rotterdam, which had surpassed Dubai in 2019, handled 13.45 million TEUs.")
    assert found[0][1:] == ("Rotterdam container throughput", "level")


def test_a_participle_after_the_is_no_verb_and_continued_to_carries_the_verb() -> None:
    assert clauses_of("The registered business entities reached 448,900.")[0][1] == \
        "registered business entities"
    assert clauses_of("The GDP of Beijing continued to exceed 4 trillion yuan.")[0][1:] == \
        ("GDP of Beijing", "level")


def test_a_label_before_a_colon_is_the_subject_of_the_figures_after_it() -> None:
    found = clauses_of("High-tech enterprises' output value: up by 30 percent")
    assert found[-1][1:] == ("High-tech enterprises' output value", "up")


def test_a_subject_is_a_noun_phrase_never_a_pronoun_or_a_clause() -> None:
    assert subject_of("annual GDP growth rate") == "annual GDP growth rate"
    assert subject_of("it") == ""
    assert subject_of("exports that were reported") == ""


def test_asides_between_spaced_dashes_and_a_dated_participle_phrase_are_no_subject() -> None:
    found = clauses_of("According to provisional data, published on December 7, the Gross "
                       "Domestic Product - seasonally adjusted data - estimated for the third "
                       "quarter of 2023 was RON 402.678 billion in current prices.")
    assert (found[-1][1].lower(), found[-1][2]) == ("gross domestic product", "level")


def test_who_released_the_data_that_shows_a_figure_is_no_part_of_its_subject() -> None:
    assert subject_of("The UK's Office for National Statistics (ONS) has released data that "
                      "shows the volume of retail sales ") == "volume of retail sales"
