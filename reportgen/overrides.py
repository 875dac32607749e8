"""Staff corrections to the data layer: `seeds/<stem>.overrides.yaml`.

    facts:
      industrial-added-value-2021:     # a fact id from `reportgen extract`
        label: Industrial added value  # value, unit, year, metric, label, hidden, qualifier,
        value: 1.0739 trillion yuan    # is_target; a value may be a number or a quantity phrase
      robot-density-relative-to-international-average:
        hidden: true
    add:                               # facts the text lacks
      - metric: GDP
        value: 4.47 trillion yuan
        year: 2022

Everything is checked before anything is applied, and every mistake in the file is reported at
once: an unknown fact id or key is an error naming the file, the line and the closest valid
names. Changed and added facts are marked `overridden`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from reportgen.errors import OverridesError, QuantityError
from reportgen.extraction.ids import fact_slug, unique_ids
from reportgen.extraction.numbers import parse_quantity
from reportgen.extraction.system import build_system, build_targets
from reportgen.files import MAX_OVERRIDES_BYTES, read_file
from reportgen.model import Briefing, Fact, Qualifier, Quantity

if TYPE_CHECKING:  # yaml is imported only when an overrides file exists
    from yaml.nodes import Node, ScalarNode

T = TypeVar("T")
TOP_KEYS = ("facts", "add")
FACT_KEYS = ("value", "unit", "year", "metric", "label", "hidden", "qualifier", "is_target")
ADD_KEYS = FACT_KEYS + ("id", "topic", "period")
QUALIFIERS = tuple(q.value for q in Qualifier)
_SCIENTIFIC = re.compile(r"[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]{1,2}", re.ASCII)


def overrides_path_for(source: Path) -> Path | None:
    """`<stem>.overrides.yaml` next to `source`, or None when there is none."""
    path = source.with_name(f"{source.stem}.overrides.yaml")
    return path if path.is_file() else None


def apply_overrides(briefing: Briefing, path: Path | None, raw: bytes | None = None,
                    ) -> Briefing:
    """`briefing` with the overrides file at `path` applied (unchanged when `path` is None);
    `raw` is the file's bytes when the caller read them already (once, and hashed)."""
    if path is None:
        return briefing
    root = _load(path, raw)
    if root is None:
        return briefing
    reader = _Reader(path)
    changes, additions = reader.read(root, {f.id for f in briefing.facts})
    if reader.problems:
        raise OverridesError("\n".join(reader.problems))
    facts = [_changed(f, changes[f.id]) if f.id in changes else f for f in briefing.facts]
    facts.extend(additions)
    updated = replace(briefing, facts=tuple(facts))
    return replace(updated, targets=build_targets(updated), system=build_system(updated))


