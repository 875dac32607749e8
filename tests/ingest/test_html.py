"""ingest/html.py: the visible text of an HTML fragment, its blocks on their own lines."""

from __future__ import annotations

from reportgen.ingest.html import html_to_text


def test_scripts_styles_navigation_and_footers_are_not_text() -> None:
    text, _ = html_to_text("<style>p{}</style><nav>Home | News</nav><p>Exports rose 3%.</p>"
                           "<script>var x = 99;</script><footer>Contact 12345</footer>")
    assert text == "Exports rose 3%.\n"


def test_a_canonical_address_is_kept_and_the_title_opens_the_text() -> None:
    text, url = html_to_text('<head><title>Trade</title><link rel="canonical" '
                             'href="https://example.gov/t"></head><p>Exports rose 3%.</p>')
    assert (text, url) == ("Trade\n\nExports rose 3%.\n", "https://example.gov/t")


def test_a_table_is_laid_out_by_the_writer_it_is_given() -> None:
    text, _ = html_to_text("<table><tr><td>GDP</td><td>5</td></tr></table>",
                           lambda rows, caption: "|".join(c for r in rows for c in r))
    assert text == "GDP|5\n"
