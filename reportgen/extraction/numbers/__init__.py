"""Find quantities in text: digits, number words, fractions, multiples, currencies, units.

`find_mentions(text)` scans running text and returns every figure that is a quantitative fact
(dates, years, ordinals, ranks, technology and product names, durations are left out), each with
the span of the number and its unit or counted noun; qualifier words stay outside the span.

A digit fraction before a map noun ("a 1/5000 digital map") is a map scale, not a figure; a
year before a plan noun ("2024 goals") is a year; a bare change before a level ("rose by 8 to
260 billion yuan") takes the level's scale and unit.

`parse_quantity("about 1.5 trillion yuan")` reads one quantity phrase; `format_quantity` writes
one that `parse_quantity` reads back to the same value.

Digits are never handed to `float()` before a strict ASCII pattern accepted them, so text such as
"1_000", "nan" or fullwidth digits is never read as a number.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import replace
from decimal import Decimal

from reportgen.errors import QuantityError
from reportgen.extraction import rules
from reportgen.extraction.numbers.digits import MONTH_NAMES, read_digits
from reportgen.extraction.numbers.mention import (
    Mention,
    alternation,
    counted_noun,
    digits_value,
    significant,
)
from reportgen.extraction.numbers.words import (
    FRACTION_WORD,
    RATIO_TERM,
    WORD_NUMBER,
    fraction_digits,
    fraction_words,
    half,
    multiple_word,
    number_word,
    ratio,
)
from reportgen.model import Qualifier, Quantity

__all__ = ["Mention", "counted_noun", "digits_value", "find_mentions", "format_quantity",
           "odd_number_forms", "parse_quantity"]

_CANDIDATE = re.compile(
    r"(?P<ratio>\b(?P<rnum>" + RATIO_TERM + r")\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?P<rden>" + RATIO_TERM + r")\b(?![-./][0-9]))"
    r"|(?P<frac>\b" + FRACTION_WORD + r"\b)"
    r"|(?P<dfrac>(?<![\w./])[0-9]{1,6}/[0-9]{1,9}(?![\w/]))"
    r"|(?P<half>\bhalf(?= of\b))"
    r"|(?P<mult>\b(?:" + alternation(rules.MULTIPLE_WORDS) + r")\b)"
    r"|(?P<word>\b" + WORD_NUMBER + r"\b)"
    r"|(?P<digits>(?:(?<![\w.])|(?<=RMB)|(?<=USD)|(?<=CNY)|(?<=EUR)|(?<=HKD))(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9]))",
    re.IGNORECASE,
)

_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MASKS = re.compile(
    r"\b[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}\b"
    r"|\b[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4}\b"
    r"|\b(?:" + MONTH_NAMES + r")\.?[ \u00a0]+[0-9]{1,2}(?:st|nd|rd|th)?"
    r"(?:,?[ \u00a0]+[0-9]{4})?\b"
    r"|\b[0-9]{1,2}(?:st|nd|rd|th)?[ \u00a0]+(?:" + MONTH_NAMES + r")\.?"
    r"(?:,?[ \u00a0]+[0-9]{4})?\b"
    r"|\b(?:" + MONTH_NAMES + r")\.?[ \u00a0]+[0-9]{4}\b"
    r"|\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\b|\b[0-9]{1,2}[ \u00a0]?(?:[ap]\.m\.|[ap]m\b)"
    # "GMT 14:36 2018 Sunday ,14 January": a year before a weekday, a day after one
    r"|\b(?:19|20)[0-9]{2}[ \u00a0]+" + _WEEKDAYS
    + r"\b|\b" + _WEEKDAYS + r"[ \u00a0,]+[0-9]{1,2}\b"
    # a year naming an event or a section ("Home>2018 Zhejiang Two Sessions")
    r"|(?<![0-9,.])(?:19|20)[0-9]{2}(?=[ \u00a0]+[A-Z][a-z]+[ \u00a0]+[A-Z])"
    # a code written with a leading zero ("04-16 21315227"), a number in quotes (a slogan's
    # name: the "3830" pattern)
    r"|(?<![0-9.,])0[0-9]+(?:[-/][0-9]{1,2})?\b|[\"“][0-9]+[\"”]"
    r"|\b(?:No|NO|no|Nos)\.?[ \u00a0]?[0-9]+\b|#[0-9]+"
    r"|\b[0-9]+[ \u00a0]?[x×][ \u00a0]?[0-9]+\b|\b24/7\b",
    re.IGNORECASE,
)
# Furniture told by the few characters before a number (checked there, not scanned for):
# a rank group ("among the top 10", "Top 10 World Container Ports"), a year cut to two digits
# ("'12-'13 change"), a time zone ("20:25 UTC+8"), a bare zero set apart (a page's counter)
_RANK_TOP = re.compile(r"(?:\b(?:the|among|into|in|of|a)[ \u00a0]+top|(?-i:\bTop))[ \u00a0]?$",
                       re.IGNORECASE)
_NOT_A_RANK = re.compile(r"[0-9]{1,3}[ \u00a0]*(?:%|percent|(?:b|m|tr)illion|thousand|yuan|"
                         r"dollars)", re.IGNORECASE)
_ZONE = re.compile(r"\b(?:UTC|GMT)[ \u00a0]?[+−-]?$")
# a line opening with a table's number ("3-7 Top 10 …") or a month-day before a code ("11-14
# 02131556")
_LINE_CODE = re.compile(r"[ \t]*(?:(?:Table|Figure|Chart)?[ \t]*[0-9]{1,2}-[0-9]{1,2}"
                        r"(?=[ \t]+[A-Z])|[01][0-9]-[0-3][0-9](?=[ \t]+0[0-9]))")


_FIRST_WORDS = frozenset(
    {w for w in rules.NUMBER_WORDS} | {"a", "half"}
    | {re.split(r"-", w)[0] for w in rules.MULTIPLE_WORDS}
)
# Where a figure can start: a run of digits, or a whole run of letters that is one of
# _FIRST_WORDS (any case). Other words are never visited: a loop over every word of a 1 MB
# release cost 0.3 s.
_TOKEN = re.compile(r"[0-9]+|(?<![A-Za-z])(?:" + alternation(
    sorted(w for w in _FIRST_WORDS if w.isalpha())) + r")(?![A-Za-z])", re.ASCII | re.IGNORECASE)


# Numbers in forms a release of the genre does not use, which would be misread digit by digit:
# flagged (a warning names each), never read
_ODD_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[0-9]{1,3}(?:_[0-9]{3})+\b"), "digits grouped with '_'"),
    (re.compile(r"\b[0-9]{1,3}(?:[. \u00a0][0-9]{3})+,[0-9]{1,2}\b"), "a decimal comma"),
    (re.compile(r"[\uff10-\uff19][\uff10-\uff19,，.．]*"), "fullwidth digits"),
    (re.compile(r"[\u0660-\u0669\u06f0-\u06f9][\u0660-\u0669\u06f0-\u06f9٬٫,.]*"),
     "Arabic-Indic digits"),
    (re.compile(r"\(\s*[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\s*\)(?=\s*(?:thousand|million|"
                r"billion|trillion|yuan|dollars|tons))", re.IGNORECASE),
     "an accounting bracket (a negative?)"),
)


def odd_number_forms(text: str) -> list[tuple[int, str, str]]:
    """Each number written in a form that is not read as a figure: (offset, text, why)."""
    found = [(m.start(), m.group(), why) for pattern, why in _ODD_FORMS
             for m in pattern.finditer(text)]
    return sorted(found)


def find_mentions(text: str, *, default_currency: str | None = "yuan") -> list[Mention]:
    """Every quantitative figure in `text`, in order, with spans into `text`; numbers in odd
    forms (`odd_number_forms`) are left out, never misread."""
    found: list[Mention] = []
    consumed = 0
    odd = [(at, at + len(form)) for at, form, _ in odd_number_forms(text)]
    for token in _TOKEN.finditer(text):
        start = token.start()
        if start < consumed or any(a <= start < b for a, b in odd):
            continue
        if not token.group()[0].isdigit() and token.group().lower() not in _FIRST_WORDS:
            continue
        match = _CANDIDATE.match(text, start)
        if match is None:
            continue
        consumed = match.end()
        if token.group()[0].isdigit() and _masked(text, start):
            continue
        for mention in _read_candidate(text, match, default_currency):
            found.append(mention)
            consumed = max(consumed, mention.span[1])
    return _listed_units(text, _change_units(text, found))


_LIST_GAP = re.compile(r"^(?:[ \u00a0]*,[ \u00a0]*(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+)$")


def _listed_units(text: str, found: list[Mention]) -> list[Mention]:
    """ "up 4.1, 2.6 and 0.5 percentage points": bare numbers listed before a figure with a unit
    take its unit and scale ("3, 4 and 5 billion yuan" are 3 and 4 billion yuan)."""
    out = list(found)
    for i in range(len(out) - 1, 0, -1):
        level = out[i]
        if level.kind not in ("amount", "measure", "percent"):
            continue
        try:
            number = digits_value(text[level.number_span[0]:level.number_span[1]])
        except QuantityError:
            continue
        scale = level.value / number if number else 1.0
        k = i - 1
        while k >= 0 and out[k].kind == "count" and not out[k].noun \
                and out[k].written_as == "digits" \
                and _LIST_GAP.match(text[out[k].span[1]:out[k + 1].span[0]]):
            out[k] = replace(out[k], value=significant(out[k].value * scale, 12),
                             unit=level.unit, kind=level.kind)
            k -= 1
    return out


_BY_BEFORE = re.compile(r"\b(?:by|of)[ \u00a0]+$")


@functools.cache
def _to_between() -> re.Pattern[str]:
    """The words between a change and the level it leads to (" to ", " to more than ")."""
    # compiled on first use, as few documents state a bare change before a level
    return re.compile(r"^[ \u00a0]+to[ \u00a0]+(?:(?:" + alternation(
        p for p, _ in rules.QUALIFIER_PHRASES) + r")[ \u00a0]+)?$", re.IGNORECASE)


def _change_units(text: str, found: list[Mention]) -> list[Mention]:
    """ "rose by 8 to 260 billion yuan": the bare change takes the scale and unit of the level it
    leads to (8 billion yuan; "by 0.3 to 5.2 percent" is 0.3 percentage points). A change that
    leads to a count ("rose by 8 to 260") stays a count."""
    out = list(found)
    for i, (change, level) in enumerate(zip(found, found[1:], strict=False)):
        bare = change.kind == "count" and not change.noun and change.written_as == "digits"
        if not bare or level.kind not in ("amount", "measure", "percent") \
                or not _BY_BEFORE.search(text[max(0, change.span[0] - 8):change.span[0]]) \
                or not _to_between().match(text[change.span[1]:level.span[0]]):
            continue
        try:
            number = digits_value(text[level.number_span[0]:level.number_span[1]])
        except QuantityError:
            continue
        scale = level.value / number if number else 1.0
        unit = "percentage points" if level.unit == "percent" else level.unit
        out[i] = replace(change, value=significant(change.value * scale, 12), unit=unit,
                         kind=level.kind)
    return out


def _masked(text: str, start: int) -> bool:
    """True when position `start` lies in a date, time, rank, code, web address or e-mail."""
    lo, hi = max(0, start - 30), min(len(text), start + 30)
    for mask in _MASKS.finditer(text, lo, hi):
        if mask.start() <= start < mask.end():
            return True
        if mask.start() > start:
            break
    if _furniture_before(text, start):
        return True
    reach = max(0, start - 2048)  # a bounded look back: a long single line stays linear
    left = max(text.rfind(" ", reach, start), text.rfind("\n", reach, start), reach - 1) + 1
    word = text[left:start + 1]
    return "://" in word or word.lower().startswith("www.") or "@" in word


def _furniture_before(text: str, start: int) -> bool:
    """True for a number the characters before it make furniture: a rank group, a two-digit
    year, a time zone, a bare zero set apart, a line's table number or a month-day code."""
    before = text[max(0, start - 12):start]
    if _RANK_TOP.search(before) and not _NOT_A_RANK.match(text, start):
        return True
    if before[-1:] in ("'", "’") and text[start:start + 2].isdigit() and (
            len(before) < 2 or not before[-2].isalnum()) \
            and not text[start + 2:start + 3].isdigit():
        return True
    if _ZONE.search(before):
        return True
    if text[start] == "0" and before.endswith(("  ", "\t ", " \t")) and not re.match(
            r"0[ \u00a0]*[\w%$.,]", text[start:start + 20]):
        return True
    line = text.rfind("\n", max(0, start - 24), start) + 1 if start else 0
    if start - line <= 20:
        code = _LINE_CODE.match(text, line)
        return code is not None and start < code.end()
    return False


