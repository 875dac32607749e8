"""Name figures from the structure of their clause: subject, verb, and the figure's role.

Statistical releases state most figures in one shape, often several times in one sentence:

    <subject> <verb> [by] <change> [year on year] [to <level>][, up <change>]

    "the value-added of primary industry rose by 3.9% year on year to 121.69 billion yuan,
     secondary industry by 3.9% to 700.86 billion yuan, and tertiary industry by 1.2% …"
    "…, with the total output of farming, forestry, animal husbandry, and fishery industries
     rising 4% year on year to 185.19 billion yuan; the total retail sales of consumer products
     contracting 2.2% year on year to 832.96 billion yuan, …"

The sentence is cut into clauses (at semicolons, commas and "and" outside brackets; a piece
with no figure and no verb belongs to the next one: "farming, forestry, … industries"); each
clause's subject is the noun phrase before its verb, or the previous clause's when the clause
leaves it out ("secondary industry by 3.9%": the verb; ", up 5%": the subject). A figure right
after a verb of change is the change, one after "to" or a verb of level is the level. Only
clauses of that shape are named here; `name_metrics` reads the rest from the words around the
figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.extraction import rules
from reportgen.extraction.metrics import clause_words as vocab
from reportgen.extraction.metrics.clause_cutting import Clause, cut_clauses, subject_of
from reportgen.extraction.metrics.phrases import (
    clean,
    has_words,
    singular,
    whole_after,
)
from reportgen.extraction.numbers import Mention
from reportgen.model import Span


def clause_names(sentence: str, mentions: list[tuple[Mention, Span]],
                 earlier: tuple[str, ...] = ()) -> list[str | None]:
    """The metric name of each figure whose clause has the statistical shape, else None;
    `earlier` holds subjects named before the sentence, which "the capacity" may refer to."""
    names: list[str | None] = [_change_in(sentence, m, b) for m, (_a, b) in mentions]
    previous: Clause | None = None
    subjects: list[str] = list(earlier)
    for clause in cut_clauses(sentence, mentions):
        if clause.subject == "<it>":
            clause = replace(clause, subject=subjects[-1] if subjects else "")
        elif clause.subject.lower() in _BARE_RATES and subjects and subjects[-1]:
            # "X increased by 13.1%, with the growth rate remaining above 10%": X's rate
            clause = replace(clause, subject=f"{subjects[-1]} {clause.subject.lower()}")
        clause = _with_antecedent(clause, subjects, sentence)
        if clause.subject.startswith("that of ") and previous and previous.subject:
            # "…; that of the secondary industry 38,353.1 billion yuan, up 4.6 percent"
            owner = clause.subject.removeprefix("that of ")
            first = next((m for m, (a, _b) in mentions if clause.start <= a < clause.end), None)
            rate = first is not None and first.kind == "percent" \
                and previous.direction in ("up", "down")  # "…, and those of services 3%"
            clause = replace(clause, subject=f"{previous.subject.split(' of ')[0]} of {owner}",
                             direction=previous.direction if rate else "level",
                             verb=previous.verb if rate else "")
        if subjects and vocab.NEW_SUBJECT.match(sentence[clause.start:clause.end].strip()):
            clause = _with_owner(clause, subjects[-1])
        subjects.append(clause.subject)
        inside = [k for k, (_, (a, _b)) in enumerate(mentions) if clause.start <= a < clause.end]
        if inside and clause.verb and not names[inside[0]]:
            names[inside[0]] = _noun_of(sentence, clause, mentions[inside[0]],
                                        previous.subject if previous else "")
        filled = _fill(clause, previous)
        if filled is not None:
            for k in inside:
                names[k] = names[k] or _name_in_clause(sentence, filled, k, mentions, inside)
        previous = filled or (clause if clause.subject else None)
    return names


_BARE_RATES = ("growth rate", "rate of growth", "growth pace", "pace of growth")


def listed_owners(sentence: str, mentions: list[tuple[Mention, Span]]) -> list[str]:
    """The places or bodies a "respectively" list gives its figures to: the items of the
    sentence's first subject ("Shanghai Municipality and Hebei and Jilin provinces posted …")."""
    for clause in cut_clauses(sentence, mentions):
        if clause.subject:
            items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", clause.subject)
                     if i.strip()]
            return items if len(items) >= 2 and all(i[:1].isupper() for i in items) else []
    return []


