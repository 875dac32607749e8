"""One small text per reading rule: years, periods, targets and metric names of single figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportgen.extraction import extract_briefing
from reportgen.ingest import SourceDoc
from reportgen.model import Fact
from reportgen.pipeline import read_release

DATED = "Release (March 5, 2024)\n\n"  # the document date makes "last year" 2023


def facts(body: str) -> dict[str, Fact]:
    text = DATED + body + "\n"
    briefing = extract_briefing(SourceDoc(Path("rule.txt"), text, "0" * 64, ".txt"))
    return {f.text: f for f in briefing.facts}


@pytest.mark.parametrize(("body", "quote", "year", "period"), [
    ("In 2021, output reached 5 billion yuan.", "5 billion yuan", 2021, None),
    ("Output rose from 3 billion yuan in 2015 to 5 billion yuan in 2020.", "3 billion yuan",
     2015, None),
    ("Output rose from 3 billion yuan in 2015 to 5 billion yuan in 2020.", "5 billion yuan",
     2020, None),
    ("Last year, exports reached 2 trillion yuan.", "2 trillion yuan", 2023, None),
    ("GDP reached 4.7 trillion yuan last year, up 5 percent.", "5 percent", 2023, None),
    ("In the first half of this year, sales hit 9 billion yuan.", "9 billion yuan", 2024, "H1"),
    ("In the first three quarters, GDP grew 5.1 percent.", "5.1 percent", 2024, "Q1-Q3"),
    ("From January to September, sales grew 9.7%.", "9.7%", 2024, "M1-M9"),
    ("GDP hit 4.72 trillion yuan ($658 billion) in 2023.", "4.72 trillion yuan", 2023, None),
    ("Since 2018, the city has run two rounds of reform.", "two rounds", None, None),
    ("Exports rose 3 percent, up 0.5 percentage points over the same period last year.",
     "3 percent", None, None),
    ("Revenue rose to 5.3% of GDP in 2020-2022.", "5.3%", None, None),
    ("Wu Jincheng: In 2021, output reached 5 billion yuan.", "5 billion yuan", 2021, None),
    ("Over the past year, GDP grew 3 percent.", "3 percent", 2023, None),
    ("GDP grew 5% last year, and the city expects 5.5% growth this year.", "5.5%", 2024, None),
    ("The city will plant 1,000 hectares of forest by 2025.", "1,000 hectares", 2025, None),
    ("Industrial output grew by 37.8% in the first half.", "37.8%", 2024, "H1"),
    ("Industrial added value grew 7.4 per cent year-on-year in the first three quarters.",
     "7.4 per cent", 2024, "Q1-Q3"),
    ("Retail sales totaled 152.3 billion yuan in February.", "152.3 billion yuan", 2024, "M2"),
    ("Retail sales totaled 152.3 billion yuan in April.", "152.3 billion yuan", 2023, "M4"),
    ("The fair will sell 5,000 cars in April.", "5,000 cars", 2024, "M4"),
    ("The city aims to make retail sales exceed 1.7 trillion yuan for the full year.",
     "1.7 trillion yuan", 2024, None),
    ("The city will build 60,000 units of housing and add 1,000 kilometers of cycle lanes by "
     "the end of 2025.", "60,000 units", 2025, None),
    ("Main targets for 2025\n1) GDP growth of about 6 percent;", "6 percent", 2025, None),
    ("“In 2022, imports were 2 trillion yuan,” he said.", "2 trillion yuan", 2022, None),
    # the one year a sentence states reaches a later clause, even after an earlier figure
    ("The city produced 2.3 million vehicles in 2022, ranking second, and its auto output value "
     "reached 526.8 billion yuan, up 4.2 per cent.", "526.8 billion yuan", 2022, None),
    ("The city produced 2.3 million vehicles in 2022, ranking second, and its auto output value "
     "reached 526.8 billion yuan, up 4.2 per cent.", "4.2 per cent", 2022, None),
    # … but not a plan's year, a base year after the figure, or one of several years
    ("The area plans to produce 1.2 million vehicles in 2025, and its policy package includes "
     "30 measures.", "30 measures", None, None),
    ("Exports of new energy vehicles were 2.4 times the level of 2022.", "2.4 times", None, None),
    ("Enterprises spent 26.4 billion yuan on research and development in 2023.",
     "26.4 billion yuan", 2023, None),
    # last year's level is what the figure is compared with, not its time
    ("Hotel occupancy averaged 82 percent, 11 percentage points above last year's holiday.",
     "82 percent", None, None),
    ("Foreign visitors numbered 86,000, nearly three times last year's figure.", "three times",
     None, None),
    ("Last year's output was 5 billion yuan.", "5 billion yuan", 2023, None),
    ("Output rose to 9 billion yuan in 2023 from 7 billion yuan in 2022, and profits reached "
     "1 billion yuan.", "1 billion yuan", None, None),
])
def test_the_year_is_the_one_the_sentence_states(body: str, quote: str, year: int | None,
                                                 period: str | None) -> None:
    fact = facts(body)[quote]
    assert (fact.year, fact.period) == (year, period)


@pytest.mark.parametrize(("body", "quote", "target"), [
    ("The industry scale will reach 700 billion yuan in 2025.", "700 billion yuan", True),
    ("The city aims to raise R&D intensity to 4.4 percent.", "4.4 percent", True),
    ("The city prioritized five areas, with scale to reach 50 billion yuan in 2026.",
     "five areas", False),
    ("Output reached 9 billion yuan in 2023.", "9 billion yuan", False),
    ("Main targets for this year:\n- GDP growth of around 5 percent;", "5 percent", True),
    ("Main targets for 2025\n1) GDP growth of about 6 percent;", "6 percent", True),
    ("Main targets for this year:\n- GDP growth of around 5 percent;\nExports rose 3%.", "3%",
     False),
    ("Shanghai aims to upgrade the six pillar industries.", "six pillar industries", False),
    ("The area plans to produce 1.2 million vehicles, and its package includes 30 measures.",
     "30 measures", False),
    ("The city plans to raise output to 70 billion yuan, and to build 50 new factories.",
     "50 new factories", True),
    ("Three new data centers will be completed this year.", "Three new data centers", True),
    ("The city plans to raise the added value of the digital economy's core industries to "
     "700 billion yuan by 2025.", "700 billion yuan", True),
])
def test_targets_follow_future_cues_and_goal_lists(body: str, quote: str, target: bool) -> None:
    assert facts(body)[quote].is_target is target


@pytest.mark.parametrize(("body", "quote", "metric"), [
    ("The city's industrial added value reached 1.07 trillion yuan.", "1.07 trillion yuan",
     "industrial added value"),
    ("The city has built 60 smart factories.", "60 smart factories", "number of smart factories"),
    ("The IC industry reached 250 billion yuan, accounting for about 25% of the country's total.",
     "25%", "IC industry share of national total"),
    ("Energy use has dropped by 5.26 million tons.", "5.26 million tons", "decline in energy use"),
    ("Income of urban residents was 84,110 yuan, while that of rural residents was 46,385 yuan.",
     "46,385 yuan", "income of rural residents"),
    ("Exports, imports and services grew 5%, 3% and 7%, respectively.", "3%", "imports growth"),
    ("We expect exports to grow by 3 percent.", "3 percent", "exports growth"),
    ("The city will keep the unemployment rate within 5.5 percent.", "5.5 percent",
     "unemployment rate"),
    ("The city added 1,260 hectares of green space.", "1,260 hectares", "green space"),
    ("Consumption contributed 1.8 trillion yuan, or 38.1 percent of GDP.", "38.1 percent",
     "consumption share of GDP"),
    ("It attracted 1,287 new firms, 21.2% more than a year earlier.", "21.2%",
     "change in number of new firms"),
    ("The wage reached 12,183 yuan a month.", "12,183 yuan a month", "wage"),
    ("Its population of 24.87 million makes it the largest city.", "24.87 million", "population"),
    ("By 2035, the population is expected to reach 1.2 million.", "1.2 million", "population"),
    ("The area will invest 300 billion yuan in infrastructure.", "300 billion yuan",
     "investment in infrastructure"),
    ("The area's industrial output grew 5%.", "5%", "industrial output growth"),
    ("Nanshan, Futian and Bao'an districts recorded GDP of 890 billion yuan, 560 billion yuan "
     "and 480 billion yuan respectively.", "560 billion yuan", "Futian districts GDP"),
    ("SHANGHAI, May 20, 2024 -- Shanghai's retail sales totaled 152 billion yuan.",
     "152 billion yuan", "retail sales"),
    ("The city received 13.58 million visitors, who spent a combined 16.5 billion yuan.",
     "16.5 billion yuan", "visitors spending"),
    ("7 platforms with transaction value at 100 billion each.", "100 billion",
     "transaction value per platform"),
    ("It announced 12 key projects, each worth over 100 million yuan.", "100 million yuan",
     "value per key project"),
    ("It will attract 50 projects, each with investment of more than US$ 30 million.",
     "US$ 30 million", "investment per project"),
    ("Sales rose 3.2 percent year-on-year and 1.1 percent month-on-month.", "1.1 percent",
     "sales growth month on month"),
    ("Targets:\n3) an increase of 3 percent in consumer prices.", "3 percent",
     "consumer prices rise"),
    ("Targets:\n2) PM2.5 density below 30 percent.", "30 percent", "PM2.5 density"),
    ("Private firms exported 310 billion yuan, an increase of 6.4 percent, accounting for "
     "30.4 percent of the total.", "30.4 percent", "private firms share of total"),
    ("Exports of new products - cars, batteries and solar cells - fell by 8.2 percent.",
     "8.2 percent", "decline in exports of new products"),
    ("The targets are: the surveyed unemployment rate within 5 percent; and R&D spending at "
     "about 4.4 percent of GDP.", "4.4 percent", "R&D spending share of GDP"),
    ("The targets are: the surveyed unemployment rate within 5 percent; and R&D spending at "
     "about 4.4 percent of GDP.", "5 percent", "surveyed unemployment rate"),
    # a release written in Markdown: its emphasis and a bold label before the phrase
    ("Three pillars.\n\n- **Lasers.** Laser equipment sales rose 12.5 percent to 38 billion "
     "yuan.", "38 billion yuan", "Laser equipment sales"),
    ("The city will invest 8 billion yuan in new research platforms over the next two years.",
     "8 billion yuan", "investment in new research platforms"),
    ("Enterprises spent 26.4 billion yuan on research and development in 2023, equal to 5.1 "
     "percent of revenue.", "26.4 billion yuan", "spending on research and development"),
    ("Hotel occupancy averaged 82 percent.", "82 percent", "Hotel occupancy"),
    ("The city earned tourism revenue of 400 billion yuan.", "400 billion yuan",
     "tourism revenue"),
    ("The city plans to attract 300 million visits and earn tourism revenue of 400 billion yuan "
     "in 2024.", "400 billion yuan", "tourism revenue"),
    ("The city has 5 parks with a total area of 10 square kilometers.", "10 square kilometers",
     "total area of parks"),
    ("Three pillars lead the cluster\n\nThe city has three pillar industries.", "Three pillars",
     "number of pillars"),
    ("Foreign visitors numbered 86,000.", "86,000", "foreign visitors"),
    ("Enterprises spent 26.4 billion yuan on research and development in 2023, equal to 5.1 "
     "percent of revenue.", "5.1 percent", "spending on research and development share of "
     "revenue"),
])
def test_metric_is_a_short_noun_phrase_from_the_sentence(body: str, quote: str,
                                                         metric: str) -> None:
    assert facts(body)[quote].display_label == metric  # the name as pages show it


@pytest.mark.parametrize(("body", "absent"), [
    ("It ranked among the top 10 cities.", "10 cities"),
    ("Call the hotline 12345 for help.", "12345"),
    ("The plant delivered its 2 millionth vehicle.", "2 millionth vehicle"),
    ("(1) total output of more than 4 trillion yuan;", "1"),
    ("The Xuelong 2 icebreaker was launched.", "2"),
])
def test_rankings_codes_list_markers_and_names_are_not_facts(body: str, absent: str) -> None:
    assert absent not in facts(body)


def test_runs_of_years_and_multiples_in_words_are_facts() -> None:
    found = facts("It led for six years in a row, twice as many as before.")
    assert (found["six years in a row"].value, found["six years in a row"].unit) == (6, "count")
    assert (found["twice"].value, found["twice"].unit) == (2, "multiple")


def test_rates_take_their_denominator_into_the_unit() -> None:
    found = facts("The wage reached 12,183 yuan a month and density was 260 units per "
                  "10,000 people.")
    assert found["12,183 yuan a month"].unit == "yuan per month"
    assert found["260 units per 10,000 people"].unit == "units per 10,000 people"


def dated(header: str, body: str) -> dict[str, Fact]:
    """The facts of a release whose first lines (title, date) are `header`."""
    text = header + "\n\n" + body + "\n"
    briefing = extract_briefing(SourceDoc(Path("rule.txt"), text, "0" * 64, ".txt"))
    return {f.text: f for f in briefing.facts}


def test_a_parenthetical_does_not_hide_the_period_from_the_figure_before_it() -> None:
    found = facts("GDP reached 2.2 trillion yuan (about 310 billion U.S. dollars) in the first "
                  "half of this year.")
    assert (found["2.2 trillion yuan"].year, found["2.2 trillion yuan"].period) == (2024, "H1")
    assert found["310 billion U.S. dollars"].period == "H1"


@pytest.mark.parametrize(("header", "body", "quote", "year"), [
    ("Hangzhou unveils 2024 goals for its economy\n(Jan. 18, 2024)",
     "The city will build 10,000 new base stations.", "10,000 new base stations", 2024),
    ("Main targets for 2025\n(Dec. 30, 2024)",
     "Computing power will reach 5,000 PFLOPS.", "5,000 PFLOPS", 2025),
    ("The city's goals for this year\n(Jan. 18, 2024)",
     "The city plans to provide 30,000 units of rental housing.", "30,000 units", 2024),
    # a standing rule is no goal of one year: an amount per item, a level to hold
    ("Hangzhou unveils 2024 goals for its economy\n(Jan. 18, 2024)",
     "Up to 20 million yuan will be given to each major project.", "20 million yuan", None),
    ("Hangzhou unveils 2024 goals for its economy\n(Jan. 18, 2024)",
     "The share of R&D spending in GDP will stay above 3.8%.", "3.8%", None),
    # a paragraph that sets a later horizon keeps its own years
    ("District sets out its goals for 2024\n(Feb. 6, 2024)",
     "By 2025, the district will build 15 parks. The science city will cover 3.2 square "
     "kilometers.", "3.2 square kilometers", None),
    # outcomes keep no year; a release without a goals title gives none
    ("Hangzhou unveils 2024 goals for its economy\n(Jan. 18, 2024)",
     "The city attracted 200,000 graduates.", "200,000 graduates", None),
    ("Hangzhou's economy keeps growing\n(Jan. 18, 2024)",
     "The city will build 10,000 new base stations.", "10,000 new base stations", None),
])
def test_yearless_targets_of_a_goals_document_are_for_its_goals_year(
        header: str, body: str, quote: str, year: int | None) -> None:
    assert dated(header, body)[quote].year == year


@pytest.mark.parametrize(("body", "absent", "present"), [
    ("Hangzhou unveils 2024 goals for its digital economy.", "2024 goals", None),
    ("The 2023 government work report set 12 tasks.", "2023 government work report", "12 tasks"),
    ("The city will complete a 1/5000 digital map of the urban area.", "1/5000", None),
    ("One doctor serves 1/5000 of the residents.", None, "1/5000"),
])
def test_years_before_plan_nouns_and_map_scales_are_not_facts(body: str, absent: str | None,
                                                              present: str | None) -> None:
    found = facts(body)
    assert absent is None or absent not in found
    assert present is None or present in found


def test_computing_power_takes_a_short_lowercase_unit() -> None:
    found = facts("Second, computing power will reach 5,000 PFLOPS.")
    assert (found["5,000 PFLOPS"].value, found["5,000 PFLOPS"].unit) == (5000, "pflops")
    assert found["5,000 PFLOPS"].display_label == "computing power"


def test_an_irregular_past_tense_ends_a_counted_noun() -> None:
    found = facts("Forty-two companies set up regional headquarters in the city.")
    assert found["Forty-two companies"].unit == "count"
    assert "set up regional headquarters" in found["Forty-two companies"].metric


@pytest.mark.parametrize(("body", "quote", "metric"), [
    # an ordinal enumerator opens a point; the covered area is named after what covers it
    ("Third, the city will complete a digital map of the urban area covering 8,000 square "
     "kilometers.", "8,000 square kilometers", "area covered by digital map of urban area"),
    # "N yuan in <fund> … to each <item>"
    ("Up to 20 million yuan in subsidies will be given to each major project.",
     "20 million yuan", "subsidies per major project"),
    ("The fund raised 3 billion yuan in donations.", "3 billion yuan", "donations"),
    # "is set to reach": the auxiliary is not the subject
    ("By 2025, the area's GDP is set to reach about 160 billion yuan.", "160 billion yuan",
     "GDP"),
    # "we expect X to double": X, not the one who expects it
    ("This year, we expect the output of its new energy vehicle industry to double.", "double",
     "growth multiple of output of new energy vehicle industry"),
    # a part of a whole: "of which N went to X", "N of it in X"
    ("Contracted foreign investment was US$5.6 billion, of which 70 percent went to "
     "manufacturing.", "70 percent", "manufacturing share of contracted foreign investment"),
    ("Actual use of foreign capital reached US$12.3 billion, nearly one-third of it in "
     "high-tech sectors.", "one-third", "high-tech sectors share of actual use of foreign capital"),
    # "and" after a figure opens a clause with its own subject
    ("Exports were 612.5 billion yuan and imports were 1.25 trillion yuan.",
     "1.25 trillion yuan", "imports"),
    # "respectively" closes the run of figures that follows its own subject
    ("Foreign trade hit 2.1 trillion yuan, with exports and imports growing by 4.1 percent and "
     "1.2 percent respectively.", "1.2 percent", "imports growth"),
    # unnamed items of a counted group are numbered
    ("Investment was 86 billion yuan, 52 billion yuan and 34 billion yuan in the three "
     "districts respectively.", "52 billion yuan", "investment in district 2"),
    ("GDP grew 5.2 percent and 4.8 percent in the two quarters respectively.", "4.8 percent",
     "GDP growth in quarter 2"),
    # the year is a field of its own, not part of the metric
    ("Investment in digital projects in 2023 was 86 billion yuan.", "86 billion yuan",
     "investment in digital projects"),
    # the verb of an infinitive is not part of the measured noun
    ("The city aims to keep GDP growth at around 5.5 percent this year.", "5.5 percent",
     "GDP growth"),
    # a share names its whole, and the place the measure belongs to
    ("In the first three quarters, the total import and export value of Pudong New Area reached "
     "RMB1.86 trillion, accounting for 61.5% of the city's total.", "61.5%",
     "total imports and exports of Pudong New Area share of city's total, first three quarters"),
    # a running total names what it totals
    ("Forty-two companies set up regional headquarters last year, bringing the total to 531.",
     "531", "total companies set up regional headquarters"),
    # money to be invested for a purpose is investment, not the investor's name
    ("The city will also invest 15 billion yuan in 2024 to build 20,000 charging piles.",
     "15 billion yuan", "investment"),
])
def test_metric_rules_for_the_genre(body: str, quote: str, metric: str) -> None:
    assert facts(body)[quote].display_label == metric


def test_expect_something_to_double_is_a_target_for_the_year_it_names() -> None:
    fact = facts("This year, we expect the output of its new energy vehicle industry to double, "
                 "and we will attract more than 300 new enterprises.")["double"]
    assert (fact.is_target, fact.year, fact.unit) == (True, 2024, "multiple")


def test_rose_by_n_to_m_with_a_counted_subject_counts() -> None:
    found = facts("Twelve multinational companies opened regional headquarters, and the number "
                  "of R&D centers rose by 8 to 260.")
    rise, total = found["8"], found["260"]
    assert (rise.unit, rise.year, rise.is_target) == ("count", None, False)
    assert rise.display_label == "increase in number of R&D centers"
    assert (total.unit, total.metric) == ("count", "number of R&D centers")


def test_speaker_labels_of_a_transcript_stay_out_of_metrics() -> None:
    text = ("Transcript of the press conference\n\nDate 2023-11-02\n\n"
            "Reporter: How did trade perform in the first three quarters?\n\n"
            "Li Ming: In the first three quarters, the import and export value of the area "
            "reached RMB1.86 trillion, accounting for 61.5% of the city's total.\n\n"
            "Wang Fang: Contracted foreign investment was US$5.6 billion.\n")
    briefing = extract_briefing(SourceDoc(Path("qa.txt"), text, "0" * 64, ".txt"))
    found = {f.text: f for f in briefing.facts}
    assert found["61.5%"].metric == ("imports and exports of area share of city's total, "
                                     "first three quarters")
    assert (found["61.5%"].year, found["61.5%"].period) == (2023, "Q1-Q3")
    assert found["US$5.6 billion"].metric.lower() == "contracted foreign investment"
    for fact in briefing.facts:
        assert not re.search(r"Li Ming|Wang Fang|Reporter", fact.metric), fact.metric


@pytest.mark.parametrize(("body", "quote", "year", "period"), [
    # a deadline said earlier in the sentence is a later target's too
    ("The province plans to build 25 stations by 2026, and the demonstration fleet will reach "
     "1,000 vehicles.", "1,000 vehicles", 2026, None),
    # … but not a yearly rate's
    ("We will lift output to 450 billion yuan by 2027, and we aim to attract more than 100 new "
     "headquarters every year.", "100 new headquarters every year", None, None),
    ("Before 2025, the scale of the industrial chain will exceed 50 billion yuan.",
     "50 billion yuan", 2025, None),
    # a period code with its year
    ("Shenzhen Port faced a challenging H1 2023, with a total container throughput of 13.53 "
     "million TEUs.", "13.53 million TEUs", 2023, "H1"),
])
def test_deadlines_and_period_codes_date_the_figures_that_state_none(
        body: str, quote: str, year: int | None, period: str | None) -> None:
    fact = facts(body)[quote]
    assert (fact.year, fact.period) == (year, period)


@pytest.mark.parametrize(("body", "quote", "target"), [
    # "to reach" after a verb in the past is what happened
    ("Fixed asset investments continued to grow in the six months, with investment increasing "
     "9.4 percent.", "9.4 percent", False),
    ("Sales increased by 9.8 percent to reach 1.85 trillion yuan.", "1.85 trillion yuan", False),
    ("Sales are expected to increase by 9.8 percent to reach 1.85 trillion yuan.",
     "1.85 trillion yuan", True),
    # a "will" about a year before the release's is a translation of what happened
    ("Guangdong will approach 13 trillion yuan in 2022, reaching 12911.858 billion yuan.",
     "12911.858 billion yuan", False),
    ("The target for 2022 was 6.5 percent growth.", "6.5 percent", True),
])
def test_past_events_are_not_targets(body: str, quote: str, target: bool) -> None:
    assert facts(body)[quote].is_target is target


def test_energy_in_coal_equivalent_keeps_its_words_and_a_span_of_years_its_label() -> None:
    from reportgen.formatting import fact_figure
    found = facts("Over the past 10 years, the city's total industrial energy consumption has "
                  "dropped by 5.26 million tons of standard coal.")
    fact = found["5.26 million tons of standard coal"]
    assert (fact.value, fact.unit) == (5.26e6, "tons")
    assert fact_figure(fact) == "5.26 million tons of standard coal"
    assert fact.metric.endswith(", over the past 10 years")
    assert fact.id == "decline-total-industrial-energy-consumption"


def test_during_the_period_is_the_period_stated_last_but_the_same_period_last_year_is_not(
        tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Economy report\n\n2002-10-17\n\nGDP reached 7.17 trillion yuan in the first "
                    "three quarters of this year, up 7.9 percent year-on-year. Meanwhile, "
                    "exports surged 19.4 percent to 232.6 billion dollars during the period. "
                    "Imports rose 5 percent over the same period last year.\n",
                    encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["232.6 billion dollars"].period == facts["7.17 trillion yuan"].period
    assert facts["232.6 billion dollars"].metric == "exports, first three quarters"
    assert facts["5 percent"].period is None


def test_a_month_span_that_is_a_quarter_is_labelled_by_the_quarters_name(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Trade report\n\n2020-04-20\n\nFrom January to March, imports of Beijing "
                    "reached 502.98 billion yuan.\n", encoding="utf-8")
    fact = extract_briefing(read_release(path)).facts[0]
    assert fact.metric == "imports of Beijing, first quarter"


def test_a_deadline_after_a_verb_in_the_past_is_what_happened_not_a_target(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Tibet report\n\n2023-04-27\n\nThe registered business entities reached "
                    "448,900 by the end of March, increased by 8.2 percent year-on-year.\n",
                    encoding="utf-8")
    facts = extract_briefing(read_release(path)).facts
    assert [f.is_target for f in facts] == [False, False]


def test_firms_with_revenue_exceeding_a_size_are_counted_with_it_and_the_size_is_a_threshold(
        tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Digital plan\n\n2024-03-01\n\nThe city will cultivate 10 enterprises with "
                    "annual revenue exceeding 10 billion yuan by 2025.\n", encoding="utf-8")
    count, size = extract_briefing(read_release(path)).facts
    assert count.metric == ("number of enterprises with annual revenue exceeding 10 billion yuan "
                            "target")
    assert (size.metric, size.per_item) == ("annual revenue threshold", True)


def test_a_target_named_by_no_measure_is_the_target_of_the_growth_rate_named_before(
        tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Economy\n\n2024-03-01\n\nThe province's GDP grew 4.8% last year. Our target "
                    "this year is 5%, and we are confident.\n", encoding="utf-8")
    facts = extract_briefing(read_release(path)).facts
    assert (facts[1].metric, facts[1].is_target, facts[1].year) == ("GDP growth target", True,
                                                                    2024)


def test_a_ranking_names_each_place_with_the_measure_it_ranks_by(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Guangdong cities GDP ranking\n\n2024-02-01\n\nShenzhen ranked first with a "
                    "GDP of 3.46 trillion yuan, followed by Guangzhou with 3.04 trillion yuan and "
                    "Foshan with 1.33 trillion yuan.\n", encoding="utf-8")
    facts = extract_briefing(read_release(path)).facts
    assert [f.metric for f in facts] == ["Shenzhen: GDP", "Guangzhou: GDP", "Foshan: GDP"]


def test_a_year_inside_the_noun_phrase_of_a_figure_and_for_the_year_2024_date_it(
        tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Energy report\n\n2023-01-03\n\nThe NEA said that if China reaches its 2023 "
                    "installation target of 160 GW of wind and solar, growth would be 33%. For "
                    "the year 2024 as a whole, GDP increased by 0.9% in the euro area.\n",
                    encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["160 GW"].year == 2023
    assert facts["0.9%"].year == 2024


def test_that_opening_a_paragraph_points_back_and_a_level_after_from_is_the_same_measure(
        tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("NEV sales\n\n2023-07-11\n\nChina sold 806,000 new energy vehicles in June, "
                    "data released today showed.\n\nThat's up 35.2 percent from 596,000 units in "
                    "the same month last year.\n", encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    measure = facts["806,000 new energy vehicles"].metric.split(",")[0]  # without its month
    assert facts["35.2 percent"].metric == f"{measure} growth"
    assert facts["596,000 units"].metric == measure


def test_a_figure_named_by_no_measure_takes_its_units_measure_or_its_neighbours(
        tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Ports\n\n2019-08-01\n\nThe exception was February, which dipped to 16.6 "
                    "million TEU. GDP grew 6.1% in the first quarter and at 13.1% in 2022.\n",
                    encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["16.6 million TEU"].metric.startswith("container throughput")
    assert facts["13.1%"].metric.startswith("GDP growth")
