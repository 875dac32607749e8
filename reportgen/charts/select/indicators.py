"""Indicator charts: growth rates and like figures of one section that no earlier chart shows."""

from __future__ import annotations

import re
from collections import defaultdict

from reportgen import formatting
from reportgen.charts.select.common import (
    MAX_BARS,
    QUALIFIER_WORDS,
    RANKING,
    Candidate,
    figure,
    metric_key,
    plottable_fact,
    sentence_case,
    slug,
    source_note,
)
from reportgen.charts.select.rankings import STOP_WORDS
from reportgen.charts.select.shares import share_parts
from reportgen.model import (
    Briefing,
    ChartPoint,
    ChartSeries,
    ChartSpec,
    Fact,
)

_CHANGE_WORDS = r"growth|increase|rise|decrease|decline|drop|fall|reduction|change"
_CHANGE_BEFORE = re.compile(
    rf"^(?P<word>{_CHANGE_WORDS})(?:\s+rate)?\s+(?:in|of)\s+(?P<metric>.+)$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(rf"^(?P<metric>.+?)\s+(?P<word>{_CHANGE_WORDS})(?:\s+rate)?$",
                           re.IGNORECASE)
_FALLING = frozenset(["decrease", "decline", "drop", "fall", "reduction"])
_YEAR_ON_YEAR = re.compile(r",?\s*\b(?:year[- ]on[- ]year|y/y|yoy)\b", re.IGNORECASE)
_RATIO = re.compile(r"\b(?:per|average|share|proportion|percentage|ratio|rate)\b", re.IGNORECASE)
"""Per-head, per-unit and average figures (and shares) do not rank against totals."""
MIN_INDICATORS = 3

Indicator = tuple[str, float, Fact]
"""(label, value as drawn, fact): a decrease of 2.1% is drawn as −2.1."""


def growth_rate(fact: Fact) -> tuple[str, float] | None:
    """(what grew, signed rate) for a percent fact stating a change ('GDP growth'), else None."""
    if fact.unit != "percent" or share_parts(fact) is not None:
        return None
    label = _YEAR_ON_YEAR.sub("", fact.display_label).strip()
    match = _CHANGE_BEFORE.match(label) or _CHANGE_AFTER.match(label)
    if match is None or re.search(r"\b(?:share|proportion)\b", match["metric"], re.IGNORECASE):
        return None
    sign = -1.0 if match["word"].lower() in _FALLING else 1.0
    return match["metric"].strip(), sign * fact.value


def propose_growth_rates(briefing: Briefing, shown: frozenset[str]) -> list[Candidate]:
    """A ranking of growth rates per section: percent changes of three or more metrics of one
    year (undated rates join the section's most common year), declines left of zero."""
    rows: list[tuple[SectionKey, Indicator]] = []
    for fact in _unshown(briefing, shown):
        rate = growth_rate(fact)
        if rate is not None:
            rows.append(((fact.section_id, "percent"), (rate[0], rate[1], fact)))
    out: list[Candidate] = []
    for (section_id, _), group in _by_section(rows).items():
        for when, indicators in _by_period(group):
            if len(indicators) < MIN_INDICATORS:  # a chance, not a chart anyone expects
                continue
            chart_id = _indicator_id("growth-rates", briefing, section_id, when)
            out.append(_indicator_chart(briefing, chart_id, "Growth by indicator", section_id,
                                        when, indicators, "percent"))
    return out


