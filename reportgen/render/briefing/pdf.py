"""The briefing as PDF: the templates' HTML laid out by WeasyPrint through the restricted fetcher.

Charts are `<img>` references to `file:///reportgen-charts/<id>.svg`, served from memory by the
fetcher (faster than inline SVG and nothing else becomes reachable). WeasyPrint's log is captured
into the result's warnings: one line per refused resource, per attachment and per glyph problem.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from html.parser import HTMLParser
from typing import Any

from reportgen.charts import ChartAsset
from reportgen.config import Config
from reportgen.errors import ConfigError
from reportgen.model import Briefing
from reportgen.render import RenderResult
from reportgen.render.briefing.fetcher import CHART_BASE, REFUSED_MARKER, weasyprint_fetcher
from reportgen.render.briefing.fonts import font_warnings, page_css
from reportgen.render.briefing.glyphs import glyph_warning, missing_glyphs, text_characters
from reportgen.render.briefing.html import BASE_URL, briefing_markup, chart_filename
from reportgen.render.briefing.weasy import load_weasyprint


def render_pdf(briefing: Briefing, charts: Sequence[ChartAsset], config: Config, *,
               drawn_later: Callable[[], Sequence[ChartAsset]] | None = None) -> RenderResult:
    """The briefing's PDF bytes (tagged, fonts embedded, reproducible) and its warnings.

    With `drawn_later`, `charts` are placeholders of the charts' sizes (`chart_placeholders`):
    the pages are laid out while the charts are drawn elsewhere, and `drawn_later()` gives the
    drawn charts just before the pages are drawn. Should a drawn chart differ from its
    placeholder, the PDF is laid out again with the drawn charts.
    """
    markup = briefing_markup(briefing, charts, config, output="pdf")
    report = list(markup.warnings)
    glyphs = glyph_warning(missing_glyphs(text_characters(markup.html)))
    if glyphs:
        report.append(glyphs)
    report += font_warnings(page_css(markup.html, lambda url: markup.resolver.resolve(url).data),
                            config.theme)
    options = _pdf_options(briefing, config)
    with _weasyprint_log_into(report):
        weasyprint = load_weasyprint()

        fetcher = weasyprint_fetcher(markup.resolver, report)
        html = weasyprint.HTML(string=markup.html, base_url=BASE_URL, url_fetcher=fetcher)
        images: dict[str, Any] = {}  # WeasyPrint's image cache: URL → the image boxes draw
        document = html.render(cache=images, **options)
        if drawn_later is not None:
            drawn = drawn_later()
            if not swap_charts(images, charts, drawn, fetcher):
                return render_pdf(briefing, drawn, config)
        _drop_attachments(document, _attachment_hrefs(markup.html), report)
        with warnings.catch_warnings(), _fonts_stamped(_stamp_seconds(briefing)), \
                _unread_layout_tables():
            # WeasyPrint 70 leaves its sRGB profile file open for PDF/A (a ResourceWarning)
            warnings.simplefilter("ignore", ResourceWarning)
            data = document.write_pdf(**options)
    return RenderResult(data, tuple(report))


def _stamp_seconds(briefing: Briefing) -> int:
    """The time the PDF's embedded fonts are stamped with: SOURCE_DATE_EPOCH, else the
    release's date, else 1 January 2000 (never the clock: the same inputs, the same bytes)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return int(epoch)
    try:
        day = dt.date.fromisoformat(briefing.document.date or "2000-01-01")
    except ValueError:
        day = dt.date(2000, 1, 1)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


@contextlib.contextmanager
def _fonts_stamped(seconds: int) -> Iterator[None]:
    """While the PDF is written, fonts subset by fontTools carry `seconds` as their 'head'
    table's modified time instead of the clock's (fontTools reads the clock otherwise)."""
    try:
        from fontTools.misc.timeTools import epoch_diff
        from fontTools.ttLib.tables import _h_e_a_d as head
    except ImportError:  # no fontTools: WeasyPrint subsets with HarfBuzz
        yield
        return
    original = head.timestampNow
    head.timestampNow = lambda: seconds - epoch_diff
    try:
        yield
    finally:
        head.timestampNow = original


@contextlib.contextmanager
def _unread_layout_tables() -> Iterator[None]:
    """While the PDF is written, fontTools drops the GSUB and GPOS tables WeasyPrint asks it to
    drop before reading them: it decompiled both (and then dropped them) to subset each font,
    ~0.1 s of a briefing's 0.6 s of writing. A 'kern' table goes too, as when GPOS was there.
    The subset fonts are the same, byte for byte."""
    try:
        from fontTools.subset import Subsetter
    except ImportError:  # no fontTools: WeasyPrint subsets with HarfBuzz
        yield
        return
    original = Subsetter.subset

    def subset(self: Any, font: Any) -> None:
        dropped = [tag for tag in ("GSUB", "GPOS") if tag in font
                   and tag in self.options.drop_tables]
        if "GPOS" in dropped and "kern" in font and not self.options.legacy_kern:
            del font["kern"]  # fontTools drops 'kern' when GPOS is there
        for tag in dropped:
            del font[tag]
        original(self, font)

    Subsetter.subset = subset  # type: ignore[method-assign]
    try:
        yield
    finally:
        Subsetter.subset = original  # type: ignore[method-assign]


