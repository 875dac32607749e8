"""Who issued a release, when, and what a reader would call it: the title (page furniture such
as breadcrumbs, menus, bylines and datelines left out), the date in the common forms of the
genre, the issuer, and the source address."""

from __future__ import annotations

import datetime as dt
import functools
import re

from reportgen.extraction import rules


def _is_nav_line(line: str) -> bool:
    """True for a line with no letter, digit or "_" outside the CJK block (U+4E00–U+9FFF): bars,
    punctuation, spaces and Chinese characters only, as in a site's navigation."""
    # What the pattern ^[|\s\W\u4e00-\u9fff]*$ matches, without compiling its class (a
    # millisecond for every run): re's \w is what str.isalnum() accepts, and "_".
    return all(not (c.isalnum() or c == "_") or "\u4e00" <= c <= "\u9fff" for c in line)


def find_title(text: str) -> str:
    """What a reader would call the release: the first line of the opening that reads as a
    headline (page furniture such as breadcrumbs, menus, bylines, contact lines, photo captions,
    datelines and organisation names left out), else its first line of prose past the furniture,
    else its first line with words; date stamps before and dates after it dropped."""
    lines = [_title_text(line) for line in text.splitlines()[:30]]
    lede = next((k for k, line in enumerate(lines) if _is_prose(line) and _is_paragraph(line)),
                len(lines))
    # a headline comes before the lede: a short line further down is a later paragraph's
    headline = next((line for line in lines[:lede] if _reads_as_headline(line)), None)
    if headline is None:  # a lede: its dateline and an opening adverbial are no part of a title
        headline = next((_lede_title(line) for k, line in enumerate(lines)
                         if _is_prose(line) and not _is_byline(line, lines[k + 1:k + 2])
                         and line.strip().upper() not in _PLACE_NAMES()), None)  # "Beijing"
    if headline is None and sum(1 for line in lines if line.startswith("|")) >= 3:
        headline = _first_row_label(text.splitlines()[:60])  # a table alone: its first row
    if not headline:
        headline = next((line for line in lines if line and not _is_nav_line(line)
                         and re.search(r"[A-Za-z]{2,}", line)), "")
    return _shortened(headline)


def _first_row_label(lines: list[str]) -> str:
    """A release that is a table alone is called by its first data row ("Total Retail Sales of
    Consumer Goods"); '' when it has none."""
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and re.search(r"[A-Za-z]{3,}", cells[0]) and any(
                re.fullmatch(r"[+\-−]?[0-9][0-9,]*(?:\.[0-9]+)?", c) for c in cells[1:]):
            return cells[0]
    return ""


@functools.cache
def _PLACE_NAMES() -> frozenset[str]:  # noqa: N802 - a constant built on first use
    """Known place names in capitals: a dateline's place alone on a line is no title."""
    return frozenset(p.upper() for p in rules.PLACES)


def _is_byline(line: str, following: list[str]) -> bool:
    """A short name line above a contact line ("Chen Siqi" then "chen@example.com")."""
    return len(line.split()) <= 4 and bool(following) and "@" in following[0]


def _lede_title(line: str) -> str:
    """A lede as a title: its main clause, without the dateline and an opening adverbial ("In
    the second position, Ningbo-Zhoushan Port recorded …" → "Ningbo-Zhoushan Port recorded …")."""
    text = DATELINE.sub("", line)
    first = re.match(r"(.{30,}?[a-z0-9%)][.!?])\s+(?=[A-Z])", text)
    if first and _EVENT.search(first.group(1)):
        # "… the Information Office held a press conference …. Data show that … GDP was …":
        # the event is the occasion, the next sentence the news
        rest = text[first.end():]
        text, first = rest, re.match(r"(.{30,}?[a-z0-9%)][.!?])(?:\s+(?=[A-Z])|$)", rest)
        told = _TOLD_THAT.match(text)
        if told:
            text = text[told.end():]
            text = text[:1].upper() + text[1:]
            first = re.match(r"(.{30,}?[a-z0-9%)][.!?])(?:\s+(?=[A-Z])|$)", text)
    if first:
        text = first.group(1).rstrip(".")  # a title is the lede's first sentence
    opening = _OPENING_ADVERBIAL.match(text)
    if opening and len(text) - opening.end() > 30 and not re.search(
            r"\b(?:quarters?|half|months|year)\b", opening.group()):  # the period stays
        text = text[opening.end():]
        text = text[:1].upper() + text[1:]
    return text