def propose_like_figures(briefing: Briefing, shown: frozenset[str]) -> list[Candidate]:
    """A ranking per section and currency of three or more money totals of one year (undated
    ones join), not already charted; per-head and average figures are left out."""
    rows: list[tuple[SectionKey, Indicator]] = []
    for fact in _unshown(briefing, shown):
        if fact.unit in _MONEY and growth_rate(fact) is None and not _RATIO.search(
                fact.display_label):
            rows.append(((fact.section_id, fact.unit), (fact.display_label, fact.value, fact)))
    out: list[Candidate] = []
    for (section_id, unit), group in _by_section(rows).items():
        words = _MONEY[unit]
        for column, cells, whole in _by_column(group):
            for when, indicators in _by_period(cells):
                if len(indicators) < MIN_INDICATORS:  # a chance, not a chart anyone expects
                    continue
                stem = f"figures-{slug(unit)}" + (f"-{slug(column)}" if column else "")
                chart_id = _indicator_id(stem, briefing, section_id, when)
                name = (f"{whole} in {words}" if whole else f"Figures in {words}") + (
                    f", {column}" if column else "")
                out.append(_indicator_chart(briefing, chart_id, name, section_id, when,
                                            indicators, unit))
    return out


def _by_column(rows: list[Indicator]) -> list[tuple[str, list[Indicator], str]]:
    """A table's cells ("City: August") grouped by their column, each labelled by its row, so
    a month is never ranked against the months to date, with the table's total row's name
    (or ''); prose figures form one group."""
    columns: dict[str, list[Indicator]] = defaultdict(list)
    for label, value, fact in rows:
        row, colon, column = label.rpartition(": ")
        columns[column if colon and fact.sentence and "|" in fact.sentence else ""].append(
            (row if colon and fact.sentence and "|" in fact.sentence else label, value, fact))
    out = []
    for column, cells in columns.items():
        labels = {label for label, _, _ in cells}
        whole = next((label for label in labels if column
                      and any(other.startswith(f"{label}, ") for other in labels)), "")
        out.append((column, _parts_of(cells, whole) if whole else cells, whole))
    return out


def _parts_of(cells: list[Indicator], whole: str) -> list[Indicator]:
    """The total row labelled "Total" and the rows that break it down by their part ("Total
    Retail Sales …, City" → "City"), so the bars read as the whole and its parts."""
    return [("Total" if label == whole else label.removeprefix(f"{whole}, "), value, fact)
            for label, value, fact in cells]


_MONEY = {"yuan": "yuan", "usd": "US dollars", "eur": "euros", "hkd": "Hong Kong dollars",
          "jpy": "yen", "gbp": "pounds"}
"""Currencies whose totals rank against one another, with their names in titles."""


def _unshown(briefing: Briefing, shown: frozenset[str]) -> list[Fact]:
    """Visible, plottable actual figures no earlier chart shows."""
    return [f for f in briefing.visible_facts
            if f.id not in shown and not f.is_target and plottable_fact(f)]


SectionKey = tuple[str | None, str]
"""(section id, unit)."""


def _by_section(rows: list[tuple[SectionKey, Indicator]]) -> dict[SectionKey, list[Indicator]]:
    """The indicators grouped by section and unit, one per metric (the first stated)."""
    groups: dict[SectionKey, dict[str, Indicator]] = defaultdict(dict)
    for key, row in rows:
        groups[key].setdefault(metric_key(row[0]), row)
    return {k: list(v.values()) for k, v in groups.items()}


Period = tuple[int | None, str | None]


def _by_period(rows: list[Indicator]) -> list[tuple[Period, list[Indicator]]]:
    """Indicators of one year and period each; undated ones join the most common dated period
    (so a 2023 rate is not ranked against one for the first half of 2024)."""
    dated: dict[Period, list[Indicator]] = defaultdict(list)
    undated: list[Indicator] = []
    for row in rows:
        fact = row[2]
        if fact.year is None and fact.period is None:
            undated.append(row)
        else:
            dated[(fact.year, fact.period)].append(row)
    if not dated:
        return [((None, None), undated)]
    main = max(dated, key=lambda p: len(dated[p]))  # the first stated wins a tie
    dated[main] = sorted(dated[main] + undated, key=lambda r: r[2].span)
    return list(dated.items())


