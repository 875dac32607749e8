"""Metric names by kind of figure: physical measures ("1,260 hectares of green space"), amounts
granted per item, output verbs ("produced 2 million vehicles"), percents and shares, parts of a
whole, multiples and opening fractions ("One-third of …")."""

from __future__ import annotations

import functools
import re

from reportgen.extraction import rules
from reportgen.extraction.metrics.phrases import (
    _NOT_A_FUND,
    CHANGE_RE,
    LEADING_PHRASE,
    NOT_SUBJECTS,
    OPENER,
    SPEAKER,
    bare_clause,
    clause_of,
    clean,
    find_of_phrase,
    find_subject,
    noun_phrase_before,
    object_before,
    previous_count_noun,
    singular,
    strip_qualifier,
    whole_after,
    with_topic,
)
from reportgen.extraction.numbers import Mention
from reportgen.model import Span

SHARE_RE = re.compile(r"\b(?:accounted for|accounts for|account for|accounting for|made up|"
                       r"makes up|make up|representing|represented|represents|constituting|"
                       r"constituted|took up|taking up|equal to|equivalent to)\s*$", re.IGNORECASE)


_PERIOD_ON_PERIOD = re.compile(r"\s*(?:year|month|quarter)-on-(?:year|month|quarter)")


_AREA_UNITS = frozenset({"hectares", "km2", "m2", "mu"})


def measured_noun(mention: Mention, before: str, after: str,
                   mentions: list[tuple[Mention, Span]], index: int, sentence: str) -> str:
    """What a physical quantity measures: "1,260 hectares of green space" → "green space"."""
    if mention.kind not in ("measure", "amount"):
        return ""
    spend = re.search(r"\b(invest|invested|investing|invests|spend|spent|spending|allocate|"
                      r"allocated|inject|injected)\s+$", strip_qualifier(before))
    target = re.match(r"\s+(?:in|on|into)\s+((?:[A-Za-z&-]+\s+){0,3}[A-Za-z&-]+)", after)
    if spend and target:
        noun = "spending on" if spend.group(1).startswith("spen") else "investment in"
        whole = next((p for p in rules.NOUN_PHRASES_WITH_STOPS
                      if target.group(1).lower().startswith(p)), "")  # "research and development"
        what = whole or re.split(r"\s+(?:and|to|by|with)\b", target.group(1))[0]
        return f"{noun} {clean(what)}"
    if spend and re.match(r"\s+(?:in\s+(?:19|20)[0-9]{2}\b|to\s)", after):
        # "will invest 15 billion yuan in 2024 to build …": what is spent, not who spends
        return "spending" if spend.group(1).startswith("spen") else "investment"
    each = re.search(r"\beach\s+(?:with\s+(?:an?\s+)?(?P<np>[A-Za-z][\w -]{1,30}?)\s+of"
                     r"|worth|valued at|costing)\s+$", strip_qualifier(before))
    if each:  # "12 key projects, each worth over …", "each with investment of …"
        noun = previous_count_noun(mentions, index)
        what = clean(each.group("np") or "value")
        return f"{what} per {singular(noun)}" if noun else f"{what} each"
    with_each = _WITH_EACH.search(strip_qualifier(before))
    noun = previous_count_noun(mentions, index)
    if with_each and noun and re.match(r"\s+each\b", after):
        words = noun.split()
        one = " ".join(words[:-1] + [singular(words[-1])])
        return f"{clean(with_each.group('np'))} per {one}"
    granted_to = _granted_metric(mention, before, after)
    if granted_to:
        return granted_to
    spent = re.search(r"\b(?:spent|spend|spending|spends)\s+(?:a combined\s+|a total of\s+)?$",
                      strip_qualifier(before))
    if spent:  # "13.58 million visitors, who spent a combined 16.5 billion yuan"
        who = find_subject(sentence, len(before)) or previous_count_noun(mentions, index)
        return f"{who} spending" if who else "spending"
    granted = re.match(r"\s+in\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(?=[\s,.;)]|$)", after)
    if mention.kind == "amount" and granted and granted.group(1).split()[0] not in _NOT_A_FUND:
        # "20 million yuan in subsidies … to each major project": subsidies per project
        what = re.split(r"\s+(?:will|would|is|are|was|were|has|have|to|for|and)\b",
                        granted.group(1))[0]
        each = re.search(r"\b(?:to|for|per|in)\s+each\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)",
                         after)
        return f"{clean(what)} per {clean(each.group(1))}" if each else clean(what)
    of = re.match(r"\s+of\s+((?:[A-Za-z&-]+\s+){0,3}[A-Za-z&-]+)(?=[\s,.;)]|$)", after)
    if of and of.group(1).split()[0].lower() not in {"the", "a", "an"}:
        return clean(re.split(r"\s+(?:and|in|to|for|by|with|from)\b", of.group(1))[0])
    area_cue = re.search(r"\b(?:covering|covers|cover|with an area of|spanning)\s*$", before)
    if mention.unit in _AREA_UNITS and area_cue:
        noun = previous_count_noun(mentions, index)
        coverer = clean(clause_of(before)[: -len(area_cue.group(0))] if area_cue.group(0) else "")
        subject = find_subject(sentence, len(before)) or (
            coverer if coverer and len(coverer.split()) <= 6 else "")
        if noun:
            return f"area of {noun}"
        if subject:
            return f"{subject} area"
        covered = noun_phrase_before(clause_of(before)[: -len(area_cue.group(0))])
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


