"""The figures an analyst would put on a cover, most important first.

A release's subject comes first: the figures its title states, then its totals (GDP, output,
trade, sales, investment, revenue) and their growth, then the main targets. Never a currency
conversion in brackets ("(about 513 billion U.S. dollars)": the same figure again), an amount
per item ("10 billion yuan each": a threshold), or a figure already chosen under another place.
"""

from __future__ import annotations

import re

from reportgen.extraction import rules
from reportgen.model import Fact

MAX_HEADLINES = 5
_SUBJECT_WORDS = re.compile(
    r"\b(?:gdp|gross domestic product|output|added value|value added|trade|imports?|exports?|"
    r"retail sales|sales|investment|revenue|income|profits?|throughput|production|"
    r"consumption|capacity|scale)\b", re.IGNORECASE)
_CONVERSION_GAP = re.compile(rules.CONVERSION_GAP, re.IGNORECASE)
_BRACKETED = re.compile(r"[(（]\s*(?:about|around|approximately|roughly|some|nearly)?\s*$",
                        re.IGNORECASE)
_MONEY = rules.CURRENCIES
_PER_ITEM_AFTER = re.compile(r"[\s,]*(?:(?:to|for|in)\s+)?(each|apiece|per (item|project|company|"
                             r"enterprise|unit))\b", re.IGNORECASE)
_EACH_BEFORE = re.compile(r"\b(each|apiece)\s+(?!of\b)([\w-]+\s+){0,3}$", re.IGNORECASE)


# A size threshold that defines a kind of firm ("enterprises above designated size – those with
# annual turnover of 20 million yuan or more"): a figure per firm, not a total
_THRESHOLD_BEFORE = re.compile(
    r"\bwith\s+(?:an?\s+)?annual\s+(?:main\s+)?(?:business\s+)?(?:turnover|revenue|income|"
    r"sales|output(?:\s+value)?)\s+(?:of|exceeding|over|above|topping)\s+(?:at least\s+|over\s+|"
    r"more than\s+|no less than\s+|"
    r"above\s+|RMB\s*|US\$|\$|¥)*$", re.IGNORECASE)


def is_size_threshold(text: str, span: tuple[int, int]) -> bool:
    """Whether the figure is the size that defines a kind of firm ("those with annual turnover
    of 20 million yuan or more")."""
    return bool(_THRESHOLD_BEFORE.search(text[max(0, span[0] - 90):span[0]]))


def is_per_item(text: str, span: tuple[int, int]) -> bool:
    """Whether the source gives the figure per item ("… 10 billion yuan each", "each worth …",
    "firms with annual turnover of 20 million yuan or more"): a threshold or an amount for one
    of many, never a total."""
    start, end = span
    return bool(_PER_ITEM_AFTER.match(text[end:end + 30])
                or _EACH_BEFORE.search(text[max(0, start - 40):start])
                or _THRESHOLD_BEFORE.search(text[max(0, start - 90):start]))


def choose_headlines(text: str, title: str, facts: tuple[Fact, ...]) -> tuple[str, ...]:
    """The ids of up to five cover figures, most important first."""
    latest: dict[str, int] = {}
    for f in facts:
        latest[f.metric] = max(latest.get(f.metric, 0), f.year or 0)
    lede = _lede_sentences(facts)
    minor = _minor_parts(facts)
    ranked = sorted((f for f in facts if _may_headline(text, f)),
                    key=lambda f: (f.id in minor, _rank(title, f, (f.year or 0) < latest[f.metric],
                                                        f.sentence_span in lede)))
    chosen: list[Fact] = []
    seen: set[tuple[float, str]] = set()
    for fact in ranked:
        for pick in (fact, *(_change_of(fact, ranked) if len(chosen) < 2 else ())):
            if (pick.value, pick.unit) in seen:
                continue  # the same figure stated twice (a lede the body repeats) is one figure
            seen.add((pick.value, pick.unit))
            chosen.append(pick)
        if len(chosen) >= MAX_HEADLINES:
            break
    return tuple(f.id for f in chosen[:MAX_HEADLINES])


_CHANGE = re.compile(r"\b(?:growth|increase|rise|decline|decrease|drop|fall|change)\b",
                     re.IGNORECASE)


