"""Name what each figure measures: a short noun phrase read from its sentence.

The metric is the clause's subject ("The city's industrial added value has increased …"), the
counted noun ("60 smart factories" → "number of smart factories"), "X share of Y" for shares,
"decrease in X" for changes, the steered object ("raise R&D intensity to 4.4%"), or the item of a
"respectively" list; the topic ("In terms of metaverse, …") is added when the phrase lacks it.
"""

from __future__ import annotations

import functools
import re

from reportgen.extraction import rules
from reportgen.extraction.numbers import Mention
from reportgen.text import without_markdown
from reportgen.model import Span

_LINK_RE = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in sorted(rules.LINK_VERBS, key=len,
                                                                          reverse=True)) + r")\b")
_SHARE_RE = re.compile(r"\b(?:accounted for|accounts for|account for|accounting for|made up|"
                       r"makes up|make up|representing|represented|represents|constituting|"
                       r"constituted|took up|taking up|equal to|equivalent to)\s*$", re.IGNORECASE)
_CHANGE_RE = re.compile(r"\b(?P<verb>" + "|".join(rules.CHANGE_NOUNS) + r")\s+(?:by\s+|of\s+)?$",
                        re.IGNORECASE)


_MAIN_VERBS = frozenset({v.split()[0] for v in rules.LINK_VERBS} | set(rules.CHANGE_NOUNS))
_LINK_WORDS = frozenset(w for v in rules.LINK_VERBS for w in v.split()
                        if w not in {"to", "at", "for", "up", "in", "of", "down", "be"})
_CLAUSE_BREAK = re.compile(r"[;:]\s*|,\s*(?=(?:and|while|but|with|of which|which|where|whereas|"
                           r"including|or|the|its|their|a|an|[a-z]+ing)\b)")
_ISSUER_POSSESSIVE = re.compile(
    r"\b(?:(?:the|this)\s+(?:" + "|".join(rules.ISSUER_NOUNS) + r")|its|their)[’']s?\s+",
    re.IGNORECASE)
LIST_MARK = re.compile(r"^(?:\(?[0-9a-z]{1,2}[.)）]|[-*•])\s*")  # "(1) ", "a) ", "- ", "• "
_NOT_SUBJECTS = frozenset({"a", "an", "the", "this", "that", "these", "those", "which", "it", "who",
                           "they", "we", "there", "here", "and", "or", "but", "year-on-year",
                           "month-on-month", "quarter-on-quarter", "annual", "yearly"})
# Words that open a metric in lower case when a sentence capitalised them ("Per capita income").
COMMON_HEADS = frozenset([
    "per", "online", "urban", "rural", "annual", "monthly", "new", "private", "local", "general",
    "actual", "number", "total", "share", "exports", "imports", "output", "revenue", "sales",
    "investment",
    "industrial", "industry", "scale", "value", "growth", "retail", "consumption", "production",
    "income", "profits", "profit", "average", "energy", "carbon", "foreign", "import", "export",
    "added", "gross", "the"
])


def name_metrics(sentence: str, mentions: list[tuple[Mention, Span]],
                 topic: str | None) -> list[str]:
    """The metric name of each figure of one sentence (`mentions` carry sentence-local spans)."""
    respective = respective_items(sentence, mentions)
    names: list[str] = []
    for i, (mention, (a, _)) in enumerate(mentions):
        metric = metric_for(sentence, i, mentions, topic)
        if respective:
            first = next(k for k, (m, _) in enumerate(mentions) if m.unit == mention.unit)
            base = metric if first == i else metric_for(sentence, first, mentions, topic)
            metric = respective_metric(base, respective, i, mentions)
        metric = resolve_that_of(metric, names)
        if i and mentions[i - 1][1][1] + 3 >= a and mentions[i - 1][0].unit == mention.unit \
                and mention.qualifier.value == "up_to" and names:
            metric = names[-1]  # the high end of a range ("3-5%")
        names.append(_tidy(metric))
    return names


def resolve_that_of(metric: str, earlier: list[str]) -> str:
    """The metric with "that of X" resolved against the previous one ("income of X")."""
    match = re.match(r"(?:that|those) of (.+)$", metric)
    if not match or not earlier:
        return metric
    head = earlier[-1].split(" of ")[0]
    return f"{head} of {match.group(1)}"


# ---------------------------------------------------------------------------------------------
# Metric names


def metric_for(sentence: str, index: int, mentions: list[tuple[Mention, Span]],
               topic: str | None) -> str:
    """A short noun phrase naming what the figure at `index` measures."""
    mention, (a, b) = mentions[index]
    before = sentence[:a]
    after = sentence[b:]
    if mention.kind == "count" or (mention.kind == "rate" and mention.noun):
        return _count_metric(sentence, index, mentions, topic)
    if mention.unit == "percentage points" or _COMPARED_RE.match(after):
        earlier = [k for k, (m, _) in enumerate(mentions[:index])
                   if mention.unit != "percentage points" or m.unit == "percent"]
        if earlier:
            base = metric_for(sentence, earlier[-1], mentions, topic)
            return f"change in {base}"
    change_after_count = re.search(r",\s*(?P<dir>up|down)\s*$", _strip_qualifier(before))
    if mention.kind == "percent" and change_after_count and index \
            and mentions[index - 1][0].kind == "count":  # "produced 947,000 vehicles, up 16.3%"
        base = metric_for(sentence, index - 1, mentions, topic)
        rising = change_after_count.group("dir") == "up"
        return f"{base} growth" if rising else f"decrease in {base}"
    opening = _opening_fraction(before, after) if mention.kind == "fraction" else ""
    if opening:
        return _with_topic(opening, topic)
    if mention.kind in ("percent", "fraction") and mention.unit != "percentage points":
        metric = _percent_metric(sentence, before, after, mention, topic)
        noun = _previous_count_noun(mentions, index)
        if noun and re.search(r"\bof (?:them|these|those|which)$", metric):
            metric = re.sub(r"(?:them|these|those|which)$", noun, metric)
        whole = _whole_after(after)
        if whole and metric.endswith(whole):
            metric = metric[: len(metric) - len(whole)] + _whole_with_noun(whole, mentions, index)
        return _share_of_previous(metric, sentence, before, index, mentions, topic)
    if mention.kind == "multiple":
        return _multiple_metric(sentence, before, after, topic)
    change = _CHANGE_RE.search(_strip_qualifier(before))
    subject = (_object_before(before) or _subject(sentence, a)
               or _subject(sentence, a, main=True))
    if change and subject:
        return f"{rules.CHANGE_NOUNS[change.group('verb').lower()]} in {subject}"
    measured = _measured_noun(mention, before, after, mentions, index, sentence)
    if measured:
        return _with_topic(measured, topic)
    of_phrase = _of_phrase(before)
    if of_phrase and not set(of_phrase.lower().split()) & _LINK_WORDS:
        noun = _previous_count_noun(mentions, index)
        own = _subject(sentence, a)
        if own and not _has_words(own, of_phrase):
            return _with_topic(f"{own} {of_phrase}", topic)
        if noun and re.match(r"\s+each\b", after):  # "platforms with … value at 100 billion each"
            return f"{of_phrase} per {noun}"
        if noun and not _new_verb_phrase(sentence, mentions, index):
            return f"{of_phrase} of {noun}"
        return _with_topic(of_phrase, topic)
    if subject:
        return _with_topic(subject, topic)
    bare = _bare_clause(before)
    return _with_topic(bare or _fallback(mention), topic)


