"""The deck read back with python-pptx: slides as deck.yaml says, native charts equal to the facts,
notes quoting sources, alt text, staff changes without code, reproducible bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from reportgen.charts import plan_for
from reportgen.config import Config
from reportgen.errors import MasterError, TemplateError
from reportgen.extraction.findings import write_findings
from reportgen.model import Briefing, ChartSpec, Fact, Finding, Quantity
from reportgen.render.deck import render_deck
from reportgen.templating import DEFAULTS_DIR
from reportgen.theme import Theme

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
DEFAULT_YAML = (DEFAULTS_DIR / "deck" / "deck.yaml").read_text(encoding="utf-8")
XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NATIVE_TYPES = {
    "growth": {XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.LINE_MARKERS},
    "ranking": {XL_CHART_TYPE.BAR_CLUSTERED},
    "targets": {XL_CHART_TYPE.BAR_CLUSTERED},
    "shares": {XL_CHART_TYPE.DOUGHNUT, XL_CHART_TYPE.BAR_CLUSTERED},
}


def build(briefing: Briefing, config: Config | None = None) -> Any:
    """The deck of `briefing` reopened with python-pptx."""
    result = render_deck(briefing, [], config or Config())
    assert result.warnings == ()
    return Presentation(io.BytesIO(result.data))


def titles(prs: Any) -> list[str]:
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


FIGURES_TITLE = "Sources of the figures"
# What the default deck leaves out and staff can add back (the entries deck.yaml's comments show)
OPT_IN_TITLES = ("Agenda", FIGURES_TITLE, "Thank you")
OPT_IN_ENTRIES = f"""
  - layout: Title and Content
    title: Agenda
    body: |
      {{% for section in numbered_sections %}}{{{{ section.title }}}}
      {{% endfor %}}

  - layout: Table
    title: {FIGURES_TITLE}
    table: figures

  - layout: Closing
    title: Thank you
    body: "{{{{ organisation }}}}"
"""


def deck_titles(prs: Any) -> list[str]:
    """The slide titles with the pages of the figures list (as many as its rows need) as one,
    after checking that they are numbered "(i of n)" in order."""
    got = titles(prs)
    pages = [t for t in got if t.startswith(FIGURES_TITLE)]
    n = len(pages)
    assert pages == ([] if n == 0 else [FIGURES_TITLE] if n == 1 else
                     [f"{FIGURES_TITLE} ({i} of {n})" for i in range(1, n + 1)])
    return [FIGURES_TITLE if t.startswith(FIGURES_TITLE) else t for t in got
            if not t.startswith(FIGURES_TITLE) or t == pages[0]]


def staff_templates(tmp_path: Path, deck_yaml: str | None = None,
                    master: bytes | None = None) -> Config:
    deck = tmp_path / "staff" / "deck"
    deck.mkdir(parents=True)
    if deck_yaml is not None:
        (deck / "deck.yaml").write_text(deck_yaml, encoding="utf-8")
    if master is not None:
        (deck / "master.pptx").write_bytes(master)
    return Config(templates_dir=tmp_path / "staff")


def charts_in(briefing: Briefing, section_id: str) -> list[ChartSpec]:
    return [c for c in plan_for(briefing).charts
            if c.section_id == section_id and c.kind != "system"]


def finding_title(briefing: Briefing, section_id: str, default: str) -> str:
    """A section slide's title: its first key finding (or its own point) without the asides in
    brackets, else `default` (the section's own title)."""
    found = briefing.finding_in(section_id)
    short = re.sub(r"\s*\([^)]*\)", "", found.text).rstrip(".") if found else ""
    return short if short and len(short) <= 100 else default


def expected_default_titles(briefing: Briefing) -> list[str]:
    """The default deck.yaml's slide titles for `briefing`, entry by entry: no agenda, no list of
    figures (their sources are in the notes), no closing slide."""
    out = [briefing.analytic_title or briefing.document.title]
    if briefing.findings:
        out.append("Key findings")
    out.append("At a glance")
    if briefing.system:
        out.append("The industrial system")
    for section in briefing.sections:
        charts = charts_in(briefing, section.id)
        if not charts:
            continue
        title = finding_title(briefing, section.id,
                              section.title if section.number else "Overview")
        pages = len(charts) // 2 if len(charts) % 2 == 0 else len(charts)  # pairs side by side
        out += [title] if pages == 1 else [f"{title} ({i} of {pages})" for i in range(1, pages + 1)]
    for section in briefing.sections:
        if section.number and section.points and not charts_in(briefing, section.id):
            out.append(finding_title(briefing, section.id, section.title))
    if briefing.targets:
        out.append("Targets")
    out.append("Sources")
    return out


def chart_frames(prs: Any) -> list[tuple[Any, Any]]:
    return [(slide, shape) for slide in prs.slides for shape in slide.shapes if shape.has_chart]


def alt_text(shape: Any) -> str:
    return shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr", "")


def notes(slide: Any) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def normalised(text: str) -> str:
    return " ".join(text.split())


# ---- the default deck ---------------------------------------------------------------------------


def test_slide_titles_and_count_follow_the_default_deck_yaml(synthetic: Briefing) -> None:
    prs = build(synthetic)
    assert deck_titles(prs) == expected_default_titles(synthetic)
    assert not set(OPT_IN_TITLES) & set(titles(prs))
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))


