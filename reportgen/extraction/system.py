"""The industrial system a release lays out, and its targets table.

Tiers come from three general patterns of the genre:

- a point that announces "N <noun phrase>" ("three leading industries", "six key industrial
  clusters") and then has N topics ("In terms of X, …") or lists N names: one member per topic
  or name, its headline the member's main money figure, its targets the member's target facts;
- a point whose topics carry targets ("new growth areas"): a tier of those topics and targets;
- a "such as A, B, and C" list whose items share a leading word ("future-oriented health,
  future-oriented energy, …"): a tier of those names.
"""

from __future__ import annotations

import math
import re

from reportgen import formatting
from reportgen.extraction import rules
from reportgen.extraction.ids import slug, unique_ids
from reportgen.model import Briefing, Fact, Point, SystemMember, SystemTier, Target

_MONEY = frozenset({"yuan", "usd", "hkd", "eur"})


def split_list(text: str) -> list[str]:
    """The names of an "A, B, and C" / "A, B and C" list; "and" inside a name is kept."""
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    pieces = [re.sub(r"^(?:and|or)\s+", "", p) for p in pieces]
    two = len(pieces) == 1 and _joined_pair(pieces[0])
    if (len(pieces) >= 2 or two) and not re.match(r"^(?:and|or)\s",
                                                   text.split(",")[-1].strip()):
        last = pieces[-1]
        head, sep, tail = last.rpartition(" and ")
        if sep and head and tail:
            pieces[-1:] = [head.strip(), tail.strip()]
    return [p for p in pieces if p]


def _joined_pair(text: str) -> bool:
    """True for a two-item list "A and B" ("biomedicine and new materials"); a name that holds
    "and" ("research and development", "oil and gas") is one item."""
    lowered = text.lower()
    if lowered.count(" and ") != 1:
        return False
    return not any(phrase in lowered for phrase in rules.NOUN_PHRASES_WITH_STOPS
                   if " and " in phrase)


def build_targets(briefing: Briefing) -> tuple[Target, ...]:
    """Every target fact with its topic, metric, year and the latest actual figure it builds on."""
    facts = briefing.visible_facts
    actuals = _actuals_by_kind(facts)
    latest: dict[tuple[str, str | None, str], Fact | None] = {}  # a long release repeats targets
    targets = []
    for fact in facts:
        if not fact.is_target:
            continue
        kind = (fact.unit, fact.topic, fact.metric)  # all _latest_actual reads of the target
        if kind not in latest:
            latest[kind] = _latest_actual(fact, actuals)
        actual = latest[kind]
        targets.append(Target(fact.id, fact.topic, fact.display_label, fact.year,
                              actual.id if actual else None, growth_needed(actual, fact)))
    return tuple(targets)


Actuals = dict[tuple[str, str | None], list[tuple[Fact, set[str]]]]


def _actuals_by_kind(facts: tuple[Fact, ...]) -> Actuals:
    """The non-target facts by unit and topic, latest first, each with its metric's words
    (made once: a scan of every fact for every target was quadratic on long releases)."""
    found: Actuals = {}
    for fact in facts:
        if not fact.is_target:
            found.setdefault((fact.unit, fact.topic), []).append((fact, _words(fact.metric)))
    for group in found.values():
        group.sort(key=lambda item: (item[0].year or 0, item[0].span[0]), reverse=True)
    return found


def growth_needed(actual: Fact | None, target: Fact) -> float | None:
    """The yearly growth (percent) that takes the actual figure to the target by its year."""
    if actual is None or target.year is None or actual.year is None:
        return None
    if actual.unit != target.unit or target.unit == "percent" or target.year <= actual.year:
        return None
    rate = formatting.cagr_rate(actual.value, target.value, target.year - actual.year)
    return rate if rate is not None and math.isfinite(rate) else None


def _latest_actual(target: Fact, actuals: Actuals) -> Fact | None:
    """The latest non-target fact of the same unit, topic and (mostly) the same metric."""
    want = _words(target.metric)
    if not want:
        return None
    for fact, words in actuals.get((target.unit, target.topic), ()):
        if len(want & words) / len(want) >= 0.5:
            return fact
    return None


