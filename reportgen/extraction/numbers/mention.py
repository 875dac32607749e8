"""A figure's parts after its number: unit words, scale words ("billion"), "per" units, the
qualifier before it ("over", "about") and the noun it counts; the `Mention` every reader returns."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
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


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so that longer phrases win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNITS = [w for w, _ in rules.UNIT_WORDS]


_UNIT_OF = {w.lower(): u for w, u in rules.UNIT_WORDS}


_SCALE_WORDS = [w for w in rules.SCALES if w not in {"m", "b"}]


# Between a number and its unit: a space (also no-break, thin, narrow, zero-width or a tab)
_SPACE = "[ \u00a0\u2009\u202f\u200b\t]"
_GAP = r"(?:" + _SPACE + r"?-" + _SPACE + r"?|" + _SPACE + r"+)"


UNIT_WORD_RE = re.compile(_GAP + r"?(" + alternation(_UNITS) + r")(?![A-Za-z0-9])",
                           re.IGNORECASE)


PERCENT_RE = re.compile(_SPACE + r"?%")


SCALE_RE = re.compile(r"(?:" + _SPACE + r"?-" + _SPACE + r"?|" + _SPACE + r"*)("
                      + alternation(_SCALE_WORDS)
                       + r")(?![A-Za-z])",
                       re.IGNORECASE)


TIMES_RE = re.compile(r"(?:[ \u00a0]+times\b|-fold\b)", re.IGNORECASE)


_PER_RE = re.compile(
    r"[ \u00a0]+(?:per|a|an)[ \u00a0]+"
    r"(?:(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)[ \u00a0]+(?P<nounnum>[A-Za-z]+)"
    r"|(?P<word>" + alternation(w for w, _ in rules.PER_UNITS) + r"))\b", re.IGNORECASE)


_PER_OF = {w.lower(): u for w, u in rules.PER_UNITS}


_WORD_RE = re.compile(r"[“\"‘']?(?:[A-Za-z]|[0-9]+-?[A-Za-z])[\w&'’.-]*?[”\"’']?(?=[^\w&'’-]|$)")


def significant(value: float, digits: int = 3) -> float:
    """`value` rounded to `digits` significant digits (one-third → 33.3)."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def previous_word(text: str, pos: int) -> str:
    match = _PREVIOUS_WORD.search(text, max(0, pos - 40), pos)
    return match.group(1) if match else ""


_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'’.-]*)[ \u00a0]+$")


def read_tail(text: str, start: int, end: int, value: float, currency: str | None, *,
               words: bool, prefix_unit: str | None = None,
               number_start: int | None = None) -> Mention | None:
    """The mention that starts at `start` with a number ending at `end`, or None (not a fact)."""
    number_start = start if number_start is None else number_start
    written = "words" if words else "digits"
    qualifier = qualifier_before(text, start)
    pos, scale = _read_scales(text, end)
    value = float(Decimal(repr(value)) * Decimal(repr(scale)))
    if not math.isfinite(value):
        raise QuantityError("number too large")
    unit = prefix_unit
    percent = PERCENT_RE.match(text, pos)
    if unit is None and percent:
        return _finish(text, start, percent.end(), value, "percent", qualifier, written, "percent",
                       "", number_start, end)
    unit_match = UNIT_WORD_RE.match(text, pos)
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
    times = TIMES_RE.match(text, pos)
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
        match = SCALE_RE.match(text, pos)
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


_QUALIFIER_RE = re.compile(
    r"(?:^|[^\w])(" + alternation(p for p, _ in rules.QUALIFIER_PHRASES) + r")[ \u00a0]*$",
    re.IGNORECASE,
)


_QUALIFIER_OF = {p.lower(): Qualifier(q) for p, q in rules.QUALIFIER_PHRASES}


@functools.cache
def _milestone_verb() -> re.Pattern[str]:
    """The verb of passing a threshold right before a figure ("breaking the ")."""
    # compiled on first use: only a figure followed by "mark", "threshold", … needs it
    return re.compile(r"\b(?:" + "|".join(rules.MILESTONE_VERBS)
                      + r")(?:[ \u00a0]+through)?[ \u00a0]+the[ \u00a0]+$", re.IGNORECASE)


def qualifier_before(text: str, start: int) -> Qualifier:
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