def is_noun_phrase(name: str) -> bool:
    """Whether a metric name reads as a noun phrase, one a later "the capacity" may refer to:
    no verb, no attribution, no clause word in it."""
    return 3 <= len(name.split()) <= 12 and not (
        vocab.VERB.search(name) or vocab.FINITE.search(name) or vocab.ATTRIBUTION.search(name)
        or re.search(r"\b(?:that|which|after|before|when|while)\b|[0-9,;:]", name))


def _with_antecedent(clause: Clause, earlier: list[str], sentence: str) -> Clause:
    """The clause with a short subject that repeats the head of an earlier, longer one given
    that one ("Fixed asset investments continued to grow, with investment increasing 9.4%";
    "… installed capacity of renewable energy … As of October, the capacity had exceeded …")."""
    short = [singular(w) for w in clause.subject.lower().split()]
    if len(short) != 1:
        return clause  # "export volume" after "total import and export volume" is its own
    definite = re.search(r"\bthe\s+" + re.escape(clause.subject) + r"\b", sentence,
                         re.IGNORECASE)
    for subject in reversed(earlier):
        words = [singular(w) for w in subject.lower().split()]
        head = [singular(w) for w in subject.lower().split(" of ")[0].split()]
        if len(words) > len(short) and (words[-len(short):] == short
                                        or (definite and head[-len(short):] == short)):
            return replace(clause, subject=subject)
    return clause


_GENERIC_MEASURE = vocab.lazy(r"^(?:total\s+)?(?:imports and exports|exports and imports|"
                              r"trade(?: volume| value)?|exports|imports|output|sales|revenue|"
                              r"investment|volume|value|turnover)$", re.IGNORECASE)


def _with_owner(clause: Clause, earlier: str) -> Clause:
    """A "with" clause measuring a generic quantity of the proper noun before it: "ASEAN
    remained the largest trading partner, with imports and exports reaching …" → "ASEAN
    imports and exports"."""
    if not _GENERIC_MEASURE.match(clause.subject) or not re.match(r"[A-Z]", earlier):
        return clause
    short = re.search(r"\(([A-Z][A-Za-z&-]{1,10})\)", earlier)
    owner = short.group(1) if short else earlier
    if len(owner.split()) > 6 or not all(w[0].isupper() or w in ("of", "and", "the")
                                         for w in owner.split()):
        return clause
    return replace(clause, subject=f"{owner} {clause.subject}")


def _parallel(subject: str, previous: str) -> str:
    """An elliptic subject given the head of the parallel one before it: "the value-added of
    primary industry rose 3.9%, secondary industry by 3.9%" → "value-added of secondary
    industry"."""
    head, of, complement = previous.rpartition(" of ")
    if of and complement.split()[-1:] == subject.split()[-1:] and not has_words(head, subject):
        return f"{head} of {subject}"
    return subject


# "20 percent year-on-year growth in GDP", "a 3% increase in exports": the rate names its measure
_CHANGE_IN = vocab.lazy(r"\s*(?:year[- ]on[- ]year\s+|y-o-y\s+|annual\s+)?(growth|increase|rise|"
                   r"decrease|decline|drop|fall|reduction|cut)\s+(?:in|of)\s+(?:the\s+)?"
                   r"(?P<np>[A-Za-z][\w\s&'’-]{1,50}?)(?=\s*(?:[,;.()]|$|\s(?:in|during|for|"
                   r"from|over|compared|than|by|to|and|while|this|last|year)\b))", re.IGNORECASE)


