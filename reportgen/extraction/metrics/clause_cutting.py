"""Cutting a sentence into clauses: pieces between breaks outside brackets, each clause's
subject (the noun phrase before its verb), its verb and the direction the verb states.

`clauses` names figures from what this module finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from reportgen.extraction import rules
from reportgen.extraction.identity import DATE_STAMP, DATELINE  # "date 2023-11-30 …"
from reportgen.extraction.metrics import clause_words as vocab
from reportgen.extraction.metrics.phrases import LIST_MARK, NOT_SUBJECTS, clean
from reportgen.extraction.numbers import Mention
from reportgen.model import Span


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a sentence: its span, subject and the direction its verb states."""

    start: int
    end: int
    subject: str
    direction: str  # "up", "down", "level", or "" when the clause has no verb of these
    verb_end: int  # where the verb ends (the clause's start when it has none)
    verb: str = ""


_PIECE_BREAK = vocab.lazy(r";\s*|:\s+|,(?![0-9])\s*|\s+(?:and|while|whereas|but)\s+(?=\S)"
                     r"|\s*[(（)）]\s*")


def cut_clauses(sentence: str, mentions: list[tuple[Mention, Span]]) -> list[Clause]:
    """The sentence's clauses: pieces between breaks outside brackets. A piece with no figure
    and no verb opens the next one across a comma (a noun list, a subject with commas: "the
    output of farming, forestry, …"), unless it is an adverbial phrase ("In breakdown", "during
    the nine months"), which names nothing; across a semicolon it ends a clause."""
    starts = [a for _, (a, _b) in mentions]
    clauses: list[Clause] = []
    pending: int | None = None
    label = ""  # "- Industrial invoiced revenue: 106.1 billion yuan, up 7.76 percent"
    for start, end, brk in _pieces(sentence):
        text = vocab.CONNECTOR.sub("", sentence[start:end].strip())
        if vocab.NEW_SUBJECT.match(sentence[start:end].strip()):
            pending = None  # "…, with the output of farming, forestry, …": a new subject
        if any(start <= a < end for a in starts) and label \
                and _leads_with_figure(sentence, start, starts):
            clauses.append(Clause(start, end, label, "level", start))
            pending = None
        elif any(start <= a < end for a in starts):
            opens = start if pending is None or _WHICH.match(text) else pending
            clause = _clause(sentence, opens, end, starts)
            if label and not clause.subject and clause.direction in ("up", "down", "same"):
                # "High-tech enterprises' output value: up by 30 percent": the label's change
                clause = replace(clause, subject=label,
                                 direction="level" if clause.direction == "same"
                                 else clause.direction)
            clauses.append(clause)
            pending = None
        elif pending is not None and _WHICH.match(text):
            pass  # "Rotterdam, which had surpassed Dubai in 2019, handled …": an aside
        elif vocab.VERB.search(text) or vocab.ATTRIBUTION.search(text) or vocab.FINITE.search(text):
            clauses.append(_clause(sentence, start, end, starts))  # a clause with no figure
            pending = None
        elif vocab.ADVERBIAL.match(text):
            pending = None  # "Affected by the festival, especially the epidemic, from …"
        elif pending is None:
            pending = start
        label = subject_of(LIST_MARK.sub("", text)) if brk.strip() in (":", "：") \
            and not any(start <= a < end for a in starts) and not vocab.VERB.search(text) else ""
        if brk.strip() in (";", ":"):
            pending = None
    return clauses


def _leads_with_figure(sentence: str, start: int, starts: list[int]) -> bool:
    """Whether the piece at `start` opens with its figure (qualifiers aside)."""
    first = min((a for a in starts if a >= start), default=len(sentence))
    return bool(vocab.LEAD.match(sentence[start:first]))


