"""deck.yaml evaluated: each entry becomes one `SlidePlan` (what one slide and its continuations
show), with `repeat` expanded, `when` applied and every text rendered by the sandboxed Jinja
environment. No python-pptx here: planning needs none.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen import formatting
from reportgen.errors import TemplateError
from reportgen.model import Briefing, ChartSpec, Fact
from reportgen.render.deck.figures import chart_years, figure_text, key_candidates, tile_labels
from reportgen.render.deck.spec import DeckSpec, SlideEntry
from reportgen.render.deck.tables import TABLES, TableData, figures_table, rows_table
from reportgen.templating import make_environment, render_string

if TYPE_CHECKING:
    from jinja2 import Environment

    from reportgen.config import Config

_SINGLE_EXPRESSION = re.compile(r"^\s*\{\{(.*)\}\}\s*$", re.S)


@dataclass(slots=True)
class SlidePlan:
    """One evaluated deck.yaml entry: what one slide (and its continuations) must show."""

    where: str
    layout: str
    title: str = ""
    subtitle: str = ""
    body: list[str] = field(default_factory=list)
    notes: str = ""
    charts: list[ChartSpec] = field(default_factory=list)
    table: TableData | None = None
    table_name: str = ""
    tiles: list[Fact] = field(default_factory=list)
    tile_labels: dict[str, str] = field(default_factory=dict)
    diagram: bool = False
    fact_ids: list[str] = field(default_factory=list)

def base_context(briefing: Briefing, specs: Sequence[ChartSpec], config: Config) -> dict[str, Any]:
    """What every expression in deck.yaml and the master can use, besides per-slide helpers."""
    return {
        "document": briefing.document,
        "briefing": briefing,
        "sections": briefing.sections,
        "numbered_sections": [s for s in briefing.sections if s.number > 0],
        "facts": briefing.visible_facts,
        "targets": briefing.targets,
        "system": briefing.system,
        "charts": list(specs),
        "organisation": config.organisation,
        "author": config.author,
        "title": briefing.analytic_title or briefing.document.title,
        "date": briefing.document.date or "",
    }


def plan_slides(spec: DeckSpec, env: Environment, briefing: Briefing,
                specs: Sequence[ChartSpec], config: Config) -> list[SlidePlan]:
    """Every slide deck.yaml asks for, evaluated (repeat expanded, `when` applied)."""
    base = base_context(briefing, specs, config)
    chosen: dict[tuple[int, str | None], list[Fact]] = {}  # key_facts, asked again and again
    plans: list[SlidePlan] = []
    for entry in spec.slides:
        for bindings in _repeat(entry, env, {**base, **_helpers(briefing, specs, [], chosen)},
                                spec):
            recorder: list[str] = []
            context = {**base, **_helpers(briefing, specs, recorder, chosen), **bindings}
            when = entry.get("when")
            if when is not None and not _evaluate(env, when.value, context, spec.at(when.line)):
                continue
            plans.append(_slide_plan(entry, env, context, spec, briefing, specs, recorder))
    return _list_shown_figures(plans, briefing)


def _list_shown_figures(plans: list[SlidePlan], briefing: Briefing) -> list[SlidePlan]:
    """Plans with each `table: figures` listing the figures the other slides show.

    A figures slide with nothing to list is left out (a release without figures).
    """
    shown = [(fact_id, plan.title) for plan in plans if plan.table_name != "figures"
             for fact_id in shown_fact_ids(plan, briefing)]
    years = chart_years([c for plan in plans for c in plan.charts])
    kept = []
    for plan in plans:
        if plan.table_name == "figures":
            plan.table = figures_table(briefing, shown, years)
            if not plan.table.rows and not plan.body:
                continue
        kept.append(plan)
    return kept


def shown_fact_ids(plan: SlidePlan, briefing: Briefing) -> list[str]:
    """The ids of the facts a plan's slides show: text, charts, tiles, table, diagram."""
    ids = list(plan.fact_ids)
    for chart in plan.charts:
        ids.extend(chart.fact_ids)
    ids.extend(f.id for f in plan.tiles)
    if plan.table is not None:
        ids.extend(i for row in plan.table.fact_ids for i in row)
    if plan.diagram:
        for tier in briefing.system:
            ids.extend(i for i in (tier.count_fact_id, tier.total_fact_id) if i)
            ids.extend(m.headline_fact_id for m in tier.members if m.headline_fact_id)
    return list(dict.fromkeys(ids))


