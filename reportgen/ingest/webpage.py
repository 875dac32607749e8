"""The reader for `.html` and `.htm` sources: whole web pages saved from a browser, and fragments.

A page saved from a browser carries its site around the article: menus, breadcrumbs, sidebars
("most read", with their own figures), footers, cookie banners, scripts. For those, trafilatura
finds the main text and htmldate the publication date; the page's title and site name come from
its metadata. A plain fragment (an article body, a page with little more than a menu bar and a
footer, which our own `html` reader already drops) keeps our reader, so its text is as before.

The rule (`is_saved_page`): a page is read as a saved page when it has 20 or more links, or three
or more kinds of site furniture, counted from its elements (`nav`, `header`, `footer`, `aside`),
ARIA roles (`navigation`, `banner`, `contentinfo`, `complementary`) and class or id names
(menu, breadcrumb, sidebar, cookie, banner). Both libraries load only when a page needs them.
A saved page whose main text holds no sentence (six words or more ending in a full stop) has no
main text: a menu or a list of links is not an article.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reportgen.config import Limits
from reportgen.errors import InputError
from reportgen.ingest import html
from reportgen.ingest.files import decode_text, normalise_newlines
from reportgen.ingest.source import Reading, TableWriter

MANY_LINKS = 20
FURNITURE_KINDS = 3
_FURNITURE = re.compile(
    r"<(nav|header|footer|aside)\b"
    r"|\brole\s*=\s*[\"']?(navigation|banner|contentinfo|complementary)"
    r"|\b(?:class|id)\s*=\s*[\"'][^\"']*?(menu|breadcrumb|sidebar|cookie|banner)",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?:\S+\s+){5,}\S+[.!?。](?:\s|$)")  # six words or more, then a stop
_LINK = re.compile(r"<a\s[^>]*href", re.IGNORECASE)
_KIND = {"navigation": "nav", "contentinfo": "footer", "complementary": "aside",
         "banner": "header"}


def read(raw: bytes, path: Path, tables: TableWriter, limits: Limits) -> Reading:
    """The main text of a saved page (with its title, date and site name as metadata), or the
    visible text of a plain HTML fragment."""
    markup = normalise_newlines(decode_text(raw, path))
    if not is_saved_page(markup):
        return html.read(raw, path, tables, limits)
    return _main_text(markup, path, tables)


def is_saved_page(markup: str) -> bool:
    """True when `markup` is a whole site page (many links, or several kinds of furniture)."""
    if len(_LINK.findall(markup)) >= MANY_LINKS:
        return True
    kinds = set()
    for match in _FURNITURE.finditer(markup):
        found = next(g for g in match.groups() if g).lower()
        kinds.add(_KIND.get(found, found))
    return len(kinds) >= FURNITURE_KINDS


def _main_text(markup: str, path: Path, tables: TableWriter) -> Reading:
    """The article trafilatura finds in `markup`, laid out as our readers lay out text."""
    import trafilatura

    found = trafilatura.bare_extraction(markup, with_metadata=True, include_tables=True,
                                        include_comments=False, include_images=False)
    body = getattr(found, "body", None) if found is not None else None
    blocks = _blocks(body, tables) if body is not None else []
    if not any(_SENTENCE.search(b) for b in blocks):  # a menu's words are not an article
        raise InputError(f"{path}: web page with no main text (only menus, links or scripts); "
                         "save the article itself, or copy its text into a .txt file")
    meta = _metadata(found, markup)
    title = meta.get("title", "")
    if title and not blocks[0].startswith(title):
        blocks.insert(0, title)
    url = getattr(found, "url", None) or html.html_to_text(markup)[1]
    return Reading("\n\n".join(blocks) + "\n", source_url=url, meta=meta)


def _blocks(body: Any, tables: TableWriter) -> list[str]:
    """The paragraphs, headings, list items and tables of trafilatura's body, in order."""
    blocks: list[str] = []
    for element in body:
        if element.tag == "table":
            rows = [[_clean(" ".join(cell.itertext())) for cell in row]
                    for row in element.iter("row")]
            laid_out = tables([r for r in rows if any(r)], "").strip()
            if laid_out:
                blocks.append(laid_out)
        elif element.tag == "list":
            blocks.extend(t for t in (_clean(" ".join(i.itertext()))
                                      for i in element.iter("item")) if t)
        else:
            text = _clean(" ".join(element.itertext()))
            if text:
                blocks.append(text)
    return blocks


def _clean(text: str) -> str:
    """`text` on one line with single spaces."""
    return " ".join(text.split())


def _metadata(found: Any, markup: str) -> dict[str, str]:
    """The page's declared title, publication date (htmldate, YYYY-MM-DD) and site name."""
    from htmldate import find_date

    meta: dict[str, str] = {}
    for key, attr in (("title", "title"), ("site_name", "sitename")):
        value = getattr(found, attr, None)
        if value and str(value).strip():
            meta[key] = _clean(str(value))
    date = find_date(markup, original_date=True, extensive_search=False,
                     outputformat="%Y-%m-%d")
    if date:
        meta["date"] = date
    return meta