_WHERE = vocab.lazy(r"\b(?:areas?|regions?|cities|city|provinces?|countries|country|districts?|"
               r"counties|county|towns?|world|markets?|places?)$", re.IGNORECASE)


_WHEN = vocab.lazy(r"(?:[HQ][1-4]|first|second|third|fourth|january|february|march|april|may|june|"
              r"july|august|september|october|november|december|quarter|month|year)\b.*",
              re.IGNORECASE)


def _change_in(sentence: str, mention: Mention, b: int) -> str | None:
    """The name of a rate followed by its change and measure ("20 percent growth in GDP",
    "targets 6 Pct Annual GDP Growth")."""
    found = _CHANGE_IN.match(sentence, b)
    if mention.kind != "percent" or mention.unit == "percentage points":
        return None
    measured = _MEASURE_CHANGE.match(sentence, b)
    if not found and measured and not _RATE_ONLY.fullmatch(measured.group("np")):
        change = measured.group("change").lower()
        measure = clean(measured.group("np"))
        return f"{measure} growth" if change in ("growth", "increase", "rise") \
            else f"decline in {measure}"
    if not found:
        return None
    measure = subject_of(found.group("np"))
    if not measure or _WHERE.search(measure) or _WHEN.fullmatch(measure) \
            or re.fullmatch(r"[A-Z][a-z][\w'’-]*", measure):
        return None  # "an increase in rural areas", "growth in Shanghai": where, not what
    change = found.group(1).lower()
    if change in ("growth", "increase", "rise"):
        return f"{measure} growth"
    return f"{rules.CHANGE_NOUNS.get(change, 'decline' if change != 'cut' else 'reduction')}" \
        f" in {measure}"


# "6 Pct Annual GDP Growth", "a 5% export increase": the measure between a rate and its change
_MEASURE_CHANGE = vocab.lazy(r"\s+(?P<np>(?:(?!(?:and|or|the|of|a|an|to|due|in|for|by|with|that|"
                             r"which|from|than|as|at|on|its|their|while|whereas|but|if|when|"
                             r"[a-z]+ing)\b)[A-Za-z][\w&'’-]*\s+){1,4}?)"
                             r"(?P<change>growth|increase|rise|"
                             r"decline|decrease|drop|fall)\b", re.IGNORECASE)
_RATE_ONLY = vocab.lazy(r"(?:(?:year[- ]on[- ]year|y-o-y|annual|average|yearly|"
                        r"month[- ]on[- ]month|quarter[- ]on[- ]quarter|slight|modest|strong|"
                        r"sharp|steady|significant|"
                        r"and|or|of|the|a|an)\s+)+", re.IGNORECASE)


# "… saw a regional GDP of 7.39 trillion yuan", "registering a year-on-year growth rate of 8.5%"
_NOUN_OF = vocab.lazy(r"^\s*(?:by\s+)?(?:(?:a|an|the)\s+)?(?P<np>[A-Za-z][\w\s&'’-]{1,50}?)"
                      r"\s+of\s+(?:" + vocab.QUALIFIER + r")?\s*$", re.IGNORECASE)
_RATE_NOUN = vocab.lazy(r"^(?:(?:year[- ]on[- ]year|"
                       r"(?P<average>average annual|annual average|average)|"
                       r"annual)\s+)?(?P<change>growth|increase|rise|decline|decrease|drop|fall)"
                       r"(?:\s+rate)?$|^(?P<bare>average annual|annual average)$", re.IGNORECASE)


