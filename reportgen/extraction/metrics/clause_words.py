"""The words a clause is read by: verbs of change and of level, the fillers between a verb and
its figure, connectors and adverbials that open a clause, attributions ("said that"). Each
pattern is compiled on first use (`lazy`).
"""

from __future__ import annotations

import re
from typing import Any

from reportgen.extraction import rules


class lazy:  # noqa: N801 - reads as the re.compile it stands for
    """A pattern compiled on first use: most releases reach only a few of this module's
    patterns, and compiling them all costs the start-up of every extraction ~10 ms."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        found = getattr(self._compiled, name)
        setattr(self, name, found)  # later look-ups find it without coming here
        return found


UP = ("rose", "rising", "risen", "rises", "grew", "growing", "grown", "grows", "increased",
       "increasing", "increases", "up", "climbed", "climbing", "jumped", "jumping", "surged",
       "surging", "expanded", "expanding", "expands", "edged up", "went up", "picked up",
       "gained", "gaining", "soared", "soaring", "advanced", "advancing",
       # a headline's present tense, a plan's infinitive ("is predicted to increase by 10%"):
       # never the bare form of a word that is as often a noun ("a continuous increase"), but
       # "grow", which never is
       "climbs", "jumps", "surges", "gains", "soars", "to increase", "to grow", "to rise",
       "to climb", "to expand", "to jump", "to surge", "to double", "grow", "picking up",
       "picks up", "accelerating", "accelerated", "quickened", "quickening")
DOWN = ("fell", "falling", "fallen", "falls", "declined", "declining", "declines", "dropped",
         "dropping", "drops", "decreased", "decreasing", "decreases", "down", "contracted",
         "contracting", "shrank", "shrinking", "slid", "sliding", "slumped", "slumping",
         "dipped", "dipping", "edged down", "went down", "plunged", "plunging", "eased",
         "easing", "reduced", "lowered", "dips", "slides", "slumps", "shrinks", "to fall",
         "to decline", "to drop", "to decrease", "to shrink", "to be cut", "to cut", "slowed",
         "slowing", "moderated", "moderating")
LEVEL = ("reached", "reaching", "reaches", "totaled", "totalled", "totaling", "totalling",
          "totals", "stood at", "standing at", "stands at", "hit", "hitting", "amounted to",
          "amounting to", "amounts to", "registered", "registering", "recorded", "recording",
          "came in at", "coming in at", "came to", "topped", "topping", "exceeded",
          "exceeding", "surpassed", "surpassing", "posted", "posting", "was", "were", "is",
          "are", "has reached", "have reached", "had reached", "achieving", "achieved",
          "achieves", "logging", "logged", "floating", "floated", "hovering", "hovered",
          "hits", "exceeds", "surpasses", "tops", "to reach", "to hit", "to exceed",
          "to surpass", "to top", "to total", "to stand at", "set at", "fixed at", "put at",
          "estimated at", "pegged at", "experiencing", "experienced", "seeing", "witnessing",
          "witnessed", "accumulated", "accumulating", "remaining", "remained", "remains",
          "staying", "stayed", "stays", "holding", "held", "holds")
# "The installed capacity includes 420 million kilowatts of hydropower, 404 million …": parts
PARTS = ("includes", "included", "including", "comprises", "comprised", "consists of",
          "consisted of", "is made up of", "was made up of")
DIRECTION = {**{v: "up" for v in UP}, **{v: "down" for v in DOWN},
              **{v: "level" for v in LEVEL}, **{v: "parts" for v in PARTS}}
# Tried only where a word starts with a letter some verb starts with: the alternation of all
# the verbs is tried at few places (three times faster on a long sentence)
# After a modal the bare form is a verb, never the noun it can also be ("should drop by 2.5%")
BARE_DIRECTION = {"increase": "up", "rise": "up", "grow": "up", "expand": "up", "double": "up",
                  "drop": "down", "fall": "down", "decline": "down", "decrease": "down",
                  "reach": "level", "exceed": "level", "hit": "level", "top": "level",
                  "total": "level", "surpass": "level", "stay": "level", "remain": "level"}
_FIRST_LETTERS = "".join(sorted({w[0] for w in DIRECTION} | set("hwi")))
VERB = lazy(r"(?<![a-z-])(?=[" + _FIRST_LETTERS + r"])"
            # "will grow", "will reach": a plan's future is a verb like the past
            r"(?:(?:has|have|had|was|were|is|are|will|would|shall)\s+(?:been\s+|be\s+)?)?"
            r"(?P<verb>"
            + "|".join(sorted(map(re.escape, DIRECTION), key=len, reverse=True))
            + r")\b", re.IGNORECASE)  # a headline in title case: "GDP Up 5.5 Pct"
# "should drop", "must reach": tried only in a clause with no other verb
MODAL_VERB = lazy(r"\b(?:should|must|could|may|might|can|will|would|shall)\s+(?:further\s+)?"
                  r"(?P<bare>" + "|".join(BARE_DIRECTION) + r")\b", re.IGNORECASE)

# Fillers a figure's role does not depend on: "by", qualifiers, "a year-on-year", a period
QUALIFIER = "|".join(sorted((re.escape(p) for p, _ in rules.QUALIFIER_PHRASES), key=len,
                             reverse=True))
ON_YEAR = (r"(?:year[- ]on[- ]year|y-o-y|yoy|from a year (?:earlier|ago)|over the same period"
            r"(?: of)?(?: the)? (?:last|previous) year|from the same period (?:of )?last year|"
            r"compared with the same period (?:of )?last year|on a comparable (?:price )?basis)")
PERIOD = r"(?:(?:in|during|for|over)\s+(?:the\s+)?[\w\s-]{1,40}?)"
LEAD = lazy(r"^\s*(?:(?:now|still|already|currently)\s+)?(?:by\s+|of\s+)?(?:(?:a|an)\s+)?"
              r"(?:(?:modest|slight|strong|robust|steady|"
              r"rapid|sharp|significant|solid|marginal|notable|remarkable|healthy|total|"
              r"combined|cumulative)\s+)?(?:(?:of)\s+)?"
              # "reached a new high after surpassing 1.3 billion", "hit a record high of"
              r"(?:(?:new|record|all-time|historic)\s+high\s+(?:of\s+|after\s+[a-z]+ing\s+)?)?"
              r"(?:" + QUALIFIER + r")?\s*$", re.IGNORECASE)
TO_LEVEL = lazy(r"^(?:,?\s*" + ON_YEAR + r")?(?:,?\s*" + PERIOD + r")?,?\s+(?:[a-z]+ly\s+)?"
                       r"(?:to|at|to reach|to hit|to stand at|reaching|hitting|totaling|"
                       r"totalling|standing at)\s+(?:(?:a|an)\s+)?"
                       r"(?:(?:total|record|new high|high) of\s+)?"
                       r"(?:" + QUALIFIER + r")?\s*$", re.IGNORECASE)
THEN_CHANGE = lazy(r"^(?:\s*\([^()]*\))?(?:,?\s*" + PERIOD + r")?,\s*(?:(?:a|an)\s+)?"
                          r"(?:(?:year[- ]on[- ]year|y-o-y)\s+)?(?P<dir>up|down|increase of|"
                          r"increasing|rising|growing|growth of|rise of|decrease of|decline of|"
                          r"drop of|decreasing|declining|falling)\s+(?:by\s+)?"
                          r"(?:" + QUALIFIER + r")?\s*$", re.IGNORECASE)
CHANGE_PHRASE = lazy(r"^(?:(?:marking|representing|registering|recording|posting|"
                            r"showing|seeing|an?|the|slight|modest|sharp|steady|significant|"
                            r"marginal|rapid|strong|robust|nominal|real|actual|average)\s+)*"
                            r"(?:(?:year[- ]on[- ]year|y-o-y|"
                            r"annual|yearly)\s+)?(?P<dir>increase of|growth of|rise of|"
                            r"decrease of|decline of|drop of|fall of)\s*(?:by\s+)?"
                            r"(?:" + QUALIFIER + r")?\s*$", re.IGNORECASE)
SHARE_OPENING = lazy(r"^(?:accounting for|accounted for|accounts for|constituting|"
                       r"making up|representing|taking up)\s+(?:" + QUALIFIER + r")?\s*$",
                       re.IGNORECASE)
# "a 6.8 percent year-on-year increase": the noun after a rate says which way it went
CHANGE_AFTER = lazy(r"\s*(?:year[- ]on[- ]year\s+|y-o-y\s+|annual\s+)?(increase|growth|rise|"
                      r"gain|decrease|decline|drop|fall|contraction|slump)\b", re.IGNORECASE)
FALLS = ("decrease", "decline", "drop", "fall", "contraction", "slump")
# "cutting energy use by 8.71 percent": a verb acting on what the rate measures
OBJECT_BY = lazy(r"^\s+(?P<np>[a-z][\w\s'’-]{1,40}?)\s+by\s+(?:" + QUALIFIER + r")?\s*$",
                   re.IGNORECASE)
DOWN_WORDS = ("down", "decrease of", "decline of", "drop of", "fall of", "decreasing",
               "declining", "falling")
# Words that open a clause without being its subject
CONNECTOR = lazy(r"^(?:and|while|but|whereas|with|of which|of this|of these|"
                        r"among them|among which|in particular|meanwhile|in addition|"
                        r"moreover|besides|also|respectively|specifically|in breakdown|"
                        r"additionally|furthermore|however|notably|overall|in total|"
                        r"in general|similarly|likewise|by contrast|in contrast|"
                        r"at the same time|for example|for instance|in detail|then|first|"
                        r"second|third|fourth|firstly|secondly|thirdly|finally|lastly)"
                        r"\b[\s,:]*", re.IGNORECASE)
# A piece that is an adverbial phrase, not a subject ("In breakdown", "during the nine months",
# "Affected by the epidemic", "according to the bureau")
ADVERBIAL = lazy(r"^(?:in|during|from|for|over|at|by|since|as of|as at|as|until|through|"
                        r"throughout|between|compared with|according to|judging from|on|"
                        r"after|before|amid|despite|thanks to|due to|[a-z]+ed (?:by|on|at)|"
                        r"last|this|"
                        r"so far|especially|particularly|mainly|including|excluding|except|"
                        r"such as|like|among|currently|more specifically|regarding|as for|"
                        r"as to|in terms of|with regard to|[a-z]+ly$|"
                        # "Looking at the industrial economy in the first quarter, …"
                        r"[a-z]+ing\s+(?:at|from|to|on|by|in|into|over)\b)\b", re.IGNORECASE)
NEW_SUBJECT = lazy(r"^(?:with|while|whereas|but|of which|among which|among them)\b",
                          re.IGNORECASE)
# A finite verb closing a clause with no figure ("Major indicators showed improvements")
FINITE = lazy(r"\b(?:showed|saw|witnessed|maintained|kept|remained|continued|"
                     r"achieved|made|posted|experienced|enjoyed|delivered|performed|rebounded|"
                     r"recovered|accelerated|slowed|improved|stabilized|stabilised|"
                     r"strengthened|weakened)\b")
ATTRIBUTION = lazy(r"\b(?:said|says|saying|told|announced|announcing|reported|reporting|"
                     r"stated|stating|noted|noting|indicated|indicating|highlighted|"
                     r"mentioned|pointed out|stressed|emphasi[sz]ed|explained|noticed|"
                     r"observed|"
                     r"show|showed|shows|showing|revealed|"
                          r"learned|learnt|noted|stated|according)\b", re.IGNORECASE)
# The measure named after a figure ("… 3 percent in energy consumption per unit of GDP", "a total
# of 2.58 trillion yuan (312 billion dollars) in fixed asset investment"): a conversion in
# brackets may stand between
IN_MEASURE = lazy(r"\s*(?:\([^()]{1,60}\))?\s+in\s+(?P<np>[a-z][\w\s&'’-]{1,60}?)\s*"
                  r"(?=[,;.()]|$|\s+(?:and|from|compared|than|over|year|up|down|rising|falling|"
                  r"an?)\b)", re.IGNORECASE)