# A lede sentence that tells of an occasion, not of figures ("… held a press conference", "the
# first meeting of the 14th Provincial People's Congress opened")
_EVENT = re.compile(r"\b(?:held|hosted|convened)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:press|news)\s+(?:conference|briefing)|\b(?:meeting|session|conference|"
                    r"congress)\s+(?:[\w’'-]+\s+){0,8}?(?:opened|was held|kicked off|began)\b")
# "Data show that …", "The report mentioned that …": who tells, before what
_TOLD_THAT = re.compile(r"^[^.]{0,120}?\b(?:show|shows|showed|mentioned|said|says|noted|"
                        r"revealed|indicated|stated)\s+that\s+")


# An opening adverbial phrase before a lede's main clause ("On April 20, ", "In the second
# position, ", "According to the bureau, ")
_OPENING_ADVERBIAL = re.compile(r"^(?:On|In|At|During|For|By|As of|After|Since|Over|According to)"
                                r"\s[^,;]{1,60},\s+(?=[A-Za-z])")


def _is_paragraph(line: str) -> bool:
    """A line of running text: longer than any headline, a full sentence, or several."""
    words = len(line.split())
    return words > 30 or (words > 12 and line.endswith((".", "!", "?"))) \
        or len(re.findall(r"[a-z][.!?]\s+[A-Z]", line)) >= 2


def _dated_only(line: str) -> bool:
    """A line with no words but a date and a time ("August 31, 2023 05:59 pm")."""
    undated = _CLOCK.sub(" ", line)  # "05:59 pm IST"
    for pattern, _ in _DATE_PATTERNS:
        undated = pattern.sub(" ", undated)
    return len(re.sub(r"[\W\d_]+", "", undated)) < 2  # "August 23, 2021" alone has none left


def _is_prose(line: str) -> bool:
    """A line of words that is no furniture, no date alone, no speaker's turn and no
    organisation's name alone."""
    return (not _dated_only(line) and not _FURNITURE.search(line) and not _SOCIAL.match(line)
            and not _is_nav_line(line) and not _ORG_LINE.fullmatch(line)
            and not _SPEAKER_TURN.match(line))


# A time of day with its zone, and a line of share buttons ("0 SHARES Share Tweet")
_CLOCK = re.compile(r"\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*(?:[ap]\.?m\.?)?(?:\s+(?:IST|GMT|UTC|"
                    r"CST|BJT|EST|CET)\b)?", re.IGNORECASE)
_SOCIAL = re.compile(r"^[\s0-9]*(?:(?:shares?|tweets?|likes?|comments?|views?|print|e-?mail|"
                     r"facebook|twitter|linkedin|whatsapp|wechat|weibo)\b[\s|·•]*)+$",
                     re.IGNORECASE)
# A speaker's turn in a transcript ("[Gao Feng]: Dear friends …", "Q: …")
_SPEAKER_TURN = re.compile(r"^\[?[A-Z][\w .'’-]{0,30}\]?\s*[:：]")
# A dateline before a lede ("BEIJING, Jan. 19 (Xinhua) -- ", "BEIJING — ")
DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’ -]{1,40},\s+[A-Z][a-z]{2,9}\.?\s+[0-9]{1,2}(?:,\s+[0-9]{4})?"
    r"|[A-Z]{3,}(?:\s+[A-Z]{3,})*)\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–)\s*")


