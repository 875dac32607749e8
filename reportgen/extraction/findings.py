"""The key findings and the analytic title, written once from the data layer.

A finding is a sentence a reader can act on — a level with its change and period, a tier of the
industrial system with its total, a target beside the latest actual and the yearly growth it
needs — with the ids of the facts it states. They are ranked by the data layer's headlines
first. The wording is data: `findings/findings.yaml` on the template search path (the shipped
default in `reportgen/defaults/findings/`, written by `wording` without Jinja), each pattern a
sandboxed Jinja expression.

This runs after the overrides (a fixed value or a hidden fact changes the findings), below the
charts and renderers in the import order, so every output reads the same `Briefing.findings`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reportgen.errors import TemplateError
from reportgen.extraction import wording
from reportgen.formatting import cagr_rate, exact, fact_figure, upper_first
from reportgen.model import Briefing, Fact, Finding, LevelChange, SystemTier, Target

DEFAULT_PATTERNS = Path(__file__).resolve().parents[1] / "defaults" / "findings" / "findings.yaml"
DEFAULT_WHERE = "default/findings/findings.yaml"
PATTERN_NAMES = ("change", "level", "rate", "system", "target_gap", "targets", "title",
                 "title_short")
MAX_TITLE = 90
_LOOSE_STARTS = frozenset({"according", "regarding", "data", "this", "that", "these", "our",
                           "we", "it", "in", "of", "from", "with", "by", "as", "among", "and",
                           "or", "for", "to", "at", "on", "which", "while", "when"})
_LOOSE_ENDS = frozenset({"has", "have", "had", "is", "are", "was", "were", "of", "in", "the",
                         "and", "or", "to", "by", "for", "with", "a", "an", "went", "living"})
_NOT_PLACES = frozenset({"Xi", "General", "Secretary", "Party", "CPC", "World", "State",
                         "Municipal", "Committee", "Office", "Commission", "Council", "Government",
                         "Bureau", "Administration", "Ministry", "National", "The", "This"})
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)['’]s\b")


@dataclass(frozen=True, slots=True)
class FindingPatterns:
    """The sentence patterns of the findings, with where each was written (for errors)."""

    where: str
    patterns: Mapping[str, tuple[str, int]]
    max_findings: int = 6


def load_patterns(path: Path | None = None) -> FindingPatterns:
    """The patterns in `path` (default: the shipped findings.yaml); a missing pattern falls back
    to the default's; a bad file is a one-line `TemplateError` naming the file and line.

    The shipped patterns are not read: `wording.SHIPPED` writes them (no YAML, no Jinja)."""
    if path is None or path.resolve() == DEFAULT_PATTERNS:
        return FindingPatterns(DEFAULT_WHERE, {}, wording.MAX_FINDINGS)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: cannot read the findings patterns ({exc})") from None
    return _parse(text, str(path))


def _parse(text: str, where: str) -> FindingPatterns:
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise TemplateError(f"{where}{line}: not valid YAML ({getattr(exc, 'problem', exc)}); "
                            "check the indentation and quotes") from None
    if root is None:
        return FindingPatterns(where, {})
    if not isinstance(root, yaml.MappingNode):
        raise TemplateError(f"{where}:1: expected 'name: pattern' lines")
    patterns: dict[str, tuple[str, int]] = {}
    max_findings = 6
    for key, value in root.value:
        line = key.start_mark.line + 1
        name = key.value
        if name == "max_findings":
            if not str(value.value).isdigit() or not 1 <= int(value.value) <= 12:
                raise TemplateError(f"{where}:{line}: max_findings must be a whole number "
                                    f"from 1 to 12, not {value.value!r}")
            max_findings = int(value.value)
        elif name not in PATTERN_NAMES:
            raise TemplateError(f"{where}:{line}: unknown pattern {name!r}; known: "
                                f"{', '.join(PATTERN_NAMES)}, max_findings")
        elif not isinstance(value, yaml.ScalarNode):
            raise TemplateError(f"{where}:{line}: the pattern {name!r} must be one line of text")
        else:
            patterns[name] = (str(value.value), line)
    return FindingPatterns(where, patterns, max_findings)


class _Writer:
    """Writes each pattern: the staff's through a sandboxed Jinja environment (errors name file
    and line), the others with the shipped functions of `wording`."""

    def __init__(self, patterns: FindingPatterns) -> None:
        self.patterns = patterns
        self._env: Any = None
        self._compiled: dict[str, Any] = {}

    def write(self, name: str, **values: Any) -> str:
        """The pattern `name` filled with `values`, spaces tidied."""
        if name in self.patterns.patterns:
            out = self._render(name, values)
        else:
            out = wording.SHIPPED[name](**values)
        return re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"\s{2,}", " ", out)).strip()

    def _render(self, name: str, values: dict[str, Any]) -> str:
        import jinja2  # only for staff patterns

        text, line = self.patterns.patterns[name]
        try:
            if name not in self._compiled:
                self._compiled[name] = self._environment().from_string(text)
            return str(self._compiled[name].render(**values))
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{self.patterns.where}:{line}: pattern {name!r}: {exc}") from None

    def _environment(self) -> Any:
        if self._env is None:
            import jinja2
            from jinja2.sandbox import ImmutableSandboxedEnvironment

            self._env = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined,
                                                      autoescape=False)
            self._env.filters["upper_first"] = upper_first
        return self._env


def write_findings(briefing: Briefing, patterns: FindingPatterns | None = None) -> Briefing:
    """A copy of `briefing` carrying its key findings and its analytic title."""
    writer = _Writer(patterns or load_patterns())
    findings = _findings(briefing, writer)
    return replace(briefing, findings=findings, analytic_title=_title(briefing, writer),
                   section_points=_section_points(briefing, findings, writer))


_POINT_UNITS = ("yuan", "usd", "percent")
"""Units whose figure can state a section's point (money and rates, not a count of things)."""


