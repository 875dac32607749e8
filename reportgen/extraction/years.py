"""When a figure is for: every year and period rule of the extractor, in one place.

A figure's year is the one its sentence states for it ("… 1.07 trillion yuan in 2021", "In
2021, …", "last year" resolved from the document's date, also past a parenthetical: "… yuan
(about 310 billion dollars) in the first half of this year"), else a year stated earlier in
the sentence that no other figure claimed, else a deadline a later figure of the clause states
("… and 1,000 km by 2025"). Document-level readings: the year a "goals for <year>" document
sets its goals for, and the later horizon a paragraph may set ("By 2027, …").
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from reportgen.extraction import rules
from reportgen.extraction.metrics.phrases import CARRY_BREAK, LIST_MARK, SPEAKER
from reportgen.extraction.numbers import Mention
from reportgen.extraction.structure import Layout
from reportgen.model import Fact, LevelChange, Span

if TYPE_CHECKING:  # facts reads sentences with these rules; its Reading is only a type here
    from reportgen.extraction.facts import Reading

PERIOD_WORDS = "|".join(re.escape(p) for p, _ in rules.PERIODS)


PERIOD_OF = {p.lower(): code for p, code in rules.PERIODS}


_YEAR_PREPS = "|".join(sorted(rules.YEAR_PREPOSITIONS, key=len, reverse=True))


_NON_YEAR_BEFORE = re.compile(r"\b(?:" + "|".join(rules.NON_YEAR_PREPOSITIONS) + r")\s*$")


_LEADING = re.compile(
    r"^(?:In|By|Before|During|For|As of|At the end of|By the end of|Throughout|Over|Since)\s+"
    r"(?:the\s+)?(?:(?P<period>" + PERIOD_WORDS + r")(?:\s+of\s+|\s*,|\s+))?"
    r"(?:(?P<year>(?:19|20)[0-9]{2})(?![0-9s])|(?P<rel>this year|last year|next year))?",
    re.IGNORECASE,
)


_TRAILING = re.compile(
    r"^(?:\s*\([^()]{0,80}\))?(?:\s+of\s+(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)?"
    r"[\s,)]*(?:(?:" + _YEAR_PREPS + r")\s+)"
    r"(?:the\s+)?(?:(?P<period>" + PERIOD_WORDS + r")\s+of\s+)?"
    r"(?:(?P<year>(?:19|20)[0-9]{2})(?![0-9s])|(?P<rel>this year|last year|next year))",
    re.IGNORECASE,
)


# A comparison may stand between a change and its period ("7.4% year-on-year in the first half")
_COMPARISON = (r"(?:[\s,]*(?:year[- ]on[- ]year|y-o-y|from a year (?:earlier|ago)"
               r"|over the (?:same period of )?(?:the )?(?:last|previous) year))?")


_TRAILING_PERIOD = re.compile(
    r"^" + _COMPARISON + r"[\s,]*in\s+the\s+(?P<period>" + PERIOD_WORDS + r")\b(?!\s+of\b)",
    re.IGNORECASE)


_TRAILING_REL = re.compile(r"^[\s,]*(?:(?P<rel>this year|last year)(?![’']s)"
                           r"|(?:for|in) the (?P<full>full|whole) year)\b", re.IGNORECASE)


_MONTHS = "|".join(sorted((m for m in rules.MONTHS if len(m) > 3), key=len, reverse=True))


# "… yuan in April", "… 3.22 million TEUs of container throughput in June"
_TRAILING_MONTH = re.compile(r"^(?:\s+of\s+(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)?"
                             r"[\s,]*(?:in|for|during)\s+(?P<month>" + _MONTHS + r")\b"
                             r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)[0-9]{2})\b)?", re.IGNORECASE)


_LEADING_MONTH = re.compile(r"^(?:In|During|For)\s+(?P<month>" + _MONTHS + r")\b"
                            r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)[0-9]{2})\b)?", re.IGNORECASE)


_PRECEDING = re.compile(
    r"\b(?P<prep>in|of|for|during|by)\s+(?:the\s+)?(?:(?P<period>" + PERIOD_WORDS
    + r")\s+(?:of\s+)?)?(?:(?P<year>(?:19|20)[0-9]{2})(?![0-9s])|(?P<rel>this year|last year))",
    re.IGNORECASE,
)


def after_document_month(period: str | None, doc_month: int) -> bool:
    """True when a single-month period ("M11") lies after the document's own month."""
    match = re.fullmatch(r"M([0-9]{1,2})", period or "")
    return match is not None and int(match.group(1)) > doc_month


