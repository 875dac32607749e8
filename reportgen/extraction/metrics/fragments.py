"""Names that are no names: a verb, a participle, a function word, a place or dateline alone,
or a bare "amount" ("marking impressive", "BEIJING", "this means that", "growth"). Such a name is
replaced from the sentence's structure: a rate or a change beside a level is that level's change
("… reached $114.5 billion, marking an impressive 40.6% growth" → "… growth"); otherwise the
clause's subject. What cannot be repaired keeps its name and is reported for staff to check."""

from __future__ import annotations

import re

from reportgen.extraction import rules
from reportgen.extraction.metrics import clause_words as vocab
from reportgen.extraction.metrics.phrases import find_subject
from reportgen.extraction.numbers import Mention
from reportgen.model import Span

# Words that cannot open a metric name
_OPENERS = frozenset({
    "this", "that", "these", "those", "it", "its", "our", "their", "his", "her", "and", "or",
    "but", "which", "who", "according", "as", "with", "while", "for", "to", "of", "in", "on",
    "by", "at", "from", "than", "such", "also", "there", "here", "we", "they", "reporters",
})
# Words that cannot close a name, single words that measure nothing, names that are a time
_CLOSERS = frozenset({"also", "just", "only", "now", "still", "was", "were", "is", "are", "which",
                      "that", "continued"})
_NO_MEASURE = frozenset({"other", "others", "foreign", "exception", "domestic", "national",
                         "overall", "average", "ranked", "range", "record", "high", "low"})
_TIME_ONLY = re.compile(r"(?:(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:quarter|half|"
                        r"month|year)|[A-Z][a-z]+\s+(?:19|20)[0-9]{2}|(?:January|February|March|"
                        r"April|May|June|July|August|September|October|November|December))"
                        r"(?:,\s*.*)?", re.IGNORECASE)
# Names that say only the kind of figure, not what it measures
_BARE = frozenset({"amount", "figure", "share", "growth", "decline", "decrease", "increase",
                   "rise", "total", "number", "volume", "value", "rate", "multiple", "set",
                   "growth rate", "change", "drop", "fall", "sum", "scale", "size", "level"})
# -ing and -ed words that are names' heads, not verbs
_NOUN_ING = frozenset({"spending", "funding", "financing", "building", "housing", "manufacturing",
                       "processing", "shipping", "banking", "lending", "catering", "mining",
                       "clothing", "printing", "recycling", "training", "planning", "trading",
                       "dwelling", "listing", "landing", "outstanding", "remaining"})
_FALLING = re.compile(r"\b(?:declin\w*|decreas\w*|drop\w*|down|fell|fall\w*|contract\w*|shr[iu]nk"
                      r"\w*|dipped|dip|lower|slump\w*|plunge\w*)\b", re.IGNORECASE)
_CHANGE_UNITS = frozenset({"percent", "percentage points"})
# the same rate at an earlier time: "accelerating from 3.7 percent in July", "down from 5%"
_FROM_RATE = re.compile(r"\b(?:accelerat\w*|slow\w*|quicken\w*|eas\w*|pick\w* up|up|down|"
                        r"compared with|versus|against)\s+(?:from\s+)?(?:the\s+)?$|\bfrom\s+$",
                        re.IGNORECASE)


_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_OPENS_WITH_DIGIT = re.compile(r"\s*[0-9]")
_RATE_IN_NAME = re.compile(r"[0-9][0-9.,]*\s*(?:%|percent)")


def is_fragment(metric: str) -> bool:
    """Whether `metric` names nothing a reader could put on an axis."""
    words = _WORD.findall(metric)
    if not words:
        return True
    first = words[0].lower()
    if " ".join(w.lower() for w in words) in _BARE:
        return True
    if _OPENS_WITH_DIGIT.match(metric) or _RATE_IN_NAME.search(metric):
        return True  # another figure: "6.7 percent year on year"
    if first in _OPENERS:
        return True
    last = words[-1].lower()
    if last in _CLOSERS or (len(words) == 1 and first in _NO_MEASURE):
        return True  # "country also", "this year just", "other", "exception"
    if _TIME_ONLY.fullmatch(metric.strip()):
        return True  # "first quarter", "June": when, not what
    if first.endswith("ing") and first not in _NOUN_ING and len(words) <= 3 \
            and not words[0][:1].isupper():  # "Chongqing foreign trade" is a place's
        return True  # "marking impressive", "experiencing modest", "decreasing"
    return len(words) == 1 and words[0].isupper() and len(words[0]) > 3  # a dateline: BEIJING