# A speaker label or quote mark before a sentence: "Q: ", "Wu Jincheng: ", "“".
# A dateline before a news sentence: "SHANGHAI, May 20, 2024 -- ", "Beijing, Jan. 3 (Xinhua) — ".
_DATELINE = (r"(?:[A-Z][A-Za-z.'’ -]{1,40},\s+[A-Z][a-z]{2,9}\.?\s+[0-9]{1,2}(?:,\s+[0-9]{4})?"
             r"\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)\s*)?")
SPEAKER = re.compile(r"^" + _DATELINE
                     + r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s*[:：]\s*)?[“\"‘']?")
_OPENER = re.compile(r"^" + _DATELINE
                     + r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s*[:：]\s*)?[“\"‘']?"
                     r"(?:\(?[0-9a-z]{1,2}[.)]\s*|[-*•]\s*)?"
                     r"(?:(?:" + "|".join(sorted((o.capitalize() for o in rules.POINT_ORDINALS),
                                                 key=len, reverse=True)) + r")[,，:]\s*)?"
                     r"(?:(?:Of the total|Of which|"
                     r"Among them|Among these|In particular|In addition|Meanwhile|Moreover)"
                     r"[,:]\s*)?")
_PAST_VERB = re.compile(r"(?<=\w)\s+(?=(?:[a-z]+ed|made|won|sold|built|grew|rose|fell|saw|hit|"
                        + "|".join(w for w in rules.CHANGE_NOUNS if " " not in w)
                        + r")\s+(?:[0-9$¥€£]|RMB|US\$|the\b|a\b|an\b|its\b|their\b|and\b|"
                          r"more\b|over\b|about\b|nearly\b|some\b|to\b|by\b|in\b|from\b|up\b|"
                          r"down\b|a total\b|[a-z]+ed\b|revenue\b|output\b|value\b|sales\b|"
                          r"profits?\b|income\b|investment\b|exports\b|imports\b|GDP\b))")
CARRY_BREAK = re.compile(r"[;:]|,\s*(?:and|while|but|with|whereas|of which|which|the|its|their)\b")
# An opening time phrase before the subject: "In 2021, ", "At the end of 2023, ".
_LEADING_PHRASE = re.compile(r"^(?:In|By|During|Over|Since|As of|From|At|Until|Through|"
                             r"Throughout|For)\s[^,]{1,60},\s*")
_PERIOD_ON_PERIOD = re.compile(r"\s*(?:year|month|quarter)-on-(?:year|month|quarter)")
_GENERIC_COUNTED = frozenset({"units", "sets", "pieces", "items", "copies", "unit", "set",
                              "person-times", "person-time", "man-days", "passenger-trips"})
_COMPARED_RE = re.compile(r"\s+(?:more|higher|greater|less|lower|fewer)\s+than\b")
_AREA_UNITS = frozenset({"hectares", "km2", "m2", "mu"})


def _measured_noun(mention: Mention, before: str, after: str,
                   mentions: list[tuple[Mention, Span]], index: int, sentence: str) -> str:
    """What a physical quantity measures: "1,260 hectares of green space" → "green space"."""
    if mention.kind not in ("measure", "amount"):
        return ""
    spend = re.search(r"\b(invest|invested|investing|invests|spend|spent|spending|allocate|"
                      r"allocated|inject|injected)\s+$", _strip_qualifier(before))
    target = re.match(r"\s+(?:in|on|into)\s+((?:[A-Za-z&-]+\s+){0,3}[A-Za-z&-]+)", after)
    if spend and target:
        noun = "spending on" if spend.group(1).startswith("spen") else "investment in"
        whole = next((p for p in rules.NOUN_PHRASES_WITH_STOPS
                      if target.group(1).lower().startswith(p)), "")  # "research and development"
        what = whole or re.split(r"\s+(?:and|to|by|with)\b", target.group(1))[0]
        return f"{noun} {_clean(what)}"
    if spend and re.match(r"\s+(?:in\s+(?:19|20)[0-9]{2}\b|to\s)", after):
        # "will invest 15 billion yuan in 2024 to build …": what is spent, not who spends
        return "spending" if spend.group(1).startswith("spen") else "investment"
    each = re.search(r"\beach\s+(?:with\s+(?:an?\s+)?(?P<np>[A-Za-z][\w -]{1,30}?)\s+of"
                     r"|worth|valued at|costing)\s+$", _strip_qualifier(before))
    if each:  # "12 key projects, each worth over …", "each with investment of …"
        noun = _previous_count_noun(mentions, index)
        what = _clean(each.group("np") or "value")
        return f"{what} per {noun}" if noun else f"{what} each"
    with_each = _WITH_EACH.search(_strip_qualifier(before))
    noun = _previous_count_noun(mentions, index)
    if with_each and noun and re.match(r"\s+each\b", after):
        words = noun.split()
        one = " ".join(words[:-1] + [_singular(words[-1])])
        return f"{_clean(with_each.group('np'))} per {one}"
    granted_to = _granted_metric(mention, before, after)
    if granted_to:
        return granted_to
    spent = re.search(r"\b(?:spent|spend|spending|spends)\s+(?:a combined\s+|a total of\s+)?$",
                      _strip_qualifier(before))
    if spent:  # "13.58 million visitors, who spent a combined 16.5 billion yuan"
        who = _subject(sentence, len(before)) or _previous_count_noun(mentions, index)
        return f"{who} spending" if who else "spending"
    granted = re.match(r"\s+in\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(?=[\s,.;)]|$)", after)
    if mention.kind == "amount" and granted and granted.group(1).split()[0] not in _NOT_A_FUND:
        # "20 million yuan in subsidies … to each major project": subsidies per project
        what = re.split(r"\s+(?:will|would|is|are|was|were|has|have|to|for|and)\b",
                        granted.group(1))[0]
        each = re.search(r"\b(?:to|for|per|in)\s+each\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)",
                         after)
        return f"{_clean(what)} per {_clean(each.group(1))}" if each else _clean(what)
    of = re.match(r"\s+of\s+((?:[A-Za-z&-]+\s+){0,3}[A-Za-z&-]+)(?=[\s,.;)]|$)", after)
    if of and of.group(1).split()[0].lower() not in {"the", "a", "an"}:
        return _clean(re.split(r"\s+(?:and|in|to|for|by|with|from)\b", of.group(1))[0])
    area_cue = re.search(r"\b(?:covering|covers|cover|with an area of|spanning)\s*$", before)
    if mention.unit in _AREA_UNITS and area_cue:
        noun = _previous_count_noun(mentions, index)
        coverer = _clean(_clause(before)[: -len(area_cue.group(0))] if area_cue.group(0) else "")
        subject = _subject(sentence, len(before)) or (
            coverer if coverer and len(coverer.split()) <= 6 else "")
        if noun:
            return f"area of {noun}"
        if subject:
            return f"{subject} area"
        covered = _noun_phrase_before(_clause(before)[: -len(area_cue.group(0))])
        if covered:  # "complete a 1/5000 digital map of the urban area covering …"
            return f"area covered by {covered}"
    return ""


