"""The stages' edges: imports run only forward, no module imports itself back, and the charts
and renderers decide nothing from the source text (they read the data layer)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "reportgen"

# The pipeline's order, bottom first. A module may import its own stage and the ones below it.
# `text`, `model`, `errors` and the config are shared by every stage.
STAGES: tuple[tuple[str, ...], ...] = (
    ("errors", "files", "text", "model", "formats", "config", "formatting", "theme", "envvars",
     "regexcache"),
    ("ingest",),
    ("extraction", "overrides", "serialize"),
    ("charts", "pipeline"),
    ("templating", "render", "starter"),
    ("build", "builder", "plan", "worker", "output", "lock", "progress", "changes",
     "index", "new", "environment"),
    ("cli", "commands", "check", "schedule", "watch", "verbosity", "__init__", "__main__"),
)
STAGE_OF = {name: rank for rank, names in enumerate(STAGES) for name in names}
MAX_LINES = 600


def modules() -> dict[str, Path]:
    """Dotted module name → file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def runtime_imports(path: Path) -> set[str]:
    """The reportgen modules `path` imports when it runs (`if TYPE_CHECKING:` blocks left out,
    imports inside functions counted: a late import still points somewhere)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(n) for child in node.body for n in ast.walk(child)}
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("reportgen")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            if base.startswith("reportgen"):
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names}
    known = modules()
    return {m for m in found if m in known}


def stage(module: str) -> int:
    """The stage a module belongs to: that of its first name below `reportgen`."""
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else "__init__"
    return STAGE_OF[name]


def test_every_module_belongs_to_a_stage() -> None:
    unknown = sorted({m.split(".")[1] for m in modules() if "." in m} - set(STAGE_OF))
    assert unknown == [], f"give these a stage in STAGES: {unknown}"


def test_no_import_goes_backwards_between_stages() -> None:
    backwards = [
        f"{module} (stage {stage(module)}) imports {target} (stage {stage(target)})"
        for module, path in modules().items() if module != "reportgen"
        for target in runtime_imports(path)
        if target != "reportgen" and stage(target) > stage(module)
    ]
    assert backwards == []


def test_no_import_cycle_between_modules() -> None:
    graph = {m: {t for t in runtime_imports(p) if t != m and not m.startswith(t + ".")}
             for m, p in modules().items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    # a package's __init__ importing its own submodules is the package, not a cycle
    def within(a: str, b: str) -> bool:
        return a == b or a.startswith(b + ".") or b.startswith(a + ".")

    real = [c for c in cycles if not all(within(c[0], x) for x in c)]
    assert real == []


@pytest.mark.parametrize("folder", ["charts", "render"])
def test_charts_and_renderers_never_read_the_source_text(folder: str) -> None:
    """Every decision about a figure is the data layer's: no `briefing.text`, no source files."""
    readers = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr == "text"
                    and ast.unparse(node.value).split(".")[-1] == "briefing"):
                readers.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            if isinstance(node, ast.Name) and node.id in {"read_source", "read_release"}:
                readers.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert readers == []


def test_no_module_is_over_six_hundred_lines() -> None:
    long = {m: n for m, p in modules().items()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


# Modules whose tests live under another name, and why
TESTED_ELSEWHERE = {
    "reportgen/__init__.py": "tests/test_api.py",  # the public API
    "reportgen/build/__init__.py": "tests/test_api.py",  # `reportgen.build(...)`, callable
    "reportgen/render/__init__.py": "tests/render/briefing/test_html.py",  # RenderResult only
}


def mirrored_test(path: Path) -> list[Path]:
    """Where the tests of the module at `path` belong: `tests/<package>/test_<module>.py`; a
    package's `__init__` beside its package's test folder or inside it."""
    tests = PACKAGE.parent / "tests"
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] != "__init__":
        return [tests.joinpath(*parts[:-1], f"test_{parts[-1]}.py")]
    package = parts[:-1]
    return [tests.joinpath(*package[:-1], f"test_{package[-1]}.py"),
            tests.joinpath(*package, f"test_{package[-1]}.py")]


def test_every_module_with_logic_has_a_test_file_of_its_name() -> None:
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = str(path.relative_to(PACKAGE.parent))
        if not any(line.startswith(("def ", "class ")) for line in
                   path.read_text(encoding="utf-8").splitlines()):
            continue  # re-exports and data only
        places = [PACKAGE.parent / TESTED_ELSEWHERE[rel]] if rel in TESTED_ELSEWHERE \
            else mirrored_test(path)
        if not any(p.exists() for p in places):
            missing.append(f"{rel} -> {places[0].relative_to(PACKAGE.parent)}")
    assert missing == []