def deadline_after(sentence: str, index: int, mentions: list[tuple[Mention, Span]],
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


def following_deadline(sentence: str, b: int, claimed: list[tuple[int, int]],
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


def preceding_deadline(sentence: str, a: int, doc_year: int | None) -> int | None:
    """The last "by 2025" said earlier in the sentence, for a target that states no year of its
    own ("… build 25 stations by 2022, and the demonstration fleet will reach 1,000 vehicles";
    "… grow by 5 percent by 2025, with market entities to reach 2.06 million")."""
    years = [int(m.group(1)) for m in _deadline().finditer(sentence, 0, a)
             if re.match(r"by\b", m.group(0), re.IGNORECASE)]
    years = [y for y in years if doc_year is None or y >= doc_year]
    return years[-1] if years else None


def year_of(match: re.Match[str], doc_year: int | None) -> tuple[int | None, str | None]:
    period = PERIOD_OF.get((match.group("period") or "").lower())
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


_THE_YEAR = re.compile(r"(?:For|In|During|Over)\s+the\s+(?:whole\s+|full\s+|calendar\s+)?year\s+"
                       r"((?:19|20)[0-9]{2})\b", re.IGNORECASE)


def leading_year(sentence: str, doc_year: int | None) -> tuple[int | None, str | None]:
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
    whole = _THE_YEAR.match(sentence)
    if whole:  # "For the year 2024 as a whole, GDP increased by 0.9%"
        return int(whole.group(1)), None
    leading = _LEADING.match(sentence)
    if not leading or leading.group(0).lower().startswith(("since", "over")):
        return None, None
    if not (leading.group("year") or leading.group("rel") or leading.group("period")):
        return None, None
    return year_of(leading, doc_year)


def loose_relative_year(sentence: str, doc_year: int | None,
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


def year_for(sentence: str, a: int, b: int,
              doc_year: int | None) -> tuple[int | None, str | None, int, int]:
    """The year stated right after the figure ("… yuan in 2021") and where that phrase lies."""
    after = sentence[b:b + 40]
    if re.match(r"\s*\(", after):
        after = sentence[b:b + 130]  # "2.2 trillion yuan (about 310 billion dollars) in H1 …"
    match = _TRAILING.match(after)
    if match and not re.match(r"[-–][0-9]{4}", after[match.end():]):
        year, period = year_of(match, doc_year)
        return year, period, b + match.start(), b + match.end()
    half = _TRAILING_PERIOD.match(sentence[b:b + 80])
    if half:  # "grew 37.8% in the first half": this year's first half
        return doc_year, PERIOD_OF[half.group("period").lower()], b + half.start(), b + half.end()
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


def preceding_year(sentence: str, a: int, claimed: list[tuple[int, int]],
                    doc_year: int | None) -> tuple[int | None, str | None]:
    """A year stated earlier in the sentence that no earlier figure claimed ("GDP in 2022 …")."""
    free = [m for m in stated_times(sentence, a)
            if not any(s <= m.start() < e or s < m.end() <= e for s, e in claimed)]
    return year_of(free[-1], doc_year) if free else (None, None)


def preceding_period(sentence: str, a: int,
                     doc_year: int | None) -> tuple[int | None, str | None]:
    """A part of the year stated before the figure with no year of its own ("…, from January
    to February, the total import and export volume was …", "Consumer prices in the first
    three quarters dropped 0.8 percent"): its code; not a comparison's ("… up from the 3.4%
    increase in the first half", "… than that from January to October")."""
    found: tuple[int | None, str | None] = (None, None)
    for match in _preceding_period().finditer(sentence, 0, a):
        if _NON_YEAR_BEFORE.search(sentence[max(0, match.start() - 12):match.start()].lower()) \
                or _COMPARED_BEFORE.search(sentence[max(0, match.start() - 40):match.start()]):
            continue
        if match.group("code"):  # "a challenging H1 2023, with …"
            found = int(match.group("year")), match.group("code").upper()
        elif match.group("period"):
            found = doc_year, PERIOD_OF[match.group("period").lower()]
        else:
            found = doc_year, (f"M{rules.MONTHS[match.group('a').lower()]}-"
                               f"M{rules.MONTHS[match.group('b').lower()]}")
    return found


_COMPARED_BEFORE = re.compile(r"\b(?:than|compared with|compared to|from|over|up from|"
                              r"down from|same period)\b[^,;]*$", re.IGNORECASE)


@functools.cache
def _preceding_period() -> re.Pattern[str]:
    # compiled on first use: only figures with no year or period of their own need it
    return re.compile(
        r"\b(?P<code>H[12]|Q[1-4])\s+(?P<year>(?:19|20)[0-9]{2})\b"
        r"|\b(?:in|during|for|over|from|between)\s+(?:the\s+)?(?:(?P<period>" + PERIOD_WORDS
        + r")\b(?!\s+(?:of\s+)?(?:(?:19|20)[0-9]{2}|this year|last year))|(?P<a>" + _MONTHS
        + r")\.?\s*(?:to|-|–|through|and)\s*(?P<b>" + _MONTHS
        + r")\b(?!\s*,?\s*(?:19|20)[0-9]{2}))",
        re.IGNORECASE)


def stated_times(sentence: str, end: int | None = None) -> list[re.Match[str]]:
    """Every time the sentence states (up to `end`): "in 2022", "for the first half of 2024",
    "last year"; not one after "since", "than", "from" … (a comparison, not the figure's)."""
    return [m for m in _PRECEDING.finditer(sentence, 0, len(sentence) if end is None else end)
            if not _NON_YEAR_BEFORE.search(sentence[max(0, m.start() - 12):m.start()].lower())]


def sole_year(sentence: str, a: int, b: int,
               doc_year: int | None) -> tuple[int | None, str | None]:
    """The one year the sentence states, as this figure's, when it is said before the figure
    at `a:b` ("Chongqing produced 2.32 million vehicles in 2023, …, and its output value reached
    526.8 billion yuan": 2023's too, claimed or not) or later in the figure's own clause ("spent
    26.4 billion yuan on research and development in 2023"); (None, None) when the sentence
    states several years (each figure then needs its own) or none said so."""
    times = [m for m in stated_times(sentence)
             if not re.match(r"[-–][0-9]{4}", sentence[m.end():])]  # "in 2020-2022": a span
    found = {year_of(m, doc_year) for m in times}

    def said_for_it(m: re.Match[str]) -> bool:
        same_clause = m.start() >= b and not re.search(r"[,;:]", sentence[b:m.start()])
        return m.group("prep").lower() in ("in", "during") and (m.end() <= a or same_clause)

    said = [m for m in times if said_for_it(m)]
    return found.pop() if len(found) == 1 and said else (None, None)


def paragraph_horizon(sentence: str, readings: list[Reading], paragraph: Span | None,
                       horizon: tuple[Span | None, int | None],
                       ) -> tuple[list[Reading], tuple[Span | None, int | None]]:
    """The readings with yearless targets given the deadline that closes an earlier sentence of
    the same paragraph ("… will reach 3 million units by 2026. The city will build 1,000
    stations"), and the deadline this sentence leaves for the next ones. A deadline inside the
    sentence ("… by 2027, and we aim to attract 100 firms every year.") stays in its sentence."""
    year = horizon[1] if horizon[0] == paragraph else None
    out = [replace(r, year=year) if r.is_target and r.year is None and r.period is None
           and year is not None else r for r in readings]
    stated = [r.year for r in readings if r.is_target and r.year is not None
              and re.search(rf"\bby\s+(?:the\s+end\s+of\s+)?{r.year}[\s.;!”\"]*$", sentence)]
    return out, (paragraph, stated[-1] if stated else year)


_GOALS_YEAR = (
    re.compile(r"\b((?:19|20)[0-9]{2})\s+(?:(?:main|major|key|development|economic|annual)\s+)?"
               r"(?:goals|targets|tasks)\b", re.IGNORECASE),
    re.compile(r"\b(?:goals|targets|tasks)\s+(?:for|in|of)\s+((?:19|20)[0-9]{2})\b",
               re.IGNORECASE),
)


_GOALS_THIS_YEAR = re.compile(r"\b(?:(?:goals|targets|tasks)\s+for\s+(?:this|the)\s+year|"
                              r"this\s+year[’']s\s+(?:main\s+)?(?:goals|targets|tasks))\b",
                              re.IGNORECASE)


def goals_year_of(text: str, layout: Layout, doc_year: int | None) -> int | None:
    """The year a "goals for the year" document sets its goals for, from its title or a heading
    ("Hangzhou unveils 2024 goals …", "Main targets for 2024", "goals for this year")."""
    lines = [layout.title] + [text[a:b].strip() for a, b in layout.paragraphs
                              if len(text[a:b].split()) <= 12
                              and not text[a:b].rstrip().endswith(".")]
    for line in lines:
        for pattern in _GOALS_YEAR:
            match = pattern.search(line)
            if match:
                return int(match.group(1))
        if doc_year is not None and _GOALS_THIS_YEAR.search(line):
            return doc_year
    return None


def plan_year_here(text: str, layout: Layout, pos: int, plan_year: int | None) -> int | None:
    """The goals year for the paragraph at `pos`; none where the paragraph sets a later horizon
    ("By 2025, the district will …": its yearless targets are not the year's goals)."""
    if plan_year is None:
        return None
    current = layout.paragraph_at(pos)
    if current is None:
        return plan_year
    latest = _latest_year(text, *current)
    return None if latest is not None and latest > plan_year else plan_year


@functools.lru_cache(maxsize=32)
def _latest_year(text: str, start: int, end: int) -> int | None:
    """The latest year written in `text[start:end]` (one paragraph: asked for each of its
    sentences, so kept; a 4 MB single-line release was quadratic without it)."""
    years = [int(y) for y in _YEAR.findall(text, start, end)]
    return max(years, default=None)


_YEAR = re.compile(r"\b((?:19|20)[0-9]{2})\b")


def goals_list(text: str, layout: Layout, pos: int,
                doc_year: int | None) -> tuple[bool, int | None]:
    """Whether `pos` is an item of a goals list ("Main targets for 2024:" then "1) …" lines), and
    the year its heading names ("for 2024", "this year")."""
    index = layout.paragraph_index(pos)
    if index is None:
        return False, None
    current = layout.paragraphs[index]
    if not LIST_MARK.match(text[current[0]:min(current[1], current[0] + 16)]):
        return False, None
    for start, end in reversed(layout.paragraphs[max(0, index - 12):index]):
        line = text[start:end].strip()
        if LIST_MARK.match(line):
            continue
        lowered = line.lower()
        heading = line.endswith((":", "：")) or (len(line.split()) <= 12
                                                 and not line.endswith("."))
        if not heading or not re.search(r"\b(?:targets?|goals?|aims?|plans?|will|tasks?)\b",
                                        lowered):
            return False, None
        year = re.search(r"\b(?:for|in|of)\s+((?:19|20)[0-9]{2})\b", line)
        if year:
            return True, int(year.group(1))
        return True, doc_year if "this year" in lowered else None
    return False, None


def level_changes(text: str, facts: tuple[Fact, ...]) -> tuple[LevelChange, ...]:
    """Each metric written "from A to B" in one sentence with no year of its own ("rose from
    2,000 to 3,100"), with the first and last year of the nearest dated change earlier in the
    paragraph ("… from 723.1 billion yuan in 2011 to 1.07 trillion yuan in 2021. The output
    value grew from 3.38 to 4.20 trillion yuan": 2011 and 2021)."""
    pairs = _from_to_pairs(text, facts)
    years = _years_nearby(text, facts, {first.span[0] for first, _ in pairs})
    return tuple(LevelChange(first.id, last.id, *years.get(first.span[0], (None, None)))
                 for first, last in pairs)


def _from_to_pairs(text: str, facts: tuple[Fact, ...]) -> list[tuple[Fact, Fact]]:
    """Pairs of one metric written 'from A to B' in one sentence, both without a year."""
    groups: dict[tuple[object, str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.year is None and not fact.is_target and math.isfinite(fact.value):
            groups[(fact.sentence_span, _metric_key(fact), fact.unit)].append(fact)
    pairs = []
    for alike in groups.values():
        alike.sort(key=lambda f: f.span)
        for a, b in zip(alike, alike[1:], strict=False):
            before, between = text[max(0, a.span[0] - 12):a.span[0]], text[a.span[1]:b.span[0]]
            if re.search(r"\bfrom\s*$", before, re.I) and re.fullmatch(r"\s*to\s*", between, re.I):
                pairs.append((a, b))
    return pairs


def _years_nearby(text: str, facts: tuple[Fact, ...], starts: set[int],
                  ) -> dict[int, tuple[int, int]]:
    """For each offset in `starts`, the first and last year of the nearest dated change earlier
    in its paragraph: the metric stated for two years or more whose latest statement comes last.

    One pass over the facts in text order (a scan of the paragraph for each offset made a long
    single-line release quadratic): the metrics seen since the last blank line, with their
    years, and the last one that was dated when it was stated."""
    found: dict[int, tuple[int, int]] = {}
    years: dict[str, set[int]] = {}
    nearest: str | None = None
    previous = 0
    by_start = itertools.groupby(sorted(facts, key=lambda f: f.span[0]), lambda f: f.span[0])
    for start, here in by_start:
        if text.find("\n\n", previous, start) >= 0:  # a new paragraph
            years, nearest = {}, None
        previous = start
        if start in starts and nearest is not None:
            found[start] = (min(years[nearest]), max(years[nearest]))
        for fact in here:
            if fact.year is not None and not fact.is_target:
                key = _metric_key(fact)
                years.setdefault(key, set()).add(fact.year)
                if len(years[key]) >= 2:
                    nearest = key
    return found


def _metric_key(fact: Fact) -> str:
    return " ".join(fact.display_label.lower().split())


_NUMBER_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve")
_ORDINALS = ("", "first", "second", "third", "fourth")
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def period_words(period: str | None) -> str:
    """A period code in a reader's words: 'H1' → 'first half', 'Q1-Q3' → 'first three
    quarters', 'M1-M7' → 'first seven months', 'M4' → 'April', 'M3-M5' → 'March-May'."""
    code = period or ""
    if code in ("H1", "H2"):
        return "first half" if code == "H1" else "second half"
    quarter = re.fullmatch(r"Q([1-4])", code)
    if quarter:
        return f"{_ORDINALS[int(quarter.group(1))]} quarter"
    if code == "Q1-Q3":
        return "first three quarters"
    months = re.fullmatch(r"M([0-9]{1,2})(?:-M([0-9]{1,2}))?", code)
    if not months or not 1 <= int(months.group(1)) <= 12:
        return ""
    first, last = int(months.group(1)), int(months.group(2) or 0)
    if not last:
        return _MONTH_NAMES[first]
    if first == 1 and 2 <= last <= 12:
        return f"first {_NUMBER_WORDS[last]} months"
    return f"{_MONTH_NAMES[first]}-{_MONTH_NAMES[last]}" if last <= 12 else ""


_PERIOD_NAMED = re.compile(r"\b(?:first|second|third|fourth)\s+(?:half|quarter|three quarters|"
                           r"[a-z0-9]+ months)\b|\b(?:H[12]|Q[1-4])\b|"
                           r"\b(?:January|February|March|April|May|June|July|August|September|"
                           r"October|November|December)\b", re.IGNORECASE)


def period_wording(text: str) -> dict[str, str]:
    """Each period code the release states, in the words it uses most for it: "January-
    November" where it says "from January to November", "first 10 months" where it writes the
    number; a label then says the period as the release does."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for match in _period_phrase().finditer(text):
        if match.group("period"):
            code = PERIOD_OF[match.group("period").lower()]
            words = match.group("period").lower().replace("h1", "first half")
            if re.fullmatch(r"h2|q[1-4]", words):
                continue  # the abbreviations read better spelled out
        else:
            a, b = match.group("a").capitalize(), match.group("b").capitalize()
            code = f"M{rules.MONTHS[a.lower()]}-M{rules.MONTHS[b.lower()]}"
            words = f"{a}-{b}"
        counts[code][words] += 1
    return {code: max(ways, key=lambda w: ways[w]) for code, ways in counts.items()}


@functools.cache
def _period_phrase() -> re.Pattern[str]:
    return re.compile(r"\b(?:(?P<period>" + PERIOD_WORDS + r")|(?P<a>" + _MONTHS
                      + r")\.?\s*(?:to|-|–|through)\s*(?P<b>" + _MONTHS + r"))\b",
                      re.IGNORECASE)


# Month spans that are quarters go by the quarter's name, as readers and analysts say them
# ("January to March" → "first quarter")
_QUARTER_SPANS = {"M1-M3": "first quarter", "M1-M6": "first half", "M1-M9": "first three quarters"}


def with_period(metric: str, period: str | None, wording: dict[str, str] | None = None) -> str:
    """The metric with its period, so a part-year figure never reads as a full year's ("GDP" in
    H1 → "GDP, first half"), in the release's words for it (`wording`); unchanged when it
    names a period already."""
    words = _QUARTER_SPANS.get(period or "") or (wording or {}).get(period or "") \
        or period_words(period)
    if not words or _PERIOD_NAMED.search(metric):
        return metric
    return f"{metric}, {words}"


_OTHER_TIME = re.compile(r"\b(?:last|previous|next|this)\s+year\b|\b(?:19|20)[0-9]{2}\b|"
                         r"\b(?:January|February|March|April|May|June|July|August|September|"
                         r"October|November|December)\b|"
                         r"\b(?:by|until|since)\s+(?:the\s+)?(?:end\b|(?:19|20)[0-9]{2}\b)",
                         re.IGNORECASE)  # "by 2025", "by the end of …"; not "rose by 5%"


@functools.cache
def _month_span_anywhere() -> re.Pattern[str]:
    """A month span anywhere in a line ("… from January to July")."""
    return re.compile(r"\b" + _MONTH_SPAN.pattern[1:], re.IGNORECASE)


def release_period(title: str, opening: str, *lede: str) -> str | None:
    """The part of the year a release reports on, when its title or opening sentence names one
    ("Beijing's GDP up 5.5 pct in H1", "In the first three quarters, …"), or a sentence of the
    lede opens with one ("From January to November, …"): its code, else None."""
    opens = [s for s in lede if _LEADING_PERIOD.match(s.strip())]  # not a speaker's turn
    for line in (title, opening, *opens[:1]):
        match = re.search(rf"\b(?:{PERIOD_WORDS})\b", line, re.IGNORECASE)
        if match:
            return PERIOD_OF[match.group(0).lower()]
        months = _month_span_anywhere().search(line)
        if months:
            a, b = rules.MONTHS[months.group("a").lower()], rules.MONTHS[months.group("b").lower()]
            return f"M{a}-M{b}"
    return None


_LEADING_PERIOD = re.compile(r"^(?:In|During|For|From|Over)\s+(?:the\s+)?(?:(?:" + PERIOD_WORDS
                             + r")\b|(?:" + _MONTHS + r")\s*(?:to|-|–|through)\s*(?:"
                             + _MONTHS + r")\b)", re.IGNORECASE)


def in_release_period(sentence: str, year: int | None, doc_year: int | None,
                      is_target: bool) -> bool:
    """Whether a figure with no period of its own is for the release's period: an outcome of
    the reporting year in a sentence that names no other time ("Exports rose 5.6 percent")."""
    return not is_target and year in (None, doc_year) and not _names_other_time(sentence)


@functools.lru_cache(maxsize=64)
def _names_other_time(sentence: str) -> bool:
    """Whether the sentence names a time other than a comparison's (asked once per sentence,
    not once per figure)."""
    return _OTHER_TIME.search(_COMPARISON_PHRASE.sub("", SPEAKER.sub("", sentence))) is not None


# A comparison's time is not the figure's ("… 1.4 percentage points higher than that from
# January to October", "up from the 3.4% increase in Q1 and Q2")
_COMPARISON_PHRASE = re.compile(r"\b(?:than|compared with|compared to|up from|down from|"
                                r"(?:from|over) the same period of)\b[^,;]*", re.IGNORECASE)