def opening_fraction(before: str, after: str) -> str:
    """ "Half of the city's buses and all of its taxis already run on electricity" → "share of
    city's buses that run on electricity": a fraction that opens its sentence measures what
    its group does (an adverb such as "already" marks where the group ends)."""
    if LEADING_PHRASE.sub("", OPENER.sub("", before)).strip():
        return ""
    match = _opening_fraction_re().match(after)
    if not match or len(match.group("np").split()) > 6:
        return ""
    return f"share of {clean(match.group('np'))} that {match.group('pred')}"


# "produced 1.8 million NEVs": what a count after a making or trading verb measures
_OUTPUT_VERBS = {"produced": "production", "manufactured": "production", "made": "production",
                 "sold": "sales", "exported": "exports", "imported": "imports",
                 "delivered": "deliveries"}


_OUTPUT_VERB_RE = re.compile(r"\b(?P<verb>" + "|".join(_OUTPUT_VERBS)
                             + r")\s+(?:a total of\s+)?$")


def output_metric(sentence: str, a: int, noun: str) -> str:
    """ "the city produced 1.8 million NEVs" → "NEV production" (the issuer made or traded
    them); empty when a named subject did it or no such verb comes before the count."""
    clause = clause_of(strip_qualifier(sentence[:a])) + " "
    verb = _OUTPUT_VERB_RE.search(clause)
    if not verb or len(noun.split()) > 3:
        return ""
    doer = clean(LEADING_PHRASE.sub("", OPENER.sub("", clause[:verb.start()].strip())))
    if doer and doer.lower() not in rules.ISSUER_SUBJECTS:
        return ""  # "BYD produced 3 million vehicles": the maker's output, named below
    words = noun.split()
    words[-1] = singular(words[-1])  # "NEVs" → "NEV production"
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
    grant = _GRANT_RE.search(strip_qualifier(before))
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
        return f"{grant.group('np')} per {' '.join(words[:-1] + [singular(words[-1])])}"
    return f"{grant.group('np')} for {' '.join(words)}"


# "50 firms with annual trade volume exceeding 100 million yuan each"
_WITH_EACH = re.compile(r"\bwith\s+(?:an?\s+)?(?P<np>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)"
                        r"(?<!\bat)(?<!\bof)(?<!\bworth)\s+$")


_STEERED_BY = re.compile(r"\b(raise|increase|lift|boost|expand|grow|cut|reduce|lower|"
                         r"bring down)\b[^,;]*\bby\s+$", re.IGNORECASE)


