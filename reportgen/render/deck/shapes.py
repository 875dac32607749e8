"""Figures drawn with shapes: the industrial system as grouped, editable boxes, and figure tiles.

Each box is an autoshape whose fill, outline and text are written as the XML python-pptx's
setters write; python-pptx is imported by the caller (`slides`) before any function here runs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from reportgen import formatting
from reportgen.model import Briefing, Fact, SystemMember, SystemTier
from reportgen.render.deck.charts import rgb, set_alt_text
from reportgen.render.deck.figures import figure_text
from reportgen.render.deck.layout import EMU_PER_PT, Rect
from reportgen.render.deck.text import LINE_SPACING, THEME_BODY_FONTS, Box, fit_size, wrap
from reportgen.theme import Theme


def add_system_diagram(shapes: Any, briefing: Briefing, rect: Rect, theme: Theme,
                       alt_text: str = "") -> tuple[Any, tuple[str, ...]]:
    """The industrial system as a group of editable boxes (a row per tier); and its fact ids."""
    from pptx.enum.shapes import MSO_SHAPE

    tiers = [t for t in briefing.system if t.members or t.count_fact_id or t.total_fact_id]
    drawn: list[Any] = []  # drawn on the slide, then grouped at once (python-pptx re-measures
    used: list[str] = []   # a group on every shape added to it)
    gap = 8 * EMU_PER_PT
    row_h = (rect.height - gap * (len(tiers) - 1)) // max(1, len(tiers))
    label_w = min(rect.width // 4, 3 * 914400)
    for row, tier in enumerate(tiers):
        top = rect.top + row * (row_h + gap)
        colour = theme.colour(row)
        head = _tier_heading(briefing, tier, used)
        drawn.append(_box(shapes, MSO_SHAPE.RECTANGLE, Rect(rect.left, top, label_w, row_h), head,
                          fill=colour, text_colour="#FFFFFF", bold_first=True))
        members = tier.members or ()
        if not members:
            continue
        left = rect.left + label_w + gap
        width = (rect.left + rect.width - left - gap * (len(members) - 1)) // len(members)
        boxes = [Rect(left + i * (width + gap), top, width, row_h) for i in range(len(members))]
        texts = [_member_lines(briefing, member, used) for member in members]
        size = min(fit_size(lines, text_room(box, rounded=True), 16, 7, bold=True) or 7
                   for lines, box in zip(texts, boxes, strict=True))  # one size per row
        for box, lines in zip(boxes, texts, strict=True):
            drawn.append(_box(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, box, lines, fill="#EEF2F6",
                              text_colour=theme.text, outline=colour,
                              bold_first=True, sizes=[size] * len(lines)))
    group = shapes.add_group_shape(drawn)
    group.name = "Industrial system"
    set_alt_text(group, alt_text or describe_system(briefing, tiers))
    return group, tuple(dict.fromkeys(used))


def _member_lines(briefing: Briefing, member: SystemMember, used: list[str]) -> list[str]:
    """A member box's text: its name, then its headline figure when the text gives one."""
    lines = [member.name[:1].upper() + member.name[1:]]
    figure = _fact_text(briefing, member.headline_fact_id, used)
    return [*lines, figure] if figure else lines


def _tier_heading(briefing: Briefing, tier: SystemTier, used: list[str]) -> list[str]:
    """A tier's box text: its name, then its total figure when the text gives one."""
    name = tier.name[:1].upper() + tier.name[1:]
    count = _fact_text(briefing, tier.count_fact_id, used, bare=True)
    total = _fact_text(briefing, tier.total_fact_id, used)
    lines = [f"{count} {tier.name}" if count and not tier.name[:1].isdigit() else name]
    if total:
        lines.append(total)
    return lines


def _fact_text(briefing: Briefing, fact_id: str | None, used: list[str], *,
               bare: bool = False) -> str:
    """A fact's figure as text ('250 billion yuan', 'in 2025: 350 billion yuan'); '' if none."""
    if not fact_id:
        return ""
    try:
        fact = briefing.fact(fact_id)
    except KeyError:
        return ""
    if fact.hidden:
        return ""
    used.append(fact.id)
    if bare:
        return formatting.number(fact.value)
    text = figure_text(fact)
    return f"{text} by {fact.year}" if fact.is_target and fact.year else text


def describe_system(briefing: Briefing, tiers: Sequence[SystemTier]) -> str:
    """Alt text for the system diagram: each tier and its members."""
    parts = [
        f"{t.name}: {', '.join(m.name for m in t.members)}" if t.members else t.name for t in tiers
    ]
    return "Diagram of the industrial system. " + "; ".join(parts) + "."


def _box(shapes: Any, kind: Any, rect: Rect, lines: Sequence[str], *, fill: str,
         text_colour: str, outline: str | None = None,
         bold_first: bool = False, sizes: Sequence[float] | None = None) -> Any:
    """An autoshape with `lines` fitted inside it (or set at `sizes`, one per line).

    python-pptx adds the shape (id, name, geometry, style); its fill, outline and text are then
    written in one piece, as the XML python-pptx's setters write: through its proxies, one
    property at a time, they cost more than all the rest of a figure.
    """
    from pptx.enum.shapes import MSO_SHAPE

    shape = shapes.add_shape(kind, rect.left, rect.top, rect.width, rect.height)
    box = text_room(rect, rounded=kind == MSO_SHAPE.ROUNDED_RECTANGLE)
    size = fit_size(lines, box, 16, 7, bold=bold_first) or 7
    sizes = sizes or [size] * len(lines)
    element = shape._element
    shape_format = _parsed(f"<p:spPr {_NSDECLS}>{_shape_format_xml(fill, outline)}</p:spPr>")
    element.spPr.extend(list(shape_format))
    runs = [(sizes[index], bold_first and index == 0) for index in range(len(lines))]
    text_body = _parsed(_text_body_xml(runs, text_colour))
    for run, line in zip(text_body.iter(_qn("a:r")), lines, strict=True):
        run.text = line  # python-pptx's setter: it escapes control characters as _x000B_
    element.replace(element.txBody, text_body)
    return shape


