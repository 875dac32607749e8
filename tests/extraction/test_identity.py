"""extraction/identity.py: title, date and issuer read past page furniture."""

from __future__ import annotations

import pytest

from reportgen.extraction.identity import find_date, find_issuer, find_place, find_title


@pytest.mark.parametrize("furniture", [
    "Home> News> Press Conference", "home > NEWS", "Language: English | Chinese",
    "By Shi Jing in Shanghai | China Daily | Updated: 2018-07-18 09:18",
    "E-mail press@example.gov.cn Phone 0551-6517", "Open Menu",
    "Container trucks at the port, on March 14, 2020. [Photo/Xinhua]",
    "BEIJING, Jan. 19 (Xinhua) -- The value of trade rose 3 percent in 2023 from a year earlier",
])
def test_page_furniture_before_the_headline_is_never_the_title(furniture: str) -> None:
    text = f"{furniture}\n\nBeijing's foreign trade hits record high in 2023\n\nBody text.\n"
    assert find_title(text) == "Beijing's foreign trade hits record high in 2023"


def test_a_date_stamp_before_the_headline_is_dropped() -> None:
    assert find_title(" date 2023-07-20 Shanghai GDP grows 9.7 percent in first half\n") == \
        "Shanghai GDP grows 9.7 percent in first half"


def test_a_lede_used_as_title_is_cut_at_a_clause_within_120_characters() -> None:
    lede = ("Shanghai's economy continued its recovery in the first half of the year, with its GDP "
            "reaching 2.139 trillion yuan (US$297.93 billion), an increase of 9.7 percent.")
    title = find_title(lede + "\n")
    assert title == "Shanghai's economy continued its recovery in the first half of the year"
    assert len(title) <= 120


def test_a_short_title_without_a_headline_line_is_still_the_first_line() -> None:
    assert find_title("Plan (Phase II)\n") == "Plan (Phase II)"


@pytest.mark.parametrize(("text", "date"), [
    ("E-mail a@b.cn\n\nPub Date:23-10-12 15:21 Source:x\n", "2023-10-12"),
    ("Updated: Jul 18,2018 09:18\n", "2018-07-18"),
    ("(Xinhua) 14:07, January 20, 2022\n", "2022-01-20"),
    ("Trucks queue, on March 14, 2020. [Photo/Xinhua]\n\nPublished 2020-04-21\n", "2020-04-21"),
    ("Shandong: clusters by 2025\n\nSource:Haibao News 11-16-2023 17:05\n", "2023-11-16"),
    ("Published 21/04/2020\n", "2020-04-21"),
])
def test_publication_dates_in_the_forms_pages_print_them(text: str, date: str) -> None:
    assert find_date(text) == date


@pytest.mark.parametrize(("text", "issuer"), [
    ("Exports grew 3 percent, according to the Beijing customs.", "Beijing customs"),
    ("GDP hit 3 trillion yuan, data from the National Bureau of Statistics showed.",
     "National Bureau of Statistics"),
    ("Output grew 6.9 percent, the Shanghai Statistics Bureau said today.",
     "Shanghai Statistics Bureau"),
    ("According to the report released by the Sichuan Provincial Bureau of Statistics on "
     "March 28, GDP rose.", "Sichuan Provincial Bureau of Statistics"),
    ("The State Council Information Office held a press conference on Tuesday.",
     "State Council Information Office"),
    ("GDP rose 7.9 percent, figures released Wednesday by the National Bureau of Statistics "
     "(NBS) show.", "National Bureau of Statistics (NBS)"),
    ("Shenzhen is intensifying efforts, Yu Xiquan, director of the Shenzhen Municipal Industry "
     "and Information Technology Bureau, said.",
     "Shenzhen Municipal Industry and Information Technology Bureau"),
    # a news item naming no office: the agency of its dateline, the source it names
    ("BEIJING, Jan. 19 (Xinhua) -- Exports rose 5 percent.", "Xinhua"),
    ("Trade rises\nSource: China Daily\n\nExports rose 5 percent.", "China Daily"),
    ("Updated: 2018-08-01    Source: Zhongshan Daily Large Medium Small Print\n\nGDP rose.",
     "Zhongshan Daily"),
    ("Retail sales rose 5 percent, the city's statistics bureau said.", "statistics bureau"),
])
def test_the_issuer_is_who_released_or_said_the_figures(text: str, issuer: str) -> None:
    assert find_issuer(text) == issuer


def test_no_organisation_named_means_no_issuer() -> None:
    assert find_issuer("Exports grew 3 percent in 2023.") is None