def _title_text(line: str) -> str:
    """A line as a title: Markdown marks, a date stamp before it and a date after it dropped,
    and the brackets of "(Original title: …)" around it."""
    clean = DATE_STAMP.sub("", line.strip().lstrip("#").strip())
    clean = _TABLE_NUMBER.sub("", clean)  # "3-7 Top 10 World Container Ports: 2013"
    original = re.match(r"[(（]?\s*Original title\s*[:：]\s*(.+?)[)）]?$", clean, re.IGNORECASE)
    if original:
        clean = original.group(1)
    bracket = re.search(r"\s*[(（]([^()（）]{4,40})[)）]\s*$", clean)
    if bracket and dates_in(bracket.group(1)):
        clean = clean[:bracket.start()]  # "(Sept. 14, 2022)", "(2023-08-30)"
    trailing = _TRAILING_DATE.search(clean)
    if trailing and trailing.start() > 0:
        clean = clean[:trailing.start()]  # "… 7 pct in 2023   2023-01-08"
    return clean.strip()


_TABLE_NUMBER = re.compile(r"^(?:Table|Figure|Chart)?\s*[0-9]{1,2}-[0-9]{1,2}\s+(?=[A-Z])")
_TRAILING_DATE = re.compile(r"\s+(?:(?:19|20)[0-9]{2}[-./][01]?[0-9][-./][0-3]?[0-9]"
                            r"(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?|\|.*)\s*$")


# A date stamp a page puts before its first line ("date 2023-07-20 Shanghai's economy …")
DATE_STAMP = re.compile(r"^(?:date|updated|published|pub date|posted)[:\s]+[0-9]{2,4}-[0-9]{1,2}-"
                         r"[0-9]{1,2}(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s*",
                         re.IGNORECASE)
# Page furniture: breadcrumbs and menus ("Home > News", "Language: English | Chinese"),
# bylines, contact and share lines, photo captions, source and editor lines
_FURNITURE = re.compile(
    r"[>»›|/]\s*\S|\S\s*[>»›]|@|https?://|www\.|\[Photo|\bPhoto/|"
    r"^(?:By|Via|Source|Editor|Edited by|Reporter|Author|E-?mail|Tel|Phone|Fax|Updated|"
    r"Published|Posted|Share|Print|Language|Home|Menu|Open Menu|Close|Search|Login|Sign in|"
    r"Related|Read more|Click|Follow us|Copyright|All rights reserved)\b",
    re.IGNORECASE)
_DATELINE_START = re.compile(r"^[A-Z][A-Za-z.'’ -]{1,40},\s+[A-Z][a-z]{2,9}\.?\s+[0-9]{1,2}\b")
MAX_TITLE = 120
"""A title longer than this is a lede; it is cut at a clause (DESIGN: a title a reader uses)."""


def _reads_as_headline(line: str) -> bool:
    """Whether a line reads as a release's headline: five to thirty words of prose with a
    lower-case word or a figure, and no furniture, no dateline, no list mark, no organisation's
    name alone, no closing colon or full stop (a line ending in a full stop is a lede's)."""
    words = line.split()
    if re.match(r"[-*•·]\s", line) or _ORG_LINE.fullmatch(line) or _dated_only(line) \
            or _SOCIAL.match(line):
        return False  # no list item, no organisation's name, no date and time alone
    if not 5 <= len(words) <= 30 or _FURNITURE.search(line) or _DATELINE_START.match(line):
        return False
    if line.endswith((":", "：", ".")) or _is_nav_line(line) \
            or not re.search(r"[A-Za-z]{3,}", line):
        return False
    return bool(re.search(r"\b[a-z]{3,}\b|[0-9]", line))


def _shortened(title: str) -> str:
    """`title` cut to MAX_TITLE characters at a clause or word boundary (a lede used as title)."""
    if len(title) <= MAX_TITLE:
        return title
    head = title[:MAX_TITLE]
    cut = max(head.rfind(", "), head.rfind("; "), head.rfind(" – "), head.rfind(" — "))
    if cut < MAX_TITLE // 2:
        cut = head.rfind(" ")
    return head[:cut].rstrip(" ,;–—") if cut > 0 else head


_MONTH_RE = "|".join(sorted(rules.MONTHS, key=len, reverse=True))


