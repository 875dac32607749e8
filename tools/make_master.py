"""Generate the shipped deck master `reportgen/defaults/deck/master.pptx`, byte for byte the same.

Starts from python-pptx's default template, sets a 16:9 slide size, the theme's colours and
fonts, and rewrites seven layouts with plain names (Title, Section, Title and Content, Chart,
Two Content, Table, Closing); the rest are removed. Run: `python tools/make_master.py [OUT]`.
The master's footer holds `{{ organisation }}` so the deck shows how masters take expressions.
"""

from __future__ import annotations

import re
import sys
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportgen.render.deck.package import normalise_package  # noqa: E402
from reportgen.theme import DEFAULT_THEME, Theme  # noqa: E402

OUT = ROOT / "reportgen" / "defaults" / "deck" / "master.pptx"
EMU_PER_INCH = 914400
SLIDE_W, SLIDE_H = 12192000, 6858000  # 13.333 × 7.5 in
NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
MARGIN = 0.6
CONTENT_TOP = 1.6
CONTENT_W = 13.333 - 2 * MARGIN
# layout name → (source layout in the default template, showMasterSp)
LAYOUTS = {
    "Title": ("Title Slide", False),
    "Section": ("Section Header", False),
    "Title and Content": ("Title and Content", True),
    "Chart": ("Title Only", True),
    "Two Content": ("Two Content", True),
    "Table": ("Comparison", True),
    "Closing": ("Blank", False),
}


def emu(inches: float) -> int:
    """Inches → EMU, rounded."""
    return round(inches * EMU_PER_INCH)


def hexcolour(colour: str) -> str:
    """'#1f4e79' → '1F4E79'."""
    return colour.lstrip("#").upper()


def xfrm(x: float, y: float, w: float, h: float) -> str:
    """An `a:xfrm` element for a box given in inches."""
    return (f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>')


def run_props(size: float | None = None, colour: str | None = None, bold: bool = False) -> str:
    """An `a:defRPr` with an optional size (pt), colour and weight."""
    attrs = (f' sz="{round(size * 100)}"' if size else "") + (' b="1"' if bold else "")
    fill = f'<a:solidFill><a:srgbClr val="{hexcolour(colour)}"/></a:solidFill>' if colour else ""
    return f"<a:defRPr{attrs}>{fill}</a:defRPr>"


def placeholder(shape_id: int, name: str, ph: str, box: tuple[float, float, float, float],
                prompt: str, *, anchor: str = "t", style: str = "") -> str:
    """A placeholder `p:sp`; `ph` holds the `p:ph` attributes, `style` its level-1 style."""
    lst = f"<a:lstStyle>{style}</a:lstStyle>" if style else "<a:lstStyle/>"
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr>'
        f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>'
        f"<p:spPr>{xfrm(*box)}</p:spPr>"
        f'<p:txBody><a:bodyPr anchor="{anchor}"><a:normAutofit/></a:bodyPr>{lst}'
        f'<a:p><a:r><a:rPr lang="en-GB"/><a:t>{prompt}</a:t></a:r></a:p></p:txBody></p:sp>'
    )


def level1(size: float, colour: str, *, align: str = "l", bold: bool = False) -> str:
    """A level-1 paragraph style without bullets: alignment, size (pt), colour, weight."""
    return (
        f'<a:lvl1pPr marL="0" indent="0" algn="{align}"><a:buNone/>{run_props(size, colour, bold)}'
        "</a:lvl1pPr>"
    )