# "- Regional GDP: 76.8 billion yuan ($10.75 billion), up 8.1 percent": a label names the
# figures after its colon
_LABEL = re.compile(r"^\s*(?:[-*•·]\s*)?(?P<label>[A-Za-z][^:：0-9]{1,60}?)\s*[:：]\s*")
# a figure in brackets right after another is the same figure in another currency
_CONVERSION_GAP = re.compile(rules.CONVERSION_GAP, re.IGNORECASE)
_CURRENCY_WORDS = {"usd": "US dollars", "yuan": "yuan", "eur": "euros", "hkd": "Hong Kong dollars",
                   "jpy": "yen", "gbp": "pounds"}


# the next of a ranking, the figure after "with": "followed by Guangzhou with 3.04 trillion",
# "and Foshan with 1.33 trillion"
_FOLLOWED_BY = re.compile(r"(?:\bfollowed by|\band|,)\s+(?P<who>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)"
                          r"{0,3})\s+(?:with|at)\s+(?:(?:a|an)\s+[a-z]+\s+of\s+)?"
                          r"(?:about|around|over|more than|nearly)?\s*$")


def repair(names: list[str], sentence: str, mentions: list[tuple[Mention, Span]]) -> list[str]:
    """`names` with a currency conversion named after the figure it converts, a label's figures
    named by the label, and each remaining fragment replaced by the change of the level beside
    it when there is one in the sentence; fragments with nothing better stay as they are."""
    out = _labelled(list(names), sentence, mentions)
    out = _conversions(out, sentence, mentions)
    for i, (mention, (a, b)) in enumerate(mentions):
        if not is_fragment(out[i]):
            continue
        follower = _FOLLOWED_BY.search(sentence, 0, a)
        same = [out[k] for k in range(i) if mentions[k][0].unit == mention.unit
                and not is_fragment(out[k])]
        if follower and same:  # "…, followed by Guangzhou with 3.04 trillion yuan": its GDP
            measure = same[0].rpartition(": ")[2]  # "Shenzhen: GDP" → "GDP"
            out[i] = f"{follower.group('who')}: {measure}"
            continue
        spent = vocab.IN_MEASURE.match(sentence, b)
        if mention.unit not in _CHANGE_UNITS and spent:  # "a total of 2.58 trillion yuan … in
            old, out[i] = out[i], spent.group("np").strip()  # fixed asset investment"
            # its conversion and its change were named after the fragment: rename them too
            out = [out[i] + n[len(old):] if k > i and n.startswith(old + " ") else n
                   for k, n in enumerate(out)]
            continue
        if mention.unit not in _CHANGE_UNITS:  # a level: the clause's subject, if it is a name
            subject = find_subject(sentence, a, main=True) or find_subject(sentence, a)
            out[i] = subject if subject and not is_fragment(subject) else out[i]
            continue
        earlier_rate = next((out[k] for k in range(i - 1, -1, -1)
                             if mentions[k][0].unit == mention.unit and not is_fragment(out[k])),
                            None)
        if earlier_rate and _FROM_RATE.search(sentence[max(0, a - 40):a]):
            out[i] = earlier_rate  # "grew 4.5 percent, accelerating from 3.7 percent in July"
            continue
        level = _level_before(out, mentions, i)
        if level is None:
            continue
        window = sentence[max(0, a - 40):min(len(sentence), b + 25)]
        out[i] = f"decline in {level}" if _FALLING.search(window) else f"{level} growth"
    return out


def _level_before(names: list[str], mentions: list[tuple[Mention, Span]], i: int) -> str | None:
    """The name of the nearest earlier level (not a rate) in the sentence that is a real name."""
    for k in range(i - 1, -1, -1):
        if mentions[k][0].unit not in _CHANGE_UNITS and not is_fragment(names[k]):
            return re.sub(r"\s+in\s+(?:US dollars|U\.S\. dollars)$", "", names[k])
    return None


def _labelled(names: list[str], sentence: str,
              mentions: list[tuple[Mention, Span]]) -> list[str]:
    """The first level after a "Label:" named by the label when its own name is a fragment."""
    label = _LABEL.match(sentence)
    if label is None or is_fragment(label.group("label")):
        return names
    for i, (mention, (a, _)) in enumerate(mentions):
        if a < label.end() or mention.unit in _CHANGE_UNITS:
            continue
        if is_fragment(names[i]):
            names[i] = label.group("label").strip()
        break
    return names


def _conversions(names: list[str], sentence: str,
                 mentions: list[tuple[Mention, Span]]) -> list[str]:
    """A money figure in brackets right after another currency's figure: the same measure, in
    its currency ("GDP reached 1.2 trillion yuan (about 170 billion US dollars)")."""
    for i in range(1, len(mentions)):
        (first, (_, end)), (second, (start, _)) = mentions[i - 1], mentions[i]
        if (second.unit in _CURRENCY_WORDS and first.unit in _CURRENCY_WORDS
                and second.unit != first.unit and _CONVERSION_GAP.match(sentence[end:start])):
            names[i] = f"{names[i - 1]} in {_CURRENCY_WORDS[second.unit]}"
    return names