def test_default_deck_opens_with_the_analytic_title_then_key_findings_and_titles_by_finding(
        synthetic: Briefing) -> None:
    ids = ("integrated-circuits-scale", "biopharmaceuticals-scale")
    leading = Finding("Two leading industries reached 950 billion yuan (integrated circuits, "
                      "biopharmaceuticals).", ids)
    targets = Finding("Targets for 2025: metaverse industry scale 350 billion yuan.",
                      ("metaverse-scale-2025",))
    written = replace(synthetic, findings=(leading, targets),
                      analytic_title="Sample City's output: 1.0739 trillion yuan in 2021")
    prs = build(written)
    got = titles(prs)
    assert got == expected_default_titles(written)
    assert got[:2] == ["Sample City's output: 1.0739 trillion yuan in 2021", "Key findings"]
    body = prs.slides[1].placeholders[1].text_frame.text
    assert body.splitlines() == [leading.text, targets.text]
    # the section of the leading industries is titled by its finding, without the aside
    section = next(s for s in written.sections if ids[0] in s.fact_ids)
    assert "Two leading industries reached 950 billion yuan" in got
    assert section.title not in got and len(got) <= 12


def test_staff_add_the_agenda_figures_list_and_closing_slide_back_in_deck_yaml(
        tmp_path: Path, synthetic: Briefing) -> None:
    config = staff_templates(tmp_path, DEFAULT_YAML + OPT_IN_ENTRIES)
    got = deck_titles(build(synthetic, config))
    assert got == [*expected_default_titles(synthetic), *OPT_IN_TITLES]


def test_each_native_chart_has_the_type_categories_and_values_of_its_facts(
        synthetic: Briefing) -> None:
    specs = {c.id: c for c in plan_for(synthetic).charts if c.kind != "system"}
    frames = chart_frames(build(synthetic))
    assert sorted(f.name.removeprefix("Chart ") for _, f in frames) == sorted(specs)
    for _, frame in frames:
        spec = specs[frame.name.removeprefix("Chart ")]
        chart = frame.chart
        assert chart.chart_type in NATIVE_TYPES[spec.kind]
        plot = chart.plots[0]
        for series_spec, series in zip(spec.series, plot.series, strict=True):
            assert list(plot.categories) == [p.label for p in series_spec.points]
            facts = [synthetic.fact(p.fact_id) for p in series_spec.points]
            assert list(series.values) == [f.value for f in facts]


