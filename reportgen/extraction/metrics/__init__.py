"""Name what each figure measures: a short noun phrase read from its sentence.

The metric is the clause's subject ("The city's industrial added value has increased …"), the
counted noun ("60 smart factories" → "number of smart factories"), "X share of Y" for shares,
"decrease in X" for changes, the steered object ("raise R&D intensity to 4.4%"), or the item of a
"respectively" list; the topic ("In terms of metaverse, …") is added when the phrase lacks it.
"""

from __future__ import annotations

import re

from reportgen.extraction import rules
from reportgen.extraction.metrics import fragments
from reportgen.extraction.metrics.clauses import clause_names, listed_owners
from reportgen.extraction.metrics.kinds import (
    SHARE_RE,
    measured_noun,
    multiple_metric,
    opening_fraction,
    output_metric,
    percent_metric,
    spending_metric,
)
from reportgen.extraction.metrics.lists import respective_items, respective_metric
from reportgen.extraction.metrics.phrases import (
    CHANGE_RE,
    LINK_WORDS,
    bare_clause,
    clean,
    container_before,
    fallback,
    find_of_phrase,
    find_subject,
    has_words,
    lower_first,
    new_verb_phrase,
    object_before,
    of_after,
    participle_after,
    predicate_of,
    previous_count_noun,
    purpose_after,
    singular,
    size_before,
    size_per_thing,
    strip_qualifier,
    tidy,
    verb_before,
    whole_after,
    whole_before,
    whole_with_noun,
    with_size_after,
    with_topic,
)
from reportgen.extraction.numbers import Mention
from reportgen.model import Span


def name_metrics(sentence: str, mentions: list[tuple[Mention, Span]],
                 topic: str | None, earlier: tuple[str, ...] = ()) -> list[str]:
    """The metric name of each figure of one sentence (`mentions` carry sentence-local spans;
    `earlier`, the subjects named before it in its paragraph)."""
    listed = _respective_lists(sentence, mentions)
    structured = clause_names(sentence, mentions, earlier)
    names: list[str] = []
    for i, (mention, (a, _)) in enumerate(mentions):
        named = None if i in listed else structured[i]
        metric = with_topic(named, topic) if named else metric_for(sentence, i, mentions, topic)
        owners = listed_owners(sentence, mentions) if i in listed and structured[i] else []
        if owners and len(owners) == len(listed[i][1]) and owners[0] not in structured[i]:
            # "Shanghai, Hebei and Jilin … cutting energy use by 8.71, 7.19 and 7.05 percent
            # respectively": each place's measure, as a table row names it
            names.append(tidy(f"{clean(owners[listed[i][1].index(i)])}: {structured[i]}"))
            continue
        if i in listed:
            respective, group = listed[i]
            first = next(k for k in group if mentions[k][0].unit == mention.unit)
            base = metric if first == i else metric_for(sentence, first, mentions, topic)
            metric = _listed_change(respective_metric(base, respective, group.index(i),
                                                      [mentions[k] for k in group]),
                                    sentence, mention,
                                    mentions[max(k for k in group if mentions[k][0].unit
                                                 == mention.unit)][1][1])
        metric = resolve_that_of(metric, names)
        if i and mentions[i - 1][1][1] + 3 >= a and mentions[i - 1][0].unit == mention.unit \
                and mention.qualifier.value == "up_to" and names:
            metric = names[-1]  # the high end of a range ("3-5%")
        names.append(tidy(metric))
    names = fragments.repair(names, sentence, mentions)
    names = [_gap_to(names, sentence, mentions, i) for i in range(len(names))]
    names = [_parallel_tail(names, sentence, mentions, i) for i in range(len(names))]
    names = [_share_of_which(names, sentence, mentions, i) for i in range(len(names))]
    names = [_bracketed_owner(names[i], sentence, mentions[i]) for i in range(len(names))]
    names = [size_per_thing(sentence[:a]) or n if m.kind == "amount" else n
             for n, (m, (a, _)) in zip(names, mentions, strict=True)]
    names = [with_comparison(_price_rise(n), sentence, m, span)
             for n, (m, span) in zip(names, mentions, strict=True)]
    # a deficit read as a negative amount is a balance ("a trade deficit of 5 billion yuan")
    return [re.sub(r"\bdeficit\b", "balance", n) if m.value < 0 else n
            for n, (m, _) in zip(names, mentions, strict=True)]


