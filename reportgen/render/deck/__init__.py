"""The PowerPoint deck: deck.yaml + master.pptx + the data layer → PPTX bytes with native charts.

Stages, each a module of this package: find the templates (staff → project → shipped), load
deck.yaml (`spec`), evaluate it into `SlidePlan`s (`plan`: repeat, when, Jinja text, charts,
tables, tiles), check the master safely and that it has every layout the plans need (`master`),
then open it with python-pptx, fill the `{{ }}` in the master and layouts, lay each plan out on
one or more slides (`slides`, on the slots `layout` finds), set reproducible core properties and
return the bytes with fixed zip dates (`package`).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.errors import MasterError
from reportgen.model import Briefing, ChartSpec
from reportgen.render import RenderResult
from reportgen.render.deck.master import missing_layouts, read_master
from reportgen.render.deck.package import build_time
from reportgen.render.deck.plan import base_context, deck_environment, plan_slides, render_text
from reportgen.render.deck.spec import DeckSpec, display_path, load_deck_spec
from reportgen.templating import template_roots

if TYPE_CHECKING:
    from jinja2 import Environment

    from reportgen.charts import ChartAsset
    from reportgen.config import Config

DECK_DIR = "deck"


def render_deck(briefing: Briefing, charts: Sequence[ChartAsset], config: Config) -> RenderResult:
    """The deck of `briefing` as PPTX bytes, with the warnings met while building it."""
    roots = template_roots(config.templates_dir, config.project_templates_dir)
    deck_file = find_deck_file(roots, "deck.yaml")
    spec = load_deck_spec(deck_file, _root_of(deck_file, roots))
    master_path = find_deck_file(roots, "master.pptx")
    master, layouts = read_master(master_path, config.limits, _root_of(master_path, roots))
    env = deck_environment(tuple(roots))
    specs = [c.spec for c in charts] or list(_chosen_charts(briefing, config))
    plans = plan_slides(spec, env, briefing, specs, config)
    missing = missing_layouts(layouts, [p.layout for p in plans])
    if missing:
        raise MasterError(_missing_layouts_message(master_path, spec, missing, layouts))
    from reportgen.render.deck.slides import build_presentation

    pngs = {c.spec.id: c.png for c in charts if c.png}
    data, warnings = build_presentation(
        master, plans, briefing, config, pngs,
        fill=_master_filler(env, base_context(briefing, specs, config), master_path),
        when=build_time(briefing),
    )
    _read_back(data, master_path)
    return RenderResult(data, tuple(warnings))


def _root_of(path: Path, roots: Sequence[Path]) -> Path | None:
    """The template folder `path` was found in (a link in it may not lead out of it)."""
    return next((r for r in roots if path.absolute().is_relative_to(r.absolute())), None)


def _read_back(data: bytes, master: Path) -> None:
    """Reopen the built deck as PowerPoint would, so a deck python-pptx cannot read never
    replaces a good one; `MasterError` naming the master otherwise."""
    from io import BytesIO

    from pptx import Presentation

    try:
        Presentation(BytesIO(data))
    except Exception as exc:  # noqa: BLE001 — whatever python-pptx raises, the deck is broken
        raise MasterError(f"{display_path(master)}: the deck built from this master cannot be "
                          f"read back ({type(exc).__name__}); {_FIX_MASTER}") from None


_FIX_MASTER = "replace it with a .pptx saved from PowerPoint, or delete it to use the shipped one"


def _missing_layouts_message(master: Path, spec: DeckSpec, missing: Sequence[str],
                             layouts: Sequence[str]) -> str:
    """One line naming the layouts deck.yaml needs and the master lacks, with likely matches."""
    close = {m: difflib.get_close_matches(m, list(layouts), n=1) for m in missing}
    hints = [f"{m!r} → {c[0]!r}?" for m, c in close.items() if c]
    return (
        f"{display_path(master)}: lacks the layout(s) {', '.join(map(repr, missing))} "
        f"that {spec.where} uses; add them to the master or change 'layout:' in deck.yaml "
        f"(the master has: {', '.join(map(repr, layouts))})"
        + (f"; did you mean {', '.join(hints)}" if hints else "")
    )


def _chosen_charts(briefing: Briefing, config: Config) -> tuple[ChartSpec, ...]:
    """The briefing's chart specs, chosen from its data when no drawn charts were passed."""
    from reportgen.charts import plan_for

    return plan_for(briefing, config).charts


def find_deck_file(roots: Sequence[Path], name: str) -> Path:
    """The first `deck/<name>` along the template roots (the shipped one is always last)."""
    for root in roots:
        candidate = root / DECK_DIR / name
        if candidate.exists() or candidate.is_symlink():  # a dangling link is reported
            return candidate
    return roots[-1] / DECK_DIR / name


def _master_filler(env: Environment, context: Mapping[str, Any], master: Path
                   ) -> Callable[[str, str], str]:
    """A function rendering one `{{ }}` found in the master's part `where`."""
    shown = display_path(master)

    def fill(expression: str, where: str) -> str:
        return render_text(env, expression, context, f"{shown}: {where}")

    return fill
