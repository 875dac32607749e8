"""Numbers written as words: "three", "twenty-five", fractions ("one-third"), ratios ("one in
five"), halves and multiples ("double", "threefold")."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from reportgen.extraction import rules
from reportgen.extraction.numbers.mention import (
    SCALE_RE,
    Mention,
    alternation,
    counted_noun,
    digits_value,
    previous_word,
    qualifier_before,
    read_tail,
    significant,
)

_WORD_UNITS = "|".join(w for w, v in rules.NUMBER_WORDS.items() if 0 <= v < 20 and w != "dozen")


WORD_NUMBER = (r"(?:(?:" + "|".join(rules.TENS) + r")(?:[- ](?:" + _WORD_UNITS + r"))?|"
                + _WORD_UNITS + r"|dozen)")


FRACTION_WORD = (r"(?P<fnum>one|two|three|four|five|six|seven|eight|nine|a)(?P<fsep>[- ])"
                  r"(?P<fden>" + alternation(rules.FRACTION_DENOMINATORS) + r")")


# "one in five", "1 in 10", "two out of every three": a share of a whole, in percent
RATIO_TERM = r"(?:" + _WORD_UNITS + r"|hundred|thousand|[0-9]{1,3}(?:,[0-9]{3})?(?![0-9]))"


def fraction_words(text: str, match: re.Match[str]) -> list[Mention]:
    num_word = match.group("fnum").lower()
    spaced = match.group("fsep") == " "
    after = text[match.end():match.end() + 4].lower()
    if (spaced or num_word == "a") and not after.startswith(" of"):
        return []
    if previous_word(text, match.start()).lower() in {"first", "second", "the", "last"}:
        return []
    numerator = 1 if num_word == "a" else rules.NUMBER_WORDS[num_word]
    denominator = rules.FRACTION_DENOMINATORS[match.group("fden").lower()]
    value = significant(100 * numerator / denominator)
    return [Mention(match.span(), value, "percent", qualifier_before(text, match.start()),
                    "words", "fraction", number_span=match.span())]


def _ratio_term(token: str) -> float:
    word = token.lower()
    if word in ("hundred", "thousand"):
        return 100.0 if word == "hundred" else 1000.0
    return float(rules.NUMBER_WORDS[word]) if word in rules.NUMBER_WORDS else digits_value(word)


def ratio(text: str, match: re.Match[str]) -> list[Mention]:
    """ "one in five" → 20 percent; nothing when it is no share ("2 in 2023", "10 in 3")."""
    top, bottom = _ratio_term(match.group("rnum")), _ratio_term(match.group("rden"))
    if bottom <= top or top == 0 or 1900 <= bottom <= 2100:
        return []
    written = "digits" if match.group("rnum")[0].isdigit() else "words"
    return [Mention(match.span(), significant(100 * top / bottom), "percent",
                    qualifier_before(text, match.start()), written, "fraction",
                    number_span=match.span())]


def fraction_digits(text: str, match: re.Match[str]) -> list[Mention]:
    top, bottom = match.group().split("/")
    a, b = digits_value(top), digits_value(bottom)
    if b == 0 or a >= b:
        return []
    noun, _ = counted_noun(text, match.end())
    if set(noun.lower().split()) & rules.SCALE_NOUNS:
        return []  # "a 1/5000 digital map": a map scale
    return [Mention(match.span(), significant(100 * a / b), "percent",
                    qualifier_before(text, match.start()), "digits", "fraction",
                    number_span=match.span())]


def half(text: str, match: re.Match[str]) -> list[Mention]:
    if previous_word(text, match.start()).lower() in {"first", "second", "latter", "other",
                                                        "a", "one"}:
        return []
    return [Mention(match.span(), 50.0, "percent", qualifier_before(text, match.start()),
                    "words", "fraction", number_span=match.span())]


@functools.cache
def _multiple_context() -> re.Pattern[str]:
    """The words around "double" or "twice" that make it a multiple ("to double", "twice the")."""
    # compiled on first use, as few documents write a multiple in words
    return re.compile(
        r"(?:\b(?:to|will|would|than|nearly|almost|about|over)\s+(?:double|triple|quadruple)\b"
        r"|\b(?:double|triple|quadruple|twice|thrice)\s+(?:the|its|their|that|as|what)\b"
        r"|\b(?:double|triple|quadruple)[.,;])", re.IGNORECASE)


def multiple_word(text: str, match: re.Match[str]) -> list[Mention]:
    word = match.group().lower()
    if text[match.end():match.end() + 1] == "-" and "fold" not in word:
        return []  # "double-digit", "double-check"
    around = text[max(0, match.start() - 12):match.end() + 8]
    if word in ("double", "triple", "quadruple", "twice", "thrice") \
            and not _multiple_context().search(around):
        return []  # "Double First-Class", "double carbon goals", "met twice"
    value = rules.MULTIPLE_WORDS[word]
    return [Mention(match.span(), float(value), "multiple",
                    qualifier_before(text, match.start()), "words", "multiple",
                    number_span=match.span())]


def _word_value(token: str) -> int:
    parts = re.split(r"[- ]", token.lower())
    return sum(rules.NUMBER_WORDS[p] for p in parts)


def number_word(text: str, match: re.Match[str], currency: str | None) -> list[Mention]:
    token = match.group()
    end = match.end()
    if text[end:end + 1] == "-" and not SCALE_RE.match(text, end):
        return []  # "Three-year Action Plan", "five-in-one", "zero-carbon"
    if previous_word(text, match.start()).lower() == "top":
        return []  # "the top ten cities": a ranking
    if _in_a_name(text, match.start(), end):
        return []  # "the Two Sessions", "2018 Zhejiang Two Sessions": an event's name
    value = float(_word_value(token))
    tail = read_tail(text, match.start(), end, value, currency, words=True)
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


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A capitalised number word inside a sentence before a capitalised word: part of a name,
    not a count (a sentence may open with one: "Two companies …")."""
    if not text[start:start + 1].isupper():
        return False
    before = text[max(0, start - 3):start].rstrip(" \u00a0\t")
    opens = not before or before[-1] in ".!?:;\n\"“(>" or start == 0
    if opens or not re.match(r"[ \u00a0]+[A-Z][a-z]", text[end:end + 3]):
        return False
    line_start = text.rfind("\n", max(0, start - 300), start) + 1
    line_end = text.find("\n", end, end + 300)
    line = text[line_start:line_end if line_end > 0 else end + 300]
    if re.search(r"[>»›]", line):
        return True  # a breadcrumb ("Home>2018 Zhejiang Two Sessions") names sections
    words = re.findall(r"[A-Za-z]{4,}", line)
    title_case = sum(w[0].isupper() for w in words) > 0.6 * len(words)
    return not title_case  # in a headline in title case every word is capitalised


@functools.cache
def _partitive() -> re.Pattern[str]:
    """The group a number word picks from (" of the country's top 10 ")."""
    # compiled on first use: only a number word with nothing counted after it needs it
    return re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the|its|their|these|those|our|all)[ \u00a0]+"
                      r"(?:[A-Za-z]+['’]s[ \u00a0]+)?(?:(?:top[ \u00a0]+)?(?:[0-9][0-9,]*|"
                      + WORD_NUMBER + r")[ \u00a0]+)?",
                      re.IGNORECASE)


def _partitive_noun(text: str, end: int) -> str:
    """What a number word picks out of a group ("Three of the country's top 10 NEV makers" →
    "NEV makers"); empty when no plural noun follows ("three of them")."""
    match = _partitive().match(text, end)
    if not match:
        return ""
    noun, _ = counted_noun(text, match.end())
    return noun if noun.endswith("s") else ""
