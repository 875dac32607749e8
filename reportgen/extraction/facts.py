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
from reportgen.extraction.metrics import CARRY_BREAK, SPEAKER, name_metrics
from reportgen.extraction.numbers import Mention
from reportgen.model import Span

_PERIOD_WORDS = "|".join(re.escape(p) for p, _ in rules.PERIODS)
_PERIOD_OF = {p.lower(): code for p, code in rules.PERIODS}
_YEAR_PREPS = "|".join(sorted(rules.YEAR_PREPOSITIONS, key=len, reverse=True))
_NON_YEAR_BEFORE = re.compile(r"\b(?:" + "|".join(rules.NON_YEAR_PREPOSITIONS) + r")\s*$")

_LEADING = re.compile(
    r"^(?:In|By|During|For|As of|At the end of|By the end of|Throughout|Over|Since)\s+"
    r"(?:the\s+)?(?:(?P<period>" + _PERIOD_WORDS + r")(?:\s+of\s+|\s*,|\s+))?"
    r"(?:(?P<year>(?:19|20)[0-9]{2})(?![0-9s])|(?P<rel>this year|last year|next year))?",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"^(?:\s*\([^()]{0,80}\))?(?:\s+of\s+(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)?"
    r"[\s,)]*(?:(?:" + _YEAR_PREPS + r")\s+)"
    r"(?:the\s+)?(?:(?P<period>" + _PERIOD_WORDS + r")\s+of\s+)?"
    r"(?:(?P<year>(?:19|20)[0-9]{2})(?![0-9s])|(?P<rel>this year|last year|next year))",
    re.IGNORECASE,
)
# A comparison may stand between a change and its period ("7.4% year-on-year in the first half")
_COMPARISON = (r"(?:[\s,]*(?:year[- ]on[- ]year|y-o-y|from a year (?:earlier|ago)"
               r"|over the (?:same period of )?(?:the )?(?:last|previous) year))?")
_TRAILING_PERIOD = re.compile(
    r"^" + _COMPARISON + r"[\s,]*in\s+the\s+(?P<period>" + _PERIOD_WORDS + r")\b(?!\s+of\b)",
    re.IGNORECASE)
_TRAILING_REL = re.compile(r"^[\s,]*(?:(?P<rel>this year|last year)(?![’']s)"
                           r"|(?:for|in) the (?P<full>full|whole) year)\b", re.IGNORECASE)
_MONTHS = "|".join(sorted((m for m in rules.MONTHS if len(m) > 3), key=len, reverse=True))
_TRAILING_MONTH = re.compile(r"^[\s,]*(?:in|for|during)\s+(?P<month>" + _MONTHS + r")\b"
                             r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)[0-9]{2})\b)?", re.IGNORECASE)
_LEADING_MONTH = re.compile(r"^(?:In|During|For)\s+(?P<month>" + _MONTHS + r")\b"
                            r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)[0-9]{2})\b)?", re.IGNORECASE)
_PRECEDING = re.compile(
    r"\b(?P<prep>in|of|for|during|by)\s+(?:the\s+)?(?:(?P<period>" + _PERIOD_WORDS
    + r")\s+(?:of\s+)?)?(?:(?P<year>(?:19|20)[0-9]{2})(?![0-9s])|(?P<rel>this year|last year))",
    re.IGNORECASE,
)
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
                  doc_month: int | None = None) -> list[Reading]:
    """A `Reading` for each mention of one sentence (`mentions` carry sentence-local spans).

    `plan_year` is the year a "goals for <year>" document sets its goals for: a target with no
    year of its own is for that year, unless it is a standing rule ("up to N to each project",
    "stay above 3.8%"). `doc_month` turns "in November" in a February release into last year's
    November when the figure is an outcome, not a target."""
    lead_year, lead_period = _leading_year(sentence, doc_year)
    own = [_year_for(sentence, a, b, doc_year) for _, (a, b) in mentions]
    claimed = [(start, stop) for (_, _, start, stop) in own if stop]
    loose = _loose_relative_year(sentence, doc_year, claimed)
    metrics = name_metrics(sentence, mentions, topic)
    readings: list[Reading] = []
    carried: tuple[int | None, str | None, int] | None = None
    for i, (mention, (a, b)) in enumerate(mentions):
        year, period, _, stop = own[i]
        if stop:
            carried = (year, period, b)
        elif carried and not CARRY_BREAK.search(sentence[carried[2]:a]):
            year, period = carried[0], carried[1]  # "2.46 trillion yuan last year, up 4.6%"
        if year is None and period is None:
            year, period = lead_year, lead_period
        if year is None:
            year, period2 = _preceding_year(sentence, a, claimed, doc_year)
            period = period or period2
        if year is None:
            year = loose
        from_value = is_from_value(sentence, i, mentions)
        if year is None and period is None and not from_value:
            year = _deadline_after(sentence, i, mentions, own) or context_year
        definite = mention.kind == "count" and re.search(r"\bthe\s+$", sentence[:a]) is not None
        target = (context_target or _is_target(sentence, a, b)) and not definite or (
            year is not None and doc_year is not None and year > doc_year)
        if target and from_value and (
                year is None or doc_year is None or year <= doc_year):
            target = False  # "will rise from 150,000 to 220,000": 150,000 is today's level
        elif target and year is None and period is None:
            year = _following_deadline(sentence, b, claimed, doc_year)
        if target and year is None and period is None and plan_year is not None \
                and not is_standing_rule(sentence, a, b):
            year = plan_year
        if year is None and period is None and not target and not from_value:
            year, period = _sole_year(sentence, a, b, doc_year)  # "… in 2023, and its output …"
            if any(r.is_target and r.year == year for r in readings):
                year, period = None, None  # the year of a plan ("plans to … in 2024, and …")
        if (not target and doc_month is not None and year == doc_year and year is not None
                and _after_document_month(period, doc_month)
                and str(doc_year) not in sentence):
            year -= 1  # "sales in November" in a February release: last November
        readings.append(Reading(metrics[i], year, period, target))
    return readings