def _pieces(sentence: str) -> list[tuple[int, int, str]]:
    """Spans between clause breaks, never inside brackets, each with the break after it."""
    own = _clause_brackets(sentence)
    depth_at = _bracket_depth(sentence, own)
    pieces, start = [], 0
    for match in _PIECE_BREAK.finditer(sentence):
        mark = re.search(r"[(（)）]", match.group(0))
        if mark and match.start() + mark.start() not in own:
            continue  # an aside's brackets are no break
        joins_words = match.group(0)[0].isspace()  # " and ": a clause only after a figure
        if depth_at(match.start()) == 0 and not (
                joins_words and not re.search(r"[0-9]", sentence[start:match.start()])):
            pieces.append((start, match.start(), match.group(0)))
            start = match.end()
    pieces.append((start, len(sentence), ""))
    return [p for p in pieces if p[1] > p[0]]


def _bracket_depth(sentence: str, open_ones: set[int]) -> Callable[[int], int]:
    """How deep in brackets a position lies, asked in increasing order of position; brackets
    at `open_ones` (a clause of their own) count as none. Only the bracket marks are visited,
    so a long sentence costs no more than its brackets."""
    marks = [(m.start(), m.group()) for m in re.finditer(r"[(\[（)\]）]", sentence)
             if m.start() not in open_ones]
    state = {"next": 0, "depth": 0}

    def depth_at(position: int) -> int:
        while state["next"] < len(marks) and marks[state["next"]][0] <= position:
            char = marks[state["next"]][1]
            state["depth"] = max(0, state["depth"] + (1 if char in "([（" else -1))
            state["next"] += 1
        return state["depth"]

    return depth_at


def _clause_brackets(sentence: str) -> set[int]:
    """The positions of the marks of brackets holding a clause of their own ("livestock meat
    prices fell 5.7% (pork prices fell 7.7%)")."""
    found: set[int] = set()
    for match in re.finditer(r"[(（]([^()（）]{4,120})[)）]", sentence):
        if vocab.VERB.search(match.group(1)) and re.search(r"[0-9]", match.group(1)) \
                and re.match(r"\s*[A-Za-z]+\s+[A-Za-z]", match.group(1)):
            found.update((match.start(), match.end() - 1))
    return found