def _read_candidate(text: str, match: re.Match[str], currency: str | None) -> list[Mention]:
    """The mentions one candidate match stands for (none when it is not a fact)."""
    kind = match.lastgroup
    if kind == "ratio":
        return ratio(text, match)
    if kind == "frac":
        return fraction_words(text, match)
    if kind == "dfrac":
        return fraction_digits(text, match)
    if kind == "half":
        return half(text, match)
    if kind == "mult":
        return multiple_word(text, match)
    if kind == "word":
        return number_word(text, match, currency)
    return read_digits(text, match, currency)


# ---------------------------------------------------------------------------------------------
# Fractions and multiples


# ---------------------------------------------------------------------------------------------
# Numbers in words and digits


# ---------------------------------------------------------------------------------------------
# What follows a number: scale, unit, counted noun, "per ..."


# ---------------------------------------------------------------------------------------------
# Qualifiers


# ---------------------------------------------------------------------------------------------
# One quantity phrase in, one out

_QUALIFIER_WORDS = {
    Qualifier.MORE_THAN: "more than", Qualifier.ABOUT: "about", Qualifier.AT_LEAST: "at least",
    Qualifier.LESS_THAN: "less than", Qualifier.UP_TO: "up to", Qualifier.EXACT: "",
}
_UNIT_TEXT = {
    "yuan": "yuan", "usd": "US dollars", "hkd": "HK dollars", "eur": "euros", "jpy": "yen",
    "percent": "%", "percentage points": "percentage points", "tons": "tons",
    "km2": "square kilometers", "m2": "square meters", "hectares": "hectares", "km": "km",
    "multiple": "times", "count": "", "kwh": "kWh", "teu": "TEU",
}