def _after_document_month(period: str | None, doc_month: int) -> bool:
    """True when a single-month period ("M11") lies after the document's own month."""
    match = re.fullmatch(r"M([0-9]{1,2})", period or "")
    return match is not None and int(match.group(1)) > doc_month


# The patterns of standing rules are compiled on first use: only "goals for <year>" documents
# need them.


@functools.cache
def _each_after() -> re.Pattern[str]:
    """An amount per item after a figure (" … to each project", " per")."""
    return re.compile(r"^[^,;]*?\b(?:to|for|per|in)\s+each\b|^\s*(?:each|per)\b")


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


def _deadline_after(sentence: str, index: int, mentions: list[tuple[Mention, Span]],
                    own: list[tuple[int | None, str | None, int, int]]) -> int | None:
    """The "by 2025" deadline a later figure of the same clause chain states for this one too
    ("build 60,000 units … and add 1,000 km of cycle lanes by the end of 2025")."""
    a = mentions[index][1][1]
    for k in range(index + 1, len(mentions)):
        year, _, start, stop = own[k]
        if CARRY_BREAK.search(sentence[a:mentions[k][1][0]]):
            return None
        if stop and year is not None and re.search(r"\bby\b", sentence[start:stop]):
            return year
    return None


@functools.cache
def _deadline() -> re.Pattern[str]:
    """A deadline year ("by 2025", "in 2024", "by the end of 2026")."""
    # compiled on first use: only a target without a year of its own needs it
    return re.compile(r"\b(?:by|in)\s+(?:the\s+end\s+of\s+)?((?:19|20)[0-9]{2})\b(?![-–0-9])")


def _following_deadline(sentence: str, b: int, claimed: list[tuple[int, int]],
                        doc_year: int | None) -> int | None:
    """The nearest "by 2025" / "in 2024" after a target that no other figure states for itself
    ("cultivate 50 firms with trade exceeding 100 million yuan each in 2024, and aims to raise
    the share to 45 percent by 2025": 50 and 100 million are for 2024, 45 for 2025)."""
    for match in _deadline().finditer(sentence, b):
        if any(s <= match.start() < e for s, e in claimed):
            continue
        year = int(match.group(1))
        if doc_year is None or year >= doc_year:
            return year
    return None


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


def _year_of(match: re.Match[str], doc_year: int | None) -> tuple[int | None, str | None]:
    period = _PERIOD_OF.get((match.group("period") or "").lower())
    if match.group("year"):
        return int(match.group("year")), period
    rel = (match.group("rel") or "").lower()
    if doc_year is None:
        return None, period
    offset = {"this year": 0, "last year": -1, "next year": 1}.get(rel)
    if offset is None:
        return (doc_year if period else None), period  # "In the first half," of this year
    return doc_year + offset, period


_MONTH_SPAN = re.compile(
    r"^(?:From|In|During|Between|For)\s+(?P<a>" + "|".join(rules.MONTHS) + r")\.?\s*"
    r"(?:to|-|–|through|and)\s*(?P<b>" + "|".join(rules.MONTHS) + r")\.?"
    r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)[0-9]{2}))?\b", re.IGNORECASE)


def _leading_year(sentence: str, doc_year: int | None) -> tuple[int | None, str | None]:
    """The year a sentence opens with ("In 2021, …", "Last year, …", "In the first half, …")."""
    sentence = SPEAKER.sub("", sentence)
    single = _LEADING_MONTH.match(sentence)
    if single and not _MONTH_SPAN.match(sentence):
        return _month_of(single, doc_year)
    months = _MONTH_SPAN.match(sentence)
    if months:
        a, b = rules.MONTHS[months.group("a").lower()], rules.MONTHS[months.group("b").lower()]
        year = int(months.group("year")) if months.group("year") else doc_year
        return year, f"M{a}-M{b}"
    bare = re.match(r"^(?:(?:Over|In|During) the (?P<past>past|previous) year|"
                    r"(?P<rel>Last year|This year|Next year))\b", sentence)
    if bare and bare.group("past") and doc_year is not None:
        return doc_year - 1, None
    if bare and doc_year is not None:
        return doc_year + {"last year": -1, "this year": 0, "next year": 1}[
            bare.group("rel").lower()], None
    leading = _LEADING.match(sentence)
    if not leading or leading.group(0).lower().startswith(("since", "over")):
        return None, None
    if not (leading.group("year") or leading.group("rel") or leading.group("period")):
        return None, None
    return _year_of(leading, doc_year)