def rect(shape_id: int, name: str, box: tuple[float, float, float, float], colour: str) -> str:
    """A filled rectangle without outline (decoration)."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr>{xfrm(*box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{hexcolour(colour)}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f"</p:spPr></p:sp>"
    )


def textbox(shape_id: int, name: str, box: tuple[float, float, float, float], body: str,
            size: float, colour: str, align: str = "l") -> str:
    """A text box whose paragraph is `body` (runs or fields), at `size` pt in `colour`."""
    props = (f'sz="{round(size * 100)}"><a:solidFill><a:srgbClr val="{hexcolour(colour)}"/>'
             "</a:solidFill>")
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
        f"</p:nvSpPr><p:spPr>{xfrm(*box)}"
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
        '<p:txBody><a:bodyPr wrap="square" lIns="0" rIns="0" anchor="ctr"><a:noAutofit/></a:bodyPr>'
        f'<a:lstStyle/><a:p><a:pPr algn="{align}"/>{body.replace("PROPS", props)}</a:p>'
        "</p:txBody></p:sp>"
    )


def sp_tree(shapes: list[str]) -> str:
    """A `p:spTree` holding `shapes`."""
    return (
        f"<p:spTree {NS}>"
        '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
        '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' + "".join(shapes) + "</p:spTree>"
    )


def master_tree(theme: Theme) -> str:
    """The master's shapes: title, body, an accent rule under the title, footer and page number."""
    footer = '<a:r><a:rPr lang="en-GB" PROPS</a:rPr><a:t>{{ organisation }}</a:t></a:r>'
    number = ('<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">'
              '<a:rPr lang="en-GB" PROPS</a:rPr><a:t>‹#›</a:t></a:fld>')
    return sp_tree([
        placeholder(2, "Title Placeholder 1", 'type="title"', (MARGIN, 0.35, CONTENT_W, 0.95),
                    "Click to edit the title", anchor="b"),
        placeholder(3, "Text Placeholder 2", 'type="body" idx="1"',
                    (MARGIN, CONTENT_TOP, CONTENT_W, 5.0), "Click to edit the text"),
        rect(4, "Title Rule", (MARGIN, 1.38, 1.4, 0.06), theme.accent),
        rect(5, "Footer Rule", (MARGIN, 6.86, CONTENT_W, 0.01), theme.grid),
        textbox(6, "Footer Text", (MARGIN, 6.92, 9.0, 0.35), footer, 10, theme.muted),
        textbox(7, "Page Number", (13.333 - MARGIN - 1.5, 6.92, 1.5, 0.35), number, 10,
                theme.muted, align="r"),
    ])


def text_styles(theme: Theme) -> str:
    """The master's title, body and other text styles in the theme's colours and sizes."""
    def level(n: int, size: int, bullet: str) -> str:
        mar = 0 if n == 1 else 285750 * (n - 1) + 228600
        bu = (f'<a:buFont typeface="Arial"/><a:buChar char="{bullet}"/>' if bullet
              else "<a:buNone/>")
        return (
            f'<a:lvl{n}pPr marL="{mar + (228600 if bullet and n == 1 else 0)}" '
            f'indent="{-228600 if bullet else 0}" algn="l">'
            '<a:spcBef><a:spcPts val="600"/></a:spcBef>'
            f'{bu}<a:defRPr sz="{size * 100}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
            '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/>'
            f"</a:defRPr></a:lvl{n}pPr>"
        )
    title = (
        '<p:titleStyle><a:lvl1pPr algn="l"><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>'
        f'<a:defRPr sz="2800" b="1"><a:solidFill><a:srgbClr val="{hexcolour(theme.palette[0])}"/>'
        '</a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/>'
        '<a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle>'
    )
    body = "<p:bodyStyle>" + "".join(
        level(n, size, b) for n, size, b in ((1, 20, "•"), (2, 18, "–"), (3, 16, "•"))
    ) + "</p:bodyStyle>"
    other = ('<p:otherStyle><a:lvl1pPr><a:defRPr sz="1400"><a:solidFill><a:schemeClr val="tx1"/>'
             '</a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/>'
             '<a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr></p:otherStyle>')
    return f"<p:txStyles {NS}>{title}{body}{other}</p:txStyles>"