def _workbook_columns(blob: bytes) -> tuple[list[str], list[list[float]]]:
    """Categories (column A) and each series' numbers (columns B…) of an embedded workbook."""
    with zipfile.ZipFile(io.BytesIO(blob)) as book:
        strings = [si.findtext(f"{XLSX}t") or "" for si in
                   ElementTree.fromstring(book.read("xl/sharedStrings.xml"))]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    categories: list[str] = []
    columns: dict[str, list[float]] = {}
    for row in sheet.iter(f"{XLSX}row"):
        if row.get("r") == "1":
            continue  # the series names
        for cell in row.iter(f"{XLSX}c"):
            column = re.sub(r"\d", "", cell.get("r", ""))
            value = cell.findtext(f"{XLSX}v") or ""
            if column == "A":
                categories.append(strings[int(value)] if cell.get("t") == "s" else value)
            else:
                columns.setdefault(column, []).append(float(value))
    return categories, [columns[c] for c in sorted(columns)]


def test_embedded_workbook_holds_the_same_figures_as_the_chart(synthetic: Briefing) -> None:
    for _, frame in chart_frames(build(synthetic)):
        chart = frame.chart
        categories, columns = _workbook_columns(chart.part.chart_workbook.xlsx_part.blob)
        assert categories == list(chart.plots[0].categories)
        assert columns == [list(s.values) for s in chart.plots[0].series]


def test_chart_number_format_scales_without_changing_values(synthetic: Briefing) -> None:
    for _, frame in chart_frames(build(synthetic)):
        plot = frame.chart.plots[0]
        assert plot.has_data_labels
        code = plot.data_labels.number_format
        largest = max(v for s in plot.series for v in s.values)
        if largest >= 1e9:
            assert code.endswith(",,,") or code.endswith(",,,,")  # shown in billions/trillions


def test_notes_quote_the_source_sentence_of_every_figure_on_the_slide(
        synthetic: Briefing) -> None:
    prs = build(synthetic)
    checked = 0
    for slide in prs.slides:
        ids = [p.fact_id for s in slide.shapes if s.has_chart
               for spec in plan_for(synthetic).charts if f"Chart {spec.id}" == s.name
               for series in spec.series for p in series.points]
        ids += [s.name.removeprefix("Figure ") for s in slide.shapes
                if s.name.startswith("Figure ")]
        for fact_id in ids:
            assert normalised(synthetic.fact(fact_id).sentence) in normalised(notes(slide))
            checked += 1
    assert checked >= 10


def test_every_content_slide_has_notes(synthetic: Briefing) -> None:
    prs = build(synthetic)
    for slide in list(prs.slides)[1:-1]:
        assert notes(slide).strip(), slide.shapes.title.text


def test_each_notes_slide_is_the_one_python_pptx_makes_for_its_slide(synthetic: Briefing
                                                                     ) -> None:
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE

    def without_text(element: Any) -> bytes:
        copy = etree.fromstring(etree.tostring(element))
        for body in list(copy.iter(f"{{{copy.nsmap['p']}}}txBody")):
            body.getparent().remove(body)
        return bytes(etree.tostring(copy))

    prs = build(synthetic)
    fresh = prs.slides.add_slide(prs.slide_layouts[0]).notes_slide  # as python-pptx makes one
    shown = [s for s in list(prs.slides)[:-1] if s.has_notes_slide]
    assert len(shown) > 3
    for slide in shown:
        notes = slide.notes_slide
        assert notes.part.part_related_by(RELATIONSHIP_TYPE.SLIDE) is slide.part
        assert notes.part.part_related_by(RELATIONSHIP_TYPE.NOTES_MASTER) is \
            fresh.part.part_related_by(RELATIONSHIP_TYPE.NOTES_MASTER)
        assert without_text(notes._element) == without_text(fresh._element)


def test_alt_text_on_every_chart_picture_and_diagram_group(synthetic: Briefing) -> None:
    prs = build(synthetic)
    seen = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_chart or shape.shape_type in (6, 13):  # group, picture
                assert len(alt_text(shape)) > 20, shape.name
                seen += 1
    assert seen >= 4


def test_system_diagram_is_editable_boxes_with_each_member_and_its_figure(
        synthetic: Briefing) -> None:
    prs = build(synthetic)
    group = next(s for slide in prs.slides for s in slide.shapes if s.shape_type == 6)
    texts = [normalised(box.text_frame.text) for box in group.shapes]
    for tier in synthetic.system:
        for member in tier.members:
            fact = synthetic.fact(member.headline_fact_id)
            assert any(member.name.lower() in t.lower() and "billion yuan" in t for t in texts)
            assert fact.sentence
    assert "industrial system" in alt_text(group).lower()


