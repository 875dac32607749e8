"""Where things go on a slide: boxes in EMU, and the slots a master's layout offers.

Each layout's placeholders become slots: the title, an optional subtitle, text-only slots
(`body` placeholders) and content slots (object, chart, table, picture). python-pptx's enums are
imported only when a layout is read, so tables can be measured while the slides are planned.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportgen.render.deck.text import Box

EMU_PER_PT = 12700
_INSET_X, _INSET_Y = 14.4, 7.2  # default text insets, left+right and top+bottom, in points
_NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


@dataclass(frozen=True, slots=True)
class Rect:
    """A box on the slide in EMU."""

    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Slot:
    """A placeholder of a layout where content can go."""

    idx: int
    rect: Rect
    size: float
    bullets: bool


@dataclass(frozen=True, slots=True)
class LayoutSlots:
    """What a layout offers: title, subtitle, text-only slots and content slots."""

    title: Slot | None
    subtitle: Slot | None
    text: tuple[Slot, ...]
    content: tuple[Slot, ...]


@lru_cache(maxsize=1)
def _placeholder_kinds() -> tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]:
    """The placeholder types that are titles, slide furniture (date, footer, …) and text-only."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    return ((PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE),
            (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER,
             PP_PLACEHOLDER.HEADER),
            (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.VERTICAL_BODY))


def layout_slots(layout: Any) -> LayoutSlots:
    """Classify a layout's placeholders into title, subtitle, text-only and content slots."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    titles, furniture, text_only = _placeholder_kinds()
    master = layout.slide_master._element
    title = subtitle = None
    text: list[Slot] = []
    content: list[Slot] = []
    for holder in layout.placeholders:
        kind = holder.placeholder_format.type
        if kind in furniture:
            continue
        rect = Rect(int(holder.left or 0), int(holder.top or 0),
                    int(holder.width or 0), int(holder.height or 0))
        style = "title" if kind in titles else "body"
        slot = Slot(holder.placeholder_format.idx, rect,
                    _nominal_size(holder._element, master, style),
                    not holder._element.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:buNone"))
        if kind in titles:
            title = slot
        elif kind == PP_PLACEHOLDER.SUBTITLE:
            subtitle = slot
        elif kind in text_only:
            text.append(slot)
        else:
            content.append(slot)
    return LayoutSlots(title, subtitle, tuple(sorted(text, key=_position)),
                       tuple(sorted(content, key=_position)))


def _position(slot: Slot) -> tuple[int, int]:
    """A slot's sort key: left to right, then top to bottom."""
    return (slot.rect.left, slot.rect.top)


def _nominal_size(element: Any, master: Any, style: str) -> float:
    """The font size (pt) a placeholder's text gets from the layout or the master's styles."""
    for path in ("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@sz",):
        found = element.xpath(path)
        if found:
            return int(found[0]) / 100
    found = master.xpath(f"./p:txStyles/p:{style}Style/a:lvl1pPr/a:defRPr/@sz")
    return int(found[0]) / 100 if found else (28.0 if style == "title" else 18.0)


def text_box(slot: Slot) -> Box:
    """The room for text inside a slot, in points."""
    return Box(slot.rect.width / EMU_PER_PT - _INSET_X, slot.rect.height / EMU_PER_PT - _INSET_Y,
               18.0 if slot.bullets else 0.0)


def placeholder_shapes(slide: Any) -> list[tuple[int, Any]]:
    """(idx, shape element) of each placeholder on the slide, in order.

    Read as python-pptx reads them (a top-level shape whose first child's `p:nvPr` holds a
    `p:ph`; no idx is 0), without making a proxy and compiling an XPath for each shape.
    """
    found = []
    for shape in slide._element.find("p:cSld/p:spTree", _NS).iterchildren("{*}*"):
        first = next(shape.iterchildren("{*}*"), None)  # elements only, as XPath's *[1]
        ph = first.find("p:nvPr/p:ph", _NS) if first is not None else None
        if ph is not None:
            found.append((int(ph.get("idx", 0)), shape))
    return found


def placeholder(slide: Any, idx: int) -> Any:
    """The slide's placeholder with this idx."""
    from pptx.shapes.shapetree import SlideShapeFactory

    for found, shape in placeholder_shapes(slide):
        if found == idx:
            return SlideShapeFactory(shape, slide.shapes)
    raise KeyError(idx)


def remove_placeholder(slide: Any, idx: int) -> None:
    """Remove the placeholder `idx` from the slide (its room gets a chart, table, …)."""
    for found, shape in placeholder_shapes(slide):
        if found == idx:
            shape.getparent().remove(shape)
            return
