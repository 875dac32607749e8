"""Numbers written in digits: signs, currency prefixes, ranges ("3-5%"), and the digits that are
not figures (years, names and codes such as "5G" or "14nm", heading numbers, ranks)."""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.extraction import rules
from reportgen.extraction.numbers.mention import (
    PERCENT_RE,
    SCALE_RE,
    TIMES_RE,
    UNIT_WORD_RE,
    Mention,
    alternation,
    digits_value,
    previous_word,
    qualifier_before,
    read_tail,
)
from reportgen.model import Qualifier

MONTH_NAMES = alternation(rules.MONTHS)


_NON_NAME_LOWER = {w.lower() for w in rules.NOT_NAME_WORDS}


def read_digits(text: str, match: re.Match[str], currency: str | None) -> list[Mention]:
    start, end = match.span()
    prefix_unit, prefix_start = _currency_prefix(text, start)
    if prefix_unit is None and _is_name_or_code(text, start, end):
        return []
    value = digits_value(match.group())
    if re.fullmatch(r"[0-9]{5,}", match.group()) and prefix_unit is None \
            and not SCALE_RE.match(text, end) and not UNIT_WORD_RE.match(text, end):
        return []  # "hotline 12345", postcodes, serial numbers
    rng = _range_end(text, end)
    if rng is not None:
        return _range(text, start, end, rng, value, currency)
    mention = read_tail(text, prefix_start, end, value, currency, words=False,
                         prefix_unit=prefix_unit, number_start=start)
    if mention is None:
        return []
    if (mention.kind == "count" and "," not in match.group() and "." not in match.group()
            and 1900 <= value <= 2100 and _looks_like_year(text, start, mention)):
        return []
    if _is_minus(text, prefix_start):
        return [replace(mention, span=(prefix_start - 1, mention.span[1]), value=-mention.value)]
    if mention.kind == "amount" and _DEFICIT_BEFORE.search(text, max(0, start - 40), start):
        return [replace(mention, value=-mention.value)]  # "a deficit of 5 billion yuan": -5
    return [mention]


_DEFICIT_BEFORE = re.compile(r"\bdeficits?\s+(?:of\s+)?(?:about\s+|around\s+|nearly\s+|some\s+"
                             r"|over\s+|more than\s+|US\$|\$|RMB\s*|¥)?$", re.IGNORECASE)


def _is_minus(text: str, start: int) -> bool:
    """True for a minus sign (hyphen-minus or U+2212) glued to a figure at a line's or cell's
    start or after a space or bracket ("grew -0.2%", "a balance of −3.2 billion", "| -9.18")."""
    return start >= 1 and text[start - 1] in "-−" and (start == 1 or text[start - 2] in
                                                        " (\u00a0|\t\n:")


def _looks_like_year(text: str, start: int, mention: Mention) -> bool:
    """A bare 1900–2100 integer is a year unless it plainly counts something."""
    if not mention.noun:
        return True
    if mention.noun.split()[0].lower() in rules.YEAR_NOUNS:
        return True  # "2024 goals", "the 2023 government work report"
    prev = previous_word(text, start).lower()
    return prev in {"in", "since", "by", "from", "to", "of", "until", "between", "and", "before",
                    "after", "during", "for", "through", "the", "year", "end"}


