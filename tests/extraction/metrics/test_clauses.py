"""extraction/metrics/clauses.py: figures named from their clause's subject, verb and role."""

from __future__ import annotations

import pytest

from reportgen.extraction.metrics import name_metrics
from reportgen.extraction.metrics.clauses import clause_names
from reportgen.extraction.numbers import find_mentions


def named(sentence: str) -> dict[str, str]:
    mentions = [(m, m.span) for m in find_mentions(sentence)]
    names = name_metrics(sentence, mentions, None)
    return {sentence[a:b]: n for (_, (a, b)), n in zip(mentions, names, strict=True)}


def test_clauses_of_a_semicolon_list_each_name_their_own_subject() -> None:
    found = named(
        "Major indicators improved in the last three quarters, with the total output of farming, "
        "forestry, animal husbandry, and fishery industries rising 4% year on year to 185.19 "
        "billion yuan; the total retail sales of consumer products contracting 2.2% year on year "
        "to 832.96 billion yuan; the fixed-asset investment expanding 2.5% year on year.")
    assert found["4%"] == ("total output of farming, forestry, animal husbandry, and fishery "
                           "industries growth")
    assert found["185.19 billion yuan"].startswith("total output of farming")
    assert found["2.2%"] == "decline in total retail sales of consumer products"
    assert found["832.96 billion yuan"] == "total retail sales of consumer products"
    assert found["2.5%"] == "fixed-asset investment growth"


def test_an_elliptic_clause_takes_the_verb_and_the_head_of_the_one_before() -> None:
    found = named(
        "In breakdown, during the nine months, the value-added of primary industry rose by 3.9% "
        "year on year to 121.69 billion yuan, secondary industry by 3.9% to 700.86 billion yuan, "
        "and tertiary industry by 1.2% to 948.16 billion yuan.")
    assert found["121.69 billion yuan"] == "value-added of primary industry"
    assert found["700.86 billion yuan"] == "value-added of secondary industry"
    assert found["1.2%"] == "value-added of tertiary industry growth"


def test_a_change_after_a_level_belongs_to_the_level_subject() -> None:
    found = named("Xi'an's retail sales of consumer goods came in at 219.12 billion yuan, a "
                  "year-on-year decrease of 7.1 percent.")
    assert found["219.12 billion yuan"] == "retail sales of consumer goods"
    assert found["7.1 percent"] == "decline in retail sales of consumer goods"


def test_the_verb_of_decline_names_the_change() -> None:
    found = named("Exports under this category surged 3.4 percent to 562.17 billion yuan, while "
                  "imports declined 2 percent to 904.92 billion yuan.")
    assert found["3.4 percent"] == "exports under this category growth"
    assert found["2 percent"] == "decline in imports"
    assert found["904.92 billion yuan"] == "imports"


def test_a_short_subject_repeating_an_earlier_head_takes_the_earlier_subject() -> None:
    found = named("Fixed asset investments continued to grow in the six months, with investment "
                  "increasing 9.4 percent year on year.")
    assert found["9.4 percent"] == "fixed asset investments growth"


def test_a_with_clause_measures_the_proper_noun_before_it() -> None:
    found = named("The Association of Southeast Asian Nations (ASEAN) remained Guangdong's "
                  "largest trading partner, with imports and exports reaching 969.6 billion yuan, "
                  "up 6.7 percent.")
    assert found["969.6 billion yuan"] == "ASEAN imports and exports"
    assert found["6.7 percent"] == "ASEAN imports and exports growth"


@pytest.mark.parametrize("sentence", [
    "The plan also offers subsidies of up to 5 million yuan for key research projects.",
    "Sales rose 35.4 percent, with exports up 2.6 times.",
    "It rose 5 percent to 3 billion yuan.",
    "The bureau said that the figure was 0.3 percentage point higher.",
])
def test_clauses_of_another_shape_are_left_to_the_word_rules(sentence: str) -> None:
    mentions = [(m, m.span) for m in find_mentions(sentence)]
    names = clause_names(sentence, mentions)
    assert names[-1] is None


