"""The one Jinja environment used by the briefing and the deck: sandboxed, strict, searchable.

Search order: the staff's template folder → the project's `templates/` → the defaults shipped
inside the package. `default/<path>` always names the shipped file, so an override can extend
the file it replaces (`{% extends "default/briefing/base.html.j2" %}`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen import formatting
from reportgen.errors import TemplateError
from reportgen.files import MAX_TEMPLATE_BYTES, read_text_file
from reportgen.text import clip

if TYPE_CHECKING:  # Jinja is imported where it is used: the build's freshness check reads the
    import jinja2  # search path below on every run, and must not pay for Jinja's import
    from jinja2.sandbox import ImmutableSandboxedEnvironment

DEFAULTS_DIR = Path(__file__).parent / "defaults"
DEFAULT_PREFIX = "default"

FILTERS: Mapping[str, Callable[..., str]] = {
    "number": formatting.number,
    "scaled": formatting.scaled,
    "money": formatting.money,
    "percent": formatting.percent,
    "quantity": formatting.quantity,
    "change": formatting.change,
    "cagr": formatting.cagr,
    "upper_first": formatting.upper_first,
    "long_date": formatting.long_date,
}


UNUSED_GLOBALS = ("lipsum", "cycler", "joiner")
"""Jinja's default globals that templates do not need; fewer objects, less to probe."""


def template_search_path(staff_dir: Path | None = None, project_dir: Path | None = None,
                         ) -> list[tuple[str, Path]]:
    """Each template folder searched, first match wins, with its role: the staff's folder
    ('staff'), the project's `templates/` ('project'), the shipped defaults ('default').

    Folders that do not exist are left out; a folder named twice keeps its first role."""
    roles = (("staff", staff_dir), ("project", project_dir), ("default", DEFAULTS_DIR))
    roots: dict[Path, str] = {}
    for role, folder in roles:
        if folder is not None and folder.is_dir():
            roots.setdefault(folder.resolve(), role)
    return [(role, path) for path, role in roots.items()]

_COLLECTED: ContextVar[list[str] | None] = ContextVar("reportgen_undefined", default=None)


@functools.cache
def collecting_undefined() -> type:
    """The undefined-name class `reportgen check` renders with (made on first use: Jinja is
    imported lazily)."""
    import jinja2

    class CollectingUndefined(jinja2.ChainableUndefined):
        """An undefined name that `reportgen check` notes ('file:line: message') and renders as
        nothing, so one run lists every misspelt name instead of stopping at the first."""

        def _note(self) -> None:
            collected = _COLLECTED.get()
            if collected is not None:
                collected.append(f"{_live_template_location()}: {self._undefined_message}")

        def __str__(self) -> str:
            self._note()
            return ""

        def __iter__(self) -> Iterator[Any]:
            self._note()
            return iter(())

        def __bool__(self) -> bool:
            self._note()
            return False

        def __len__(self) -> int:
            self._note()
            return 0

        def __html__(self) -> str:
            return str(self)

    return CollectingUndefined


def _live_template_location() -> str:
    """'file:line' of the innermost template being rendered, from the live call stack."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            line = template.get_corresponding_lineno(frame.f_lineno)
            return f"{_display_path(template.filename)}:{line}"
        frame = frame.f_back  # type: ignore[assignment]
    return "template"


@contextlib.contextmanager
def collect_undefined() -> Iterator[list[str]]:
    """Inside the block, environments made by `make_environment` note undefined names in the
    yielded list instead of failing on the first (for `reportgen check`)."""
    collected: list[str] = []
    token = _COLLECTED.set(collected)
    try:
        yield collected
    finally:
        _COLLECTED.reset(token)


def template_roots(staff_dir: Path | None = None, project_dir: Path | None = None) -> list[Path]:
    """The folders searched for templates, first match wins; the shipped defaults come last."""
    return [path for _, path in template_search_path(staff_dir, project_dir)]


def override_roots(staff_dir: Path | None = None, project_dir: Path | None = None) -> list[Path]:
    """The staff's and the project's template folders that exist (the search path without the
    shipped defaults)."""
    return [path for role, path in template_search_path(staff_dir, project_dir)
            if role != "default"]


def make_environment(roots: Sequence[Path], *, html: bool = True) -> ImmutableSandboxedEnvironment:
    """A sandboxed, autoescaping (for HTML), StrictUndefined environment over `roots`."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    loader = jinja2.ChoiceLoader(
        [
            jinja2.PrefixLoader({DEFAULT_PREFIX: confined_loader([DEFAULTS_DIR])}),
            confined_loader(roots),
        ]
    )
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        bytecode_cache=_bytecode_cache("html" if html else "text"),
        autoescape=html,
        undefined=jinja2.StrictUndefined if _COLLECTED.get() is None else collecting_undefined(),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    for name in UNUSED_GLOBALS:
        env.globals.pop(name, None)
    return env


