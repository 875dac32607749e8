"""Figures of a "respectively" list or a numbered list, each given its own item's name
("exports and imports rose 3% and 5%, respectively")."""

from __future__ import annotations

import functools
import re

from reportgen.extraction import rules
from reportgen.extraction.metrics.phrases import clean, find_subject, has_words, singular
from reportgen.extraction.numbers import Mention
from reportgen.model import Span


def respective_items(sentence: str, mentions: list[tuple[Mention, Span]]) -> list[str]:
    if "respectively" not in sentence.lower() or len(mentions) < 2:
        return []
    first = _respective_run(sentence, mentions)
    subject = find_subject(sentence, first) or (sentence[:first] if first == mentions[0][1][0]
                                            else "")
    clause = _VERB_TAIL.sub("", sentence[:first]).strip()
    examples = _EXAMPLES.match(clause)
    if examples:  # "trade with traditional markets such as the US, the EU and Japan"
        listed = _split_items(examples.group("list"))
        if len(listed) >= 2:
            return [f"{examples.group('head')} {item}" for item in listed]
    places = _HEAD_LIST.match(clause)
    if places:  # "Exports to the EU, the United States and Japan grew …": exports to each
        listed = [re.sub(r"^the\s+", "", i) for i in _split_items(places.group("list"))]
        count = sum(1 for m, _ in mentions if m.unit == mentions[-1][0].unit)
        if len(listed) >= 2 and len(listed) == count:
            return [f"{places.group('head')} {item}" for item in listed]
    items = _split_items(subject)
    if len(items) >= 2:
        return items
    return _numbered_items(sentence)


# The verb between a clause's subject and its figures ("… fell by 19.6%, 14.2% and …")
_VERB_TAIL = re.compile(r"(?:\s+respectively)?\s+(?:fell|rose|grew|increased|decreased|declined|"
                        r"dropped|went up|went down|were|was|reached|stood at|amounted to|"
                        r"totaled|totalled|accounted for|hit|posted|recorded|registered|saw)"
                        r"(?:\s+by)?\s*$", re.IGNORECASE)
# A list given as examples of a kind: the head up to its last preposition names each item
_EXAMPLES = re.compile(r"^(?:[Tt]he\s+)?(?P<head>.*\b(?:with|to|from|of|in|for))\s+[^,]{1,60}?"
                       r"\s+(?:such as|including|like)\s+(?P<list>.+)$")


# A measure to or from a list of named places: "exports to the EU, the United States and Japan"
_HEAD_LIST = re.compile(r"^(?:[Tt]he\s+)?(?P<head>[A-Za-z][\w\s-]{0,40}?\b(?:to|from|with|of|in|"
                        r"for))\s+(?P<list>(?:the\s+)?[A-Z][^,]*(?:,\s*(?:and\s+)?(?:the\s+)?"
                        r"[A-Z][^,]*)+)$")


def _split_items(text: str) -> list[str]:
    """The items of "A, B and C" (an Oxford comma or none)."""
    return [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if i.strip()]


@functools.cache
def _numbered_group() -> re.Pattern[str]:
    """A "respectively" list of unnamed items (" in the three districts respectively")."""
    # compiled on first use: only a "respectively" list without named items needs it
    return re.compile(r"\b(?:in|for|of|by|across)\s+(?:the|its|their)\s+"
                      r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+"
                      r"(?P<noun>[a-z]+?)(?:ies|es|s)?\s*,?\s+respectively\b")


def _numbered_items(sentence: str) -> list[str]:
    """ "N1, N2 and N3 in the three districts respectively": the unnamed items, numbered
    ("district 1", "district 2", "district 3")."""
    match = _numbered_group().search(sentence)
    if not match:
        return []
    n = match.group("n")
    count = int(n) if n.isdigit() else rules.NUMBER_WORDS[n]
    plural = match.group(0).split()[-2].rstrip(",")
    noun = singular(plural)
    return [f"{noun} {k}" for k in range(1, count + 1)]


def _respective_run(sentence: str, mentions: list[tuple[Mention, Span]]) -> int:
    """Where the run of same-unit figures that "respectively" closes begins ("Trade hit N yuan,
    with exports and imports growing by 4.1 percent and 1.2 percent respectively")."""
    end = sentence.lower().rfind("respectively")
    listed = [(m, span) for m, span in mentions if span[1] <= end]
    if not listed:  # "… and the United States respectively hit 30.2 billion yuan, …"
        return mentions[0][1][0]
    unit = listed[-1][0].unit
    start = listed[-1][1][0]
    for m, span in reversed(listed[:-1]):
        if m.unit != unit:
            break
        start = span[0]
    return start


def respective_metric(metric: str, items: list[str], index: int,
                       mentions: list[tuple[Mention, Span]]) -> str:
    """The metric of the k-th figure of a "respectively" list, named after the k-th item."""
    same = [i for i, (m, _) in enumerate(mentions) if m.unit == mentions[index][0].unit]
    if len(same) != len(items) or index not in same:
        return metric
    names = list(items)
    prefix = ""
    of = re.match(r"(.*\bof)\s+(.+)$", names[0])
    if of:
        prefix, names[0] = of.group(1), of.group(2)
    tail = ""
    last = names[-1].split()
    if len(last) > 1 and all(len(clean(n).split()) == 1 for n in names[:-1]):
        # "primary, secondary and tertiary industries": the last item's noun is shared
        tail, names[-1] = " ".join(last[1:]), last[0]
    if all(re.fullmatch(r"[a-z]+ [0-9]+", n) for n in names):  # "district 2": a numbered item
        return f"{metric} in {names[same.index(index)]}"
    name = clean(f"{prefix} {names[same.index(index)]} {tail}")
    listed = clean(f"{prefix} {', '.join(names[:-1])} and {names[-1]} {tail}")
    first, final = clean(names[0]), clean(f"{names[-1]} {tail}")
    start, end = metric.find(first), metric.rfind(final)
    if 0 <= start < end:
        return (metric[:start] + clean(f"{names[same.index(index)]} {tail}")
                + metric[end + len(final):]).strip()
    change = re.match(r"^(\w+) in ", metric)
    if change and change.group(1) in set(rules.CHANGE_NOUNS.values()):
        return f"{change.group(1)} in {name}"
    for ending in (" growth", " share", " multiple"):
        if metric.endswith(ending):
            return name + ending
    if metric and metric not in (name, listed) and not has_words(metric, listed):
        return f"{name} {metric}"  # "Nanshan district" + "GDP"
    return name