def _load(path: Path, raw: bytes | None = None) -> Node | None:
    """The YAML node tree of `path` (or of `raw`, its bytes, when given), with line marks;
    `OverridesError` for unreadable files."""
    import yaml

    if raw is None:
        raw = read_overrides(path)
    try:
        text = raw.decode("utf-8-sig")
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except UnicodeDecodeError as exc:
        raise OverridesError(f"{path}: not UTF-8 text; save it as UTF-8") from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise OverridesError(f"{path}:{line}: invalid YAML: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise OverridesError(f"{path}: invalid YAML: {exc}") from exc


class _Noted(OverridesError):
    """An entry whose mistakes are already noted: it is skipped, nothing more is reported."""


def read_overrides(path: Path) -> bytes:
    """The bytes of an overrides file: a regular file in its release's folder, at most 1 MB."""
    return read_file(path, MAX_OVERRIDES_BYTES, root=path.parent, what="overrides file",
                     error=OverridesError)


def _closest(word: str, valid: object) -> str:
    names = sorted(str(v) for v in valid)  # type: ignore[attr-defined]
    close = difflib.get_close_matches(word, names, n=3, cutoff=0.4)
    shown = close or names[:3]
    return ", ".join(shown) if shown else "(none)"


class _Reader:
    """Validates the node tree of one overrides file and turns it into changes and new facts."""

    def __init__(self, path: Path) -> None:
        from yaml.constructor import SafeConstructor

        self.path = path
        self.constructor = SafeConstructor()
        self.problems: list[str] = []

    def attempt(self, step: Callable[[], T]) -> T | None:
        """`step()`'s value, or None with its error noted (so the rest is still checked)."""
        try:
            return step()
        except _Noted:
            return None
        except OverridesError as exc:
            self.problems.append(str(exc))
            return None

    def error(self, node: Node, message: str) -> OverridesError:
        """An `OverridesError` naming this file and the line of `node`."""
        return OverridesError(f"{self.path}:{node.start_mark.line + 1}: {message}")

    def value(self, node: Node) -> Any:
        """The Python value of a YAML node; a tag safe loading refuses (`!!python/object`)
        is an error naming its line."""
        import yaml

        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise self.error(node, f"tag {node.tag!r} is refused ({problem}); write a plain "
                                   "value (text, a number, true or false)") from None

    def mapping(self, node: Node, what: str) -> list[tuple[ScalarNode, Node]]:
        """The (key, value) node pairs of a mapping node; an error naming `what` otherwise."""
        from yaml.nodes import MappingNode, ScalarNode

        if not isinstance(node, MappingNode):
            raise self.error(node, f"{what} must be a mapping of names to values")
        pairs = []
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                raise self.error(key, f"{what}: keys must be plain names")
            pairs.append((key, value))
        return pairs

    def read(self, root: Node, ids: set[str]) -> tuple[dict[str, dict[str, Any]], list[Fact]]:
        """The checked changes by fact id and the checked new facts of the whole file."""
        changes: dict[str, dict[str, Any]] = {}
        additions: list[Fact] = []
        for key, value in self.attempt(lambda: self.mapping(root, "the overrides file")) or ():
            if key.value == "facts":
                changes = self.attempt(partial(self.read_changes, value, ids)) or {}
            elif key.value == "add":
                additions = self.attempt(partial(self.read_additions, value, ids)) or []
            else:
                self.problems.append(str(self.error(
                    key, f"unknown key '{key.value}'; expected one of: {', '.join(TOP_KEYS)}")))
        return changes, additions

    def read_changes(self, node: Node, ids: set[str]) -> dict[str, dict[str, Any]]:
        """The checked fields of each `facts:` entry, by fact id."""
        from yaml.nodes import ScalarNode

        changes: dict[str, dict[str, Any]] = {}
        if isinstance(node, ScalarNode) and node.value in ("", "~", "null"):
            return changes
        for key, value in self.mapping(node, "facts"):
            fact_id = key.value
            if fact_id not in ids:
                self.problems.append(str(self.error(
                    key, f"unknown fact id '{fact_id}'; closest: {_closest(fact_id, ids)} "
                         f"(`reportgen extract` lists every id of release {self.release})")))
                continue
            fields = self.attempt(
                partial(self.read_fields, value, FACT_KEYS, f"fact '{fact_id}'"))
            if fields is not None:
                changes[fact_id] = fields
        return changes

    def read_fields(self, node: Node, allowed: tuple[str, ...], what: str) -> dict[str, Any]:
        """The checked fields of one entry; unknown keys are an error naming the closest."""
        fields: dict[str, Any] = {}
        before = len(self.problems)
        for key, value in self.mapping(node, what):
            name = key.value
            if name not in allowed:
                self.problems.append(str(self.error(
                    key, f"unknown key '{name}' for {what}; closest: {_closest(name, allowed)}")))
                continue
            checked = self.attempt(partial(self.checked, name, value))
            if checked is not None or name == "year":
                fields[name] = checked
        if len(self.problems) > before:  # noted; the entry is not applied
            raise _Noted()
        return fields

    def checked(self, name: str, node: Node) -> Any:
        """The value of field `name`, checked for its type."""
        value = self.value(node)
        if name == "value":
            return self.quantity_value(node, value)
        if name in ("hidden", "is_target"):
            if not isinstance(value, bool):
                raise self.error(node, f"'{name}' must be true or false, not {value!r}")
            return value
        if name == "year":
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                      or not 1800 <= value <= 2200):
                raise self.error(node, f"'year' must be a year such as 2025, not {value!r}")
            return value
        if name == "qualifier":
            if value not in QUALIFIERS:
                raise self.error(node, f"unknown qualifier {value!r}; closest: "
                                       f"{_closest(str(value), QUALIFIERS)}")
            return Qualifier(value)
        if not isinstance(value, str) or not value.strip():
            raise self.error(node, f"'{name}' must be non-empty text, not {value!r}")
        return value.strip()

    def quantity_value(self, node: Node, value: Any) -> Quantity | float:
        """A `value:` as a number or a parsed quantity phrase ("1.2 trillion yuan")."""
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.error(node, f"'value' must be a number or a quantity, not {value!r}")
        if isinstance(value, str) and _SCIENTIFIC.fullmatch(value.strip()):
            value = float(value)  # "4.8e12": YAML 1.1 reads it as text; the pattern is strict
        if isinstance(value, str):
            try:
                return parse_quantity(value)
            except QuantityError as exc:
                raise self.error(node, f"'value' {value!r} is not a quantity ({exc})") from exc
        if value != value or value in (float("inf"), float("-inf")) or abs(value) > 1e18:
            raise self.error(node, f"'value' {value!r} is out of range")
        return float(value)

    def read_additions(self, node: Node, ids: set[str]) -> list[Fact]:
        """The new facts of the `add:` list, with ids unique in the document."""
        from yaml.nodes import ScalarNode, SequenceNode

        if isinstance(node, ScalarNode) and node.value in ("", "~", "null"):
            return []
        if not isinstance(node, SequenceNode):
            raise self.error(node, "'add' must be a list of facts (each line starting with '- ')")
        facts = []
        taken = set(ids)
        for item in node.value:
            fact = self.attempt(partial(self.read_addition, item, taken))
            if fact is not None:
                taken.add(fact.id)
                facts.append(fact)
        return facts

    def read_addition(self, item: Node, taken: set[str]) -> Fact:
        """One checked `add:` entry as a fact whose id is not in `taken`."""
        fields = self.read_fields(item, ADD_KEYS, "an added fact")
        for required in ("metric", "value"):
            if required not in fields:
                raise self.error(item, f"an added fact needs '{required}'")
        fact = _new_fact(fields)
        if fields.get("id") and fact.id in taken:
            raise self.error(item, f"fact id '{fact.id}' is already taken")
        return replace(fact, id=unique_ids([fact.id], taken)[0])

    @property
    def release(self) -> str:
        """The name of the release this file corrects (its file name without the suffix)."""
        return self.path.name.removesuffix(".overrides.yaml")