def layout_shapes(name: str, theme: Theme) -> list[str]:
    """The shapes of the layout called `name`."""
    white, light, dark = "#FFFFFF", "#D6E4F0", theme.palette[0]
    area = (MARGIN, CONTENT_TOP, CONTENT_W, 5.1)
    if name == "Title":
        return [
            rect(2, "Band", (0, 0, 13.333, 4.9), dark),
            rect(3, "Accent", (MARGIN, 4.55, 1.6, 0.08), theme.accent),
            placeholder(4, "Title 1", 'type="ctrTitle"', (MARGIN, 0.7, CONTENT_W, 3.6),
                        "Click to add the title", anchor="b",
                        style=level1(36, white, bold=True)),
            placeholder(5, "Subtitle 2", 'type="subTitle" idx="1"', (MARGIN, 5.2, CONTENT_W, 1.5),
                        "Click to add the subtitle", style=level1(18, theme.muted)),
        ]
    if name in ("Section", "Closing"):
        align, left = ("ctr", 5.87) if name == "Closing" else ("l", 0.9)
        return [
            rect(2, "Band", (0, 0, 13.333, 7.5), dark),
            rect(3, "Accent", (left, 4.4, 1.6, 0.08), theme.accent),
            placeholder(4, "Title 1", 'type="title"', (0.9, 1.5, 11.53, 2.7),
                        "Click to add the title", anchor="b",
                        style=level1(36, white, align=align, bold=True)),
            placeholder(5, "Text 2", 'type="body" idx="1"', (0.9, 4.7, 11.53, 1.8),
                        "Click to add the text", style=level1(18, light, align=align)),
        ]
    title = placeholder(2, "Title 1", 'type="title"', (MARGIN, 0.35, CONTENT_W, 0.95),
                        "Click to add the title", anchor="b")
    if name == "Title and Content":
        return [title, placeholder(3, "Content 2", 'idx="1"', area, "Click to add text")]
    if name == "Table":
        return [title, placeholder(3, "Table 2", 'idx="1"', area, "Click to add a table")]
    if name == "Chart":
        return [
            title,
            placeholder(3, "Chart 2", 'idx="1"', (MARGIN, CONTENT_TOP, CONTENT_W, 4.45),
                        "Click to add a chart"),
            placeholder(4, "Caption 3", 'type="body" sz="quarter" idx="2"',
                        (MARGIN, CONTENT_TOP + 4.55, CONTENT_W, 0.6), "Click to add a caption",
                        style=level1(12, theme.muted)),
        ]
    if name == "Two Content":
        half = (CONTENT_W - 0.4) / 2
        return [
            title,
            placeholder(3, "Content 2", 'sz="half" idx="1"', (MARGIN, CONTENT_TOP, half, 5.1),
                        "Click to add content"),
            placeholder(4, "Content 3", 'sz="half" idx="2"',
                        (MARGIN + half + 0.4, CONTENT_TOP, half, 5.1), "Click to add content"),
        ]
    raise ValueError(f"no shapes for layout {name!r}")


def theme_xml(xml: bytes, theme: Theme) -> bytes:
    """The theme part with the colour scheme and fonts replaced by `theme`'s."""
    colours = {
        "dk1": theme.text, "lt1": theme.background, "dk2": theme.palette[0], "lt2": "#EEF2F6",
        **{f"accent{i + 1}": theme.colour(i) for i in range(6)},
        "hlink": theme.palette[0], "folHlink": theme.palette[4 % len(theme.palette)],
    }
    scheme = '<a:clrScheme name="reportgen">' + "".join(
        f'<a:{k}><a:srgbClr val="{hexcolour(v)}"/></a:{k}>' for k, v in colours.items()
    ) + "</a:clrScheme>"
    text = xml.decode("utf-8")
    text = re.sub(r"<a:clrScheme .*?</a:clrScheme>", scheme, text, flags=re.S)
    for part, latin in (("majorFont", theme.heading_font_family), ("minorFont", theme.font_family)):
        text = re.sub(rf"<a:{part}>.*?</a:{part}>", lambda m, latin=latin: theme_fonts(
            m.group(0), latin, theme), text, flags=re.S)
    text = text.replace('<a:theme name="Office Theme"', '<a:theme name="reportgen"')
    return text.encode("utf-8")


