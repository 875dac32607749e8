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
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from reportgen.errors import QuantityError
from reportgen.extraction import rules
from reportgen.model import Qualifier, Quantity, Span

MAX_DIGITS = 40  # longer digit runs are not figures a press release states

_DIGITS_OK = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?", re.ASCII)


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure found in text: where it is, its value in base units, unit and counted noun."""

    span: Span
    value: float
    unit: str
    qualifier: Qualifier
    written_as: str = "digits"
    kind: str = "amount"  # amount | count | percent | multiple | fraction | rate | measure
    noun: str = ""
    number_span: Span = (0, 0)

    def quantity(self) -> Quantity:
        """The mention's value, unit and qualifier as a model `Quantity`."""
        return Quantity(self.value, self.unit, self.qualifier)


def digits_value(token: str) -> float:
    """The value of an ASCII digit string such as "1,073.9"; `QuantityError` for anything else."""
    if len(token) > MAX_DIGITS or not _DIGITS_OK.fullmatch(token):
        raise QuantityError(f"not a plain number: {token[:40]!r}")
    return float(token.replace(",", ""))  # safe: the strict pattern accepted it


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so that longer phrases win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNITS = [w for w, _ in rules.UNIT_WORDS]
_UNIT_OF = {w.lower(): u for w, u in rules.UNIT_WORDS}
_SCALE_WORDS = [w for w in rules.SCALES if w not in {"m", "b"}]
_GAP = r"(?:[ \u00a0]?-[ \u00a0]?|[ \u00a0]+)"
_UNIT_WORD_RE = re.compile(_GAP + r"?(" + _alternation(_UNITS) + r")(?![A-Za-z0-9])",
                           re.IGNORECASE)
_PERCENT_RE = re.compile(r"[ \u00a0]?%")
_SCALE_RE = re.compile(r"(?:[ \u00a0]?-[ \u00a0]?|[ \u00a0]*)(" + _alternation(_SCALE_WORDS)
                       + r")(?![A-Za-z])",
                       re.IGNORECASE)
_TIMES_RE = re.compile(r"(?:[ \u00a0]+times\b|-fold\b)", re.IGNORECASE)
_PER_RE = re.compile(
    r"[ \u00a0]+(?:per|a|an)[ \u00a0]+"
    r"(?:(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)[ \u00a0]+(?P<nounnum>[A-Za-z]+)"
    r"|(?P<word>" + _alternation(w for w, _ in rules.PER_UNITS) + r"))\b", re.IGNORECASE)
_PER_OF = {w.lower(): u for w, u in rules.PER_UNITS}

_WORD_UNITS = "|".join(w for w, v in rules.NUMBER_WORDS.items() if 0 <= v < 20 and w != "dozen")
_WORD_NUMBER = (r"(?:(?:" + "|".join(rules.TENS) + r")(?:[- ](?:" + _WORD_UNITS + r"))?|"
                + _WORD_UNITS + r"|dozen)")
_FRACTION_WORD = (r"(?P<fnum>one|two|three|four|five|six|seven|eight|nine|a)(?P<fsep>[- ])"
                  r"(?P<fden>" + _alternation(rules.FRACTION_DENOMINATORS) + r")")
# "one in five", "1 in 10", "two out of every three": a share of a whole, in percent
_RATIO_TERM = r"(?:" + _WORD_UNITS + r"|hundred|thousand|[0-9]{1,3}(?:,[0-9]{3})?(?![0-9]))"
_CANDIDATE = re.compile(
    r"(?P<ratio>\b(?P<rnum>" + _RATIO_TERM + r")\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?P<rden>" + _RATIO_TERM + r")\b(?![-./][0-9]))"
    r"|(?P<frac>\b" + _FRACTION_WORD + r"\b)"
    r"|(?P<dfrac>(?<![\w./])[0-9]{1,6}/[0-9]{1,9}(?![\w/]))"
    r"|(?P<half>\bhalf(?= of\b))"
    r"|(?P<mult>\b(?:" + _alternation(rules.MULTIPLE_WORDS) + r")\b)"
    r"|(?P<word>\b" + _WORD_NUMBER + r"\b)"
    r"|(?P<digits>(?:(?<![\w.])|(?<=RMB)|(?<=USD)|(?<=CNY)|(?<=EUR)|(?<=HKD))(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9]))",
    re.IGNORECASE,
)

