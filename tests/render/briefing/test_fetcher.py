"""Hostile templates: sandbox escapes fail in one line; outside resources are refused, unread."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from render_support import config, flat, inflated_streams, page_texts, synthetic_charts
from synthetic import synthetic_briefing

from reportgen.errors import TemplateError
from reportgen.render.briefing.fetcher import (
    CHART_BASE,
    TEMPLATE_BASE,
    ResourceRefused,
    ResourceResolver,
)
from reportgen.render.briefing.html import render_html
from reportgen.render.briefing.pdf import render_pdf

CANARY = b"CANARY-5d41402abc4b2a76-SECRET"


# --- the resolver on its own -----------------------------------------------------------------

@pytest.fixture
def roots(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A staff root, a defaults root and an outside folder holding the canary."""
    staff, defaults, outside = tmp_path / "staff", tmp_path / "defaults", tmp_path / "outside"
    for d in (staff / "briefing" / "assets", defaults / "briefing", outside):
        d.mkdir(parents=True)
    (staff / "briefing" / "assets" / "logo.svg").write_bytes(b"<svg>staff</svg>")
    (defaults / "briefing" / "style.css").write_bytes(b"body{}")
    (defaults / "briefing" / "logo.svg").write_bytes(b"<svg>default</svg>")
    (staff / "briefing" / "logo.svg").write_bytes(b"<svg>override</svg>")
    (outside / "canary.css").write_bytes(CANARY)
    os.symlink(outside / "canary.css", staff / "briefing" / "assets" / "escape.css")
    return staff, defaults, outside


def _resolver(roots: tuple[Path, Path, Path]) -> ResourceResolver:
    staff, defaults, _ = roots
    return ResourceResolver(roots=[staff, defaults], defaults_root=defaults,
                            charts={"growth.svg": b"<svg>chart</svg>"})


def test_template_files_follow_the_search_order_and_default_prefix(roots):
    resolver = _resolver(roots)
    assert resolver.resolve(TEMPLATE_BASE + "briefing/logo.svg").data == b"<svg>override</svg>"
    default = resolver.resolve(TEMPLATE_BASE + "default/briefing/logo.svg")
    assert default.data == b"<svg>default</svg>"
    assert resolver.resolve(TEMPLATE_BASE + "briefing/style.css").mime_type == "text/css"
    real = (roots[0] / "briefing" / "assets" / "logo.svg").as_uri()
    assert resolver.resolve(real).data == b"<svg>staff</svg>"


def test_charts_of_this_build_and_data_urls_are_served(roots):
    resolver = _resolver(roots)
    chart = resolver.resolve(CHART_BASE + "growth.svg")
    assert chart.data == b"<svg>chart</svg>" and chart.mime_type == "image/svg+xml"
    assert resolver.resolve("data:text/plain;base64,aGk=").data == b"hi"
    assert resolver.resolve("data:,a%20b").data == b"a b"


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/x.png",
    "https://example.org/x.css",
    "ftp://example.org/x",
    "file://otherhost/etc/passwd",
    "file:///etc/passwd",
    TEMPLATE_BASE + "../../../etc/passwd",
    TEMPLATE_BASE + "briefing/..%2F..%2F..%2Fetc%2Fpasswd",
    TEMPLATE_BASE + "briefing/%2e%2e/%2e%2e/etc/passwd",
    TEMPLATE_BASE + "default/../../etc/passwd",
    TEMPLATE_BASE + "briefing/assets/escape.css",
    TEMPLATE_BASE + "briefing/missing.css",
    CHART_BASE + "other.svg",
    CHART_BASE + "../etc/passwd",
])
def test_everything_else_is_refused_with_one_line(roots, url):
    with pytest.raises(ResourceRefused) as refused:
        _resolver(roots).resolve(url)
    message = str(refused.value)
    assert "\n" not in message and message.startswith("refused ")


def test_a_real_file_url_outside_the_roots_is_refused_even_through_a_symlink(roots):
    outside = (roots[2] / "canary.css").as_uri()
    link = (roots[0] / "briefing" / "assets" / "escape.css").as_uri()
    for url in (outside, link, link.replace("/assets/", "/assets/../../../outside/")):
        with pytest.raises(ResourceRefused):
            _resolver(roots).resolve(url)


# --- hostile templates in a full render ------------------------------------------------------

class _CanaryServer(http.server.ThreadingHTTPServer):
    requests: list[str]