def theme_fonts(xml: str, latin: str, theme: Theme) -> str:
    """A theme's major or minor font list with `latin` for Latin text (with its PANOSE class, so
    Office substitutes a like font where it is missing), the theme's East Asian font for
    Chinese, Japanese and Korean text (and for simplified Chinese by script) and its
    complex-script font. Slide text names these through +mj-lt, +mn-lt, +mn-ea and the like."""
    xml = re.sub(r"<a:latin [^>]*/>", f'<a:latin typeface="{latin}" '
                 f'panose="{theme.latin_font_panose}" pitchFamily="34" charset="0"/>', xml)
    xml = re.sub(r"<a:ea [^>]*/>", f'<a:ea typeface="{theme.east_asian_font_family}"/>', xml)
    xml = re.sub(r"<a:cs [^>]*/>", f'<a:cs typeface="{theme.complex_script_font_family}"/>', xml)
    return re.sub(r'<a:font script="Hans" typeface="[^"]*"/>',
                  f'<a:font script="Hans" typeface="{theme.east_asian_font_family}"/>', xml)


def build_master(theme: Theme = DEFAULT_THEME) -> bytes:
    """The master's .pptx bytes (fixed properties and zip dates, so reruns are identical)."""
    import datetime as dt

    from pptx import Presentation
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml import parse_xml
    from pptx.util import Emu

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(SLIDE_W), Emu(SLIDE_H)
    master = prs.slide_master
    theme_part = master.part.part_related_by(RT.THEME)
    theme_part._blob = theme_xml(theme_part.blob, theme)  # a plain Part keeps its bytes here
    _replace(master._element.cSld, "spTree", parse_xml(master_tree(theme)))
    _replace(master._element, "txStyles", parse_xml(text_styles(theme)))
    by_name = {layout.name: layout for layout in master.slide_layouts}
    keep = []
    for name, (source, show_master) in LAYOUTS.items():
        layout = by_name[source]
        layout._element.cSld.set("name", name)
        _replace(layout._element.cSld, "spTree", parse_xml(sp_tree(layout_shapes(name, theme))))
        layout._element.set("showMasterSp", "1" if show_master else "0")
        layout._element.attrib.pop("type", None)
        keep.append(layout)
    for layout in list(master.slide_layouts):
        if layout not in keep:
            master.slide_layouts.remove(layout)
    _order_layouts(master, keep)
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = "reportgen master", "reportgen", "reportgen"
    props.subject, props.keywords = "Deck master", ""
    props.comments = "Made by tools/make_master.py"
    props.revision = 1
    props.created = props.modified = dt.datetime(2022, 1, 1)
    buffer = BytesIO()
    prs.save(buffer)
    return normalise_package(buffer.getvalue())


def _replace(parent: object, local_name: str, new: object) -> None:
    """Swap `parent`'s child called `local_name` for `new`, in place."""
    for child in parent:  # type: ignore[attr-defined]
        if child.tag.endswith("}" + local_name):
            parent.replace(child, new)  # type: ignore[attr-defined]
            return
    raise ValueError(f"no {local_name} element")


def _order_layouts(master: object, order: list[object]) -> None:
    """Put the master's layout list in `order` (PowerPoint's layout gallery shows this order)."""
    lst = master._element.sldLayoutIdLst  # type: ignore[attr-defined]
    rids = {master.part.related_part(e.rId): e for e in lst}  # type: ignore[attr-defined]
    for layout in order:
        element = rids[layout.part]  # type: ignore[attr-defined]
        lst.remove(element)
        lst.append(element)


def main(argv: list[str] | None = None) -> int:
    """Write the master to the path given (default: the shipped one); return the exit code."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build_master())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
