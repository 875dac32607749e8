"""Numbers formatted for readers: "1.07 trillion yuan", "40.6%", "+48.5%", "3.6% a year".

Pure functions shared by the charts, the templates (as Jinja filters) and the deck.
"""

from __future__ import annotations

import math

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
