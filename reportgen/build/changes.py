"""What changed in a document's figures since its last build: old → new per fact id.

The manifest keeps a small summary of every visible fact (`fact_summary`); the next build
compares it with the new data and, when figures or targets changed, writes `changes.md`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportgen.model import Briefing

FactSummary = dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Change:
    """One figure that appeared, disappeared or changed (`old`/`new` are its source text)."""

    fact_id: str
    label: str
    old: str | None
    new: str | None
    is_target: bool = False

    @property
    def line(self) -> str:
        """The change as one readable line."""
        kind = "target" if self.is_target else "figure"
        if self.old is None:
            return f"new {kind} {self.label} ({self.fact_id}): {self.new}"
        if self.new is None:
            return f"removed {kind} {self.label} ({self.fact_id}): was {self.old}"
        return f"{kind} {self.label} ({self.fact_id}): {self.old} → {self.new}"


def fact_summary(briefing: Briefing) -> FactSummary:
    """Every visible fact's id → value, unit, text, label and whether it is a target."""
    return {
        f.id: {"value": f.value, "unit": f.unit, "text": f.text, "label": f.display_label,
               "year": f.year, "is_target": f.is_target}
        for f in briefing.visible_facts
    }


def compare(old: Mapping[str, Mapping[str, Any]], new: Mapping[str, Mapping[str, Any]],
            ) -> list[Change]:
    """The changes from `old` to `new` fact summaries, in id order."""
    changes: list[Change] = []
    for fact_id in sorted(set(old) | set(new)):
        before, after = old.get(fact_id), new.get(fact_id)
        if before and after and _same(before, after):
            continue
        shown = after or before or {}
        changes.append(Change(
            fact_id, str(shown.get("label", fact_id)),
            _text(before), _text(after), bool(shown.get("is_target")),
        ))
    return changes


def _same(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    keys = ("value", "unit", "year", "is_target")
    return all(before.get(k) == after.get(k) for k in keys)


def _text(entry: Mapping[str, Any] | None) -> str | None:
    if entry is None:
        return None
    return str(entry.get("text") or f"{entry.get('value')} {entry.get('unit')}")


def changes_markdown(title: str, source: str, built_at: str, changes: list[Change]) -> str:
    """`changes.md`: a heading, then figures and targets that changed, one bullet each."""
    figures = [c for c in changes if not c.is_target]
    targets = [c for c in changes if c.is_target]
    lines = [f"# Changes in {title}", "", f"Source: `{source}`  ", f"Built: {built_at}", ""]
    for heading, group in (("Figures", figures), ("Targets", targets)):
        if group:
            lines += [f"## {heading}", "", *(f"- {c.line}" for c in group), ""]
    return "\n".join(lines)