_MONTH_NAMES = _alternation(rules.MONTHS)
_MASKS = re.compile(
    r"\b[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}\b"
    r"|\b[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4}\b"
    r"|\b(?:" + _MONTH_NAMES + r")\.?[ \u00a0]+[0-9]{1,2}(?:st|nd|rd|th)?"
    r"(?:,?[ \u00a0]+[0-9]{4})?\b"
    r"|\b[0-9]{1,2}(?:st|nd|rd|th)?[ \u00a0]+(?:" + _MONTH_NAMES + r")\.?"
    r"(?:,?[ \u00a0]+[0-9]{4})?\b"
    r"|\b(?:" + _MONTH_NAMES + r")\.?[ \u00a0]+[0-9]{4}\b"
    r"|\b[0-9]{1,2}:[0-9]{2}\b|\b[0-9]{1,2}[ \u00a0]?(?:[ap]\.m\.|[ap]m\b)"
    r"|\b(?:No|NO|no|Nos)\.?[ \u00a0]?[0-9]+\b|#[0-9]+"
    r"|\b[0-9]+[ \u00a0]?[x×][ \u00a0]?[0-9]+\b|\b24/7\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[“\"‘']?(?:[A-Za-z]|[0-9]+-?[A-Za-z])[\w&'’.-]*?[”\"’']?(?=[^\w&'’-]|$)")
_NON_NAME_LOWER = {w.lower() for w in rules.NOT_NAME_WORDS}


_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+")
_FIRST_WORDS = frozenset(
    {w for w in rules.NUMBER_WORDS} | {"a", "half"}
    | {re.split(r"-", w)[0] for w in rules.MULTIPLE_WORDS}
)


def find_mentions(text: str, *, default_currency: str | None = "yuan") -> list[Mention]:
    """Every quantitative figure in `text`, in order, with spans into `text`."""
    found: list[Mention] = []
    consumed = 0
    for token in _TOKEN.finditer(text):
        start = token.start()
        if start < consumed:
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
    return _change_units(text, found)


_BY_BEFORE = re.compile(r"\b(?:by|of)[ \u00a0]+$")


