"""Read what a sentence says about each of its figures: metric, year, period, target flag.

The year is the one the sentence states for the figure ("… 1.07 trillion yuan in 2021",
"In 2021, …", "last year" from the document's date, also past a parenthetical: "… yuan (about
310 billion dollars) in the first half of this year"); a figure is a target when a future cue
("will", "to reach", "aims", "goal", "we expect X to double") governs it or its year lies after
the document's date. Two document-level readings:

- in a "goals for <year>" document (title or heading: "2024 goals", "Main targets for 2025",
  "goals for this year"), a target with no year of its own is for that year, unless it is a
  standing rule (an amount per item, a level to hold) or its paragraph sets a later horizon;
- a single month after the document's month ("in November" in a February release) is last
  year's, unless the figure is a target or the sentence names the year.

Metric names come from `metrics`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reportgen.extraction import rules
from reportgen.extraction.metrics import name_metrics
from reportgen.extraction.metrics.phrases import CARRY_BREAK
from reportgen.extraction.numbers import Mention
from reportgen.extraction.years import (
    after_document_month,
    deadline_after,
    following_deadline,
    leading_year,
    loose_relative_year,
    preceding_deadline,
    preceding_period,
    preceding_year,
    sole_year,
    year_for,
)
from reportgen.model import Span

_TARGET_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in rules.TARGET_CUES) + r")\b",
                        re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the sentence says about one figure."""

    metric: str
    year: int | None
    period: str | None
    is_target: bool


def read_sentence(sentence: str, mentions: list[tuple[Mention, Span]], doc_year: int | None,
                  topic: str | None = None, context_target: bool = False,
                  context_year: int | None = None, plan_year: int | None = None,
                  doc_month: int | None = None, earlier: tuple[str, ...] = ()) -> list[Reading]:
    """A `Reading` for each mention of one sentence (`mentions` carry sentence-local spans).

    `plan_year` is the year a "goals for <year>" document sets its goals for: a target with no
    year of its own is for that year, unless it is a standing rule ("up to N to each project",
    "stay above 3.8%"). `doc_month` turns "in November" in a February release into last year's
    November when the figure is an outcome, not a target. `earlier` holds the subjects the
    paragraph named before, which "the capacity" or "it" may refer back to."""
    lead_year, lead_period = leading_year(sentence, doc_year)
    own = [year_for(sentence, a, b, doc_year) for _, (a, b) in mentions]
    claimed = [(start, stop) for (_, _, start, stop) in own if stop]
    loose = loose_relative_year(sentence, doc_year, claimed)
    metrics = name_metrics(sentence, mentions, topic, earlier)
    span_of_years = _years_span(sentence)
    readings: list[Reading] = []
    carried: tuple[int | None, str | None, int] | None = None
    for i, (mention, (a, b)) in enumerate(mentions):
        year, period, _, stop = own[i]
        if stop:
            carried = (year, period, b)
        elif carried and not CARRY_BREAK.search(sentence[carried[2]:a]):
            year, period = carried[0], carried[1]  # "2.46 trillion yuan last year, up 4.6%"
        if year is None and period is None:
            year = _adjectival_year(sentence, a)  # "its 2023 installation target of 160 GW"
        if year is None and period is None:
            year, period = lead_year, lead_period
        if year is None:
            year, period2 = preceding_year(sentence, a, claimed, doc_year)
            period = period or period2
        if year is None and period is None:
            year, period = preceding_period(sentence, a, doc_year)
        if year is None:
            year = loose
        from_value = is_from_value(sentence, i, mentions)
        if year is None and period is None and not from_value:
            year = deadline_after(sentence, i, mentions, own) or context_year
        definite = mention.kind == "count" and re.search(r"\bthe\s+$", sentence[:a]) is not None
        target = (context_target or _is_target(sentence, a, b)) and not definite or (
            year is not None and doc_year is not None and year > doc_year)
        if target and year is not None and doc_year is not None and year < doc_year \
                and not _GOAL_NOUN.search(sentence[:b]):
            target = False  # "it will approach 13 trillion yuan in 2022" written in 2023: done
        if target and from_value and (
                year is None or doc_year is None or year <= doc_year):
            target = False  # "will rise from 150,000 to 220,000": 150,000 is today's level
        elif target and year is None and period is None:
            year = following_deadline(sentence, b, claimed, doc_year) or (
                None if is_standing_rule(sentence, a, b) or _YEARLY.search(sentence[a:b + 30])
                else preceding_deadline(sentence, a, doc_year))
        if target and year is None and period is None and plan_year is not None \
                and not is_standing_rule(sentence, a, b):
            year = plan_year
        if year is None and period is None and not target and not from_value:
            year, period = sole_year(sentence, a, b, doc_year)  # "… in 2023, and its output …"
            if any(r.is_target and r.year == year for r in readings):
                year, period = None, None  # the year of a plan ("plans to … in 2024, and …")
        if (not target and doc_month is not None and year == doc_year and year is not None
                and after_document_month(period, doc_month)
                and str(doc_year) not in sentence):
            year -= 1  # "sales in November" in a February release: last November
        metric = metrics[i]
        if span_of_years and year is None and period is None and not target:
            metric = f"{metric}, {span_of_years}"  # "…, over the past 10 years"
        readings.append(Reading(metric, year, period, target))
    return readings


