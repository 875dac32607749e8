"""A small re-implementation of ../shared/tools/score_extraction.py's matching, for tests.

Used when the shared scorer is not there (a checkout without ../shared), and by the genre tests.
A gold fact is found when an extracted fact's span overlaps the gold quote's place (the first free
occurrence after its sentence start) and its value is within 0.5 %; unit, year, target flag,
qualifier and metric are then compared on the found pairs.
"""

from __future__ import annotations

import re
from typing import Any

UNIT_CLASSES = {
    "cny": {"yuan", "cny", "rmb", "renminbi"},
    "usd": {"usd", "us$", "$", "dollar", "dollars", "us dollar", "us dollars"},
    "percent": {"percent", "%", "per cent", "pct", "percentage"},
    "count": {"count", "number", ""},
    "tons": {"tons", "ton", "tonnes", "tonne", "t"},
}
STOP = {"the", "of", "a", "an", "and", "in", "to", "s", "city", "city's", "total", "for", "by",
        "with", "its"}


def unit_class(unit: str | None) -> str:
    """The unit's class: yuan and RMB are one class; unknown units are "other:<unit>"."""
    u = (unit or "").strip().lower()
    if u.startswith("other:"):
        return u
    return next((c for c, names in UNIT_CLASSES.items() if u in names), "other:" + u)


def words(text: str | None) -> set[str]:
    """The metric's content words."""
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in STOP}


def locate(text: str, start: str, quote: str, taken: set[tuple[int, int]]) -> tuple[int, int]:
    """Where a gold quote is: its first free occurrence after its sentence start."""
    pos = text.find(start) if start else 0
    while pos >= 0:
        q = text.find(quote, pos)
        while q >= 0 and (q, q + len(quote)) in taken:
            q = text.find(quote, q + 1)
        if q >= 0:
            return q, q + len(quote)
        pos = text.find(start, pos + 1) if start else -1
    q = text.find(quote)
    assert q >= 0, f"gold quote not in the document: {quote!r}"
    return q, q + len(quote)


def score(text: str, gold: dict[str, Any], extracted: dict[str, Any]) -> dict[str, Any]:
    """Recall, precision and attribute accuracies of `extracted` against `gold`."""
    taken: set[tuple[int, int]] = set()
    places = []
    for g in gold["facts"]:
        place = locate(text, g.get("sentence_start", ""), g["quote"], taken)
        taken.add(place)
        places.append((place, g))
    facts = extracted["facts"]
    used: set[int] = set()
    pairs = []
    for (a, b), g in places:
        for i, e in enumerate(facts):
            s, t = e["span"]
            close = abs(e["value"] - g["value"]) <= 0.005 * max(abs(e["value"]), abs(g["value"]))
            if i not in used and s < b and a < t and close:
                used.add(i)
                pairs.append((g, e))
                break

    def rate(n: int, d: int) -> float:
        return round(n / d, 4) if d else 1.0

    with_year = [(g, e) for g, e in pairs if g.get("year") is not None or e.get("year") is not None]
    return {
        "recall": rate(len(pairs), len(places)),
        "precision": rate(len(pairs), len(facts)),
        "unit_accuracy": rate(sum(unit_class(g["unit"]) == unit_class(e["unit"])
                                  for g, e in pairs), len(pairs)),
        "year_accuracy": rate(sum(e.get("year") in [g.get("year"), *g.get("year_alt", [])]
                                  for g, e in with_year), len(with_year)),
        "target_accuracy": rate(sum(bool(g.get("is_target")) == bool(e.get("is_target"))
                                    for g, e in pairs), len(pairs)),
        "qualifier_accuracy": rate(sum((g.get("qualifier") or "exact") == e.get("qualifier")
                                       for g, e in pairs), len(pairs)),
        "metric_overlap": rate(sum(len(words(g["metric"]) & words(e["metric"]))
                                   / max(1, len(words(g["metric"]))) >= 0.5 for g, e in pairs),
                               len(pairs)),
        "bad_spans": sum(text[e["span"][0]:e["span"][1]] != e["text"] for e in facts),
        "missed": [g["quote"] for (_, g) in places if not any(g is pg for pg, _ in pairs)],
        "spurious": [e["text"] for i, e in enumerate(facts) if i not in used],
    }