def _repeat(entry: SlideEntry, env: Environment, base: Mapping[str, Any],
            spec: DeckSpec) -> list[dict[str, Any]]:
    """The loop bindings of an entry: one empty binding without `repeat:`."""
    repeat = entry.get("repeat")
    if repeat is None:
        return [{}]
    where = spec.at(repeat.line)
    items = _evaluate(env, str(repeat.value), dict(base), where)
    if isinstance(items, (str, bytes)) or not hasattr(items, "__iter__"):
        raise TemplateError(f"{where}: 'repeat' must give a list, got {type(items).__name__}")
    name_field = entry.get("as")
    name = str(name_field.value) if name_field else "item"
    if not name.isidentifier():
        raise TemplateError(f"{spec.at(name_field.line if name_field else repeat.line)}: "
                            f"'as' must be a plain name, got {name!r}")
    items = list(items)
    return [{name: item, "loop_index": i + 1, "loop_length": len(items)}
            for i, item in enumerate(items)]


def _helpers(briefing: Briefing, specs: Sequence[ChartSpec], recorder: list[str],
             chosen_before: dict[tuple[int, str | None], list[Fact]] | None = None
             ) -> dict[str, Callable[..., Any]]:
    """Functions for deck.yaml expressions; `fact` and `figure` record the facts they show;
    `key_facts` answers from `chosen_before` what it was asked before."""
    by_id = {f.id: f for f in briefing.facts}

    def fact(fact_id: str) -> Fact:
        found = by_id.get(fact_id)
        if found is None:
            close = difflib.get_close_matches(fact_id, list(by_id), n=3)
            raise KeyError(f"no fact {fact_id!r}" + (f"; did you mean {', '.join(close)}?"
                                                      if close else ""))
        recorder.append(found.id)
        return found

    def figure(item: Fact | str) -> str:
        found = fact(item) if isinstance(item, str) else item
        recorder.append(found.id)
        return figure_text(found)

    def charts_in(section_id: str) -> list[ChartSpec]:
        return [c for c in specs if c.section_id == section_id and c.kind != "system"]

    def chosen(n: int = 6, section_id: str | None = None) -> list[Fact]:
        if chosen_before is None or not isinstance(section_id, (str, type(None))):
            return key_facts(briefing, int(n), section_id, specs)
        key = (int(n), section_id)
        if key not in chosen_before:
            chosen_before[key] = key_facts(briefing, key[0], section_id, specs)
        return list(chosen_before[key])

    def findings(n: int = 6) -> list[str]:
        """The key findings' sentences (their facts' sources go to the notes)."""
        shown = list(briefing.findings[:int(n)])
        recorder.extend(i for f in shown for i in f.fact_ids)
        return [f.text for f in shown]

    def finding_in(section_id: str, default: str = "") -> str:
        """The first key finding whose figures are in this section, else `default`: a slide
        title that states a finding rather than the release's slogan."""
        found = briefing.finding_in(section_id)
        short = formatting.as_heading(found.text) if found else ""
        if found is None or not short:
            return default
        recorder.extend(found.fact_ids)
        return short

    return {"fact": fact, "figure": figure, "charts_in": charts_in, "key_facts": chosen,
            "findings": findings, "finding_in": finding_in}


