"""`reportgen new DIR`: a project folder that builds at once (like `quarto create`, `mkdocs new`).

DIR gets `reportgen.toml` (every key, commented), `seeds/` holding the example release shipped
with reportgen, `templates/README.md` (how staff change the look) and a `.gitignore` for the
outputs. A DIR that exists and is not empty is refused, so nobody's work is overwritten.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from reportgen.config import SCHEMA, TABLES, Config
from reportgen.errors import InputError

EXAMPLES_DIR = Path(__file__).parent / "examples"
EXAMPLE = "shanghai-industrial-economy-2022-09-14.txt"

CONFIG_HEAD = """\
# reportgen project settings. Every key is optional: a line starting with # is a default, shown
# so you can see what there is to change; remove the # to change it. Paths are relative to this
# file's folder, and `reportgen build` finds this file from any folder below it.
# ${VAR} in a value is read from the environment, e.g. output = "${BRIEFINGS_DIR}/output".
# Every key and what it does: docs/config.md in reportgen's repository.

"""

TEMPLATES_README = """\
# Templates of this project

reportgen looks for each template file here before it uses the one it ships, so a file you put
here replaces the shipped one of the same name. Start from a copy of the shipped templates:

    reportgen templates init templates

then keep only the files you change (deleted files fall back to the shipped ones), check your
edits with `reportgen check`, and watch them live with `reportgen watch --open`.

| folder | what it controls |
| --- | --- |
| `briefing/` | the PDF and HTML briefing: `style.css`, `custom.css` (look), `*.html.j2` |
| `deck/` | the deck: `master.pptx` (open it in PowerPoint), `deck.yaml` (the slides) |
| `findings/` | `findings.yaml`: the wording of the key findings and the analytic title |
| `index/` | `index.html.j2`: the page `output/index.html` that lists every briefing |
"""

GITIGNORE = "output/\n"
EXAMPLE_VALUES = {"templates": '"staff-templates"', "jobs": "2", "pdf_variant": '"pdf/a-3b"'}
"""Values shown for keys whose default is 'none' (an example of what they take)."""


def new_project(folder: Path) -> list[Path]:
    """Make the project folder `folder`; returns the files written.

    Raises `InputError` when `folder` exists and is not an empty folder."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "is not empty" if folder.is_dir() else "is a file"
        raise InputError(f"{folder}: already exists and {what}; choose a new folder name "
                         "(reportgen new never writes over files)")
    files = {
        folder / "reportgen.toml": config_text(),
        folder / "templates" / "README.md": TEMPLATES_README,
        folder / ".gitignore": GITIGNORE,
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "seeds").mkdir()
    example = Path(shutil.copyfile(EXAMPLES_DIR / EXAMPLE, folder / "seeds" / EXAMPLE))
    return [folder / "reportgen.toml", example, *list(files)[1:]]


def config_text() -> str:
    """The commented `reportgen.toml` of a new project: the folders set, every other key shown
    with its default and what it does, commented out."""
    defaults = Config()
    lines = [CONFIG_HEAD]
    active = {"seeds", "output", "organisation"}
    for key, option in SCHEMA.items():
        value = toml_value(getattr(defaults, option.target)) or EXAMPLE_VALUES.get(key, '""')
        lines.append(f"# {option.doc}")
        lines.append(f"{'' if key in active else '# '}{key} = {value}\n")
    for table, schema in TABLES.items():
        lines.append(f"# [{table}]")
        owner = getattr(defaults, table)
        for key, option in schema.items():
            value = getattr(owner, option.target)
            shown = "{}" if value == () and option.check({}) is None else toml_value(value)
            lines.append(f"# {key} = {shown}  # {option.doc}")
        lines.append("")
    return "\n".join(lines)


def toml_value(value: object) -> str | None:
    """`value` written as TOML ('"output"', 'true', '[ "pdf", "html" ]'); None for no value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(toml_value(v) or '""' for v in value) + "]"
    text = value.as_posix() if isinstance(value, Path) else str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
