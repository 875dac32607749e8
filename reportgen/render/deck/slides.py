"""The deck's slides written with python-pptx (imported only with this module).

Each evaluated `SlidePlan` goes onto the slots of its layout (`layout`): text to a text slot,
charts, tables, tiles and the system diagram to content slots; what does not fit one slide
continues on the next with "(2 of 3)" in the title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from copy import deepcopy
from dataclasses import dataclass, field, replace
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Pt

from reportgen.config import Config
from reportgen.errors import ChartError
from reportgen.model import Briefing, ChartSpec, Fact, SystemMember, SystemTier
from reportgen.render.deck.charts import add_native_chart, set_alt_text, set_value_scale
from reportgen.render.deck.layout import (
    LayoutSlots,
    Rect,
    Slot,
    layout_slots,
    placeholder,
    placeholder_shapes,
    remove_placeholder,
    text_box,
)
from reportgen.render.deck.package import package_bytes
from reportgen.render.deck.plan import SlidePlan
from reportgen.render.deck.shapes import add_figure_tiles, add_system_diagram
from reportgen.render.deck.tables import TableData, add_table, fact_label, paginate, table_size
from reportgen.render.deck.text import fill_text_frames, fit_size, shorten, split_to_fit
from reportgen.text import readable, without_invisible

_MIN_BODY, _MIN_TITLE = 12.0, 16.0


@dataclass(slots=True)
class Page:
    """What one physical slide shows: text paragraphs and content items by slot."""

    items: list[tuple[Slot, tuple[str, Any]]] = field(default_factory=list)


def build_presentation(master: Path | bytes, plans: Sequence[SlidePlan], briefing: Briefing,
                       config: Config, pngs: dict[str, bytes],
                       fill: Callable[[str, str], str], when: dt.datetime
                       ) -> tuple[bytes, list[str]]:
    """The deck's bytes (before zip normalising) and warnings; `master` is the checked master's
    bytes (read once, so the file checked is the file used) or its path."""
    prs = Presentation(BytesIO(master) if isinstance(master, bytes) else str(master))
    _drop_slides(prs)
    _fill_master(prs, fill)
    builder = DeckBuilder(prs, briefing, config, pngs)
    for plan in plans:
        builder.add(plan)
    _set_properties(prs, briefing, config, when)
    return package_bytes(prs), builder.warnings


def _drop_slides(prs: Any) -> None:
    """Remove any slides a staff master was saved with; the deck starts empty."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def _fill_master(prs: Any, fill: Callable[[str, str], str]) -> None:
    """Fill `{{ }}` in the masters' and layouts' own shapes with the deck-wide context."""
    for master in prs.slide_masters:
        fill_text_frames(master.shapes, partial(_swap_args, fill, "slide master"))
        for layout in master.slide_layouts:
            fill_text_frames(layout.shapes, partial(_swap_args, fill, f"layout {layout.name!r}"))


def _swap_args(fill: Callable[[str, str], str], where: str, expression: str) -> str:
    """`fill(expression, where)`, with `where` bound first."""
    return fill(expression, where)


def _set_properties(prs: Any, briefing: Briefing, config: Config, when: dt.datetime) -> None:
    """Core properties from the document and config, dated `when` (reproducible)."""
    props = prs.core_properties
    props.title = _property(briefing.analytic_title or briefing.document.title)
    props.subject = _property(f"Briefing deck on the release: {briefing.document.title}")
    props.author = props.last_modified_by = _property(config.author)
    props.category = _property(config.organisation)
    props.keywords = ""
    props.comments = _property(f"Made by reportgen from {briefing.document.path}")
    props.revision = 1
    props.created = props.modified = props.last_printed = when
    props.identifier = briefing.document.sha256
    props.language, props.content_status, props.version = "en", "", ""


def _property(text: str) -> str:
    """`text` as a core property takes it: no control characters, at most 255 characters (a
    file name with a control character or 240 characters made python-pptx raise)."""
    return without_invisible(text)[:255]