def test_nothing_lies_outside_the_slide(synthetic: Briefing) -> None:
    prs = build(synthetic)
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= prs.slide_width, shape.name
            assert shape.top + shape.height <= prs.slide_height, shape.name


def test_master_footer_expression_is_filled_with_the_organisation(synthetic: Briefing) -> None:
    prs = build(synthetic, Config(organisation="Department of Trade"))
    footer = [s.text_frame.text for s in prs.slide_master.shapes if s.has_text_frame]
    assert "Department of Trade" in footer
    assert not any("{{" in t for t in footer)


def test_core_properties_come_from_document_and_config(synthetic: Briefing,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    props = build(synthetic, Config(author="Analyst A")).core_properties
    assert props.title == synthetic.document.title
    assert props.author == "Analyst A"
    assert props.created.date().isoformat() == synthetic.document.date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    props = build(synthetic).core_properties
    assert props.created == props.modified == dt.datetime(2023, 11, 14, 22, 13, 20)


def test_two_builds_give_identical_bytes_and_slide_xml(synthetic: Briefing) -> None:
    first = render_deck(synthetic, [], Config()).data
    second = render_deck(synthetic, [], Config()).data
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        slides = [n for n in a.namelist() if n.startswith("ppt/slides/slide")]
        assert slides and all(a.read(n) == b.read(n) for n in slides)
    assert first == second


# ---- staff changes without code ------------------------------------------------------------------


def _entries(yaml_text: str) -> tuple[str, list[str]]:
    """The default deck.yaml cut into its header and one text block per slide entry."""
    head, _, body = yaml_text.partition("slides:\n")
    blocks = re.split(r"\n(?=  - layout:)", body.strip("\n"))
    return head + "slides:\n", blocks


def test_staff_reorder_drop_and_retitle_slides_in_deck_yaml(tmp_path: Path,
                                                            synthetic: Briefing) -> None:
    head, blocks = _entries(DEFAULT_YAML)
    by_title = {re.search(r"title: (.*)", b).group(1): b for b in blocks}  # type: ignore[union-attr]
    sources, targets = by_title["Sources"], by_title["Targets"]
    dropped = by_title["Key findings"]
    glance = by_title["At a glance"].replace("title: At a glance", "title: Key figures")
    reordered = [glance if b == by_title["At a glance"] else b for b in blocks if b != dropped]
    i, j = reordered.index(targets), reordered.index(sources)
    reordered[i], reordered[j] = reordered[j], reordered[i]
    config = staff_templates(tmp_path, head + "\n".join(reordered) + "\n")
    synthetic = write_findings(synthetic)  # so that the dropped slide would be there
    assert "Key findings" in expected_default_titles(synthetic)
    got = deck_titles(build(synthetic, config))
    expected = [t for t in expected_default_titles(synthetic) if t != "Key findings"]
    expected[expected.index("At a glance")] = "Key figures"
    a, b = expected.index("Targets"), expected.index("Sources")
    expected[a], expected[b] = expected[b], expected[a]
    assert got == expected


def test_a_different_master_with_the_same_layout_names_is_used(tmp_path: Path,
                                                               synthetic: Briefing) -> None:
    from make_master import build_master

    other = Theme(palette=("#004D40", "#FF6F00", "#5E35B1", "#C0CA33", "#00838F", "#6D4C41"),
                  accent="#FF6F00")
    config = staff_templates(tmp_path, master=build_master(other))
    data = render_deck(synthetic, [], config).data
    with zipfile.ZipFile(io.BytesIO(data)) as deck:
        theme_xml = deck.read("ppt/theme/theme1.xml").decode()
    assert 'val="004D40"' in theme_xml and 'val="1F4E79"' not in theme_xml
    assert deck_titles(Presentation(io.BytesIO(data))) == expected_default_titles(synthetic)


def test_master_without_needed_layouts_names_them_in_one_line(tmp_path: Path,
                                                              synthetic: Briefing) -> None:
    prs = Presentation(str(DEFAULTS_DIR / "deck" / "master.pptx"))
    for layout in list(prs.slide_layouts):
        if layout.name in ("Table", "Two Content"):
            prs.slide_layouts.remove(layout)
    buffer = io.BytesIO()
    prs.save(buffer)
    config = staff_templates(tmp_path, master=buffer.getvalue())
    with pytest.raises(MasterError) as caught:
        render_deck(synthetic, [], config)
    message = str(caught.value)
    assert "\n" not in message
    assert "'Two Content', 'Table'" in message


def test_staff_master_with_expression_split_over_runs_is_filled(tmp_path: Path,
                                                                synthetic: Briefing) -> None:
    prs = Presentation(str(DEFAULTS_DIR / "deck" / "master.pptx"))
    footer = next(s for s in prs.slide_master.shapes if s.has_text_frame
                  and "{{" in s.text_frame.text)
    paragraph = footer.text_frame.paragraphs[0]
    paragraph.runs[0].text = "© {"
    for piece in ("{ organ", "isation }", "} {{ document.date }}"):
        paragraph.add_run().text = piece
    buffer = io.BytesIO()
    prs.save(buffer)
    config = replace(staff_templates(tmp_path, master=buffer.getvalue()), organisation="Office X")
    out = build(synthetic, config)
    texts = [s.text_frame.text for s in out.slide_master.shapes if s.has_text_frame]
    assert f"© Office X {synthetic.document.date}" in texts


def test_long_table_continues_with_header_repeated_and_page_in_title(tmp_path: Path,
                                                                    synthetic: Briefing) -> None:
    extra = tuple(
        Fact(id=f"extra-{i}", span=(0, 1), text="1", quantity=Quantity(1000.0 + i, "count"),
             metric=f"number of enterprises in industrial park number {i} of the city",
             year=2021, sentence=synthetic.text[:20], section_id="s2")
        for i in range(40)
    )
    briefing = replace(synthetic, facts=synthetic.facts + extra)
    config = staff_templates(tmp_path, "slides:\n  - layout: Table\n    title: All figures\n"
                                       "    table: facts\n")
    prs = build(briefing, config)
    got = titles(prs)
    assert len(got) >= 3
    assert got == [f"All figures ({i} of {len(got)})" for i in range(1, len(got) + 1)]
    rows = 0
    for slide in prs.slides:
        table = next(s for s in slide.shapes if s.has_table).table
        assert [c.text for c in table.rows[0].cells] == ["Figure", "Value", "Year", "Section"]
        rows += len(table.rows) - 1
        assert sum(r.height for r in table.rows) + next(
            s for s in slide.shapes if s.has_table).top <= prs.slide_height
    assert rows == len(briefing.visible_facts)


def test_long_body_text_is_split_or_shrunk_never_left_to_overflow(tmp_path: Path,
                                                                  synthetic: Briefing) -> None:
    from reportgen.render.deck.text import Box, fits

    long_title = "A very long slide title that names " + "every industry of the system " * 4
    yaml_text = (
        "slides:\n  - layout: Title and Content\n"
        f"    title: {long_title}\n"
        "    body: |\n" + "".join(
            f"      Paragraph {i}: the city has built a network of technology centres "
            "and innovation platforms across its districts.\n" for i in range(30))
    )
    prs = build(synthetic, staff_templates(tmp_path, yaml_text))
    assert len(prs.slides) >= 2
    for slide in prs.slides:
        for shape in slide.placeholders:
            paragraphs = [p.text for p in shape.text_frame.paragraphs]
            sizes = [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs
                     if r.font.size is not None]
            size = min(sizes) if sizes else (28 if shape == slide.shapes.title else 20)
            box = Box(shape.width / 12700 - 14.4, shape.height / 12700 - 7.2,
                      0 if shape == slide.shapes.title else 18)
            assert fits(paragraphs, box, size, bold=shape == slide.shapes.title), shape.name


# ---- deck.yaml errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(("yaml_text", "expected"), [
    ("slides:\n  - layout: Chart\n    titel: X\n", r"deck\.yaml:3: unknown slide key 'titel'; "
                                                   r"did you mean 'title'\?"),
    ("slides:\n  - layout: Chart\n    title: '{{ nope }}'\n", r"deck\.yaml:3: 'nope' is undefined"),
    ("slides:\n  - layout: Chart\n    chart: no-such-chart\n",
     r"deck\.yaml:3: unknown chart id 'no-such-chart'"),
    ("slides:\n  - title: X\n", r"deck\.yaml:2: slide entry without 'layout:'"),
    ("slides:\n  - layout: Table\n    table: budget\n", r"deck\.yaml:3: unknown table 'budget'"),
    ("slides:\n  - layout: Chart\n    repeat: sections |\n", r"deck\.yaml:3: "),
    ("slides: [\n", r"deck\.yaml:\d+: not valid YAML"),
    ("a: &x [1, 2]\nb: &y [*x, *x]\nslides:\n  - layout: Title\n    body: [*y, *y]\n",
     r"deck\.yaml:\d+: YAML aliases"),
])
def test_deck_yaml_errors_are_one_line_with_file_and_line(tmp_path: Path, synthetic: Briefing,
                                                          yaml_text: str, expected: str) -> None:
    config = staff_templates(tmp_path, yaml_text)
    with pytest.raises(TemplateError) as caught:
        render_deck(synthetic, [], config)
    assert "\n" not in str(caught.value)
    assert re.search(expected, str(caught.value)), str(caught.value)