_NSDECLS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)


def _parsed(xml: str) -> Any:
    """The XML parsed into python-pptx's element classes."""
    from pptx.oxml import parse_xml

    return parse_xml(xml)


def _qn(tag: str) -> str:
    """'a:r' → the Clark name lxml uses."""
    from pptx.oxml.ns import qn

    return str(qn(tag))


def _shape_format_xml(fill: str, outline: str | None) -> str:
    """A box's solid fill, outline (1.25 pt, or none) and no shadow, as python-pptx writes them."""
    from pptx.util import Pt

    line = (f'<a:ln w="{int(Pt(1.25))}"><a:solidFill><a:srgbClr val="{rgb(outline)}"/>'
            "</a:solidFill></a:ln>" if outline else "<a:ln><a:noFill/></a:ln>")
    return f'<a:solidFill><a:srgbClr val="{rgb(fill)}"/></a:solidFill>{line}<a:effectLst/>'


def _text_body_xml(runs: Sequence[tuple[float, bool]], colour: str) -> str:
    """A box's text body: wrapped, not autofitted, centred, 4 pt insets; a paragraph of one run
    (size, bold) per line in the theme's body fonts, its text left empty for the caller."""
    from pptx.util import Pt

    inset = int(Pt(4))
    paragraphs = "".join(
        f'<a:p><a:pPr algn="ctr"/><a:r><a:rPr sz="{Pt(size).centipoints}" b="{int(bold)}">'
        f'<a:solidFill><a:srgbClr val="{rgb(colour)}"/></a:solidFill>{THEME_BODY_FONTS}</a:rPr>'
        "<a:t/></a:r></a:p>"
        for size, bold in runs
    ) or '<a:p><a:pPr algn="ctr"/></a:p>'
    return (f'<p:txBody {_NSDECLS}><a:bodyPr rtlCol="0" anchor="ctr" wrap="square" '
            f'lIns="{inset}" rIns="{inset}" tIns="{inset}" bIns="{inset}"><a:noAutofit/>'
            f"</a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody>")


def text_room(rect: Rect, *, rounded: bool = False) -> Box:
    """The room for text in a box shape, in points, with a margin for renderer differences.

    4 pt insets each side; a rounded rectangle also keeps its text clear of the corners
    (DrawingML insets it by 0.29 × the corner radius, 1/6 of the shorter side by default).
    """
    corner = 0.29289 * min(rect.width, rect.height) / 6 / EMU_PER_PT if rounded else 0.0
    width = rect.width / EMU_PER_PT - 8 - 2 * corner
    height = rect.height / EMU_PER_PT - 8 - 2 * corner
    return Box(width * 0.94, height * 0.94)


def add_figure_tiles(shapes: Any, facts: Sequence[Fact], rect: Rect, theme: Theme,
                     label: Callable[[Fact], str]) -> list[Any]:
    """Figure tiles (the figure large, its label under it) laid out in a grid in `rect`."""
    from pptx.enum.shapes import MSO_SHAPE

    if not facts:
        return []
    # columns that give tiles of about 1.6:1 in this box (3 × 2 across a slide, 2 × 2 in a half)
    cols = min(len(facts), max(1, round(math.sqrt(len(facts) * rect.width / rect.height / 1.6))))
    rows = math.ceil(len(facts) / cols)
    gap = 12 * EMU_PER_PT
    width = (rect.width - gap * (cols - 1)) // cols
    height = min((rect.height - gap * (rows - 1)) // rows, width * 3 // 4)
    boxes = [
        Rect(rect.left + col * (width + gap), rect.top + row * (height + gap), width, height)
        for row, col in (divmod(i, cols) for i in range(len(facts)))
    ]
    texts = [(figure_text(f), label(f)) for f in facts]
    sizes = [tile_sizes(figure, text, text_room(boxes[0])) for figure, text in texts]
    same = (min(s[0] for s in sizes), min(s[1] for s in sizes))  # one size for every tile
    tiles = []
    for fact, box, lines in zip(facts, boxes, texts, strict=True):
        tile = _box(shapes, MSO_SHAPE.RECTANGLE, box, lines, fill="#EEF2F6",
                    text_colour=theme.text, bold_first=True, sizes=same)
        tile.text_frame.paragraphs[0].runs[0].font.color.rgb = rgb(theme.palette[0])
        tile.name = f"Figure {fact.id}"
        tiles.append(tile)
    return tiles


def tile_sizes(figure: str, label: str, box: Box) -> tuple[float, float]:
    """Sizes (pt) for a tile's figure (large) and label (wrapped, smaller) that fit.

    The figure keeps to one line down to 18 pt; a long one ("260 units per 10,000 people")
    then takes two lines rather than shrinking every tile's text to the smallest size.
    """
    tries = [(s, 1) for s in range(28, 17, -1)] + [(s, 2) for s in range(22, 13, -1)] + \
        [(s, 1) for s in range(17, 12, -1)]
    for size, lines in tries:
        if len(wrap(figure, box.width, size, bold=True)) <= lines:
            rest = Box(box.width, box.height - lines * size * LINE_SPACING - size * 0.5)
            label_size = fit_size([label], rest, min(14.0, float(size)), 10)
            if label_size:
                return float(size), label_size
    return 12.0, 8.0