def confined_loader(roots: Sequence[Path]) -> jinja2.BaseLoader:
    """A Jinja loader over `roots` that opens each template through `reportgen.files`: a link
    out of its folder, a FIFO, a device or a file over `MAX_TEMPLATE_BYTES` is a one-line
    `TemplateError`, never a hang or another file's text in the output."""
    import jinja2
    from jinja2.loaders import split_template_path

    class ConfinedLoader(jinja2.BaseLoader):
        def __init__(self, folders: Sequence[Path]) -> None:
            self.roots = [Path(f) for f in folders]
            self.searchpath = [str(f) for f in folders]  # named in "not found" messages

        def get_source(self, environment: jinja2.Environment, template: str,
                       ) -> tuple[str, str, Callable[[], bool]]:
            pieces = split_template_path(template)  # TemplateNotFound for '..'
            for root in self.roots:
                path = root.joinpath(*pieces)
                if not os.path.lexists(path):
                    continue
                text = read_text_file(path, MAX_TEMPLATE_BYTES, root=root, what="template",
                                      error=TemplateError)
                mtime = os.stat(path).st_mtime

                def uptodate(path: Path = path, mtime: float = mtime) -> bool:
                    try:
                        return os.stat(path).st_mtime == mtime
                    except OSError:
                        return False

                return text, str(path), uptodate
            raise jinja2.TemplateNotFound(template)

        def list_templates(self) -> list[str]:
            return sorted({p.relative_to(r).as_posix() for r in self.roots if r.is_dir()
                           for p in r.rglob("*") if p.is_file()})

    return ConfinedLoader(roots)


@functools.lru_cache(maxsize=4)
def _bytecode_cache(kind: str) -> jinja2.BytecodeCache | None:
    """Compiled templates kept in a private user cache folder (saves ~60 ms per cold render).

    One folder per Jinja version and escaping mode, since compiled code depends on both;
    `REPORTGEN_CACHE_DIR` moves it; None (no cache) when it cannot be made private.
    """
    import jinja2

    base = os.environ.get("REPORTGEN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "reportgen")
    folder = Path(base) / f"jinja-{jinja2.__version__}-sandboxed-{kind}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if folder.stat().st_mode & 0o077 or folder.stat().st_uid != os.getuid():
            return None  # someone else could plant compiled code here
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def render_template(
    env: jinja2.Environment, name: str, context: Mapping[str, Any]
) -> str:
    """The named template rendered with `context`; any failure is a one-line `TemplateError`."""
    import jinja2

    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"{name}: template {exc.name!r} not found in {_roots_text(env)}") from None
    except jinja2.TemplateSyntaxError as exc:
        where = _display_path(exc.filename or exc.name or name)
        raise TemplateError(f"{where}:{exc.lineno}: {exc.message}") from None
    except TemplateError:
        raise
    except Exception as exc:  # noqa: BLE001 — e.g. `{{ 10**5000 }}` fails while Jinja compiles
        raise TemplateError(f"{_display_path(_template_file(env, name))}: cannot be compiled "
                            f"({clip(_message(exc), 200)}); simplify the expression") from None
    try:
        return template.render(context)
    except TemplateError:
        raise
    except jinja2.TemplateNotFound as exc:
        where = _template_location(exc, name)
        raise TemplateError(f"{where}: template {exc.name!r} not found in {_roots_text(env)} "
                            "(names are relative to a template folder; '..' is not allowed)"
                            ) from None
    except jinja2.TemplateSyntaxError as exc:
        where = _display_path(exc.filename or exc.name or name)
        raise TemplateError(f"{where}:{exc.lineno}: {exc.message}") from None
    except Exception as exc:  # noqa: BLE001 — any error raised inside a template is the author's
        raise TemplateError(f"{_template_location(exc, name)}: {_message(exc)}") from None


def render_string(
    env: jinja2.Environment, source: str, context: Mapping[str, Any], where: str
) -> str:
    """`source` rendered as a template; errors name `where` (e.g. 'deck.yaml:12')."""
    import jinja2

    try:
        return env.from_string(source).render(context)
    except TemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{where}: {exc.message}") from None
    except Exception as exc:  # noqa: BLE001 — any error raised inside a template is the author's
        raise TemplateError(f"{where}: {_message(exc)}") from None


def _template_file(env: jinja2.Environment, name: str) -> str:
    """The file `name` is loaded from, or `name` when it cannot be found."""
    loader = env.loader
    roots: Iterable[str] = getattr(loader, "searchpath", ())
    if loader is not None and hasattr(loader, "loaders"):
        roots = [p for sub in loader.loaders for p in getattr(sub, "searchpath", ())]
    for root in roots:
        if (Path(root) / name).is_file():
            return str(Path(root) / name)
    return name


def _message(exc: BaseException) -> str:
    import jinja2

    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"not allowed in a template: {text}"
    if isinstance(exc, RecursionError):
        return "templates nest or call themselves too deeply; flatten them"
    if isinstance(exc, ValueError | OverflowError | MemoryError):
        return f"{clip(text, 200)}; use smaller numbers or shorter repeats"
    return clip(text, 300)


def _template_location(exc: BaseException, fallback: str) -> str:
    """'file:line' of the innermost template frame of the traceback (Jinja rewrites frames)."""

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2") or frame.filename.endswith(".html"):
            return f"{_display_path(frame.filename)}:{frame.lineno}"
    return fallback


def _display_path(filename: str) -> str:
    """A template path relative to the working folder when it is under it."""
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _roots_text(env: jinja2.Environment) -> str:
    import jinja2

    loader = env.loader
    paths: Iterable[str] = ()
    if isinstance(loader, jinja2.ChoiceLoader):
        paths = [p for sub in loader.loaders for p in getattr(sub, "searchpath", ())]
    return ", ".join(paths) or "the template folders"
