"""Numbers formatted for readers: "1.07 trillion yuan", "40.6%", "+48.5%", "3.6% a year".

Pure functions shared by the charts, the templates (as Jinja filters) and the deck.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import TYPE_CHECKING

from reportgen.model import ISO_CURRENCY_CODES

if TYPE_CHECKING:
    from reportgen.model import Fact

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_CURRENCY_WORDS = {"yuan": "yuan", "usd": "US dollars"}
_CURRENCY_SYMBOLS = {"usd": "US$"}


def _trim(text: str) -> str:
    """'1.50' → '1.5', '2.00' → '2'."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def upper_first(text: str) -> str:
    """The text with its first letter upper-case and the rest as written ('AI chips' stays)."""
    return text[:1].upper() + text[1:]


def number(value: float, digits: int = 3) -> str:
    """A plain number with thousands separators and at most `digits` significant decimals."""
    if not math.isfinite(value):
        return "n/a"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    decimals = max(0, digits - len(str(int(abs(value)))))
    return _trim(f"{value:,.{decimals}f}")


def scaled(value: float, digits: int = 3) -> str:
    """A large number in words: 1073900000000 → '1.07 trillion'; small numbers stay as digits."""
    if not math.isfinite(value):
        return "n/a"
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{_significant(value / size, digits)} {word}"
    return number(value)


def _significant(value: float, digits: int) -> str:
    """`value` rounded to `digits` significant digits, without trailing zeros."""
    whole = len(str(int(abs(value)))) if abs(value) >= 1 else 1
    return _trim(f"{value:,.{max(0, digits - whole)}f}")


def money(value: float, unit: str = "yuan", digits: int = 3) -> str:
    """A currency amount for readers: '1.07 trillion yuan', 'US$52.3 billion'."""
    symbol = _CURRENCY_SYMBOLS.get(unit)
    if symbol:
        return f"{symbol}{scaled(value, digits)}"
    return f"{scaled(value, digits)} {_CURRENCY_WORDS.get(unit, unit)}".strip()


def percent(value: float, decimals: int = 1) -> str:
    """A percent figure given as its number: 40.6 → '40.6%'."""
    if not math.isfinite(value):
        return "n/a"
    return f"{_trim(f'{value:.{decimals}f}')}%"


def quantity(value: float, unit: str, digits: int = 3) -> str:
    """Any figure in its unit, the way a briefing prints it."""
    if unit in _CURRENCY_WORDS:
        return money(value, unit, digits)
    if unit == "percent":
        return percent(value)
    if unit == "percentage points":
        return f"{number(value)} percentage points"
    if unit == "count":
        return scaled(value, digits) if abs(value) >= 1e6 else number(value)
    if unit == "multiple":
        return f"{number(value)}×"
    if unit.startswith("yuan per") or unit.startswith("usd per"):
        base, _, rest = unit.partition(" per ")
        return f"{money(value, base, digits)} per {rest}"
    return f"{scaled(value, digits)} {unit}".strip()


def change(old: float, new: float, decimals: int = 1) -> str:
    """The relative change from `old` to `new`: '+48.5%' ('n/a' when `old` is zero)."""
    if old == 0 or not (math.isfinite(old) and math.isfinite(new)):
        return "n/a"
    rate = (new - old) / abs(old) * 100
    return f"{'+' if rate >= 0 else '−'}{_trim(f'{abs(rate):.{decimals}f}')}%"


def cagr_rate(old: float, new: float, years: float) -> float | None:
    """The compound annual growth rate in percent, or None when it is undefined."""
    if years <= 0 or old <= 0 or new <= 0:
        return None
    return ((new / old) ** (1 / years) - 1) * 100


def yearly_growth(rate: float | None, missing: str = "") -> str:
    """A yearly growth rate as text: 4.04 → '4.0% a year' (`missing` when there is none)."""
    return missing if rate is None or not math.isfinite(rate) else f"{percent(rate)} a year"


def cagr(old: float, new: float, years: float, decimals: int = 1) -> str:
    """The compound annual growth rate as text: '4.0% a year' ('n/a' when undefined)."""
    rate = cagr_rate(old, new, years)
    if rate is None:
        return "n/a"
    return f"{_trim(f'{rate:.{decimals}f}')}% a year"


_QUALIFIER_PREFIX = {"exact": "", "more_than": "more than ", "about": "about ",
                     "at_least": "at least ", "less_than": "less than ", "up_to": "up to "}