def _clause(sentence: str, start: int, end: int, starts: list[int]) -> Clause:
    """A clause: its subject is the noun phrase before its last verb before any figure."""
    first_figure = min((a for a in starts if start <= a < end), default=end)
    # "Rotterdam, which had surpassed Dubai in 2019, handled …": the aside is no part of it
    head = sentence[start:first_figure]
    if "which" in head or "who" in head or " - " in head or "–" in head or "—" in head:
        head = _RELATIVE.sub(lambda m: " " * len(m.group()), head)
    body = vocab.CONNECTOR.sub("", LIST_MARK.sub("", head.lstrip()), count=1)
    opened = len(head) - len(body)
    verbs = sorted([*vocab.VERB.finditer(head, opened), *vocab.FINITE.finditer(head, opened)],
                   key=lambda m: m.start()) or list(vocab.MODAL_VERB.finditer(head, opened))
    verbs = [m for m in verbs if not re.match(r"\s+to\b", head[m.end():])
             or m.group(0).split()[-1].lower() not in ("up", "down")]  # "up to": a qualifier
    # "the registered business entities": a participle after a determiner is no verb
    verbs = [m for m in verbs
             if not _DETERMINER_BEFORE.search(head, max(0, m.start() - 8), m.start())]
    # "continued to exceed 4 trillion yuan": the verb is the one "continued" carries on
    verbs = [m for k, m in enumerate(verbs) if not (
        k + 1 < len(verbs) and m.group(0).lower() in _ASPECT
        and verbs[k + 1].group(0).lower().startswith("to ")
        and head[m.end():verbs[k + 1].start()].strip() == "")]
    # a copula before another verb is its auxiliary ("is predicted to increase by 10 percent")
    if first_figure < end:
        verbs = [m for k, m in enumerate(verbs) if k == len(verbs) - 1
                 or m.group(0).lower() not in ("is", "are", "was", "were")]
    share = vocab.SHARE_OPENING.match(body)
    if not verbs and share:  # ", constituting nearly 50% of the total capacity": its share
        return Clause(start, end, "", "share", start + opened + share.end())
    told = _REPRESENTS.match(body) if not verbs else None
    if told:  # "The figure represents an increase of 60.4 percent": the figure named before
        said = told.group("subj").strip()
        owner = "<it>" if said.lower() in _PRONOUNS else subject_of(said)
        body = body[told.start("change"):]
    change = vocab.CHANGE_PHRASE.match(body) or _NAMED_CHANGE.match(body)
    if told and change and owner:
        direction = "down" if change.group("dir").lower() in vocab.DOWN_WORDS else "up"
        return Clause(start, end, owner, direction, first_figure, change.group("dir").split()[0])
    if not verbs and change:  # ", a year-on-year decrease of 7.1 percent": the subject's
        direction = "down" if change.group("dir").lower() in vocab.DOWN_WORDS else "up"
        # "CPI increase of around 3 percent", "a drop of 3 percent in energy consumption"
        owner = subject_of(change.groupdict().get("np") or "") or _measure_in(
            sentence, first_figure_end(sentence, start, end, starts))
        return Clause(start, end, owner, direction, start + opened + change.end(),
                      change.group("dir").split()[0])
    that_of = _THAT_OF.match(body) if body[:5].lower() in ("that ", "those") else None
    if that_of and not verbs:  # "; that of the secondary industry 38,353.1 billion yuan"
        return Clause(start, end, f"that of {clean(that_of.group('np'))}", "same",
                      start + opened + that_of.end())
    if verbs:
        return _verb_clause(sentence, start, end, head, opened, verbs, first_figure)
    acted = _measure_verb_clause(sentence, start, end, head, opened, first_figure, starts)
    if acted is not None:
        return acted
    figure_end = first_figure_end(sentence, start, end, starts)
    counted = _COUNTED_SUBJECT.match(sentence, figure_end)
    measured = subject_of(counted.group("np")) if counted else ""
    if measured and re.fullmatch(r"\s*(?:a total of\s*)?", body, re.IGNORECASE):
        # "A total of 3,637 km of new tracks went into operation": what the figure measures
        return Clause(start, end, measured, "level", first_figure)
    coordinated = sentence[max(0, start - 6):start].rstrip().endswith(("and", "and,")) \
        or sentence[start:start + 6].lstrip().startswith("and ") \
        or _FIGURE_ONLY.fullmatch(sentence, figure_end, end) \
        or vocab.CHANGE_AFTER.match(sentence, figure_end)
    marking = coordinated and _MARKING.match(body) \
        and vocab.CHANGE_AFTER.match(sentence, figure_end)
    if coordinated and (vocab.LEAD.match(body) or marking):
        # "… and 0.4 percent month on month", "…, marking a 7% decline"
        # or "…, a 15.5 percent year-on-year increase": the clause before, and its change
        return Clause(start, end, "", "same", start + opened)
    with_at = head.lstrip()[:5].lower() == "with " and re.fullmatch(
        r"(?!(?:a|an|the)\s)[A-Za-z][\w\s'’-]{1,60}?\s+(?:(?:now|currently|still|at)\s+)?", body)
    if with_at and subject_of(body) and not vocab.LEAD.match(body):
        # "…, with volumes now 9% below those of 2019", "with exports at 5 billion yuan"
        return Clause(start, end, subject_of(re.sub(r"\s+at\s+$", "", body)), "level",
                      first_figure)
    and_joined = sentence[max(0, start - 6):start].rstrip().endswith("and") \
        or sentence[start:start + 6].lstrip().startswith("and ")
    if and_joined and len(body.split()) <= 4 and not _elliptic(body) \
            and not re.match(r"\s*(?:and\s+)?[a-z]+ing\b", body) \
            and not re.search(r"[a-z]ed\s*$", body) and not _MEASURE_VERB.search(body) \
            and not re.search(r"\b(?:than|about|around|nearly|over|some|up|of)\s*$", body) \
            and subject_of(body):
        # "exports reached 1.2 trillion yuan, …, and imports 800 billion yuan": the verb left
        # out, the subject kept; a level like the clause before
        return Clause(start, end, subject_of(body), "elliptic", start + len(head.rstrip()))
    subject = subject_of(body) if _elliptic(body) else ""
    return Clause(start, end, subject, "", start + len(head.rstrip()) if subject else start)