# "100 new headquarters every year": a yearly rate, for no single year
_YEARLY = re.compile(r"\b(?:every|each|per)\s+year\b|\bannually\b|\ba year\b")


_YEARS_SPAN = re.compile(r"^\W*(?:Over|In|During|Across)\s+the\s+(?:past|last|previous)\s+"
                         r"(?P<n>[0-9]{1,2}|two|three|four|five|six|seven|eight|nine|ten|"
                         r"eleven|twelve|fifteen|twenty)\s+years\b", re.IGNORECASE)


def _years_span(sentence: str) -> str:
    """ "Over the past 10 years, …": the span the sentence's figures are changes over, as a
    label says it ("over the past 10 years"); '' when it opens with none."""
    found = _YEARS_SPAN.match(sentence)
    return f"over the past {found.group('n')} years" if found else ""


# The patterns of standing rules are compiled on first use: only "goals for <year>" documents
# need them.


@functools.cache
def _each_after() -> re.Pattern[str]:
    """An amount per item or per year after a figure (" … to each project", " per", " every
    year")."""
    return re.compile(r"^[^,;]*?\b(?:to|for|per|in)\s+each\b|^\s*(?:each|per)\b"
                      r"|^[^,;]{0,30}?\b(?:every|each|per)\s+year\b|^\s*(?:annually|a year)\b")


@functools.cache
def _held_level() -> re.Pattern[str]:
    """A level to be held before a figure ("will stay above")."""
    return re.compile(r"\b(?:stay|stays|staying|remain|remains|remaining|keep|keeps|keeping|"
                      r"maintain|maintains|maintaining|hold|holds|holding)\b[^,;]*$")


def is_standing_rule(sentence: str, a: int, b: int) -> bool:
    """True for a figure that is a rule, not a goal for one year: an amount per item ("up to
    20 million yuan … to each project") or a level to be held ("will stay above 3.8%")."""
    clause_start = max((m.end() for m in re.finditer(r"[;:]|,\s*(?:and|while|but)\b",
                                                     sentence[:a])), default=0)
    return bool(_each_after().search(sentence[b:])
                or _held_level().search(sentence[clause_start:a]))


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:" + "|".join(
    re.escape(p) for p, _ in rules.QUALIFIER_PHRASES) + r")\s+)?$", re.IGNORECASE)


# between the two levels: an optional year or period of the first, then "to" ("… in 2015 to")
_FROM_TO = re.compile(r"(?:\s+(?:in|at the end of)\s+[^,;]{1,30})?\s+to\s+(?:[a-z]+\s+){0,3}")


def is_from_value(sentence: str, index: int, mentions: list[tuple[Mention, Span]]) -> bool:
    """True for the starting level of "from A to B" ("rise from 150,000 to 220,000")."""
    if index + 1 >= len(mentions):
        return False
    (_, (a, b)), (_, (next_a, _)) = mentions[index], mentions[index + 1]
    return bool(_FROM_BEFORE.search(sentence[max(0, a - 30):a])
                and _FROM_TO.fullmatch(sentence[b:next_a]))


