"""The genre's rules as data: number words, scales, units, qualifiers, time words, target cues.

Everything here describes how economic press releases (Chinese city and national releases in
English, news reports, Q&A transcripts) write their figures. Nothing names one document's words.
"""

from __future__ import annotations

from reportgen.model import ISO_CURRENCY_CODES

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# "one-fifth", "two-thirds", "a quarter": the denominator's value.
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "quarter": 4,
    "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7,
    "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

# Words that multiply: "double the scale", "tripled", "twofold".
MULTIPLE_WORDS: dict[str, int] = {
    "double": 2, "doubled": 2, "doubling": 2, "twofold": 2, "two-fold": 2,
    "triple": 3, "tripled": 3, "tripling": 3, "threefold": 3, "three-fold": 3,
    "quadruple": 4, "quadrupled": 4, "fourfold": 4, "four-fold": 4, "twice": 2, "thrice": 3,
}

SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "trln": 1e12,
    "tln": 1e12, "tn": 1e12,
    # the Indian system: "₹40.37 lakh crore" is 40.37 × 10^12 rupees
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Abbreviated scales only count directly after a number ("3 trln", "12.5bn"), never as words.
SHORT_SCALES = frozenset({"m", "b", "mn", "bn", "tn"})

# Other currencies by their ISO code, before or after the number ("RON 402.678 billion",
# "403 billion RON"); the unit is the code in lower case (the model's ISO_CURRENCY_CODES)

# Currency written before the number, longest first: "US$52.3 billion", "RMB12.5 billion".
CURRENCY_PREFIXES: tuple[tuple[str, str], ...] = (
    ("U.S. $ ", "usd"), ("U.S.$ ", "usd"), ("US $ ", "usd"), ("US$ ", "usd"), ("HK$ ", "hkd"),
    ("€ ", "eur"), ("¥ ", "yuan"), ("$ ", "usd"),
    ("U.S. $", "usd"), ("U.S.$", "usd"), ("US $", "usd"), ("US$", "usd"), ("USD ", "usd"),
    ("USD", "usd"), ("HK$", "hkd"), ("HKD ", "hkd"), ("RMB ", "yuan"), ("RMB", "yuan"),
    ("CNY ", "yuan"), ("CNY", "yuan"), ("EUR ", "eur"), ("€", "eur"), ("£", "gbp"),
    ("¥", "yuan"), ("$", "usd"), ("₹ ", "inr"), ("₹", "inr"), ("Rs. ", "inr"), ("Rs ", "inr"),
    ("Rs.", "inr"),
    *((f"{code} ", code.lower()) for code in ISO_CURRENCY_CODES),
)

# Units written after the number (and its scale), longest first. Values are our unit names.
UNIT_WORDS: tuple[tuple[str, str], ...] = (
    ("percentage points", "percentage points"), ("percentage point", "percentage points"),
    ("per cent", "percent"), ("percent", "percent"), ("pct", "percent"), ("%", "percent"),
    ("pp", "percentage points"), ("p.p.", "percentage points"),
    ("U.S. dollars", "usd"), ("US dollars", "usd"), ("U.S. dollar", "usd"),
    ("US dollar", "usd"), ("USD", "usd"), ("dollars", "usd"),
    ("Hong Kong dollars", "hkd"), ("HK dollars", "hkd"), ("HKD", "hkd"),
    ("yuan", "yuan"), ("RMB", "yuan"), ("renminbi", "yuan"), ("CNY", "yuan"),
    ("euros", "eur"), ("euro", "eur"), ("EUR", "eur"), ("yen", "jpy"), ("rupees", "inr"),
    *((code, code.lower()) for code in ISO_CURRENCY_CODES),
    # energy in coal equivalent stays in tons; the words travel in the figure's text
    ("tons of standard coal equivalent", "tons"), ("tonnes of standard coal equivalent", "tons"),
    ("tons of standard coal", "tons"), ("tonnes of standard coal", "tons"),
    ("tons of coal equivalent", "tons"), ("tonnes of coal equivalent", "tons"),
    ("metric tons", "tons"), ("metric tonnes", "tons"),
    ("tonnes", "tons"), ("tons", "tons"), ("tonne", "tons"), ("ton", "tons"),
    ("square kilometers", "km2"), ("square kilometres", "km2"), ("square kilometer", "km2"),
    ("square kilometre", "km2"), ("sq km", "km2"), ("km2", "km2"), ("sq. km", "km2"),
    ("square meters", "m2"), ("square metres", "m2"), ("square meter", "m2"),
    ("square metre", "m2"), ("sq m", "m2"),
    ("hectares", "hectares"), ("hectare", "hectares"), ("ha", "hectares"), ("mu", "mu"),
    ("kilometers", "km"), ("kilometres", "km"), ("km", "km"),
    ("kilowatt-hours", "kwh"), ("kilowatt hours", "kwh"), ("kWh", "kwh"),
    ("kilowatts", "kw"), ("megawatts", "mw"), ("gigawatts", "gw"), ("MW", "mw"), ("GW", "gw"),
    ("cubic meters", "m3"), ("cubic metres", "m3"),
    ("TEUs", "teu"), ("TEU", "teu"), ("micrograms", "micrograms"), ("milligrams", "milligrams"),
    ("kilograms", "kg"), ("kg", "kg"),
    # computing power: "5,000 PFLOPS" (peta floating-point operations per second)
    ("EFLOPS", "eflops"), ("PFLOPS", "pflops"), ("TFLOPS", "tflops"),
)
CURRENCIES = frozenset({"yuan", "usd", "hkd", "eur", *(c.lower() for c in ISO_CURRENCY_CODES)})

