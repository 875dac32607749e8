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
        return ""
    named = all(w[:1].isupper() or w.lower() in _JOINERS for w in words)
    if not named or (len(words) == 1 and words[0].lower() not in _KNOWN):
        return ""  # one capitalised word may only open the sentence ("Exports grew …")
    if place and (subject.lower() in place.lower() or place.lower() in subject.lower()):
        return ""
    return "" if re.fullmatch(r"(?:The\s+)?(?:City|Province|Country|Nation)", subject) else subject


def with_owner(metric: str, owner: str) -> str:
    """The metric with its owner in front, as a table row names its figures ("Shenzhen Port:
    container throughput"), unless the metric names the owner already."""
    if not owner or owner.lower() in metric.lower():
        return metric
    return f"{owner}: {metric}"