def _words(text: str) -> set[str]:
    stop = {"the", "of", "and", "in", "a", "an", "number", "total", "s", "target"}
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", text.lower())} - stop


def build_system(briefing: Briefing) -> tuple[SystemTier, ...]:
    """The tiers of the industrial system the release describes, in document order."""
    tiers: list[SystemTier] = []
    facts = briefing.visible_facts
    for section in briefing.sections:
        for point in section.points:
            tier = (_counted_tier(briefing.text, point, facts)
                    or _target_tier(briefing.text, point, facts))
            if tier:
                tiers.append(tier)
    named = {t.name for t in tiers}
    tiers.extend(t for t in _named_list_tiers(briefing) if t.name not in named)
    tiers.extend(_such_as_tiers(briefing))
    return tuple(_unique_ids(tiers))


_LIST_AFTER_COUNT = re.compile(r"\s*(?::|：|, namely|, including|, i\.e\.,?|\(| –| —)\s*([^.;:)]+)")


def _named_list_tiers(briefing: Briefing) -> list[SystemTier]:
    """Tiers from "N <things>: A, B and C" (or ", namely …", "(…)") anywhere in the text."""
    tiers = []
    for fact in briefing.visible_facts:
        noun = fact.text.split(maxsplit=1)[1:] if fact.unit == "count" else []
        if not noun or not 2 <= fact.value <= 12 or fact.value != int(fact.value):
            continue
        match = _LIST_AFTER_COUNT.match(briefing.text, fact.span[1])
        if not match:
            continue
        items = split_list(match.group(1))
        if len(items) == int(fact.value) and all(len(i.split()) <= 5 for i in items):
            point_id = _point_at(briefing, fact.span[0])
            tiers.append(SystemTier(slug(noun[0]), noun[0], point_id, fact.id, None,
                                    tuple(SystemMember(name=i) for i in items)))
    return tiers


def _unique_ids(tiers: list[SystemTier]) -> list[SystemTier]:
    from dataclasses import replace

    ids = unique_ids(tier.id for tier in tiers)
    return [replace(tier, id=tid) for tier, tid in zip(tiers, ids, strict=True)]


def _first_sentence_facts(point: Point, facts: tuple[Fact, ...]) -> list[Fact]:
    ids = set(point.fact_ids)
    return [f for f in facts if f.id in ids and f.sentence_span
            and f.sentence_span[0] == point.span[0]]


def _counted_tier(text: str, point: Point, facts: tuple[Fact, ...]) -> SystemTier | None:
    """A tier from a point that announces "N <things>" and then names N of them."""
    counts = [f for f in _first_sentence_facts(point, facts)
              if f.unit == "count" and f.text.split(maxsplit=1)[1:]]
    for count in counts:
        n = int(count.value)
        name = count.text.split(maxsplit=1)[1]
        total = _total_fact(point, facts)
        if len(point.topics) == n and n >= 2:
            members = tuple(_member_from_topic(t.name, t.id, t.fact_ids, facts)
                            for t in point.topics)
        else:
            names = _listed_names(text[point.span[0]:point.span[1]], n)
            if not names:
                continue
            members = tuple(SystemMember(name=m) for m in names)
        return SystemTier(slug(name), name, point.id, count.id, total.id if total else None,
                          members)
    return None


def _total_fact(point: Point, facts: tuple[Fact, ...]) -> Fact | None:
    """The point's money figure outside every topic: the tier's total ("1.27 trillion yuan")."""
    in_topics = {i for t in point.topics for i in t.fact_ids}
    ids = set(point.fact_ids)
    money = [f for f in facts if f.id in ids and f.id not in in_topics and f.unit in _MONEY
             and not f.is_target]
    return money[0] if money else None