def key_facts(briefing: Briefing, count: int, section_id: str | None = None,
              specs: Sequence[ChartSpec] = ()) -> list[Fact]:
    """Headline figures for tiles: the document's (or one section's) strongest, best first.

    Money and shares with a year or a clear name, figures with an earlier one to compare,
    other measures, then large counts; never per-item thresholds, tiny counts or counts of
    fields/rounds/years (see `figures`). `specs` lend years to facts a chart places.
    """
    return [c.fact for c in key_candidates(briefing, count, specs, section_id)]


def render_text(env: Environment, source: str, context: Mapping[str, Any], where: str) -> str:
    """`source` rendered as a template; plain text returned as it is; one-line errors.

    Compiled templates are cached (deck.yaml repeats the same text for every section); on any
    failure `render_string` renders again to raise its one-line `TemplateError`.
    """
    if "{" not in source:
        return source
    try:
        return _compiled(env, source).render(context)
    except Exception:  # noqa: BLE001 — rendered again below for the one-line message
        return render_string(env, source, context, where)


@lru_cache(maxsize=512)
def _compiled(env: Environment, source: str) -> Any:
    """`source` as `env.from_string` makes it, compiled once per environment, and kept between
    processes in the environment's bytecode cache (as Jinja's loaders keep template files):
    compiling deck.yaml's texts cost a fresh build ~0.01 s."""
    cache = env.bytecode_cache
    if cache is None:
        return env.from_string(source)
    bucket = cache.get_bucket(env, f"deck text:{source}", None, source)
    if bucket.code is None:
        bucket.code = env.compile(source)
        cache.set_bucket(bucket)
    return env.template_class.from_code(env, bucket.code, env.make_globals(None), None)


@lru_cache(maxsize=512)
def _compiled_expression(env: Environment, source: str) -> Any:
    """An expression compiled once per environment."""
    return env.compile_expression(source, undefined_to_none=False)


@lru_cache(maxsize=8)
def deck_environment(roots: tuple[Path, ...]) -> Environment:
    """The sandboxed, non-HTML environment over `roots`, made once per set of roots."""
    return make_environment(list(roots), html=False)