def _is_name_or_code(text: str, start: int, end: int) -> bool:
    """True for digits that are part of a name, code, ordinal or heading, not a figure."""
    before = text[start - 1] if start else ""
    if before.isalpha() or before == "_":
        return True  # "C919", "ARJ21"
    if before and before in "-–" and start >= 2 and text[start - 2].isalpha():
        return True  # "COVID-19"
    if before == "-" and start >= 2 and text[start - 2].isdigit() and not _range_start_ok(
            text, start):
        return True  # the tail of "0551-65179860-203" or "Pub Date:23-10-12": a code or date
    after = text[end:end + 6]
    glued = re.match(r"[A-Za-z]+", after)
    if glued and glued.group().lower() not in {"bn", "tn", "mn", "trln", "bln", "mln", "km",
                                               "kwh", "pct", "ha", "mw", "gw", "kg"}:
        return True  # "14nm", "5G", "8K", "1990s", "12th"
    if re.match(r"\s?(?:hundred|thousand|million|billion|trillion)th\b", text[end:end + 14],
                re.IGNORECASE):
        return True  # "its 2 millionth vehicle": an ordinal
    if re.match(r"-[A-Za-z]", after) and not SCALE_RE.match(text, end) \
            and not UNIT_WORD_RE.match(text, end) and not TIMES_RE.match(text, end):
        return True  # "12-inch", "3-year"
    if _is_heading_number(text, start, end):
        return True
    if previous_word(text, start).lower() == "top" and not _top_is_a_verb(text, start, end):
        return True  # "the top 10 cities"
    if previous_word(text, start).lower() in {"no", "nos", "grade", "level", "class"}:
        return True  # "Grade 3"
    if previous_word(text, start).lower() in {"per", "every"}:
        return True  # "energy use per 10,000 yuan of GDP", "1 in every 4": a denominator
    if re.match(r"[0-9,]+\s*yuan\s+(?:of\s+)?(?:GDP|gross domestic product|"
                r"industrial (?:value-added|added value))\b", text[start:start + 60],
                re.IGNORECASE) and previous_word(text, start).lower() in {"in", "of", "for"}:
        return True  # "Energy Consumption in 10,000 yuan GDP": a denominator again
    prev = previous_word(text, start)
    if prev.lower().rstrip(".") in rules.MONTHS:
        return True
    if after.lstrip().lower().startswith(tuple(rules.MONTHS)) and re.match(
            r"\s+(" + MONTH_NAMES + r")\b", text[end:end + 12], re.IGNORECASE):
        return True
    if SCALE_RE.match(text, end) or UNIT_WORD_RE.match(text, end) or PERCENT_RE.match(text, end):
        return _is_page_furniture(text, start, end)  # "GDP Reaches 7.39 Trillion Yuan"
    return _follows_proper_name(text, start, prev) or _is_page_furniture(text, start, end)


# Numbers of page furniture: reading times, phone numbers, copyright years, rank moves
_FURNITURE_AFTER = re.compile(r"\s*(?:min(?:ute)?s?\s+read|places?\s+(?:higher|lower|up|down)"
                              r"|spots?\s+(?:higher|lower|up|down))\b", re.IGNORECASE)
_FURNITURE_BEFORE = re.compile(r"(?:©|\(c\)|copyright|tel|phone|fax|hotline)[\s.:：]*"
                               r"[0-9()+ -]*$", re.IGNORECASE)


def _is_page_furniture(text: str, start: int, end: int) -> bool:
    """Digits of a page's furniture, not of the release: "1 Min Read", "Phone 0551-6517…",
    "© 2019", "moved up 12 places higher" (a rank, not a figure)."""
    if _FURNITURE_AFTER.match(text, end):
        return True
    if re.match(r"-[0-9]{3,}", text[end:end + 5]) or (
            start >= 2 and text[start - 1] == "-" and text[start - 4:start - 1].isdigit()):
        return True  # "0551-65179860-203": a phone or serial number
    return _FURNITURE_BEFORE.search(text[max(0, start - 30):start]) is not None


def _range_start_ok(text: str, start: int) -> bool:
    """Whether the number ending just before `start - 1` opens a range this number closes
    ("5-10 years"): a smaller number not itself glued to a hyphen before it."""
    head = re.search(r"([0-9]+(?:\.[0-9]+)?)-$", text[max(0, start - 24):start])
    if head is None:
        return False
    before_head = text[:start - len(head.group(0))]
    if before_head.endswith(("-", "–")) or before_head[-1:].isdigit():
        return False  # a third part: "23-10-12", "0551-65179860-203"
    tail = re.match(r"[0-9]+(?:\.[0-9]+)?", text[start:])
    return tail is not None and float(head.group(1)) < float(tail.group())


_RANK_BEFORE_TOP = frozenset({"the", "a", "its", "their", "our", "his", "her", "among", "of",
                              "in", "into", "within", "on", "ranked", "ranks", "rank", "ranking",
                              "remained", "remains", "stayed", "stays", "is", "are", "was",
                              "were", "be", "been", "list", "world's", "country's", "nation's"})


_MODAL_BEFORE_TOP = frozenset({"will", "would", "to", "could", "can", "may", "might", "should",
                               "shall", "also", "likely", "further", "even", "not"})


