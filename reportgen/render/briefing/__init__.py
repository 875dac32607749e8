"""The briefing: the data layer and its charts → HTML (`html.render_html`) and PDF
(`pdf.render_pdf`).

`context` builds what the Jinja template sees, `html` renders it with every stylesheet and image
inlined, `pdf` lays the same markup out with WeasyPrint (`weasy` imports it), fetching resources
only through the restricted `fetcher`, and `glyphs` names characters no installed font covers.
Nothing is imported here, so that loading one module does not load the others.
"""

from __future__ import annotations