@functools.cache
def _opening_fraction_re() -> re.Pattern[str]:
    """What follows a fraction that opens its sentence: its group, an adverb, what it does."""
    # compiled on first use, as few documents open a sentence with a fraction
    return re.compile(
        r"\s+of\s+(?:the\s+)?(?P<np>[^,;.]+?)"
        r"(?:\s+and\s+(?:all|most|some|none|many|few)\s+of\s+[^,;.]+?)?"
        r"\s+(?:already|now|still|currently|today)\s+(?P<pred>[a-z][^,;.]*?)\s*(?=[,;.]|$)")


def _opening_fraction(before: str, after: str) -> str:
    """ "Half of the city's buses and all of its taxis already run on electricity" → "share of
    city's buses that run on electricity": a fraction that opens its sentence measures what
    its group does (an adverb such as "already" marks where the group ends)."""
    if _LEADING_PHRASE.sub("", _OPENER.sub("", before)).strip():
        return ""
    match = _opening_fraction_re().match(after)
    if not match or len(match.group("np").split()) > 6:
        return ""
    return f"share of {_clean(match.group('np'))} that {match.group('pred')}"


def _share_of_previous(metric: str, sentence: str, before: str, index: int,
                       mentions: list[tuple[Mention, Span]], topic: str | None) -> str:
    """ "The city produced 1.8 million NEVs, accounting for 20% of the national total": a share
    whose subject is a clause holding the figure before it takes that figure's measure
    ("NEV production share of national total")."""
    share = re.match(r"(?P<subject>.*?) ?share(?P<whole> of .*)?$", metric)
    # "…, accounting for 20% of the national total" after a clause holding a figure, or
    # "…, equal to 5.1 percent of revenue" with no subject of its own: the earlier figure's share
    subject = share.group("subject") if share else ""
    if not share or (subject and not re.search(r"[0-9]", subject)) \
            or not _SHARE_RE.search(_strip_qualifier(before)):
        return metric
    earlier = [k for k, (m, _) in enumerate(mentions[:index]) if m.kind != "percent"]
    if not earlier:
        return metric
    base = metric_for(sentence, earlier[-1], mentions, topic).removeprefix("number of ")
    whole = re.sub(r"(\btotal)\s.*$", r"\1", share.group("whole") or "")
    return f"{base} share{whole}"


# "produced 1.8 million NEVs": what a count after a making or trading verb measures
_OUTPUT_VERBS = {"produced": "production", "manufactured": "production", "made": "production",
                 "sold": "sales", "exported": "exports", "imported": "imports",
                 "delivered": "deliveries"}
_OUTPUT_VERB_RE = re.compile(r"\b(?P<verb>" + "|".join(_OUTPUT_VERBS)
                             + r")\s+(?:a total of\s+)?$")


def _output_metric(sentence: str, a: int, noun: str) -> str:
    """ "the city produced 1.8 million NEVs" → "NEV production" (the issuer made or traded
    them); empty when a named subject did it or no such verb comes before the count."""
    clause = _clause(_strip_qualifier(sentence[:a])) + " "
    verb = _OUTPUT_VERB_RE.search(clause)
    if not verb or len(noun.split()) > 3:
        return ""
    doer = _clean(_LEADING_PHRASE.sub("", _OPENER.sub("", clause[:verb.start()].strip())))
    if doer and doer.lower() not in rules.ISSUER_SUBJECTS:
        return ""  # "BYD produced 3 million vehicles": the maker's output, named below
    words = noun.split()
    words[-1] = _singular(words[-1])  # "NEVs" → "NEV production"
    return f"{' '.join(words)} {_OUTPUT_VERBS[verb.group('verb')]}"


# "offers subsidies of up to 5 million yuan for key research projects"
_GRANT_RE = re.compile(r"\b(?:offers?|offered|offering|provides?|provided|providing|grants?|"
                       r"granted|granting|gives?|gave|giving|awards?|awarded)\s+"
                       r"(?:[a-z][\w-]*\s+){0,2}?(?P<np>[a-z][\w-]*)\s+of\s+$")
_PURPOSE_RE = re.compile(r"\s+(?:for|to)\s+(?P<each>each\s+|every\s+)?"
                         r"(?P<np>(?:[a-z][\w&-]*\s+){0,3}[a-z][\w&-]*)")