def _top_is_a_verb(text: str, start: int, end: int) -> bool:
    """True for "top" as a verb ("will top 700 billion yuan", "sales top 5 billion yuan"), not a
    rank ("the country's top 10 makers", "rose to top 10 cities"): the figure has a scale or
    unit, and no determiner, possessive or ranking verb comes before "top"."""
    top = text.rfind("top", max(0, start - 8), start)
    before = previous_word(text, top).lower() if top > 0 else ""
    if before not in _MODAL_BEFORE_TOP and (
            not before or before in _RANK_BEFORE_TOP or before.endswith(("'s", "’s"))):
        return False
    return bool(SCALE_RE.match(text, end) or UNIT_WORD_RE.match(text, end)
                or PERCENT_RE.match(text, end))


def _is_heading_number(text: str, start: int, end: int) -> bool:
    """True for "1." / "2)" at the start of a line and "(3)" anywhere: a heading or list number."""
    enclosed = text[start - 1:start] in ("(", "（") and text[end:end + 1] in (")", "）")
    if enclosed and end - start <= 2:
        return True
    before = start - 1
    while before >= 0 and text[before] != "\n" and text[before].isspace():
        before -= 1  # only blanks back to the line start (a bounded walk, not a slice)
    at_line_start = before < 0 or text[before] == "\n"
    return at_line_start and re.match(r"[.)、]\s", text[end:end + 2]) is not None


def _follows_proper_name(text: str, start: int, prev: str) -> bool:
    """True when the digits follow a capitalised word inside a sentence ("the Xuelong 2")."""
    if not prev or not prev[0].isupper() or prev.lower() in _NON_NAME_LOWER:
        return False
    word_start = start - len(prev) - 1
    if word_start <= 0:
        return False  # the capitalised word opens the text
    opener = re.search(r"(^|[.!?:;\n“\"(]|(?:^|\n)[ \t]*[-*•·–—])\s*$",
                       text[max(0, word_start - 40):word_start])
    return opener is None  # a capitalised word that opens a sentence or list item is no name


# the characters currency prefixes end with ("US$", "RMB ", "RON "): a quick "none here"
_PREFIX_ENDS = frozenset(c for prefix, _ in rules.CURRENCY_PREFIXES for c in prefix[-2:])


def _currency_prefix(text: str, start: int) -> tuple[str | None, int]:
    """The currency written right before the number ("US$", "RMB") and where it starts."""
    tail = text[max(0, start - 2):start]
    if not tail or tail[-1] not in _PREFIX_ENDS or (
            tail[-1] == " " and tail[:1] not in _PREFIX_ENDS):
        return None, start  # most numbers follow a lower-case word or a mark: no prefix
    for prefix, unit in rules.CURRENCY_PREFIXES:
        p = start - len(prefix)
        if p >= 0 and text[p:start] == prefix and not (p > 0 and text[p - 1].isalpha()):
            return unit, p
    return None, start


def _range_end(text: str, end: int) -> re.Match[str] | None:
    """The second number of a range such as "5-10 years" or "5.5–6%"."""
    return re.compile(r"[ \u00a0]?[-–~][ \u00a0]?((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)"
                      r"(?![0-9])").match(text, end)


def _range(text: str, start: int, end: int, rng: re.Match[str], low: float,
           currency: str | None) -> list[Mention]:
    """Both ends of a range, sharing its unit; a duration range ("5-10 years") is no fact."""
    high = digits_value(rng.group(1))
    if low >= high or re.match(r"[-–][0-9]", text[rng.end():rng.end() + 2]):
        return []  # "86-21-…" phone numbers and codes, not ranges
    tail = read_tail(text, rng.start(1), rng.end(), high, currency, words=False)
    if tail is None or (tail.kind == "count" and not tail.noun and high > 1900):
        return []
    qualifier = qualifier_before(text, start)
    first = Mention((start, end), _scaled(low, tail, high), tail.unit,
                    qualifier if qualifier != Qualifier.EXACT else Qualifier.AT_LEAST,
                    "digits", tail.kind, tail.noun, (start, end))
    second = Mention(tail.span, tail.value, tail.unit, Qualifier.UP_TO, "digits", tail.kind,
                     tail.noun, tail.number_span)
    return [first, second]


def _scaled(low: float, tail: Mention, high: float) -> float:
    """The low end of a range in the same scale as the high end ("5-10 billion")."""
    return low * (tail.value / high) if high else low