def _evaluate(env: Environment, source: Any, context: Mapping[str, Any], where: str) -> Any:
    """The value of a Jinja expression (`{{ }}` around it optional); one-line errors."""
    import jinja2

    if not isinstance(source, str):
        return source
    match = _SINGLE_EXPRESSION.match(source)
    text = match.group(1) if match else source
    try:
        return _compiled_expression(env, text)(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{where}: {exc.message}") from None
    except Exception as exc:  # noqa: BLE001 — an error inside the expression is the author's
        message = str(exc).strip("'\"").splitlines()[0] if str(exc) else type(exc).__name__
        raise TemplateError(f"{where}: {message}") from None


def _text(env: Environment, entry: SlideEntry, key: str, context: Mapping[str, Any],
          spec: DeckSpec) -> str:
    """A text field rendered as a template ('' when the entry lacks it)."""
    item = entry.get(key)
    if item is None or item.value is None:
        return ""
    return render_text(env, str(item.value), context, spec.at(item.line)).strip()


def _slide_plan(entry: SlideEntry, env: Environment, context: Mapping[str, Any], spec: DeckSpec,
                briefing: Briefing, specs: Sequence[ChartSpec], recorder: list[str]) -> SlidePlan:
    """One evaluated slide."""
    plan = SlidePlan(where=spec.at(entry.line), layout=_text(env, entry, "layout", context, spec))
    plan.title = _text(env, entry, "title", context, spec)
    plan.subtitle = _text(env, entry, "subtitle", context, spec)
    plan.notes = _text(env, entry, "notes", context, spec)
    plan.body = _body(env, entry, context, spec)
    plan.charts = _charts(env, entry, context, spec, specs)
    plan.table_name, plan.table = _table(env, entry, context, spec, briefing)
    plan.tiles = _tiles(env, entry, context, spec, briefing)
    if plan.tiles:
        plan.tile_labels = tile_labels(briefing, plan.tiles, specs)
    diagram = entry.get("diagram")
    if diagram is not None:
        if str(diagram.value) != "system":
            raise TemplateError(f"{spec.at(diagram.line)}: unknown diagram {diagram.value!r}; "
                                "the one diagram is 'system'")
        plan.diagram = bool(briefing.system)
    plan.fact_ids = list(dict.fromkeys(recorder))
    return plan


def _body(env: Environment, entry: SlideEntry, context: Mapping[str, Any],
          spec: DeckSpec) -> list[str]:
    """The body's paragraphs: a text's lines, or a list's items, each rendered; blanks dropped."""
    item = entry.get("body")
    if item is None:
        return []
    where = spec.at(item.line)
    sources = item.value if isinstance(item.value, list) else [item.value]
    lines = []
    for source in sources:
        lines.extend(render_text(env, str(source), context, where).split("\n"))
    return [line.strip() for line in lines if line.strip()]


def _charts(env: Environment, entry: SlideEntry, context: Mapping[str, Any], spec: DeckSpec,
            specs: Sequence[ChartSpec]) -> list[ChartSpec]:
    """The chart specs a slide shows, from ids or an expression giving specs or ids."""
    item = entry.get("chart") or entry.get("charts")
    if item is None:
        return []
    where = spec.at(item.line)
    value = item.value
    if isinstance(value, str) and _SINGLE_EXPRESSION.match(value):
        value = _evaluate(env, value, context, where)
    values = list(value) if isinstance(value, (list, tuple)) else [value]
    by_id = {c.id: c for c in specs}
    found = []
    for one in values:
        if isinstance(one, ChartSpec):
            found.append(one)
            continue
        if str(one) not in by_id:
            close = difflib.get_close_matches(str(one), list(by_id), n=3)
            hint = f"did you mean {', '.join(close)}?" if close else \
                f"charts are: {', '.join(by_id) or 'none'}"
            raise TemplateError(f"{where}: unknown chart id {one!r}; {hint}")
        found.append(by_id[str(one)])
    return found


def _table(env: Environment, entry: SlideEntry, context: Mapping[str, Any], spec: DeckSpec,
           briefing: Briefing) -> tuple[str, TableData | None]:
    """The slide's table and its name: a named one from the data layer, or rows in deck.yaml."""
    item = entry.get("table")
    if item is None:
        return "", None
    where = spec.at(item.line)
    value = item.value
    if isinstance(value, str) and _SINGLE_EXPRESSION.match(value):
        value = _evaluate(env, value, context, where)
    if isinstance(value, str):
        if value not in TABLES:
            raise TemplateError(f"{where}: unknown table {value!r}; tables are: "
                                f"{', '.join(TABLES)}, or a list of rows (first is the header)")
        return value, TABLES[value](briefing)
    is_rows = isinstance(value, (list, tuple)) and all(isinstance(r, (list, tuple)) for r in value)
    if is_rows and value:
        rows = [[render_text(env, str(c), context, where) for c in row] for row in value]
        return "", rows_table(rows)
    raise TemplateError(f"{where}: 'table' must be a table name or a list of rows")


def _tiles(env: Environment, entry: SlideEntry, context: Mapping[str, Any], spec: DeckSpec,
           briefing: Briefing) -> list[Fact]:
    """The facts shown as figure tiles, from fact ids or an expression giving facts or ids."""
    item = entry.get("tiles")
    if item is None:
        return []
    where = spec.at(item.line)
    value = _evaluate(env, item.value, context, where) if isinstance(item.value, str) \
        else item.value
    facts = []
    for one in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(one, Fact):
            facts.append(one)
            continue
        try:
            facts.append(briefing.fact(str(one)))
        except KeyError:
            close = difflib.get_close_matches(str(one), [f.id for f in briefing.facts], n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise TemplateError(f"{where}: no fact {one!r}{hint}") from None
    return [f for f in facts if not f.hidden]