def _section_points(briefing: Briefing, findings: tuple[Finding, ...],
                    writer: _Writer) -> tuple[Finding, ...]:
    """For each numbered section no finding speaks of, its leading figure as a sentence: a
    headline fact first, then a dated one, then the first in the text."""
    said = {i for f in findings for i in f.fact_ids}
    rank = {fact_id: n for n, fact_id in enumerate(briefing.headlines)}
    out = []
    for section in briefing.sections:
        facts = briefing.facts_in(section.fact_ids)
        if not section.number or said & {f.id for f in facts}:
            continue
        able = [f for f in facts if f.unit in _POINT_UNITS and not f.is_target
                and not f.per_item and clear_metric(f)]
        if able:
            best = min(able, key=lambda f: (rank.get(f.id, len(rank)), f.year is None, f.span))
            out.append(_level(briefing, best, writer))
    return tuple(out)


def _findings(briefing: Briefing, writer: _Writer) -> tuple[Finding, ...]:
    visible = {f.id: f for f in briefing.visible_facts}
    changes = {c.to_fact_id: c for c in briefing.level_changes
               if c.to_fact_id in visible and c.from_fact_id in visible}
    targets = {t.fact_id: t for t in briefing.targets if t.fact_id in visible}
    out: list[Finding] = []
    used: set[str] = set()
    said: set[str] = set()  # metrics already stated: "breaking the 4 trillion mark" is the same

    def add(finding: Finding | None, metric: str = "") -> None:
        if finding is None or not finding.text or set(finding.fact_ids) & used:
            return
        out.append(finding)
        used.update(finding.fact_ids)
        if metric:
            said.add(metric.lower())

    for change in [*changes.values(), *_dated_changes(briefing)]:
        changes.setdefault(change.to_fact_id, change)
        changes.setdefault(change.from_fact_id, change)
    totals = {t.total_fact_id: t for t in briefing.system if t.total_fact_id}
    # one industry of a tier whose total is a finding: the tier's finding names it already
    parts = {i for t in totals.values() for m in t.members
             for i in (m.headline_fact_id, *m.fact_ids) if i}
    for fact_id in briefing.headlines:
        fact = visible.get(fact_id)
        if fact is None or not clear_metric(fact) or fact.metric.lower() in said \
                or fact.id in parts:
            continue
        if fact.id in totals:
            add(_system(briefing, totals[fact.id], writer), fact.metric)
        elif fact.id in changes:
            add(_change(briefing, changes[fact.id], writer), fact.metric)
        elif fact.id in targets:
            add(_target_gap(briefing, targets[fact.id], writer), fact.metric)
        elif not fact.is_target:
            add(_level(briefing, fact, writer), fact.metric)
    for tier in briefing.system:
        add(_system(briefing, tier, writer))
    for target in briefing.targets:
        if target.actual_fact_id and target.fact_id in visible:
            add(_target_gap(briefing, target, writer), target.metric)
    for finding in _target_groups(briefing, writer, used):
        add(finding)
    return tuple(out[:writer.patterns.max_findings])


def _dated_changes(briefing: Briefing) -> list[LevelChange]:
    """Each metric stated for two years (2011's and 2021's industrial added value): its
    earliest and latest level, as a change."""
    by_metric: dict[tuple[str, str], list[Fact]] = {}
    for fact in briefing.visible_facts:
        if fact.year is not None and not fact.is_target and not fact.per_item:
            by_metric.setdefault((fact.metric.lower(), fact.unit), []).append(fact)
    out = []
    for facts in by_metric.values():
        first = min(facts, key=lambda f: f.year or 0)
        last = max(facts, key=lambda f: f.year or 0)
        if (first.year or 0) < (last.year or 0):
            out.append(LevelChange(first.id, last.id, first.year, last.year))
    return out