@pytest.mark.parametrize(("text", "place"), [
    ("Suzhou New District posts strong growth in 2017\n", "Suzhou New District"),
    ("Hebei releases hydrogen plan\n", "Hebei"),
    ("GDP grew 5 percent\n\nThe economy of Taiyuan city grew 5 percent.\n", "Taiyuan"),
])
def test_the_place_is_named_in_the_title_or_the_opening(text: str, place: str) -> None:
    from reportgen.extraction.identity import find_place

    title, _, opening = text.partition("\n")
    assert find_place(title, opening) == place


def test_a_release_naming_no_organisation_speaks_for_its_place(tmp_path) -> None:
    from reportgen.extraction import extract_briefing
    from reportgen.pipeline import read_release

    path = tmp_path / "r.txt"
    path.write_text("Pudong New Area targets 7 percent growth in 2023\n\n2023-01-08\n\n"
                    "The district aims to grow 7 percent this year.\n", encoding="utf-8")
    document = extract_briefing(read_release(path)).document
    assert (document.place, document.issuer) == ("Pudong New Area", "Pudong New Area")


def test_dates_alone_and_speaker_turns_are_not_titles() -> None:
    assert find_title("August 23, 2021\n\n[Gao Feng]: Dear friends, good afternoon.\n\n"
                      "Energy use fell in most provinces in 2020\n") == \
        "Energy use fell in most provinces in 2020"


@pytest.mark.parametrize(("text", "date"), [
    ("GDP report\n\nOn March 28, the bureau said GDP reached 7 trillion yuan in 2021.\n",
     "2022-03-28"),
    ("Trade in H1\n\nOn July 20, customs said trade grew in the first half of 2020.\n",
     "2020-07-20"),
    ("Batteries\n\nInformation released at the 2022 Battery Conference held on July 21 shows "
     "capacity grew. In 2021, sales rose.\n", "2022-07-21"),
    ("Trade\n\nOn Aug. 19, officials said trade reached a record in 2023.\n", None),
    # a year in the question before the sentence is not the event's own
    ("GDP report\n\nWhat was achieved in 2021? According to the report released on March 28, "
     "GDP in 2021 rose.\n", "2022-03-28"),
])
def test_a_release_naming_only_month_and_day_is_dated_by_the_period_it_reports(
        text: str, date: str | None) -> None:
    assert find_date(text) == date


def test_a_short_line_after_the_lede_paragraph_is_not_taken_for_the_headline() -> None:
    text = ("China's gross domestic product reached 7.1682 trillion yuan in the first three "
            "quarters of this year, up 7.9 percent year-on-year, figures released Wednesday by "
            "the National Bureau of Statistics show.\n"
            "Qiu said growth of rural retail sales had slowed in recent months\n")
    assert find_title(text).startswith("China's gross domestic product reached 7.1682 trillion")


def test_a_lede_used_as_title_drops_its_opening_adverbial() -> None:
    text = ("\n\nIn the second position, Ningbo-Zhoushan Port recorded 3.22 million TEUs of "
            "container throughput in June. For H1 2023, it accumulated 17.68 million TEUs.\n")
    assert find_title(text).startswith("Ningbo-Zhoushan Port recorded 3.22 million TEUs")


def test_an_original_title_line_is_the_title_without_its_label() -> None:
    text = ("date 2023-01-22 (Original title: The GDP of 31 provinces was released: the gap "
            "narrowed)\n\nSecurities Times e company news, the GDP of 31 provinces was released "
            "and the gap between Jiangsu and Guangdong narrowed last year.\n")
    assert find_title(text) == "The GDP of 31 provinces was released: the gap narrowed"


def test_a_byline_name_above_the_lede_is_not_the_title() -> None:
    text = ("Chen Siqi\nchen@example.com\nSHENZHEN is intensifying efforts to become a global "
            "leader in advanced manufacturing, the director of the bureau said on Monday.\n")
    assert find_title(text).startswith("SHENZHEN is intensifying efforts")


def test_a_lede_used_as_title_is_its_first_sentence() -> None:
    text = ("\n\nNingbo-Zhoushan Port recorded 3.22 million TEUs of container throughput in June. "
            "For H1 2023, it accumulated a total of 17.68 million TEUs.\n")
    assert find_title(text) == ("Ningbo-Zhoushan Port recorded 3.22 million TEUs of container "
                                "throughput in June")


def test_a_newspaper_named_after_a_place_is_not_the_place() -> None:
    assert find_place("China Daily, January 14 Changsha News On the morning",
                      "the first meeting of the 14th Hunan Provincial People's Congress") == "Hunan"