def _quantity(fields: dict[str, Any], base: Quantity) -> Quantity:
    """The quantity after applying `value`, `unit` and `qualifier` fields to `base`."""
    value = fields.get("value", base.value)
    quantity = value if isinstance(value, Quantity) else replace(base, value=float(value))
    if isinstance(value, Quantity) and value.unit == "count" and base.unit != "count":
        quantity = replace(quantity, unit=base.unit)  # "1.2 million" keeps the fact's unit
    if "unit" in fields:
        quantity = replace(quantity, unit=fields["unit"])
    if "qualifier" in fields:
        quantity = replace(quantity, qualifier=fields["qualifier"])
    return quantity


def _changed(fact: Fact, fields: dict[str, Any]) -> Fact:
    """`fact` with the override's fields applied and marked as overridden."""
    simple = {k: v for k, v in fields.items()
              if k in ("year", "metric", "label", "hidden", "is_target")}
    return replace(fact, quantity=_quantity(fields, fact.quantity), overridden=True, **simple)


def _new_fact(fields: dict[str, Any]) -> Fact:
    """A fact the text lacks, built from an `add:` entry."""
    base = Quantity(0.0, str(fields.get("unit", "count")))
    quantity = _quantity(fields, base)
    year = fields.get("year")
    return Fact(
        id=fields.get("id") or fact_slug(fields["metric"], year), span=(0, 0), text="",
        quantity=quantity, metric=fields["metric"], year=year,
        is_target=bool(fields.get("is_target", False)), sentence="",
        topic=fields.get("topic"), label=fields.get("label"), period=fields.get("period"),
        overridden=True, hidden=bool(fields.get("hidden", False)),
    )