class DeckBuilder:
    """Adds the slides of each plan to a presentation."""

    def __init__(self, prs: Any, briefing: Briefing, config: Config,
                 pngs: dict[str, bytes]) -> None:
        self.prs, self.briefing, self.config, self.pngs = prs, briefing, config, pngs
        self.theme = config.theme
        self.warnings: list[str] = []
        self.layouts = {
            layout.name.casefold(): layout
            for master in reversed(list(prs.slide_masters)) for layout in master.slide_layouts
        }
        self._slots: dict[str, LayoutSlots] = {}
        self._blank_notes: Any = None  # the first notes slide as python-pptx made it
        self._charts: list[tuple[Any, ChartSpec]] = []  # the native charts of the slide made

    def add(self, plan: SlidePlan) -> None:
        """The slides of one plan: the first, then its continuations."""
        layout = self.layouts[plan.layout.casefold()]
        slots = self.slots(layout)
        pages = self.pages(plan, slots)
        for number, page in enumerate(pages, start=1):
            title = plan.title + (f" ({number} of {len(pages)})" if len(pages) > 1 else "")
            self.add_slide(layout, slots, plan, title, page)

    def slots(self, layout: Any) -> LayoutSlots:
        """The layout's slots (cached by layout name)."""
        if layout.name not in self._slots:
            self._slots[layout.name] = layout_slots(layout)
        return self._slots[layout.name]

    # -- paging --

    def pages(self, plan: SlidePlan, slots: LayoutSlots) -> list[Page]:
        """The plan's content spread over as many slides as it needs."""
        body = list(plan.body)
        if plan.subtitle and slots.subtitle is None:
            body.insert(0, plan.subtitle)
        content_slots = slots.content or slots.text or (self.default_slot(slots),)
        text_slot = slots.text[0] if slots.text and slots.content else content_slots[0]
        texts = self.text_chunks(body, text_slot) if body else []
        visuals = self.visual_items(plan, content_slots[0])
        pages: list[Page] = []
        while texts or visuals or not pages:
            page = Page()
            free = list(content_slots)
            if texts:
                page.items.append((text_slot, ("text", texts.pop(0))))
                free = [s for s in free if s != text_slot]
            while visuals and free:
                page.items.append((free.pop(0), visuals.pop(0)))
            pages.append(page)
            if not page.items:
                break
        if slots.text and slots.content and not plan.body:
            self.add_captions(pages, slots.text[0])
        return pages

    def default_slot(self, slots: LayoutSlots) -> Slot:
        """A content area under the title, for layouts without content placeholders."""
        width, height = self.prs.slide_width, self.prs.slide_height
        margin = int(width * 0.045)
        title = slots.title.rect if slots.title else None
        top = (title.top + title.height if title else margin) + margin // 2
        return Slot(-1, Rect(margin, top, width - 2 * margin, height - top - margin), 18.0, False)

    def text_chunks(self, paragraphs: list[str], slot: Slot) -> list[list[str]]:
        """Paragraphs cut into groups that each fit the slot at a readable size."""
        box = text_box(slot)
        if fit_size(paragraphs, box, slot.size, min(_MIN_BODY, slot.size)):
            return [paragraphs]
        return split_to_fit(paragraphs, box, min(_MIN_BODY, slot.size))

    def visual_items(self, plan: SlidePlan, slot: Slot) -> list[tuple[str, Any]]:
        """Charts, diagram, tiles and table pages, in that order."""
        items: list[tuple[str, Any]] = [("chart", spec) for spec in plan.charts]
        if plan.diagram:
            items.append(("diagram", None))
        if plan.tiles:
            items.append(("tiles", (plan.tiles, plan.tile_labels)))
        if plan.table is not None and plan.table.rows:
            size = table_size(plan.table, slot.rect)
            items.extend(("table", (plan.table, rows, size))
                         for rows in paginate(plan.table, slot.rect, size))
        return items

    def add_captions(self, pages: list[Page], slot: Slot) -> None:
        """The source notes of a page's charts as its caption (the subtitle is in the chart)."""
        for page in pages:
            charts = [item for _, (kind, item) in page.items if kind == "chart"]
            caption = list(dict.fromkeys(c.source_note for c in charts if c.source_note))
            if caption:
                page.items.append((slot, ("text", caption)))

    # -- one slide --

    def add_slide(self, layout: Any, slots: LayoutSlots, plan: SlidePlan, title: str,
                  page: Page) -> Any:
        """One slide of `plan` showing `page`."""
        slide = self.prs.slides.add_slide(layout)
        used: set[int] = set()
        fact_ids: list[str] = list(plan.fact_ids)
        if slots.title is not None and title:
            self.put_text(slide, slots.title, [title], title=True)
            used.add(slots.title.idx)
        elif title:
            self.warnings.append(f"{plan.where}: layout {layout.name!r} has no title "
                                 f"placeholder; the title {title!r} is not shown")
        if slots.subtitle is not None and plan.subtitle:
            self.put_text(slide, slots.subtitle, [plan.subtitle])
            used.add(slots.subtitle.idx)
        self._charts = []
        for slot, (kind, item) in page.items:
            used.add(slot.idx)
            if kind == "text":
                self.put_text(slide, slot, item)
            else:
                remove_placeholder(slide, slot.idx)
                fact_ids.extend(self.put_visual(slide, slot.rect, kind, item))
        set_value_scale(self._charts)
        for idx, shape in placeholder_shapes(slide):
            if idx not in used:
                shape.getparent().remove(shape)
        self.put_notes(slide, plan, fact_ids)
        return slide

    def put_text(self, slide: Any, slot: Slot, paragraphs: Sequence[str],
                 title: bool = False) -> None:
        """Text in a placeholder, shrunk (or, for a title, shortened) to fit it."""
        holder = placeholder(slide, slot.idx) if slot.idx >= 0 else slide.shapes.add_textbox(
            slot.rect.left, slot.rect.top, slot.rect.width, slot.rect.height)
        box = text_box(slot)
        smallest = min(_MIN_TITLE if title else _MIN_BODY, slot.size)
        size = fit_size(paragraphs, box, slot.size, smallest, bold=title)
        if size is None:
            size = smallest
            paragraphs = [shorten(" ".join(paragraphs), box, size, bold=title)]
        frame = holder.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        for index, text in enumerate(paragraphs):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            run = paragraph.add_run()
            run.text = text
            if size < slot.size or slot.idx < 0:  # a text box has no master size to inherit
                run.font.size = Pt(size)

    def put_visual(self, slide: Any, rect: Rect, kind: str, item: Any) -> list[str]:
        """A chart, diagram, tile grid or table in `rect`; the ids of the facts it shows."""
        if kind == "chart":
            return self.put_chart(slide, rect, item)
        if kind == "diagram":
            system = next((c for c in self.briefing.charts if c.kind == "system"), None)
            _, ids = add_system_diagram(slide.shapes, self.briefing, rect, self.theme,
                                        system.alt_text if system else "")
            return list(ids)
        if kind == "tiles":
            facts, labels = item
            add_figure_tiles(slide.shapes, facts, rect, self.theme,
                             lambda fact: labels.get(fact.id) or fact_label(fact))
            return [f.id for f in facts]
        table, rows, size = item
        add_table(slide.shapes, table, rows, rect, size)
        return _table_fact_ids(table, rows)

    def put_chart(self, slide: Any, rect: Rect, spec: ChartSpec) -> list[str]:
        """A native chart of `spec`, else its PNG, else a warning; the facts it shows."""
        if spec.kind == "system":
            briefing = self.briefing if self.briefing.system else \
                replace(self.briefing, system=tiers_from_spec(spec))
            _, ids = add_system_diagram(slide.shapes, briefing, rect, self.theme, spec.alt_text)
            return list(ids)
        frame = add_native_chart(slide.shapes, spec, rect, self.theme)
        if frame is not None:
            self._charts.append((frame.chart, spec))
            return list(spec.fact_ids)
        png = self.pngs.get(spec.id) or self.drawn_png(spec)
        if png is None:
            return []
        _add_picture(slide.shapes, png, rect, spec.alt_text or spec.title)
        return list(spec.fact_ids)

    def drawn_png(self, spec: ChartSpec) -> bytes | None:
        """The chart drawn as a PNG here (the build passed none); None, with a warning, if not.

        Only a kind without a native form gets here, so a build that draws no PNGs loses
        nothing; matplotlib is imported only then.
        """
        from reportgen.charts import drawing_problem

        problem = drawing_problem(spec)
        if problem is None:
            try:
                from reportgen.charts.draw import house_style, render

                with house_style(self.theme):
                    return render(spec, self.theme, png=True)[1]
            except ChartError as exc:  # no drawer for this kind either
                problem = f"it cannot be drawn: {exc}"
        self.warnings.append(f"chart {spec.id!r} ({spec.kind}) has no native form and no PNG, "
                             f"and {problem}; left out of the deck")
        return None

    def put_notes(self, slide: Any, plan: SlidePlan, fact_ids: Sequence[str]) -> None:
        """Speaker notes: the plan's notes, then the source sentence of every figure shown."""
        sources = source_lines(self.briefing, fact_ids)
        parts = [plan.notes] if plan.notes else []
        if sources:
            parts.append("Sources of the figures on this slide:\n" + "\n".join(sources))
        if parts:
            self.notes_slide(slide).notes_text_frame.text = "\n\n".join(parts)

    def notes_slide(self, slide: Any) -> Any:
        """A new notes slide for `slide`: python-pptx makes the first, the others are copies of
        it as made (it clones the notes master's placeholders afresh each time, ~1.5 ms)."""
        if self._blank_notes is None:
            notes = slide.notes_slide
            self._blank_notes = deepcopy(notes._element)
            return notes
        from pptx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from pptx.parts.slide import NotesSlidePart

        # what python-pptx's NotesSlidePart.new does, with the copy for its cloned placeholders
        package, slide_part = slide.part.package, slide.part
        part = NotesSlidePart(package.next_partname("/ppt/notesSlides/notesSlide%d.xml"),
                              CONTENT_TYPE.PML_NOTES_SLIDE, package, deepcopy(self._blank_notes))
        part.relate_to(package.presentation_part.notes_master_part, RELATIONSHIP_TYPE.NOTES_MASTER)
        part.relate_to(slide_part, RELATIONSHIP_TYPE.SLIDE)
        slide_part.relate_to(part, RELATIONSHIP_TYPE.NOTES_SLIDE)
        return slide.notes_slide