def test_an_attribution_before_that_is_no_part_of_the_subject() -> None:
    found = named("Data from the customs showed that exports rose 5 percent to 3 billion yuan.")
    assert found["5 percent"] == "exports growth"
    assert found["3 billion yuan"] == "exports"


def test_a_forecast_verb_phrase_is_no_part_of_the_subject() -> None:
    found = named("Total annual tax revenue is seen rising 20 percent.")
    assert found["20 percent"] == "total annual tax revenue growth"


def test_a_target_is_named_as_one_and_shown_without_the_word_where_pages_mark_it(
        tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release
    path = tmp_path / "r.txt"
    path.write_text("Work report\n\n2024-01-20\n\nThe city aims to raise industrial added value "
                    "by 7.5 percent this year. Exports rose 3 percent last year.\n",
                    encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["7.5 percent"].metric == "industrial added value growth target"
    assert facts["7.5 percent"].display_label == "industrial added value growth"
    assert facts["3 percent"].metric == "exports growth"


def test_a_month_on_month_rate_says_so_and_a_year_on_year_one_only_beside_it() -> None:
    both = named("The CPI rose 2.4 percent year on year and 0.4 percent month on month.")
    assert both["2.4 percent"] == "CPI rise year on year"
    assert both["0.4 percent"] == "CPI rise month on month"
    alone = named("Exports rose 5 percent year on year to 3 billion yuan.")
    assert alone["5 percent"] == "exports growth"


def test_a_respectively_list_is_read_within_its_own_part_of_the_sentence() -> None:
    found = named("The prices of aquatic products, food, eggs rose 3.3%, 1.8% and 1.4% "
                  "respectively; while livestock meat prices fell 5.7% (pork prices fell 7.7%) "
                  "and fresh fruit prices dropped 0.9%.")
    assert found["1.8%"] == "prices of food rise"
    assert found["5.7%"] == "decline in livestock meat prices"
    assert found["7.7%"] == "decline in pork prices"  # a clause in brackets is a clause
    assert found["0.9%"] == "decline in fresh fruit prices"


def test_a_rate_against_the_month_before_says_month_on_month() -> None:
    found = named("On a month-on-month basis, the consumer price rate rose 0.4% in October.")
    assert found["0.4%"] == "consumer price rate rise month on month"
    found = named("Producer prices rose 0.8% compared with September.")
    assert found["0.8%"].lower() == "producer prices rise month on month"


def test_parts_listed_after_includes_are_named_as_parts_of_the_subject() -> None:
    found = named("The installed capacity includes 420 million kilowatts of hydropower, 404 "
                  "million kilowatts of wind power, and 44 million kilowatts of biomass power.")
    assert found["420 million kilowatts"] == "installed capacity of hydropower"
    assert found["404 million kilowatts"] == "installed capacity of wind power"


def test_a_share_after_a_level_is_the_share_of_the_levels_subject() -> None:
    found = named("With the administration announcing on November 30th that the country's "
                  "installed renewable capacity has surpassed 1.4 billion kilowatts, "
                  "constituting nearly 50% of the total capacity.")
    assert found["1.4 billion kilowatts"] == "installed renewable capacity"
    assert found["50%"] == "installed renewable capacity share of total capacity"


def test_the_capacity_in_a_later_sentence_is_the_capacity_named_before(tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release
    path = tmp_path / "r.txt"
    path.write_text("Renewables\n\n2023-11-30\n\nChina's installed capacity of renewable energy "
                    "power generation reached a new high after surpassing 1.3 billion kilowatts "
                    "in June. As of the end of October, the capacity had exceeded 1.4 billion "
                    "kilowatts, marking a year-on-year increase of 20.8%.\n", encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["1.3 billion kilowatts"].metric.startswith(
        "installed capacity of renewable energy power generation")
    assert facts["1.4 billion kilowatts"].metric == (
        "installed capacity of renewable energy power generation")
    assert facts["20.8%"].metric == "installed capacity of renewable energy power generation growth"


def test_a_leading_figure_measures_the_thing_after_of() -> None:
    found = named("A total of 3,637 km of new tracks went into operation in 2023, including "
                  "2,776 km of high-speed railways, the data showed.")
    assert found["3,637 km"] == "length of new tracks"
    assert found["2,776 km"] == "length of high-speed railways"
    assert named("A total of 1.2 billion yuan of foreign investment was attracted.")[
        "1.2 billion yuan"] == "foreign investment"


def test_a_thousands_comma_is_no_clause_break() -> None:
    found = named("Exports rose 5 percent to 3,637 billion yuan, and imports fell 2 percent.")
    assert found["3,637 billion yuan"] == "exports"
    assert found["2 percent"] == "decline in imports"


def test_a_level_after_to_reach_and_a_rate_before_increase_are_named_from_the_subject() -> None:
    found = named("Consumer goods sales increased by 9.8 percent to reach 1.85 trillion yuan "
                  "(222.75 billion dollars) in urban areas, while registering a 6.8 percent "
                  "year-on-year increase in rural areas.")
    assert found["1.85 trillion yuan"] == "consumer goods sales"
    assert found["222.75 billion dollars"] == "consumer goods sales in US dollars"
    assert found["6.8 percent"] == "consumer goods sales growth"


def test_a_rate_followed_by_growth_in_x_is_the_growth_of_x() -> None:
    found = named("The area has set itself the target of 20 percent year-on-year growth in GDP "
                  "in the current year.")
    assert found["20 percent"] == "GDP growth"
    found = named("Sales saw a 6.8 percent increase in rural areas.")
    assert found["6.8 percent"] != "rural areas growth"  # where, not what


def test_the_object_of_saw_names_the_figure_and_a_rate_object_the_subjects_change() -> None:
    found = named("In 2021, Chengdu-Chongqing economic circle saw a regional GDP of 7.39 "
                  "trillion yuan, registering a year-on-year growth rate of 8.5%.")
    assert found["7.39 trillion yuan"] == "Chengdu-Chongqing economic circle regional GDP"
    assert found["8.5%"] == "Chengdu-Chongqing economic circle growth"


def test_a_participle_clause_takes_the_subject_of_the_clause_before() -> None:
    found = named("The automobile manufacturing industry was among the key industries that saw "
                  "rapid growth, achieving a 16.1 percent year-on-year growth in the first half.")
    assert found["16.1 percent"] == "automobile manufacturing industry growth"


def test_who_said_it_is_no_part_of_a_name() -> None:
    found = named("Official data show that the clusters' added value rose 5.2 percent.")
    assert "show" not in found["5.2 percent"] and "Official" not in found["5.2 percent"]


@pytest.mark.parametrize(("sentence", "quote", "name"), [
    ("Total investment in fixed assets is predicted to increase by 10 percent.", "10 percent",
     "total investment in fixed assets growth"),
    ("The growth target for imports and exports is set at 20 percent.", "20 percent",
     "growth target for imports and exports"),
    ("China's Installed Renewable Energy Capacity Exceeds 1.4 Billion Kilowatts",
     "1.4 Billion Kilowatts", "Installed Renewable Energy Capacity"),
    # a bare "increase" or "total" is as often a noun, never read as the verb
    ("Fixed-asset investment expanded 2.5%, keeping a 7-month-long continuous increase.", "2.5%",
     "Fixed-asset investment growth"),
])
def test_plans_infinitives_and_headlines_present_tense_are_verbs(sentence: str, quote: str,
                                                                 name: str) -> None:
    assert named(sentence)[quote] == name


def test_places_of_a_respectively_list_own_the_measure_their_verb_acts_on() -> None:
    found = named("Shanghai Municipality and Hebei and Jilin provinces posted the greatest "
                  "decline, dropping energy use by 8.71 percent, 7.19 percent and 7.05 percent, "
                  "respectively.")
    assert found["8.71 percent"] == "Shanghai Municipality: decline in energy use"
    assert found["7.19 percent"] == "Hebei: decline in energy use"


def test_a_gap_in_percentage_points_is_named_as_the_rate_above_or_below_the_other() -> None:
    found = named("The average annual growth rate of industrial added value in the province "
                  "reached 7.1%, 1.6 percentage points higher than the national average.")
    assert found["1.6 percentage points"] == (
        "average annual growth rate of industrial added value above national average")
    found = named("Investment grew 9.5 percent, 0.8 percentage points lower than that from "
                  "January to October.")
    assert found["0.8 percentage points"].lower() == "investment growth below january to october"


def test_it_in_a_later_sentence_is_the_measure_named_before(tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release
    path = tmp_path / "r.txt"
    path.write_text("Ports\n\n2023-07-20\n\nIn the second position, Ningbo-Zhoushan Port recorded "
                    "3.22 million TEUs of container throughput in June. For H1 2023, it "
                    "accumulated a total of 17.68 million TEUs, experiencing a modest 1.2% "
                    "year-on-year growth.\n", encoding="utf-8")
    facts = {f.text: f for f in extract_briefing(read_release(path)).facts}
    assert facts["3.22 million TEUs"].metric == ("Ningbo-Zhoushan Port container throughput, "
                                                 "June")  # "… of container throughput in June"
    assert (facts["3.22 million TEUs"].year, facts["3.22 million TEUs"].period) == (2023, "M6")
    assert facts["17.68 million TEUs"].metric == (
        "Ningbo-Zhoushan Port container throughput, first half")
    assert facts["1.2%"].metric == "Ningbo-Zhoushan Port container throughput growth, first half"


def test_a_second_amount_for_its_own_purpose_takes_the_first_ones_measure() -> None:
    found = named("This year, Guangdong has allocated 1 trillion yuan for key provincial "
                  "construction projects and over 320 billion yuan for industrial projects.")
    assert found["320 billion yuan"] == "funds allocated for industrial projects"


def test_a_rate_set_after_a_level_with_its_change_noun_is_the_levels_change() -> None:
    found = named("Consumer goods kept their momentum, with total retail sales reaching 915.4 "
                  "billion yuan, a 15.5 percent year-on-year increase.")
    assert found["15.5 percent"] == "total retail sales growth"


def test_a_count_after_a_participle_says_what_the_count_did() -> None:
    found = named("China has started the renovation of 258,800 old urban residential "
                  "communities, benefiting 44.34 million households and around 110 million "
                  "residents.")
    assert found["44.34 million households"] == "number of households benefiting"
    assert found["110 million residents"] == "number of residents benefiting"


def test_a_label_before_a_colon_names_the_figure_after_it_and_its_change() -> None:
    found = named("- Industrial invoiced revenue: 106.1 billion yuan, up 7.76 percent year-on-year")
    assert found["106.1 billion yuan"] == "industrial invoiced revenue"
    assert found["7.76 percent"] == "industrial invoiced revenue growth"


def test_parts_of_a_whole_after_of_which_are_shares_of_it() -> None:
    found = named("Fixed asset investment reached 28.3 billion yuan, 28 percent of which went to "
                  "emerging industries while 15.9 percent went to hi-tech industries.")
    assert found["28 percent"] == "emerging industries share of fixed asset investment"
    assert found["15.9 percent"] == "hi-tech industries share of fixed asset investment"


def test_the_growth_rate_of_a_later_clause_is_the_rate_of_the_subject_before() -> None:
    found = named("The added value of industries increased by 13.1 percent, with the growth "
                  "rate remaining above 10 percent for six consecutive months.")
    assert found["10 percent"] == "added value of industries growth rate"


@pytest.mark.parametrize(("sentence", "quote", "name"), [
    ("Annual GDP growth rate: 6.8 percent", "6.8 percent", "annual GDP growth rate"),
    ("High-tech enterprises' output value: up by 30 percent", "30 percent",
     "High-tech enterprises' output value growth"),
])
def test_a_label_names_the_change_after_its_colon(sentence: str, quote: str, name: str) -> None:
    assert named(sentence)[quote] == name


@pytest.mark.parametrize(("sentence", "quote", "name"), [
    ("— CPI increase of around 3 percent", "3 percent", "CPI rise"),
    ("— A drop of at least 3 percent in energy consumption per unit of GDP, and continued "
     "reduction in emissions", "3 percent", "decline in energy consumption per unit of GDP"),
    ("The export value was 27.08 trillion yuan, representing a slight decrease of 0.1 percent "
     "compared to the previous year.", "0.1 percent", "decline in export value"),
])
def test_a_change_noun_names_what_changed_before_of_or_after_in(sentence: str, quote: str,
                                                                name: str) -> None:
    assert named(sentence)[quote] == name


def test_continued_to_and_a_participle_after_the_are_not_the_clauses_verb() -> None:
    found = named("As municipalities directly under the Central Government, the GDP of Beijing "
                  "and Shanghai continued to exceed 4 trillion yuan.")
    assert found["4 trillion yuan"] == "GDP of Beijing and Shanghai"
    found = named("The registered business entities in Tibet's market reached 448,900 by the end "
                  "of March, increased by 8.2 percent year-on-year.")
    assert found["448,900"] == "registered business entities in Tibet's market"
    assert found["8.2 percent"] == "registered business entities in Tibet's market growth"


@pytest.mark.parametrize(("sentence", "quote", "name"), [
    ("In July, volumes were 2.4% higher than the same period last year.", "2.4%",
     "volumes growth"),
    ("Sales are now 6.7% below pre-pandemic levels in last February.", "6.7%",
     "sales below pre-pandemic levels"),
])
def test_a_rate_above_or_below_another_level_is_the_change_or_the_gap(sentence: str, quote: str,
                                                                     name: str) -> None:
    assert named(sentence)[quote] == name


def test_import_and_export_value_is_named_imports_and_exports() -> None:
    found = named("Lyu highlighted that in August, import and export volume was 3.6 trillion "
                  "yuan.")
    assert found["3.6 trillion yuan"] == "imports and exports"


def test_a_named_port_or_firm_is_measured_by_what_its_verb_did_with_the_figure() -> None:
    found = named("Rotterdam, which had surpassed Dubai in 2019, handled 13.45 million TEUs in "
                  "2023, marking a 7% decline and its second year of decreased volumes.")
    assert found["13.45 million TEUs"] == "Rotterdam container throughput"
    assert found["7%"] == "decline in Rotterdam container throughput"
    found = named("Qingdao came fourth, closely competing with Shenzhen, which processed 29.9 "
                  "million TEUs.")
    assert found["29.9 million TEUs"] == "Shenzhen container throughput"
    assert named("The group sold 2.4 billion yuan last year.")["2.4 billion yuan"] != \
        "group sales"  # only a named port, firm or place


def test_a_list_closed_by_growth_names_each_items_growth_beside_its_gaps() -> None:
    found = named("Advanced manufacturing and high-tech manufacturing saw 5.4% and 6.5% growth "
                  "respectively, with 0.4 and 1.6 percentage points higher than the first "
                  "quarter.")
    assert found["5.4%"] == "Advanced manufacturing growth"
    assert found["6.5%"] == "high-tech manufacturing growth"


def test_with_a_total_of_after_a_count_is_the_total_of_all_of_them() -> None:
    found = named("There were 29 new industrial enterprises above designated size, with a total "
                  "of 630.")
    assert found["630"] == "total industrial enterprises"


def test_an_opening_participle_phrase_and_a_discourse_ordinal_are_not_the_subject() -> None:
    found = named("Looking at the industrial economy in the first quarter, the added value of "
                  "industries above designated size fell by 8.4% year-on-year, and for the "
                  "first two months, it dropped by 13.5%.")
    assert found["8.4%"] == "decline in added value of industries above designated size"
    assert found["13.5%"] == "decline in added value of industries above designated size"
    found = named("First, we have noticed that the value added of industries above designated "
                  "size fell by 8.4% year-on-year.")
    assert found["8.4%"] == "decline in value added of industries above designated size"


@pytest.mark.parametrize(("sentence", "quote", "name"), [
    ("China's Tianjin Targets 6 Pct Annual GDP Growth For 14th Five-Year Plan Period", "6 Pct",
     "annual GDP growth"),
    ("The city's overall labor productivity will grow by an annual average of 5 percent by 2025",
     "5 percent", "overall labor productivity average annual growth"),
    ("GDP has risen from 54 trillion to 82.7 trillion yuan, registering average annual growth of "
     "7.1 percent.", "7.1 percent", "GDP average annual growth"),
    ("The port has suffered, with volumes now 9% below those of 2019.", "9%",
     "volumes below 2019"),
    ("Exports saw further expansion in August, marking three consecutive months of MoM growth.",
     "three consecutive months", "consecutive months of MoM growth"),
    ("The demonstration operation scale of fuel cell buses will reach 1,000 vehicles.",
     "1,000 vehicles", "demonstration operation scale of fuel cell buses"),
])
def test_averages_measures_between_rate_and_change_with_clauses_and_runs(
        sentence: str, quote: str, name: str) -> None:
    assert named(sentence)[quote] == name


def test_that_of_names_the_measure_before_for_another_owner_level_or_rate() -> None:
    found = named("In the first three quarters, the value added of the primary industry was "
                  "5,634.3 billion yuan, up 4.0 percent year on year; that of the secondary "
                  "industry 38,353.1 billion yuan, up 4.6 percent.")
    assert found["38,353.1 billion yuan"] == "value added of secondary industry"
    assert found["4.6 percent"] == "value added of secondary industry growth"
    found = named("The per capita disposable income of urban residents was 26,357 yuan, a "
                  "nominal increase of 4.6 percent, and that of rural residents was 10,551 yuan.")
    assert found["4.6 percent"] == "per capita disposable income of urban residents growth"
    assert found["10,551 yuan"] == "per capita disposable income of rural residents"
    assert named("Exports rose 5 percent, and those of services 3 percent.")["3 percent"] == \
        "exports of services growth"


def test_a_subject_and_its_level_after_and_leave_the_verb_out() -> None:
    found = named("Of the total, exports reached 1.2 trillion yuan, up 5 percent, and imports "
                  "800 billion yuan, down 2 percent.")
    assert found["800 billion yuan"] == "imports"
    assert found["2 percent"] == "decline in imports"


def test_a_hyphenated_word_holds_no_verb() -> None:
    found = named("Private investment dropped 0.4 percent, while investment by state-holding "
                  "enterprises rose 6.4 percent.")
    assert found["6.4 percent"] == "investment by state-holding enterprises growth"


def test_a_clause_telling_how_a_measure_moved_gives_its_subject_to_the_rate_after_it() -> None:
    found = named("Hubei's GDP rebounded strongly, growing 28.5 percent year on year in the first "
                  "half.")
    assert found["28.5 percent"] == "GDP growth"
    found = named("GDP reached 2.5 trillion yuan, an increase of 12.8 percent year-on-year and an "
                  "average growth of 6.1 percent over the past two years.")
    assert found["6.1 percent"] == "GDP growth"


@pytest.mark.parametrize(("sentence", "quote", "name"), [
    ("Energy consumption per unit of GDP should drop by around 2.5 percent.", "2.5 percent",
     "decline in energy consumption per unit of GDP"),
    ("Exports will increase by 5 percent.", "5 percent", "exports growth"),
    ("The deficit-to-GDP ratio is projected at 4 percent, and 1.3 trillion yuan of ultra-long "
     "special treasury bonds will be issued.", "1.3 trillion yuan",
     "ultra-long special treasury bonds"),
])
def test_a_modal_before_a_bare_verb_and_a_plans_amount_of_a_thing(sentence: str, quote: str,
                                                                  name: str) -> None:
    assert named(sentence)[quote] == name


@pytest.mark.parametrize(("sentence", "quote", "name"), [
    ("From January to July, the retail sales of consumer goods in the city totaled 1.18 trillion "
     "yuan, a year-on-year increase of 5.1 percent.", "5.1 percent",
     "retail sales of consumer goods growth"),
    ("China's NEV sales in June totaled 806,000 units, up 35.2 percent from a year earlier.",
     "806,000 units", "NEV sales"),
    ("Among the 41 major industrial sectors, 33 saw their added value increase year on year.",
     "33", "number of major industrial sectors"),
])
def test_the_own_place_a_month_and_a_verb_after_a_count_are_no_part_of_a_name(
        sentence: str, quote: str, name: str) -> None:
    assert named(sentence)[quote] == name


def test_a_share_in_an_of_which_clause_is_a_share_of_the_level_before_it() -> None:
    found = named("The city's total fiscal revenue was 102.3 billion yuan, of which tax revenue "
                  "accounted for 80 percent.")
    assert found["80 percent"] == "tax revenue share of total fiscal revenue"


@pytest.mark.parametrize(("sentence", "quote", "name"), [
    ("BEIJING — China’s goods trade went up 8.2 percent to 16.72 trillion yuan in the first "
     "seven months.", "16.72 trillion yuan", "goods trade"),
    ("Chongqing's trade with major trading partners including ASEAN, the European Union and the "
     "United States respectively hit 30.2 billion yuan, 28.2 billion yuan and 26.9 billion yuan.",
     "28.2 billion yuan", "trade with European Union"),
    ("Ireland (+3.6%) recorded the highest increase of GDP compared to the previous quarter, "
     "followed by Denmark (+1.6%) and Portugal (+1.5%).", "1.6%", "Denmark: GDP change"),
])
def test_datelines_lists_before_respectively_and_figures_in_brackets_after_their_owner(
        sentence: str, quote: str, name: str) -> None:
    assert named(sentence)[quote] == name


def test_a_figure_in_brackets_after_a_port_in_teus_is_its_container_throughput() -> None:
    found = named("The top six in the first half of the year were Shanghai (21.6 million TEU) and "
                  "Ningbo-Zhoushan (13.9 million TEU).")
    assert found["21.6 million TEU"] == "Shanghai container throughput"
    assert found["13.9 million TEU"] == "Ningbo-Zhoushan container throughput"


def test_a_total_in_a_measure_names_the_measure_and_its_conversion_and_change_follow() -> None:
    found = named("During the period, China saw a total of 2.5838 trillion yuan (312 billion "
                  "dollars) in fixed asset investment, up 21.8 percent year-on-year.")
    assert found["2.5838 trillion yuan"] == "fixed asset investment"
    assert found["312 billion dollars"] == "fixed asset investment in US dollars"
    assert found["21.8 percent"] == "fixed asset investment growth"


def test_a_place_described_by_its_country_is_named_by_its_name_and_the_figure_points_back(
        ) -> None:
    found = named("Southwest China's Chongqing Municipality posted a record-high foreign trade at "
                  "180.2 billion yuan (about 27.8 billion U.S. dollars) in the first quarter.")
    assert found["180.2 billion yuan"] == "Chongqing foreign trade"


def test_the_figure_represents_an_increase_of_points_back() -> None:
    from reportgen.extraction.metrics.clauses import clause_names
    from reportgen.extraction.numbers import find_mentions

    sentence = "The figure represents an increase of 60.4 percent over the same period last year."
    names = clause_names(sentence, [(m, m.span) for m in find_mentions(sentence)],
                         ("Chongqing foreign trade",))
    assert names == ["Chongqing foreign trade growth"]