def _indicator_id(stem: str, briefing: Briefing, section_id: str | None, when: Period) -> str:
    """'growth-rates', '-s2' for a numbered section, '-2024-h1' for a second period."""
    numbered = {s.id for s in briefing.sections if s.number > 0}
    chart_id = stem + (f"-{slug(section_id)}" if section_id in numbered else "")
    codes = " ".join(str(x) for x in (when[1], when[0]) if x)  # 'h1-2023': short and stable
    return chart_id + (f"-{slug(codes)}" if codes else "")


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _period_words(when: Period) -> str:
    """The period as read: 'H1 2023' → 'first half of 2023', 'M1-M10' → 'January–October'."""
    year, period = when
    return " ".join(x for x in (_period_name(period or ""), str(year or "")) if x)


def _period_name(period: str) -> str:
    """'H1' → 'first half of', 'Q1-Q3' → 'Q1–Q3', 'M4' → 'April'; unknown codes as written."""
    def one(code: str) -> str:
        if re.fullmatch(r"M(1[0-2]|[1-9])", code):
            return _MONTHS[int(code[1:]) - 1]
        return {"H1": "first half", "H2": "second half"}.get(code, code)
    parts = [one(c) for c in period.split("-")] if period else []
    name = "–".join(parts)
    return f"{name} of" if name.endswith("half") else name


def _indicator_chart(briefing: Briefing, chart_id: str, name: str, section_id: str | None,
                     when: Period, rows: list[Indicator], unit: str) -> ChartSpec:
    """A ranking of three or more indicators, largest first, titled by section and period."""
    section = next((s for s in briefing.sections if s.id == section_id and s.number > 0), None)
    # Past MAX_BARS keep the largest changes either way, so declines stay in view.
    shown = sorted(sorted(rows, key=lambda r: -abs(r[1]))[:MAX_BARS], key=lambda r: -r[1])
    common, labels = _shared_opening([label for label, _, _ in shown])
    points = tuple(ChartPoint(sentence_case(label), value, f.id,
                              _signed_figure(f, value) if unit == "percent" else figure(f))
                   for label, (_, value, f) in zip(labels, shown, strict=True))
    period = _period_words(when)
    title = (f"{_short(section.title)}: {name[0].lower()}{name[1:]}" if section else name)
    if period and period in title:  # 'Review of 2023: figures in yuan' needs no ', 2023'
        period = ""
    more = f"largest {len(shown)} of {len(rows)}" if len(rows) > len(shown) else ""
    subtitle = "; ".join(x for x in (
        common, "year-on-year change, in percent" if unit == "percent" else "", more) if x)
    return ChartSpec(
        id=chart_id, kind=RANKING, unit=unit, title=title + (f", {period}" if period else ""),
        subtitle=sentence_case(subtitle), series=(ChartSeries(name, points),),
        source_note=source_note(briefing), section_id=section_id,
    )


def _shared_opening(labels: list[str]) -> tuple[str, list[str]]:
    """(the opening words every label shares, the labels without them) when at least two
    words are shared and each label keeps a word: 'Investment in digital projects in district
    1', '… 2' → ('Investment in digital projects', ['district 1', 'district 2'])."""
    split = [label.split() for label in labels]
    n = 0
    while all(len(w) > n + 1 for w in split) and len({w[n].lower() for w in split}) == 1:
        n += 1
    while n and any(not re.search(r"[^\W\d_]", " ".join(w[n:])) for w in split):
        n -= 1  # 'district 1', not a bare '1'
    opening = split[0][:n]
    while opening and opening[-1].lower() in STOP_WORDS:  # 'projects in' → 'projects'
        opening = opening[:-1]
    if len(opening) < 2 or len(labels) < 2:
        return "", labels
    return " ".join(opening), [" ".join(w[n:]) for w in split]


def _signed_figure(fact: Fact, value: float) -> str:
    """A rate as read: '+4.6%', '−2.1%', with the qualifier ('about +3%')."""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return QUALIFIER_WORDS.get(fact.qualifier, "") + sign + f"{formatting.exact(abs(value))}%"


def _short(title: str, limit: int = 48) -> str:
    """`title` cut at a word before `limit` characters, with '…' when cut."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