# ---------------------------------------------------------------------------------------------
# Years and periods


# A new clause with its own subject ends the reach of an earlier cue ("…, and its package
# includes 30 measures"); "…, and to build 50 factories" keeps it.
_NEW_SUBJECT = re.compile(r",\s*(?:and|while|but|whereas)\s+(?:the|its|their|this|these)\b")
_FUTURE_AFTER = re.compile(r"\b(?:will|shall|is (?:expected|set|scheduled|planned) to|"
                           r"are (?:expected|set|scheduled|planned) to)\b")


# "we expect the output … to double", "the city expects exports to grow by": a forecast
_EXPECT_TO = re.compile(r"\b(?:expect|expects|expecting|anticipate|anticipates|forecast|"
                        r"forecasts)\s+(?:[\w'’&-]+\s+){1,10}?to\s+[a-z]+")


def _is_target(sentence: str, a: int, b: int) -> bool:
    """True when a future cue comes before the figure, or its own clause goes on in the future
    tense ("Three new data centers … will be completed this year")."""
    breaks = list(_NEW_SUBJECT.finditer(sentence, 0, a))
    clause = sentence[breaks[-1].end() if breaks else 0:a]
    cues = [m for m in _TARGET_RE.finditer(clause) if not _done_before(clause[:m.start()], m)]
    if cues or _EXPECT_TO.search(sentence, a - len(clause), b):
        return True
    after = _NEW_PRONOUN_CLAUSE.split(CARRY_BREAK.split(sentence[b:], maxsplit=1)[0], 1)[0]
    return _FUTURE_AFTER.search(after) is not None


# A verb in the past before "to reach", "to grow": what happened, not a plan ("continued to
# grow", "increased by 9.8 percent to reach 1.85 trillion yuan")
_PAST_BEFORE_TO = re.compile(r"\b(?:continued|continues|kept|went on|rose|grew|increased|jumped|"
                             r"surged|climbed|expanded|fell|dropped|declined|edged|soared|"
                             r"reached|hit|totaled|totalled|stood|recorded|posted|registered)\b"
                             r"[^;]*$")
_PLAN_WORDS = re.compile(r"\b(?:will|shall|plans?|planned|aims?|aimed|expects?|expected|set|"
                         r"seeks?|strives?|intends?|targets?|goals?)\b", re.IGNORECASE)


_GOAL_NOUN = re.compile(r"\b(?:targets?|goals?|plans?|planned|aims?|aimed|quotas?)\b",
                        re.IGNORECASE)


def _done_before(before: str, cue: re.Match[str]) -> bool:
    """Whether a "to <verb>" or "by <time>" cue follows a verb in the past with no plan word
    between."""
    # "continued to grow", and "reached 448,900 by the end of March": what happened
    return (cue.group(0).lower().startswith(("to ", "by ")) and bool(_PAST_BEFORE_TO.search(before))
            and not _PLAN_WORDS.search(before))


# "… to 39.6 billion dollars and it is expected to exceed …": the forecast is the new clause's
_NEW_PRONOUN_CLAUSE = re.compile(r"\s+and\s+(?:it|they|this|these)\s+")


# "its 2023 installation target of 160 GW": a year inside the noun phrase the figure is "of"
_ADJECTIVAL_YEAR = re.compile(r"\b((?:19|20)[0-9]{2})\s+(?:[a-z][\w-]*\s+){0,3}(?:targets?|goals?|"
                              r"quotas?|plans?|budget|output|capacity|sales|revenue)\s+"
                              r"(?:of|at|is|was|stood at)\s+(?:[a-z]+\s+){0,2}$")


def _adjectival_year(sentence: str, a: int) -> int | None:
    """The year a noun phrase names right before its figure ("its 2023 installation target of
    160 GW" → 2023), else None."""
    found = _ADJECTIVAL_YEAR.search(sentence, max(0, a - 80), a)
    return int(found.group(1)) if found else None