@pytest.fixture
def canary_server() -> Iterator[_CanaryServer]:
    """A local HTTP server on 127.0.0.1 that records every request it gets."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 — the stdlib's name
            server.requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b".cover::after { content: '" + CANARY + b"'; }")

        def log_message(self, *args: object) -> None:
            pass

    server = _CanaryServer(("127.0.0.1", 0), Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _staff_folder(tmp_path: Path, template: str, files: dict[str, bytes] | None = None) -> Path:
    staff = tmp_path / "staff"
    (staff / "briefing").mkdir(parents=True, exist_ok=True)
    (staff / "briefing" / "briefing.html.j2").write_text(template, encoding="utf-8")
    for name, data in (files or {}).items():
        (staff / "briefing" / name).parent.mkdir(parents=True, exist_ok=True)
        (staff / "briefing" / name).write_bytes(data)
    return staff


def test_hostile_resources_are_refused_one_line_each_and_the_pdf_still_builds(tmp_path,
                                                                              canary_server):
    outside = tmp_path / "outside"
    outside.mkdir()
    canary = outside / "canary.css"
    canary.write_bytes(b".cover::after { content: '" + CANARY + b"'; }")
    (outside / "canary.txt").write_bytes(CANARY)
    port = canary_server.server_address[1]
    web = f"http://127.0.0.1:{port}"
    hostile = {
        "image file": canary.as_uri(),
        "image http": f"{web}/image.png",
        "stylesheet http": f"{web}/sheet.css",
        "stylesheet file": canary.as_uri() + "?2",
        "@import http": f"{web}/import.css",
        "@import file": (outside / "canary.txt").as_uri(),
        "@font-face": f"{web}/font.woff2",
        "symlink": "assets/escape.css",
        "dot-dot": TEMPLATE_BASE + "briefing/..%2F..%2Foutside/canary.css",
    }
    template = f"""{{% extends "default/briefing/briefing.html.j2" %}}
{{% block styles %}}{{{{ super() }}}}
<link rel="stylesheet" href="{hostile['stylesheet http']}">
<link rel="stylesheet" href="{hostile['stylesheet file']}">
<link rel="stylesheet" href="{hostile['symlink']}">
<style>
@import url("{hostile['@import http']}");
@import "{hostile['@import file']}";
@font-face {{ font-family: Evil; src: url("{hostile['@font-face']}"); }}
.cover-title {{ font-family: Evil, sans-serif; }}
</style>
<link rel="attachment" href="{(outside / 'canary.txt').as_uri()}" title="leak">
{{% endblock %}}
{{% block glance %}}{{{{ super() }}}}
<img src="{hostile['image file']}" alt="x">
<img src="{hostile['image http']}" alt="y">
<img src="{hostile['dot-dot']}" alt="z">
<p><a rel="attachment" href="{web}/attach.bin">attached</a></p>
{{% endblock %}}
"""
    staff = _staff_folder(tmp_path, template)
    (staff / "briefing" / "assets").mkdir()
    os.symlink(canary, staff / "briefing" / "assets" / "escape.css")

    result = render_pdf(synthetic_briefing(), synthetic_charts(), config(templates_dir=staff))

    assert result.data.startswith(b"%PDF-")
    assert "CHARTMARKONE" in flat(" ".join(page_texts(result.data)))  # the real content is there
    assert CANARY not in inflated_streams(result.data)
    assert canary_server.requests == []
    lines = list(result.warnings)
    assert all("\n" not in line for line in lines)
    for what, url in hostile.items():
        matching = [line for line in lines if url.split("/")[-1] in line and "refused" in line]
        assert len(matching) >= 1, (what, lines)
    attachments = [line for line in lines if "attachment" in line]
    assert len(attachments) == 2, lines
    assert len(lines) == len(hostile) + len(attachments), "\n".join(lines)


def test_hostile_resources_stay_out_of_the_html_too(tmp_path, canary_server):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "canary.css").write_bytes(CANARY)
    port = canary_server.server_address[1]
    staff = _staff_folder(tmp_path, '{% extends "default/briefing/briefing.html.j2" %}',
                          {"custom.css": f'@import url("http://127.0.0.1:{port}/x.css");\n'
                                         f'@import "{(outside / "canary.css").as_uri()}";\n'
                                         'body {{ background: url("../../outside/canary.css"); }}'
                                         .encode()})
    result = render_html(synthetic_briefing(), [], config(templates_dir=staff))
    assert CANARY not in result.data
    assert canary_server.requests == []
    assert len(result.warnings) == 3 and all(w.startswith("HTML: refused") for w in result.warnings)


@pytest.mark.parametrize("line", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ range.__init__.__globals__ }}",
    "{{ ('{0.__class__.__mro__}' | attr('format'))('') }}",
    "{{ (document | attr('__class__')) }}",
    "{{ fact.__self__ }}",
    "{% include '../../x' %}",
    "{% include '../../../etc/passwd' %}",
    "{% import '/etc/passwd' as x %}",
])
def test_sandbox_escapes_fail_with_one_line_naming_template_and_line(tmp_path, line):
    template = ('{% extends "default/briefing/briefing.html.j2" %}\n'
                "{% block glance %}\n"
                f"{line}\n"
                "{% endblock %}\n")
    staff = _staff_folder(tmp_path, template)
    with pytest.raises(TemplateError) as failed:
        render_pdf(synthetic_briefing(), [], config(templates_dir=staff))
    message = str(failed.value)
    assert "\n" not in message
    assert "briefing/briefing.html.j2:3:" in message, message
