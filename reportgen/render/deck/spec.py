"""`deck.yaml`, the slide list staff edit: loaded and checked with line numbers, not yet evaluated.

```yaml
slides:
  - layout: Chart                      # a layout name of the master (text, may hold {{ }})
    repeat: sections                   # optional: one slide per item of this expression …
    as: section                        # … bound to this name (default: item)
    when: charts_in(section.id)        # optional: skip the slide when this is false
    title: "{{ section.title }}"
    body: ["first paragraph", "second"]  # text or a list of paragraphs
    chart: growth-industrial-added-value # a chart id, or charts: a list / an expression
    table: targets                     # targets | sources | facts, or rows (first = header)
    tiles: "{{ key_facts(6) }}"        # figure tiles: fact ids or an expression giving facts
    diagram: system                    # the industrial system drawn with shapes
    notes: "Said aloud …"
```
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import TemplateError
from reportgen.files import read_text_file

TEXT_KEYS = ("layout", "title", "subtitle", "body", "notes")
DATA_KEYS = ("chart", "charts", "table", "tiles", "diagram")
CONTROL_KEYS = ("repeat", "as", "when", "name")
KNOWN_KEYS = (*TEXT_KEYS, *DATA_KEYS, *CONTROL_KEYS)
MAX_DECK_YAML_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SlideField:
    """One value of a slide entry and the line of deck.yaml it was written on."""

    value: Any
    line: int


@dataclass(frozen=True, slots=True)
class SlideEntry:
    """One entry of `slides:`, which may expand to several slides (repeat, continuations)."""

    line: int
    fields: Mapping[str, SlideField] = field(default_factory=dict)

    def get(self, key: str) -> SlideField | None:
        """The field called `key`, or None when the entry does not set it."""
        return self.fields.get(key)


@dataclass(frozen=True, slots=True)
class DeckSpec:
    """The parsed deck.yaml: where it came from and its slide entries in order."""

    path: Path
    where: str
    slides: tuple[SlideEntry, ...]

    def at(self, line: int) -> str:
        """'deck.yaml:LINE' for error messages."""
        return f"{self.where}:{line}"


def load_deck_spec(path: Path, root: Path | None = None) -> DeckSpec:
    """The deck spec in `path` (a regular file, inside `root` when given); `TemplateError`
    naming file and line when it is invalid."""
    where = display_path(path)
    if not path.exists() and not path.is_symlink():
        raise TemplateError(f"{where}: deck spec not found")
    text = read_text_file(path, MAX_DECK_YAML_BYTES, root=root, what="deck spec",
                          error=TemplateError)
    return parse_deck_spec(text, where, path)


def parse_deck_spec(text: str, where: str, path: Path | None = None) -> DeckSpec:
    """The deck spec in `text` (errors name `where`)."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or exc
        raise TemplateError(f"{where}{line}: not valid YAML ({problem})") from None
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode):
        raise TemplateError(f"{where}:1: expected a mapping with a 'slides:' list")
    _refuse_aliases(root, where)
    slides_node = _child(root, "slides")
    if not isinstance(slides_node, yaml.SequenceNode):
        number = (slides_node.start_mark.line if slides_node else root.start_mark.line) + 1
        raise TemplateError(f"{where}:{number}: 'slides' must be a list of slide entries")
    entries = tuple(_entry(node, where, loader) for node in slides_node.value)
    if not entries:
        raise TemplateError(f"{where}:{slides_node.start_mark.line + 1}: 'slides' is empty")
    return DeckSpec(path=path or Path(where), where=where, slides=entries)


def _refuse_aliases(root: yaml.Node, where: str) -> None:
    """Refuse `*alias` references: a node met twice (they can multiply a small file's size)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise TemplateError(f"{where}:{node.start_mark.line + 1}: YAML aliases (&name/*name) "
                                "are not allowed in deck.yaml; write the value out")
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in node.value for v in pair)


def _child(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    """The value node of `key` in a mapping node."""
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    return None


def _entry(node: yaml.Node, where: str, loader: yaml.SafeLoader) -> SlideEntry:
    """One slide entry, its keys checked."""
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise TemplateError(f"{where}:{line}: a slide entry must be a mapping (layout:, title:, …)")
    fields: dict[str, SlideField] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        key_line = key_node.start_mark.line + 1
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            hint = (f"did you mean {close[0]!r}?" if close
                    else f"known keys: {', '.join(KNOWN_KEYS)}")
            raise TemplateError(f"{where}:{key_line}: unknown slide key {key!r}; {hint}")
        fields[key] = SlideField(_value(value_node, loader, where), value_node.start_mark.line + 1)
    if "layout" not in fields:
        raise TemplateError(f"{where}:{line}: slide entry without 'layout:' (e.g. layout: Chart)")
    _check_shapes(fields, where)
    return SlideEntry(line=line, fields=fields)


def _value(node: yaml.Node, loader: yaml.SafeLoader, where: str = "deck.yaml") -> Any:
    """The Python value of a node (strings, numbers, lists, mappings); a tag safe loading
    refuses (`!!python/object`) is an error naming its line."""
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise TemplateError(f"{where}:{node.start_mark.line + 1}: tag {node.tag!r} is refused "
                            f"({problem}); write plain text, numbers or lists") from None


def _check_shapes(fields: Mapping[str, SlideField], where: str) -> None:
    """Refuse values of the wrong shape, naming the line."""
    for key in ("layout", "title", "subtitle", "notes", "repeat", "as", "when", "diagram"):
        item = fields.get(key)
        if item is not None and not isinstance(item.value, (str, int, float, bool)):
            raise TemplateError(f"{where}:{item.line}: '{key}' must be text")
    body = fields.get("body")
    if body is not None and not isinstance(body.value, (str, list)):
        raise TemplateError(f"{where}:{body.line}: 'body' must be text or a list of paragraphs")
    if "chart" in fields and "charts" in fields:
        raise TemplateError(f"{where}:{fields['charts'].line}: use either 'chart' or 'charts'")


def display_path(path: Path) -> str:
    """`path` relative to the working folder when under it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