def _noun_of(sentence: str, clause: Clause, mention: tuple[Mention, Span],
             previous_subject: str) -> str | None:
    """The figure a verb's object names ("saw a regional GDP of N"), or the subject's change
    when that object is a rate ("registering a growth rate of 8.5%")."""
    quantity, (a, _b) = mention
    found = _NOUN_OF.match(sentence[clause.verb_end:a])
    if not found or quantity.kind not in ("amount", "measure", "percent"):
        return None  # "the completion of 34 railway projects": a count names its own noun
    noun = clean(found.group("np"))
    if noun.lower() in ("total", "sum", "amount", "figure", "number", "value", "level",
                        "record", "high", "record high", "new high"):
        return None  # "accumulated a total of …": the subject's own level
    rate = _RATE_NOUN.match(noun)
    subject = clause.subject or previous_subject
    if rate and quantity.kind == "percent" and subject:
        # "registering average annual growth of 7.1 percent", "grow by an annual average of 5%"
        average = "" if not (rate.group("average") or rate.group("bare")) else \
            " average" if (rate.group("average") or "").lower() == "average" else " average annual"
        change = (rate.group("change") or "growth").lower()
        return f"{subject}{average} growth" if change in ("growth", "increase", "rise") \
            else f"decline in {subject}{average}"
    if rate or not subject_of(noun):
        return None
    owner = clause.subject  # "the software industry posted total revenue of …": its revenue
    return f"{owner} {noun}" if owner and not has_words(owner, noun) else noun


def _fill(clause: Clause, previous: Clause | None) -> Clause | None:
    """The clause with what it leaves out taken from the one before: the verb ("secondary
    industry by 3.9%"), or the subject (", up 5%"); None when it has neither."""
    if clause.direction == "elliptic":  # "…, and imports 800 billion yuan, down 2 percent"
        return replace(clause, direction="level") if previous and previous.direction in (
            "level", "up", "down") else None
    if clause.subject and clause.direction and clause.direction != "same":
        return clause
    if previous is None or not previous.subject:
        return None
    if clause.direction == "share" and previous.direction not in ("parts", "share"):
        return Clause(clause.start, clause.end, previous.subject, "share", clause.verb_end)
    if previous.direction == "parts" and not clause.direction and not clause.subject:
        return Clause(clause.start, clause.end, previous.subject, "parts", clause.verb_end)
    if clause.direction == "same" and previous.direction:
        return Clause(clause.start, clause.end, previous.subject, previous.direction,
                      clause.verb_end, previous.verb)
    if clause.subject and previous.direction in ("up", "down"):
        return Clause(clause.start, clause.end, _parallel(clause.subject, previous.subject),
                      previous.direction, clause.verb_end, previous.verb)
    if not clause.subject and clause.direction in ("up", "down", "parts", "level"):
        return Clause(clause.start, clause.end, previous.subject, clause.direction,
                      clause.verb_end, clause.verb)
    return None


def _name_in_clause(sentence: str, clause: Clause, k: int,
                    mentions: list[tuple[Mention, Span]], inside: list[int]) -> str | None:
    mention, (a, _b) = mentions[k]
    if clause.direction == "share":
        whole = whole_after(sentence[_b:])
        if mention.kind != "percent" or inside.index(k) != 0:
            return None
        return f"{clause.subject} share of {whole}" if whole else f"{clause.subject} share"
    if clause.direction == "parts":
        part = re.match(r"\s+of\s+([A-Za-z][\w\s-]{1,50}?)\s*(?=[,;.()]|\s+and\s|$)",
                        sentence[_b:])
        if not part:
            return None
        if mention.unit == "km":
            return f"length of {clean(part.group(1))}"  # "including 2,776 km of high-speed …"
        return f"{clause.subject} of {clean(part.group(1))}"
    position = inside.index(k)
    if position == 0:
        gap = sentence[clause.verb_end:a]
        if not vocab.LEAD.match(gap) and not vocab.TO_LEVEL.match(gap):
            return None
        role = "level" if clause.direction == "level" or vocab.TO_LEVEL.match(gap) \
            else clause.direction
        named_change = vocab.CHANGE_AFTER.match(sentence[_b:])
        if mention.kind == "percent" and named_change:  # "registering a 6.8 percent increase"
            role = "down" if named_change.group(1).lower() in vocab.FALLS else "up"
    else:
        gap = sentence[mentions[inside[position - 1]][1][1]:a]
        then = vocab.THEN_CHANGE.match(gap)
        if (vocab.TO_LEVEL.match(gap) or _FROM_LEVEL.match(gap)) \
                and clause.direction in ("up", "down"):
            role = "level"  # "… to 1.2 billion", "up 35.2 percent from 596,000 units"
        elif then:
            role = "down" if then.group("dir").lower() in vocab.DOWN_WORDS else "up"
        else:
            return None
    compared = _compared_after(sentence, _b, mention, clause.subject) if role == "level" else None
    if compared:
        return compared
    measure = _measure_after(sentence, _b) if role == "level" else ""
    subject = f"{clause.subject} {measure}" if measure and not has_words(measure, clause.subject) \
        else clause.subject
    return _named(subject, role, mention, clause.verb if role == clause.direction else "")