# "CPI increase of around 3 percent": a noun phrase, then the change of which the figure is
_NAMED_CHANGE = vocab.lazy(r"^(?!(?:a|an|the|[a-z]+ing|nominal|real|actual)\b)"
                           r"(?P<np>(?:(?!\b(?:a|an|the)\s)[A-Za-z][\w&'’-]*\s+){0,6}?"
                           r"[A-Za-z][\w&'’-]*)\s+(?P<dir>increase of|growth of|"
                           r"rise of|decrease of|decline of|drop of|fall of|reduction of)\s*"
                           r"(?:" + vocab.QUALIFIER + r")?\s*$", re.IGNORECASE)


# "that of the secondary industry", "those of rural residents": the measure named before, of
# another owner
_THAT_OF = vocab.lazy(r"^(?:that|those)\s+of\s+(?:the\s+)?(?P<np>[A-Za-z][\w\s&'’-]{1,50}?)\s*"
                      r"(?:(?:was|were|is|are|stood at|reached)\s+)?$", re.IGNORECASE)


# "The figure represents an increase of …", "This marks a decline of …"
_REPRESENTS = vocab.lazy(r"^(?P<subj>.{2,60}?)\s+(?:represents|represented|marks|marked|means|"
                         r"meant|reflects|reflected|indicates|indicated)\s+(?P<change>(?:a|an)\s)",
                         re.IGNORECASE)


def _measure_in(sentence: str, figure_end: int) -> str:
    found = vocab.IN_MEASURE.match(sentence, figure_end)
    return subject_of(found.group("np")) if found else ""


_DETERMINER_BEFORE = vocab.lazy(r"\b(?:the|a|an|its|their|newly)\s+$",
                                re.IGNORECASE)
_ASPECT = ("continued", "continues", "continue", "kept", "keeps", "began", "begins", "started",
           "starts", "managed", "failed", "is expected", "are expected")


_TRAILING_ASPECT = vocab.lazy(r"\s+(?:" + "|".join(_ASPECT) + r")\s*$", re.IGNORECASE)


# "Rotterdam, which had surpassed Dubai, handled …", "GDP - seasonally adjusted data - was",
# "increasing - in real terms - by 0.9 pct": asides between commas or spaced dashes
_RELATIVE = vocab.lazy(r",\s*(?:which|who)\s[^,;()]*,|\s[-–—]\s[^-–—,;()]{1,40}\s[-–—]\s")
# Verbs whose object is the measure itself: "Jebel Ali processed 14.47 million TEUs" is the
# port's container throughput, "the company sold 2 million units" its sales
_MEASURE_VERBS = {"handled": "throughput", "processed": "throughput", "produced": "output",
                  "manufactured": "output", "sold": "sales", "exported": "exports",
                  "imported": "imports", "generated": "generation", "shipped": "shipments",
                  "delivered": "deliveries", "earned": "revenue", "consumed": "consumption",
                  "installed": "installations", "invested": "investment", "attracted":
                  "investment attracted", "handles": "throughput", "processes": "throughput",
                  "produces": "output", "sells": "sales", "generates": "generation"}
_MEASURE_VERB = vocab.lazy(r"\b(?:" + "|".join(_MEASURE_VERBS) + r")\b")
_WHICH = vocab.lazy(r"^\s*(?:which|who)\s+(?:[a-z]+ly\s+)?")
_PROPER_TAIL = vocab.lazy(r"(?:[A-Z][\w'’/-]*(?:\s+(?:of\s+)?[A-Z][\w'’/-]*){0,4})\s*,?\s*$")


_MARKING = vocab.lazy(r"^(?:marking|representing|registering|recording|posting|showing|"
                      r"reflecting)\s+(?:(?:a|an)\s+)?(?:(?:slight|modest|sharp|steady|"
                      r"significant|marginal|rapid|strong|robust)\s+)?\s*$", re.IGNORECASE)


def _measure_verb_clause(sentence: str, start: int, end: int, head: str, opened: int,
                         first_figure: int, starts: list[int]) -> Clause | None:
    """A clause whose verb's object is the figure and the verb says what it measures: the
    subject's throughput, output or sales ("Shenzhen, which processed 29.9 million TEUs")."""
    acted = max(_MEASURE_VERB.finditer(head, opened), key=lambda m: m.start(), default=None)
    if acted is None or head[acted.end():].strip(" ,") not in ("", "a total of", "an estimated",
                                                               "some", "about", "around"):
        return None
    said = head[opened:acted.start()]
    subject = "" if _WHICH.match(said) else subject_of(said)
    if _WHICH.match(said):  # the proper noun the relative clause hangs on
        owner = _PROPER_TAIL.search(sentence, 0, start)
        subject = owner.group().strip(" ,") if owner else ""
    figure_end = first_figure_end(sentence, start, end, starts)
    unit = re.findall(r"[A-Za-z]+", sentence[first_figure:figure_end])[-1:]
    measure = rules.UNIT_MEASURES.get(unit[0].lower().rstrip("s"), "") if unit else ""
    measure = measure or _MEASURE_VERBS[acted.group()]
    if not subject or not re.match(r"[A-Z]", subject):
        return None  # only a named port, firm or place is measured by its verb's object
    return Clause(start, end, f"{subject} {measure}", "level", start + acted.end(),
                  acted.group())


def _verb_clause(sentence: str, start: int, end: int, head: str, opened: int,
                 verbs: list[re.Match[str]], first_figure: int) -> Clause:
    """A clause with a verb: its subject is the noun phrase before the verb that governs the
    clause's first figure (the first verb in a clause with no figure)."""
    verb = verbs[-1]
    if first_figure == end:
        verb = verbs[0]  # a clause with no figure: its subject is before its first verb
    elif len(verbs) > 1 and not re.search(r"\b(?:that|which|who|as|before|while|when)\s",
                                          head[verbs[0].end():verb.start()]):
        verb = verbs[0]  # "capacity reached a new high after surpassing 1.3 billion": reached
    found = verb.groupdict()
    word = (found.get("verb") or found.get("bare") or verb.group(0)).lower()
    said = _TRAILING_ASPECT.sub("", head[opened:verb.start()])
    subject = subject_of(said)
    if said.strip().lower() in _PRONOUNS:
        subject = "<it>"  # "it accumulated a total of 17.68 million TEUs": named before
    if said.strip() and not subject and clean(said).lower() in rules.ISSUER_SUBJECTS:
        # "The city posted gross domestic product of …": the release's own place, no owner
        return Clause(start, end, "", "", start + verb.end(), word)
    if said.strip() and not subject:
        return Clause(start, end, "", "", start)  # a subject no name can come from ("that of")
    acted_on = vocab.OBJECT_BY.match(head[verb.end():])
    direction = vocab.DIRECTION.get(word) or vocab.BARE_DIRECTION.get(word, "")
    if not said.strip() and acted_on and direction in ("up", "down"):
        # "…, dropping energy use by 8.71 percent": the rate measures the verb's object
        return Clause(start, end, subject_of(acted_on.group("np")), direction, first_figure, word)
    return Clause(start, end, subject, direction, start + verb.end(), word)


def first_figure_end(sentence: str, start: int, end: int, starts: list[int]) -> int:
    """Where the clause's first figure's number and unit end (the clause's end when none)."""
    first = min((a for a in starts if start <= a < end), default=end)
    unit = re.match(r"[0-9.,]+\s*(?:(?:billion|million|trillion|thousand)\s+)?"
                    r"(?:[a-zA-Z%]+(?:\s+(?:yuan|dollars|tons|tonnes))?)?", sentence[first:end])
    return first + (unit.end() if unit else 0)


# nothing after a listed figure but "respectively" ("…, 7.19 percent and 7.05 percent, …")
_FIGURE_ONLY = vocab.lazy(r"[\s,]*(?:respectively)?[\s,.]*")


# "… of new tracks went into operation": the thing a leading figure counts or measures
_COUNTED_SUBJECT = vocab.lazy(r"\s+of\s+(?P<np>[A-Za-z][\w\s'’-]{1,60}?)\s+(?:went|were|was|"
                              r"have been|has been|had been|are|is|entered|came|will|would|"
                              r"shall|should|is to|are to|to be)\b")


_PRONOUNS = ("it", "they", "this", "these", "the figure", "the number", "the total", "that's",
             "that’s", "it's", "it’s", "that")


def _elliptic(head: str) -> bool:
    """ "secondary industry by " before a figure: a subject and "by", the verb left out."""
    return bool(re.search(r"\S\s+by\s*$", head)) and not vocab.ADVERBIAL.match(head.strip())


# A time phrase closing a subject ("imports and exports in the first quarter of this year"):
# the period is the fact's field, not part of its name
_TRAILING_TIME = vocab.lazy(
    r"\s+(?:in|during|for|over|of)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|past|"
    r"previous|same|whole|full|[a-z]+-month|[0-9]+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven)\b[\w\s-]*|period|(?:this|last) year|(?:19|20)[0-9]{2}|(?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?:19|20)[0-9]{2})?)$",
    re.IGNORECASE)


# "tax revenue is seen rising 20 percent", "output is expected to grow": the forecast's verb
_TRAILING_AUX = vocab.lazy(r"\s+(?:is|are|was|were|will be|has been|have been)\s+(?:seen|"
                           r"expected|projected|forecast|predicted|estimated|set|likely|"
                           r"anticipated|poised)(?:\s+to)?$")


_TRAILING_WORD = vocab.lazy(r"\s+(?:now|currently|still|already|alone|estimated|calculated|"
                            r"recorded|reported|registered|measured|compiled)$")


def subject_of(text: str) -> str:
    """The noun phrase `text` as a metric name, or '' when it is none (a pronoun, an
    attribution, a phrase holding a figure, a phrase too long to be a name)."""
    # "BEIJING — China's goods trade …", "BEIJING, Aug. 8 (Xinhua) -- …": no part of a name
    text = re.sub(r"\s+by\s*$", "", DATE_STAMP.sub("", DATELINE.sub("", text.strip())))
    that = list(re.finditer(r"\bthat\s+(?:(?:shows?|showed|indicates?|indicated|reveals?|"
                            r"revealed)\s+)?", text))
    if that and (vocab.ATTRIBUTION.search(text[:that[-1].start()]) or re.search(
            r"\b(?:data|figures|statistics|report|survey)\s*$", text[:that[-1].start()])):
        text = text[that[-1].end():]  # "the bureau said that exports …", "data that shows …"
    while vocab.ADVERBIAL.match(text) and "," in text:
        text = text.split(",", 1)[1].strip()
    text = _TRAILING_TIME.sub("", _TRAILING_AUX.sub("", text))
    # "volumes now 9% below", "GDP … estimated for the third quarter was"
    text = _TRAILING_WORD.sub("", text)
    if re.search(r"\b(?:is|are|was|were|will|would|has|have|had)\b", text):
        return ""  # a clause, not a noun phrase
    if not text or vocab.ATTRIBUTION.search(text) or re.search(r"(?<![\w.])[0-9]", text):
        return ""
    name = clean(text)
    words = name.split()
    if not 1 <= len(words) <= 12 or name.lower() in NOT_SUBJECTS \
            or name.lower() in rules.ISSUER_SUBJECTS or (
                words[0].lower() in NOT_SUBJECTS and words[0].lower() not in _RATE_ADJECTIVES):
        return ""
    return name


# "annual", "year-on-year" alone name nothing; "annual GDP growth rate" is a name
_RATE_ADJECTIVES = ("annual", "yearly", "year-on-year", "month-on-month", "quarter-on-quarter")