_PRICE = re.compile(r"\b(?:prices?|index|indices|CPI|PPI|inflation|costs?|rents?)\b", re.IGNORECASE)


_OWNER_BRACKET = re.compile(r"(?P<owner>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\(\s*"
                            r"(?:both\s+)?[+−-]?$")
_MEASURE_MOVED = re.compile(r"\b(?:increase|growth|rise|decrease|decline|fall|change)s?\s+"
                            r"(?:of|in)\s+(?P<m>[A-Z]{2,}|[a-z]+(?:\s+[a-z]+)?)")


def _bracketed_owner(name: str, sentence: str, item: tuple[Mention, Span]) -> str:
    """A figure in brackets after a name is that place's or body's figure ("Ireland (+3.6%)
    recorded the highest increase of GDP", "Malta (-0.7%)"), of the measure the sentence
    says moved."""
    mention, (a, b) = item
    owner = _OWNER_BRACKET.search(sentence, max(0, a - 40), a)
    if not owner or not re.match(r"\s*\)", sentence[b:b + 3]):
        return name
    unit_measure = rules.UNIT_MEASURES.get(mention.unit.rstrip("s"), "")
    if unit_measure:  # "Shanghai (21.6 million TEU)": the port's container throughput
        return f"{owner.group('owner')} {unit_measure}"
    if mention.unit != "percent":
        return name
    moved = _MEASURE_MOVED.search(sentence)
    measure = f"{moved.group('m')} change" if moved else "change"
    return f"{owner.group('owner')}: {measure}"


_OF_WHICH = re.compile(r",\s*(?:of which|among which|of this|of the total)\b[^,;]*$",
                       re.IGNORECASE)


def _share_of_which(names: list[str], sentence: str, mentions: list[tuple[Mention, Span]],
                    i: int) -> str:
    """A share in an "of which" clause is a share of the level before it ("revenue was 102.3
    billion yuan, of which tax revenue accounted for 80 percent")."""
    mention, (a, _) = mentions[i]
    if mention.unit != "percent" or not names[i].endswith(" share") \
            or not _OF_WHICH.search(sentence, 0, a):
        return names[i]
    levels = [names[k] for k in range(i) if mentions[k][0].unit not in ("percent", "count")]
    return f"{names[i]} of {levels[-1]}" if levels else names[i]


def _price_rise(metric: str) -> str:
    """Prices and price indexes rise, they do not grow: "CPI growth" → "CPI rise"."""
    if metric.endswith(" growth") and _PRICE.search(metric):
        return metric[: -len(" growth")] + " rise"
    return metric


# "7.1%, 1.6 percentage points higher than the national average": how far the rate is above it
_GAP_TO = re.compile(r"^\s+(?P<dir>higher|more|faster|greater|above|lower|less|slower|below)"
                     r"(?:\s+than)?\s+(?:(?:that|those)\s+(?:of|from|in|for)\s+)?(?:the\s+)?"
                     r"(?P<np>[A-Za-z][^,;.()]{2,60}?)\s*(?=[,;.(]|$)")


def _gap_to(names: list[str], sentence: str, mentions: list[tuple[Mention, Span]],
            i: int) -> str:
    """A gap in percentage points to another figure, named as the gap between the rate before
    it and that figure ("industrial added value growth above national average")."""
    mention, (_, b) = mentions[i]
    found = _GAP_TO.match(sentence[b:])
    earlier = [k for k in range(i) if mentions[k][0].unit == "percent"]
    if mention.unit != "percentage points" or not found or not earlier:
        return names[i]
    base = re.sub(r"\s+in\s+(?:the\s+)?(?:province|city|country|region|district|area)$", "",
                  names[earlier[-1]])  # the release's own place goes without saying
    side = "below" if found.group("dir").lower() in ("lower", "less", "slower", "below") \
        else "above"
    return tidy(f"{base} {side} {clean(found.group('np'))}")


# "… allocated 1 trillion yuan for key projects and over 320 billion yuan for industrial
# projects": the second amount is the first one's measure, for its own purpose
_FOR_AFTER = re.compile(r"^\s+(?P<prep>for|to|in|on|into)\s+(?P<np>[A-Za-z][^,;.()]{2,60}?)"
                        r"\s*(?=[,;.(]|$|\s+and\s)")