def _granted_metric(mention: Mention, before: str, after: str) -> str:
    """ "offers subsidies of up to 5 million yuan for key research projects" → "subsidies per
    key research project" (a cap is per item), "subsidies for …" when it is no cap."""
    grant = _GRANT_RE.search(_strip_qualifier(before))
    purpose = _PURPOSE_RE.match(after)
    if not grant or not purpose:
        return ""
    words: list[str] = []
    for word in purpose.group("np").split():
        if word in rules.NOUN_STOP_WORDS:
            break
        words.append(word)
    if not words:
        return ""
    if mention.qualifier.value == "up_to" or purpose.group("each"):
        return f"{grant.group('np')} per {' '.join(words[:-1] + [_singular(words[-1])])}"
    return f"{grant.group('np')} for {' '.join(words)}"


# "50 firms with annual trade volume exceeding 100 million yuan each"
_WITH_EACH = re.compile(r"\bwith\s+(?:an?\s+)?(?P<np>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)"
                        r"(?<!\bat)(?<!\bof)(?<!\bworth)\s+$")


def _noun_phrase_before(text: str) -> str:
    """The noun phrase that ends `text`: back to an article, a figure or a function word
    ("complete a 1/5000 digital map of the urban area" → "digital map of urban area")."""
    tokens = text.split()
    words: list[str] = []
    for k in range(len(tokens) - 1, -1, -1):
        word, lower = tokens[k], tokens[k].lower()
        if re.search(r"[0-9,;:]", word) or (lower in rules.NOUN_STOP_WORDS and lower != "of"):
            break
        if lower in {"a", "an", "the"} and not (k and tokens[k - 1].lower() == "of"):
            break
        words.insert(0, word)
    while words and words[0].lower() == "of":
        words.pop(0)
    return _clean(" ".join(words)) if 0 < len(words) <= 7 else ""


# Words after "N yuan in" that name no fund ("10 billion yuan in total", "… in the first half")
_NOT_A_FUND = frozenset({"total", "all", "each", "which", "that", "this", "these", "those",
                         "its", "their", "terms", "addition", "line", "particular", "general",
                         "turn", "cash", "a", "an", "the", "both", "recent", "value", "size"})


def _bare_clause(before: str) -> str:
    """A short clause with no verb before the figure ("PM2.5 density below") as the metric."""
    clause = LIST_MARK.sub("", _clause(_strip_qualifier(before)).strip())
    clause = re.sub(r"\s+(?:of|at|to|equal to|below|above|under|over|around|about)\s*$", "",
                    clause)
    words = clause.split()
    if re.search(r"(?<![\w.])[0-9]", clause):
        return ""  # a clause holding another figure is no noun phrase ("PM2.5" is a name)
    return _clean(clause) if 0 < len(words) <= 6 else ""


_RUNNING_TOTAL = re.compile(r"\b(?:bringing|brings|brought|taking|takes|took|raising|raises|"
                            r"raised|lifting|lifted)\s+(?:the|its|their)\s+total(?:\s+number)?"
                            r"\s+to\s+$")


def _count_metric(sentence: str, index: int, mentions: list[tuple[Mention, Span]],
                  topic: str | None) -> str:
    mention, (a, b) = mentions[index]
    noun = mention.noun
    if noun.lower().split()[:1] and noun.lower().split()[0] in rules.RUN_WORDS:
        predicate = _predicate(sentence[:a])
        return f"{noun} {predicate}".strip()
    if noun.lower() in _GENERIC_COUNTED:
        own = _subject(sentence, a) or _subject(sentence, a, main=True)
        if own:
            return _with_topic(own, topic)  # "surged 34.6% to 1.28 million units"
    running = _RUNNING_TOTAL.search(sentence[:a])
    earlier = [k for k, (m, _) in enumerate(mentions[:index]) if m.kind == "count" and m.noun]
    if not noun and running and earlier:  # "42 firms set up …, bringing the total to 531"
        base = metric_for(sentence, earlier[-1], mentions, topic)
        return f"total {base.removeprefix('number of ')}"
    of_phrase = _of_phrase(sentence[:a])
    if not noun and of_phrase.lower() in rules.CHANGE_NOUNS:  # "an increase of 34,000"
        main = _subject(sentence, a, main=True)
        return f"{rules.CHANGE_NOUNS[of_phrase.lower()]} in {main}" if main else of_phrase
    if not noun and of_phrase:
        return _with_topic(of_phrase, topic)  # "a population of 24.87 million"
    if not noun:
        own = _subject(sentence, a)
        change = _CHANGE_RE.search(_strip_qualifier(sentence[:a]))
        if own and change:
            return f"{rules.CHANGE_NOUNS[change.group('verb').lower()]} in {own}"
        if own:
            return own  # "the population is expected to reach 1.2 million"
        noun = _previous_count_noun(mentions, index) or ""
    elif topic and topic.lower().endswith(noun.lower()) and len(topic) > len(noun):
        noun = topic
    elif len(noun.split()) == 1 and re.search(r"-(level|class|grade|tier)$", noun):
        tail = next((m.noun.split()[1:] for m, _ in mentions[index + 1:]
                     if m.kind == "count" and len(m.noun.split()) > 1), None)
        if tail:
            noun = f"{noun} {' '.join(tail)}"
    if not noun:
        return _with_topic("number", topic)
    output = _output_metric(sentence, a, noun)
    if output:
        return _with_topic(output, topic)
    after = sentence[b:]
    if re.match(r"\s+of\s", after) and mention.noun and mention.noun in after:
        after = after[after.index(mention.noun) + len(mention.noun):]  # "Three of the … makers"
    detail = (_of_after(after) or _purpose_after(after)
              or _participle_after(after) or _verb_before(sentence[:a])
              or _whole_before(sentence[:a]) or _container_before(sentence, a))
    metric = f"number of {_lower_first(noun)} {detail}".strip()
    if mention.kind == "rate":
        subject = _subject(sentence, a)
        return _with_topic(subject or metric, topic)
    return _with_topic(metric, topic)


def _of_after(after: str) -> str:
    """The "of the Three-year Action Plan" phrase right after a counted noun, without articles."""
    match = re.match(r"\s+(of\s+(?:the\s+)?(?:[“\"]?[\w&'’-]+[”\"]?\s+){0,4}[“\"]?[\w&'’-]+)"
                     r"(?=[\s,.;:)]|$)", after)
    if not match:
        return ""
    words = []
    for word in match.group(1).split():
        if word.lower() in rules.NOUN_STOP_WORDS - {"of", "the"} or word[:1].isdigit():
            break
        words.append(word)
    if len(words) > 1 and words[-1].lower() in {"them", "these", "those", "which", "it", "us"}:
        return ""  # "4 of them" names nothing new
    return _clean(" ".join(words)) if len(words) > 1 else ""


def _purpose_after(after: str) -> str:
    """ "to bolster the real economy" right after a counted noun."""
    match = re.match(r"\s+(to\s+(?!be\b|have\b)[a-z]+(?:\s+(?!and\b|while\b)[\w&'’-]+){1,4})"
                     r"(?=[\s,.;:)]|$)", after)
    if not match or match.group(1).split()[1] in rules.MULTIPLE_WORDS \
            or match.group(1).split()[1] in rules.CHANGE_NOUNS:
        return ""
    return _clean(match.group(1))


def _verb_before(before: str) -> str:
    """A past participle right before a count ("has signed a total of 690" → "signed")."""
    match = re.search(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?([a-z]+ed)\s+(?:a total of\s+)?"
                      r"(?:more than\s+|over\s+|about\s+|nearly\s+)?$", before)
    if not match or match.group(1) in _MAIN_VERBS:
        return ""
    return match.group(1)


def _whole_before(before: str) -> str:
    """The measure a count belongs to: "the total scale of three industries" → "in total scale"."""
    match = re.search(r"\b(?:the|a|an|its|their)\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+of\s+"
                      r"(?:the\s+)?$", before)
    if not match or match.group(1).split()[-1] in {"total", "number", "batch", "group", "network",
                                                    "series", "lot", "couple", "range", "set"}:
        return ""
    return f"in {_clean(match.group(1))}"


def _container_before(sentence: str, a: int) -> str:
    """What holds the counted things: "its policy package includes 30 measures" → "in policy
    package"."""
    match = re.search(r"\b(?:includes|included|contains|contained|comprises|comprised|covers|"
                      r"covered)\s+(?:a total of\s+)?$", sentence[:a])
    if not match:
        return ""
    holder = _subject(sentence, match.start()) or _clean(_clause(sentence[:match.start()]))
    if not holder or holder.lower() in rules.ISSUER_SUBJECTS or len(holder.split()) > 6:
        return ""
    return f"in {holder}"


def _participle_after(after: str) -> str:
    """A participle phrase describing counted things ("listed on the Data Exchange")."""
    match = re.match(r"\s+(?:(?:that|which|who)\s+(?:have|has|had)\s+been\s+|have been\s+|"
                     r"were\s+|are\s+)?([a-z]+ed|sold|built|made|won|held|grown|set up|taken|"
                     r"given|brought|opened|(?<=are )[a-z]+ing|(?<=were )[a-z]+ing)\b"
                     r"((?:\s+(?!and\b|while\b|with\b|last\b|this\b|next\b)"
                     r"[\w&.-]+){0,5})",
                     after)
    if not match or match.group(1) in _MAIN_VERBS:
        return ""
    return _clean(f"{match.group(1)}{match.group(2)}")


def _percent_metric(sentence: str, before: str, after: str, mention: Mention,
                    topic: str | None) -> str:
    a = len(before)
    part = _part_of_whole(sentence, before, after)
    if part:
        return _with_topic(part, topic)
    whole = _whole_after(after)
    bare = _bare_clause(before)
    if _SHARE_RE.search(_strip_qualifier(before)) or (whole and bare and re.search(
            r"\b(?:at|to)\s*$", _strip_qualifier(before))):
        subject = (_subject(sentence, a)
                   or _bare_clause(_SHARE_RE.sub("", _strip_qualifier(before)))
                   or _subject(sentence, a, main=True))
        share = f"{subject} share" if subject else "share"
        return _with_topic(f"{share} of {whole}" if whole else share, topic)
    change = _CHANGE_RE.search(_strip_qualifier(before))
    subject = _object_before(before) or _subject(sentence, a)
    of_phrase = _of_phrase(before)
    of_is_change = of_phrase and (
        of_phrase.lower() in rules.CHANGE_NOUNS  # "an increase of", not "GDP growth of"
        or of_phrase.lower().split()[0] in _NOT_SUBJECTS)
    if change and change.group(0).rstrip().endswith(" of") and of_phrase and not of_is_change:
        return _with_topic(of_phrase, topic)  # "GDP growth of around 5.5 percent"
    change_in = re.match(r"\s+in\s+((?:[A-Za-z&'’-]+\s+){0,3}[A-Za-z&'’-]+)", after)
    if change and change_in and change.group(0).rstrip().endswith(" of"):
        noun = rules.CHANGE_NOUNS[change.group("verb").lower()]
        return _with_topic(f"{noun} in {_clean(change_in.group(1))}", topic)  # "… of 3% in prices"
    if change:
        noun = rules.CHANGE_NOUNS[change.group("verb").lower()]
        base = subject or _subject(sentence, a, main=True)
        if noun in ("growth", "increase") or _PERIOD_ON_PERIOD.match(after):
            return _with_topic(f"{base} growth" if base else "growth", topic)
        return _with_topic(f"{noun} in {base}" if base else noun, topic)
    if _PERIOD_ON_PERIOD.match(after) and subject:
        return _with_topic(f"{subject} growth", topic)
    of_phrase = _of_phrase(before)
    if of_phrase and not whole:
        return _with_topic(of_phrase, topic)
    if whole and re.search(r",\s*(?:or|i\.e\.|that is)\s*$", _strip_qualifier(before)):
        main = _subject(sentence, a, main=True)
        return _with_topic(f"{main} share of {whole}" if main else f"share of {whole}", topic)
    if whole and not subject:
        return _with_topic(f"share of {whole}", topic)
    if subject:
        return _with_topic(subject, topic)
    if bare:
        return _with_topic(bare, topic)  # "the surveyed unemployment rate within 5 percent"
    return _with_topic(f"share of {whole}" if whole else "share", topic)


_PART_BEFORE = re.compile(r",\s*(?:of which|of this|of that)\s*$")
_PART_AFTER = re.compile(r"^\s+(?:of\s+(?:it|which|this|them)\s+)?(?:went to|went into|goes to|"
                         r"was in|were in|is in|are in|came from|was for|in|to|for|from)\s+"
                         r"(?:the\s+)?((?:[A-Za-z&-]+\s+){0,3}?[A-Za-z&-]+)(?=\s*[,.;)]|\s*$)")


def _part_of_whole(sentence: str, before: str, after: str) -> str:
    """ "X reached N, of which 70 percent went to manufacturing" / "N, nearly one-third of it in
    high-tech sectors": the part's share of the sentence's whole ("manufacturing share of X")."""
    lead = _strip_qualifier(before).rstrip()
    of_which = _PART_BEFORE.search(lead)
    of_it = re.match(r"\s+of\s+(?:it|which|this|them)\b", after) and lead.endswith(",")
    part = _PART_AFTER.match(after)
    if not (of_which or of_it) or not part:
        return ""
    whole = _subject(sentence, len(before), main=True)
    if whole and SPEAKER.sub("", sentence).startswith(whole):
        whole = whole[0].lower() + whole[1:]  # capitalised only because it opens the sentence
    what = _clean(part.group(1))
    return f"{what} share of {whole}" if whole else f"{what} share"


def _multiple_metric(sentence: str, before: str, after: str, topic: str | None) -> str:
    obj = re.match(r"\s*(?:the\s+)?(?:that of\s+)?(?:the\s+)?([\w' -]{2,60}?)(?=[,.;]|$| in | by )",
                   after)
    thing = _clean(obj.group(1)) if obj else ""
    to_verb = re.search(r"\b(?:enabling|helping|allowing|for|making)?\s*([\w' -]{2,60}?)\s+to\s*$",
                        before)
    if to_verb:
        # "we expect the output of X to double": the output, not the one who expects it
        grown = re.sub(r"^.*\b(?:expects?|expected|expecting|wants?|allows?|helps?|enables?|"
                       r"anticipates?|sees|see|forecasts?)\s+", "", to_verb.group(1))
        return f"growth multiple of {_clean(grown)} {thing}".strip()
    with_up = re.search(r",\s*with\s+(?P<np>(?:[\w&'’-]+\s+){0,3}?[\w&'’-]+)\s+(?:up|rising|"
                        r"growing|increasing|surging|jumping)\s+(?:by\s+)?$",
                        _strip_qualifier(before))
    if with_up:  # "sales rose 35%, with exports up 2.6 times": the growth of exports
        main = _subject(sentence, len(before), main=True)
        of_main = re.search(r"\bof\s+((?:[\w&'’-]+\s+){0,2}?[\w&'’-]+?)"
                            r"(?=\s+(?:in|for|during)\b|$)", main)
        what = _clean(with_up.group("np"))
        return f"growth multiple of {what} of {of_main.group(1)}" if of_main \
            else f"growth multiple of {what}"
    subject = _subject(sentence, len(before)) or _subject(sentence, len(before), main=True)
    if subject and thing:
        return f"{subject} relative to {thing}"
    return _with_topic(f"{subject or thing} multiple".strip(), topic)


_STEER_RE = re.compile(
    r"\b(?:raise|raising|raised|increase|increasing|lift|lifting|boost|boosting|bring|bringing|"
    r"cut|cutting|reduce|reducing|lower|lowering|expand|expanding|keep|keeping|control|"
    r"controlling|maintain|maintaining|hold|holding|push|pushing|grow|growing)\s+"
    r"(?P<np>(?:[\w.&'’-]+\s+){0,11}?[\w.&'’-]+)"
    r"(?:\s+(?:to|at|within|below|under|above|by|around|over))?\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)


_TO_VERB_RE = re.compile(r"\s+(?:to\s+)?(?:grow|rise|increase|reach|be|exceed|hit|top|fall|drop|"
                         r"decline|expand|stay|remain)(?:\s+(?:by|at|to|around|about))?\s*$")
_NP_BREAKERS = frozenset({"expect", "expects", "expected", "want", "wants", "allow", "allows",
                          "for", "and", "we", "will", "plan", "plans", "aim", "aims", "see",
                          "with", "while", "which", "that", "as", "but", "when", "where",
                          "saw", "sees", "its", "their", "his", "her", "to", "is", "are", "be"})


_AUX_BEFORE_TO = re.compile(r"\s+(?:is|are|was|were|will be)\s+(?:set|expected|projected|"
                            r"scheduled|planned|likely|poised|slated|due|forecast)\s*$")


def _np_before_to(before: str) -> str:
    """The subject of "X to grow by 3%": "We expect exports to grow by" → "exports"."""
    match = (_TO_VERB_RE.search(_strip_qualifier(before).rstrip() + " ")
             or _TO_VERB_RE.search(before.rstrip() + " "))  # "make its sales exceed"
    if not match:
        return ""
    head = _AUX_BEFORE_TO.sub("", before[:match.start()])  # "GDP is set to reach" → "GDP"
    words: list[str] = []
    for word in reversed(head.split()):
        if word.lower().strip(",") in _NP_BREAKERS or word.endswith(","):
            break
        words.insert(0, word)
    return _clean(" ".join(words[-6:]))


def _object_before(before: str) -> str:
    """What a steering verb acts on: "raise R&D intensity to 4.4%" → "R&D intensity"."""
    to_verb = _np_before_to(before)
    if to_verb:
        return to_verb
    match = _STEER_RE.search(_strip_qualifier(before).rstrip() + " ")
    if not match:
        return ""
    phrase = _clean(match.group("np"))
    first = phrase.split()[0].lower() if phrase.split() else ""
    if not first or first in rules.NOUN_STOP_WORDS or phrase.lower() in rules.ISSUER_SUBJECTS:
        return ""
    return phrase


def _whole_after(after: str) -> str:
    """The whole a share is of: "of the country's total" → "national total"."""
    match = re.match(r"\s*of\s+(?:the\s+)?([^,;.]{2,80})", after)
    if not match:
        return ""
    whole = match.group(1)
    whole = re.split(r"\b(?:making|and has|while|which|said|say|says|expect|expects|are|were|is|"
                     r"was|have|has|will)\b", whole)[0]
    whole = re.sub(r"\b(?:country|nation|China)[’']s\b", "national", whole)
    return _clean(whole)


def _whole_with_noun(whole: str, mentions: list[tuple[Mention, Span]], index: int) -> str:
    """ "city's total" after "410 regional headquarters" → "city's total regional headquarters"."""
    noun = _previous_count_noun(mentions, index)
    if whole.endswith("total") and noun:
        return f"{whole} {noun}"
    return whole


_OF_PHRASE_STOPS = frozenset({"a", "an", "the", "with", "posted", "recorded", "of", "saw",
                              "achieved", "registered", "reached", "its", "their", "has", "have",
                              "had", "was", "were", "is", "are", "in", "on", "for", "and", "by",
                              "at", "to", "from", "generated", "created", "made", "earned",
                              "earn", "earns", "generate", "generates", "reported", "realized",
                              "realised", "attracted", "received", "logged", "booked"})


def _of_phrase(before: str) -> str:
    """The noun right before "of"/"at" ahead of a figure ("a size of", "total revenue of")."""
    text = LIST_MARK.sub("", _strip_qualifier(before)).rstrip()
    link = re.search(r"\s+(?:of|at|worth|valued at)$", text)
    if not link:
        return ""
    words: list[str] = []
    tokens = text[:link.start()].split()
    for k in range(len(tokens) - 1, -1, -1):
        word = tokens[k]
        if word.lower() in _OF_PHRASE_STOPS or word.lower() in _LINK_WORDS or word[-1] in ",;:(":
            break
        if k and tokens[k - 1].lower() == "to" and words:
            break  # "aims to keep GDP growth at": the infinitive's verb is not the noun
        words.insert(0, word)
        if len(words) == 4:
            break
    if not words or not re.match(r"[A-Za-z]", words[0]):
        return ""
    return _clean(" ".join(words))


def _new_verb_phrase(sentence: str, mentions: list[tuple[Mention, Span]], index: int) -> bool:
    """True when "and <verb>" stands between the figure and the count before it ("attract 300
    million visits and earn tourism revenue of …": the revenue is not the visits')."""
    counts = [span for m, span in mentions[:index] if m.kind == "count"]
    if not counts:
        return False
    gap = sentence[counts[-1][1]:mentions[index][1][0]]
    return re.search(r"\band\s+(?:to\s+)?[a-z]+(?:ed|s)?\s+(?!of\b)[a-z]", gap) is not None


def _previous_count_noun(mentions: list[tuple[Mention, Span]], index: int) -> str:
    for m, _ in reversed(mentions[:index]):
        if m.kind == "count" and m.noun and m.noun.split()[0].lower() not in rules.RUN_WORDS:
            return _lower_first(m.noun)
    return ""


def _predicate(before: str) -> str:
    """The verb phrase of a clause, without its subject ("held the World … Conference")."""
    clause = _clause(before)
    match = re.search(r"\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(.*)$", clause)
    text = match.group(1) if match else clause
    text = re.sub(r"\s+(?:for|in|over|during)\s*$", "", text.strip())
    return _clean(text)


# "… N yuan and <subject> <verb> …": a figure, then "and" opens a clause with its own subject.
# "… 3 million units and <subject> <verb> …": the figure's counted noun, then "and".
_NOUN_AND = re.compile(r"(?<=[0-9])(?:\s+[a-z][\w-]*){1,2}\s+and\s+(?=[A-Za-z])")
_FIGURE_AND = re.compile(r"(?:(?<=[0-9%])|(?<=\byuan)|(?<=dollars)|(?<=percent)|(?<=\bcent)|"
                         r"(?<=\btons))\s+and\s+(?=[A-Za-z])")


def _clause(before: str) -> str:
    """The clause a figure sits in: the text after the last comma or semicolon before it."""
    parts = _CLAUSE_BREAK.split(before)
    clause = parts[-1] if parts else before
    joins = list(_FIGURE_AND.finditer(clause)) or [
        m for m in _NOUN_AND.finditer(clause)
        if re.search(r"[0-9]", clause[max(0, m.start() - 24):m.start()])]  # "N units and …"
    if joins and _LINK_RE.search(clause[joins[-1].end():]):
        clause = clause[joins[-1].end():]  # "exports were N yuan and imports were M yuan"
    return re.sub(r"^(?:and|while|but|with|of which|where|which|whereas)\s+", "", clause.strip(),
                  flags=re.IGNORECASE)


def _subject(sentence: str, a: int, *, main: bool = False) -> str:
    """The subject of the clause holding the figure at `a` (of the sentence if `main`)."""
    text = sentence if main else _clause(sentence[:a])
    if main:
        text = _LEADING_PHRASE.sub("", text)
    text = _OPENER.sub("", text)
    first = text.split(", ")[0] if main else text
    match = (_LINK_RE.search(first) or _PAST_VERB.search(first)
             or _LINK_RE.search(text) or _PAST_VERB.search(text))
    if not match:
        return ""
    subject = text[:match.start()]
    subject = _LEADING_PHRASE.sub("", _OPENER.sub("", subject.strip()))
    cleaned = _clean(subject)
    if not cleaned or cleaned.lower() in rules.ISSUER_SUBJECTS or cleaned.lower() in _NOT_SUBJECTS:
        return ""
    return cleaned


# A short label closed by a full stop before the phrase proper ("Lasers. Laser equipment sales")
_LEAD_IN = re.compile(r"^(?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,4})\.\s+(?=[A-Z])")


def _clean(phrase: str) -> str:
    """A metric phrase without articles, the issuer's possessive and a trailing preposition."""
    text = without_markdown(phrase)  # "**Lasers.** Laser equipment sales", "# Title"
    text = re.sub(r"^(?:\(?[0-9a-z]{1,2}[.)]|[-*•])\s+", "", text.strip(" ,.;:“”\"'"))
    text = _LEAD_IN.sub("", text)  # "Lasers. Laser equipment sales": the topic said before
    text = re.split(r"\s+[-–—]\s+", text)[0]  # drop a dashed aside ("products - A, B and C")
    text = _ISSUER_POSSESSIVE.sub("", text)
    text = re.sub(r"^(?:[A-Z][a-z]+[’']s)\s+", "", text)  # "Shanghai's robot density"
    text = re.sub(r"(?<![\w'’])(?:the|a|an|its|their)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:a total of|total of|and|also)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+(?:in|for|during)\s+(?:19|20)[0-9]{2}$", "", text)  # the year is a field
    text = re.sub(r"(?:\s+(?:of|in|at|for|to|by|with|and|the|a|an|on|from|over|within|through|"
                  r"across|into|via|than|about|around))+\s*$", "", text)
    return _lower_first(" ".join(text.split()))


_QUALIFIER_TAIL = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p, _ in rules.QUALIFIER_PHRASES) + r")\s*$", re.IGNORECASE)
# In text without trailing space a match of the tail ends at the text's end, so it starts at
# most this many characters before it: searching from there finds the same match without trying
# fifty phrases at every character of the clause (the search still sees the character before,
# for the word boundary).
_QUALIFIER_REACH = max(len(p) for p, _ in rules.QUALIFIER_PHRASES)