def parse_quantity(text: str, *, default_currency: str | None = None) -> Quantity:
    """The one quantity `text` states ("about 1.5 trillion yuan"); `QuantityError` otherwise."""
    if not isinstance(text, str):
        raise QuantityError(f"not text: {text!r}")
    if len(text) > 200:
        raise QuantityError("quantity text is longer than 200 characters")
    stripped = text.strip()
    mentions = find_mentions(stripped, default_currency=default_currency)
    if len(mentions) != 1:
        raise QuantityError(f"not one quantity: {stripped[:60]!r}")
    mention = mentions[0]
    before = stripped[:mention.span[0]].strip().lower()
    rest = stripped[mention.span[1]:].strip(" .")
    if rest or (before and before != _QUALIFIER_WORDS[mention.qualifier]):
        raise QuantityError(f"not a quantity on its own: {stripped[:60]!r}")
    return mention.quantity()


def format_quantity(quantity: Quantity) -> str:
    """`quantity` as text that `parse_quantity` reads back to the same value and unit."""
    if not math.isfinite(quantity.value) or quantity.value < 0:
        raise QuantityError(f"cannot write {quantity.value!r} as a quantity")
    number = _plain_number(quantity.value)
    unit = _UNIT_TEXT.get(quantity.unit, quantity.unit)
    body = f"{number}%" if unit == "%" else f"{number} {unit}".strip()
    qualifier = _QUALIFIER_WORDS[quantity.qualifier]
    return f"{qualifier} {body}".strip()


def _plain_number(value: float) -> str:
    """`value` in plain digits with thousands separators, exact to its shortest repr."""
    digits = format(Decimal(repr(value)), "f")
    whole, _, fraction = digits.partition(".")
    whole = f"{int(whole):,}"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole
