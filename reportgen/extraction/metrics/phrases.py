"""Noun phrases around a figure: the clause's subject, an "of" phrase, a steered object, the
whole a share is of; and the clean-up every metric name gets (qualifiers, issuer possessives,
capitals that only opened a sentence)."""

from __future__ import annotations

import re

from reportgen.extraction import rules
from reportgen.extraction.numbers import Mention
from reportgen.model import Span
from reportgen.text import without_markdown

LINK_RE = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in sorted(rules.LINK_VERBS, key=len,
                                                                          reverse=True)) + r")\b")


MAIN_VERBS = frozenset({v.split()[0] for v in rules.LINK_VERBS} | set(rules.CHANGE_NOUNS))


LINK_WORDS = frozenset(w for v in rules.LINK_VERBS for w in v.split()
                        if w not in {"to", "at", "for", "up", "in", "of", "down", "be"})


_CLAUSE_BREAK = re.compile(r"[;:]\s*|,\s*(?=(?:and|while|but|with|of which|which|where|whereas|"
                           r"including|or|the|its|their|a|an|[a-z]+ing)\b)")


_ISSUER_POSSESSIVE = re.compile(
    r"\b(?:(?:the|this)\s+(?:" + "|".join(rules.ISSUER_NOUNS) + r")|its|their)[’']s?\s+",
    re.IGNORECASE)


# "(1) ", "a) ", "- ", "• ", "— "
LIST_MARK = re.compile(r"^(?:\(?[0-9a-z]{1,2}[.)）]|[-*•—–·])\s*")


NOT_SUBJECTS = frozenset({"a", "an", "the", "this", "that", "these", "those", "which", "it", "who",
                           "they", "we", "there", "here", "and", "or", "but", "year-on-year",
                           "month-on-month", "quarter-on-quarter", "annual", "yearly"})


# Words that open a metric in lower case when a sentence capitalised them ("Per capita income").
COMMON_HEADS = frozenset([
    "per", "online", "urban", "rural", "annual", "monthly", "new", "private", "local", "general",
    "actual", "number", "total", "share", "exports", "imports", "output", "revenue", "sales",
    "investment",
    "industrial", "industry", "scale", "value", "growth", "retail", "consumption", "production",
    "income", "profits", "profit", "average", "energy", "carbon", "foreign", "import", "export",
    "added", "gross", "the", "manufacturing", "agricultural", "service", "services", "consumer",
    "household", "fixed", "trade", "tourism", "grain", "electricity", "power", "fiscal", "tax",
    "private", "public", "real", "nominal", "freight", "passenger", "cargo", "container"
])


# A speaker label or quote mark before a sentence: "Q: ", "Wu Jincheng: ", "“".
# A dateline before a news sentence: "SHANGHAI, May 20, 2024 -- ", "Beijing, Jan. 3 (Xinhua) — ".
_DATELINE = (r"(?:[A-Z][A-Za-z.'’ -]{1,40},\s+[A-Z][a-z]{2,9}\.?\s+[0-9]{1,2}(?:,\s+[0-9]{4})?"
             r"\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)\s*)?")


SPEAKER = re.compile(r"^" + _DATELINE
                     + r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s*[:：]\s*)?[“\"‘']?")


OPENER = re.compile(r"^" + _DATELINE
                     + r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s*[:：]\s*)?[“\"‘']?"
                     r"(?:\(?[0-9a-z]{1,2}[.)]\s*|[-*•]\s*)?"
                     r"(?:(?:" + "|".join(sorted((o.capitalize() for o in rules.POINT_ORDINALS),
                                                 key=len, reverse=True)) + r")[,，:]\s*)?"
                     r"(?:(?:Of the total|Of which|"
                     r"Among them|Among these|In particular|In addition|Meanwhile|Moreover|"
                     r"Furthermore|Besides|Additionally|Also|Likewise|Similarly)"
                     r"[,:]\s*)?")


_PAST_VERB = re.compile(r"(?<=\w)\s+(?=(?:[a-z]+ed|made|won|sold|built|grew|rose|fell|saw|hit|"
                        + "|".join(w for w in rules.CHANGE_NOUNS if " " not in w)
                        + r")\s+(?:[0-9$¥€£]|RMB|US\$|the\b|a\b|an\b|its\b|their\b|and\b|"
                          r"more\b|over\b|about\b|nearly\b|some\b|to\b|by\b|in\b|from\b|up\b|"
                          r"down\b|a total\b|[a-z]+ed\b|revenue\b|output\b|value\b|sales\b|"
                          r"profits?\b|income\b|investment\b|exports\b|imports\b|GDP\b))")


CARRY_BREAK = re.compile(r"[;:]|,\s*(?:and|while|but|with|whereas|of which|which|the|its|their)\b")


# An opening time phrase before the subject: "In 2021, ", "At the end of 2023, ".
LEADING_PHRASE = re.compile(r"^(?:(?:In|By|During|Over|Since|As of|From|At|Until|Through|"
                            r"Throughout|For)\s[^,]{1,60},\s*"
                            # "According to statistics from the customs, trade …"
                            r"|According to\s[^,]{1,90},\s*"
                            # "Beijing Customs said Thursday that …", "Reporters learned from
                            # the bureau that …": what follows "that" is the clause
                            r"|[^,;]{1,90}?\b(?:said|says|announced|reported|showed|shows|revealed|"
                            r"learned|learnt|noted|added)\b[^,;]{0,60}?\bthat\s+)")


def noun_phrase_before(text: str) -> str:
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
    return clean(" ".join(words)) if 0 < len(words) <= 7 else ""


# Words after "N yuan in" that name no fund ("10 billion yuan in total", "… in the first half")
_NOT_A_FUND = frozenset({"total", "all", "each", "which", "that", "this", "these", "those",
                         "its", "their", "terms", "addition", "line", "particular", "general",
                         "turn", "cash", "a", "an", "the", "both", "recent", "value", "size"})


def bare_clause(before: str) -> str:
    """A short clause with no verb before the figure ("PM2.5 density below") as the metric."""
    clause = LIST_MARK.sub("", clause_of(strip_qualifier(before)).strip())
    clause = re.sub(r"\s+(?:of|at|to|equal to|below|above|under|over|around|about)\s*$", "",
                    clause)
    words = clause.split()
    if re.search(r"(?<![\w.])[0-9]", clause):
        return ""  # a clause holding another figure is no noun phrase ("PM2.5" is a name)
    return clean(clause) if 0 < len(words) <= 6 else ""


def of_after(after: str) -> str:
    """The "of the Three-year Action Plan" phrase right after a counted noun, without articles."""
    if re.match(r"\s+of\s+(?:more than|over|at least|above|about|nearly|around)\b", after):
        return ""  # "two enterprises of more than 50 billion yuan": a size, not a name
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
    return clean(" ".join(words)) if len(words) > 1 else ""


def purpose_after(after: str) -> str:
    """ "to bolster the real economy" right after a counted noun."""
    match = re.match(r"\s+(to\s+(?!be\b|have\b)[a-z]+(?:\s+(?!and\b|while\b)[\w&'’-]+){1,4})"
                     r"(?=[\s,.;:)]|$)", after)
    if not match or match.group(1).split()[1] in rules.MULTIPLE_WORDS \
            or match.group(1).split()[1] in rules.CHANGE_NOUNS:
        return ""
    return clean(match.group(1))


def with_size_after(after: str) -> str:
    """ "with annual revenue exceeding 10 billion yuan" right after a counted noun: which ones
    are counted."""
    match = re.match(r"\s+((?:with\s+(?:an?\s+)?(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\s+|(?=of\s))"
                     r"(?:exceeding|of|over|above|topping|surpassing|of over|of more than)\s+"
                     r"[^,;()]{1,30}?)"
                     r"(?=\s*(?:[,;()]|\.(?:\s|$)|$|\s+(?:and|by|in|to)\b))", after)
    return clean(match.group(1)) if match else ""


def size_before(before: str) -> str:
    """The measure of a threshold after "with": "… enterprises with annual revenue exceeding "
    → "annual revenue"."""
    match = re.search(r"\bwith\s+(?:an?\s+)?(?P<np>(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)\s+"
                      r"(?:exceeding|over|above|topping|surpassing|of)\s+(?:more than\s+|over\s+|"
                      r"at least\s+|about\s+)?(?:RMB\s*|US\$|\$|¥)?$", before)
    return clean(match.group("np")) if match else ""


def size_per_thing(before: str) -> str:
    """The size of each of the things counted just before ("two enterprises of more than 50
    billion yuan", "one enterprise with a scale of more than 100 billion yuan"): "scale per
    enterprise"; '' when the figure is no such size."""
    thing = re.search(r"\b(?:[0-9][0-9,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                      r"(?:(?!with\b)[a-z-]+\s+){0,2}?(?P<noun>(?!with\b|size\b|scale\b)[a-z]+)\s+"
                      r"(?:with\s+(?:a|an)\s+(?P<m>scale|size|value|output value|revenue)\s+)?of\s+"
                      r"(?:more than|over|at least|above|about|nearly|around)\s+"
                      r"(?:RMB\s*|US\$|\$|¥)?$", before, re.IGNORECASE)
    if not thing:
        return ""
    return f"{thing.group('m') or 'scale'} per {singular(thing.group('noun').lower())}"


def verb_before(before: str) -> str:
    """A past participle right before a count ("has signed a total of 690" → "signed"), or a
    participle opening the count's clause (", benefiting 44.34 million households" →
    "benefiting")."""
    match = re.search(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?([a-z]+ed)\s+(?:a total of\s+)?"
                      r"(?:more than\s+|over\s+|about\s+|nearly\s+)?$", before)
    if match and match.group(1) not in MAIN_VERBS:
        return match.group(1)
    acting = _PARTICIPLE_BEFORE.search(before)
    return _DONE_TO.get(acting.group(1), "") if acting else ""


# ", benefiting 44.34 million households", ", employing 3,000 people": what the count did
_PARTICIPLE_BEFORE = re.compile(r"[,;]\s+([a-z]+ing)\s+(?:[^,;]{1,60}?\s+and\s+)?"
                                r"(?:a total of\s+|more than\s+|over\s+|about\s+|around\s+|"
                                r"nearly\s+|some\s+)?$")
# What the counted things were or did: "benefiting N households" (they benefited), "linking N
# facilities" (they are linked); other participles say nothing of the count
_DONE_TO = {"benefiting": "benefiting", "benefitting": "benefiting", "linking": "linked",
            "connecting": "connected", "covering": "covered", "serving": "served",
            "employing": "employed", "attracting": "attracted", "creating": "created",
            "involving": "involved", "training": "trained", "hiring": "hired"}


def whole_before(before: str) -> str:
    """The measure a count belongs to: "the total scale of three industries" → "in total scale"."""
    match = re.search(r"\b(?:the|a|an|its|their)\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+of\s+"
                      r"(?:the\s+)?$", before)
    if not match or match.group(1).split()[-1] in {"total", "number", "batch", "group", "network",
                                                    "series", "lot", "couple", "range", "set"}:
        return ""
    return f"in {clean(match.group(1))}"


def container_before(sentence: str, a: int) -> str:
    """What holds the counted things: "its policy package includes 30 measures" → "in policy
    package"."""
    match = re.search(r"\b(?:includes|included|contains|contained|comprises|comprised|covers|"
                      r"covered)\s+(?:a total of\s+)?$", sentence[:a])
    if not match:
        return ""
    holder = find_subject(sentence, match.start()) or clean(clause_of(sentence[:match.start()]))
    if not holder or holder.lower() in rules.ISSUER_SUBJECTS or len(holder.split()) > 6:
        return ""
    return f"in {holder}"


def participle_after(after: str) -> str:
    """A participle phrase describing counted things ("listed on the Data Exchange")."""
    match = re.match(r"\s+(?:(?:that|which|who)\s+(?:have|has|had)\s+been\s+|have been\s+|"
                     r"were\s+|are\s+)?([a-z]+ed|sold|built|made|won|held|grown|set up|taken|"
                     r"given|brought|opened|(?<=are )[a-z]+ing|(?<=were )[a-z]+ing"
                     # "44.34 million households benefiting from …", "626 deputies attending"
                     r"|(?!(?:including|excluding|accounting|totaling|totalling|reaching|"
                     r"rising|growing|increasing|falling|declining|dropping|making|bringing|"
                     r"ranking|marking|representing|registering|recording|hitting|exceeding|"
                     r"surpassing|topping|amounting|standing|covering|involving|during|"
                     r"according|following|regarding|concerning)\b)[a-z]{3,}ing)\b"
                     r"((?:\s+(?!and\b|while\b|with\b|last\b|this\b|next\b|were\b|was\b|are\b|"
                     r"is\b|have\b|has\b|had\b|will\b)"
                     r"[\w&.-]+){0,5})",
                     after)
    if not match or match.group(1) in MAIN_VERBS:
        return ""
    return clean(f"{match.group(1)}{match.group(2)}")


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
    match = (_TO_VERB_RE.search(strip_qualifier(before).rstrip() + " ")
             or _TO_VERB_RE.search(before.rstrip() + " "))  # "make its sales exceed"
    if not match:
        return ""
    head = _AUX_BEFORE_TO.sub("", before[:match.start()])  # "GDP is set to reach" → "GDP"
    words: list[str] = []
    for word in reversed(head.split()):
        if word.lower().strip(",") in _NP_BREAKERS or word.endswith(","):
            break
        words.insert(0, word)
    return clean(" ".join(words[-6:]))


def object_before(before: str) -> str:
    """What a steering verb acts on: "raise R&D intensity to 4.4%" → "R&D intensity"."""
    to_verb = _np_before_to(before)
    if to_verb:
        return to_verb
    match = _STEER_RE.search(strip_qualifier(before).rstrip() + " ")
    if not match:
        return ""
    phrase = clean(match.group("np"))
    first = phrase.split()[0].lower() if phrase.split() else ""
    if not first or first in rules.NOUN_STOP_WORDS or phrase.lower() in rules.ISSUER_SUBJECTS:
        return ""
    return phrase


def whole_after(after: str) -> str:
    """The whole a share is of: "of the country's total" → "national total"."""
    match = re.match(r"\s*of\s+(?:the\s+)?([^,;.]{2,80})", after)
    if not match:
        return ""
    whole = match.group(1)
    whole = re.split(r"\b(?:making|and has|while|which|said|say|says|expect|expects|are|were|is|"
                     r"was|have|has|will)\b", whole)[0]
    whole = re.sub(r"\b(?:country|nation|China)[’']s\b", "national", whole)
    return clean(whole)


def whole_with_noun(whole: str, mentions: list[tuple[Mention, Span]], index: int) -> str:
    """ "city's total" after "410 regional headquarters" → "city's total regional headquarters"."""
    noun = previous_count_noun(mentions, index)
    if whole.endswith("total") and noun:
        return f"{whole} {noun}"
    return whole


_OF_PHRASE_STOPS = frozenset({"a", "an", "the", "with", "posted", "recorded", "of", "saw",
                              "achieved", "registered", "reached", "its", "their", "has", "have",
                              "had", "was", "were", "is", "are", "in", "on", "for", "and", "by",
                              "at", "to", "from", "generated", "created", "made", "earned",
                              "earn", "earns", "generate", "generates", "reported", "realized",
                              "realised", "attracted", "received", "logged", "booked"})


def find_of_phrase(before: str) -> str:
    """The noun right before "of"/"at" ahead of a figure ("a size of", "total revenue of")."""
    text = LIST_MARK.sub("", strip_qualifier(before)).rstrip()
    link = re.search(r"\s+(?:of|at|worth|valued at)$", text)
    if not link:
        return ""
    words: list[str] = []
    tokens = text[:link.start()].split()
    for k in range(len(tokens) - 1, -1, -1):
        word = tokens[k]
        if word.lower() in _OF_PHRASE_STOPS or word.lower() in LINK_WORDS or word[-1] in ",;:(":
            break
        if k and tokens[k - 1].lower() == "to" and words:
            break  # "aims to keep GDP growth at": the infinitive's verb is not the noun
        words.insert(0, word)
        if len(words) == 4:
            break
    if not words or not re.match(r"[A-Za-z]", words[0]):
        return ""
    return clean(" ".join(words))


def new_verb_phrase(sentence: str, mentions: list[tuple[Mention, Span]], index: int) -> bool:
    """True when "and <verb>" stands between the figure and the count before it ("attract 300
    million visits and earn tourism revenue of …": the revenue is not the visits')."""
    counts = [span for m, span in mentions[:index] if m.kind == "count"]
    if not counts:
        return False
    gap = sentence[counts[-1][1]:mentions[index][1][0]]
    return re.search(r"\band\s+(?:to\s+)?[a-z]+(?:ed|s)?\s+(?!of\b)[a-z]", gap) is not None


def previous_count_noun(mentions: list[tuple[Mention, Span]], index: int) -> str:
    for m, _ in reversed(mentions[:index]):
        if m.kind == "count" and m.noun and m.noun.split()[0].lower() not in rules.RUN_WORDS:
            return lower_first(m.noun)
    return ""


def predicate_of(before: str) -> str:
    """The verb phrase of a clause, without its subject ("held the World … Conference")."""
    clause = clause_of(before)
    match = re.search(r"\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(.*)$", clause)
    text = match.group(1) if match else clause
    text = re.sub(r"\s+(?:for|in|over|during)\s*$", "", text.strip())
    return clean(text)


# "… N yuan and <subject> <verb> …": a figure, then "and" opens a clause with its own subject.
# "… 3 million units and <subject> <verb> …": the figure's counted noun, then "and".
_NOUN_AND = re.compile(r"(?<=[0-9])(?:\s+[a-z][\w-]*){1,2}\s+and\s+(?=[A-Za-z])")


_FIGURE_AND = re.compile(r"(?:(?<=[0-9%])|(?<=\byuan)|(?<=dollars)|(?<=percent)|(?<=\bcent)|"
                         r"(?<=\btons))\s+and\s+(?=[A-Za-z])")


def clause_of(before: str) -> str:
    """The clause a figure sits in: the text after the last comma or semicolon before it."""
    parts = _CLAUSE_BREAK.split(before)
    clause = parts[-1] if parts else before
    joins = list(_FIGURE_AND.finditer(clause)) or [
        m for m in _NOUN_AND.finditer(clause)
        if re.search(r"[0-9]", clause[max(0, m.start() - 24):m.start()])]  # "N units and …"
    if joins and LINK_RE.search(clause[joins[-1].end():]):
        clause = clause[joins[-1].end():]  # "exports were N yuan and imports were M yuan"
    return re.sub(r"^(?:and|while|but|with|of which|where|which|whereas)\s+", "", clause.strip(),
                  flags=re.IGNORECASE)


def find_subject(sentence: str, a: int, *, main: bool = False) -> str:
    """The subject of the clause holding the figure at `a` (of the sentence if `main`)."""
    text = sentence if main else clause_of(sentence[:a])
    if main:
        text = LEADING_PHRASE.sub("", text)
    text = OPENER.sub("", text)
    first = text.split(", ")[0] if main else text
    match = (LINK_RE.search(first) or _PAST_VERB.search(first)
             or LINK_RE.search(text) or _PAST_VERB.search(text))
    if not match:
        return ""
    subject = text[:match.start()]
    subject = LEADING_PHRASE.sub("", OPENER.sub("", subject.strip()))
    cleaned = clean(subject)
    if not cleaned or cleaned.lower() in rules.ISSUER_SUBJECTS or cleaned.lower() in NOT_SUBJECTS:
        return ""
    return cleaned


# A short label closed by a full stop before the phrase proper ("Lasers. Laser equipment sales")
_LEAD_IN = re.compile(r"^(?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,4})\.\s+(?=[A-Z])")


_SAID_THAT = re.compile(r"^(?:[\w'’ -]{0,40}?\b(?:show|shows|showed|said|says|revealed|reveals|"
                        r"indicated|indicates|noted|added)\s+that\s+|(?:they|he|she|officials?|"
                        r"experts?)\s+(?:said|say|says|added|noted)\s+)", re.IGNORECASE)


def clean(phrase: str) -> str:
    """A metric phrase without articles, the issuer's possessive and a trailing preposition."""
    text = without_markdown(phrase)  # "**Lasers.** Laser equipment sales", "# Title"
    text = _CLEAN_MARK.sub("", text.strip(" ,.;:“”\"'"))
    text = _LEAD_IN.sub("", text)  # "Lasers. Laser equipment sales": the topic said before
    text = _SAID_THAT.sub("", text)  # "Official data show that …", "They said …": who said it
    text = _CLEAN_DASH.split(text)[0]  # drop a dashed aside ("products - A, B and C")
    text = _ISSUER_POSSESSIVE.sub("", text)
    text = _CLEAN_POSSESSIVE.sub("", text)  # "Xi'an's exports"
    text = _CLEAN_ARTICLE.sub("", text)
    text = _CLEAN_TOTAL.sub("", text)
    text = _CLEAN_YEAR.sub("", text)  # the year is a field
    text = _CLEAN_TAIL.sub("", text)
    return lower_first(" ".join(text.split()))