def _strip_qualifier(before: str) -> str:
    """`before` without the qualifier words that end it ("more than", "about")."""
    text = before.rstrip()
    match = _QUALIFIER_TAIL.search(text, max(0, len(text) - _QUALIFIER_REACH))
    return (text[:match.start()] if match else text).rstrip() + " "


def _lower_first(text: str) -> str:
    first = text.split()[0].lower() if text.split() else ""
    if first in COMMON_HEADS and text[0].isupper():
        return text[0].lower() + text[1:]
    return text


def _has_words(phrase: str, other: str) -> bool:
    return bool(set(phrase.lower().split()) & set(other.lower().split()))


def _with_topic(metric: str, topic: str | None) -> str:
    """`metric`, naming the topic it belongs to when the metric does not already say it."""
    if not topic:
        return metric
    if metric.lower().endswith(f" of {topic.lower()}"):  # "scale of metaverse" → "metaverse scale"
        return f"{topic} {metric[: -len(topic) - 4]}"
    topic_words = {w[:6] for w in re.findall(r"[a-z]+", topic.lower())} - {"and", "of"}
    metric_words = {w[:6] for w in re.findall(r"[a-z]+", metric.lower())}
    if topic_words & metric_words:
        return metric
    if metric.startswith(("number of", "share of")) or " share" in metric:
        return f"{metric} in {topic}"
    return f"{topic} {metric}"


def _fallback(mention: Mention) -> str:
    return {"yuan": "amount", "usd": "amount", "percent": "share", "tons": "volume",
            "multiple": "multiple"}.get(mention.unit, "figure")


def _tidy(metric: str) -> str:
    """The metric trimmed to at most 12 words, single-spaced; a long one first loses the place
    it names ("value of Pudong New Area share of city's total" → "value share of city's total")."""
    words = metric.split()
    if len(words) > 12:
        words = re.sub(r"\s+of\s+(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*(?=\s|$)", "", metric,
                       count=1).split()
    return " ".join(words[:12])


# ---------------------------------------------------------------------------------------------
# "A, B and C grew 5%, 6% and 7%, respectively"


def respective_items(sentence: str, mentions: list[tuple[Mention, Span]]) -> list[str]:
    if "respectively" not in sentence.lower() or len(mentions) < 2:
        return []
    first = _respective_run(sentence, mentions)
    subject = _subject(sentence, first) or (sentence[:first] if first == mentions[0][1][0]
                                            else "")
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", subject) if i.strip()]
    if len(items) >= 2:
        return items
    return _numbered_items(sentence)


@functools.cache
def _numbered_group() -> re.Pattern[str]:
    """A "respectively" list of unnamed items (" in the three districts respectively")."""
    # compiled on first use: only a "respectively" list without named items needs it
    return re.compile(r"\b(?:in|for|of|by|across)\s+(?:the|its|their)\s+"
                      r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+"
                      r"(?P<noun>[a-z]+?)(?:ies|es|s)?\s*,?\s+respectively\b")


def _singular(plural: str) -> str:
    """ "districts" → "district", "cities" → "city", "branches" → "branch"."""
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    if plural.endswith(("sses", "xes", "ches", "shes")) or (
            plural.endswith("uses") and not plural.endswith("ouses")):  # "buses", "campuses"
        return plural[:-2]
    return plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else plural


def _numbered_items(sentence: str) -> list[str]:
    """ "N1, N2 and N3 in the three districts respectively": the unnamed items, numbered
    ("district 1", "district 2", "district 3")."""
    match = _numbered_group().search(sentence)
    if not match:
        return []
    n = match.group("n")
    count = int(n) if n.isdigit() else rules.NUMBER_WORDS[n]
    plural = match.group(0).split()[-2].rstrip(",")
    noun = _singular(plural)
    return [f"{noun} {k}" for k in range(1, count + 1)]


def _respective_run(sentence: str, mentions: list[tuple[Mention, Span]]) -> int:
    """Where the run of same-unit figures that "respectively" closes begins ("Trade hit N yuan,
    with exports and imports growing by 4.1 percent and 1.2 percent respectively")."""
    end = sentence.lower().rfind("respectively")
    listed = [(m, span) for m, span in mentions if span[1] <= end] or mentions
    unit = listed[-1][0].unit
    start = listed[-1][1][0]
    for m, span in reversed(listed[:-1]):
        if m.unit != unit:
            break
        start = span[0]
    return start


def respective_metric(metric: str, items: list[str], index: int,
                       mentions: list[tuple[Mention, Span]]) -> str:
    """The metric of the k-th figure of a "respectively" list, named after the k-th item."""
    same = [i for i, (m, _) in enumerate(mentions) if m.unit == mentions[index][0].unit]
    if len(same) != len(items) or index not in same:
        return metric
    names = list(items)
    prefix = ""
    of = re.match(r"(.*\bof)\s+(.+)$", names[0])
    if of:
        prefix, names[0] = of.group(1), of.group(2)
    tail = ""
    last = names[-1].split()
    if len(last) > 1 and all(len(_clean(n).split()) == 1 for n in names[:-1]):
        # "primary, secondary and tertiary industries": the last item's noun is shared
        tail, names[-1] = " ".join(last[1:]), last[0]
    if all(re.fullmatch(r"[a-z]+ [0-9]+", n) for n in names):  # "district 2": a numbered item
        return f"{metric} in {names[same.index(index)]}"
    name = _clean(f"{prefix} {names[same.index(index)]} {tail}")
    listed = _clean(f"{prefix} {', '.join(names[:-1])} and {names[-1]} {tail}")
    first, final = _clean(names[0]), _clean(f"{names[-1]} {tail}")
    start, end = metric.find(first), metric.rfind(final)
    if 0 <= start < end:
        return (metric[:start] + _clean(f"{names[same.index(index)]} {tail}")
                + metric[end + len(final):]).strip()
    change = re.match(r"^(\w+) in ", metric)
    if change and change.group(1) in set(rules.CHANGE_NOUNS.values()):
        return f"{change.group(1)} in {name}"
    for ending in (" growth", " share", " multiple"):
        if metric.endswith(ending):
            return name + ending
    if metric and metric not in (name, listed) and not _has_words(metric, listed):
        return f"{name} {metric}"  # "Nanshan district" + "GDP"
    return name