def _loose_relative_year(sentence: str, doc_year: int | None,
                         claimed: list[tuple[int, int]]) -> int | None:
    """ "… opened last year": a relative year no figure claimed and no comparison names."""
    if doc_year is None:
        return None
    for match in re.finditer(r"\b(last year|this year)\b", sentence, re.IGNORECASE):
        if any(s <= match.start() < e for s, e in claimed):
            continue
        before = sentence[max(0, match.start() - 16):match.start()].lower()
        if _NON_YEAR_BEFORE.search(before):
            continue
        return doc_year + (-1 if match.group(1).lower() == "last year" else 0)
    return None


def _year_for(sentence: str, a: int, b: int,
              doc_year: int | None) -> tuple[int | None, str | None, int, int]:
    """The year stated right after the figure ("… yuan in 2021") and where that phrase lies."""
    after = sentence[b:b + 40]
    if re.match(r"\s*\(", after):
        after = sentence[b:b + 130]  # "2.2 trillion yuan (about 310 billion dollars) in H1 …"
    match = _TRAILING.match(after)
    if match and not re.match(r"[-–][0-9]{4}", after[match.end():]):
        year, period = _year_of(match, doc_year)
        return year, period, b + match.start(), b + match.end()
    half = _TRAILING_PERIOD.match(sentence[b:b + 80])
    if half:  # "grew 37.8% in the first half": this year's first half
        return doc_year, _PERIOD_OF[half.group("period").lower()], b + half.start(), b + half.end()
    month = _TRAILING_MONTH.match(after)
    if month:  # "… yuan in April": that month of the document's year
        year, period = _month_of(month, doc_year)
        return year, period, b + month.start(), b + month.end()
    rel = _TRAILING_REL.match(after)
    if rel and doc_year is not None:
        last = (rel.group("rel") or "").lower() == "last year"
        return doc_year - last, None, b + rel.start(), b + rel.end()
    return None, None, 0, 0


def _month_of(match: re.Match[str], doc_year: int | None) -> tuple[int | None, str | None]:
    """The year and period ("M4") of "in April [2024]" (the document's year when none is said)."""
    number = rules.MONTHS[match.group("month").lower()]
    if match.group("year"):
        return int(match.group("year")), f"M{number}"
    return doc_year, f"M{number}"


def _preceding_year(sentence: str, a: int, claimed: list[tuple[int, int]],
                    doc_year: int | None) -> tuple[int | None, str | None]:
    """A year stated earlier in the sentence that no earlier figure claimed ("GDP in 2022 …")."""
    free = [m for m in _stated_times(sentence, a)
            if not any(s <= m.start() < e or s < m.end() <= e for s, e in claimed)]
    return _year_of(free[-1], doc_year) if free else (None, None)


def _stated_times(sentence: str, end: int | None = None) -> list[re.Match[str]]:
    """Every time the sentence states (up to `end`): "in 2022", "for the first half of 2024",
    "last year"; not one after "since", "than", "from" … (a comparison, not the figure's)."""
    return [m for m in _PRECEDING.finditer(sentence, 0, len(sentence) if end is None else end)
            if not _NON_YEAR_BEFORE.search(sentence[max(0, m.start() - 12):m.start()].lower())]


def _sole_year(sentence: str, a: int, b: int,
               doc_year: int | None) -> tuple[int | None, str | None]:
    """The one year the sentence states, as this figure's, when it is said before the figure
    at `a:b` ("Chongqing produced 2.32 million vehicles in 2023, …, and its output value reached
    526.8 billion yuan": 2023's too, claimed or not) or later in the figure's own clause ("spent
    26.4 billion yuan on research and development in 2023"); (None, None) when the sentence
    states several years (each figure then needs its own) or none said so."""
    times = [m for m in _stated_times(sentence)
             if not re.match(r"[-–][0-9]{4}", sentence[m.end():])]  # "in 2020-2022": a span
    found = {_year_of(m, doc_year) for m in times}

    def said_for_it(m: re.Match[str]) -> bool:
        same_clause = m.start() >= b and not re.search(r"[,;:]", sentence[b:m.start()])
        return m.group("prep").lower() in ("in", "during") and (m.end() <= a or same_clause)

    said = [m for m in times if said_for_it(m)]
    return found.pop() if len(found) == 1 and said else (None, None)


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
    if _TARGET_RE.search(clause) or _EXPECT_TO.search(sentence, a - len(clause), b):
        return True
    after = CARRY_BREAK.split(sentence[b:], maxsplit=1)[0]
    return _FUTURE_AFTER.search(after) is not None
