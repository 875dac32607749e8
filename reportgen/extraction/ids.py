"""Stable ids: slugs made from a fact's metric and year, unique within one document."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_STOP = frozenset({"the", "of", "a", "an", "and", "in", "to", "for", "by", "with", "its", "s"})


def slug(text: str, max_length: int = 48) -> str:
    """`text` as a lowercase ASCII slug ("Integrated circuits" → "integrated-circuits")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)
    if len(out) > max_length:
        out = out[:max_length].rsplit("-", 1)[0] or out[:max_length]
    return out or "item"


def fact_slug(metric: str, year: int | None, max_words: int = 6) -> str:
    """The id stem of a fact: its metric's main words, then its year ("gdp-2021")."""
    ascii_text = unicodedata.normalize("NFKD", metric).encode("ascii", "ignore").decode()
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_text.lower()) if w not in _STOP]
    stem = "-".join(words[:max_words]) or "figure"
    return f"{stem}-{year}" if year is not None else stem


def unique_ids(stems: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """`stems` made unique in order, also against `taken`: the first keeps its stem, repeats
    get "-2", "-3", …"""
    seen: dict[str, int] = {}
    taken = set(taken)
    out = []
    for stem in stems:
        n = seen.get(stem, 0) + 1
        seen[stem] = n
        candidate = stem if n == 1 else f"{stem}-{n}"
        while candidate in taken:
            n += 1
            seen[stem] = n
            candidate = f"{stem}-{n}"
        taken.add(candidate)
        out.append(candidate)
    return out