# "volumes were 2.4% higher than the same period last year", "sales are 6.7% below
# pre-pandemic levels": a rate stated against another level
_COMPARED = vocab.lazy(r"\s+(?P<dir>higher|lower|above|below|more|less|up|down)\s+(?:than\s+|on\s+|"
                       r"from\s+|compared\s+(?:with|to)\s+)?(?:that\s+of\s+|those\s+of\s+)?"
                       r"(?:the\s+)?(?P<np>[A-Za-z0-9][\w\s'’-]{1,50}?)\s*(?=[,;.()]|$|\s+(?:and|but|"
                       r"while|as|in|at|after)\b)", re.IGNORECASE)
_YEAR_EARLIER = vocab.lazy(r"(?:same\s+(?:period|month|quarter)(?:\s+(?:of\s+)?(?:last|the "
                           r"previous|a)\s+year)?|(?:a|one)\s+year\s+(?:earlier|ago|before)|"
                           r"(?:last|previous|prior)\s+year|year\s+before)$", re.IGNORECASE)


_FROM_LEVEL = vocab.lazy(r"^\s+from\s+(?:(?:a|an|the)\s+)?(?:" + vocab.QUALIFIER + r")?\s*$",
                         re.IGNORECASE)


def _compared_after(sentence: str, b: int, mention: Mention, subject: str) -> str | None:
    """A percent level stated as above or below something: the change on a year earlier
    ("volumes growth"), or the gap to that level ("sales below pre-pandemic levels")."""
    found = _COMPARED.match(sentence, b)
    if mention.unit != "percent" or not found or not subject:
        return None
    down = found.group("dir").lower() in ("lower", "below", "less", "down")
    if _YEAR_EARLIER.search(found.group("np")):
        return f"decline in {subject}" if down else f"{subject} growth"
    return f"{subject} {'below' if down else 'above'} {clean(found.group('np'))}"


def _measure_after(sentence: str, b: int) -> str:
    """ "… 3.22 million TEUs of container throughput": the measure a level is stated in."""
    found = _MEASURE_OF.match(sentence, b)
    return clean(found.group("m")) if found else ""


# a measure word ends the phrase after "of": "of container throughput", "of cargo handled"
_MEASURE_OF = vocab.lazy(r"\s+of\s+(?P<m>(?:[a-z][\w-]*\s+){0,3}(?:throughput|output|sales|exports|"
                    r"imports|production|capacity|generation|consumption|investment|revenue|"
                    r"turnover|trade|shipments|deliveries))\b")


def _named(subject: str, role: str, mention: Mention, verb: str) -> str | None:
    if role == "level" and mention.unit == "km" and not re.search(r"\blength\b", subject):
        subject = f"length of {subject}"  # "3,637 km of new tracks": their length
    if mention.kind == "multiple":
        return None  # "up 2.6 times": a growth multiple, named by the caller
    if role == "level":
        return None if mention.kind == "percent" and mention.unit == "percentage points" \
            else subject
    if mention.unit == "percentage points":
        return None  # a change of a rate: "change in" its rate, named by the caller
    if role == "up":
        return f"{subject} growth" if mention.kind == "percent" else f"increase in {subject}"
    return f"{rules.CHANGE_NOUNS.get(verb.lower(), 'decline')} in {subject}"