# The patterns `clean` runs on every phrase, compiled once: it runs tens of thousands of times
# on a long release, and a pattern looked up by its text each time costs more than its match
_CLEAN_MARK = re.compile(r"^(?:\(?[0-9a-z]{1,2}[.)]|[-*•])\s+")
_CLEAN_DASH = re.compile(r"\s+[-–—]\s+")
_CLEAN_POSSESSIVE = re.compile(r"^(?:[A-Z][a-z]*(?:['’-][A-Za-z]+)?[’']s)\s+")
_CLEAN_ARTICLE = re.compile(r"(?<![\w'’])(?:the|a|an|its|their)\s+", re.IGNORECASE)
_CLEAN_TOTAL = re.compile(r"^(?:a total of|total of|and|also)\s+", re.IGNORECASE)
_CLEAN_YEAR = re.compile(r"\s+(?:in|for|during)\s+(?:19|20)[0-9]{2}$")
_CLEAN_TAIL = re.compile(r"(?:\s+(?:of|in|at|for|to|by|with|and|the|a|an|on|from|over|within|"
                         r"through|across|into|via|than|about|around))+\s*$")


_QUALIFIER_TAIL = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p, _ in rules.QUALIFIER_PHRASES) + r")\s*$", re.IGNORECASE)


# In text without trailing space a match of the tail ends at the text's end, so it starts at
# most this many characters before it: searching from there finds the same match without trying
# fifty phrases at every character of the clause (the search still sees the character before,
# for the word boundary).
_QUALIFIER_REACH = max(len(p) for p, _ in rules.QUALIFIER_PHRASES)


def strip_qualifier(before: str) -> str:
    """`before` without the qualifier words that end it ("more than", "about")."""
    text = before.rstrip()
    match = _QUALIFIER_TAIL.search(text, max(0, len(text) - _QUALIFIER_REACH))
    return (text[:match.start()] if match else text).rstrip() + " "


def lower_first(text: str) -> str:
    first = text.split()[0].lower() if text.split() else ""
    if first in COMMON_HEADS and text[0].isupper():
        return text[0].lower() + text[1:]
    return text


def has_words(phrase: str, other: str) -> bool:
    return bool(set(phrase.lower().split()) & set(other.lower().split()))


def with_topic(metric: str, topic: str | None) -> str:
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


def fallback(mention: Mention) -> str:
    return {"yuan": "amount", "usd": "amount", "percent": "share", "tons": "volume",
            "multiple": "multiple"}.get(mention.unit, "figure")


# "the total import and export value was …": what a reader calls imports and exports
_TRADE = re.compile(r"\bimport and export(?:\s+(?:value|volume)s?)?(?!\s+(?:enterprises?|"
                    r"companies|firms|business|trade|markets?|structure)\b)",
                    re.IGNORECASE)


_OWN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?(?:city|province|country|region|municipality|"
                        r"district)(?=$|,|\s+(?:growth|rise|share|target)\b)")


_PLACE_DESCRIPTOR = re.compile(r"^(?:(?:North|South|East|West|Central|Northeast|Northwest|"
                               r"Southeast|Southwest|NE|NW|SE|SW)\s+)?China['’]s\s+"
                               r"(?P<place>[A-Z][\w-]*)(?:\s+(?:Municipality|Province|"
                               r"Autonomous Region|City))?\s+(?=[a-z])")


def tidy(metric: str) -> str:
    """The metric trimmed to at most 12 words, single-spaced; a long one first loses the place
    it names ("value of Pudong New Area share of city's total" → "value share of city's total")."""
    metric = _OWN_PLACE.sub("", metric)  # "retail sales in the city": the release's own place
    # "Southwest China's Chongqing Municipality record-high foreign trade" → "Chongqing foreign
    # trade": the place by its name, no description, no "record-high"
    metric = _PLACE_DESCRIPTOR.sub(r"\g<place> ", metric)
    metric = re.sub(r"\b(?:record-high|record|all-time high)\s+(?=[a-z])", "", metric)
    metric = re.sub(r"\s+respectively\b", "", metric)
    words = _TRADE.sub("imports and exports", metric).split()
    if len(words) > 12:
        words = re.sub(r"\s+of\s+(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*(?=\s|$)", "", metric,
                       count=1).split()
    return " ".join(words[:12])


def singular(plural: str) -> str:
    """ "districts" → "district", "cities" → "city", "branches" → "branch"."""
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    if plural.endswith(("sses", "xes", "ches", "shes")) or (
            plural.endswith("uses") and not plural.endswith("ouses")):  # "buses", "campuses"
        return plural[:-2]
    return plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else plural


CHANGE_RE = re.compile(r"\b(?P<verb>" + "|".join(rules.CHANGE_NOUNS) + r")\s+(?:by\s+|of\s+)?$",
                        re.IGNORECASE)
