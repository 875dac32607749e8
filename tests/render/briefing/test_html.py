"""The self-contained briefing.html: same templates, everything inline, text escaped."""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from render_support import config, synthetic_charts
from synthetic import synthetic_briefing

from reportgen.render.briefing.context import fact_display
from reportgen.render.briefing.html import render_html


class _Refs(HTMLParser):
    """Collects src/href attributes and the text of <style> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href"):
                self.refs.append((tag, name, value or ""))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


@pytest.fixture(scope="module")
def page() -> str:
    result = render_html(synthetic_briefing(), synthetic_charts(), config())
    assert result.warnings == ()
    return result.data.decode("utf-8")


@pytest.fixture(scope="module")
def refs(page) -> _Refs:
    parser = _Refs()
    parser.feed(page)
    return parser


def test_html_references_nothing_outside_itself(refs):
    for tag, _, value in refs.refs:
        assert value.startswith(("#", "data:")), (tag, value)
    assert not any(tag == "link" for tag, _, _ in refs.refs)


def test_charts_are_inline_svg_data_with_alt_text(page):
    images = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]*)"', page)
    payloads = [base64.b64decode(data) for data, _ in images]
    for marker in (b"CHARTMARKONE", b"CHARTMARKTWO"):
        assert any(marker in p for p in payloads)
    assert not any(b"SYSTEMMARK" in p for p in payloads)  # the system is a diagram of text
    assert "Bar chart leading-scale" in [alt for _, alt in images]


def test_css_and_theme_colours_are_inline(refs):
    css = "\n".join(refs.styles)
    assert "--accent: #C8102E" in css
    assert "@page" in css and ".cover" in css
    assert "url(\"data:" in css or "url(" not in css


def test_every_chapter_target_and_source_is_in_the_html(page):
    briefing = synthetic_briefing()
    for section in briefing.sections[1:]:
        assert section.title in page
    for target in briefing.targets:
        assert fact_display(briefing.fact(target.fact_id)) in page
    for number, _ in enumerate(briefing.visible_facts, start=1):
        assert f'id="src-{number}"' in page
        assert f'href="#src-{number}"' in page


def test_html_escapes_document_text_and_never_evaluates_it():
    base = synthetic_briefing()
    briefing = replace(base, document=replace(base.document, title="<b>x</b> {{ 7*7 }}"))
    page = render_html(briefing, [], config()).data.decode("utf-8")
    assert "&lt;b&gt;x&lt;/b&gt; {{ 7*7 }}" in page
    assert "<title>&lt;b&gt;x&lt;/b&gt; {{ 7*7 }}</title>" in page
    assert "<b>x</b>" not in page


def test_the_html_stage_does_not_import_weasyprint():
    import subprocess
    import sys

    code = ("import sys, reportgen.render.briefing.html, reportgen.render.briefing.pdf; "
            "print('weasyprint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_seed_html_is_self_contained_with_every_chart_inline():
    from conftest import SEED

    from reportgen.charts import draw_charts
    from reportgen.pipeline import load_briefing

    briefing = load_briefing(SEED)
    charts = draw_charts(briefing, config())
    result = render_html(briefing, charts, config())
    assert result.warnings == ()
    parser = _Refs()
    parser.feed(result.data.decode("utf-8"))
    assert all(value.startswith(("#", "data:")) for _, _, value in parser.refs)
    inline = {base64.b64decode(v.split(",", 1)[1]) for tag, _, v in parser.refs
              if tag == "img" and v.startswith("data:image/svg+xml;base64,")}
    assert all(chart.svg in inline for chart in charts if chart.spec.kind != "system")
