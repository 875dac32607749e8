"""Whose figure it is, when a sentence's subject is another named place or body than the one the
release is about ("In the second position, Ningbo-Zhoushan Port recorded 3.22 million TEUs":
Ningbo-Zhoushan Port's container throughput, not the country's)."""

from __future__ import annotations

import re

from reportgen.extraction import rules
from reportgen.extraction.metrics.fragments import is_fragment
from reportgen.extraction.metrics.phrases import find_subject

_JOINERS = frozenset({"of", "and", "the", "for", "de"})
_KNOWN = frozenset(p.lower() for p in rules.PLACES)


def owner_of(sentence: str, a: int, place: str | None) -> str:
    """The named subject of the clause that holds the figure at `a` when it is a place, a port,
    a firm or a body other than the release's own `place`; '' otherwise."""
    subject = find_subject(sentence, a, main=True) or find_subject(sentence, a)
    words = subject.split()
    if not 1 <= len(words) <= 5 or is_fragment(subject):
        return _possessive_place(sentence, a, place)
    named = all(w[:1].isupper() or w.lower() in _JOINERS for w in words)
    if not named or (len(words) == 1 and words[0].lower() not in _KNOWN):
        # one capitalised word may only open the sentence ("Exports grew …"); a place may own
        # the figure by its possessive ("Jiangsu's GDP reached …", "Guangdong's 12.91 trillion")
        return _possessive_place(sentence, a, place)
    if place and (subject.lower() in place.lower() or place.lower() in subject.lower()):
        return ""
    return "" if re.fullmatch(r"(?:The\s+)?(?:City|Province|Country|Nation)", subject) else subject


def with_owner(metric: str, owner: str) -> str:
    """The metric with its owner in front, as a table row names its figures ("Shenzhen Port:
    container throughput"), unless the metric names the owner already."""
    if not owner or owner.lower() in metric.lower():
        return metric
    return f"{owner}: {metric}"


_PLACE_ACTS = re.compile(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+(?:[a-z]+ed|ranks|tops|leads)\b")
_POSSESSIVE = re.compile(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})['’]s\s")


def _possessive_place(sentence: str, a: int, place: str | None) -> str:
    """A known place other than the release's own, whose possessive opens the figure's clause
    or stands right before it, or that opens the sentence before a verb ("Shenzhen ranked
    first with a GDP of …")."""
    if not place:
        return ""  # no place known for the release: a possessive may well be its own
    clause_start = max(sentence.rfind(", ", 0, a), sentence.rfind("; ", 0, a)) + 1
    opening = _PLACE_ACTS.match(sentence) if not clause_start else None
    if opening and opening.group(1).lower() in _KNOWN \
            and opening.group(1).lower() not in place.lower() \
            and place.lower() not in opening.group(1).lower():
        return opening.group(1)
    if "'s " not in sentence[:a] and "’s " not in sentence[:a]:
        return ""
    found = [m for m in _POSSESSIVE.finditer(sentence, 0, a)
             if m.start() >= clause_start or sentence[m.end():a].strip() == ""]
    if not found:
        return ""
    name = found[-1].group(1)
    if re.match(r"[A-Z][a-z]", sentence[found[-1].end():found[-1].end() + 2]):
        return ""  # "China's Tianjin", "Shanghai's Pudong": a place named by its country
    if name.lower() not in _KNOWN or name.lower() in place.lower() \
            or place.lower() in name.lower():
        return ""
    return name