def clear_metric(fact: Fact) -> bool:
    """Whether the fact's name reads as a measure in a sentence ('industrial added value'), not
    a clause the extractor cut ('this year, Guangdong', 'industry scale has')."""
    base, _ = split_period(fact)
    words = re.findall(r"[\w’'&-]+", base.lower())
    return (fact.unit != "percentage points"  # a gap explains a figure; it is none alone
            and 1 <= len(words) <= 10 and "," not in base and words[0] not in _LOOSE_STARTS
            and words[-1] not in _LOOSE_ENDS and not any(ch.isdigit() for ch in base[:1]))


def split_period(fact: Fact) -> tuple[str, str]:
    """The fact's metric without the period the data layer appended, and that period's words:
    ('GDP', 'first half') for 'GDP, first half'."""
    name = fact.display_label
    if fact.period and ", " in name:
        base, words = name.rsplit(", ", 1)
        return base, words
    return name, ""


def when(fact: Fact) -> str:
    """'in 2021', 'in the first half of 2023', 'in the first half', or ''."""
    _, period = split_period(fact)
    if period[:1].isupper():  # months: "in January-November 2020"
        return f"in {period} {fact.year}" if fact.year else f"in {period}"
    if period:  # "in the first half of 2020"
        return f"in the {period} of {fact.year}" if fact.year else f"in the {period}"
    return f"in {fact.year}" if fact.year else ""


def _change(briefing: Briefing, change: LevelChange, writer: _Writer) -> Finding | None:
    old, new = briefing.fact(change.from_fact_id), briefing.fact(change.to_fact_id)
    if old.unit != new.unit or old.value <= 0 or new.value == old.value:
        return None
    old_year, new_year = change.from_year or old.year, change.to_year or new.year
    rate = None
    if old_year and new_year and new_year > old_year and new.unit != "percent":
        rate = cagr_rate(old.value, new.value, new_year - old_year)
    relative = abs(new.value - old.value) / old.value * 100
    text = writer.write(
        "change", metric=split_period(new)[0], earlier=fact_figure(old), earlier_year=old_year,
        later=fact_figure(new), later_year=new_year,
        direction="rose" if new.value > old.value else "fell",
        change=("+" if new.value > old.value else "−") + f"{exact(round(relative, 1))}%"
        if new.unit != "percent" else f"{exact(round(abs(new.value - old.value), 2))} points",
        growth=f"{rate:.1f}%" if rate is not None else "")
    return Finding(text, (old.id, new.id))


def _growth_of(briefing: Briefing, fact: Fact) -> Fact | None:
    """The stated growth rate of the fact's metric ('X growth' beside 'X'), if any."""
    base = split_period(fact)[0].lower()
    for other in briefing.visible_facts:
        if (other.unit == "percent" and not other.is_target and other.year == fact.year
                and split_period(other)[0].lower() in (
                    f"{base} growth", f"growth of {base}", f"{base} rise",
                    f"decline in {base}", f"decrease in {base}", f"drop in {base}")):
            return other
    return None


def _falls(rate: Fact) -> bool:
    """Whether a rate's name says it fell ("decline in GDP" 3.9%)."""
    named = _RATE_NAME.match(split_period(rate)[0])
    return bool(named and named.group("fall"))


# A rate's name that says which way it went: "GDP growth", "decline in retail sales"
_RATE_NAME = re.compile(r"^(?:(?:decline|decrease|drop|fall|reduction) in (?P<fall>.+)"
                        r"|(?P<rise>.+?) (?:growth|rise))$", re.IGNORECASE)


def _level(briefing: Briefing, fact: Fact, writer: _Writer) -> Finding:
    base = split_period(fact)[0]
    changed = _RATE_NAME.match(base)
    if fact.unit == "percent" and changed and fact.written_as == "digits":
        # "GDP growth" 5%, "decline in GDP" 3.9%: "GDP grew 5%", "GDP fell 3.9%"
        falls = bool(changed.group("fall"))
        shown = replace(fact, quantity=replace(fact.quantity, value=abs(fact.value)))
        text = writer.write("rate", metric=changed.group("fall") or changed.group("rise"),
                            figure=fact_figure(shown), when=when(fact),
                            up=fact.value >= 0 and not falls)
        return Finding(text, (fact.id,))
    growth = _growth_of(briefing, fact) if fact.unit != "percent" else None
    ids = (fact.id,) + ((growth.id,) if growth else ())
    growth_text = ""
    if growth is not None:
        growth_text = fact_figure(replace(growth, quantity=replace(
            growth.quantity, value=abs(growth.value)), written_as="digits"))
    text = writer.write("level", metric=split_period(fact)[0], figure=fact_figure(fact),
                        when=when(fact), growth=growth_text,
                        growth_up=growth is None or (growth.value >= 0 and not _falls(growth)))
    return Finding(text, ids)