def _member_from_topic(name: str, topic_id: str, fact_ids: tuple[str, ...],
                       facts: tuple[Fact, ...]) -> SystemMember:
    ids = set(fact_ids)
    mine = [f for f in facts if f.id in ids]
    actual_money = [f for f in mine if f.unit in _MONEY and not f.is_target]
    targets = tuple(f.id for f in mine if f.is_target)
    headline = actual_money[0].id if actual_money else (targets[0] if targets else None)
    return SystemMember(name, topic_id, headline, tuple(f.id for f in mine), targets)


def _listed_names(passage: str, n: int) -> list[str]:
    """The first list of exactly `n` names in `passage` ("A, B, and C")."""
    for match in re.finditer(r"(?:such as|including|of|namely)\s+([^.;:]+?)"
                             r"(?:[.;:]|\s+(?:saw|have|has|were|are)\b)", passage):
        items = split_list(match.group(1))
        if len(items) == n and all(len(i.split()) <= 4 for i in items):
            return items
    return []


def _target_tier(text: str, point: Point, facts: tuple[Fact, ...]) -> SystemTier | None:
    """A tier of the point's topics that carry targets (new growth areas and their goals).

    When the point first lists the areas ("action plans for A, B, C, and D") and the list names
    those topics, the tier follows the list, so areas without a topic of their own stay in it.
    """
    by_id = {f.id: f for f in facts}
    with_targets = [t for t in point.topics
                    if any(by_id[i].is_target for i in t.fact_ids if i in by_id)]
    if len(with_targets) < 2:
        return None
    name = _tier_name_from_title(point.title) or "growth areas with targets"
    members = [_member_from_topic(t.name, t.id, t.fact_ids, facts) for t in with_targets]
    intro_end = point.topics[0].span[0] if point.topics else point.span[1]
    for names in _lists_in(text[point.span[0]:intro_end]):
        matched = [next((m for m in members if _same_area(m.name, n)), None) for n in names]
        if sum(m is not None for m in matched) >= len(members):
            members = [m or SystemMember(name=n) for m, n in zip(matched, names, strict=True)]
            break
    return SystemTier(slug(name), name, point.id, None, None, tuple(members))


def _lists_in(passage: str) -> list[list[str]]:
    """Every "A, B, and C" list of short names in `passage`."""
    found = []
    for match in re.finditer(r"(?=\b(?:for|of|on|such as|including)\s+([^.;:]+?)(?:[.;:]|$))",
                             passage):
        items = split_list(match.group(1))
        if len(items) >= 3 and all(len(i.split()) <= 5 for i in items):
            found.append(items)
    return found


def _same_area(topic: str, listed: str) -> bool:
    """True when a topic name and a listed name are the same area ("green and low-carbon")."""
    a, b = topic.lower(), listed.lower()
    return a == b or a.startswith(b) or b.startswith(a)


def _tier_name_from_title(title: str) -> str:
    """The first thing a point's title says is being built ("fostering new growth areas and …")."""
    match = re.search(r"\b(?:building|fostering|developing|cultivating|promoting|nurturing|"
                      r"growing|expanding|strengthening)\s+(?:an?\s+|the\s+)?(.+)$", title)
    if not match:
        return ""
    return re.split(r"\s+and\s+|,", match.group(1))[0].strip()


def _point_at(briefing: Briefing, pos: int) -> str | None:
    """The id of the point holding position `pos`, if any."""
    for section in briefing.sections:
        for point in section.points:
            if point.span[0] <= pos < point.span[1]:
                return point.id
    return None


def _such_as_tiers(briefing: Briefing) -> list[SystemTier]:
    """Tiers from "such as A, B, and C" lists whose items share a hyphenated leading word."""
    tiers = []
    for match in re.finditer(r"\bsuch as\s+([^.;:]+)", briefing.text):
        items = split_list(match.group(1))
        heads = {i.split()[0].lower() for i in items if i.split()}
        if len(items) >= 3 and len(heads) == 1 and "-" in next(iter(heads)):
            head = next(iter(heads))
            name = f"{head} industries"
            point_id = _point_at(briefing, match.start())
            tiers.append(SystemTier(slug(name), name, point_id, None, None,
                                    tuple(SystemMember(name=i) for i in items)))
    return tiers
