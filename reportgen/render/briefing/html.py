"""The briefing as HTML: the templates rendered with the data layer, for print or for a browser.

`render_html` returns the self-contained `briefing.html` (CSS, logo and charts inline as data:
URLs); `briefing_markup` is the shared step that the PDF stage also uses, with resources left as
fetcher URLs for WeasyPrint.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from markupsafe import Markup

from reportgen.charts import ChartAsset
from reportgen.config import Config
from reportgen.errors import ConfigError
from reportgen.model import Briefing
from reportgen.render import RenderResult
from reportgen.render.briefing.context import build_context
from reportgen.render.briefing.fetcher import (
    CHART_BASE,
    TEMPLATE_BASE,
    ResourceRefused,
    ResourceResolver,
    data_url,
)
from reportgen.templating import (
    DEFAULTS_DIR,
    make_environment,
    render_template,
    template_roots,
)

BRIEFING_TEMPLATE = "briefing/briefing.html.j2"
BASE_URL = TEMPLATE_BASE + "briefing/"
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1\s*\)?\s*([^;]*);""")


@dataclass(frozen=True, slots=True)
class BriefingMarkup:
    """The rendered HTML, the resolver that serves its resources, and warnings so far."""

    html: str
    resolver: ResourceResolver
    warnings: tuple[str, ...]


def chart_filename(chart: ChartAsset) -> str:
    """The chart's file name under the virtual chart base (its id, which is a slug)."""
    return f"{chart.id}.svg"


def make_resolver(charts: Sequence[ChartAsset], config: Config) -> ResourceResolver:
    """The resolver for this build: template roots in search order and the charts' SVG bytes."""
    staff = config.templates_dir
    if staff is not None and not staff.is_dir():
        raise ConfigError(f"templates folder {str(staff)!r} does not exist (from --templates or "
                          "templates_dir); make it with `reportgen templates init` or fix the path")
    roots = template_roots(config.templates_dir, config.project_templates_dir)
    return ResourceResolver(roots=roots, defaults_root=DEFAULTS_DIR.resolve(),
                            charts={chart_filename(c): c.svg for c in charts})


def briefing_markup(briefing: Briefing, charts: Sequence[ChartAsset], config: Config,
                    output: str) -> BriefingMarkup:
    """The briefing template rendered for `output` ('pdf': fetcher URLs, 'html': inline data)."""
    resolver = make_resolver(charts, config)
    warnings: list[str] = []
    inline = output == "html"

    def chart_src(chart: ChartAsset) -> str:
        url = CHART_BASE + chart_filename(chart)
        return data_url(resolver.resolve(url)) if inline else url

    def asset(path: str) -> str:
        url = urljoin(TEMPLATE_BASE, str(path))
        try:
            resource = resolver.resolve(url)
        except ResourceRefused as exc:
            raise LookupError(f"asset {path!r}: {exc}") from None
        return data_url(resource) if inline else url

    def inline_css(path: str) -> Markup:
        return Markup(_inline_stylesheet(resolver, urljoin(TEMPLATE_BASE, str(path)), warnings))

    env = make_environment(resolver.roots)
    context = build_context(briefing, charts, config, chart_src=chart_src, asset=asset,
                            output=output)
    context["inline_css"] = inline_css
    html = render_template(env, BRIEFING_TEMPLATE, context)
    return BriefingMarkup(html, resolver, tuple(warnings))


def render_html(briefing: Briefing, charts: Sequence[ChartAsset], config: Config) -> RenderResult:
    """The self-contained `briefing.html` (UTF-8): CSS, logo and charts inline, nothing fetched."""
    result = briefing_markup(briefing, charts, config, output="html")
    return RenderResult(result.html.encode("utf-8"), result.warnings)


def _inline_stylesheet(resolver: ResourceResolver, url: str, warnings: list[str],
                       depth: int = 0) -> str:
    """The stylesheet at `url` with its @imports inlined and its url()s turned into data: URLs."""
    try:
        css = resolver.resolve(url).data.decode("utf-8", errors="replace")
    except ResourceRefused as exc:
        warnings.append(f"HTML: {exc}")
        return ""

    def import_rule(match: re.Match[str]) -> str:
        target = urljoin(url, match.group(2))
        if depth >= 8:
            warnings.append(f"HTML: @import nested too deeply at {target!r}")
            return ""
        inner = _inline_stylesheet(resolver, target, warnings, depth + 1)
        media = match.group(3).strip()
        return f"@media {media} {{\n{inner}\n}}" if media else inner

    def url_value(match: re.Match[str]) -> str:
        if match.group(2).startswith("data:"):
            return match.group(0)
        target = urljoin(url, match.group(2))
        try:
            return f'url("{data_url(resolver.resolve(target))}")'
        except ResourceRefused as exc:
            warnings.append(f"HTML: {exc}")
            return "url()"

    css = _CSS_IMPORT.sub(import_rule, css)
    css = _CSS_URL.sub(url_value, css)
    return css.replace("</", "<\\/")