_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b((?:19|20)[0-9]{2})[-./年]([01]?[0-9])[-./月]([0-3]?[0-9])日?(?![0-9])"),
     "ymd"),
    (re.compile(r"\b(" + _MONTH_RE + r")\.?\s+([0-3]?[0-9])(?:st|nd|rd|th)?(?:,\s*|\s+)"
                r"((?:19|20)[0-9]{2})\b",
                re.IGNORECASE), "mdy"),
    (re.compile(r"\b([0-3]?[0-9])(?:st|nd|rd|th)?\s+(" + _MONTH_RE + r")\.?,?\s+"
                r"((?:19|20)[0-9]{2})\b",
                re.IGNORECASE), "dmy"),
    # "Source:Haibao News 11-16-2023 17:05": month first, as US pages print it (a day over 12
    # first is read day first)
    (re.compile(r"(?<![0-9.-])([0-3]?[0-9])[-/]([0-3]?[0-9])[-/]((?:19|20)[0-9]{2})(?![0-9])"),
     "numeric"),
)


def find_date(text: str) -> str | None:
    """The document's date as YYYY-MM-DD: a publication stamp ("Pub Date:23-10-12",
    "Updated: Jul 18,2018"), else the first full date in its opening, else anywhere (photo
    captions left out: "[Photo/Xinhua]" dates the picture), else a dateline without a year
    completed by the year the opening reports on."""
    stamp = _SHORT_STAMP.search(text[:3000])
    if stamp:
        try:
            return dt.date(2000 + int(stamp.group(1)), int(stamp.group(2)),
                           int(stamp.group(3))).isoformat()
        except ValueError:
            pass
    for window in (text[:3000], text):
        found = sorted(dates_in(_without_captions(window)))
        if found:
            return found[0][1]
    return _dateline_date(text) or _event_date(text)


# "Pub Date:23-10-12 15:21": a publication stamp with a two-digit year
_SHORT_STAMP = re.compile(r"\b(?:Pub(?:lish(?:ed)?)?\.?\s*Date|Date)\s*[:：]\s*"
                          r"([0-9]{2})-([01]?[0-9])-([0-3]?[0-9])(?![0-9])", re.IGNORECASE)
_CAPTION = re.compile(r"(?m)^.*(?:\[Photo|\(Photo|Photo/|Photo:|/IC\]|\[Xinhua\]).*$")


def _without_captions(text: str) -> str:
    """`text` with photo-caption lines blanked out (same length: positions stay)."""
    return _CAPTION.sub(lambda m: " " * len(m.group()), text)


@functools.cache
def _yearless_dateline() -> re.Pattern[str]:
    """A dateline line with a month and day but no year ("BEIJING, Jan. 19 (Xinhua) -- ")."""
    return re.compile(
        r"^[ \t]*[A-Z][A-Za-z.'’ -]{1,40},\s+(?P<month>" + _MONTH_RE + r")\.?\s+"
        r"(?P<day>[0-3]?[0-9])\s*(?:\([^()\n]{1,30}\))?\s*(?:--|—|–|-)\s",
        re.IGNORECASE | re.MULTILINE)


@functools.cache
def _done_year() -> re.Pattern[str]:
    """A year the text reports on as a finished period ("in 2023", "for 2023", "2023 figures")."""
    # not the year a rate compares with ("over the same period of 2019")
    return re.compile(r"(?<!\bby )(?<!same period )(?<!compared with )(?<!compared to )"
                      r"\b(?:in|for|during|of)\s+((?:19|20)[0-9]{2})\b(?![-–])"
                      r"|\b((?:19|20)[0-9]{2})\s+(?:figures|data|results|statistics)\b",
                      re.IGNORECASE)


def yearless_dateline(text: str) -> tuple[int, int] | None:
    """The month and day of a dateline that has no year ("BEIJING, Jan. 19 (Xinhua) -- …")."""
    match = _yearless_dateline().search(text[:3000])
    if not match:
        return None
    return rules.MONTHS[match.group("month").lower()], int(match.group("day"))