def test_sandbox_refuses_python_internals_in_deck_yaml(tmp_path: Path,
                                                       synthetic: Briefing) -> None:
    config = staff_templates(
        tmp_path, "slides:\n  - layout: Title\n    title: '{{ document.__class__.__mro__ }}'\n")
    with pytest.raises(TemplateError, match=r"deck\.yaml:3:"):
        render_deck(synthetic, [], config)


def test_importing_render_does_not_import_pptx() -> None:
    import subprocess

    code = ("import sys, reportgen.render, reportgen.render.deck; "
            "print('pptx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---- fallbacks and staff masters -----------------------------------------------------------------


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (400, 200), "#1F4E79").save(buffer, format="PNG")
    return buffer.getvalue()


def test_chart_kind_without_native_form_falls_back_to_its_png_with_alt_text(
        tmp_path: Path, synthetic: Briefing) -> None:
    from reportgen.charts import ChartAsset
    from reportgen.model import ChartPoint, ChartSeries

    spec = ChartSpec("map-of-parks", "map", "Industrial parks", "count",
                     (ChartSeries("parks", (ChartPoint("Pudong", 53.0),)),),
                     alt_text="Map of the 53 special industrial parks.")
    config = staff_templates(tmp_path, "slides:\n  - layout: Chart\n    title: Parks\n"
                                       "    chart: map-of-parks\n")
    result = render_deck(synthetic, [ChartAsset(spec, b"<svg/>", _png())], config)
    slide = Presentation(io.BytesIO(result.data)).slides[0]
    pictures = [s for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == 1
    assert alt_text(pictures[0]) == "Map of the 53 special industrial parks."


def test_slides_saved_in_a_staff_master_are_not_carried_into_the_deck(
        tmp_path: Path, synthetic: Briefing) -> None:
    prs = Presentation(str(DEFAULTS_DIR / "deck" / "master.pptx"))
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = "Sample slide left in the master"
    buffer = io.BytesIO()
    prs.save(buffer)
    config = staff_templates(tmp_path, master=buffer.getvalue())
    got = deck_titles(build(synthetic, config))
    assert "Sample slide left in the master" not in got
    assert got == expected_default_titles(synthetic)


def test_sections_without_charts_show_their_points_beside_their_key_figures(
        synthetic: Briefing) -> None:
    prs = build(synthetic)
    section = next(s for s in synthetic.sections
                   if s.number and s.points and not charts_in(synthetic, s.id))
    slide = next(s for s in prs.slides if s.shapes.title.text == section.title)
    body = "\n".join(s.text_frame.text for s in slide.placeholders if s != slide.shapes.title)
    assert all(point.title in body for point in section.points)
    shown = [s.name.removeprefix("Figure ") for s in slide.shapes if s.name.startswith("Figure ")]
    assert shown and all(synthetic.fact(i).section_id == section.id for i in shown)


def test_bad_expression_in_a_staff_master_is_one_line_naming_master_and_part(
        tmp_path: Path, synthetic: Briefing) -> None:
    prs = Presentation(str(DEFAULTS_DIR / "deck" / "master.pptx"))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Closing")
    band = next(s for s in layout.shapes if not s.is_placeholder)
    band.text_frame.text = "{{ oops }}"
    buffer = io.BytesIO()
    prs.save(buffer)
    with pytest.raises(TemplateError) as caught:
        render_deck(synthetic, [], staff_templates(tmp_path, master=buffer.getvalue()))
    message = str(caught.value)
    assert "\n" not in message
    assert "master.pptx: layout 'Closing'" in message and "'oops' is undefined" in message


def test_system_chart_is_drawn_from_its_spec_when_the_briefing_has_no_system(
        tmp_path: Path, synthetic: Briefing) -> None:
    spec = next(c for c in plan_for(synthetic).charts if c.kind == "system")
    briefing = replace(synthetic, system=(), charts=(spec,))
    config = staff_templates(tmp_path, "slides:\n  - layout: Chart\n    title: System\n"
                                       f"    chart: {spec.id}\n")
    slide = build(briefing, config).slides[0]
    group = next(s for s in slide.shapes if s.shape_type == 6)
    texts = " ".join(normalised(b.text_frame.text) for b in group.shapes)
    assert all(p.label in texts for series in spec.series for p in series.points)
    assert alt_text(group) == spec.alt_text
    assert all(normalised(synthetic.fact(i).sentence) in normalised(notes(slide))
               for i in spec.fact_ids)


def test_growth_over_several_years_is_a_line_chart_with_years_along_the_axis(
        tmp_path: Path, synthetic: Briefing) -> None:
    from reportgen.charts import ChartAsset
    from reportgen.model import ChartPoint, ChartSeries

    years = {"2018": 8.1e11, "2019": 8.9e11, "2020": 9.6e11, "2021": 1.0739e12}
    spec = ChartSpec("growth-series", "growth", "Industrial added value", "yuan",
                     (ChartSeries("Industrial added value",
                                  tuple(ChartPoint(y, v) for y, v in years.items())),))
    config = staff_templates(tmp_path, "slides:\n  - layout: Chart\n    repeat: charts\n"
                                       "    as: one\n    title: '{{ one.title }}'\n"
                                       "    chart: '{{ one }}'\n")
    result = render_deck(synthetic, [ChartAsset(spec, b"<svg/>")], config)
    chart = next(s for s in Presentation(io.BytesIO(result.data)).slides[0].shapes
                 if s.has_chart).chart
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert list(chart.plots[0].categories) == list(years)
    assert list(chart.plots[0].series[0].values) == list(years.values())


def test_a_title_on_a_layout_without_title_placeholder_is_a_warning(
        tmp_path: Path, synthetic: Briefing) -> None:
    prs = Presentation(str(DEFAULTS_DIR / "deck" / "master.pptx"))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Table")
    title = next(p for p in layout.placeholders if p.placeholder_format.idx == 0)
    title._element.getparent().remove(title._element)
    buffer = io.BytesIO()
    prs.save(buffer)
    config = staff_templates(tmp_path, "slides:\n  - layout: Table\n    title: Sources\n"
                                       "    table: sources\n", buffer.getvalue())
    result = render_deck(synthetic, [], config)
    assert len(result.warnings) == 1
    assert re.match(r"\S*deck\.yaml:2: layout 'Table' has no title placeholder", result.warnings[0])
    slide = Presentation(io.BytesIO(result.data)).slides[0]
    assert any(s.has_table for s in slide.shapes)


def test_shares_that_make_a_whole_are_a_doughnut_with_percent_labels(
        tmp_path: Path, synthetic: Briefing) -> None:
    from reportgen.charts import ChartAsset
    from reportgen.model import ChartPoint, ChartSeries

    spec = ChartSpec("shares-output", "shares", "Output by kind", "percent",
                     (ChartSeries("share", (ChartPoint("Strategic emerging", 40.6),
                                            ChartPoint("Other", 59.4))),))
    config = staff_templates(tmp_path, "slides:\n  - layout: Chart\n    title: Shares\n"
                                       "    chart: shares-output\n")
    result = render_deck(synthetic, [ChartAsset(spec, b"<svg/>")], config)
    chart = next(s for s in Presentation(io.BytesIO(result.data)).slides[0].shapes
                 if s.has_chart).chart
    assert chart.chart_type == XL_CHART_TYPE.DOUGHNUT
    assert list(chart.plots[0].series[0].values) == [40.6, 59.4]
    assert chart.plots[0].data_labels.number_format == '0.0"%"'


def test_layout_without_content_placeholders_gets_text_and_table_under_its_title(
        tmp_path: Path, synthetic: Briefing) -> None:
    prs = Presentation(str(DEFAULTS_DIR / "deck" / "master.pptx"))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Table")
    for placeholder in list(layout.placeholders):
        if placeholder.placeholder_format.idx != 0:
            placeholder._element.getparent().remove(placeholder._element)
    buffer = io.BytesIO()
    prs.save(buffer)
    config = staff_templates(tmp_path, "slides:\n  - layout: Table\n    title: Sources\n"
                                       "    body: Where the figures come from\n"
                                       "    table: sources\n", buffer.getvalue())
    out = build(synthetic, config)
    assert titles(out) == ["Sources (1 of 2)", "Sources (2 of 2)"]
    first, second = out.slides
    title_bottom = first.shapes.title.top + first.shapes.title.height
    text = next(s for s in first.shapes if s.has_text_frame and s != first.shapes.title)
    assert text.text_frame.text == "Where the figures come from" and text.top >= title_bottom
    table = next(s for s in second.shapes if s.has_table)
    assert table.top >= title_bottom


def test_a_release_without_figures_sections_or_targets_still_makes_a_clean_deck(
        synthetic: Briefing) -> None:
    bare = Briefing(document=replace(synthetic.document, title="A short notice"),
                    text="A short notice without figures.")
    prs = build(bare)
    assert titles(prs) == ["A short notice", "Sources"]
    sources = next(s for s in prs.slides[1].shapes if s.has_table).table
    assert [c.text for c in sources.rows[1].cells] == ["Document", "A short notice"]


def test_misspelt_layout_name_suggests_the_closest_layout(tmp_path: Path,
                                                          synthetic: Briefing) -> None:
    config = staff_templates(tmp_path, "slides:\n  - layout: Chrat\n    title: X\n")
    with pytest.raises(MasterError, match=r"lacks the layout\(s\) 'Chrat'.*'Chrat' → 'Chart'\?"):
        render_deck(synthetic, [], config)


def test_seed_deck_charts_carry_the_extracted_facts_and_notes_quote_them(seed_path: Path) -> None:
    from reportgen.pipeline import load_briefing

    briefing = load_briefing(seed_path)
    specs = {c.id: c for c in plan_for(briefing).charts}
    prs = build(briefing)
    frames = chart_frames(prs)
    assert frames
    for slide, frame in frames:
        spec = specs[frame.name.removeprefix("Chart ")]
        for series_spec, series in zip(spec.series, frame.chart.plots[0].series, strict=True):
            for point, value in zip(series_spec.points, series.values, strict=True):
                assert value == point.value
                if point.fact_id:
                    fact = briefing.fact(point.fact_id)
                    assert value == fact.value
                    assert normalised(fact.sentence) in normalised(notes(slide))


def test_deck_files_are_found_staff_first_then_project_then_shipped(tmp_path: Path) -> None:
    from reportgen.render.deck import find_deck_file

    staff, project, shipped = tmp_path / "staff", tmp_path / "project", tmp_path / "shipped"
    for root in (project, shipped):
        (root / "deck").mkdir(parents=True)
        (root / "deck" / "deck.yaml").write_text("slides: []\n", encoding="utf-8")
    roots = [staff, project, shipped]
    assert find_deck_file(roots, "deck.yaml") == project / "deck" / "deck.yaml"
    assert find_deck_file(roots, "master.pptx") == shipped / "deck" / "master.pptx"