_WORD_UNITS = frozenset({"percent", "multiple"})
_UNIT_WORDS = {"teu": "TEU", "teus": "TEU", "kw": "kW", "kwh": "kWh", "mw": "MW", "mwh": "MWh",
               "gw": "GW", "gwh": "GWh", "twh": "TWh",
               **{c.lower(): c for c in ISO_CURRENCY_CODES}}
"""Units kept lowercase in the data (`unit`) that readers know in capitals."""


def exact(value: float) -> str:
    """A number with the precision it was written with (up to ten significant digits):
    1.0739 → '1.0739', 1.65 → '1.65', 670000 → '670,000'."""
    if not math.isfinite(value):
        return "n/a"
    text = _trim(f"{value:,.10f}") if abs(value) < 1e15 else f"{value:.10g}"
    digits = f"{abs(value):.10g}"
    if "e" not in digits and "." in digits:  # keep the significant digits, drop float noise
        decimals = len(digits.split(".")[1])
        text = _trim(f"{value:,.{decimals}f}")
    return text


def exact_scaled(value: float) -> str:
    """A large number in words at the precision it was stated: 1.0739e12 → '1.0739 trillion'."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{exact(float(f'{value / size:.10g}'))} {word}"
    return exact(value)


def figure(value: float, unit: str, qualifier: str = "exact", *, words: str = "",
           each: bool = False) -> str:
    """A figure of the source as every output prints it: its qualifier, its number at the
    source's precision and its unit ('more than 2.87 trillion yuan', '1.65%'); a share or a
    multiple the source wrote in words keeps them (`words`: 'one-third', 'double'); an amount
    per item ends in 'each' (a threshold, not a total)."""
    prefix = _QUALIFIER_PREFIX.get(str(qualifier), "")
    if words and unit in _WORD_UNITS:
        body = words
    elif unit in _CURRENCY_WORDS:
        symbol = _CURRENCY_SYMBOLS.get(unit)
        body = f"{symbol}{exact_scaled(value)}" if symbol else f"{exact_scaled(value)} yuan"
    elif unit == "percent":
        body = f"{exact(value)}%"
    elif unit == "count":
        body = exact_scaled(value) if abs(value) >= 1e6 else exact(value)
    elif unit == "multiple":
        body = f"{exact(value)}×"
    elif unit.startswith(("yuan per", "usd per")):
        base, _, rest = unit.partition(" per ")
        body = f"{figure(value, base)} per {rest}"
    else:
        body = f"{exact_scaled(value)} {_UNIT_WORDS.get(unit, unit)}".strip()
    return f"{prefix}{body}{' each' if each else ''}"


def fact_figure(fact: Fact) -> str:
    """The fact's figure as every output prints it (PDF, HTML, deck, charts, findings): the
    source's precision and words, its qualifier, 'each' for an amount per item."""
    words = fact.text.lower() if fact.written_as == "words" and not fact.overridden else ""
    indian = _INDIAN_SCALE.search(fact.text) if fact.unit == "inr" and not fact.overridden \
        else None
    if indian:  # "₹40.37 lakh crore": in the scale its readers count in
        prefix = _QUALIFIER_PREFIX.get(str(fact.qualifier), "")
        return f"{prefix}₹{indian.group('number')} {indian.group('scale').lower()}"
    shown = figure(fact.value, fact.unit, str(fact.qualifier), words=words, each=fact.per_item)
    coal = _COAL.search(fact.text) if fact.unit == "tons" else None
    return f"{shown} {coal.group(0).lower()}" if coal else shown  # "… tons of standard coal"


# Energy stated in coal equivalent: the tons are of that, as the source says
_INDIAN_SCALE = re.compile(r"(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<scale>(?:lakh|crore)s?"
                           r"(?:\s+(?:lakh|crore)s?)?)", re.IGNORECASE)
_COAL = re.compile(r"of (?:standard )?coal(?: equivalent)?", re.IGNORECASE)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(iso: str | None) -> str:
    """A date as every output writes it: '2022-09-14' → '14 September 2022'; other text is
    returned as it is."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def as_heading(sentence: str, limit: int = 100) -> str:
    """A finding as a heading: without its asides in brackets ("(integrated circuits, …)",
    "(+48.5%; computed)") or its full stop; '' when still longer than `limit`."""
    short = re.sub(r"\s*\([^)]*\)", "", sentence).strip().rstrip(".")
    return short if len(short) <= limit else ""