def _parallel_tail(names: list[str], sentence: str, mentions: list[tuple[Mention, Span]],
                   i: int) -> str:
    """A figure with no name of its own, after one named "<measure> for <purpose>" and followed
    by its own purpose, is that measure for its purpose."""
    if i == 0 or not (fragments.is_fragment(names[i]) or names[i] == names[i - 1]) \
            or mentions[i][0].unit != mentions[i - 1][0].unit:
        return names[i]
    own = _FOR_AFTER.match(sentence[mentions[i][1][1]:])
    head = own and re.match(rf"^(?P<head>.+?)\s+{own.group('prep')}\s+\S", names[i - 1])
    return f"{head.group('head')} {own.group('prep')} {clean(own.group('np'))}" if head \
        else names[i]


def singular_phrase(noun: str) -> str:
    """ "e-commerce platforms" → "e-commerce platform": its last word made singular."""
    head, _, last = noun.rpartition(" ")
    return f"{head} {singular(last)}".strip()


def _listed_change(metric: str, sentence: str, mention: Mention, list_end: int) -> str:
    """A rate of a list the change noun closes ("saw 5.4% and 6.5% growth respectively") is
    that change of its item."""
    after = re.match(r"\s*(?:year[- ]on[- ]year\s+)?(growth|increase|rise|decline|decrease|drop)\b",
                     sentence[list_end:], re.IGNORECASE)
    if mention.kind != "percent" or not after or re.search(
            r"\b(?:growth|increase|rise|decline|decrease|drop)\b", metric):
        return metric
    falls = after.group(1).lower() in ("decline", "decrease", "drop")
    return f"decline in {metric}" if falls else f"{metric} growth"


def _respective_lists(sentence: str, mentions: list[tuple[Mention, Span]],
                      ) -> dict[int, tuple[list[str], list[int]]]:
    """Mention index → (the items of its "respectively" list, the indexes of the list's
    mentions), each list read within its own part of the sentence between semicolons ("…
    rose 3.3%, 1.8% and 1.4% respectively; while meat prices fell 5.7%": 5.7% is no item)."""
    if "respectively" not in sentence.lower():
        return {}
    found: dict[int, tuple[list[str], list[int]]] = {}
    start = 0
    for end in [m.start() for m in re.finditer(";", sentence)] + [len(sentence)]:
        group = [k for k, (_, (a, _b)) in enumerate(mentions) if start <= a < end]
        if group and "respectively" in sentence[start:end].lower():
            local = [(m, (a - start, b - start)) for m, (a, b) in (mentions[k] for k in group)]
            items = respective_items(sentence[start:end], local)
            if items:
                found.update({k: (items, group) for k in group})
        start = end + 1
    return found


_COMPARISON_AFTER = re.compile(r"^\s*,?\s*(?:(?P<yoy>year[- ]on[- ]year|y-o-y|yoy|from a year "
                               r"(?:earlier|ago))|(?P<mom>month[- ]on[- ]month|m-o-m)|"
                               r"(?P<qoq>quarter[- ]on[- ]quarter|q-o-q))\b", re.IGNORECASE)