def _dateline_date(text: str) -> str | None:
    """The date of a yearless dateline early in the year: the day after the year that the title
    or the dateline's paragraph reports on ("… record high in 2023" + "Jan. 19" → 2024-01-19).
    None when no such year is named or the month is after March (the year is then unsure)."""
    match = _yearless_dateline().search(text[:3000])
    if match is None:
        return None
    month, day = rules.MONTHS[match.group("month").lower()], int(match.group("day"))
    if month > 3:
        return None
    line_end = text.find("\n", match.start())
    opening = find_title(text) + "\n" + text[match.start():line_end if line_end >= 0 else None]
    years = [int(m.group(1) or m.group(2)) for m in _done_year().finditer(opening)]
    if not years:
        return None
    try:
        return dt.date(max(years) + 1, month, day).isoformat()
    except ValueError:
        return None


@functools.cache
def _yearless_event() -> re.Pattern[str]:
    """A month and day with no year, as a release says when it happened ("On March 28, …",
    "released … on July 19", "March 1st")."""
    return re.compile(r"\b(?P<month>" + _MONTH_RE + r")\.?\s+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
                      r"\b(?!,?\s*(?:19|20)[0-9]{2})(?!\s*[-–]\s*[0-9])", re.IGNORECASE)


# "an increase of 3.7 percent over the same period of 2019": a year a rate compares with
_COMPARED_YEAR = re.compile(r"(?:same period (?:of|in)|compared (?:with|to)|over|than|from|since|"
                            r"versus|against)\s+(?:the\s+)?(?:level\s+of\s+)?$", re.IGNORECASE)