def tiers_from_spec(spec: ChartSpec) -> tuple[SystemTier, ...]:
    """The industrial system read from a system chart spec: a tier per series."""
    return tuple(
        SystemTier(id=f"{spec.id}-{index}", name=series.name, members=tuple(
            SystemMember(point.label, headline_fact_id=point.fact_id,
                         fact_ids=(point.fact_id,) if point.fact_id else ())
            for point in series.points
        ))
        for index, series in enumerate(spec.series)
    )


def source_lines(briefing: Briefing, fact_ids: Sequence[str]) -> list[str]:
    """One line per source sentence: the sentence quoted, then the figures taken from it."""
    by_sentence: dict[str, list[Fact]] = {}
    known = {f.id: f for f in briefing.facts}
    path = briefing.document.path
    for fact_id in dict.fromkeys(fact_ids):
        fact = known.get(fact_id)
        if fact is not None:
            by_sentence.setdefault(fact.sentence or fact.text, []).append(fact)
    return [
        f"• “{' '.join(readable(sentence, path).split())}” "
        f"({', '.join(dict.fromkeys(f.text for f in facts))}"
        + (f"; p. {facts[0].page} of the source)" if facts[0].page else ")")
        for sentence, facts in by_sentence.items()
    ]


def _table_fact_ids(table: TableData, rows: Sequence[int]) -> list[str]:
    """The fact ids behind the given rows."""
    if not table.fact_ids:
        return []
    return [fid for i in rows for fid in table.fact_ids[i]]

def _add_picture(shapes: Any, png: bytes, rect: Rect, alt_text: str) -> Any:
    """A picture centred in `rect`, as large as fits, with alt text."""
    picture = shapes.add_picture(BytesIO(png), rect.left, rect.top)
    scale = min(rect.width / picture.width, rect.height / picture.height)
    picture.width, picture.height = int(picture.width * scale), int(picture.height * scale)
    picture.left = rect.left + (rect.width - picture.width) // 2
    picture.top = rect.top + (rect.height - picture.height) // 2
    set_alt_text(picture, alt_text)
    return picture