_COMPARISON_BEFORE = re.compile(r"\b(?:(?P<yoy>year[- ]on[- ]year|y-o-y)|(?P<mom>month[- ]on[- ]"
                                r"month)|(?P<qoq>quarter[- ]on[- ]quarter))\s+(?:(?:increase|"
                                r"decrease|growth|rise|decline|drop|fall)\s+of\s+|by\s+)?"
                                r"(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# "On a month-on-month basis, the consumer price rate rose 0.4%": for the whole sentence
_COMPARISON_OPENING = re.compile(r"^\W*(?:On\s+an?\s+)?(?:(?P<yoy>year[- ]on[- ]year)|"
                                 r"(?P<mom>month[- ]on[- ]month)|(?P<qoq>quarter[- ]on[- ]"
                                 r"quarter))(?:\s+basis)?\s*,", re.IGNORECASE)
# "rose 0.8% compared with September", "over the previous month": against the month before
_PREVIOUS_PERIOD = re.compile(r"^[\s,]*(?:(?:compared\s+(?:with|to)|over|from|than)\s+(?:the\s+)?"
                              r"(?:(?P<mom>previous\s+month|last\s+month|prior\s+month|"
                              r"(?:January|February|March|April|May|June|July|August|September|"
                              r"October|November|December)\b(?!\s+(?:of\s+)?(?:last\s+year|"
                              r"[0-9]{4})))|(?P<qoq>previous\s+quarter|last\s+quarter))"
                              r"|(?P<yoy>(?!)))", re.IGNORECASE)
_PERCENT_END = re.compile(r"[0-9](?:%|\s*percent)")
_COMPARISON_WORDS = {"yoy": "year on year", "mom": "month on month", "qoq": "quarter on quarter"}


def with_comparison(metric: str, sentence: str, mention: Mention, span: Span) -> str:
    """A rate of change says what it compares with when that is not the year before ("CPI
    growth month on month"), and "year on year" too where the sentence has both: they are
    different measures."""
    changes = metric.endswith((" growth", " increase", " rise")) or metric.startswith(
        ("decline in ", "increase in ", "decrease in ", "reduction in "))
    if mention.unit != "percent" or not changes or re.search(r"\bon[- ](?:year|month|quarter)\b",
                                                             metric):
        return metric
    a, b = span
    found = (_COMPARISON_AFTER.match(sentence[b:b + 40])
             or _COMPARISON_BEFORE.search(sentence[max(0, a - 60):a])
             or _COMPARISON_OPENING.match(sentence) or _PREVIOUS_PERIOD.match(sentence[b:b + 60]))
    if not found:
        return metric
    kind = next(k for k in ("yoy", "mom", "qoq") if found.group(k))
    other = _OTHER_COMPARISON.search(sentence) or any(
        _PREVIOUS_PERIOD.match(sentence[m.end():m.end() + 60])
        for m in _PERCENT_END.finditer(sentence))
    if kind == "yoy" and not other:
        return metric  # year on year is what a growth rate means unless the sentence has both
    return f"{metric} {_COMPARISON_WORDS[kind]}"


_OTHER_COMPARISON = re.compile(r"\b(?:month[- ]on[- ]month|m-o-m|quarter[- ]on[- ]quarter|q-o-q)\b",
                               re.IGNORECASE)


_TARGET_NAMED = re.compile(r"\b(?:targets?|goals?|planned|plans?|expected|projected|forecasts?|"
                           r"aims?|quotas?|ceilings?|caps?|limits?)\b", re.IGNORECASE)


def with_target(metric: str, is_target: bool) -> str:
    """A target's name says it is one ("GDP growth" → "GDP growth target"), as a reader names
    it; an actual's name is unchanged, and so is one that says so already ("planned investment")."""
    if not is_target or _TARGET_NAMED.search(metric):
        return metric
    return f"{metric} target"


def resolve_that_of(metric: str, earlier: list[str]) -> str:
    """The metric with "that of X" resolved against the previous one ("income of X")."""
    match = re.match(r"(?:that|those) of (.+)$", metric)
    if not match or not earlier:
        return metric
    head = earlier[-1].split(" of ")[0]
    return f"{head} of {match.group(1)}"


# ---------------------------------------------------------------------------------------------
# Metric names


def metric_for(sentence: str, index: int, mentions: list[tuple[Mention, Span]],
               topic: str | None) -> str:
    """A short noun phrase naming what the figure at `index` measures."""
    mention, (a, b) = mentions[index]
    before = sentence[:a]
    after = sentence[b:]
    if mention.kind == "count" or (mention.kind == "rate" and mention.noun):
        return _count_metric(sentence, index, mentions, topic)
    if mention.unit == "percentage points" or _COMPARED_RE.match(after):
        earlier = [k for k, (m, _) in enumerate(mentions[:index])
                   if mention.unit != "percentage points" or m.unit == "percent"]
        if earlier:
            base = metric_for(sentence, earlier[-1], mentions, topic)
            return f"change in {base}"
    change_after_count = re.search(r",\s*(?P<dir>up|down)\s*$", strip_qualifier(before))
    if mention.kind == "percent" and change_after_count and index \
            and mentions[index - 1][0].kind == "count":  # "produced 947,000 vehicles, up 16.3%"
        base = metric_for(sentence, index - 1, mentions, topic)
        rising = change_after_count.group("dir") == "up"
        return f"{base} growth" if rising else f"decrease in {base}"
    opening = opening_fraction(before, after) if mention.kind == "fraction" else ""
    if opening:
        return with_topic(opening, topic)
    if mention.kind in ("percent", "fraction") and mention.unit != "percentage points":
        metric = percent_metric(sentence, before, after, mention, topic)
        noun = previous_count_noun(mentions, index)
        if noun and re.search(r"\bof (?:them|these|those|which)$", metric):
            metric = re.sub(r"(?:them|these|those|which)$", noun, metric)
        whole = whole_after(after)
        if whole and metric.endswith(whole):
            metric = metric[: len(metric) - len(whole)] + whole_with_noun(whole, mentions, index)
        return _share_of_previous(metric, sentence, before, index, mentions, topic)
    if mention.kind == "multiple":
        return multiple_metric(sentence, before, after, topic)
    spent = spending_metric(before, after) if mention.unit in ("yuan", "usd") else ""
    if spent:
        return with_topic(spent, topic)
    change = CHANGE_RE.search(strip_qualifier(before))
    subject = (object_before(before) or find_subject(sentence, a)
               or find_subject(sentence, a, main=True))
    if change and subject:
        return f"{rules.CHANGE_NOUNS[change.group('verb').lower()]} in {subject}"
    measured = measured_noun(mention, before, after, mentions, index, sentence)
    if measured:
        return with_topic(measured, topic)
    of_phrase = find_of_phrase(before)
    if of_phrase and not set(of_phrase.lower().split()) & LINK_WORDS:
        noun = previous_count_noun(mentions, index)
        own = find_subject(sentence, a)
        if own and not has_words(own, of_phrase):
            return with_topic(f"{own} {of_phrase}", topic)
        if noun and re.match(r"\s+each\b", after):  # "platforms with … value at 100 billion each"
            return f"{of_phrase} per {singular_phrase(noun)}"
        if noun and not new_verb_phrase(sentence, mentions, index):
            return f"{of_phrase} of {noun}"
        return with_topic(of_phrase, topic)
    if subject:
        return with_topic(subject, topic)
    size = size_before(before)  # "10 enterprises with annual revenue exceeding 10 billion yuan"
    if size:
        return with_topic(size, topic)
    bare = bare_clause(before)
    return with_topic(bare or fallback(mention), topic)


_GENERIC_COUNTED = frozenset({"units", "sets", "pieces", "items", "copies", "unit", "set",
                              "person-times", "person-time", "man-days", "passenger-trips"})
_COMPARED_RE = re.compile(r"\s+(?:more|higher|greater|less|lower|fewer)\s+than\b")


def _share_of_previous(metric: str, sentence: str, before: str, index: int,
                       mentions: list[tuple[Mention, Span]], topic: str | None) -> str:
    """ "The city produced 1.8 million NEVs, accounting for 20% of the national total": a share
    whose subject is a clause holding the figure before it takes that figure's measure
    ("NEV production share of national total")."""
    share = re.match(r"(?P<subject>.*?) ?share(?P<whole> of .*)?$", metric)
    # "…, accounting for 20% of the national total" after a clause holding a figure, or
    # "…, equal to 5.1 percent of revenue" with no subject of its own: the earlier figure's share
    subject = share.group("subject") if share else ""
    if not share or (subject and not re.search(r"[0-9]", subject)) \
            or not SHARE_RE.search(strip_qualifier(before)):
        return metric
    earlier = [k for k, (m, _) in enumerate(mentions[:index]) if m.kind != "percent"]
    if not earlier:
        return metric
    base = metric_for(sentence, earlier[-1], mentions, topic).removeprefix("number of ")
    whole = re.sub(r"(\btotal)\s.*$", r"\1", share.group("whole") or "")
    return f"{base} share{whole}"


_RUNNING_TOTAL = re.compile(r"\b(?:bringing|brings|brought|taking|takes|took|raising|raises|"
                            r"raised|lifting|lifted)\s+(?:the|its|their)\s+total(?:\s+number)?"
                            r"\s+to\s+$|\bwith\s+(?:a|the)\s+total(?:\s+number)?\s+of\s+$")


# A subject that names a measure: a count of vehicles, units or TEUs beside it is that measure
# ("Anhui's automobile production reached 1.699 million vehicles": production, not "number of
# vehicles"); a unit of measure is never a counted thing ("number of GWh")
_MEASURE_SUBJECT = re.compile(
    r"\b(?:production|output|sales|exports?|imports?|capacity|throughput|volume|installations?|"
    r"consumption|shipments|deliveries|fleet|ownership|length|mileage|turnover|population|"
    r"visits|arrivals|passengers?|traffic|trips|generation|penetration|scale|stock)\b",
    re.IGNORECASE)
_MEASURE_UNITS = frozenset({"gwh", "mwh", "kwh", "twh", "gw", "mw", "kw", "teu", "teus", "km",
                            "kilometers", "kilometres", "tons", "tonnes", "metric tons",
                            "square meters", "square metres", "hectares", "mu", "barrels"})
# Counted things that are the units a measure is stated in ("production … 1.7 million vehicles")
_OUTPUT_UNITS = frozenset({"vehicles", "cars", "units", "sets", "pieces", "trips", "passengers",
                           "person-times", "vessels", "ships", "aircraft", "phones", "chips"})


def _measured_subject(sentence: str, a: int, noun: str) -> str:
    """The clause's subject when it names a measure and the count is of its units, else ''."""
    if not noun:
        return ""
    own = find_subject(sentence, a)
    if not own or CHANGE_RE.search(strip_qualifier(sentence[:a])):
        return ""
    counted = noun.lower()
    if counted in _MEASURE_UNITS or (counted in _OUTPUT_UNITS and _MEASURE_SUBJECT.search(own)):
        return own
    return ""


def _count_metric(sentence: str, index: int, mentions: list[tuple[Mention, Span]],
                  topic: str | None) -> str:
    mention, (a, b) = mentions[index]
    noun = mention.noun
    if noun.lower().split()[:1] and noun.lower().split()[0] in rules.RUN_WORDS:
        run_of = of_after(sentence[b:])  # "three consecutive months of MoM growth"
        predicate = run_of or predicate_of(sentence[:a])
        return f"{noun} {predicate}".strip()
    if noun.lower() in _GENERIC_COUNTED:
        own = find_subject(sentence, a) or find_subject(sentence, a, main=True)
        if own:
            return with_topic(own, topic)  # "surged 34.6% to 1.28 million units"
    measured = _measured_subject(sentence, a, noun)
    if measured:
        return with_topic(measured, topic)  # "automobile production reached 1.7 million units"
    running = _RUNNING_TOTAL.search(sentence[:a])
    earlier = [k for k, (m, _) in enumerate(mentions[:index]) if m.kind == "count" and m.noun]
    if not noun and running and earlier:  # "42 firms set up …, bringing the total to 531"
        base = metric_for(sentence, earlier[-1], mentions, topic)
        # "29 new firms …, with a total of 630": the total is of all of them, not the new
        return f"total {re.sub(r'^(?:number of )?(?:new(?:ly)? )?', '', base)}"
    of_phrase = find_of_phrase(sentence[:a])
    if not noun and of_phrase.lower() in rules.CHANGE_NOUNS:  # "an increase of 34,000"
        main = find_subject(sentence, a, main=True)
        return f"{rules.CHANGE_NOUNS[of_phrase.lower()]} in {main}" if main else of_phrase
    if not noun and of_phrase:
        return with_topic(of_phrase, topic)  # "a population of 24.87 million"
    if not noun:
        own = find_subject(sentence, a)
        change = CHANGE_RE.search(strip_qualifier(sentence[:a]))
        if own and change:
            return f"{rules.CHANGE_NOUNS[change.group('verb').lower()]} in {own}"
        if own:
            return own  # "the population is expected to reach 1.2 million"
        noun = previous_count_noun(mentions, index) or ""
    elif topic and topic.lower().endswith(noun.lower()) and len(topic) > len(noun):
        noun = topic
    elif len(noun.split()) == 1 and re.search(r"-(level|class|grade|tier)$", noun):
        tail = next((m.noun.split()[1:] for m, _ in mentions[index + 1:]
                     if m.kind == "count" and len(m.noun.split()) > 1), None)
        if tail:
            noun = f"{noun} {' '.join(tail)}"
    if not noun:
        return with_topic("number", topic)
    output = output_metric(sentence, a, noun)
    if output:
        return with_topic(output, topic)
    after = sentence[b:]
    if re.match(r"\s+of\s", after) and mention.noun and mention.noun in after:
        after = after[after.index(mention.noun) + len(mention.noun):]  # "Three of the … makers"
    detail = (of_after(after) or purpose_after(after)
              or participle_after(after) or verb_before(sentence[:a])
              or whole_before(sentence[:a]) or container_before(sentence, a)
              or with_size_after(after))
    metric = f"number of {lower_first(noun)} {detail}".strip()
    if mention.kind == "rate":
        subject = find_subject(sentence, a)
        return with_topic(subject or metric, topic)
    return with_topic(metric, topic)


# ---------------------------------------------------------------------------------------------
# "A, B and C grew 5%, 6% and 7%, respectively"