# "per ..." after a unit or counted noun: the words that name the denominator.
PER_UNITS: tuple[tuple[str, str], ...] = (
    ("square kilometers", "km2"), ("square kilometres", "km2"), ("square kilometer", "km2"),
    ("square kilometre", "km2"), ("sq km", "km2"), ("hectare", "hectare"), ("mu", "mu"),
    ("square meter", "m2"), ("square metre", "m2"), ("person", "person"),
    ("capita", "capita"), ("head", "person"), ("month", "month"), ("year", "year"),
    ("ton", "ton"), ("tonne", "ton"), ("unit", "unit"), ("household", "household"),
    ("enterprise", "enterprise"), ("day", "day"), ("cubic meter", "cubic meter"),
    ("cubic metre", "cubic meter"),
)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# Words right before a figure and the qualifier they give it; longest first when matching.
QUALIFIER_PHRASES: tuple[tuple[str, str], ...] = (
    ("no fewer than", "at_least"), ("no less than", "at_least"), ("not less than", "at_least"),
    ("not fewer than", "at_least"), ("at least", "at_least"), ("a minimum of", "at_least"),
    ("no more than", "up_to"), ("not more than", "up_to"), ("up to", "up_to"),
    ("at most", "up_to"), ("a maximum of", "up_to"), ("within", "up_to"),
    ("more than", "more_than"), ("over", "more_than"), ("above", "more_than"),
    ("exceeds", "more_than"), ("exceeded", "more_than"), ("exceeding", "more_than"),
    ("exceed", "more_than"), ("surpassed", "more_than"), ("surpassing", "more_than"),
    ("surpass", "more_than"), ("upwards of", "more_than"), ("in excess of", "more_than"),
    ("topped", "more_than"), ("tops", "more_than"), ("topping", "more_than"),
    ("beyond", "more_than"), ("top", "more_than"), ("nearing", "about"), ("near", "about"),
    ("nears", "about"), ("approaching", "about"), ("approach", "about"), ("approaches", "about"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("below", "less_than"),
    ("under", "less_than"), ("nearly", "about"), ("almost", "about"), ("about", "about"),
    ("around", "about"), ("approximately", "about"), ("roughly", "about"), ("some", "about"),
    ("close to", "about"), ("estimated", "about"), ("an estimated", "about"),
    ("approx.", "about"), ("circa", "about"),
)
# "breaking the 4 trillion-yuan mark": passing a round figure means more than it.
MILESTONE_VERBS = ("breaking", "broke", "broken", "break", "crossing", "crossed", "passing",
                   "passed", "topping", "surpassing", "surpassed", "exceeding", "exceeded")
MILESTONE_NOUNS = ("mark", "threshold", "milestone", "level")

# A bare year before one of these nouns names a plan or report, not a count ("2024 goals",
# "the 2023 government work report").
YEAR_NOUNS = frozenset({"goals", "goal", "targets", "target", "plan", "plans", "tasks", "task",
                        "budget", "agenda", "priorities", "work", "government", "action",
                        "report", "edition", "version", "session", "forum", "expo", "summit",
                        "list", "ranking", "rankings", "outlook", "achievements", "highlights",
                        "review", "results", "statistics", "communique", "communiqué"})
# "a 1/5000 digital map": a digit fraction whose counted noun names a map is the map's scale,
# no fact ("1/5000 of the residents" stays a fact, and so does "reached 1/5000 scale", which
# the quantity tests keep as a figure).
SCALE_NOUNS = frozenset({"map", "maps", "mapping", "chart", "charts", "atlas", "atlases"})
# Irregular past tenses that end a counted noun phrase ("42 companies set up headquarters").
PAST_AFTER_PLURAL = frozenset({"set", "built", "sold", "won", "held", "put", "spent", "led",
                               "got", "began", "drew", "paid", "kept", "left", "met", "saw",
                               "took", "went", "became", "brought", "bought", "chose"})

# Durations are time expressions, not facts ("the past five years", "next 5-10 years"),
# unless counted as a run ("five consecutive years").
DURATION_UNITS = frozenset({"year", "years", "month", "months", "day", "days", "week",
                            "weeks", "decade", "decades", "hour", "hours", "quarter",
                            "quarters", "minute", "minutes"})
RUN_WORDS = frozenset({"consecutive", "straight", "successive", "running"})

# A counted noun phrase ends at any of these words (or punctuation).
NOUN_STOP_WORDS = frozenset([
    "of", "in", "on", "at", "for", "with", "to", "from", "by", "into", "over", "under", "about",
    "above", "below", "between", "among", "through", "during", "including", "include", "includes",
    "such", "per", "via", "across", "around", "within", "without", "toward", "towards", "like",
    "than", "each", "and", "or", "but", "nor", "while", "whereas", "which", "that", "who", "whose",
    "where", "when", "as", "so", "is", "are", "was", "were", "be", "been", "being", "has", "have",
    "had", "will", "would", "shall", "should", "can", "could", "may", "might", "do", "does", "did",
    "it", "its", "their", "this", "these", "those", "respectively", "year-on-year", "compared",
    "up", "down", "rose", "fell", "grew", "increased", "decreased", "reached", "hit", "totaled",
    "totalled", "stood", "accounted", "accounting", "accounts", "amounted", "representing",
    "covering", "linking", "making", "bringing", "than", "after", "before", "since", "until",
    "onto", "makes", "made", "make", "remains", "remained", "ranks", "ranked", "included",
    "shows", "showed", "means", "became", "becomes", "gives", "gave", "brings", "takes", "took",
    "puts", "said", "says", "nationwide", "citywide", "worldwide", "globally", "annually",
    "respectively", "saw", "see", "sees", "posted", "recorded", "registered", "achieved",
    "reported", "witnessed", "experienced", "enjoyed", "maintained", "kept",
    "altogether",
    # adverbs that open the verb phrase ("2,000 suppliers now serve the industry")
    "now", "already", "still", "also", "currently", "together", "jointly", "all", "both",
])
# Word groups that hold a stop word but name one thing.
NOUN_PHRASES_WITH_STOPS = ("small and medium-sized", "small and medium", "research and development",
                           "small- and medium-sized", "micro, small and medium-sized",
                           "specialized and sophisticated", "specialized and innovative",
                           "science and technology", "oil and gas", "import and export")
MAX_NOUN_WORDS = 6

# Pronoun-like numbers that are rarely counts in this genre ("one of the first", "one should").
SKIPPED_NUMBER_WORDS = frozenset({"one", "zero"})

# A capitalised word right before digits makes a name ("Xuelong 2", "Global 500", "Line 14"),
# except for these sentence-openers and prepositions.
NOT_NAME_WORDS = frozenset([
    "In", "On", "At", "By", "For", "From", "Since", "Over", "About", "Around", "Nearly", "Some",
    "Until", "Of", "To", "With", "Up", "As", "And", "Or", "But", "The", "A", "An", "Of", "Top",
    "Around", "Almost", "More", "Less", "Only", "Just", "Approximately", "Roughly", "Another", "Of",
    "Among", "Between", "Totaling", "Total", "Q", "A", "Then", "Of", "Its", "Their", "It", "This",
    "These", "Those", "After", "Before", "During", "Within", "Under", "Below", "Above", "Exceeding",
    "Both", "All", "Each", "Every", "Already", "Still", "Even", "Nearly", "Overall", "Altogether"
])

# Target cues: a figure after one of these in its clause is a goal, not an outcome.
TARGET_CUES = (
    "will", "shall", "to reach", "to hit", "to exceed", "to achieve", "to surpass", "to top",
    "to grow", "to increase", "to rise", "to expand", "aim", "aims", "aimed", "aiming",
    "goal", "goals", "target", "targets", "targeted", "targeting", "strive", "strives",
    "striving", "plan to", "plans to", "planned", "expected to", "is expected", "are expected",
    "seek to", "seeks to", "is set to", "are set to", "projected", "envisaged", "intends to",
    "by the end of", "going forward",
)
# Year expressions that say when a figure holds ("… yuan in 2021", "by 2025") versus ones that
# name a comparison base or a starting point ("since 2018", "than in 2022", "over last year").
YEAR_PREPOSITIONS = ("in", "by", "for", "during", "by the end of", "at the end of", "as of")
NON_YEAR_PREPOSITIONS = ("since", "from", "than", "with", "over", "to", "versus", "on", "of",
                         "period", "above", "below", "against", "times")

# Periods within a year.
PERIODS: tuple[tuple[str, str], ...] = (
    ("first half", "H1"), ("second half", "H2"), ("first quarter", "Q1"),
    ("second quarter", "Q2"), ("third quarter", "Q3"), ("fourth quarter", "Q4"),
    ("first three quarters", "Q1-Q3"), ("first two months", "M1-M2"),
    ("first eleven months", "M1-M11"), ("first 11 months", "M1-M11"),
    ("first 10 months", "M1-M10"), ("first ten months", "M1-M10"),
    ("first nine months", "Q1-Q3"), ("first six months", "H1"),
    ("first three months", "M1-M3"), ("first 3 months", "M1-M3"),
    ("first four months", "M1-M4"), ("first 4 months", "M1-M4"),
    ("first five months", "M1-M5"), ("first 5 months", "M1-M5"),
    ("first seven months", "M1-M7"), ("first 7 months", "M1-M7"),
    ("first eight months", "M1-M8"), ("first 8 months", "M1-M8"),
    ("first 2 months", "M1-M2"), ("first 9 months", "Q1-Q3"), ("first 6 months", "H1"),
    ("H1", "H1"), ("H2", "H2"),
    ("Q1", "Q1"), ("Q2", "Q2"), ("Q3", "Q3"), ("Q4", "Q4"),
)

# Verbs that link a subject to its figure; the subject phrase ends before them.
LINK_VERBS = (
    "has increased", "have increased", "increased", "has reached", "have reached", "reached",
    "will reach", "reaches", "has hit", "hit", "hits", "amounted to", "amounts to",
    "amounting to", "accounted for", "accounts for", "account for", "accounting for",
    "exceeds", "exceeded", "has exceeded", "have exceeded", "exceed", "totaled", "totalled",
    "totals", "stood at", "stands at", "rose", "grew", "has grown", "have grown", "grows",
    "fell", "dropped", "has dropped", "have dropped", "declined", "has declined",
    "have declined", "decreased", "has decreased", "eased", "have eased", "has eased",
    "is", "are", "was", "were", "will be", "posted", "recorded", "registered", "saw",
    "achieved", "climbed", "jumped", "surged", "expanded", "came in at", "came to",
    "edged up", "went up", "went down", "contracted", "shrank", "is expected to reach",
    "is projected to", "to reach", "will", "has", "have", "had", "hit", "topped", "tops",
    "averaged", "numbered",
)
# What a change verb makes of its subject in a metric name ("dropped by 5%": decline in …;
# "decline", the word analysts put on a chart of any fall).
CHANGE_NOUNS: dict[str, str] = {
    "increased": "increase", "increase": "increase", "rose": "increase", "rise": "increase",
    "risen": "increase", "grew": "growth", "grown": "growth", "grow": "growth",
    "growth": "growth", "up": "growth", "climbed": "increase", "jumped": "increase",
    "surged": "increase", "expanded": "growth", "declined": "decline", "decline": "decline",
    "fell": "decline", "fallen": "decline", "dropped": "decline", "decreased": "decline",
    "down": "decline", "eased": "reduction", "reduced": "reduction", "cut": "reduction",
    "contracted": "decline", "shrank": "decline", "narrowed": "decrease",
    "widened": "increase", "expanding": "growth", "expands": "growth", "expand": "growth",
    "rising": "increase", "rises": "increase", "growing": "growth", "grows": "growth",
    "increasing": "increase", "increases": "increase", "climbing": "increase",
    "surging": "increase", "jumping": "increase", "declining": "decline", "declines": "decline",
    "falling": "decline", "falls": "decline", "dropping": "decline", "drops": "decline",
    "down by": "decline", "edged": "increase", "slid": "decline", "shrinking": "decline",
}

# Subjects that stand for the issuer and name no metric.
# Nouns by which a release names its own issuer or place ("the city", "the area's output").
ISSUER_NOUNS = ("city", "municipality", "province", "district", "country", "nation", "region",
                "county", "town", "area", "new area", "special area", "zone", "park", "government")
ISSUER_SUBJECTS = frozenset(
    {n for noun in ISSUER_NOUNS for n in (noun, f"the {noun}", f"this {noun}")}
    | {"shanghai", "china", "it", "we", "they"}
)

# Openers that announce a topic inside a point ("In terms of integrated circuits, ...").
TOPIC_OPENERS = ("In terms of", "As for", "Regarding", "With regard to", "In the field of",
                 "In the area of", "As to", "When it comes to", "Concerning")
# Ordinal words that open a point ("First, ...", "Secondly, ...").
POINT_ORDINALS: dict[str, int] = {
    "first": 1, "firstly": 1, "first of all": 1, "second": 2, "secondly": 2, "third": 3,
    "thirdly": 3, "fourth": 4, "fourthly": 4, "fifth": 5, "fifthly": 5, "sixth": 6,
    "sixthly": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "finally": 99,
    "lastly": 99,
}
ROMAN_NUMERALS: dict[str, int] = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6,
                                  "VII": 7, "VIII": 8, "IX": 9, "X": 10}

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset([
    "no", "nos", "sept", "sep", "oct", "nov", "dec", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "mr", "mrs", "ms", "dr", "prof", "co", "ltd", "inc", "corp", "st", "vs", "etc", "e.g",
    "i.e", "u.s", "u.k", "approx", "dept", "govt", "jr", "sr"
])


