"""The PDF briefing, read back with pypdf: content, contents page, bookmarks, metadata, tags."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader
from render_support import (
    config,
    flat,
    inflated_streams,
    outline_pages,
    page_texts,
    resolve,
    squash,
    synthetic_charts,
    toc_entries,
)
from synthetic import synthetic_briefing

from reportgen import formatting
from reportgen.errors import ConfigError
from reportgen.model import Briefing, Fact, Section
from reportgen.render.briefing.context import fact_display
from reportgen.render.briefing.pdf import render_pdf
from reportgen.theme import Theme

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def briefing():
    return synthetic_briefing()


@pytest.fixture(scope="module")
def pdf(briefing):
    return render_pdf(briefing, synthetic_charts(), config())


@pytest.fixture(scope="module")
def text(pdf) -> str:
    return flat(" ".join(page_texts(pdf.data)))


@pytest.fixture(scope="module")
def appendix_pdf(briefing):
    return render_pdf(briefing, synthetic_charts(), config(pdf_sources=True))


def internal_links(pdf: bytes) -> tuple[list[str], set[str]]:
    """The names every internal link goes to, and the named destinations the PDF has."""
    reader = PdfReader(io.BytesIO(pdf))
    targets = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = resolve(annot)
            if a.get("/Subtype") == "/Link" and "/Dest" in a:
                targets.append(str(a["/Dest"]))
    return targets, set(reader.named_destinations)


def test_pdf_renders_without_warnings(pdf):
    assert pdf.data.startswith(b"%PDF-")
    assert pdf.warnings == ()


def test_every_section_title_is_in_the_pdf(briefing, text):
    for section in briefing.sections:
        if section.number > 0:
            assert section.title in text


def test_headline_figures_appear_with_change_and_growth_rate(briefing, text):
    old = briefing.fact("industrial-added-value-2011")
    new = briefing.fact("industrial-added-value-2021")
    assert fact_display(new) in text
    assert formatting.change(old.value, new.value) in text
    assert formatting.cagr(old.value, new.value, 10) in text


def test_every_target_is_in_the_targets_table_without_all_empty_columns(briefing, pdf):
    pages = [flat(p) for p in page_texts(pdf.data)]
    table = next(p for p in pages if "Targets Topic Target Year" in p)
    table = table[table.index("Targets Topic Target Year"):]
    for target in briefing.targets:
        assert (target.topic or "").capitalize() in table
        assert fact_display(briefing.fact(target.fact_id)) in table
    # no target here has a latest actual figure: those columns would be all dashes
    assert not any(t.actual_fact_id or t.growth_needed is not None for t in briefing.targets)
    assert "Latest actual" not in table and "Growth needed" not in table


def test_targets_table_shows_the_latest_actual_and_growth_needed_when_the_data_has_them(
        briefing):
    actual = replace(briefing.fact("biopharmaceuticals-scale"), year=2021)
    target = replace(briefing.targets[0], actual_fact_id=actual.id, growth_needed=12.5)
    known = replace(briefing, facts=tuple(actual if f.id == actual.id else f
                                          for f in briefing.facts),
                    targets=(target, *briefing.targets[1:]))
    pages = [flat(p) for p in page_texts(render_pdf(known, [], config()).data)]
    table = next(p for p in pages if "Targets Topic Target Year Latest actual Growth needed" in p)
    assert f"{fact_display(actual)} (2021)" in table
    assert formatting.yearly_growth(12.5) in table


def test_the_sources_appendix_quotes_every_fact_sentence_when_the_config_asks(briefing,
                                                                              appendix_pdf):
    text = flat(" ".join(page_texts(appendix_pdf.data)))
    sources = text[text.index("Every figure of this briefing, numbered"):]
    ordered = sorted(briefing.visible_facts, key=lambda f: f.span)
    for number, fact in enumerate(ordered, start=1):
        assert f"“{flat(fact.sentence)}”" in sources, fact.id
        assert f"[{number}] {fact_display(fact)}" in sources


def test_the_default_pdf_has_no_appendix_and_quotes_every_fact_sentence_in_its_part(briefing,
                                                                                    text):
    assert "Every figure of this briefing, numbered" not in text
    for fact in briefing.visible_facts:
        assert flat(fact.sentence) in text, fact.id


def test_every_internal_link_lands_on_a_place_the_pdf_has(pdf, appendix_pdf):
    for data in (pdf.data, appendix_pdf.data):
        targets, names = internal_links(data)
        assert targets and set(targets) <= names


def test_without_the_appendix_cards_and_tables_link_to_the_figure_in_the_text(briefing, pdf):
    targets, names = internal_links(pdf.data)
    in_text = {t for t in targets if t.startswith("src-")}
    # each fact is anchored once, in its sentence; tables and cards link there
    assert in_text and in_text <= names
    assert len(in_text) >= len(briefing.targets)


def test_figures_in_the_text_link_to_their_source_entries(appendix_pdf):
    pdf = appendix_pdf
    reader = PdfReader(io.BytesIO(pdf.data))
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = resolve(annot)
            if a.get("/Subtype") == "/Link" and ("/Dest" in a or "/D" in (a.get("/A") or {})):
                internal += 1
    # every fact is cited at least once in a sentence or table, plus the contents page links
    assert internal >= len(synthetic_briefing().visible_facts) + 5


def test_contents_page_numbers_are_the_pages_where_chapters_start(briefing, appendix_pdf):
    pdf = appendix_pdf
    toc = toc_entries(pdf.data)
    bookmarks = outline_pages(pdf.data)
    pages = page_texts(pdf.data)
    chapters = [s for s in briefing.sections if s.number > 0]
    assert len(toc) >= len(chapters) + 3  # at a glance, system, targets, sources
    for section in chapters:
        entry = next(title for title in toc if section.title in title)
        page = toc[entry]
        bookmark = next(p for title, p in bookmarks.items() if section.title in title)
        assert page == bookmark
        assert section.title in pages[page - 1]
    assert toc["Sources"] == bookmarks["Sources"]


def test_bookmarks_cover_every_part(briefing, pdf, appendix_pdf):
    titles = " | ".join(outline_pages(pdf.data))
    for part in ("Contents", "At a glance", "The industrial system", "Targets"):
        assert part in titles
    assert "Sources" not in titles
    assert "Sources" in " | ".join(outline_pages(appendix_pdf.data))
    for section in briefing.sections[1:]:
        assert section.title in titles


def test_metadata_has_title_subject_keywords_and_the_document_date(briefing, pdf):
    meta = PdfReader(io.BytesIO(pdf.data)).metadata
    assert meta.title == briefing.document.title
    assert briefing.document.title in meta.subject
    assert "integrated circuits" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20220914")


def test_running_header_and_page_x_of_y_footer(pdf):
    pages = page_texts(pdf.data)
    assert f"Page 3 of {len(pages)}" in pages[2]
    assert "At a glance" in pages[2]  # the running header names the part
    assert "Page 1 of" not in pages[0]  # the cover has no footer


def test_charts_are_drawn_into_the_pdf(text):
    for marker in ("CHARTMARKONE", "CHARTMARKTWO"):
        assert marker in text


def test_the_industrial_system_is_a_diagram_of_text_not_a_picture(briefing, pdf):
    page = flat(next(p for p in page_texts(pdf.data) if "The industrial system" in p
                     and "Page" in p and "Contents" not in p))
    assert "SYSTEMMARK" not in page  # the matplotlib picture is in charts/ and the deck
    for tier in briefing.system:
        assert formatting.upper_first(tier.name) in page
        for member in tier.members:
            assert formatting.upper_first(member.name) in page
            if member.headline_fact_id:
                assert fact_display(briefing.fact(member.headline_fact_id)) in page


def test_charts_sit_in_their_own_chapter(pdf):
    pages = page_texts(pdf.data)
    assert any("CHARTMARKONE" in p and "A new industrial system" in p for p in pages)
    assert any("CHARTMARKTWO" in p and "Innovation" in p for p in pages)


def test_pdf_is_tagged_and_fonts_are_embedded(pdf):
    reader = PdfReader(io.BytesIO(pdf.data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    embedded = 0
    for page in reader.pages:
        fonts = resolve(page["/Resources"]).get("/Font") or {}
        for ref in resolve(fonts).values():
            font = resolve(ref)
            descendants = font.get("/DescendantFonts")
            target = resolve(descendants[0]) if descendants else font
            descriptor = resolve(target.get("/FontDescriptor"))
            assert descriptor is not None
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            embedded += 1
    assert embedded > 0


def test_same_inputs_give_the_same_pdf_bytes(briefing, pdf):
    again = render_pdf(briefing, synthetic_charts(), config())
    assert again.data == pdf.data


def test_document_text_with_markup_or_template_syntax_prints_literally():
    base = synthetic_briefing()
    hostile = "Output <b>rose</b> {{ 7*7 }} {% raw %}"
    text = base.text + hostile + " to 12 billion yuan.\n"
    start = text.index("12 billion yuan")
    fact = Fact(id="hostile-fact", span=(start, start + len("12 billion yuan")),
                text="12 billion yuan", quantity=replace(base.facts[0].quantity, value=12e9),
                metric="output <i>x</i>", year=2021, sentence=hostile + " to 12 billion yuan.",
                sentence_span=(text.index(hostile), len(text) - 1), section_id="s2",
                point_id="s2-p1")
    sections = tuple(replace(s, fact_ids=s.fact_ids + ("hostile-fact",)) if s.id == "s2" else s
                     for s in base.sections)
    briefing = replace(base, text=text, facts=base.facts + (fact,), sections=sections,
                       document=replace(base.document, title="Release <b>{{ 7*7 }}</b>"))
    out = flat(" ".join(page_texts(render_pdf(briefing, [], config(pdf_sources=True)).data)))
    assert "Release <b>{{ 7*7 }}</b>" in out
    assert "Output <b>rose</b> {{ 7*7 }} {% raw %}" in out
    assert "output <i>x</i>" in out
    assert "49" not in out


def test_pdf_a_is_a_config_option(briefing):
    result = render_pdf(briefing, [], config(pdf_variant="pdf/a-3b"))
    assert b"pdfaid" in inflated_streams(result.data)


def test_an_unknown_pdf_variant_is_a_one_line_config_error(briefing):
    with pytest.raises(ConfigError, match=r"pdf_variant 'pdf/z' .* pdf/a-3b"):
        render_pdf(briefing, [], config(pdf_variant="pdf/z"))


# --- the bundled seed, through the real extraction and charts ---------------------------------

@pytest.fixture(scope="module")
def seed():
    from conftest import SEED

    from reportgen.charts import draw_charts
    from reportgen.pipeline import load_briefing

    briefing = load_briefing(SEED)
    charts = draw_charts(briefing, config())
    return briefing, charts, render_pdf(briefing, charts, config())


def test_seed_pdf_has_every_chapter_target_and_quoted_source(seed):
    briefing, _, result = seed
    text = flat(" ".join(page_texts(result.data)))
    for section in briefing.sections:
        if section.number > 0:
            assert flat(section.title) in text
    for target in briefing.targets:
        assert fact_display(briefing.fact(target.fact_id)) in text
    for fact in briefing.visible_facts:  # each figure's sentence, quoted in its part
        assert squash(fact.sentence) in squash(text), fact.id


def test_seed_headline_cards_show_the_opening_figures(seed):
    briefing, _, result = seed
    glance = flat(next(p for p in page_texts(result.data) if p.lstrip().startswith("At a glance")
                       or "\nAt a glance\n" in p))
    intro = next(s for s in briefing.sections if s.number == 0)
    shown = [f for f in briefing.facts_in(intro.fact_ids) if fact_display(f) in glance]
    assert len(shown) >= 2


def chapter_heading(briefing: Briefing, section: Section) -> str:
    """The heading a chapter carries: its first key finding as a heading, else its title."""
    found = briefing.finding_in(section.id)
    return (formatting.as_heading(found.text) if found else "") or section.title


def test_seed_contents_numbers_match_bookmarks_and_chapter_pages(seed):
    briefing, _, result = seed
    toc, bookmarks = toc_entries(result.data), outline_pages(result.data)
    pages = page_texts(result.data)
    annotated = toc["The release, annotated"]
    assert annotated == bookmarks["The release, annotated"]
    for section in (s for s in briefing.sections if s.number > 0):
        heading = flat(chapter_heading(briefing, section))
        page = next(p for title, p in toc.items() if heading[:40] in flat(title))
        assert page == next(p for t, p in bookmarks.items() if heading in flat(t))
        assert heading[:40] in flat(pages[page - 1])
        # the release's own heading: on the chapter's page, and over its text in the appendix
        assert squash(section.title) in squash(pages[page - 1])
        assert any(squash(section.title) in squash(p) for p in pages[annotated - 1:])


def test_seed_chapters_are_headed_by_their_point_and_the_release_text_is_annotated(seed):
    briefing, _, result = seed
    pages = page_texts(result.data)
    headed = [s for s in briefing.sections
              if s.number > 0 and chapter_heading(briefing, s) != s.title]
    assert headed  # findings give the chapters their point
    start = next(i for i, p in enumerate(pages) if p.lstrip().startswith("The release, annotated")
                 or "\nThe release, annotated\n" in p)
    appendix = squash(" ".join(pages[start:]))
    numbered = {s.id for s in briefing.sections if s.number > 0}  # the opening is at a glance
    chapters = [f for f in briefing.visible_facts if f.section_id in numbered]
    assert len(chapters) >= 40
    for fact in chapters:  # every chapter figure's sentence is in the annotated release
        assert squash(fact.sentence) in appendix, fact.id


def test_seed_charts_are_all_drawn_into_the_pdf_the_system_as_text(seed):
    briefing, charts, result = seed
    pictures = [c for c in charts if c.spec.kind != "system"]
    assert pictures and len(pictures) < len(charts)
    with_charts = flat(" ".join(page_texts(result.data)))
    without = flat(" ".join(page_texts(render_pdf(briefing, [], config()).data)))
    assert with_charts.count("The industrial system") == without.count("The industrial system")
    charts = pictures
    for chart in charts:  # chart text is text (svg.fonttype none): each title is drawn once more
        assert with_charts.count(chart.spec.title) > without.count(chart.spec.title), chart.id
    streams = inflated_streams(result.data)
    assert streams.count(b"/Alt") >= len(charts)  # alt text in the tag tree


def test_seed_pdf_has_no_warnings_when_fonts_cover_the_text(seed):
    _, _, result = seed
    assert result.warnings == ()


def test_glyph_preflight_names_characters_no_font_covers(monkeypatch):
    from reportgen.render.briefing import glyphs

    base = synthetic_briefing()
    briefing = replace(base, document=replace(base.document, title="中文版 Sample \U0010fffd"))
    result = render_pdf(briefing, [], config())
    line = next(w for w in result.warnings if "glyph" in w)
    assert "U+10FFFD" in line
    assert ("中" in line) is not glyphs.font_covers("中")  # named only where no CJK font is

    monkeypatch.setattr(glyphs, "font_covers", lambda c: ord(c) < 0x2E80)  # a machine without CJK
    result = render_pdf(briefing, [], config())
    line = next(w for w in result.warnings if "glyph" in w)
    assert all(f"{c} (U+{ord(c):04X})" in line for c in "中文版") and "U+10FFFD" in line
    assert "中文版" in flat(" ".join(page_texts(result.data)))  # reported, never dropped


def test_a_release_without_sections_system_targets_or_date_still_renders():
    from reportgen.model import Briefing, Document

    bare = Briefing(document=Document(path="seeds/bare.txt", sha256="1" * 64,
                                      title="A release with no figures", issuer="City Office",
                                      source_url="https://example.org/release"),
                    text="A release with no figures.\n")
    result = render_pdf(bare, [], config())
    text = flat(" ".join(page_texts(result.data)))
    assert "A release with no figures" in text and "City Office" in text
    assert "https://example.org/release" in text
    assert set(toc_entries(result.data)) == set()
    assert "/CreationDate" not in PdfReader(io.BytesIO(result.data)).metadata
    assert result.warnings == ()


# --- pages laid out while the charts are drawn ---------------------------------------------------


def test_a_pdf_laid_out_with_placeholders_is_the_same_pdf_once_the_charts_are_drawn_in(
        seed, monkeypatch):
    from reportgen.charts import chart_placeholders
    from reportgen.render.briefing import pdf as pdf_stage

    briefing, charts, result = seed
    swaps: list[bool] = []
    real_swap = pdf_stage.swap_charts
    monkeypatch.setattr(pdf_stage, "swap_charts", lambda *a: swaps.append(real_swap(*a)) or
                        swaps[-1])
    asked: list[int] = []
    later = render_pdf(briefing, chart_placeholders(briefing, config()), config(),
                       drawn_later=lambda: asked.append(1) or charts)
    assert later.data == result.data
    assert swaps == [True] and asked == [1]  # drawn in place, not laid out twice


def test_a_drawn_chart_of_another_size_lays_the_pdf_out_again(seed, monkeypatch):
    from reportgen.charts import ChartAsset

    briefing, charts, result = seed
    wrong = tuple(ChartAsset(c.spec, b'<svg xmlns="http://www.w3.org/2000/svg" width="10pt" '
                             b'height="10pt" viewBox="0 0 10 10"></svg>') for c in charts)
    later = render_pdf(briefing, wrong, config(), drawn_later=lambda: charts)
    assert later.data == result.data


def test_each_chapter_lists_its_key_figures_with_label_value_and_year(briefing, text):
    from reportgen.render.briefing.context import build_context

    context = build_context(briefing, [], config(), chart_src=lambda c: "", asset=lambda p: "",
                            output="pdf")
    listed = 0
    for chapter in context["chapters"]:
        for f in chapter.key_facts:
            year = f" ({f.year})" if f.year else ""
            tag = " target" if f.is_target else ""  # the tag is printed in capitals
            line = f"{formatting.upper_first(f.label)}{tag}: {f.display}{year}"
            assert squash(line).lower() in squash(text).lower(), f.id
            listed += 1
    assert listed >= 3


def test_the_pdf_bytes_do_not_depend_on_the_clock(monkeypatch) -> None:
    """fontTools stamps subset fonts with the current time unless told otherwise."""
    import time

    from reportgen.render.briefing.pdf import _fonts_stamped

    head = pytest.importorskip("fontTools.ttLib.tables._h_e_a_d")
    with _fonts_stamped(946684800):
        first = head.timestampNow()
        monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)
        assert head.timestampNow() == first


def test_seed_pdf_prints_no_text_under_7_pt_charts_included(seed):
    import pdfplumber  # a development dependency: it reads each glyph's size

    _, _, result = seed
    with pdfplumber.open(io.BytesIO(result.data)) as pdf:
        sizes = [(page.page_number, c["size"], c["text"]) for page in pdf.pages
                 for c in page.chars]
    # chart text is text in the PDF (svg.fonttype none), so this covers every chart at print
    # size: the smallest glyphs are the charts' source lines, printed at their 7 pt
    small = [(page, round(size, 2), text) for page, size, text in sizes if size < 6.99]
    assert small == []
    assert min(size for _, size, _ in sizes) == pytest.approx(Theme().chart_small_size, abs=0.02)


def test_seed_chart_source_lines_are_whole_never_cut(seed):
    briefing, charts, result = seed
    text = squash(" ".join(page_texts(result.data)))
    issuer = squash(briefing.document.issuer)
    assert len(briefing.document.issuer) > 80  # long enough that one line would not hold it
    drawn = [c for c in charts if c.spec.source_note]
    assert drawn and text.count(issuer) >= len(drawn)
    assert all("…" not in c.spec.source_note for c in drawn)