def _system(briefing: Briefing, tier: SystemTier, writer: _Writer) -> Finding | None:
    total = briefing.facts_in((tier.total_fact_id,) if tier.total_fact_id else ())
    if not total or total[0].is_target:
        return None
    count = briefing.facts_in((tier.count_fact_id,) if tier.count_fact_id else ())
    group = count[0].text if count and tier.name.split()[-1] in count[0].text else tier.name
    members = [m.name for m in tier.members][:6]
    text = writer.write("system", group=group, members=members, total=fact_figure(total[0]),
                        when=when(total[0]))
    return Finding(text, tuple(f.id for f in (*count, total[0])))


def _target_gap(briefing: Briefing, target: Target, writer: _Writer) -> Finding | None:
    goal = briefing.fact(target.fact_id)
    actual = briefing.facts_in((target.actual_fact_id,) if target.actual_fact_id else ())
    if not actual:
        return None
    growth = target.growth_needed
    text = writer.write(
        "target_gap", metric=split_period(goal)[0], target=fact_figure(goal),
        year=target.year or goal.year, actual=fact_figure(actual[0]),
        actual_year=actual[0].year,
        growth=f"{exact(round(growth, 1))}%" if growth is not None else "")
    return Finding(text, (goal.id, actual[0].id))


def _target_groups(briefing: Briefing, writer: _Writer, used: set[str]) -> Iterable[Finding]:
    """One finding per target year for the targets without an actual figure (three at most)."""
    by_year: dict[int | None, list[Fact]] = {}
    for target in briefing.targets:
        facts = briefing.facts_in((target.fact_id,))
        # a count goal of a handful ("5 aspects") is a list's length, not a target to report
        small = facts and facts[0].unit == "count" and facts[0].value < 100
        if facts and facts[0].id not in used and clear_metric(facts[0]) and not small:
            by_year.setdefault(target.year or facts[0].year, []).append(facts[0])
    for year, facts in by_year.items():
        chosen = sorted(facts, key=lambda f: -f.value if f.unit in ("yuan", "usd") else 0)[:3]
        items = [f"{split_period(f)[0]} {fact_figure(f)}" for f in chosen]
        yield Finding(writer.write("targets", year=year, items=items),
                      tuple(f.id for f in chosen))


def place_of(briefing: Briefing) -> str:
    """The place a release is about: the place the data layer found in its title or opening
    ("Taiyuan", not "North China" of "capital of North China's Shanxi province"), else the
    proper noun it most often writes as a possessive ("Shanghai's"), its title's first; ''
    when none."""
    if briefing.document.place and briefing.document.place.split()[0] not in _NOT_PLACES:
        return briefing.document.place
    counts: Counter[str] = Counter()
    for match in _POSSESSIVE.finditer(briefing.document.title):
        counts[match.group(1)] += 3
    for match in _POSSESSIVE.finditer(briefing.text[:20000]):
        counts[match.group(1)] += 1
    for name, _ in counts.most_common():
        if name.split()[0] not in _NOT_PLACES:
            return name
    return ""


def _title(briefing: Briefing, writer: _Writer) -> str:
    """A title stating place, subject and period, or '' (the renderers then use the release's
    own title)."""
    visible = {f.id: f for f in briefing.visible_facts}
    lead = next((visible[i] for i in briefing.headlines
                 if i in visible and clear_metric(visible[i]) and not visible[i].is_target), None)
    if lead is None:
        return ""
    place = place_of(briefing)
    subject, _ = split_period(lead)
    if place and place.lower() in subject.lower():
        place = ""
    change = next((c for c in (*briefing.level_changes, *_dated_changes(briefing))
                   if c.to_fact_id == lead.id and c.from_fact_id in visible), None)
    values: dict[str, Any] = {"place": place, "subject": subject, "figure": fact_figure(lead),
                              "change": "", "direction": "", "period": when(lead)[3:]}
    if change is not None:
        old = visible[change.from_fact_id]
        years = (change.from_year or old.year, change.to_year or lead.year)
        if old.unit == lead.unit and old.value > 0 and lead.unit != "percent":
            rate = (lead.value - old.value) / old.value * 100
            values.update(change=f"{exact(round(abs(rate), 1))}%",
                          direction="up" if rate >= 0 else "down")
        if all(years):
            values["period"] = f"{years[0]}–{years[1]}"
    title = writer.write("title", **values)
    if len(title) > MAX_TITLE:
        title = writer.write("title_short", **values)
    return title if len(title) <= MAX_TITLE else ""