_SECTOR = re.compile(r"\b(?:primary|secondary|tertiary)\b", re.IGNORECASE)


def _minor_parts(facts: tuple[Fact, ...]) -> set[str]:
    """The smaller parts of a breakdown: of three or more levels in one unit in one sentence
    ("primary industry … 31.9 billion yuan, secondary … 259.0 billion, tertiary … 402.4
    billion"), or the three sectors however stated, all but the largest come last: a cover
    shows the whole, not its parts."""
    groups: dict[tuple[object, str], list[Fact]] = {}
    for fact in facts:
        if fact.unit not in ("percent", "count") and not fact.is_target:
            groups.setdefault((fact.sentence_span, fact.unit), []).append(fact)
            base = re.sub(r",.*$|\s+in\s+(?:H[12]|Q[1-4])$", "", fact.metric)
            if _SECTOR.search(base):  # "added value of tertiary industry": a sector, a part
                groups.setdefault(("sectors", fact.unit), []).append(fact)
    return {f.id for key, group in groups.items() if len(group) >= (2 if key[0] == "sectors" else 3)
            for f in sorted(group, key=lambda f: -f.value)[1:]}


def _change_of(level: Fact, ranked: list[Fact]) -> list[Fact]:
    """The rate of change stated with a leading level in its sentence ("GDP reached 2.06
    trillion yuan, up 5.5 percent"): a cover shows the two together."""
    if level.unit == "percent" or level.sentence_span is None:
        return []
    return [f for f in ranked if f.unit == "percent" and f.sentence_span == level.sentence_span
            and f.span[0] > level.span[0] and _CHANGE.search(f.metric)][:1]


def _may_headline(text: str, fact: Fact) -> bool:
    if fact.per_item or fact.conversion_of:
        return False  # a threshold, or a figure stated again in another currency
    if fact.unit == "percentage points":
        return False  # a gap explains a figure; a cover shows figures
    if _BRACKETED.search(text[max(0, fact.span[0] - 20):fact.span[0]]):
        return False  # a figure in brackets is an aside to the one before it
    # a small count is a cover figure only as a plan's goal ("three world-class clusters")
    return fact.unit != "count" or fact.value >= 100 or (fact.is_target and fact.value > 1)


def conversions(text: str, facts: tuple[Fact, ...]) -> dict[str, str]:
    """Fact id → the id of the figure it restates in another currency: a money figure in
    brackets right after another currency's figure of the same sentence."""
    found = {}
    for first, second in zip(facts, facts[1:], strict=False):
        if (first.sentence_span == second.sentence_span and first.unit in _MONEY
                and second.unit in _MONEY and first.unit != second.unit
                and _CONVERSION_GAP.match(text[first.span[1]:second.span[0]])):
            found[second.id] = first.id
    return found


_LEDE_SENTENCES = 1  # measured on the corpus: 1 sentence 0.74 of cover figures, 2 0.69, 0 0.69


def _lede_sentences(facts: tuple[Fact, ...]) -> set[tuple[int, int] | None]:
    """The first sentence with figures: a release states its main figure first."""
    spans: list[tuple[int, int] | None] = []
    for fact in facts:
        if len(spans) == _LEDE_SENTENCES:
            break
        if fact.sentence_span not in spans:
            spans.append(fact.sentence_span)
    return set(spans)


def _rank(title: str, fact: Fact, superseded: bool,
          in_lede: bool) -> tuple[int, int, int, int, int, int]:
    """Lower is more important: stated in the title, in the lede, a subject measure, the latest
    year of its metric (2021's output before 2011's), a level (in any unit, or a count of
    thousands: vehicles sold) before a rate, an outcome before a target, then earlier in the
    text."""
    in_title = fact.text in title
    subject = _SUBJECT_WORDS.search(fact.metric) is not None
    kind = {"percent": 1, "multiple": 1, "count": 0 if fact.value >= 10_000 else 2}.get(
        fact.unit, 0)
    return (0 if in_title else 1, 0 if in_lede else 1, 0 if subject else 1,
            int(superseded), kind + (1 if fact.is_target else 0),
            fact.span[0])