def percent_metric(sentence: str, before: str, after: str, mention: Mention,
                    topic: str | None) -> str:
    a = len(before)
    part = _part_of_whole(sentence, before, after)
    if part:
        return with_topic(part, topic)
    whole = whole_after(after)
    bare = bare_clause(before)
    if SHARE_RE.search(strip_qualifier(before)) or (whole and bare and re.search(
            r"\b(?:at|to)\s*$", strip_qualifier(before))):
        subject = (find_subject(sentence, a)
                   or bare_clause(SHARE_RE.sub("", strip_qualifier(before)))
                   or find_subject(sentence, a, main=True))
        share = f"{subject} share" if subject else "share"
        return with_topic(f"{share} of {whole}" if whole else share, topic)
    change = CHANGE_RE.search(strip_qualifier(before))
    subject = object_before(before) or find_subject(sentence, a)
    of_phrase = find_of_phrase(before)
    of_is_change = of_phrase and (
        of_phrase.lower() in rules.CHANGE_NOUNS  # "an increase of", not "GDP growth of"
        or of_phrase.lower().split()[0] in NOT_SUBJECTS)
    if change and change.group(0).rstrip().endswith(" of") and of_phrase and not of_is_change:
        return with_topic(of_phrase, topic)  # "GDP growth of around 5.5 percent"
    change_in = re.match(r"\s+in\s+((?:[A-Za-z&'’-]+\s+){0,3}[A-Za-z&'’-]+)", after)
    if change and change_in and change.group(0).rstrip().endswith(" of"):
        noun = rules.CHANGE_NOUNS[change.group("verb").lower()]
        return with_topic(f"{noun} in {clean(change_in.group(1))}", topic)  # "… of 3% in prices"
    if change:
        noun = rules.CHANGE_NOUNS[change.group("verb").lower()]
        base = subject or find_subject(sentence, a, main=True)
        if noun in ("growth", "increase") or _PERIOD_ON_PERIOD.match(after):
            return with_topic(f"{base} growth" if base else "growth", topic)
        return with_topic(f"{noun} in {base}" if base else noun, topic)
    steered = _STEERED_BY.search(strip_qualifier(before))
    if steered and subject:  # "raise industrial added value by 7.5 percent": its growth
        down = steered.group(1).lower() in ("cut", "reduce", "lower", "bring down")
        return with_topic(f"reduction in {subject}" if down else f"{subject} growth", topic)
    if _PERIOD_ON_PERIOD.match(after) and subject:
        return with_topic(f"{subject} growth", topic)
    of_phrase = find_of_phrase(before)
    if of_phrase and not whole:
        return with_topic(of_phrase, topic)
    if whole and re.search(r",\s*(?:or|i\.e\.|that is)\s*$", strip_qualifier(before)):
        main = find_subject(sentence, a, main=True)
        return with_topic(f"{main} share of {whole}" if main else f"share of {whole}", topic)
    if whole and not subject:
        return with_topic(f"share of {whole}", topic)
    if subject:
        return with_topic(subject, topic)
    if bare:
        return with_topic(bare, topic)  # "the surveyed unemployment rate within 5 percent"
    return with_topic(f"share of {whole}" if whole else "share", topic)


_PART_BEFORE = re.compile(r",\s*(?:of which|of this|of that)\s*$")


_PART_AFTER = re.compile(r"^\s+(?:of\s+(?:it|which|this|them)\s+)?(?:went to|went into|goes to|"
                         r"was in|were in|is in|are in|came from|was for|in|to|for|from)\s+"
                         r"(?:the\s+)?((?:[A-Za-z&-]+\s+){0,3}?[A-Za-z&-]+)"
                         r"(?=\s*[,.;)]|\s*$|\s+(?:while|and|but|whereas)\s)")


def _part_of_whole(sentence: str, before: str, after: str) -> str:
    """ "X reached N, of which 70 percent went to manufacturing" / "N, nearly one-third of it in
    high-tech sectors": the part's share of the sentence's whole ("manufacturing share of X")."""
    lead = strip_qualifier(before).rstrip()
    of_which = _PART_BEFORE.search(lead)
    of_it = re.match(r"\s+of\s+(?:it|which|this|them)\b", after) and lead.endswith(",")
    # "…, 28 percent of which went to A while 15.9 percent went to B": B's share too
    parallel = re.search(r"\b(?:while|and|whereas|but)$", lead) \
        and re.search(r"\bof\s+(?:which|it|them)\b", before)
    part = _PART_AFTER.match(after)
    if not (of_which or of_it or parallel) or not part:
        return ""
    whole = find_subject(sentence, len(before), main=True)
    if whole and SPEAKER.sub("", sentence).startswith(whole):
        whole = whole[0].lower() + whole[1:]  # capitalised only because it opens the sentence
    what = clean(part.group(1))
    return f"{what} share of {whole}" if whole else f"{what} share"