@pytest.mark.parametrize(("text", "issuer"), [
    ("Officials from Tibet government said during a press conference that GDP grew 8.2 "
     "percent.", "Tibet government"),
    ("The UK's Office for National Statistics (ONS) has released data that shows sales fell.",
     "UK's Office for National Statistics (ONS)"),
    ("Alphaliner's latest report highlights that Jebel Ali is back in the top 10.", "Alphaliner"),
    ("Ports grew.\nSource: American Association of Port Authorities, World Port Rankings.",
     "American Association of Port Authorities"),
    ("According to information released during the 2022 World EV and ES Battery Conference, "
     "capacity reached 531.9 GWh.", "World EV and ES Battery Conference"),
    ("Targets for 2018 were set.\n— A drop of 3 percent in energy use.—Xinhua", "Xinhua"),
    ("TIAJIN, (UrduPoint / Pakistan Point News - 26th Jan, 2021 ) :China's Tianjin is "
     "targeting growth of about 6 percent.", "UrduPoint"),
    ("MIIT spokesperson Tao Qing: In the first quarter, industrial output grew 6.1 percent.",
     "MIIT"),
])
def test_the_issuer_in_the_forms_news_pages_credit_it(text: str, issuer: str) -> None:
    assert find_issuer(text) == issuer


def test_a_lede_that_tells_of_a_press_conference_gives_its_next_sentence_as_title() -> None:
    text = ("date 2023-04-21 On April 20, the Municipal Government Information Office held a "
            "press conference at which the statistics bureau released the data. Data show that "
            "in the first quarter of this year, the city's GDP was 693.289 billion yuan, a "
            "year-on-year increase of 4.7%.\n")
    assert find_title(text).startswith("In the first quarter of this year, the city's GDP was")


def test_a_place_alone_on_a_line_is_not_the_title() -> None:
    text = ("date 2018-03-06 Beijing\n\nFollowing are the highlights of a government work report "
            "distributed to media on Monday. GDP grew 6.9 percent.\n")
    assert find_title(text).startswith("Following are the highlights of a government work")


@pytest.mark.parametrize(("title", "opening", "place"), [
    ("SW China's Tibet records 8.2% GDP growth in Q1", "", "Tibet"),
    ("Foreign trade of China's northernmost province up 30.7 pct in H1",
     "HARBIN, July 19 (Xinhua) -- Heilongjiang, China's northernmost province, saw its foreign "
     "trade grow.", "Heilongjiang"),
])
def test_the_place_inside_a_country_is_the_place_not_the_country(title: str, opening: str,
                                                                  place: str) -> None:
    assert find_place(title, opening) == place


@pytest.mark.parametrize(("text", "issuer"), [
    ("The NEA said that wind and solar capacity would grow 33%.", "NEA"),
    ("GDP increased by 0.2% in the euro area, according to an estimate published by Eurostat, "
     "the statistical office of the European Union.", "Eurostat"),
    ("Guangzhou's Huangpu district released an action plan to foster manufacturing.",
     "Huangpu district"),
])
def test_an_agencys_acronym_a_one_word_publisher_and_a_district_as_issuers(text: str,
                                                                           issuer: str) -> None:
    assert find_issuer(text) == issuer


def test_share_buttons_and_a_date_and_time_line_are_never_the_title() -> None:
    text = ("date 2025-03-09 0 SHARES Share Tweet\n\nMarch 9 – Chinese Premier Li Qiang delivered "
            "the government work report on Wednesday. GDP will grow about 5 percent.\n")
    assert "SHARES" not in find_title(text)
    text = ("August 31, 2023 05:59 pm | Updated 06:09 pm IST - New Delhi\n\nGrowth in India's "
            "GDP sped to 7.8% in the first quarter, as per estimates released by the National "
            "Statistical Office on August 31.\n")
    assert find_title(text).startswith("Growth in India")


def test_a_year_a_rate_compares_with_does_not_date_the_release() -> None:
    text = ("Hubei sees GDP rise 28.5 pct in H1\n\nHubei's GDP stood at 2.28 trillion yuan in the "
            "first half of this year, up 28.5 percent and up 3.7 percent over the same period of "
            "2019, local authorities said on July 16.\n")
    assert find_date(text) is None


def test_a_place_named_with_its_type_in_lower_case_is_the_place() -> None:
    assert find_place("Xiangzhou district posts eye-catching economic growth in H1", "") == \
        "Xiangzhou"
    assert find_place("The city of Xi'an – capital of Northwest China's Shaanxi province – grew",
                      "") == "Xi'an"