def _event_date(text: str) -> str | None:
    """The date of the event a release reports (a press conference, a report released), when
    it names only a month and day: in the year after the full year it reports on when that
    year is done by then ("On March 28, … GDP in 2021 …" → 2022-03-28), in that year when it
    reports on part of a year ("… in the first half of 2020"). None when no year is named."""
    opening = find_title(text) + "\n" + text[:1500]
    match = _yearless_event().search(text[:1500])
    years = [int(m.group(1) or m.group(2)) for m in _done_year().finditer(opening)]
    if match is None or not years:
        return None
    month, day = rules.MONTHS[match.group("month").lower()], int(match.group("day"))
    start = max(text.rfind(". ", 0, match.start()), text.rfind("? ", 0, match.start()),
                text.rfind("! ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    before = text[start:match.start()]
    own = [m.group(1) for m in re.finditer(r"\b((?:19|20)[0-9]{2})\b", before)
           if not _COMPARED_YEAR.search(before[:m.start()])]
    if own:  # "the 2022 World EV and ES Battery Conference held on July 21"
        return _iso(int(own[-1]), month, day)
    period_end = _period_end(opening)
    if period_end is not None:  # a part-year report comes out after its period, that year
        year = max(years) if month > period_end else None
    else:  # a full year's figures come out early in the next year; later, the year is unsure
        year = max(years) + 1 if month <= 4 else None
    return _iso(year, month, day) if year is not None else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_PART_YEAR_ENDS = (("first half", 6), ("H1", 6), ("first quarter", 3), ("Q1", 3),
                   ("first three quarters", 9), ("Q3", 9), ("second quarter", 6), ("Q2", 6),
                   ("first two months", 2), ("first three months", 3), ("first four months", 4),
                   ("first five months", 5), ("first six months", 6), ("first seven months", 7),
                   ("first eight months", 8), ("first nine months", 9), ("first ten months", 10),
                   ("first 10 months", 10), ("first eleven months", 11), ("first 11 months", 11))


def _period_end(opening: str) -> int | None:
    """The last month of the part of a year the opening reports on ("first half" → 6)."""
    lowered = opening.lower()
    ends = [end for words, end in _PART_YEAR_ENDS
            if re.search(rf"\b{re.escape(words.lower())}\b", lowered)]
    return max(ends) if ends else None


def dates_in(text: str) -> list[tuple[int, str]]:
    """Every valid full date in `text` with its position."""
    dates = []
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            a, b, c = m.groups()
            try:
                if order == "ymd":
                    day = dt.date(int(a), int(b), int(c))
                elif order == "mdy":
                    day = dt.date(int(c), rules.MONTHS[a.lower()], int(b))
                elif order == "numeric":
                    first, second = int(a), int(b)
                    day = dt.date(int(c), *((second, first) if first > 12 else (first, second)))
                else:
                    day = dt.date(int(c), rules.MONTHS[b.lower()], int(a))
            except ValueError:
                continue
            dates.append((m.start(), day.isoformat()))
    return dates


_ORG_NOUN = (r"(?:Bureau|Customs|Commission|Office|Ministry|Administration|Department|"
             r"Government|Council|Committee|Association|Bank|Institute|Centre|Center|Agency|"
             r"Corporation|Corps|Group|Federation|Authority|Authorities|Academy|Chamber|Zone|"
             r"Conference)")
_ORG_WORD = r"(?:[A-Z][\w&’'.-]*|of|the|and|for|on|in|[A-Z]{2,})"
# An organisation: capitalised words ending in (or holding) an organisation noun, and the
# common lower-case names of the genre ("the city's statistics bureau", "Beijing customs")
_OF_TAIL = r"(?:\s+(?:of|and|for)(?:\s+(?:the\s+)?[A-Z][\w’'-]*)+)*"
_ORG = (r"(?P<org>(?:[A-Z][\w&’'.-]*\s+)(?:" + _ORG_WORD + r"\s+){0,8}?" + _ORG_NOUN
        + _OF_TAIL + r"(?:\s*\((?:[A-Z]{2,})\))?(?:\s+Co\.?,?\s+Ltd\.?)?"
        r"|(?:[A-Z][a-z]+\s+)?(?:statistics|statistical|commerce|customs)\s+(?:bureau|authority)"
        r"|(?:[A-Z][a-z]+\s+)customs"
        # "officials from Tibet government said": a place's government in lower case
        r"|[A-Z][a-z]+\s+(?:(?:municipal|provincial|regional|city|county|district)\s+)?"
        r"government"
        # "Guangzhou's Huangpu district released …": a place acting as a body
        r"|[A-Z][a-z]+\s+(?:district|county|municipality|province|city)(?=\s+(?:released|issued|"
        r"unveiled|announced|said|published))"
        # "The NEA said": an agency's acronym before a verb of telling
        r"|(?!(?:GDP|CPI|PPI|PMI|NEVs?|TEUs?|USD|RMB|CNY|GWh?|KWh?|MW|AI|IT|EU|UK|US|GVA)\b)"
        r"[A-Z]{2,6}(?=\s+(?:said|says|released|reported|announced|noted|added|published))|"
        + _ORG_NOUN + r"(?:\s+of(?:\s+[A-Z][\w’'-]*)+)"
        + _OF_TAIL + r")")
# Where a release names who issued its figures: a cue before the organisation ("according
# to", "data from", "released by", "learned from", "press conference of", "said"), or the
# organisation before a verb of telling, a colon ("MIIT: …") or alone on an opening line.
_CUE_BEFORE = (
    r"\baccording to\s+(?:(?:the\s+)?(?:data|figures|statistics|a report|the report)\s+"
    r"(?:released\s+|published\s+|issued\s+)?(?:by|from)\s+)?(?:the\s+)?(?:[a-z]+[’']s\s+)?"
    # "according to Zhu Yannan, deputy chief of the Beijing Municipal Bureau of Statistics"
    r"|\baccording to\s+[^.;]{0,60}?\bof\s+(?:the\s+)?"
    r"|\b(?:data|figures|statistics|report)\s+(?:released\s+|published\s+|issued\s+)?"
    r"(?:by|from)\s+(?:the\s+)?(?:[a-z]+[’']s\s+)?"
    # "figures released Wednesday by the National Bureau of Statistics"
    r"|\b(?:released|issued|published|held|hosted|announced|convened)\s+(?:[A-Za-z]+\s+){0,2}?"
    r"by\s+(?:the\s+)?"
    # "Yu Xiquan, director of the Shenzhen Municipal … Bureau, said": the official's office
    r"|\b(?:director|head|chief|spokesperson|spokesman|spokeswoman|chairman|chairwoman|"
    r"president|minister|mayor|governor|secretary|commissioner)(?:[- ]general)?\s+of\s+"
    r"(?:the\s+)?"
    r"|\b(?:learned|learnt|heard)\s+from\s+(?:the\s+)?"
    r"|\b[Pp]ress [Cc]onference (?:of|by|held by)\s+(?:the\s+)?"
    r"|\b(?:[Oo]fficials?|[Ss]pokes(?:person|man|woman))\s+(?:from|of|at)\s+(?:the\s+)?"
    r"|(?m:^)[ \t]*Source[ \t]*[:：][ \t]*(?:the\s+)?"
    # "information released during the 2022 World EV and ES Battery Conference"
    r"|\b(?:released|published|announced|unveiled|disclosed)\s+(?:during|at)\s+(?:the\s+)?"
    r"(?:(?:19|20)[0-9]{2}\s+)?"
    r"|\b(?:said|says|reported|announced)\s+(?:the\s+)?")
_CUE_AFTER = (r"\s+(?:has\s+|have\s+)?(?:held|hosted|released|issued|published|announced|said|"
              r"says|reported|"
              r"disclosed|revealed|showed|shows)\b|\s*[:：]|\s*$")


@functools.cache
def _issuer_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two issuer patterns (compiled on first use): a cue then an organisation, and an
    organisation at a clause's start then a verb of telling, a colon or the line's end."""
    return (re.compile(r"(?:" + _CUE_BEFORE + r")" + _ORG),
            re.compile(r"(?m)(?:^|[.,;:]\s+|[—–]\s*|--\s*)(?:[Tt]he\s+)?(?:[A-Za-z]+[’']s\s+)?"
                       + _ORG + r"(?:" + _CUE_AFTER + r")"))


_ORG_LINE = re.compile(r"(?:[Tt]he\s+)?(?!.*\bConference\b)" + _ORG + r"\.?")


def find_issuer(text: str) -> str | None:
    """Who issued the figures: the office that "held the press conference" or "released" them,
    the source "according to", "data from", "released by", or the body that "said" them."""
    opening = text[:4000]
    found = [(m.start("org"), m.group("org")) for cue in _issuer_cues()
             for m in cue.finditer(opening)]
    for _, org in sorted(found):
        org = re.sub(r"^(?:On|In|At|According|Data|Figures)\b.*?,?\s+(?:the\s+)?", "", org)
        org = re.sub(r"\s+", " ", org).strip()
        if len(org.split()) >= 2 or org.isupper():
            return org
    # "BEIJING, Jan. 19 (Xinhua) --", "Source: China Daily", "… —Xinhua" at the end
    agency = _AGENCY.search(opening) or _AGENCY.search(text, max(0, len(text) - 2000))
    published = _PUBLISHED_BY.search(opening)  # "an estimate published by Eurostat"
    if agency is None and published:
        return published.group("org")
    spokes = _SPOKESPERSON.search(opening)  # "MIIT spokesperson Tao Qing: …"
    if agency is None and spokes:
        return spokes.group("org")
    own = _OWN_REPORT.search(opening)  # "Alphaliner's latest report highlights that …"
    if agency is None and own and own.group("org") not in rules.PLACES:
        return own.group("org")
    if agency is None:
        return None
    name = next(agency.group(g) for g in ("agency", "closing", "wire", "source", "paper")
                if agency.group(g))
    return re.sub(r"\s+", " ", name).strip()


# Who a news item comes from when it names no office: the agency in its dateline, its source
_AGENCIES = (r"(?:Xinhua|Reuters|AFP|AP|Bloomberg|China Daily|CGTN|ECNS|Global Times|"
             r"People's Daily(?: Online)?|CNS|China News Service)")
_AGENCY = re.compile(r"\((?P<agency>" + _AGENCIES + r")\)"
                     # "—Xinhua" closing the text; "TIAJIN, (UrduPoint / Pakistan Point News"
                     r"|[—–][ \t]*(?P<closing>" + _AGENCIES + r")[ \t]*$"
                     r"|^[A-Z]{3,}[A-Z ]*,?[ \t]*\((?P<wire>[A-Z][\w]+(?:[ \t]+[A-Z][\w]+){0,3})"
                     r"[ \t]*[/-]"
                     r"|^[ \t]*Source[ \t]*[:：][ \t]*(?P<source>[A-Z][\w.&'’ -]{2,50}?)[ \t]*$"
                     # "Source: Zhongshan Daily Large Medium Small Print": a paper's name
                     r"|\bSource[ \t]*[:：][ \t]*(?P<paper>(?:[A-Z][\w.&'’-]*[ \t]+){0,4}"
                     r"(?:Daily|News|Post|Times|Herald|Online))\b",
                     re.MULTILINE)


_PUBLISHED_BY = re.compile(r"\b(?:released|issued|published)\s+by\s+(?:the\s+)?"
                           r"(?P<org>[A-Z][A-Za-z]{2,})(?=\s*[,.;(]|\s+on\b)")
_SPOKESPERSON = re.compile(r"\b(?P<org>[A-Z]{3,6})\s+(?:spokesperson|spokesman|spokeswoman|"
                           r"official|director|minister)\b")
_OWN_REPORT = re.compile(r"(?P<org>[A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+){0,4})['’]s\s+(?:(?:latest|new|"
                         r"recent|annual|monthly|quarterly|weekly)\s+)?(?:report|data|figures|"
                         r"statistics|survey|ranking|analysis|research)\s+(?:shows?|showed|"
                         r"highlights?|highlighted|indicates?|indicated|reveals?|revealed|"
                         r"finds|found|says|said)\b")


def find_source_url(text: str) -> str | None:
    """The first web address in the text (press releases end or open with their source link)."""
    match = re.search(r"https?://[^\s<>\"')\]]+", text)
    return match.group().rstrip(".,;") if match else None


@functools.cache
def _place_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A named place with its type ("Pudong New Area"), and a known place name."""
    types = "|".join(sorted((re.escape(t) for t in rules.PLACE_TYPES), key=len, reverse=True))
    # "Pudong New Area", "Xiangzhou district": the type in either case
    typed = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){1,3}?(?i:" + types + r"))\b")
    names = "|".join(sorted((re.escape(p) for p in rules.PLACES), key=len, reverse=True))
    return typed, re.compile(r"\b(" + names + r")\b")