@functools.cache
def _to_between() -> re.Pattern[str]:
    """The words between a change and the level it leads to (" to ", " to more than ")."""
    # compiled on first use, as few documents state a bare change before a level
    return re.compile(r"^[ \u00a0]+to[ \u00a0]+(?:(?:" + _alternation(
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
        out[i] = replace(change, value=_significant(change.value * scale, 12), unit=unit,
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
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    word = text[left:start + 1]
    return "://" in word or word.lower().startswith("www.") or "@" in word


def _read_candidate(text: str, match: re.Match[str], currency: str | None) -> list[Mention]:
    """The mentions one candidate match stands for (none when it is not a fact)."""
    kind = match.lastgroup
    if kind == "ratio":
        return _ratio(text, match)
    if kind == "frac":
        return _fraction_words(text, match)
    if kind == "dfrac":
        return _fraction_digits(text, match)
    if kind == "half":
        return _half(text, match)
    if kind == "mult":
        return _multiple_word(text, match)
    if kind == "word":
        return _number_word(text, match, currency)
    return _digits(text, match, currency)


# ---------------------------------------------------------------------------------------------
# Fractions and multiples


def _significant(value: float, digits: int = 3) -> float:
    """`value` rounded to `digits` significant digits (one-third → 33.3)."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def _fraction_words(text: str, match: re.Match[str]) -> list[Mention]:
    num_word = match.group("fnum").lower()
    spaced = match.group("fsep") == " "
    after = text[match.end():match.end() + 4].lower()
    if (spaced or num_word == "a") and not after.startswith(" of"):
        return []
    if _previous_word(text, match.start()).lower() in {"first", "second", "the", "last"}:
        return []
    numerator = 1 if num_word == "a" else rules.NUMBER_WORDS[num_word]
    denominator = rules.FRACTION_DENOMINATORS[match.group("fden").lower()]
    value = _significant(100 * numerator / denominator)
    return [Mention(match.span(), value, "percent", _qualifier_before(text, match.start()),
                    "words", "fraction", number_span=match.span())]


def _ratio_term(token: str) -> float:
    word = token.lower()
    if word in ("hundred", "thousand"):
        return 100.0 if word == "hundred" else 1000.0
    return float(rules.NUMBER_WORDS[word]) if word in rules.NUMBER_WORDS else digits_value(word)


def _ratio(text: str, match: re.Match[str]) -> list[Mention]:
    """ "one in five" → 20 percent; nothing when it is no share ("2 in 2023", "10 in 3")."""
    top, bottom = _ratio_term(match.group("rnum")), _ratio_term(match.group("rden"))
    if bottom <= top or top == 0 or 1900 <= bottom <= 2100:
        return []
    written = "digits" if match.group("rnum")[0].isdigit() else "words"
    return [Mention(match.span(), _significant(100 * top / bottom), "percent",
                    _qualifier_before(text, match.start()), written, "fraction",
                    number_span=match.span())]


def _fraction_digits(text: str, match: re.Match[str]) -> list[Mention]:
    top, bottom = match.group().split("/")
    a, b = digits_value(top), digits_value(bottom)
    if b == 0 or a >= b:
        return []
    noun, _ = counted_noun(text, match.end())
    if set(noun.lower().split()) & rules.SCALE_NOUNS:
        return []  # "a 1/5000 digital map": a map scale
    return [Mention(match.span(), _significant(100 * a / b), "percent",
                    _qualifier_before(text, match.start()), "digits", "fraction",
                    number_span=match.span())]


def _half(text: str, match: re.Match[str]) -> list[Mention]:
    if _previous_word(text, match.start()).lower() in {"first", "second", "latter", "other",
                                                        "a", "one"}:
        return []
    return [Mention(match.span(), 50.0, "percent", _qualifier_before(text, match.start()),
                    "words", "fraction", number_span=match.span())]


@functools.cache
def _multiple_context() -> re.Pattern[str]:
    """The words around "double" or "twice" that make it a multiple ("to double", "twice the")."""
    # compiled on first use, as few documents write a multiple in words
    return re.compile(
        r"(?:\b(?:to|will|would|than|nearly|almost|about|over)\s+(?:double|triple|quadruple)\b"
        r"|\b(?:double|triple|quadruple|twice|thrice)\s+(?:the|its|their|that|as|what)\b"
        r"|\b(?:double|triple|quadruple)[.,;])", re.IGNORECASE)


def _multiple_word(text: str, match: re.Match[str]) -> list[Mention]:
    word = match.group().lower()
    if text[match.end():match.end() + 1] == "-" and "fold" not in word:
        return []  # "double-digit", "double-check"
    around = text[max(0, match.start() - 12):match.end() + 8]
    if word in ("double", "triple", "quadruple", "twice", "thrice") \
            and not _multiple_context().search(around):
        return []  # "Double First-Class", "double carbon goals", "met twice"
    value = rules.MULTIPLE_WORDS[word]
    return [Mention(match.span(), float(value), "multiple",
                    _qualifier_before(text, match.start()), "words", "multiple",
                    number_span=match.span())]


# ---------------------------------------------------------------------------------------------
# Numbers in words and digits


def _word_value(token: str) -> int:
    parts = re.split(r"[- ]", token.lower())
    return sum(rules.NUMBER_WORDS[p] for p in parts)


def _number_word(text: str, match: re.Match[str], currency: str | None) -> list[Mention]:
    token = match.group()
    end = match.end()
    if text[end:end + 1] == "-" and not _SCALE_RE.match(text, end):
        return []  # "Three-year Action Plan", "five-in-one", "zero-carbon"
    if _previous_word(text, match.start()).lower() == "top":
        return []  # "the top ten cities": a ranking
    value = float(_word_value(token))
    tail = _read_tail(text, match.start(), end, value, currency, words=True)
    if tail is None:
        return []
    if token.lower() in rules.SKIPPED_NUMBER_WORDS and tail.kind == "count":
        return []  # "one of the country's first", "one should"
    if tail.kind == "count" and not tail.noun:
        noun = _partitive_noun(text, end)
        if not noun:
            return []  # a number word with nothing counted is not a figure
        tail = replace(tail, noun=noun)  # "Three of the country's top 10 makers"
    return [tail]


@functools.cache
def _partitive() -> re.Pattern[str]:
    """The group a number word picks from (" of the country's top 10 ")."""
    # compiled on first use: only a number word with nothing counted after it needs it
    return re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the|its|their|these|those|our|all)[ \u00a0]+"
                      r"(?:[A-Za-z]+['’]s[ \u00a0]+)?(?:(?:top[ \u00a0]+)?(?:[0-9][0-9,]*|"
                      + _WORD_NUMBER + r")[ \u00a0]+)?",
                      re.IGNORECASE)


def _partitive_noun(text: str, end: int) -> str:
    """What a number word picks out of a group ("Three of the country's top 10 NEV makers" →
    "NEV makers"); empty when no plural noun follows ("three of them")."""
    match = _partitive().match(text, end)
    if not match:
        return ""
    noun, _ = counted_noun(text, match.end())
    return noun if noun.endswith("s") else ""



def _digits(text: str, match: re.Match[str], currency: str | None) -> list[Mention]:
    start, end = match.span()
    prefix_unit, prefix_start = _currency_prefix(text, start)
    if prefix_unit is None and _is_name_or_code(text, start, end):
        return []
    value = digits_value(match.group())
    if re.fullmatch(r"[0-9]{5,}", match.group()) and prefix_unit is None \
            and not _SCALE_RE.match(text, end) and not _UNIT_WORD_RE.match(text, end):
        return []  # "hotline 12345", postcodes, serial numbers
    rng = _range_end(text, end)
    if rng is not None:
        return _range(text, start, end, rng, value, currency)
    mention = _read_tail(text, prefix_start, end, value, currency, words=False,
                         prefix_unit=prefix_unit, number_start=start)
    if mention is None:
        return []
    if (mention.kind == "count" and "," not in match.group() and "." not in match.group()
            and 1900 <= value <= 2100 and _looks_like_year(text, start, mention)):
        return []
    if mention.kind == "percent" and _is_minus(text, prefix_start):
        return [replace(mention, span=(prefix_start - 1, mention.span[1]), value=-mention.value)]
    return [mention]


def _is_minus(text: str, start: int) -> bool:
    """True for a minus sign glued to a figure after a space or bracket ("grew -0.2%")."""
    return start >= 1 and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " (\u00a0")


def _looks_like_year(text: str, start: int, mention: Mention) -> bool:
    """A bare 1900–2100 integer is a year unless it plainly counts something."""
    if not mention.noun:
        return True
    if mention.noun.split()[0].lower() in rules.YEAR_NOUNS:
        return True  # "2024 goals", "the 2023 government work report"
    prev = _previous_word(text, start).lower()
    return prev in {"in", "since", "by", "from", "to", "of", "until", "between", "and", "before",
                    "after", "during", "for", "through", "the", "year", "end"}


def _is_name_or_code(text: str, start: int, end: int) -> bool:
    """True for digits that are part of a name, code, ordinal or heading, not a figure."""
    before = text[start - 1] if start else ""
    if before.isalpha() or before == "_":
        return True  # "C919", "ARJ21"
    if before and before in "-–" and start >= 2 and text[start - 2].isalpha():
        return True  # "COVID-19"
    after = text[end:end + 6]
    glued = re.match(r"[A-Za-z]+", after)
    if glued and glued.group().lower() not in {"bn", "tn", "mn", "trln", "bln", "mln", "km",
                                               "kwh", "pct", "ha", "mw", "gw", "kg"}:
        return True  # "14nm", "5G", "8K", "1990s", "12th"
    if re.match(r"\s?(?:hundred|thousand|million|billion|trillion)th\b", text[end:end + 14],
                re.IGNORECASE):
        return True  # "its 2 millionth vehicle": an ordinal
    if re.match(r"-[A-Za-z]", after) and not _SCALE_RE.match(text, end) \
            and not _UNIT_WORD_RE.match(text, end) and not _TIMES_RE.match(text, end):
        return True  # "12-inch", "3-year"
    if _is_heading_number(text, start, end):
        return True
    if _previous_word(text, start).lower() == "top" and not _top_is_a_verb(text, start, end):
        return True  # "the top 10 cities"
    if _previous_word(text, start).lower() in {"no", "nos", "grade", "level", "class"}:
        return True  # "Grade 3"
    prev = _previous_word(text, start)
    if prev.lower().rstrip(".") in rules.MONTHS:
        return True
    if after.lstrip().lower().startswith(tuple(rules.MONTHS)) and re.match(
            r"\s+(" + _MONTH_NAMES + r")\b", text[end:end + 12], re.IGNORECASE):
        return True
    return _follows_proper_name(text, start, prev)


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
    before = _previous_word(text, top).lower() if top > 0 else ""
    if before not in _MODAL_BEFORE_TOP and (
            not before or before in _RANK_BEFORE_TOP or before.endswith(("'s", "’s"))):
        return False
    return bool(_SCALE_RE.match(text, end) or _UNIT_WORD_RE.match(text, end)
                or _PERCENT_RE.match(text, end))


def _is_heading_number(text: str, start: int, end: int) -> bool:
    """True for "1." / "2)" at the start of a line and "(3)" anywhere: a heading or list number."""
    enclosed = text[start - 1:start] in ("(", "（") and text[end:end + 1] in (")", "）")
    if enclosed and end - start <= 2:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    after = text[end:end + 2]
    return not text[line_start:start].strip() and re.match(r"[.)、]\s", after) is not None


def _follows_proper_name(text: str, start: int, prev: str) -> bool:
    """True when the digits follow a capitalised word inside a sentence ("the Xuelong 2")."""
    if not prev or not prev[0].isupper() or prev.lower() in _NON_NAME_LOWER:
        return False
    word_start = start - len(prev) - 1
    if word_start <= 0:
        return False  # the capitalised word opens the text
    opener = re.search(r"(^|[.!?:;\n“\"(])\s*$", text[max(0, word_start - 40):word_start])
    return opener is None  # a capitalised word that opens a sentence is no name


def _previous_word(text: str, pos: int) -> str:
    match = re.search(r"([A-Za-z][\w'’.-]*)[ \u00a0]+$", text[max(0, pos - 40):pos])
    return match.group(1) if match else ""


def _currency_prefix(text: str, start: int) -> tuple[str | None, int]:
    """The currency written right before the number ("US$", "RMB") and where it starts."""
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
    tail = _read_tail(text, rng.start(1), rng.end(), high, currency, words=False)
    if tail is None or (tail.kind == "count" and not tail.noun and high > 1900):
        return []
    qualifier = _qualifier_before(text, start)
    first = Mention((start, end), _scaled(low, tail, high), tail.unit,
                    qualifier if qualifier != Qualifier.EXACT else Qualifier.AT_LEAST,
                    "digits", tail.kind, tail.noun, (start, end))
    second = Mention(tail.span, tail.value, tail.unit, Qualifier.UP_TO, "digits", tail.kind,
                     tail.noun, tail.number_span)
    return [first, second]


def _scaled(low: float, tail: Mention, high: float) -> float:
    """The low end of a range in the same scale as the high end ("5-10 billion")."""
    return low * (tail.value / high) if high else low


# ---------------------------------------------------------------------------------------------
# What follows a number: scale, unit, counted noun, "per ..."


def _read_tail(text: str, start: int, end: int, value: float, currency: str | None, *,
               words: bool, prefix_unit: str | None = None,
               number_start: int | None = None) -> Mention | None:
    """The mention that starts at `start` with a number ending at `end`, or None (not a fact)."""
    number_start = start if number_start is None else number_start
    written = "words" if words else "digits"
    qualifier = _qualifier_before(text, start)
    pos, scale = _read_scales(text, end)
    value = float(Decimal(repr(value)) * Decimal(repr(scale)))
    if not math.isfinite(value):
        raise QuantityError("number too large")
    unit = prefix_unit
    percent = _PERCENT_RE.match(text, pos)
    if unit is None and percent:
        return _finish(text, start, percent.end(), value, "percent", qualifier, written, "percent",
                       "", number_start, end)
    unit_match = _UNIT_WORD_RE.match(text, pos)
    if unit_match and unit is None:
        unit = _UNIT_OF[unit_match.group(1).lower()]
        pos = unit_match.end()
    elif unit_match and unit_match.group(1).lower() in {"yuan", "dollars", "rmb"}:
        pos = unit_match.end()  # "RMB 5 billion yuan": the unit written twice
    if unit is not None:
        kind = "percent" if unit in {"percent", "percentage points"} else (
            "amount" if unit in rules.CURRENCIES else "measure")
        return _finish(text, start, pos, value, unit, qualifier, written, kind, "", number_start,
                       end)
    times = _TIMES_RE.match(text, pos)
    if times:
        return _finish(text, start, times.end(), value, "multiple", qualifier, written,
                       "multiple", "", number_start, end)
    noun, noun_end = counted_noun(text, pos)
    in_a_row = re.compile(r"[ \u00a0]+in a row\b").match(text, noun_end) if noun else None
    if noun and noun.split()[0].lower() in rules.DURATION_UNITS and in_a_row:
        noun, noun_end = f"{noun.split()[0]} in a row", in_a_row.end()  # "six years in a row"
    elif noun and noun.split()[0].lower() in rules.DURATION_UNITS:
        return None  # "the past five years", "next 5-10 years"
    if noun and noun.split()[0].lower() in rules.RUN_WORDS and len(noun.split()) > 1 \
            and noun.split()[1].lower() in rules.DURATION_UNITS:
        noun = " ".join(noun.split()[:2])
        noun_end = text.index(noun.split()[1], pos) + len(noun.split()[1])
    if not noun and scale >= 1e8 and currency:
        return _finish(text, start, pos, value, currency, qualifier, written, "amount", "",
                       number_start, end)  # "transaction value at 100 billion each"
    stop = noun_end if noun else pos
    return _finish(text, start, stop, value, "count", qualifier, written, "count", noun,
                   number_start, end)


def _finish(text: str, start: int, stop: int, value: float, unit: str, qualifier: Qualifier,
            written: str, kind: str, noun: str, number_start: int, number_end: int) -> Mention:
    """The mention, extended over a "per ..." rate and a "... mark" milestone."""
    per = _PER_RE.match(text, stop)
    if per and per.group(0).split()[0].lower() in ("a", "an") and (
            per.group("num") or _PER_OF[per.group("word").lower()] == "year"):
        per = None  # "10 billion yuan a year" stays in yuan; only "per" takes a number
    if per and (kind != "count" or noun):
        base = noun.split()[-1].lower() if kind == "count" else unit
        if per.group("num"):
            denominator = f"{per.group('num')} {per.group('nounnum').lower()}"
        else:
            denominator = _PER_OF[per.group("word").lower()]
        unit, kind, stop = f"{base} per {denominator}", "rate", per.end()
    if qualifier == Qualifier.EXACT and _is_milestone(text, start, stop):
        qualifier = Qualifier.MORE_THAN
    return Mention((start, stop), value, unit, qualifier, written, kind, noun,
                   (number_start, number_end))


def _read_scales(text: str, pos: int) -> tuple[int, float]:
    """The position after any scale words ("hundred million") and their product."""
    scale = 1.0
    while True:
        match = _SCALE_RE.match(text, pos)
        if not match:
            return pos, scale
        word = match.group(1).lower()
        if word in rules.SHORT_SCALES and match.group(0)[:1] in " -\u00a0" and word != "tn" \
                and word != "bn":
            return pos, scale
        scale *= rules.SCALES[word]
        pos = match.end()


_DETERMINER_NEXT = re.compile(r"[ \u00a0]+(?:the|a|an|its|their|this|these|our)\b", re.IGNORECASE)


def counted_noun(text: str, pos: int) -> tuple[str, int]:
    """The noun phrase a number counts ("smart factories") and where it ends."""
    words: list[str] = []
    end = pos
    cursor = pos
    while len(words) < rules.MAX_NOUN_WORDS:
        gap = re.match(r"[ \u00a0]+", text[cursor:cursor + 4])
        if not gap and words:
            break
        here = cursor + (gap.end() if gap else 0)
        phrase = next((p for p in rules.NOUN_PHRASES_WITH_STOPS
                       if text[here:here + len(p)].lower() == p), None)
        if phrase:
            words.append(text[here:here + len(phrase)])
            cursor = end = here + len(phrase)
            continue
        word = _WORD_RE.match(text, here)
        if not word and words and words[-1][:1].isupper():
            # digits inside a capitalised name: "Fortune Global 500 companies"
            word = re.compile(r"[0-9]+(?=[ \u00a0][A-Za-z])").match(text, here)
        if not word:
            break
        bare = word.group().strip("“\"‘'”’")
        lower = bare.lower()
        if lower in rules.NOUN_STOP_WORDS or not bare:
            break
        if (lower.endswith("ed") or lower in rules.PAST_AFTER_PLURAL) and words \
                and words[-1].lower().endswith("s"):
            break  # "industries proposed in ...", "products listed", "companies set up"
        if words and words[-1].lower().endswith("s") and _DETERMINER_NEXT.match(text, word.end()):
            break  # "Three pillars lead the cluster": a word before "the" after a plural is a verb
        words.append(bare)
        cursor = word.end()
        token = word.group()
        closing = token.endswith(("”", '"', "’")) and not token.startswith(("“", '"'))
        end = word.end() - 1 if closing else word.end()
    return " ".join(words), end


# ---------------------------------------------------------------------------------------------
# Qualifiers

_QUALIFIER_RE = re.compile(
    r"(?:^|[^\w])(" + _alternation(p for p, _ in rules.QUALIFIER_PHRASES) + r")[ \u00a0]*$",
    re.IGNORECASE,
)
_QUALIFIER_OF = {p.lower(): Qualifier(q) for p, q in rules.QUALIFIER_PHRASES}


@functools.cache
def _milestone_verb() -> re.Pattern[str]:
    """The verb of passing a threshold right before a figure ("breaking the ")."""
    # compiled on first use: only a figure followed by "mark", "threshold", … needs it
    return re.compile(r"\b(?:" + "|".join(rules.MILESTONE_VERBS)
                      + r")(?:[ \u00a0]+through)?[ \u00a0]+the[ \u00a0]+$", re.IGNORECASE)


def _qualifier_before(text: str, start: int) -> Qualifier:
    """The qualifier the words right before a figure give it ("more than", "about", …)."""
    window = text[max(0, start - 30):start]
    match = _QUALIFIER_RE.search(window)
    if not match:
        return Qualifier.EXACT
    return _QUALIFIER_OF[match.group(1).lower()]


def _is_milestone(text: str, start: int, stop: int) -> bool:
    """True for "breaking the 4 trillion-yuan mark": the figure is a threshold passed."""
    nouns = "|".join(rules.MILESTONE_NOUNS)
    after = re.match(r"[ \u00a0]+(" + nouns + r")\b", text[stop:stop + 14])
    return bool(after and _milestone_verb().search(text[max(0, start - 30):start]))


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