# Between a figure and the same figure in another currency: "1.2 trillion yuan (about 170 billion
# US dollars)"
CONVERSION_GAP = (r"^\s*[(（]\s*(?:about|around|approximately|roughly|nearly|some|or|"
                  r"equivalent to|equal to)?\s*$")

# Places the genre's releases are about: China's provincial-level divisions and its larger cities
# (a release names its place in its title or opening; a place-type word finds the rest)
PLACES = (
    "Beijing", "Tianjin", "Shanghai", "Chongqing", "Hebei", "Shanxi", "Liaoning", "Jilin",
    "Heilongjiang", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan",
    "Hubei", "Hunan", "Guangdong", "Hainan", "Sichuan", "Guizhou", "Yunnan", "Shaanxi", "Gansu",
    "Qinghai", "Taiwan", "Inner Mongolia", "Guangxi", "Tibet", "Xizang", "Ningxia", "Xinjiang",
    "Hong Kong", "Macao", "Macau", "Shenzhen", "Guangzhou", "Hangzhou", "Nanjing", "Suzhou",
    "Wuxi", "Ningbo", "Wuhan", "Chengdu", "Xi'an", "Xian", "Zhengzhou", "Changsha", "Hefei",
    "Jinan", "Qingdao", "Dalian", "Shenyang", "Harbin", "Changchun", "Shijiazhuang", "Taiyuan",
    "Nanchang", "Fuzhou", "Xiamen", "Kunming", "Guiyang", "Nanning", "Haikou", "Lanzhou",
    "Xining", "Yinchuan", "Urumqi", "Hohhot", "Lhasa", "Dongguan", "Foshan", "Zhuhai",
    "Zhongshan", "Huizhou", "Changzhou", "Nantong", "Xuzhou", "Yantai", "Wenzhou", "Shaoxing",
    "Jiaxing", "Taizhou", "Jingjiang", "Kunshan", "Tangshan", "Baotou", "Luoyang", "Yichang",
    "Pudong", "Lingang", "Lin-gang", "Optics Valley", "Zhongguancun", "Binhai", "Nansha",
    "Qianhai", "Hengqin", "Liangjiang", "Xiong'an", "Xiongan", "China",
)
PLACE_TYPES = (
    "Province", "Municipality", "Autonomous Region", "City", "District", "County", "New Area",
    "New District", "Special Area", "Development Zone", "High-tech Zone", "Hi-tech Zone",
    "Free Trade Zone", "Pilot Free Trade Zone", "Economic Circle", "Port",
)


# What a figure in a unit measures when nothing else names it: a port's "13.45 million TEUs"
# is its container throughput, a region's "5 GW" its installed capacity
UNIT_MEASURES = {"teu": "container throughput", "kw": "installed capacity",
                 "gw": "installed capacity", "mw": "installed capacity"}