def find_place(title: str, opening: str) -> str | None:
    """The place a release is about: a place with its type in its title ("Suzhou New District"),
    else the first known place its title names, else the same in its opening."""
    typed, known = _place_patterns()
    for text in (title, opening):
        typed_found = list(typed.finditer(text))
        # a place with its type in capitals first ("Pudong New Area"); then, in reading order,
        # a known place or a name with its type in lower case ("Xiangzhou district")
        ordered = [m for m in typed_found if not m.group(1).split()[-1].islower()] + sorted(
            [*(m for m in typed_found if m.group(1).split()[-1].islower()),
             *known.finditer(text)], key=lambda m: m.start())
        for match in ordered:
            if _MEDIA_AFTER.match(text, match.end()):  # "China Daily", "Changsha News"
                continue
            possessive = re.match(r"['’]s\s", text[match.end():match.end() + 3])
            inner = known.match(text, match.end() + 3) if possessive else None
            if inner:  # "Southwest China's Tibet": the place inside the country
                return inner.group(1)
            if possessive and _DESCRIBED.match(text, match.end() + 3):
                continue  # "China's northernmost province": the place is named further on
            name = re.sub(r"^(?:The|In|On|At)\s+", "", match.group(1))
            words = name.split()
            if words and words[-1].islower():  # "Xiangzhou district": the name, not "city"
                name = " ".join(words[:-1])
                if not name or name.islower():
                    continue
            return name
    return None


_DESCRIBED = re.compile(r"(?:[a-z-]+\s+){0,3}(?:province|city|region|municipality|county|"
                       r"district|port|capital|area|zone)\b")
_MEDIA_AFTER = re.compile(r"\s+(?:Daily|News|Post|Times|Radio|Television|TV|Network|Media|"
                          r"Online|Review|Weekly|Business|Economic Daily)\b")