def swap_charts(images: dict[str, Any], placeholders: Sequence[ChartAsset],
                drawn: Sequence[ChartAsset], fetcher: Any) -> bool:
    """Put each drawn chart into the laid-out image of its placeholder; False (nothing
    swapped) when the drawn charts are not the same charts at the same sizes."""
    from xml.etree import ElementTree

    from weasyprint.images import SVGImage

    by_url = {CHART_BASE + chart_filename(c): c for c in drawn}
    wanted = {CHART_BASE + chart_filename(c): c for c in placeholders}
    if by_url.keys() != wanted.keys():
        return False
    trees = {url: ElementTree.fromstring(c.svg) for url, c in by_url.items()}
    if any(_size(trees[url]) != _size(ElementTree.fromstring(c.svg)) for url, c in wanted.items()):
        return False
    shown = {url: images[url] for url in by_url if url in images}  # those the template shows
    if not all(isinstance(image, SVGImage) and hasattr(image, "_context")
               for image in shown.values()):
        return False  # another WeasyPrint: lay out again rather than guess
    for url, image in shown.items():
        # The page's boxes hold `image`: give it the drawn chart's state, same size and context
        image.__dict__.update(SVGImage(trees[url], url, fetcher, image._context).__dict__)
    return True


def _size(root: Any) -> tuple[str | None, ...]:
    return tuple(root.get(name) for name in ("width", "height", "viewBox"))


def _pdf_options(briefing: Briefing, config: Config) -> dict[str, Any]:
    """WeasyPrint options: tags, variant, and a file identifier fixed by the source's hash."""
    variant = config.pdf_variant or None
    if variant is not None:
        from weasyprint.pdf import VARIANTS

        if variant not in VARIANTS:
            known = ", ".join(sorted(VARIANTS))
            raise ConfigError(f"pdf_variant {variant!r} is not a PDF variant; use one of: {known}")
    identity = f"{briefing.document.sha256}:{briefing.document.path}".encode()
    return {
        "pdf_tags": bool(config.pdf_tags),
        "pdf_variant": variant,
        "pdf_identifier": hashlib.sha256(identity).hexdigest()[:32].encode("ascii"),
    }


class _AttachmentLinks(HTMLParser):
    """Collects the href of every `<link>` or `<a>` whose rel includes 'attachment'."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag in ("link", "a") and "attachment" in values.get("rel", "").lower().split():
            self.hrefs.append(values.get("href", ""))


def _attachment_hrefs(html: str) -> list[str]:
    parser = _AttachmentLinks()
    parser.feed(html)
    parser.close()
    return parser.hrefs


def _drop_attachments(document: Any, hrefs: list[str], warnings: list[str]) -> None:
    """Remove every file attachment before the PDF is written, one warning line each."""
    links = [link for page in document.pages for link in page.links if link[0] == "attachment"]
    count = len(document.metadata.attachments) + len({link[1] for link in links})
    for page in document.pages:
        page.links[:] = [link for link in page.links if link[0] != "attachment"]
    document.metadata.attachments = []
    named = list(dict.fromkeys(hrefs))
    for href in named[:count]:
        warnings.append(f"PDF: refused attachment {href!r}: templates may not attach files")
    if count > len(named):
        warnings.append(f"PDF: refused {count - len(named)} more attachment(s): "
                        "templates may not attach files")


class _ListHandler(logging.Handler):
    """Turns WeasyPrint's log records into one-line warnings (refusals are already counted)."""

    def __init__(self, warnings: list[str]) -> None:
        super().__init__(level=logging.WARNING)
        self.warnings = warnings

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if REFUSED_MARKER in message:
            return
        if message.startswith("Font-face") and any(w.startswith("PDF: refused") for w in
                                                   self.warnings):
            return  # the refused font URL already has its line
        if message.startswith("Using fontTools instead of HarfBuzz-Subset"):
            return  # slower font subsetting on this machine, nothing wrong with the document
        if message.startswith(".notdef glyph") and any("no installed font" in w for w in
                                                       self.warnings):
            return  # the glyph preflight already named the characters
        line = f"PDF: {message.splitlines()[0] if message else record.levelname}"
        if line not in self.warnings:
            self.warnings.append(line)


@contextlib.contextmanager
def _image_bombs_into(report: list[str]) -> Iterator[None]:
    """Pillow's decompression-bomb warning (an image of more pixels than it allows) goes to
    `report` as one line; other Python warnings pass on as they were."""
    import warnings as python_warnings

    from PIL import Image

    with python_warnings.catch_warnings(record=True) as caught:
        python_warnings.simplefilter("always", Image.DecompressionBombWarning)
        yield
    for item in caught:
        if issubclass(item.category, Image.DecompressionBombWarning):
            line = (f"PDF: an image is too large to decode safely ({str(item.message)[:120]}); "
                    "make it smaller")
            if line not in report:
                report.append(line)
        else:
            python_warnings.warn_explicit(item.message, item.category, item.filename,
                                          item.lineno)


@contextlib.contextmanager
def _weasyprint_log_into(warnings: list[str]) -> Iterator[None]:
    """WeasyPrint's warnings and errors go to `warnings` instead of stderr while inside."""
    loggers = [logging.getLogger("weasyprint"), logging.getLogger("weasyprint.progress")]
    saved = [(lg.handlers[:], lg.propagate, lg.level) for lg in loggers]
    handler = _ListHandler(warnings)
    loggers[0].handlers = [handler]
    loggers[1].handlers = [logging.NullHandler()]
    for lg in loggers:
        lg.propagate = False
    loggers[0].setLevel(logging.WARNING)
    try:
        with _image_bombs_into(warnings):
            yield
    finally:
        for lg, (handlers, propagate, level) in zip(loggers, saved, strict=True):
            lg.handlers, lg.propagate = handlers, propagate
            lg.setLevel(level)