def multiple_metric(sentence: str, before: str, after: str, topic: str | None) -> str:
    obj = re.match(r"\s*(?:the\s+)?(?:that of\s+)?(?:the\s+)?([\w' -]{2,60}?)(?=[,.;]|$| in | by )",
                   after)
    thing = clean(obj.group(1)) if obj else ""
    to_verb = re.search(r"\b(?:enabling|helping|allowing|for|making)?\s*([\w' -]{2,60}?)\s+to\s*$",
                        before)
    if to_verb:
        # "we expect the output of X to double": the output, not the one who expects it
        grown = re.sub(r"^.*\b(?:expects?|expected|expecting|wants?|allows?|helps?|enables?|"
                       r"anticipates?|sees|see|forecasts?)\s+", "", to_verb.group(1))
        return f"growth multiple of {clean(grown)} {thing}".strip()
    with_up = re.search(r",\s*with\s+(?P<np>(?:[\w&'’-]+\s+){0,3}?[\w&'’-]+)\s+(?:up|rising|"
                        r"growing|increasing|surging|jumping)\s+(?:by\s+)?$",
                        strip_qualifier(before))
    if with_up:  # "sales rose 35%, with exports up 2.6 times": the growth of exports
        main = find_subject(sentence, len(before), main=True)
        of_main = re.search(r"\bof\s+((?:[\w&'’-]+\s+){0,2}?[\w&'’-]+?)"
                            r"(?=\s+(?:in|for|during)\b|$)", main)
        what = clean(with_up.group("np"))
        return f"growth multiple of {what} of {of_main.group(1)}" if of_main \
            else f"growth multiple of {what}"
    subject = find_subject(sentence, len(before)) or find_subject(sentence, len(before), main=True)
    if subject and thing:
        return f"{subject} relative to {thing}"
    return with_topic(f"{subject or thing} multiple".strip(), topic)


# Money put to a use: "has allocated 1 trillion yuan for key projects", "will invest 15 billion
# yuan in charging piles", "spent 26.4 billion yuan on research and development"
_SPEND_RE = re.compile(r"\b(?P<verb>allocat(?:e|es|ed|ing)|earmark(?:s|ed|ing)?|set aside|"
                       r"invest(?:s|ed|ing)?|spen(?:d|ds|t|ding)|budget(?:s|ed)?)\s+"
                       r"(?:a total of\s+|some\s+|nearly\s+|about\s+|over\s+|more than\s+)?$",
                       re.IGNORECASE)
_USE_RE = re.compile(r"^\s+(?P<prep>for|in|on|to)\s+(?:the\s+)?"
                     r"(?P<np>(?:[a-zA-Z][\w&'’-]*\s+){0,5}?[a-zA-Z][\w&'’-]*?)"
                     r"(?=\s+and\s+(?:over|about|nearly|more|some|[0-9$¥])|\s+(?:in|this|next|by|to|"
                     r"from|during|over|with|while|which)\b|[,.;)]|$)")
_SPEND_NOUNS = {"allocat": "funds allocated for", "earmark": "funds earmarked for",
                "set aside": "funds set aside for", "invest": "investment in",
                "spen": "spending on", "budget": "budget for"}


def spending_metric(before: str, after: str) -> str:
    """ "allocated N for key construction projects" → "funds allocated for key construction
    projects"; "invest N in charging piles" → "investment in charging piles"; '' otherwise."""
    verb = _SPEND_RE.search(strip_qualifier(before))
    use = _USE_RE.match(after)
    if not verb or not use:
        return ""
    head = next(v for k, v in _SPEND_NOUNS.items() if verb.group("verb").lower().startswith(k))
    return f"{head} {use.group('np')}"
